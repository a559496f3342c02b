"""The backup dialog: lists backups, makes one and restores one after confirmation."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from meili_desktop.cli import main
from meili_desktop.services.backups import create_backup
from meili_desktop.store.backup import BackupFile
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.backup_dialog import (
    NAME_COLUMN,
    REASON_COLUMN,
    TIME_COLUMN,
    BackupDialog,
)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    set_note(opened, "first")
    yield opened
    opened.dispose()


def set_note(store: Store, text: str) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('note', ?)", (text,))


def note(store: Store) -> str:
    with closing(sqlite3.connect(store.folder.database_file)) as connection:
        return connection.execute("SELECT value FROM meta WHERE key = 'note'").fetchone()[0]


@pytest.fixture
def dialog(qtbot: QtBot, store: Store) -> BackupDialog:
    made = BackupDialog(store)
    qtbot.addWidget(made)
    made.show()
    return made


def test_lists_backups(qtbot: QtBot, store: Store) -> None:
    create_backup(store.folder.root, "pre-import")
    create_backup(store.folder.root, "daily")

    dialog = BackupDialog(store)
    qtbot.addWidget(dialog)

    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, NAME_COLUMN).text().startswith("daily-")
    assert dialog.table.item(1, REASON_COLUMN).text() != ""
    assert not dialog.restore_button.isEnabled()


def test_backup_now(qtbot: QtBot, dialog: BackupDialog) -> None:
    with qtbot.waitSignal(dialog.backup_made, timeout=10000) as made:
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    assert made.args[0].reason == "manual"
    assert dialog.table.rowCount() == 1
    assert made.args[0].name in dialog.message_label.text()


def test_restore_after_confirmation(qtbot: QtBot, dialog: BackupDialog, store: Store,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    create_backup(store.folder.root, "pre-import")
    set_note(store, "changed later")
    dialog.refresh()
    dialog.table.selectRow(0)
    asked: list[str] = []

    def confirm(backup: BackupFile) -> bool:
        asked.append(backup.name)
        return True

    monkeypatch.setattr(dialog, "confirm_restore", confirm)

    with qtbot.waitSignal(dialog.restored, timeout=20000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    assert note(store) == "first"
    assert restored.args[0].safety_copy is not None
    assert dialog.table.rowCount() == 2
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql(
            "SELECT value FROM meta WHERE key = 'note'").scalar() == "first"


def test_restore_declined(qtbot: QtBot, dialog: BackupDialog, store: Store,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    create_backup(store.folder.root, "pre-import")
    set_note(store, "kept")
    dialog.refresh()
    dialog.table.selectRow(0)
    monkeypatch.setattr(dialog, "confirm_restore", lambda backup: False)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog.create_button.isEnabled()
    assert note(store) == "kept"


def test_damaged_backup_shows_message(qtbot: QtBot, dialog: BackupDialog, store: Store,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    made = create_backup(store.folder.root, "pre-import")
    made.path.write_bytes(b"not a database" * 500)
    set_note(store, "kept")
    dialog.refresh()
    dialog.table.selectRow(0)
    monkeypatch.setattr(dialog, "confirm_restore", lambda backup: True)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message_label.text() != "", timeout=20000)

    assert made.name in dialog.message_label.text()
    qtbot.waitUntil(dialog.create_button.isEnabled, timeout=5000)
    assert note(store) == "kept"


@pytest.fixture
def china_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the test in the computer time zone of Hangzhou, UTC+08:00."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_time_matches_command_line(qtbot: QtBot, store: Store, china_time: None,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    made = create_backup(store.folder.root, "manual",
                         now=datetime(2021, 6, 30, 1, 2, 3, tzinfo=UTC))
    dialog = BackupDialog(store)
    qtbot.addWidget(dialog)
    capsys.readouterr()

    assert main(["--data-dir", str(store.folder.root), "backup", "list"]) == 0

    shown = dialog.table.item(0, TIME_COLUMN).text()
    assert shown == "2021-06-30 09:02:03 UTC+08:00"
    assert shown in capsys.readouterr().out
    assert made.name in dialog.table.item(0, NAME_COLUMN).text()
