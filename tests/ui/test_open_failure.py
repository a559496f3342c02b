"""A data folder that does not open at start-up: the dialog offers a restore, not a dead end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from meili_desktop.errors import MeiliError
from meili_desktop.services.backups import create_backup, list_backups
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.faults import DatabaseLockedError
from meili_desktop.store.migrate import DatabaseTooNewError, DatabaseUnreadableError
from meili_desktop.ui.backup_dialog import BackupDialog
from meili_desktop.ui.office.window import OfficeWindow
from meili_desktop.ui.open_failure import OpenFailureDialog, offer_recovery
from meili_desktop.ui.startup import DataFolderOpener
from tests.reports.report_support import open_office_store, seed_report_data

ENTRY_COUNT_SQL = text("SELECT count(*) FROM entries")


def damage_database(database_file: Path) -> None:
    """Overwrite 2 KiB of every other page, the first page's schema included, as a bad disk does."""
    data = bytearray(database_file.read_bytes())
    for start in range(100, len(data), 8192):
        end = min(start + 2048, len(data))
        data[start:end] = b"\xa5" * (end - start)
    database_file.write_bytes(bytes(data))


@pytest.fixture
def damaged_folder(data_dir: Path) -> Path:
    """An office data folder with entries and a daily backup, whose database is then damaged."""
    store = open_office_store(data_dir)
    seed_report_data(store)
    store.dispose()
    create_backup(data_dir, "daily")
    damage_database(data_dir / "meili.sqlite3")
    return data_dir


@pytest.fixture
def unreadable(damaged_folder: Path) -> MeiliError:
    with pytest.raises(DatabaseUnreadableError) as raised:
        open_store(damaged_folder)
    return raised.value


def count_entries(data_dir: Path) -> int:
    store = open_store(data_dir)
    try:
        with store.engine.connect() as connection:
            return connection.execute(ENTRY_COUNT_SQL).scalar_one()
    finally:
        store.dispose()


class Clerk:
    """Answers the start-up dialogs as a clerk would: each answer is a button's object name.

    ``restore`` picks the newest backup in the backup dialog and confirms the restore.
    """

    def __init__(self, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, answers: list[str]):
        self.qtbot = qtbot
        self.answers = list(answers)
        self.shown: list[OpenFailureDialog] = []
        self.backup_dialogs: list[BackupDialog] = []
        self.opened_urls: list[QUrl] = []
        monkeypatch.setattr(OpenFailureDialog, "exec", lambda dialog: self._answer(dialog))
        monkeypatch.setattr(BackupDialog, "exec", lambda dialog: self._restore_newest(dialog))
        monkeypatch.setattr(BackupDialog, "confirm_restore", lambda dialog, backup: True)
        monkeypatch.setattr(QDesktopServices, "openUrl",
                            lambda url: self.opened_urls.append(url) or True)

    def _answer(self, dialog: OpenFailureDialog) -> int:
        self.shown.append(dialog)
        buttons = {"restore": dialog.restore_button, "folder": dialog.folder_button,
                   "quit": dialog.quit_button}
        button = buttons[self.answers.pop(0)]
        assert button is not None, "the dialog has no such button"
        button.click()
        return 0

    def _restore_newest(self, dialog: BackupDialog) -> int:
        self.backup_dialogs.append(dialog)
        self.qtbot.addWidget(dialog)
        dialog.table.selectRow(0)
        with self.qtbot.waitSignal(dialog.restored, timeout=20000):
            dialog.restore_button.click()
        return 0


def test_restore_offered_for_damaged_file(qtbot: QtBot, damaged_folder: Path,
                                          unreadable: MeiliError) -> None:
    dialog = OpenFailureDialog(unreadable, damaged_folder, None)
    qtbot.addWidget(dialog)

    assert dialog.restore_button is not None
    assert dialog.defaultButton() is dialog.restore_button
    assert dialog.escapeButton() is dialog.quit_button
    assert str(damaged_folder / "meili.sqlite3") in dialog.text()


