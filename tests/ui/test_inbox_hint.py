"""The inbox names the files an office adds: report packages, and county bundles at the city."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meili_desktop.i18n import install_translators
from meili_desktop.services.identity import Role
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.inbox_page import InboxPage
from tests.reports.report_support import COUNTY, open_office_store


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    install_translators(QApplication.instance(), request.param)
    yield request.param


def open_inbox(qtbot: QtBot, store: Store) -> InboxPage:
    page = InboxPage(store)
    qtbot.addWidget(page)
    return page


def test_city_inbox_names_bundles(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    store = open_office_store(tmp_path / "市办", Role.CITY)
    try:
        page = open_inbox(qtbot, store)

        assert ".mlrp" in page.hint.text()
        assert ".mlcb" in page.hint.text()
        assert ".mlrp" in page.empty_state.detail
        assert ".mlcb" in page.empty_state.detail
        if language == "zh_CN":
            assert "县级汇总包" in page.hint.text()
            assert "县级汇总包" in page.empty_state.detail
    finally:
        store.dispose()


def test_county_inbox_names_reports_only(qtbot: QtBot, tmp_path: Path, language: str) -> None:
    store = open_office_store(tmp_path / "县办", Role.COUNTY, COUNTY)
    try:
        page = open_inbox(qtbot, store)

        assert ".mlrp" in page.hint.text()
        assert ".mlcb" not in page.hint.text()
        assert ".mlcb" not in page.empty_state.detail
        if language == "zh_CN":
            assert "上报包" in page.hint.text()
    finally:
        store.dispose()
