"""Targets page: the city target of a task and its split to the programme towns.

The office types the city target, then either types each town's target or types bases and
splits in proportion (largest-remainder rounding). The line under the table compares the
towns' targets with the city target before anything is saved.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import Catalogue, MeasureType, Task, TaskLevel
from meili_desktop.domain.periods import PeriodKind
from meili_desktop.domain.summary import SummaryScope
from meili_desktop.domain.targets import SplitMethod, TargetRecord, check_split
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.reports import describe_problem
from meili_desktop.services import targets
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import list_periods
from meili_desktop.store import summary_queries
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.page_choices import refill
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.workers import JobWorker
from meili_desktop.ui.period_names import period_name

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Targets")
COUNTY, TOWN, BASE, TARGET, METHOD, VERSION = range(6)
# Rejected rows a message box lists; the rest are counted in one line.
MAX_SHOWN_PROBLEMS = 20
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
METHOD_LABELS = {
    SplitMethod.MANUAL: QT_TRANSLATE_NOOP("TargetsPage", "Typed in"),
    SplitMethod.PROPORTIONAL: QT_TRANSLATE_NOOP("TargetsPage", "In proportion to base"),
    SplitMethod.EXCEL: QT_TRANSLATE_NOOP("TargetsPage", "Imported from Excel"),
    SplitMethod.RECEIVED: QT_TRANSLATE_NOOP("TargetsPage", "From a distribution package"),
}


def method_label(method: SplitMethod) -> str:
    """Return how a target was set, in the user's language."""
    return QCoreApplication.translate("TargetsPage", METHOD_LABELS[method])


def unit_suffix(task: Task) -> str:
    """Return the unit for a column title: "（公里）", or "（%）" for percentages."""
    unit = "%" if task.measure is MeasureType.PERCENT else task.unit
    return QCoreApplication.translate("TargetsPage", " ({unit})").format(unit=unit) \
        if unit else ""


@dataclass(frozen=True)
class StoredTargets:
    """The city target and the towns' targets of one task and year, with the towns."""

    city: TargetRecord | None
    towns: dict[str, TargetRecord]
    scope: SummaryScope


@dataclass(frozen=True)
class TargetChoices:
    """The catalogue, whose township tasks the task list offers, and the years."""

    catalogue: Catalogue
    years: list[str]


def read_target_choices(store: Store) -> TargetChoices:
    """Read the targets page's choices, off the GUI thread."""
    years = [period.code for period in list_periods(store) if period.kind is PeriodKind.YEAR]
    return TargetChoices(active_catalogue(store), years)


def read_targets(store: Store, catalogue: Catalogue, task_number: int,
                 period: str) -> StoredTargets:
    """Read the targets of a task and year and the programme towns, off the GUI thread."""
    city = targets.city_target(store, task_number, period)
    towns = targets.town_targets(store, task_number, period)
    with store.session_factory() as session:
        scope = summary_queries.summary_scope(session, catalogue)
    return StoredTargets(city, towns, scope)


def _decimal(text: str) -> Decimal | None:
    clean = text.strip().rstrip("%").replace(",", "")
    if not clean:
        return None
    try:
        return Decimal(clean)
    except InvalidOperation:
        return None


