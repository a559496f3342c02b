"""The database settings dialog and the start's choice of database, against real servers."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from meili_desktop.messages import describe
from meili_desktop.services.database_check import (
    EMPTY,
    DatabaseLoginError,
    DatabaseServerUnreachableError,
    InvalidDatabaseUrlError,
    address_without_password,
)
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.engine import sqlite_url
from meili_desktop.ui import database_startup
from meili_desktop.ui.database_dialog import DatabaseSettingsDialog
from meili_desktop.ui.database_startup import start_database_url
from meili_desktop.ui.settings import Settings
from tests.ui.township_helpers import isolated_settings, replace_text

__all__ = ["isolated_settings"]

TIMEOUT_MS = 30000


@pytest.fixture
def settings(isolated_settings: Path) -> Settings:
    return Settings()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


def open_dialog(qtbot: QtBot, data_dir: Path, settings: Settings) -> DatabaseSettingsDialog:
    dialog = DatabaseSettingsDialog(data_dir, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def enter_server(dialog: DatabaseSettingsDialog, url: str) -> None:
    """Type a URL as a clerk does: the address without the password, the password apart."""
    dialog.server_button.setChecked(True)
    replace_text(dialog.url_line, address_without_password(url))
    replace_text(dialog.password_line, make_url(url).password or "")


def run_test(qtbot: QtBot, dialog: DatabaseSettingsDialog) -> None:
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.worker is not None
    assert not dialog.test_button.isEnabled()
    # The check may end before a signal spy could connect, so wait for its effect.
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=TIMEOUT_MS)


def free_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_default_is_database_file(qtbot: QtBot, data_dir: Path, settings: Settings) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)

    assert dialog.file_button.isChecked()
    assert not dialog.url_line.isEnabled()
    assert not dialog.test_button.isEnabled()
    assert dialog.chosen_url() is None


def test_saved_url_hides_password(qtbot: QtBot, data_dir: Path, settings: Settings) -> None:
    settings.set_database_url(data_dir, "postgresql+psycopg://meili:口令 9@127.0.0.1:5432/meili")

    dialog = open_dialog(qtbot, data_dir, settings)

    assert dialog.server_button.isChecked()
    assert dialog.url_line.text() == "postgresql://meili@127.0.0.1:5432/meili"
    assert dialog.password_line.text() == "口令 9"
    assert make_url(dialog.chosen_url() or "").password == "口令 9"


def test_no_server_message(qtbot: QtBot, data_dir: Path, settings: Settings) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)
    enter_server(dialog, f"postgresql://meili:secret@127.0.0.1:{free_port()}/meili")

    run_test(qtbot, dialog)

    assert isinstance(dialog.last_error, DatabaseServerUnreachableError)
    assert dialog.result_label.text() == describe(dialog.last_error)
    assert "secret" not in dialog.result_label.text()
    assert dialog.test_button.isEnabled()


def test_invalid_url_not_saved(qtbot: QtBot, data_dir: Path, settings: Settings,
                               messages: list[str]) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)
    dialog.server_button.setChecked(True)
    replace_text(dialog.url_line, "数据库服务器")

    dialog.save()

    assert settings.database_url(data_dir) is None
    assert isinstance(dialog.last_error, InvalidDatabaseUrlError)
    assert dialog.result_label.text() == describe(dialog.last_error)
    assert messages == []


def test_save_server_then_file(qtbot: QtBot, data_dir: Path, settings: Settings,
                               messages: list[str]) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)
    enter_server(dialog, "postgresql://meili:pw@127.0.0.1:5432/meili")

    dialog.save()

    saved = settings.database_url(data_dir)
    assert saved is not None
    assert saved.startswith("postgresql+psycopg://")
    assert make_url(saved).password == "pw"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(messages) == 1

    again = open_dialog(qtbot, data_dir, settings)
    again.file_button.setChecked(True)
    again.save()

    assert settings.database_url(data_dir) is None


def test_setting_is_per_data_folder(tmp_path: Path, settings: Settings) -> None:
    settings.set_database_url(tmp_path / "甲", "postgresql+psycopg://a@127.0.0.1/a")

    assert settings.database_url(tmp_path / "乙") is None
    assert settings.database_url(tmp_path / "甲") == "postgresql+psycopg://a@127.0.0.1/a"


@pytest.mark.postgres
def test_real_server_connects(qtbot: QtBot, data_dir: Path, settings: Settings,
                              pg_url: str) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)
    enter_server(dialog, pg_url)

    run_test(qtbot, dialog)

    assert dialog.last_error is None
    assert dialog.last_check is not None
    assert dialog.last_check.state == EMPTY
    assert dialog.result_label.text() == dialog.describe_check(dialog.last_check)


@pytest.mark.postgres
def test_wrong_password_message(qtbot: QtBot, data_dir: Path, settings: Settings,
                                pg_url: str) -> None:
    dialog = open_dialog(qtbot, data_dir, settings)
    enter_server(dialog, make_url(pg_url).set(password="falsch-123")
                 .render_as_string(hide_password=False))

    run_test(qtbot, dialog)

    assert isinstance(dialog.last_error, DatabaseLoginError)
    assert dialog.result_label.text() == describe(dialog.last_error)
    assert "falsch-123" not in dialog.result_label.text()


def test_start_without_setting_uses_file(data_dir: Path, settings: Settings) -> None:
    assert start_database_url(data_dir, None, settings) == (True, None)


def test_command_line_overrides_setting(tmp_path: Path, data_dir: Path,
                                        settings: Settings) -> None:
    settings.set_database_url(data_dir, f"postgresql://meili:pw@127.0.0.1:{free_port()}/x")
    other = sqlite_url(tmp_path / "另一个.sqlite3")

    assert start_database_url(data_dir, other, settings) == (True, other)


def test_bad_command_line_url_raises(data_dir: Path, settings: Settings) -> None:
    with pytest.raises(DatabaseServerUnreachableError):
        start_database_url(data_dir, f"postgresql://meili:pw@127.0.0.1:{free_port()}/x",
                           settings)


def test_failed_saved_server_offers_settings(data_dir: Path, settings: Settings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    settings.set_database_url(data_dir, f"postgresql://meili:pw@127.0.0.1:{free_port()}/x")
    shown: list[str] = []

    def choose_settings(box: QMessageBox) -> int:
        shown.append(box.text())
        box.buttons()[0].click()
        return 0

    def switch_to_file(dialog: DatabaseSettingsDialog) -> int:
        dialog.file_button.setChecked(True)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(QMessageBox, "exec", choose_settings)
    monkeypatch.setattr(QMessageBox, "information", lambda *args, **kwargs: None)
    monkeypatch.setattr(DatabaseSettingsDialog, "exec", switch_to_file)

    assert start_database_url(data_dir, None, settings) == (True, None)
    assert len(shown) == 1
    assert "pw" not in shown[0]
    assert settings.database_url(data_dir) is None


def test_failed_saved_server_quit(data_dir: Path, settings: Settings,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    settings.set_database_url(data_dir, f"postgresql://meili:pw@127.0.0.1:{free_port()}/x")

    def quit_start(box: QMessageBox) -> int:
        box.buttons()[1].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", quit_start)

    assert start_database_url(data_dir, None, settings) == (False, None)
    assert settings.database_url(data_dir) is not None


@pytest.mark.postgres
def test_saved_server_upgrade_asks(tmp_path: Path, data_dir: Path, settings: Settings,
                                   pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(tmp_path / "office", pg_url)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    store.dispose()
    settings.set_database_url(data_dir, pg_url)
    questions: list[str] = []

    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        questions.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(database_startup.QMessageBox, "question", refuse)

    should_start, url = start_database_url(data_dir, None, settings)

    assert should_start is False
    assert url is not None
    assert len(questions) == 1
    assert "0001" in questions[0]


def test_app_start_uses_saved_file_url(tmp_path: Path, data_dir: Path,
                                       settings: Settings) -> None:
    from meili_desktop.app import choose_database

    other = sqlite_url(tmp_path / "共用.sqlite3")
    settings.set_database_url(data_dir, other)

    assert choose_database(data_dir, None) == (True, other)
    assert choose_database(tmp_path / "别的文件夹", None) == (True, None)
