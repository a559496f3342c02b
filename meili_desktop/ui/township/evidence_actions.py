"""Export a township's evidence files into a folder: one task's, or the whole period's.

The files are copied off the GUI thread by
:func:`~meili_desktop.services.evidence_export.export_evidence`, into
``<folder>/<township>_<code>/<period>/<task>_<name>`` under names that Windows accepts.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.evidence_export import EvidenceExport, export_evidence
from meili_desktop.ui.crash import report_unexpected_error
from meili_desktop.ui.settings import LAST_FOLDER
from meili_desktop.ui.workers import JobWorker

if TYPE_CHECKING:
    from meili_desktop.ui.township.window import TownshipWindow


class EvidenceExporter(QObject):
    """Asks for a folder and copies evidence files into it for one township window."""

    def __init__(self, window: TownshipWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose_folder(self, title: str) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self.window, title, self.window.settings.get(LAST_FOLDER) or str(Path.home()))
        return Path(folder) if folder else None

    def export(self, task_number: int | None = None,
               folder: Path | None = None) -> JobWorker | None:
        """Copy one task's evidence (or every task's, for None) of the shown period.

        ``folder`` is asked for with a folder dialog when None.
        """
        if task_number is None:
            title = self.tr("Export the evidence of {period}").format(
                period=self.window.state.period.code)
        else:
            title = self.tr("Export the evidence of task {task}").format(task=task_number)
        folder = folder or self.choose_folder(title)
        if folder is None:
            return None
        self.window.settings.set(LAST_FOLDER, str(folder))
        store, state = self.window.store, self.window.state
        unit_id, period = state.unit_id, state.period.code

        def job(progress: Any, cancel: threading.Event) -> EvidenceExport:
            return export_evidence(store, unit_id, period, folder, progress, cancel,
                                   task_number=task_number)

        worker = JobWorker(job, f"evidence export {period} {task_number or 'all'}",
                           self.window)
        worker.succeeded.connect(self._exported)
        worker.failed.connect(self._show_error)
        worker.finished.connect(lambda: self.window._forget(worker))
        self.window._workers.append(worker)
        self.window.job_progress.track(worker, self.tr("Exporting evidence files…"))
        worker.start()
        return worker

    def _exported(self, result: EvidenceExport) -> None:
        # The folder goes on a line of its own, because a long path wraps in a word.
        QMessageBox.information(self.window, self.tr("Evidence exported"), self.tr(
            "Copied {count} evidence files into the folder\n{folder}").format(
            count=len(result.files), folder=result.folder))

    def _show_error(self, error: object) -> None:
        if isinstance(error, MeiliError):
            QMessageBox.warning(self.window, self.tr("Evidence"), describe(error))
            return
        report_unexpected_error(error if isinstance(error, BaseException)
                                else RuntimeError(str(error)))
