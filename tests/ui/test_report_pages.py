"""Office report pages: summaries, charts, targets and scores on real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from meili_desktop.domain.summary import Grouping
from meili_desktop.services import scores, targets
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.charts import ChartsPage, completion_bands
from meili_desktop.ui.office.scores_page import POINTS, ScoresPage
from meili_desktop.ui.office.summary_model import SORT_ROLE
from meili_desktop.ui.office.summary_page import SummaryPage
from meili_desktop.ui.office.targets_page import BASE, TARGET, TargetsPage
from tests.reports.report_support import (
    COUNT_TASK,
    TOWN_A,
    TOWN_B,
    english,  # noqa: F401 - fixture
    open_office_store,
    seed_report_data,
)
from tests.ui.page_helpers import wait_until_loaded

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    seed_report_data(opened)
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def summary_page(store: Store, qtbot) -> SummaryPage:
    page = SummaryPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    assert page.model.rowCount() == 3
    return page


def test_summary_lists_towns(summary_page: SummaryPage) -> None:
    assert summary_page.period == "2021Q2"
    names = {summary_page.proxy.index(row, 2).data() for row in range(3)}
    assert names == {"五常街道", "仁和街道", "桐君街道"}


def test_summary_filter(summary_page: SummaryPage, qtbot) -> None:
    qtbot.keyClicks(summary_page.filter_edit, "330")
    assert summary_page.proxy.rowCount() == 0
    summary_page.filter_edit.clear()
    summary_page.filter_edit.setText("桐君")
    assert summary_page.proxy.rowCount() == 1


def test_summary_sorts_numbers(summary_page: SummaryPage) -> None:
    attainment_column = 13
    summary_page.table.sortByColumn(attainment_column, Qt.SortOrder.DescendingOrder)
    values = [summary_page.proxy.index(row, attainment_column).data(SORT_ROLE)
              for row in range(3)]
    assert values == sorted(values, reverse=True)
    assert summary_page.proxy.index(0, 2).data() == "五常街道"


def test_summary_task_grouping(summary_page: SummaryPage, qtbot) -> None:
    summary_page.grouping_combo.setCurrentIndex(
        summary_page.grouping_combo.findData(Grouping.TASK.value))
    wait_until_loaded(qtbot, summary_page)
    assert summary_page.model.rowCount() == 34
    assert summary_page.model.grouping is Grouping.TASK


def test_summary_export(summary_page: SummaryPage, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    worker = summary_page.export_to(path)
    with qtbot.waitSignal(worker.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: path.exists(), timeout=5000)
    assert "By town" in load_workbook(path).sheetnames


def test_charts_drawn(store: Store, qtbot) -> None:
    page = ChartsPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    county_chart = page.county_view.chart()
    assert county_chart.series()
    bars = county_chart.series()[0].barSets()[0]
    # Horizontal bars are added bottom-up, so 桐庐县 (0 %) comes before 余杭区 (50 %).
    assert [bars.at(index) for index in range(bars.count())] == [0.0, 50.0]
    assert page.task_combo.count() == 34


def test_completion_bands_count_towns(store: Store) -> None:
    from meili_desktop.services.reports import build_summary_document

    document = build_summary_document(store, ["2021Q2"], [Grouping.TASK])
    # Task 10: 五常街道 3 of 2 (150 %), 仁和街道 1 of 3 (33 %), 桐君街道 did not report.
    assert completion_bands(document.periods[0].pairs, COUNT_TASK) == [1, 0, 0, 1]


def test_targets_split_and_save(store: Store, qtbot) -> None:
    page = TargetsPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.task_combo.setCurrentIndex(page.task_combo.findData(COUNT_TASK))
    wait_until_loaded(qtbot, page)
    page.city_edit.setText("20")
    page.save_city_target()
    wait_until_loaded(qtbot, page)
    assert targets.city_target(store, COUNT_TASK, "2021").value == Decimal(20)
    assert page.city_edit.text() == "20"
    for row, base in enumerate(("1", "1", "2")):
        page.table.item(row, BASE).setText(base)
    page.split_by_bases()
    assert [page.table.item(row, TARGET).text() for row in range(3)] == ["5", "5", "10"]
    assert "20" in page.check_label.text()
    page.save_town_targets()
    wait_until_loaded(qtbot, page)
    stored = targets.town_targets(store, COUNT_TASK, "2021")
    assert stored[TOWN_A].value == Decimal(5)
    assert stored[TOWN_A].version == 2
    assert stored[TOWN_A].base == Decimal(1)


def test_scores_saved(store: Store, qtbot) -> None:
    page = ScoresPage(store)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)
    page.county_combo.setCurrentIndex(page.county_combo.findData("330110"))
    wait_until_loaded(qtbot, page)
    assert page.units.rowCount() == 3  # the county and its two programme towns
    page.show_unit(TOWN_B)
    assert page.sheet is not None
    assert page.sheet.unit_id == TOWN_B
    rows = {int(page.tasks.item(row, 0).text().split()[0]): row
            for row in range(page.tasks.rowCount())}
    page.tasks.item(rows[6], 2).setCheckState(Qt.CheckState.Checked)
    page.tasks.item(rows[6], POINTS).setText("0.3")
    page.tasks.item(rows[8], POINTS).setText("0.5")
    page.save()
    wait_until_loaded(qtbot, page)
    sheet = scores.unit_score_sheet(store, TOWN_B, "2021")
    assert sheet.total == Decimal("1.3")
    assert page.units.item(2, 1).text() == "1.3"
    # The unit saved stays chosen after the sheet is read again.
    assert page.sheet is not None
    assert page.sheet.unit_id == TOWN_B


def test_office_window_has_report_tabs(store: Store, qtbot) -> None:
    from meili_desktop.ui.office.window import OfficeWindow

    window = OfficeWindow(store)
    qtbot.addWidget(window)
    assert {"summary_page", "charts", "targets_page", "scores_page"} <= set(window.pages)
