"""Charts page: target attainment by county and by lead unit, and one task over the towns.

Bars show the share of town-task pairs that meet their targets (达标率), the same figure as
the summary's attainment column. The distribution chart counts the towns of each completion
band (actual over target) for the chosen task.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.summary import Grouping, PairResult, SummaryRow
from meili_desktop.reports.summary_document import SummaryDocument
from meili_desktop.services import reports
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.summary_page import available_periods
from meili_desktop.ui.workers import JobWorker

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Charts")
# Completion bands of the distribution chart: (upper bound exclusive, label).
BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal("0.5"), "0–50%"), (Decimal("0.8"), "50–80%"), (Decimal(1), "80–100%"),
    (Decimal("Infinity"), "100%+"),
)
BAR_COLOUR = QColor("#2e75b6")


def completion_bands(pairs: Sequence[PairResult], task_number: int) -> list[int]:
    """Count the towns of each completion band for one task; pairs without a value are left out."""
    counts = [0] * len(BANDS)
    for pair in pairs:
        if pair.task_number != task_number or pair.completion is None:
            continue
        for index, (upper, _label) in enumerate(BANDS):
            if pair.completion < upper:
                counts[index] += 1
                break
    return counts


def _bar_chart(title: str, labels: Sequence[str], values: Sequence[float],
               value_title: str, maximum: float | None = None,
               horizontal: bool = False) -> QChart:
    """Build a one-series bar chart; horizontal bars leave room for long Chinese labels."""
    if horizontal:
        # Qt draws the first category at the bottom; reversing keeps the list order top-down.
        labels, values = list(reversed(labels)), list(reversed(values))
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().hide()
    bar_set = QBarSet(value_title)
    bar_set.setColor(BAR_COLOUR)
    # Labels sit outside the bars, where the theme's default white would be invisible.
    bar_set.setLabelColor(QColor("#202020"))
    bar_set.append(list(values))
    series: QBarSeries | QHorizontalBarSeries = \
        QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(list(labels))
    categories.setTruncateLabels(False)
    axis_values = QValueAxis()
    axis_values.setRange(0, maximum if maximum is not None else max([1.0, *values]) * 1.15)
    axis_values.setTitleText(value_title)
    axis_values.setLabelFormat("%.0f")
    if maximum is None:
        axis_values.applyNiceNumbers()
    category_side = Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    value_side = Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    chart.addAxis(categories, category_side)
    chart.addAxis(axis_values, value_side)
    series.attachAxis(categories)
    series.attachAxis(axis_values)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def attainment_percentages(rows: Sequence[SummaryRow]) -> tuple[list[str], list[float]]:
    """Return labels and attainment in percent of the rows that have targets."""
    labels, values = [], []
    for row in rows:
        if row.attainment is None:
            continue
        labels.append(row.label)
        values.append(round(float(row.attainment) * 100, 1))
    return labels, values


class ChartsPage(QWidget):
    """Three charts of one period, computed in the background."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("chartsPage")
        self.store = store
        self.document: SummaryDocument | None = None
        self._workers: list[JobWorker] = []
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("chartsPeriod")
        self.task_combo = QComboBox(self)
        self.task_combo.setObjectName("chartsTask")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.county_view = self._view("countyChart")
        self.lead_view = self._view("leadUnitChart")
        self.task_view = self._view("taskChart")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.period_combo)
        bar.addWidget(QLabel(self.tr("Task"), self))
        bar.addWidget(self.task_combo, 1)
        bar.addWidget(self.refresh_button)
        grid = QGridLayout()
        grid.addWidget(self.county_view, 0, 0)
        grid.addWidget(self.lead_view, 0, 1)
        grid.addWidget(self.task_view, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid, 1)

        self.period_combo.currentIndexChanged.connect(self.reload)
        self.task_combo.currentIndexChanged.connect(self._draw_task)
        self.refresh_button.clicked.connect(self.reload_periods)
        self.reload_periods()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # The workers are children of this page, so they must end before it is deleted.
        for worker in list(self._workers):
            worker.cancel()
        QThreadPool.globalInstance().waitForDone(30000)
        super().closeEvent(event)

    def _view(self, name: str) -> QChartView:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        return view

    def reload_periods(self) -> None:
        periods = available_periods(self.store)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code in periods:
            self.period_combo.addItem(code, code)
        self.period_combo.setCurrentIndex(len(periods) - 1)
        self.period_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Compute the period's county, lead unit and task summaries in the background."""
        period = self.period_combo.currentData()
        if period is None:
            return
        store = self.store

        def job(_progress: Any, cancel: Any) -> SummaryDocument:
            return reports.build_summary_document(
                store, [period], [Grouping.COUNTY, Grouping.LEAD_UNIT, Grouping.TASK],
                include_details=True, cancel=cancel)

        worker = JobWorker(job, f"charts {period}", self)
        worker.succeeded.connect(self.show_document)
        self._workers.append(worker)
        worker.finished.connect(lambda: self._workers.remove(worker))
        worker.start(QThreadPool.globalInstance())

    def show_document(self, document: SummaryDocument) -> None:
        """Draw the charts of a computed summary."""
        self.document = document
        period = document.periods[0]
        percent = self.tr("Attainment (%)")
        labels, values = attainment_percentages(period.rows.get(Grouping.COUNTY, ()))
        self.county_view.setChart(_bar_chart(
            self.tr("Target attainment by county, {period}").format(period=period.period_code),
            labels, values, percent, 100.0, horizontal=True))
        labels, values = attainment_percentages(period.rows.get(Grouping.LEAD_UNIT, ()))
        self.lead_view.setChart(_bar_chart(
            self.tr("Target attainment by lead unit, {period}").format(
                period=period.period_code), labels, values, percent, 100.0, horizontal=True))
        current = self.task_combo.currentData()
        self.task_combo.blockSignals(True)
        self.task_combo.clear()
        for task in document.scope.tasks:
            self.task_combo.addItem(f"{task.number} {task.title}", task.number)
        index = self.task_combo.findData(current) if current is not None else 0
        self.task_combo.setCurrentIndex(max(index, 0))
        self.task_combo.blockSignals(False)
        self._draw_task()

    def _draw_task(self) -> None:
        number = self.task_combo.currentData()
        if self.document is None or number is None:
            return
        period = self.document.periods[0]
        counts = completion_bands(period.pairs, number)
        self.task_view.setChart(_bar_chart(
            self.tr("Task {task}: towns by completion, {period}").format(
                task=number, period=period.period_code),
            [label for _upper, label in BANDS], [float(count) for count in counts],
            self.tr("Towns")))


def create_page(store: Store, window: Any) -> QWidget:
    return ChartsPage(store, window)
