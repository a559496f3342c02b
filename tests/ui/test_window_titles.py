"""Window titles name the office or township and end with the program's display name.

Qt's Windows and X11 platform plugins append the application display name to a window title
that does not already end with it, so a title that ends in another wording of the program's
name would show the name twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meili_desktop.i18n import install_translators
from meili_desktop.services.identity import Role
from meili_desktop.services.packages import CITY_NAME_KEY
from meili_desktop.services.setup import office_name, setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.meta_repo import set_meta
from meili_desktop.ui.office.window import OfficeWindow
from meili_desktop.ui.township.window import TownshipWindow
from tests.reports.report_support import COUNTY, open_office_store
from tests.ui.township_helpers import isolated_settings  # noqa: F401 - a fixture

CITY_OFFICE = "杭州市美丽城镇办"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    install_translators(QApplication.instance(), "zh_CN")
    yield


def display_name() -> str:
    return QApplication.translate("App", "Beautiful Towns Reporting")


@pytest.fixture
def city(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "市办")
    with store.session_factory.begin() as session:
        set_meta(session, CITY_NAME_KEY, CITY_OFFICE)
    yield store
    store.dispose()


def test_city_window_names_office(qtbot: QtBot, city: Store) -> None:
    window = OfficeWindow(city)
    qtbot.addWidget(window)

    assert window.windowTitle() == f"{CITY_OFFICE} — 美丽城镇填报"
    assert window.windowTitle().endswith(display_name())


def test_county_window_names_county(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_office_store(tmp_path / "县办", Role.COUNTY, COUNTY)
    try:
        window = OfficeWindow(store)
        qtbot.addWidget(window)

        assert office_name(store) == "余杭区"
        assert window.windowTitle() == "余杭区美丽城镇办 — 美丽城镇填报"
    finally:
        store.dispose()


def test_shell_title_before_store(qtbot: QtBot, city: Store) -> None:
    window = OfficeWindow(None)
    qtbot.addWidget(window)
    before = window.windowTitle()

    window.attach_store(city)

    assert CITY_OFFICE not in before
    assert window.windowTitle().startswith(CITY_OFFICE)


def test_unnamed_city_keeps_generic_title(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_office_store(tmp_path / "市办")
    try:
        window = OfficeWindow(store)
        qtbot.addWidget(window)

        assert office_name(store) is None
        assert window.windowTitle() == QApplication.translate("OfficeWindow",
                                                              "Beautiful Towns Office")
    finally:
        store.dispose()


def test_township_window_names_town(qtbot: QtBot, data_dir: Path,
                                    isolated_settings: Path) -> None:  # noqa: F811
    store = open_store(data_dir)
    setup_provisional_township(store, "临平区", "塘栖镇")
    try:
        window = TownshipWindow(store)
        qtbot.addWidget(window)

        assert office_name(store) is None
        assert window.windowTitle() == "临平区 塘栖镇 — 美丽城镇填报"
        assert window.windowTitle().endswith(display_name())
    finally:
        window.close()
        store.dispose()
