"""Charts page: target attainment by county and by lead unit, and one task over the towns.

Bars show the share of town-task pairs that meet their targets (达标率), the same figure as
the summary's attainment column. The distribution chart counts the towns of each completion
band (actual over target) for the chosen task. A chart with nothing to draw shows why, and
what to do, in place of bare axes.
"""

from __future__ import annotations

import math
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
from PySide6.QtCore import QT_TRANSLATE_NOOP, QMargins, Qt
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
from meili_desktop.services import reports, review
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.page_choices import available_periods, opening_choice
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.period_names import period_name

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


def count_axis_step(largest: float) -> int:
    """Return a whole-number tick step that gives at most about six ticks up to ``largest``."""
    rough = max(largest, 1.0) / 5
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= rough:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _title_only_chart(title: str) -> QChart:
    """Return a chart with a title and nothing else, shown under an empty-state message."""
    chart = QChart()
    chart.setTitle(title)
    chart.legend().hide()
    return chart


def _bar_chart(title: str, labels: Sequence[str], values: Sequence[float],
               value_title: str, maximum: float | None = None,
               horizontal: bool = False, is_count: bool = False) -> QChart:
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
    axis_values.setLabelFormat("%.0f")
    if is_count:
        # Counts get whole-number ticks, because a nice-numbers axis of 0..2 labelled "%.0f"
        # read "0 1 1 2". The axis has no title: with PySide6 6.11 and the WenQuanYi font,
        # Qt Charts elided the rotated Chinese title to "…", so the chart title names the
        # unit instead.
        step = count_axis_step(max([1.0, *values]))
        axis_values.setRange(0, step * math.ceil(max([1.0, *values]) * 1.15 / step))
        axis_values.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_values.setTickAnchor(0)
        axis_values.setTickInterval(step)
    else:
        axis_values.setRange(0, maximum if maximum is not None
                             else max([1.0, *values]) * 1.15)
        axis_values.setTitleText(value_title)
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
    """Three charts of one period, computed in the background.

    Each chart view has an :class:`EmptyStateLabel` (``county_empty``, ``lead_empty``,
    ``task_empty``) that explains why the chart is empty while there is nothing to draw.
    """

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("chartsPage")
        self.store = store
        self.document: SummaryDocument | None = None
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("chartsPeriod")
        self.task_combo = QComboBox(self)
        self.task_combo.setObjectName("chartsTask")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.county_view = self._view("countyChart")
        self.lead_view = self._view("leadUnitChart")
        self.task_view = self._view("taskChart")
        self.county_empty = EmptyStateLabel(self.county_view)
        self.lead_empty = EmptyStateLabel(self.lead_view)
        self.task_empty = EmptyStateLabel(self.task_view)
        # The task list redraws from the loaded summary, so it waits for the newest one.
        self.loader = PageLoader(self, self.county_empty, self.lead_empty, self.task_empty,
                                 controls=(self.task_combo,))

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
        # The summary stops at its next check of the cancel event; its result is dropped.
        self.loader.cancel()
        super().closeEvent(event)

    def _view(self, name: str) -> QChartView:
        view = QChartView(self)
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(200)
        return view

    def _show_empty(self, view: QChartView, label: EmptyStateLabel, title: str,
                    headline: str, detail: str = "") -> None:
        view.setChart(_title_only_chart(title))
        label.show_message(headline, detail, caption=title)

    def _show_all_empty(self, headline: str, detail: str = "") -> None:
        for view, label in ((self.county_view, self.county_empty),
                            (self.lead_view, self.lead_empty),
                            (self.task_view, self.task_empty)):
            self._show_empty(view, label, "", headline, detail)

    def reload_periods(self) -> None:
        periods = available_periods(self.store)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code in periods:
            self.period_combo.addItem(period_name(code), code)
        opening = opening_choice(periods, review.period_to_open(self.store))
        self.period_combo.setCurrentIndex(self.period_combo.findData(opening))
        self.period_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Compute the period's county, lead unit and task summaries in the background."""
        period = self.period_combo.currentData()
        if period is None:
            self.loader.cancel()
            self._show_all_empty(self.tr("No reporting periods are set up."),
                                 self.tr("The charts need a reporting period with entries."))
            return
        store = self.store
        self.loader.load_cancellable(
            f"charts {period}",
            lambda cancel: reports.build_summary_document(
                store, [period], [Grouping.COUNTY, Grouping.LEAD_UNIT, Grouping.TASK],
                include_details=True, cancel=cancel),
            self.show_document)

    def show_document(self, document: SummaryDocument) -> None:
        """Draw the charts of a computed summary, or explain why there is nothing to draw."""
        self.document = document
        period = document.periods[0]
        name = period_name(period.period_code)
        county_title = self.tr("Target attainment by county, {period}").format(period=name)
        lead_title = self.tr("Target attainment by lead unit, {period}").format(period=name)
        county_rows = period.rows.get(Grouping.COUNTY, ())
        if any(row.reported for row in county_rows):
            self._draw_attainment(self.county_view, self.county_empty, county_title,
                                  county_rows)
            self._draw_attainment(self.lead_view, self.lead_empty, lead_title,
                                  period.rows.get(Grouping.LEAD_UNIT, ()))
        else:
            headline = self.tr("No entries for {period} yet.").format(period=name)
            detail = self.tr("The charts fill in once the townships' report packages for "
                             "this period are merged on the Inbox page.")
            self._show_empty(self.county_view, self.county_empty, county_title, headline,
                             detail)
            self._show_empty(self.lead_view, self.lead_empty, lead_title, headline, detail)
        current = self.task_combo.currentData()
        self.task_combo.blockSignals(True)
        self.task_combo.clear()
        for task in document.scope.tasks:
            self.task_combo.addItem(f"{task.number} {task.title}", task.number)
        index = self.task_combo.findData(current) if current is not None else 0
        self.task_combo.setCurrentIndex(max(index, 0))
        self.task_combo.blockSignals(False)
        self._draw_task()

    def _draw_attainment(self, view: QChartView, label: EmptyStateLabel, title: str,
                         rows: Sequence[SummaryRow]) -> None:
        labels, values = attainment_percentages(rows)
        if not labels:
            self._show_empty(view, label, title, self.tr("No targets to compare with."),
                             self.tr("Attainment counts the towns that meet their targets. "
                                     "Set the year's targets on the Targets page."))
            return
        label.clear_message()
        view.setChart(_bar_chart(title, labels, values, self.tr("Attainment (%)"), 100.0,
                                 horizontal=True))

    def _draw_task(self) -> None:
        number = self.task_combo.currentData()
        if self.document is None or number is None:
            return
        period = self.document.periods[0]
        name = period_name(period.period_code)
        title = self.tr("Task {task}: number of towns by completion, {period}").format(
            task=number, period=name)
        counts = completion_bands(period.pairs, number)
        if not any(row.reported for row in period.rows.get(Grouping.COUNTY, ())):
            self._show_empty(self.task_view, self.task_empty, title,
                             self.tr("No entries for {period} yet.").format(period=name))
            return
        if not any(counts):
            self._show_empty(self.task_view, self.task_empty, title, self.tr(
                "No town has both an actual value and a target for task {task} in "
                "{period}.").format(task=number, period=name), self.tr(
                "Completion is the actual value over the target. Choose another task, or "
                "set this task's targets on the Targets page."))
            return
        self.task_empty.clear_message()
        self.task_view.setChart(_bar_chart(
            title, [label for _upper, label in BANDS], [float(count) for count in counts],
            self.tr("Towns"), is_count=True))


def create_page(store: Store, window: Any) -> QWidget:
    return ChartsPage(store, window)
