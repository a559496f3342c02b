"""The township window's Excel template actions: export a fill-in template, import it back.

Both run as jobs with the window's progress bar. An import writes nothing unless every filled
cell is valid. Otherwise :class:`TemplateProblemsDialog` lists each rejected cell with its
row, column and reason, so that the clerk can correct the file and import it again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.entries import Status
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.entries import describe_finding, status_label
from meili_desktop.messages.reports import describe_problem, problems_to_list
from meili_desktop.reports.template_xlsx import TemplateKeys
from meili_desktop.services import templates
from meili_desktop.services.templates import TemplateImportResult
from meili_desktop.ui.crash import report_unexpected_error
from meili_desktop.ui.settings import LAST_FOLDER
from meili_desktop.ui.workers import JobWorker

if TYPE_CHECKING:
    from meili_desktop.ui.township.window import TownshipWindow

logger = logging.getLogger(__name__)

EXCEL_FILTER_PATTERN = "*.xlsx"
SHEET, CELL, PROBLEM = range(3)


class TemplateActions(QObject):
    """Exports and imports the township's Excel fill-in template for the shown period."""

    def __init__(self, window: TownshipWindow) -> None:
        super().__init__(window)
        self.window = window
        self.problems_dialog: TemplateProblemsDialog | None = None

    def add_to_menu(self, menu: QMenu) -> tuple[QAction, QAction]:
        """Add the export and import actions to ``menu``, in the current language."""
        export_action = menu.addAction(self.tr("Export E&xcel Template…"))
        export_action.setObjectName("exportTemplateAction")
        export_action.setToolTip(self.tr(
            "Save the shown period's tasks as an Excel file to fill in, for example by the "
            "lead units, and import it here afterwards."))
        export_action.triggered.connect(lambda: self.export_template())
        import_action = menu.addAction(self.tr("&Import Filled Excel Template…"))
        import_action.setObjectName("importTemplateAction")
        import_action.triggered.connect(lambda: self.import_template())
        return export_action, import_action

    # --- export --------------------------------------------------------------------------------

    def export_template(self, path: Path | None = None) -> JobWorker | None:
        """Write the template of the shown period to ``path`` (asked for when None)."""
        self.window.form.flush()
        state = self.window.state
        period = state.period.code
        if path is None:
            folder = self.window.settings.get(LAST_FOLDER) or str(Path.home())
            proposed = self.tr("Template_{town}_{period}.xlsx").format(town=state.unit_name,
                                                                      period=period)
            name, _filter = QFileDialog.getSaveFileName(
                self.window, self.tr("Export Excel template"), str(Path(folder) / proposed),
                self.tr("Excel workbooks ({pattern})").format(pattern=EXCEL_FILTER_PATTERN))
            if not name:
                return None
            path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        self.window.settings.set(LAST_FOLDER, str(path.parent))
        store, unit_id = self.window.store, state.unit_id

        def job(_progress: Any, _cancel: threading.Event) -> TemplateKeys:
            return templates.export_template(store, path, unit_id, period)

        return self._start(job, f"template {unit_id} {period}",
                           self.tr("Exporting Excel template…"),
                           lambda keys: self._exported(path, keys))

    def _exported(self, path: Path, keys: TemplateKeys) -> None:
        QMessageBox.information(self.window, self.tr("Excel template exported"), self.tr(
            "Saved {file} with {count} tasks of {period}.\n\nFill in the yellow cells (status, "
            "value, progress narrative, responsible person, contact), keep the file's other "
            "cells as they are, and import it with \"Import Filled Excel Template\".").format(
            file=path, count=len(keys.tasks), period=keys.period_code))

    # --- import --------------------------------------------------------------------------------

    def import_template(self, path: Path | None = None) -> JobWorker | None:
        """Import a filled-in template from ``path`` (asked for when None)."""
        self.window.form.flush()
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Import filled Excel template"),
                self.window.settings.get(LAST_FOLDER),
                self.tr("Excel workbooks ({pattern})").format(pattern=EXCEL_FILTER_PATTERN))
            if not name:
                return None
            path = Path(name)
        self.window.settings.set(LAST_FOLDER, str(path.parent))
        store = self.window.store

        def job(_progress: Any, _cancel: threading.Event) -> TemplateImportResult:
            return templates.import_template(store, path)

        return self._start(job, f"import template {path.name}",
                           self.tr("Importing Excel template…"),
                           lambda result: self._imported(path, result))

    def _imported(self, path: Path, result: TemplateImportResult) -> None:
        if result.problems:
            logger.info("template %s rejected with %d problems", path, len(result.problems))
            self.problems_dialog = TemplateProblemsDialog(path, result, self.window)
            self.problems_dialog.exec()
            return
        if result.period_code != self.window.state.period.code:
            self.window.set_period(result.period_code)
        self.window.state.refresh(list(result.changed))
        text = self.tr(
            "{file}: {changed} tasks of {period} changed, {unchanged} unchanged. The changes "
            "are in each task's history; the file's blank cells left the entries as they "
            "were.").format(file=path.name, changed=len(result.changed),
                            unchanged=len(result.unchanged), period=result.period_code)
        if result.inferred_status:
            text += "\n\n" + self.tr(
                "The status of tasks {tasks} was set to {status} because a value was filled "
                "in without a status.").format(
                tasks=", ".join(str(number) for number in result.inferred_status),
                status=status_label(Status.IN_PROGRESS))
        if result.warnings:
            text += "\n\n" + self.tr("Please check these values; they were kept:") + "\n" + \
                "\n".join(describe_finding(finding) for finding in result.warnings)
        QMessageBox.information(self.window, self.tr("Excel template imported"), text)


    def _start(self, job: Any, name: str, title: str, on_success: Any) -> JobWorker:
        worker = JobWorker(job, name, self.window)
        worker.succeeded.connect(on_success)
        worker.failed.connect(self._show_error)
        worker.finished.connect(lambda: self.window._forget(worker))
        self.window._workers.append(worker)
        self.window.job_progress.track(worker, title)
        worker.start()
        return worker

    def _show_error(self, error: object) -> None:
        if isinstance(error, MeiliError):
            QMessageBox.warning(self.window, self.tr("Excel template"), describe(error))
            return
        report_unexpected_error(error if isinstance(error, BaseException)
                                else RuntimeError(str(error)))


