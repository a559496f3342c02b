"""Render the township screens into docs/screenshots: first run, form, overview grid, check.

Sets up a provisional township (塘栖镇) in a temporary data folder, fills a few tasks the way a
clerk would, and saves the real dialog and window off screen in Chinese as ``township-*.png``.
Set ``QT_SCALE_FACTOR=1.5`` to see the screens at 150 % display scaling.

Usage: python tools/township_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from meili_desktop.domain.entries import EntryKey, Status  # noqa: E402
from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.places import set_application_names  # noqa: E402
from meili_desktop.services.catalogue import active_catalogue  # noqa: E402
from meili_desktop.services.entries import attach_evidence, set_entry_fields  # noqa: E402
from meili_desktop.services.setup import setup_provisional_township  # noqa: E402
from meili_desktop.store import targets_repo  # noqa: E402
from meili_desktop.store.datafolder import Store, open_store  # noqa: E402

PERIOD = "2021Q2"
WINDOW_SIZE = (1280, 820)
NARRATIVE = "已完成 17 所学校的标准化改造，剩余 3 所计划 9 月底前完工，已落实资金 420 万元。"


def settle(milliseconds: int = 300) -> None:
    """Let background jobs finish and queued signals arrive."""
    QThreadPool.globalInstance().waitForDone(30000)
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, output: Path, name: str) -> None:
    widget.grab().save(str(output / name))
    print(f"wrote {output / name}")


def set_targets(store: Store, unit_id: str) -> None:
    """Store the year's targets a distribution package would bring, so progress shows."""
    targets = {10: "1", 11: "3", 13: "100", 15: "90", 16: "100", 17: "100", 18: "100",
               19: "40", 27: "15"}
    with store.session_factory.begin() as session:
        for number, value in targets.items():
            targets_repo.set_target(session, number, unit_id, "2021", Decimal(value))


def fill_entries(store: Store, unit_id: str, root: Path) -> None:
    """Fill tasks as a clerk would: some done with evidence, some in progress, one suspicious."""
    catalogue = active_catalogue(store)
    person = {"responsible_person": "王晓明", "contact": "0571-88886666"}
    rows = [
        (10, Status.DONE, "1", "塘栖古镇未来社区试点方案已获批复。"),
        (11, Status.IN_PROGRESS, "2", "小微企业园二期主体完工。"),
        (13, Status.IN_PROGRESS, "85", NARRATIVE),
        (15, Status.DONE, "92.5", "新增等级幼儿园 2 所。"),
        (16, Status.DONE, "100", "镇公办中心幼儿园已覆盖全镇。"),
        (17, Status.IN_PROGRESS, "120", "雪亮工程点位超额建设。"),
        (18, Status.NOT_STARTED, None, ""),
        (27, Status.IN_PROGRESS, "12.3", "运河沿线绿道新建 12.3 公里。"),
    ]
    for number, status, value, narrative in rows:
        changes: dict[str, object] = {"status": status, "narrative": narrative, **person}
        if value is not None:
            changes["value"] = Decimal(value)
        set_entry_fields(store, catalogue, EntryKey(unit_id, number, PERIOD), changes)
    for number, name, colour in ((13, "塘栖二中 标准化验收照片.jpg", "#8FB8DE"),
                                 (13, "验收意见书.pdf", None),
                                 (10, "试点批复文件.pdf", None),
                                 (16, "幼儿园照片.jpg", "#F4B183")):
        path = root / name
        if colour is None:
            path.write_bytes(b"%PDF-1.4 demo evidence")
        else:
            image = QImage(800, 600, QImage.Format.Format_RGB32)
            image.fill(QColor(colour))
            image.save(str(path), "JPG")
        attach_evidence(store, EntryKey(unit_id, number, PERIOD), path, max_mb=50)


def first_run_screen(root: Path, output: Path) -> None:
    from meili_desktop.ui.first_run import FirstRunDialog

    store = open_store(root / "新电脑")
    dialog = FirstRunDialog(store)
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findText("临平区"))
    dialog.town_combo.setCurrentIndex(dialog.town_combo.findText("塘栖镇"))
    dialog.show()
    settle()
    save(dialog, output, "township-first-run.png")
    dialog.done(0)
    store.dispose()


def window_screens(store: Store, output: Path) -> None:
    from meili_desktop.ui.township.overview_model import Column
    from meili_desktop.ui.township.window import CHECK_TAB, OVERVIEW_TAB, TownshipWindow

    window = TownshipWindow(store)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.set_period(PERIOD)
    window.open_task(13)
    settle()
    save(window, output, "township-main.png")

    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    grid = window.overview
    grid.view.setCurrentIndex(grid.proxy.index(8, Column.STATUS))
    grid.paste_text("推进中\t3\t李红\t0571-88881234\n已完成\t/\t李红\t0571-88881234\n")
    settle()
    save(window, output, "township-overview.png")

    window.tabs.setCurrentIndex(CHECK_TAB)
    window.check.run_check()
    settle()
    save(window, output, "township-check.png")
    window.close()


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="meili-township-") as folder:
        root = Path(folder)
        set_application_names()
        # Keep the demo's window state out of the user's own settings.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(root / "settings"))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        install_translators(app, "zh_CN")

        first_run_screen(root, output)
        store = open_store(root / "塘栖镇")
        identity = setup_provisional_township(store, "临平区", "塘栖镇")
        set_targets(store, identity.unit_id or "")
        fill_entries(store, identity.unit_id or "", root)
        window_screens(store, output)
        store.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
