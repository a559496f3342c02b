"""The office's summary page: choose period and grouping, filter and sort, export or print."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QThreadPool
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.summary import Grouping
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.reports.labels import grouping_sheet_name
from meili_desktop.reports.summary_document import SummaryDocument
from meili_desktop.services import reports, review
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.page_choices import available_periods, opening_choice
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.office.rows_model import MEASURED_ROWS
from meili_desktop.ui.office.summary_model import SummaryProxyModel, SummaryTableModel
from meili_desktop.ui.period_names import period_name
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Summaries")


class SummaryPage(QWidget):
    """Summaries by town, county, lead unit, category or task for one period."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("summaryPage")
        self.store = store
        self.window_ = window
        self.document: SummaryDocument | None = None
        self._workers: list[JobWorker] = []

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("summaryPeriod")
        self.grouping_combo = QComboBox(self)
        self.grouping_combo.setObjectName("summaryGrouping")
        for grouping in Grouping:
            self.grouping_combo.addItem(grouping_sheet_name(grouping), grouping.value)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("summaryFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("summaryRefresh")
        self.export_button = QPushButton(self.tr("Export to Excel..."), self)
        self.export_button.setObjectName("summaryExport")
        self.pdf_button = QPushButton(self.tr("Print city summary (PDF)..."), self)
        self.pdf_button.setObjectName("summaryPdf")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("summaryStatus")

        self.model = SummaryTableModel(self)
        self.proxy = SummaryProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("summaryTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Sizing the columns to all 1,010 towns' cells took the GUI thread 0.43 s, and 0.08 s
        # with the rows on screen and MEASURED_ROWS more.
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state, controls=(self.table,))
        self.loader.failed.connect(self._forget_document)

        self._lay_out()
        self.period_combo.currentIndexChanged.connect(self.reload)
        self.grouping_combo.currentIndexChanged.connect(self.reload)
        self.filter_edit.textChanged.connect(self._filter)
        self.refresh_button.clicked.connect(self.reload_periods)
        self.export_button.clicked.connect(self._ask_export)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.reload_periods()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.loader.cancel()
        # The workers are children of this page, so they must end before it is deleted.
        for worker in list(self._workers):
            worker.cancel()
        QThreadPool.globalInstance().waitForDone(30000)
        super().closeEvent(event)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.period_combo)
        bar.addWidget(QLabel(self.tr("Group by"), self))
        bar.addWidget(self.grouping_combo)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    @property
    def period(self) -> str | None:
        return self.period_combo.currentData()

    @property
    def grouping(self) -> Grouping:
        return Grouping(self.grouping_combo.currentData())

    def reload_periods(self) -> None:
        """Refill the period list, keeping the chosen period when it is still offered."""
        current = self.period
        periods = available_periods(self.store)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for code in periods:
            self.period_combo.addItem(period_name(code), code)
        if current not in periods:
            current = opening_choice(periods, review.period_to_open(self.store))
        self.period_combo.setCurrentIndex(self.period_combo.findData(current))
        self.period_combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Compute the summary of the chosen period and grouping in the background."""
        period, grouping = self.period, self.grouping
        if period is None:
            self.loader.cancel()
            self.status_label.setText(self.tr("No reporting period yet."))
            self.empty_state.show_message(self.tr("No reporting periods are set up."))
            return
        self.status_label.setText(self.tr("Computing the summary..."))
        store = self.store
        self.loader.load_cancellable(
            f"summary {period} by {grouping.value}",
            lambda cancel: reports.build_summary_document(store, [period], [grouping],
                                                          include_details=False, cancel=cancel),
            lambda document: self._show(document, grouping))

    def _start(self, worker: JobWorker, pool: QThreadPool) -> None:
        self._workers.append(worker)
        worker.finished.connect(lambda: self._workers.remove(worker))
        worker.start(pool)

    def _show(self, document: SummaryDocument, grouping: Grouping) -> None:
        self.document = document
        self.model.set_document(document, grouping)
        self.table.resizeColumnsToContents()
        period = document.periods[0]
        text = self.tr("{rows} rows; {towns} towns, {tasks} tasks.").format(
            rows=self.model.rowCount(), towns=len(document.scope.towns),
            tasks=len(document.scope.tasks))
        if period.previous_code:
            text += " " + self.tr("Change compared with {period}.").format(
                period=period_name(period.previous_code))
        self.status_label.setText(text)
        self._update_empty_state()

    def _forget_document(self) -> None:
        """Drop the shown summary after a failed load, whose notice covers the table."""
        self.document = None
        self.status_label.setText("")

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        """Say why the table is empty, or why its numbers are all zero."""
        document = self.document
        if document is None:
            return
        period = document.periods[0]
        rows = period.rows.get(self.model.grouping, ()) if self.model.grouping else ()
        if not document.scope.towns:
            self.empty_state.show_message(
                self.tr("There are no towns to summarise."),
                self.tr("Import the programme's towns with the command "
                        "\"meili-desktop units import FILE.xlsx\", then refresh this page."))
        elif not any(row.reported for row in rows):
            self.empty_state.show_message(
                self.tr("No entries for {period} yet.").format(
                    period=period_name(period.period_code)),
                self.tr("The summary fills in once the townships' report packages for this "
                        "period are merged on the Inbox page. An Excel export now would "
                        "list every town as not reported."))
        elif self.proxy.rowCount() == 0:
            self.empty_state.show_message(
                self.tr("No row contains \"{text}\".").format(
                    text=self.filter_edit.text()),
                self.tr("Clear the filter to see every row."))
        else:
            self.empty_state.clear_message()

    def _show_error(self, error: Exception) -> None:
        text = describe(error) if isinstance(error, MeiliError) else str(error)
        self.status_label.setText(text)

    def _ask_export(self) -> None:
        if self.period is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export summary"), f"summary-{self.period}.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> JobWorker:
        """Write the summary workbook of the chosen period in the background."""
        store, period = self.store, self.period or ""

        def job(progress: Any, cancel: Any) -> int:
            return reports.export_summary(store, path, [period], progress=progress,
                                          cancel=cancel)

        worker = JobWorker(job, f"export summary {period}", self)
        worker.succeeded.connect(lambda rows: self.status_label.setText(
            self.tr("Wrote {path} ({rows} rows).").format(path=path, rows=rows)))
        worker.failed.connect(self._report_failure)
        self._track(worker, self.tr("Exporting the summary"))
        self._start(worker, QThreadPool.globalInstance())
        return worker

    def _ask_pdf(self) -> None:
        if self.period is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Print city summary"), f"city-summary-{self.period}.pdf",
            self.tr("PDF (*.pdf)"))
        if name:
            self.print_to(Path(name))

    def print_to(self, path: Path) -> JobWorker:
        """Print the city summary of the chosen period to a PDF in the background."""
        from meili_desktop.services.printing import print_city_summary

        store, period = self.store, self.period

        def job(_progress: Any, _cancel: Any) -> int:
            return print_city_summary(store, path, period)

        worker = JobWorker(job, f"print city summary {period}", self)
        worker.succeeded.connect(lambda pages: self.status_label.setText(
            self.tr("Wrote {path} ({pages} pages).").format(path=path, pages=pages)))
        worker.failed.connect(self._report_failure)
        self._track(worker, self.tr("Printing the city summary"))
        self._start(worker, QThreadPool.globalInstance())
        return worker

    def _track(self, worker: JobWorker, title: str) -> None:
        progress = getattr(self.window_, "job_progress", None)
        if progress is not None:
            progress.track(worker, title)

    def _report_failure(self, error: Exception) -> None:
        self._show_error(error)
        if not isinstance(error, MeiliError):
            logger.error("summary job failed: %s", error)
        QMessageBox.warning(self, self.tr("Summary"), self.status_label.text())


def create_page(store: Store, window: Any) -> QWidget:
    return SummaryPage(store, window)
