"""The summary model at province scale: 1,010 towns sort and filter without recomputing."""

from __future__ import annotations

import random
import time
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QSortFilterProxyModel, Qt

from meili_desktop.domain.catalogue import TaskLevel
from meili_desktop.domain.entries import Status
from meili_desktop.domain.summary import Fact, Grouping, SummaryScope, summarize
from meili_desktop.domain.units import ReportingUnit, UnitKind
from meili_desktop.reports.summary_document import PeriodSummary, SummaryDocument
from meili_desktop.services.catalogue import load_embedded_catalogue
from meili_desktop.ui.office.summary_model import SORT_ROLE, SummaryTableModel

TOWNS = 1010
ATTAINMENT_COLUMN = 13
# Generous bound for a 2-core machine shared with other test runs; a typical sort takes a
# few tens of milliseconds.
MAX_SORT_SECONDS = 5.0


def province_document() -> SummaryDocument:
    numbers = random.Random(5)
    catalogue = load_embedded_catalogue()
    tasks = catalogue.tasks_for_level(TaskLevel.TOWNSHIP)
    counties = {f"c{index}": ReportingUnit(f"c{index}", f"第{index}县", UnitKind.COUNTY)
                for index in range(90)}
    towns = [ReportingUnit(f"t{index:04d}", f"第{index}镇", UnitKind.TOWNSHIP, f"c{index % 90}")
             for index in range(TOWNS)]
    facts = {(town.id, task.number): Fact(town.id, task.number, numbers.choice(list(Status)),
                                           Decimal(numbers.randint(0, 10)))
             for town in towns for task in tasks if numbers.random() < 0.9}
    targets = {(town.id, task.number): Decimal(5) for town in towns for task in tasks}
    scope = SummaryScope(towns, tasks, counties)
    rows = summarize(Grouping.TOWN, scope, facts, targets)
    period = PeriodSummary("2021Q2", None, {Grouping.TOWN: rows})
    return SummaryDocument("浙江省", catalogue.version, datetime(2021, 7, 1), scope, [period],
                           [Grouping.TOWN])


def test_province_scale_sort_and_filter(qtbot) -> None:
    model = SummaryTableModel()
    model.set_document(province_document(), Grouping.TOWN)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    assert proxy.rowCount() == TOWNS

    started = time.perf_counter()
    proxy.sort(ATTAINMENT_COLUMN, Qt.SortOrder.DescendingOrder)
    elapsed = time.perf_counter() - started
    values = [proxy.index(row, ATTAINMENT_COLUMN).data(SORT_ROLE) for row in range(TOWNS)]
    assert values == sorted(values, reverse=True)
    assert elapsed < MAX_SORT_SECONDS

    proxy.setFilterFixedString("第101镇")
    assert proxy.rowCount() == 1
