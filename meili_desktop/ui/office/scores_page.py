"""Scores page: a county's score sheet with its towns, and one unit's sheet to edit.

The upper table lists the county and its programme towns with their totals; choosing a row
shows that unit's scored tasks below, where the office ticks whether the mechanism is
established and types discretionary points. Saving checks the points against each task's
rule.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.periods import PeriodKind
from meili_desktop.domain.scoring import CountyScoreSheet, ScoreSheet
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services import scores
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import list_periods
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.page_choices import county_choices, refill
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.period_names import period_name

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Scores")
TASK, RULE, MECHANISM, POINTS, TOTAL, MAXIMUM = range(6)
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


def _points(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


@dataclass(frozen=True)
class ScoreChoices:
    """The catalogue with the scoring rules, and the years and counties the lists offer."""

    catalogue: Catalogue
    years: list[str]
    counties: list[tuple[str, str]]


def read_score_choices(store: Store) -> ScoreChoices:
    """Read the scores page's choices, off the GUI thread."""
    years = [period.code for period in list_periods(store) if period.kind is PeriodKind.YEAR]
    return ScoreChoices(active_catalogue(store), years, county_choices(store))


class ScoresPage(QWidget):
    """Score sheets of a county and its towns for one year."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("scoresPage")
        self.store = store
        self.county_sheet: CountyScoreSheet | None = None
        self.sheet: ScoreSheet | None = None
        self.catalogue: Catalogue | None = None
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("scoresPeriod")
        self.county_combo = QComboBox(self)
        self.county_combo.setObjectName("scoresCounty")
        self.units = QTableWidget(0, 3, self)
        self.units.setObjectName("scoresUnits")
        self.units.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Total"),
                                              self.tr("Maximum")])
        self.units.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.units.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.units.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.units.verticalHeader().setVisible(False)
        self.units_empty = EmptyStateLabel(self.units)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("scoresSummary")
        self.tasks = QTableWidget(0, 6, self)
        self.tasks.setObjectName("scoresTasks")
        self.tasks.setHorizontalHeaderLabels([
            self.tr("Task"), self.tr("Rule"), self.tr("Mechanism established"),
            self.tr("Discretionary points"), self.tr("Total"), self.tr("Maximum")])
        # The task and its rule get the spare width, and the other columns fit their text.
        header = self.tasks.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RULE, QHeaderView.ResizeMode.Stretch)
        self.tasks.verticalHeader().setVisible(False)
        self.tasks.setWordWrap(True)
        self.tasks_empty = EmptyStateLabel(self.tasks)
        self.save_button = QPushButton(self.tr("Save scores"), self)
        self.save_button.setObjectName("saveScores")
        # The county's sheet contains its towns' sheets, so choosing a unit reads nothing.
        self.loader = PageLoader(self, self.units_empty, self.tasks_empty,
                                 controls=(self.units, self.tasks, self.save_button))
        self._lay_out()

        self.period_combo.currentIndexChanged.connect(self.reload)
        self.county_combo.currentIndexChanged.connect(self.reload)
        self.units.itemSelectionChanged.connect(self._show_selected)
        self.save_button.clicked.connect(self.save)
        self.loader.load("scores choices", lambda: read_score_choices(store), self._show_choices)

    def _show_choices(self, choices: ScoreChoices) -> None:
        self.catalogue = choices.catalogue
        refill(self.period_combo, [(period_name(code), code) for code in choices.years], "2021")
        refill(self.county_combo, choices.counties, None)
        self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year"), self))
        bar.addWidget(self.period_combo)
        bar.addWidget(QLabel(self.tr("County"), self))
        bar.addWidget(self.county_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.units, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tasks, 1)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

    def reload(self, unit_id: str | None = None) -> None:
        """Show the chosen county's sheet, the county first, then its towns.

        The sheet is read in the background. Then the row of ``unit_id`` is chosen, or the
        county's when ``unit_id`` is not listed.
        """
        if self.catalogue is None:
            return
        county, period = self.county_combo.currentData(), self.period_combo.currentData()
        if period is None:
            self.loader.cancel()
            self.units_empty.show_message(
                self.tr("No year is set up as a reporting period."),
                self.tr("Scores are given per year. Add the year's reporting period first."))
            return
        if county is None:
            self.loader.cancel()
            self.units_empty.show_message(self.tr("No county is set up."))
            return
        store = self.store
        self.summary_label.setText("")
        self.loader.load(f"scores of {county} for {period}",
                         lambda: scores.county_score_sheet(store, county, period),
                         lambda county_sheet: self._show_county(county_sheet, unit_id))

    def _show_county(self, county_sheet: CountyScoreSheet, unit_id: str | None) -> None:
        self.county_sheet = county_sheet
        self.sheet = None
        self._fill_units(county_sheet)
        mean = county_sheet.town_mean
        self.summary_label.setText(self.tr("{count} towns; town total {total}; mean {mean}.")
                                   .format(count=len(county_sheet.towns),
                                           total=_points(county_sheet.town_total),
                                           mean="-" if mean is None else _points(mean)))
        self.units.clearSelection()
        self.units.selectRow(self._unit_row(unit_id) if unit_id is not None else 0)

    def _fill_units(self, county_sheet: CountyScoreSheet) -> None:
        sheets = [county_sheet.county, *county_sheet.towns]
        self.units.setRowCount(len(sheets))
        for row, sheet in enumerate(sheets):
            for column, text in enumerate((sheet.unit_name, _points(sheet.total),
                                           _points(sheet.max_total))):
                item = QTableWidgetItem(text)
                item.setData(UNIT_ROLE, sheet.unit_id)
                self.units.setItem(row, column, item)

    def _unit_row(self, unit_id: str) -> int:
        """Return the row of ``unit_id`` in the unit table, or 0 (the county) if not listed."""
        for row in range(self.units.rowCount()):
            if self.units.item(row, 0).data(UNIT_ROLE) == unit_id:
                return row
        return 0

    def _show_selected(self) -> None:
        items = self.units.selectedItems()
        if not items or self.county_sheet is None:
            return
        unit_id = str(items[0].data(UNIT_ROLE))
        sheets = [self.county_sheet.county, *self.county_sheet.towns]
        self._show_sheet(next(sheet for sheet in sheets if sheet.unit_id == unit_id))

    def show_unit(self, unit_id: str) -> None:
        """Choose one listed unit, which shows its scored tasks for editing."""
        self.units.clearSelection()
        self.units.selectRow(self._unit_row(unit_id))

    def _show_sheet(self, sheet: ScoreSheet) -> None:
        assert self.catalogue is not None, "a sheet is shown after the choices"
        self.sheet = sheet
        self.tasks.setRowCount(len(self.sheet.scores))
        if self.sheet.scores:
            self.tasks_empty.clear_message()
        else:
            self.tasks_empty.show_message(
                self.tr("No task of the catalogue has a scoring rule."),
                self.tr("Scores are given on tasks whose catalogue entry has a scoring rule."))
        for row, score in enumerate(self.sheet.scores):
            rule = self.catalogue.task(score.task_number).scoring
            cells = [f"{score.task_number} {score.task_title}",
                     rule.description if rule is not None else "",
                     "", _points(score.discretionary_points), _points(score.total),
                     _points(score.max_points)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(UNIT_ROLE, score.task_number)
                item.setToolTip(text)
                if column != POINTS:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == MECHANISM:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if score.fixed_points
                                       else Qt.CheckState.Unchecked)
                self.tasks.setItem(row, column, item)
        self.tasks.resizeRowsToContents()

    def save(self) -> None:
        """Store the assessments shown in the task table."""
        if self.sheet is None:
            return
        # The period the sheet was read for, which the year list above matches while the
        # save button is enabled.
        period = self.sheet.period_code
        try:
            for row in range(self.tasks.rowCount()):
                task_number = int(self.tasks.item(row, TASK).data(UNIT_ROLE))
                established = self.tasks.item(row, MECHANISM).checkState() == \
                    Qt.CheckState.Checked
                try:
                    points = Decimal(self.tasks.item(row, POINTS).text().strip() or "0")
                except InvalidOperation:
                    points = Decimal("NaN")
                scores.set_assessment(self.store, self.sheet.unit_id, period, task_number,
                                      established, points)
        except MeiliError as error:
            QMessageBox.warning(self, self.tr("Scores"), describe(error))
        self.reload(self.sheet.unit_id)


def create_page(store: Store, window: Any) -> QWidget:
    return ScoresPage(store, window)
