"""Render the township screenshots of the Chinese user guide into docs/screenshots.

Builds a city office and a township data folder in a temporary folder through the program's
services: the city sends the township its distribution package, and the township fills in
entries with evidence. The script then drives the real township window off screen, in
Chinese, and saves the entry form, the export confirmation, a rejected package and the crash
dialog as ``guide-*.png``. Last it damages the township's database and saves the start-up
dialog that offers a restore, with the backup list it opens. The office pages come from the office's own screenshot scripts.

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

from PySide6.QtCore import (  # noqa: E402
    QElapsedTimer,
    QEventLoop,
    QSettings,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
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


def settle(milliseconds: int = 300, wait_for_jobs: bool = True) -> None:
    """Let queued signals arrive, after waiting for background jobs if ``wait_for_jobs``."""
    if wait_for_jobs:
        QThreadPool.globalInstance().waitForDone(30000)
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, output: Path, name: str) -> None:
    """Save ``widget``; a dialog is drawn over its parent window, as the clerk sees it."""
    picture = widget.grab()
    parent = widget.parentWidget()
    if isinstance(widget, QDialog) and parent is not None and parent.isVisible():
        background = parent.window().grab()
        painter = QPainter(background)
        left = (background.width() - picture.width()) // 2
        top = (background.height() - picture.height()) // 3
        painter.fillRect(left - 1, top - 1, picture.width() + 2, picture.height() + 2,
                         QColor("#7a7a7a"))
        painter.drawPixmap(left, top, picture)
        painter.end()
        picture = background
    picture.save(str(output / name))
    print(f"wrote {output / name}")


class ModalAnswerer:
    """Closes every modal dialog so none blocks the script, and saves the requested ones.

    A dialog stays modal while it works on its answer, so each dialog is answered once.
    Dialogs without a planned answer are closed as if cancelled.
    """

    def __init__(self, output: Path) -> None:
        self.output = output
        self.answered: list[QDialog] = []
        self.request: tuple[str, Callable[[QDialog], object] | None] | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self._poll)
        self.timer.start(100)

    def capture(self, name: str, trigger: Callable[[], object],
                finish: Callable[[QDialog], object] | None = None,
                timeout_ms: int = 60000) -> None:
        """Run ``trigger``, save the next dialog as ``name`` and close it with ``finish``.

        Raises:
            TimeoutError: no dialog appeared within ``timeout_ms``.
        """
        self.request = (name, finish)
        trigger()
        wait_until(lambda: self.request is None, timeout_ms)

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or any(dialog is seen for seen in self.answered):
            return
        self.answered.append(dialog)
        finish = None
        name_saved = self.request is not None
        if self.request is not None:
            name, finish = self.request
            # Blocking on jobs here could stall one that reports back to this thread.
            settle(200, wait_for_jobs=False)
            save(dialog, self.output, name)
            self.request = None
        if finish is not None:
            finish(dialog)
        elif name_saved:
            dialog.done(0)
        else:
            print(f"closed {type(dialog).__name__}: {_dialog_text(dialog)}", file=sys.stderr)
            dialog.done(0)


def _dialog_text(dialog: QDialog) -> str:
    return dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()


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


def township_screens(township: Store, root: Path, answerer: ModalAnswerer) -> None:
    """Save the entry form, the export confirmation, a rejected package and the crash dialog."""
    from meili_desktop.ui.crash import build_crash_dialog
    from meili_desktop.ui.township.window import TownshipWindow

    window = TownshipWindow(township)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.set_period(PERIOD)
    window.open_task(19)
    settle()
    save(window.findChild(QWidget, "formScroll"), answerer.output, "guide-evidence.png")

    outbox = root / "上报"
    outbox.mkdir()
    report = outbox / "塘栖镇_2021Q2.mlrp"
    answerer.capture("guide-export.png", lambda: window.export_report_package(report))

    # A distribution package cut short, as when a USB stick is pulled during the copy.
    damaged = root / "下发包_塘栖镇（不完整）.mldp"
    original = next(root.glob("*.mldp")).read_bytes()
    damaged.write_bytes(original[: len(original) * 2 // 3])
    answerer.capture("guide-import-refused.png", lambda: window.open_package_file(damaged))

    # The path a clerk sees on Windows; the demo folder's own path would be a Linux one.
    log_file = Path(r"C:\Users\张三\AppData\Roaming\Hangzhou Meili\MeiliDesktop\logs"
                    r"\meili_desktop.log")
    dialog = build_crash_dialog(window, log_file, "Traceback (most recent call last): ...")
    answerer.capture("guide-crash-dialog.png", dialog.open)
    window.close()


def start_failure_screens(township: Store, answerer: ModalAnswerer) -> None:
    """Save the start-up dialog of a damaged database and its backup list, then restore."""
    from meili_desktop.services.backups import create_backup
    from meili_desktop.store.migrate import DatabaseUnreadableError
    from meili_desktop.ui.backup_dialog import BackupDialog
    from meili_desktop.ui.open_failure import OpenFailureDialog

    folder = township.folder
    create_backup(folder.root, "manual")
    township.dispose()
    damage_database(folder.database_file)
    # The path a clerk sees on Windows, as for the crash dialog.
    shown_path = (r"C:\Users\张三\AppData\Roaming\Hangzhou Meili\MeiliDesktop"
                  r"\meili.sqlite3")
    failure = OpenFailureDialog(DatabaseUnreadableError(path=shown_path), folder.root, None)
    answerer.capture("guide-open-failure.png", failure.open)

    backups = BackupDialog(None, data_dir=folder.root)
    backups.resize(860, 460)
    backups.table.selectRow(0)
    answerer.capture("guide-restore-at-start.png", backups.open)


def damage_database(database_file: Path) -> None:
    """Overwrite 2 KiB of every other page, as a failing disk might."""
    data = bytearray(database_file.read_bytes())
    for start in range(100, len(data), 8192):
        end = min(start + 2048, len(data))
        data[start:end] = b"\xa5" * (end - start)
    database_file.write_bytes(bytes(data))


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
        answerer = ModalAnswerer(output)
        township_screens(township, root, answerer)
        start_failure_screens(township, answerer)
        city.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
