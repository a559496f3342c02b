"""Render every page of the township and office windows to PNG, off screen, for review.

Builds the scene of :mod:`screen_scene`: a city with eight townships, two quarters of 2021
merged at the office, a returned entry, a conflict, held entries and split targets. It then
saves each page of both windows in each language and window size into
``OUTPUT/<language>-<width>x<height>/``. Dialogs are drawn over their window, as the clerk
sees them. A fresh office with no data gives the ``office-empty-*`` screens. Lines starting
``warning:`` name dialogs larger than the window they belong to.

With ``--docs`` the Chinese 1280×800 screens that the user guide shows are also copied into
docs/screenshots under the names the guide uses.

Usage: python tools/render_screens.py [OUTPUT] [--languages zh_CN,en]
       [--sizes 1280x800,1024x640] [--parts township,office,empty] [--docs]

A full run takes about a minute (two cores, offscreen), most of it in building the scene.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from PySide6.QtCore import (  # noqa: E402
    QElapsedTimer,
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QThreadPool,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402
from screen_scene import (  # noqa: E402
    FEATURED_TOWN,
    PERIODS,
    RETURNED_TASK,
    Scene,
    build_scene,
    open_empty_office,
)

from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.places import set_application_names  # noqa: E402
from meili_desktop.ui.office.page_loading import is_page_loading  # noqa: E402
from meili_desktop.ui.workers import write_pool  # noqa: E402
from tests.services.package_chain import PASSPHRASE  # noqa: E402

# Screens of the Chinese 1280×800 set that the user guide shows, by the guide's file name.
GUIDE_IMAGES = {
    "township-tasks.png": "township-main.png",
    "township-overview.png": "township-overview.png",
    "township-check.png": "township-check.png",
    "office-completeness.png": "office-completeness.png",
    "office-review.png": "office-review.png",
    "office-distribution.png": "office-distribution.png",
    "office-summary.png": "summary-by-town.png",
    "office-charts.png": "charts.png",
    "office-empty-charts.png": "office-charts-empty.png",
    "office-inbox.png": "office-inbox.png",
}


def quiet_offscreen_warning(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Print Qt's messages except the offscreen platform's note on every dialog."""
    if "propagateSizeHints" not in message:
        print(f"Qt: {message}", file=sys.stderr)


def settle(milliseconds: int = 200, wait_for_jobs: bool = True) -> None:
    """Let background jobs finish and queued signals arrive."""
    if wait_for_jobs:
        write_pool().waitForDone(60000)
        QThreadPool.globalInstance().waitForDone(60000)
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_ms: int = 60000) -> None:
    """Process events until ``condition`` holds.

    Raises:
        TimeoutError: ``condition`` still fails after ``timeout_ms``.
    """
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.hasExpired(timeout_ms):
            raise TimeoutError("the screen did not reach the expected state")
        settle(100)


def show_loaded(window: QWidget, name: str) -> QWidget:
    """Show the office page ``name`` and wait until it has shown its data."""
    page = window.show_page(name)  # type: ignore[attr-defined]
    wait_until(lambda: not is_page_loading(page))
    return page


