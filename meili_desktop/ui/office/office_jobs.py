"""Run a page's database change as a job, show its progress, and report its failure.

Every change on the merge, conflict and review pages goes through the one-thread write pool,
so it never waits for another process's merge on the GUI thread and never runs beside
another write of this window.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool
from PySide6.QtWidgets import QMessageBox, QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


class JobRunner(QObject):
    """Starts jobs for one page and keeps each worker alive until it finishes."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._workers: set[JobWorker] = set()

    def is_busy(self) -> bool:
        return bool(self._workers)

    def start(self, name: str, job: Callable[[ProgressCallback, threading.Event], Any],
              on_success: Callable[[Any], None], *, title: str = "",
              on_failure: Callable[[BaseException], None] | None = None,
              on_cancel: Callable[[], None] | None = None,
              read_only: bool = False) -> JobWorker:
        """Queue ``job``; call ``on_success`` with its result on the GUI thread.

        Without ``on_failure``, a failure is shown in a message box. The window's progress
        bar follows the job when the page sits in a window that has one.
        """
        worker = JobWorker(job, name, self)
        self._workers.add(worker)
        worker.succeeded.connect(on_success)
        worker.failed.connect(on_failure or self.show_failure)
        if on_cancel is not None:
            worker.cancelled.connect(on_cancel)
        worker.finished.connect(lambda: self._workers.discard(worker))
        tracker = getattr(self._page.window(), "job_progress", None)
        if tracker is not None and title:
            tracker.track(worker, title)
        worker.start(QThreadPool.globalInstance() if read_only else None)
        return worker

    def show_failure(self, error: BaseException) -> None:
        """Show a failed job's reason, or a generic text for a bug (logged by the worker)."""
        if isinstance(error, MeiliError):
            text = describe(error)
        else:
            text = QCoreApplication.translate(
                "JobRunner", "An unexpected error occurred. Nothing was changed; the details "
                "are in the log file.")
        QMessageBox.warning(self._page, self._page.windowTitle() or
                            QCoreApplication.translate("JobRunner", "Error"), text)
