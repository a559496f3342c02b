"""The office window's menu bar: each entry opens the right dialog or hands files on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from meili_desktop.services.identity import Role
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.about_dialog import AboutDialog
from meili_desktop.ui.backup_dialog import BackupDialog
from meili_desktop.ui.database_dialog import DatabaseSettingsDialog
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.relay_page import RelayPage
from meili_desktop.ui.office.window import (
    COUNTY_PAGE_MODULES,
    PAGE_TITLES,
    RELAY_MODULE,
    OfficeWindow,
)
from meili_desktop.ui.settings import LANGUAGE, LAST_FOLDER, Settings
from tests.reports.report_support import open_office_store
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

COUNTY_ID = "330113"  # 临平区


@pytest.fixture
def store(tmp_path: Path, isolated_settings: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "市办 数据")
    yield opened
    opened.dispose()


@pytest.fixture
def county_store(tmp_path: Path, isolated_settings: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "县办", Role.COUNTY, COUNTY_ID)
    yield opened
    opened.dispose()


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> OfficeWindow:
    built = OfficeWindow(store)
    qtbot.addWidget(built)
    return built


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


def opened_dialogs(monkeypatch: pytest.MonkeyPatch, dialog_class: type) -> list[QWidget]:
    """Record each dialog of ``dialog_class`` that would be shown, instead of showing it."""
    opened: list[QWidget] = []
    monkeypatch.setattr(dialog_class, "exec", lambda dialog: opened.append(dialog) or 0)
    return opened


def menu_names(window: OfficeWindow) -> list[str]:
    return [action.menu().objectName() for action in window.menuBar().actions()
            if action.menu() is not None]


def test_menus_in_order(window: OfficeWindow) -> None:
    assert menu_names(window) == ["fileMenu", "settingsMenu", "languageMenu", "helpMenu"]
    assert all(action.text() for action in window.menuBar().actions())


def test_shell_disables_data_commands(qtbot: QtBot, store: Store,
                                      isolated_settings: Path) -> None:
    shell = OfficeWindow(None)
    qtbot.addWidget(shell)

    assert not shell.menus.backups_action.isEnabled()
    assert not shell.menus.about_action.isEnabled()
    assert shell.menus.add_files_action.isEnabled()

    shell.attach_store(store)

    assert shell.menus.backups_action.isEnabled()
    assert shell.menus.database_action.isEnabled()


def test_add_files_goes_to_inbox(window: OfficeWindow, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    files = [tmp_path / "甲.mlrp", tmp_path / "乙.mlrp"]
    added: list[list[Path]] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(path) for path in files], ""))
    monkeypatch.setattr(InboxPage, "add_paths", lambda page, paths: added.append(paths))

    window.menus.add_files_action.trigger()

    assert added == [files]
    assert window.current_page_module.endswith("inbox_page")
    assert Settings().get(LAST_FOLDER) == str(tmp_path)


def test_add_folder_goes_to_inbox(window: OfficeWindow, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    added: list[list[Path]] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(tmp_path))
    monkeypatch.setattr(InboxPage, "add_paths", lambda page, paths: added.append(paths))

    window.menus.add_folder_action.trigger()

    assert added == [[tmp_path]]


def test_bundle_goes_to_importer(window: OfficeWindow, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    bundles: list[Path] = []
    added: list[list[Path]] = []
    monkeypatch.setattr(window.bundles, "open_bundle", bundles.append)
    monkeypatch.setattr(InboxPage, "add_paths", lambda page, paths: added.append(paths))
    bundle, report = tmp_path / "汇总包.mlcb", tmp_path / "上报.mlrp"

    window.open_package_files([bundle, report])

    assert bundles == [bundle]
    assert added == [[report]]


def test_backups_opens_dialog(window: OfficeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = opened_dialogs(monkeypatch, BackupDialog)

    window.menus.backups_action.trigger()

    assert len(opened) == 1
    assert opened[0].store is window.store


def test_restore_rebuilds_pages(window: OfficeWindow) -> None:
    before = window.pages["inbox_page"]
    window.pages["review_page"]

    window.reload_pages()

    assert not window.pages.is_built("review_page")
    assert window.pages.is_built("inbox_page")
    assert window.pages["inbox_page"] is not before


def test_database_opens_dialog(window: OfficeWindow, store: Store,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened = opened_dialogs(monkeypatch, DatabaseSettingsDialog)

    window.menus.database_action.trigger()

    assert len(opened) == 1
    assert opened[0].data_dir == store.folder.root
    assert opened[0].file_button.isChecked()


def test_language_saved_for_next_start(window: OfficeWindow, messages: list[str]) -> None:
    window.menus.language_actions["en"].trigger()

    assert Settings().get(LANGUAGE) == "en"
    assert window.menus.language_actions["en"].isChecked()
    assert len(messages) == 1

    window.menus.language_actions["en"].trigger()

    assert len(messages) == 1


def test_about_shows_facts(window: OfficeWindow, store: Store,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    opened = opened_dialogs(monkeypatch, AboutDialog)

    window.menus.about_action.trigger()

    about = opened[0]
    assert about.values["data_folder"] == str(store.folder.root)
    assert str(store.folder.database_file.name) in about.values["database"]
    assert "C1" in about.values["suites"]
    assert "G1" in about.values["suites"]


@pytest.mark.postgres
def test_about_masks_server_password(qtbot: QtBot, tmp_path: Path, isolated_settings: Path,
                                     pg_url: str) -> None:
    store = open_office_store(tmp_path / "server", database_url=pg_url)
    try:
        about = AboutDialog(store)
        qtbot.addWidget(about)
        password = store.engine.url.password
        assert password
        assert f":{password}@" not in about.values["database"]
        assert "***" in about.values["database"]
    finally:
        store.dispose()


def test_county_window_shows_relay(qtbot: QtBot, county_store: Store) -> None:
    county = OfficeWindow(county_store)
    qtbot.addWidget(county)
    titles = [county.tabs.tabText(index) for index in range(county.tabs.count())]

    assert county.page_modules == COUNTY_PAGE_MODULES
    assert len(titles) == len(COUNTY_PAGE_MODULES)
    assert "distribution_page" not in list(county.pages)
    page = county.show_page("relay_page")
    assert isinstance(page, RelayPage)
    assert county.current_page_module == RELAY_MODULE
    assert county.tabs.tabText(county.tabs.currentIndex()) != ""


def test_relay_title_matches_module() -> None:
    from meili_desktop.ui.office import relay_page

    assert PAGE_TITLES[RELAY_MODULE] == relay_page.PAGE_TITLE