class TemplateProblemsDialog(QDialog):
    """Lists the cells of a rejected template, one row each, with the reason."""

    def __init__(self, path: Path, result: TemplateImportResult,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateProblemsDialog")
        self.setWindowTitle(self.tr("Excel template not imported"))
        listed, rest = problems_to_list(result.problems)
        self.messages = [describe_problem(problem.code, problem.message_details())
                         for problem in listed]
        if rest:
            self.messages.append(rest)
        intro = QLabel(self.tr(
            "Nothing from {file} was imported: {count} cells need correcting. Correct them "
            "in the file, save it and import it again.").format(file=path.name,
                                                                count=len(result.problems)),
            self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(listed), 3, self)
        self.table.setObjectName("templateProblems")
        self.table.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Cell"),
                                              self.tr("Problem")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PROBLEM, QHeaderView.ResizeMode.Stretch)
        for row, problem in enumerate(listed):
            reason = describe(MeiliError(problem.code, **problem.message_details()))
            for column, text in ((SHEET, problem.sheet), (CELL, problem.cell),
                                 (PROBLEM, reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == CELL:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(SHEET)
        self.table.setColumnWidth(CELL, 60)
        # Row heights follow the wrapped problem text, which depends on the column width.
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())

        copy_button = QPushButton(self.tr("Copy List"), self)
        copy_button.setObjectName("copyProblems")
        copy_button.clicked.connect(self.copy_list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if rest:
            rest_label = QLabel(rest, self)
            rest_label.setObjectName("unlistedProblems")
            rest_label.setWordWrap(True)
            layout.addWidget(rest_label)
        layout.addWidget(buttons)
        self.resize(860, 420)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def copy_list(self) -> None:
        """Put one line per rejected cell on the clipboard, to send or print."""
        QGuiApplication.clipboard().setText("\n".join(self.messages))