def test_no_restore_without_backups(qtbot: QtBot, damaged_folder: Path,
                                    unreadable: MeiliError) -> None:
    for backup in list_backups(damaged_folder):
        backup.path.unlink()

    dialog = OpenFailureDialog(unreadable, damaged_folder, None)
    qtbot.addWidget(dialog)

    assert dialog.restore_button is None
    assert str(damaged_folder) in dialog.informativeText()
    assert dialog.defaultButton() is dialog.quit_button


@pytest.mark.parametrize("error", [
    DatabaseTooNewError(revision="9999", supported="0001"),
    DatabaseLockedError(path="meili.sqlite3", folder="."),
], ids=["too-new", "locked"])
def test_no_restore_for_other_failures(qtbot: QtBot, damaged_folder: Path,
                                       error: MeiliError) -> None:
    dialog = OpenFailureDialog(error, damaged_folder, None)
    qtbot.addWidget(dialog)

    assert dialog.restore_button is None
    assert dialog.folder_button is not None


def test_no_restore_for_database_server(qtbot: QtBot, damaged_folder: Path,
                                        unreadable: MeiliError) -> None:
    dialog = OpenFailureDialog(unreadable, damaged_folder, "postgresql+psycopg://127.0.0.1/x")
    qtbot.addWidget(dialog)

    assert dialog.restore_button is None


def test_restore_repairs_damaged_folder(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                        damaged_folder: Path, unreadable: MeiliError) -> None:
    clerk = Clerk(qtbot, monkeypatch, ["restore"])

    assert offer_recovery(unreadable, damaged_folder, None) is True

    assert len(clerk.backup_dialogs) == 1
    assert clerk.backup_dialogs[0].create_button.isHidden()
    assert count_entries(damaged_folder) > 0
    kept = [backup for backup in list_backups(damaged_folder) if backup.reason == "pre-restore"]
    assert len(kept) == 1
    assert kept[0].path.read_bytes()[100:200] == b"\xa5" * 100


def test_open_folder_then_quit(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                               damaged_folder: Path, unreadable: MeiliError) -> None:
    clerk = Clerk(qtbot, monkeypatch, ["folder", "quit"])

    assert offer_recovery(unreadable, damaged_folder, None) is False

    assert len(clerk.shown) == 2
    assert [url.toLocalFile() for url in clerk.opened_urls] == [str(damaged_folder)]
    with pytest.raises(DatabaseUnreadableError):
        open_store(damaged_folder)


def test_backup_dialog_closed_without_restore(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                              damaged_folder: Path,
                                              unreadable: MeiliError) -> None:
    clerk = Clerk(qtbot, monkeypatch, ["restore", "quit"])
    monkeypatch.setattr(BackupDialog, "exec", lambda dialog: clerk.backup_dialogs.append(dialog))

    assert offer_recovery(unreadable, damaged_folder, None) is False

    assert len(clerk.shown) == 2
    assert len(clerk.backup_dialogs) == 1


@pytest.fixture
def office_window(qtbot: QtBot) -> Iterator[OfficeWindow]:
    window = OfficeWindow(None)
    qtbot.addWidget(window)
    yield window


def test_office_opener_opens_restored_folder(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                             damaged_folder: Path,
                                             office_window: OfficeWindow) -> None:
    clerk = Clerk(qtbot, monkeypatch, ["restore"])
    opener = DataFolderOpener(office_window, damaged_folder, None, None)

    with qtbot.waitSignal(office_window.data_ready, timeout=60000):
        opener.start()

    try:
        assert len(clerk.shown) == 1
        assert office_window.store is not None
        with office_window.store.engine.connect() as connection:
            assert connection.execute(ENTRY_COUNT_SQL).scalar_one() > 0
    finally:
        office_window.close()
        opener.dispose_store()
