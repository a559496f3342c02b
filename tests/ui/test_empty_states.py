"""Empty states of the office pages: each empty chart or table says why and what to do."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from sqlalchemy import update

from meili_desktop.services import targets
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.audit_page import AuditPage
from meili_desktop.ui.office.charts import ChartsPage, count_axis_step
from meili_desktop.ui.office.completeness_page import CompletenessPage
from meili_desktop.ui.office.distribution_page import DistributionPage
from meili_desktop.ui.office.review_page import ReviewPage
from meili_desktop.ui.office.scores_page import POINTS, ScoresPage
from meili_desktop.ui.office.summary_page import SummaryPage
from meili_desktop.ui.office.targets_page import METHOD, TARGET, TargetsPage
from tests.reports.report_support import (
    COUNT_TASK,
    PERCENT_TASK,
    TOWN_A,
    english,  # noqa: F401 - fixture
    open_office_store,
    seed_report_data,
)
from tests.ui.page_helpers import wait_until_loaded

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "empty office")
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    seed_report_data(opened)
    # The review list shows entries that came from packages, as merged ones are marked.
    with opened.session_factory.begin() as session:
        session.execute(update(models.Entry).values(origin="package-demo"))
    try:
        yield opened
    finally:
        opened.dispose()


def charts_page(store: Store, qtbot) -> ChartsPage:
    page = ChartsPage(store)
    qtbot.addWidget(page)
    return wait_until_loaded(qtbot, page)


def test_charts_without_entries_say_so(empty_store: Store, qtbot) -> None:
    page = charts_page(empty_store, qtbot)
    for label in (page.county_empty, page.lead_empty, page.task_empty):
        assert label.is_shown
        assert label.headline == "No entries for 2022 Q4 yet."
    assert "Inbox" in page.county_empty.detail


def test_empty_charts_have_no_axes(empty_store: Store, qtbot) -> None:
    page = charts_page(empty_store, qtbot)
    for view in (page.county_view, page.lead_view, page.task_view):
        assert view.chart().axes() == []
        assert view.chart().series() == []


def test_charts_with_entries_hide_message(store: Store, qtbot) -> None:
    page = charts_page(store, qtbot)
    assert not page.county_empty.is_shown
    assert not page.lead_empty.is_shown
    assert page.county_view.chart().series()


def test_task_chart_without_values_says_why(store: Store, qtbot) -> None:
    page = charts_page(store, qtbot)
    page.task_combo.setCurrentIndex(page.task_combo.findData(27))
    assert page.task_empty.is_shown
    assert "task 27" in page.task_empty.headline
    assert "Targets page" in page.task_empty.detail


def test_task_chart_counts_whole_towns(store: Store, qtbot) -> None:
    page = charts_page(store, qtbot)
    page.task_combo.setCurrentIndex(page.task_combo.findData(COUNT_TASK))
    assert not page.task_empty.is_shown
    axis = next(axis for axis in page.task_view.chart().axes() if isinstance(axis, QValueAxis))
    assert axis.tickType() is QValueAxis.TickType.TicksDynamic
    assert axis.tickInterval() == 1
    assert axis.max() == 2


@pytest.mark.parametrize(("largest", "step"), [(0, 1), (1, 1), (4, 1), (9, 2), (30, 10),
                                               (196, 50), (1010, 500)])
def test_count_axis_step(largest: float, step: int) -> None:
    assert count_axis_step(largest) == step


def summary_page(store: Store, qtbot) -> SummaryPage:
    page = SummaryPage(store)
    qtbot.addWidget(page)
    return wait_until_loaded(qtbot, page)


def test_summary_without_entries_says_so(empty_store: Store, qtbot) -> None:
    page = summary_page(empty_store, qtbot)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "No entries for 2022 Q4 yet."
    assert "Inbox" in page.empty_state.detail


def test_summary_with_entries_shows_table(store: Store, qtbot) -> None:
    page = summary_page(store, qtbot)
    assert not page.empty_state.is_shown


def test_summary_filter_without_match(store: Store, qtbot) -> None:
    page = summary_page(store, qtbot)
    page.filter_edit.setText("no such town")
    assert page.empty_state.is_shown
    assert page.empty_state.headline == 'No row contains "no such town".'
    page.filter_edit.clear()
    assert not page.empty_state.is_shown


def test_summary_period_names(store: Store, qtbot) -> None:
    page = summary_page(store, qtbot)
    assert page.period_combo.currentText() == "2021 Q2"
    assert page.period == "2021Q2"
    assert "2021 Q1" in page.status_label.text()


def test_targets_method_in_words(store: Store, qtbot) -> None:
    targets.set_city_target(store, COUNT_TASK, "2021", Decimal(10))
    targets.split_target(store, COUNT_TASK, "2021", bases={TOWN_A: Decimal(1)},
                         allow_unbalanced=True)
    page = TargetsPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.task_combo.setCurrentIndex(page.task_combo.findData(COUNT_TASK))
    wait_until_loaded(qtbot, page)
    methods = {page.table.item(row, METHOD).text() for row in range(page.table.rowCount())}
    assert "In proportion to base" in methods
    assert "proportional" not in methods


def test_targets_columns_name_unit(store: Store, qtbot) -> None:
    page = TargetsPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.task_combo.setCurrentIndex(page.task_combo.findData(27))
    assert page.table.horizontalHeaderItem(TARGET).text() == "Target (公里)"
    page.task_combo.setCurrentIndex(page.task_combo.findData(PERCENT_TASK))
    assert page.table.horizontalHeaderItem(TARGET).text() == "Target (%)"
    assert page.city_label.text() == "City target (%)"


def test_review_opens_on_latest_period_with_entries(store: Store, qtbot) -> None:
    page = ReviewPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    assert page.period_combo.currentData() == "2021Q2"
    assert page.period_combo.currentText() == "2021 Q2"
    assert not page.empty_state.is_shown


def test_review_values_carry_units(store: Store, qtbot) -> None:
    page = ReviewPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    values = {(row.key.unit_id, row.key.task_number): page.model.text(index, 3)
              for index, row in enumerate(page.rows)}
    assert values[(TOWN_A, PERCENT_TASK)] == "100%"
    assert values[(TOWN_A, COUNT_TASK)] == "3 个"
    assert page.model.headerData(3, Qt.Orientation.Horizontal) == "Actual value"


def test_review_without_entries_says_so(empty_store: Store, qtbot) -> None:
    page = ReviewPage(empty_store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "No township has reported for 2022 Q4 yet."
    assert "Inbox" in page.empty_state.detail


def test_review_filter_without_match(store: Store, qtbot) -> None:
    page = ReviewPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.state_combo.setCurrentIndex(page.state_combo.findData("returned"))
    wait_until_loaded(qtbot, page)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == \
        "No entry matches the chosen county and review state."
    page.state_combo.setCurrentIndex(0)
    wait_until_loaded(qtbot, page)
    assert not page.empty_state.is_shown


def test_completeness_county_without_towns(store: Store, qtbot) -> None:
    page = CompletenessPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    assert page.period_combo.currentData() == "2021Q2"
    assert not page.empty_state.is_shown
    page.county_combo.setCurrentIndex(page.county_combo.findData("330102"))
    wait_until_loaded(qtbot, page)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "上城区 has no towns expected to report."


def test_audit_search_without_match(store: Store, qtbot) -> None:
    page = AuditPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.text_edit.setText("no such event")
    page.search()
    wait_until_loaded(qtbot, page)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "No event matches the search."


def test_distribution_search_without_match(store: Store, qtbot) -> None:
    page = DistributionPage(store, None)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    assert not page.empty_state.is_shown
    page.search.setText("no such town")
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "No township matches the search."


def test_scores_tasks_fill_width(store: Store, qtbot) -> None:
    page = ScoresPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.resize(1024, 640)
    page.show()
    header = page.tasks.horizontalHeader()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(POINTS) is QHeaderView.ResizeMode.ResizeToContents
    assert not page.units.verticalHeader().isVisible()
    assert not page.tasks_empty.is_shown
