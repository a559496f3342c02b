"""The office pages open on the current open period, else on the latest period with entries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from meili_desktop.domain.periods import parse_period
from meili_desktop.store.datafolder import Store
from meili_desktop.store.periods_repo import add_missing_periods
from meili_desktop.ui.office.charts import ChartsPage
from meili_desktop.ui.office.completeness_page import CompletenessPage
from meili_desktop.ui.office.review_page import ReviewPage
from meili_desktop.ui.office.summary_page import SummaryPage
from tests.reports.report_support import PERIOD, open_office_store, seed_report_data
from tests.ui.page_helpers import wait_until_loaded

PAGES: dict[str, Callable[[Store], QWidget]] = {
    "completeness": CompletenessPage, "review": ReviewPage, "summary": SummaryPage,
    "charts": ChartsPage,
}


def current_quarter() -> str:
    today = date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


def open_with_current_quarter(root: Path) -> Store:
    """Open an office whose open periods include the quarter of the test's run and later ones.

    The later quarter makes the current one other than the last in the lists.
    """
    store = open_office_store(root)
    later = f"{date.today().year + 1}Q4"
    with store.session_factory.begin() as session:
        add_missing_periods(session, [parse_period(current_quarter()), parse_period(later)])
    return store


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    store = open_with_current_quarter(tmp_path / "fresh")
    yield store
    store.dispose()


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Store]:
    store = open_with_current_quarter(tmp_path / "seeded")
    seed_report_data(store)
    yield store
    store.dispose()


def chosen_period(qtbot: QtBot, store: Store, name: str) -> str | None:
    page = PAGES[name](store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    return page.period_combo.currentData()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_fresh_office_opens_current(qtbot: QtBot, fresh: Store, name: str) -> None:
    assert chosen_period(qtbot, fresh, name) == current_quarter()


@pytest.mark.parametrize("name", ["completeness", "review"])
def test_all_periods_pages_open_current(qtbot: QtBot, seeded: Store, name: str) -> None:
    assert chosen_period(qtbot, seeded, name) == current_quarter()


@pytest.mark.parametrize("name", ["charts", "summary"])
def test_filled_periods_pages_open_latest(qtbot: QtBot, seeded: Store, name: str) -> None:
    # These pages list only the periods with entries, which lack the current quarter.
    assert chosen_period(qtbot, seeded, name) == PERIOD
