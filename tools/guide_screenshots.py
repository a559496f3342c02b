"""Render the screenshots of the Chinese user guide (docs/user-guide.md) into docs/screenshots.

Builds a city office and a township data folder in a temporary folder through the program's
services: the city sends the township its distribution package, the township fills in entries
with evidence and exports a report package. The script then shows the real windows and
dialogs off screen, in Chinese, and saves them as ``guide-*.png``.

Usage: python tools/guide_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QThreadPool, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget  # noqa: E402

from meili_desktop.domain.entries import EntryKey, Status  # noqa: E402
from meili_desktop.exchange.keys import KdfParameters  # noqa: E402
from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.places import set_application_names  # noqa: E402
from meili_desktop.services import keys as key_service  # noqa: E402
from meili_desktop.services.catalogue import active_catalogue  # noqa: E402
from meili_desktop.services.distribution import (  # noqa: E402
    build_distribution_package,
    import_distribution_package,
    init_city,
)
from meili_desktop.services.entries import attach_evidence, set_entry_fields  # noqa: E402
from meili_desktop.store import units_repo  # noqa: E402
from meili_desktop.store.datafolder import Store, open_store  # noqa: E402

# Demo keys protect nothing, so cheap passphrase hashing keeps the script quick.
DEMO_KDF = KdfParameters(memory_kib=8 * 1024, passes=1, lanes=1, pbkdf2_iterations=10_000)
PASSPHRASE = "演示 口令"
PERIOD = "2021Q2"
WINDOW_SIZE = (1280, 800)


def settle(milliseconds: int = 300) -> None:
    """Let background jobs finish and queued signals arrive."""
    QThreadPool.globalInstance().waitForDone(30000)
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, output: Path, name: str) -> None:
    widget.grab().save(str(output / name))
    print(f"wrote {output / name}")


def capture_modal(output: Path, name: str, trigger: Callable[[], object]) -> None:
    """Run ``trigger``, which opens a modal dialog, save that dialog and close it."""
    def grab_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            print(f"no dialog appeared for {name}", file=sys.stderr)
            return
        save(dialog, output, name)
        if isinstance(dialog, QDialog):
            dialog.done(0)

    QTimer.singleShot(500, grab_and_close)
    trigger()


def demo_folders(root: Path) -> tuple[Store, Store, str]:
    """Return the city's and a township's store, the township set up from its package."""
    city = open_store(root / "市美丽城镇办")
    setup = init_city(city, "杭州市美丽城镇办", PASSPHRASE, root / "托管密钥.mlkey", kdf=DEMO_KDF)
    unlocked = key_service.unlock_city_keys(city, setup.identity.unit_id or "", PASSPHRASE)
    with city.session_factory() as session:
        unit_id = units_repo.find_township(session, "临平区", "塘栖镇").id
    package = build_distribution_package(city, unlocked, unit_id, root)
    township = open_store(root / "塘栖镇")
    import_distribution_package(township, package_path(root, unit_id))
    assert package.addressee == unit_id
    return city, township, unit_id


def package_path(folder: Path, unit_id: str) -> Path:
    return next(folder.glob(f"*{unit_id}.mldp"))


def fill_demo_entries(township: Store, unit_id: str, root: Path) -> None:
    catalogue = active_catalogue(township)
    rows = [
        (13, Status.IN_PROGRESS, "85", "已完成 17 所学校的标准化改造，剩余 3 所计划 9 月底前完工。"),
        (19, Status.DONE, "42.5", "镇区主干道立面整治全部完成。"),
        (27, Status.IN_PROGRESS, "12.3", "污水管网新建 12.3 公里，正在进行竣工验收。"),
    ]
    for number, status, value, narrative in rows:
        set_entry_fields(township, catalogue, EntryKey(unit_id, number, PERIOD), {
            "status": status, "value": Decimal(value), "narrative": narrative,
            "responsible_person": "王晓明", "contact": "0571-88886666"})
    photo = root / "立面整治 验收照片.jpg"
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#8FB8DE"))
    image.save(str(photo), "JPG")
    attach_evidence(township, EntryKey(unit_id, 19, PERIOD), photo, max_mb=50)


def township_screens(township: Store, output: Path) -> None:
    from meili_desktop.ui.township.window import CHECK_TAB, TownshipWindow
    from meili_desktop.ui.crash import build_crash_dialog

    window = TownshipWindow(township)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.set_period(PERIOD)
    window.open_task(13)
    settle()
    save(window, output, "guide-township.png")

    window.open_task(19)
    settle()
    evidence = window.form.findChild(QWidget, "evidenceList")
    scroll = window.findChild(QWidget, "formScroll")
    if evidence is not None and scroll is not None:
        scroll.ensureWidgetVisible(evidence)
    settle()
    save(window, output, "guide-evidence.png")

    window.tabs.setCurrentIndex(CHECK_TAB)
    window.check.run_check()
    settle()
    save(window, output, "guide-check.png")

    log_file = township.folder.logs_dir / "meili_desktop.log"
    dialog = build_crash_dialog(window, log_file, "Traceback (most recent call last): ...")
    dialog.show()
    settle()
    save(dialog, output, "guide-crash-dialog.png")
    dialog.done(0)
    window.close()


def first_run_screen(root: Path, output: Path) -> None:
    from meili_desktop.ui.first_run import FirstRunDialog

    store = open_store(root / "新电脑")
    dialog = FirstRunDialog(store)
    dialog.show()
    settle()
    save(dialog, output, "guide-first-run.png")
    dialog.done(0)
    store.dispose()


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="meili-guide-") as folder:
        root = Path(folder)
        set_application_names()
        # Keep the demo's window state out of the user's own settings.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(root / "settings"))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        install_translators(app, "zh_CN")

        city, township, unit_id = demo_folders(root)
        fill_demo_entries(township, unit_id, root)
        first_run_screen(root, output)
        township_screens(township, output)
        city.dispose()
        township.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
