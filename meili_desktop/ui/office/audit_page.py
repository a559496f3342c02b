"""The audit view: search who changed what, when and from which package, and export the result."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.services import audit, review
from meili_desktop.services.audit import OFFICE_TIMEZONE
from meili_desktop.store.audit_repo import AuditQuery, AuditRecord
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.office.rows_model import MEASURED_ROWS, RowsModel, TextRow
from meili_desktop.ui.period_names import period_name

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Audit log")
PACKAGE_COLUMN = 6


@dataclass(frozen=True)
class AuditResult:
    """The events of one search, with the unit names and the cells the table shows."""

    records: list[AuditRecord]
    names: dict[str, str]
    rows: list[TextRow]


def run_search(store: Store, query: AuditQuery) -> AuditResult:
    """Search the audit log and format the cells, off the GUI thread."""
    records = audit.search(store, query)
    names = audit.unit_names(store)
    rows = [TextRow(tuple("" if value is None else str(value)
                          for value in audit.record_row(record, names)))
            for record in records]
    return AuditResult(records, names, rows)


class AuditPage(QWidget):
    """Search filters above, matching events below, export buttons at the bottom."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("auditPage")
        self.store = store
        self.jobs = JobRunner(self)
        self.records: list[AuditRecord] = []
        self.names: dict[str, str] = {}

        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("auditUnit")
        self.unit_edit.setPlaceholderText(self.tr("unit id"))
        self.task_spin = QSpinBox(self)
        self.task_spin.setObjectName("auditTask")
        self.task_spin.setRange(0, 99)
        self.task_spin.setSpecialValueText(self.tr("all"))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("auditPeriod")
        self.period_combo.addItem(self.tr("all"), None)
        for code, _state in review.list_periods(store):
            self.period_combo.addItem(period_name(code), code)
        self.package_edit = QLineEdit(self)
        self.package_edit.setObjectName("auditPackage")
        self.package_edit.setPlaceholderText(self.tr("package id"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("auditText")
        self.text_edit.setPlaceholderText(self.tr("words in the action, author or details"))
        self.since_check = QCheckBox(self.tr("From"), self)
        self.since_date = QDateEdit(QDate.currentDate().addMonths(-1), self)
        self.until_check = QCheckBox(self.tr("To"), self)
        self.until_date = QDateEdit(QDate.currentDate(), self)
        for edit in (self.since_date, self.until_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumWidth(140)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("auditSearch")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("auditResult")
        self.csv_button = QPushButton(self.tr("Export CSV..."), self)
        self.csv_button.setObjectName("auditCsv")
        self.xlsx_button = QPushButton(self.tr("Export Excel..."), self)
        self.xlsx_button.setObjectName("auditXlsx")
        self.model = RowsModel(audit.column_titles(), self)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        # One line per event: a wrapped package id showed two cut halves.
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # A package id is 36 characters that only a search needs whole. The column shows its
        # start, the tooltip the rest, and the details get the width.
        header.setSectionResizeMode(PACKAGE_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(PACKAGE_COLUMN, 110)
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state,
                                 controls=(self.table, self.csv_button, self.xlsx_button))
        self._lay_out()

        self.search_button.clicked.connect(self.search)
        self.text_edit.returnPressed.connect(self.search)
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_export("xlsx"))
        self.search()

    def _lay_out(self) -> None:
        filters = QGridLayout()
        row = [(self.tr("Unit"), self.unit_edit), (self.tr("Task"), self.task_spin),
               (self.tr("Period"), self.period_combo), (self.tr("Package"), self.package_edit)]
        for column, (text, widget) in enumerate(row):
            filters.addWidget(QLabel(text, self), 0, 2 * column)
            filters.addWidget(widget, 0, 2 * column + 1)
        filters.addWidget(QLabel(self.tr("Text"), self), 1, 0)
        filters.addWidget(self.text_edit, 1, 1, 1, 3)
        filters.addWidget(self.since_check, 1, 4)
        filters.addWidget(self.since_date, 1, 5)
        filters.addWidget(self.until_check, 1, 6)
        filters.addWidget(self.until_date, 1, 7)
        filters.addWidget(self.search_button, 1, 8)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.xlsx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def query(self) -> AuditQuery:
        """Return the search the filters describe; dates are whole days in China time."""
        return AuditQuery(
            unit_id=self.unit_edit.text().strip() or None,
            task_number=self.task_spin.value() or None,
            period_code=self.period_combo.currentData(),
            package_id=self.package_edit.text().strip() or None,
            text=self.text_edit.text(),
            since=_utc(self.since_date.date(), 0) if self.since_check.isChecked() else None,
            until=_utc(self.until_date.date(), 1) if self.until_check.isChecked() else None)

    def search(self) -> None:
        """Search the audit log in the background and show the events, newest first."""
        store, query = self.store, self.query()
        self.result_label.setText("")
        self.loader.load("audit search", lambda: run_search(store, query), self._show_result)

    def _show_result(self, result: AuditResult) -> None:
        self.records, self.names = result.records, result.names
        self.model.set_rows(result.rows)
        self.result_label.setText(self.tr("{count} events").format(count=len(self.records)))
        if self.records:
            self.empty_state.clear_message()
        else:
            self.empty_state.show_message(
                self.tr("No event matches the search."),
                self.tr("Clear some filters or widen the dates, then click Search again."))
        self.csv_button.setEnabled(bool(self.records))
        self.xlsx_button.setEnabled(bool(self.records))

    def _ask_export(self, kind: str) -> None:
        pattern = self.tr("CSV files (*.csv)") if kind == "csv" else \
            self.tr("Excel workbooks (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), f"audit.{kind}", pattern)
        if name:
            self.export(Path(name), kind)

    def export(self, path: Path, kind: str) -> None:
        """Write the events shown to ``path`` as CSV or Excel, off the GUI thread."""
        records = list(self.records)
        writer = audit.export_csv if kind == "csv" else audit.export_xlsx
        self.jobs.start(f"export audit {path.name}",
                        lambda progress, cancel: writer(records, path, self.names),
                        lambda _result: self.result_label.setText(
                            self.tr("{count} events written to {file}").format(
                                count=len(records), file=path.name)),
                        read_only=True)


def _utc(day: QDate, days_after: int) -> datetime:
    """Return the naive UTC start of ``day`` (plus ``days_after``) in China Standard Time."""
    start = datetime.combine(day.toPython(), time(), OFFICE_TIMEZONE) + timedelta(days=days_after)
    moment = start.astimezone(UTC).replace(tzinfo=None)
    return moment - timedelta(microseconds=1) if days_after else moment


def create_page(store: Store, window: Any) -> QWidget:
    """Build the audit page for the office window."""
    return AuditPage(store, window)