class TargetsPage(QWidget):
    """City target and town split of one task for one year or period."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("targetsPage")
        self.store = store
        self.catalogue: Catalogue | None = None
        self.task_combo = QComboBox(self)
        self.task_combo.setObjectName("targetsTask")
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("targetsPeriod")
        self.city_label = QLabel(self.tr("City target"), self)
        self.city_edit = QLineEdit(self)
        self.city_edit.setObjectName("cityTarget")
        self.save_city_button = QPushButton(self.tr("Save city target"), self)
        self.save_city_button.setObjectName("saveCityTarget")
        self.split_button = QPushButton(self.tr("Split in proportion to bases"), self)
        self.split_button.setObjectName("splitTargets")
        self.save_towns_button = QPushButton(self.tr("Save town targets"), self)
        self.save_towns_button.setObjectName("saveTownTargets")
        self.import_button = QPushButton(self.tr("Import from Excel..."), self)
        self.import_button.setObjectName("importTargets")
        self.jobs = JobRunner(self)
        self.check_label = QLabel(self)
        self.check_label.setObjectName("targetsCheck")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("targetsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("County"), self.tr("Town"), self.tr("Base"), self.tr("Target"),
            self.tr("Method"), self.tr("Version")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.empty_state = EmptyStateLabel(self.table)
        # The import keeps working while the table loads, because it reads its own workbook.
        self.loader = PageLoader(self, self.empty_state, controls=(
            self.table, self.city_edit, self.save_city_button, self.split_button,
            self.save_towns_button))
        self._lay_out()

        self.task_combo.currentIndexChanged.connect(self.reload)
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.save_city_button.clicked.connect(self.save_city_target)
        self.split_button.clicked.connect(self.split_by_bases)
        self.save_towns_button.clicked.connect(self.save_town_targets)
        self.import_button.clicked.connect(self._ask_import)
        self.table.itemChanged.connect(lambda _item: self.update_check())
        self.loader.load("targets choices", lambda: read_target_choices(store),
                         self._show_choices)

    def _show_choices(self, choices: TargetChoices) -> None:
        self.catalogue = choices.catalogue
        tasks = choices.catalogue.tasks_for_level(TaskLevel.TOWNSHIP)
        refill(self.task_combo, [(f"{task.number} {task.title}", task.number) for task in tasks],
               None)
        refill(self.period_combo, [(period_name(code), code) for code in choices.years], "2021")
        self.reload()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Task"), self))
        bar.addWidget(self.task_combo, 1)
        bar.addWidget(QLabel(self.tr("Year"), self))
        bar.addWidget(self.period_combo)
        bar.addWidget(self.city_label)
        bar.addWidget(self.city_edit)
        bar.addWidget(self.save_city_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_label, 1)
        buttons.addWidget(self.split_button)
        buttons.addWidget(self.save_towns_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    @property
    def task_number(self) -> int:
        return int(self.task_combo.currentData())

    @property
    def period(self) -> str:
        return str(self.period_combo.currentData())

    def reload(self) -> None:
        """Show the stored city target and the towns' targets of the chosen task and year.

        They are read in the background.
        """
        catalogue = self.catalogue
        if catalogue is None or self.task_combo.currentData() is None \
                or self.period_combo.currentData() is None:
            return
        store = self.store
        task_number, period = self.task_number, self.period
        suffix = unit_suffix(catalogue.task(task_number))
        self.table.horizontalHeaderItem(TARGET).setText(self.tr("Target") + suffix)
        self.city_label.setText(self.tr("City target") + suffix)
        self.check_label.setText("")
        self.loader.load(f"targets of task {task_number} for {period}",
                         lambda: read_targets(store, catalogue, task_number, period),
                         self._show_targets)

    def _show_targets(self, stored: StoredTargets) -> None:
        city, scope = stored.city, stored.scope
        self.city_edit.setText("" if city is None else format(city.value, "f"))
        self.table.blockSignals(True)
        self.table.setRowCount(len(scope.towns))
        for row, town in enumerate(scope.towns):
            county = scope.counties.get(town.parent_id or "")
            record = stored.towns.get(town.id)
            values = [county.name if county else "", town.name,
                      "" if record is None or record.base is None else format(record.base, "f"),
                      "" if record is None else format(record.value, "f"),
                      "" if record is None else method_label(record.method),
                      "" if record is None else str(record.version)]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(UNIT_ROLE, town.id)
                if column not in (BASE, TARGET):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        if scope.towns:
            self.empty_state.clear_message()
        else:
            self.empty_state.show_message(
                self.tr("There are no towns to set targets for."),
                self.tr("Import the programme's towns with the command "
                        "\"meili-desktop units import FILE.xlsx\", then open this page "
                        "again."))
        self.update_check()

    def _column(self, column: int) -> dict[str, Decimal]:
        values: dict[str, Decimal] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, column)
            value = _decimal(item.text()) if item is not None else None
            if item is not None and value is not None:
                values[str(item.data(UNIT_ROLE))] = value
        return values

    def update_check(self) -> None:
        """Compare the towns' targets in the table with the city target."""
        if self.catalogue is None:
            return
        city = _decimal(self.city_edit.text())
        parts = self._column(TARGET)
        if city is None or not parts:
            self.check_label.setText(self.tr("Enter the city target and the towns' targets."))
            return
        task = self.catalogue.task(self.task_number)
        check = check_split(task.measure, city, parts, self._column(BASE) or None,
                            task.higher_is_better)
        if check.allocated is None:
            self.check_label.setText(self.tr("Towns' targets cannot be compared with the city "
                                             "target without a base for every town."))
            return
        text = self.tr("City target {city}; towns {allocated}; difference {difference}.").format(
            city=city, allocated=check.allocated, difference=check.difference)
        colour = "#1b5e20" if check.is_balanced else "#9c0006"
        self.check_label.setText(f"<span style='color: {colour};'>{text}</span>")

    def save_city_target(self) -> None:
        value = _decimal(self.city_edit.text())
        if value is None:
            self._warn(self.tr("The city target must be a number."))
            return
        self._run(lambda: targets.set_city_target(self.store, self.task_number, self.period,
                                                  value))

    def split_by_bases(self) -> None:
        """Fill the target column with a proportional split of the city target."""
        bases = self._column(BASE)
        try:
            outcome = targets.split_target(self.store, self.task_number, self.period,
                                           bases=bases, allow_unbalanced=True, dry_run=True)
        except MeiliError as error:
            self._warn(describe(error))
            return
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, TARGET)
            unit_id = str(item.data(UNIT_ROLE))
            if unit_id in outcome.parts:
                item.setText(format(outcome.parts[unit_id], "f"))
        self.table.blockSignals(False)
        self.update_check()

    def save_town_targets(self, allow_unbalanced: bool = False) -> None:
        parts = self._column(TARGET)
        bases = self._column(BASE)
        try:
            targets.split_target(self.store, self.task_number, self.period, parts=parts,
                                 bases=bases, allow_unbalanced=allow_unbalanced)
        except MeiliError as error:
            if error.code == "target.unbalanced" and not allow_unbalanced and \
                    self._confirm(describe(error)):
                self.save_town_targets(allow_unbalanced=True)
                return
            if error.code != "target.unbalanced":
                self._warn(describe(error))
            return
        self.reload()

    def _ask_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Import targets"), "",
                                                    self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> JobWorker:
        """Import targets from a workbook off the GUI thread, then list rejected rows, if any.

        A targets sheet may hold up to 200,000 rows, which take about half a minute to read.
        """
        self.import_button.setEnabled(False)
        store = self.store
        return self.jobs.start(
            f"targets import {path.name}",
            lambda _progress, _cancel: targets.import_targets(store, path),
            self._imported, on_failure=self._import_failed,
            title=self.tr("Importing targets from {file}…").format(file=path.name))

    def _imported(self, result: targets.TargetsImportResult) -> None:
        self.import_button.setEnabled(True)
        if result.problems:
            self._warn(self.problem_text(result))
        self.reload()

    def _import_failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        if isinstance(error, MeiliError):
            self._warn(describe(error))
        else:
            self.jobs.show_failure(error)

    def problem_text(self, result: targets.TargetsImportResult) -> str:
        """Return the message for rejected rows: a count, the first rows, and the rest counted."""
        total = max(result.problem_count, len(result.problems))
        listed = result.problems[:MAX_SHOWN_PROBLEMS]
        heading = self.tr("{count} rows were rejected, so nothing was imported.").format(
            count=total)
        rows = "\n".join(describe_problem(problem.code, problem.message_details())
                         for problem in listed)
        parts = [heading, rows]
        if total > len(listed):
            parts.append(self.tr("{count} more rejected rows are not listed. Correct the rows "
                                 "above and import the file again to see the rest.").format(
                count=total - len(listed)))
        # Blank lines set the heading and the count of the rest apart from the rows.
        return "\n\n".join(parts)

    def _run(self, action: Any) -> None:
        try:
            action()
        except MeiliError as error:
            self._warn(describe(error))
            return
        self.reload()

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Targets"), text)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Targets"),
                                      text + "\n\n" + self.tr("Save these targets anyway?"))
        return answer == QMessageBox.StandardButton.Yes


def create_page(store: Store, window: Any) -> QWidget:
    return TargetsPage(store, window)