class Renderer:
    """Saves screens of one language and window size into one folder."""

    def __init__(self, output: Path, size: tuple[int, int]) -> None:
        self.output = output
        self.size = size
        self.warnings: list[str] = []
        output.mkdir(parents=True, exist_ok=True)

    def save(self, widget: QWidget, name: str) -> None:
        """Save ``widget`` once its pages have shown their data.

        A dialog is drawn over its window, centred as Qt places it.
        """
        wait_until(lambda: not is_page_loading(widget.window()))
        settle()
        picture = widget.grab()
        parent = widget.parentWidget()
        if isinstance(widget, QDialog) and parent is not None and parent.isVisible():
            picture = self._over_window(picture, parent.window(), name)
        picture.save(str(self.output / name))
        print(f"wrote {self.output / name}")

    def _over_window(self, dialog: QPixmap, window: QWidget, name: str) -> QPixmap:
        background = window.grab()
        if dialog.width() > background.width() or dialog.height() > background.height():
            self.warnings.append(f"{self.output.name}/{name}: dialog {dialog.width()}×"
                                 f"{dialog.height()} is larger than the window "
                                 f"{background.width()}×{background.height()}")
        painter = QPainter(background)
        painter.fillRect(0, 0, background.width(), background.height(), QColor(0, 0, 0, 60))
        left = max((background.width() - dialog.width()) // 2, 0)
        top = max((background.height() - dialog.height()) // 2, 0)
        painter.fillRect(left - 1, top - 1, dialog.width() + 2, dialog.height() + 2,
                         QColor("#7a7a7a"))
        painter.drawPixmap(left, top, dialog)
        painter.end()
        return background

    def capture_modal(self, name: str, trigger: Callable[[], object],
                      finish: Callable[[QDialog], None] | None = None) -> None:
        """Run ``trigger``, save the modal dialog it opens as ``name``, then close it."""
        state = {"done": False}

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog) or state["done"]:
                return
            state["done"] = True
            timer.stop()
            settle(150, wait_for_jobs=False)
            self.save(dialog, name)
            (finish or (lambda shown: shown.done(0)))(dialog)

        timer = QTimer()
        timer.timeout.connect(poll)
        timer.start(100)
        trigger()
        wait_until(lambda: state["done"])
        timer.stop()


def render_township(scene: Scene, renderer: Renderer, root: Path) -> None:
    """Save the featured town's window: form with the returned comment, grid, history,
    check and the export dialogs."""
    from meili_desktop.ui.township.window import CHECK_TAB, OVERVIEW_TAB, TownshipWindow

    window = TownshipWindow(scene.towns[FEATURED_TOWN])
    window.resize(*renderer.size)
    window.show()
    window.set_period(PERIODS[1])
    window.open_task(RETURNED_TASK)
    renderer.save(window, "township-tasks.png")

    window.open_task(27)
    renderer.save(window, "township-tasks-plain.png")

    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    renderer.save(window, "township-overview.png")

    dialog = window.show_history(RETURNED_TASK)
    renderer.save(dialog, "township-history.png")
    dialog.close()

    window.tabs.setCurrentIndex(CHECK_TAB)
    window.check.run_check()
    renderer.save(window, "township-check.png")

    renderer.capture_modal("township-export-file.png", window.export_report_package)
    outbox = root / "export-demo"
    outbox.mkdir(exist_ok=True)
    target = outbox / f"{FEATURED_TOWN}_{PERIODS[1]}.mlrp"
    renderer.capture_modal("township-export-done.png",
                           lambda: window.export_report_package(target))
    window.close()
    settle()


def render_office(scene: Scene, renderer: Renderer) -> None:
    """Save every page of the city office window with the scene's data."""
    from meili_desktop.ui.office.key_dialog import KeyDecisionDialog
    from meili_desktop.ui.office.window import OfficeWindow

    window = OfficeWindow(scene.city.store)
    window.resize(*renderer.size)
    window.show()
    assert window.key_session is not None
    window.key_session.unlock_with(PASSPHRASE)

    key_dialogs: list[KeyDecisionDialog] = []
    original_exec = KeyDecisionDialog.exec
    KeyDecisionDialog.exec = lambda dialog: key_dialogs.append(dialog) or 0  # type: ignore
    try:
        inbox = window.show_page("inbox_page")
        inbox.add_paths(scene.inbox_files)
        wait_until(lambda: all(row.state != "checking" for row in inbox.rows))
        inbox.select_row(len(inbox.rows) - 1)
        renderer.save(window, "office-inbox.png")
        if key_dialogs:
            key_dialogs[0].setParent(window, key_dialogs[0].windowFlags())
            key_dialogs[0].show()
            renderer.save(key_dialogs[0], "office-key.png")
            key_dialogs[0].close()
    finally:
        KeyDecisionDialog.exec = original_exec  # type: ignore[method-assign]
    ready = [index for index, row in enumerate(inbox.rows) if row.state == "ready"]
    if ready:
        inbox.select_row(ready[0])
        renderer.capture_modal("office-preview.png", inbox.preview_selected)

    window.show_page("conflicts_page")
    renderer.save(window, "office-conflicts.png")

    board = show_loaded(window, "completeness_page")
    board.period_combo.setCurrentIndex(board.period_combo.findData(PERIODS[1]))
    renderer.save(window, "office-completeness.png")

    review_page = show_loaded(window, "review_page")
    review_page.period_combo.setCurrentIndex(review_page.period_combo.findData(PERIODS[1]))
    review_page.county_combo.setCurrentIndex(review_page.county_combo.findData("330113"))
    wait_until(lambda: not is_page_loading(review_page))
    returned = [index for index, row in enumerate(review_page.rows)
                if row.key.task_number == RETURNED_TASK and row.unit_name == FEATURED_TOWN]
    review_page.table.selectRow(returned[0] if returned else 0)
    renderer.save(window, "office-review.png")

    window.show_page("audit_page")
    renderer.save(window, "office-audit.png")

    _render_reports(window, renderer, "office")

    window.show_page("distribution_page")
    renderer.save(window, "office-distribution.png")
    window.close()
    settle()


def _render_reports(window: QWidget, renderer: Renderer, prefix: str) -> None:
    """Save the summary, charts, targets and scores pages of an office window."""
    show_loaded(window, "summary_page")
    renderer.save(window, f"{prefix}-summary.png")

    charts = show_loaded(window, "charts")
    index = charts.task_combo.findData(RETURNED_TASK)
    if index >= 0:
        charts.task_combo.setCurrentIndex(index)
    renderer.save(window, f"{prefix}-charts.png")

    targets_page = show_loaded(window, "targets_page")
    index = targets_page.task_combo.findData(27)
    if index >= 0:
        targets_page.task_combo.setCurrentIndex(index)
    renderer.save(window, f"{prefix}-targets.png")

    scores_page = show_loaded(window, "scores_page")
    index = scores_page.county_combo.findData("330113")
    if index >= 0:
        scores_page.county_combo.setCurrentIndex(index)
    renderer.save(window, f"{prefix}-scores.png")


def render_empty_office(store_root: Path, renderer: Renderer) -> None:
    """Save the pages of an office that has merged nothing yet."""
    from meili_desktop.ui.office.window import OfficeWindow

    store = open_empty_office(store_root)
    window = OfficeWindow(store)
    window.resize(*renderer.size)
    window.show()
    for name in ("inbox_page", "completeness_page", "conflicts_page", "review_page",
                 "audit_page"):
        window.show_page(name)
        renderer.save(window, f"office-empty-{name.removesuffix('_page')}.png")
    _render_reports(window, renderer, "office-empty")
    window.close()
    settle()
    store.dispose()


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=Path("screens"),
                        help="folder for the PNG files (default: ./screens)")
    parser.add_argument("--languages", default="zh_CN,en",
                        help="comma-separated languages (default: zh_CN,en)")
    parser.add_argument("--sizes", default="1280x800,1024x640",
                        help="comma-separated window sizes in pixels (default: 1280x800,1024x640)")
    parser.add_argument("--parts", default="township,office,empty",
                        help="comma-separated parts to render: township, office and empty "
                             "(the office with no data); default: all three")
    parser.add_argument("--docs", action="store_true",
                        help="also copy the user guide's screens into docs/screenshots")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    sizes = [tuple(int(part) for part in size.split("x")) for size in arguments.sizes.split(",")]
    parts = set(arguments.parts.split(","))
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="meili-screens-") as folder:
        root = Path(folder)
        set_application_names()
        # Keep the demo's window state out of the user's own settings.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(root / "settings"))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        qInstallMessageHandler(quiet_offscreen_warning)
        scene = build_scene(root / "scene")
        try:
            for language in arguments.languages.split(","):
                install_translators(app, language)
                for width, height in sizes:
                    renderer = Renderer(arguments.output / f"{language}-{width}x{height}",
                                        (width, height))
                    if "township" in parts:
                        render_township(scene, renderer, root)
                    if "office" in parts:
                        render_office(scene, renderer)
                    if "empty" in parts:
                        render_empty_office(root / f"empty-{language}-{width}", renderer)
                    warnings.extend(renderer.warnings)
        finally:
            scene.dispose()
    for line in warnings:
        print(f"warning: {line}")
    if arguments.docs:
        copy_guide_images(arguments.output / "zh_CN-1280x800")
    return 0


def copy_guide_images(source: Path) -> None:
    """Copy the guide's screens from the Chinese 1280×800 set into docs/screenshots."""
    target = ROOT / "docs" / "screenshots"
    for rendered, guide_name in GUIDE_IMAGES.items():
        shutil.copyfile(source / rendered, target / guide_name)
        print(f"copied {rendered} to {target / guide_name}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
