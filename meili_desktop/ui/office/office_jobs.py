"""Run a page's database change as a job, show its progress, and report its failure.

Changes on the merge, conflict and review pages run on the one-thread write pool. The GUI
thread therefore never waits for another process's merge, and the window's changes run one
at a time.

Workers have no Qt parent. A page may be closed while its job still runs, and a worker deleted
with the page would then emit its signals from the pool thread on a deleted object. Instead,
each worker is kept alive until it finishes, and its results reach the page through the
page's :class:`JobRunner`, whose connections Qt drops when the page goes away.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


class _WorkerKeeper(QObject):
    """Keeps unparented workers alive until they finish."""

    def __init__(self) -> None:
        super().__init__()
        self._workers: set[JobWorker] = set()

    def keep(self, worker: JobWorker) -> None:
        self._workers.add(worker)
        worker.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        worker = self.sender()
        if isinstance(worker, JobWorker):
            self._workers.discard(worker)


_keeper: _WorkerKeeper | None = None


def keep_until_finished(worker: JobWorker) -> None:
    """Hold a reference to ``worker`` until its job ends, whatever happens to its page."""
    global _keeper
    if _keeper is None:
        _keeper = _WorkerKeeper()
    _keeper.keep(worker)


class JobRunner(QObject):
    """Starts jobs for one page and hands their results back to it."""

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._handlers: dict[JobWorker, tuple[Callable[[Any], None],
                                              Callable[[BaseException], None],
                                              Callable[[], None] | None]] = {}

    def is_busy(self) -> bool:
        return bool(self._handlers)

    def start(self, name: str, job: Callable[[ProgressCallback, threading.Event], Any],
              on_success: Callable[[Any], None], *, title: str = "",
              on_failure: Callable[[BaseException], None] | None = None,
              on_cancel: Callable[[], None] | None = None,
              read_only: bool = False) -> JobWorker:
        """Queue ``job``; call ``on_success`` with its result on the GUI thread.

        Without ``on_failure``, a failure is shown in a message box. The window's progress
        bar follows the job when the page sits in a window that has one. Read-only jobs run
        on the shared pool, changes on the write pool.
        """
        worker = JobWorker(job, name)
        keep_until_finished(worker)
        self._handlers[worker] = (on_success, on_failure or self.show_failure, on_cancel)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        worker.finished.connect(self._on_finished)
        tracker = getattr(self._page.window(), "job_progress", None)
        if tracker is not None and title:
            tracker.track(worker, title)
        worker.start(QThreadPool.globalInstance() if read_only else None)
        return worker

    @Slot(object)
    def _on_succeeded(self, result: Any) -> None:
        handlers = self._handlers.get(self.sender())  # type: ignore[call-overload]
        if handlers is not None:
            handlers[0](result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        handlers = self._handlers.get(self.sender())  # type: ignore[call-overload]
        if handlers is not None:
            handlers[1](error)

    @Slot()
    def _on_cancelled(self) -> None:
        handlers = self._handlers.get(self.sender())  # type: ignore[call-overload]
        if handlers is not None and handlers[2] is not None:
            handlers[2]()

    @Slot()
    def _on_finished(self) -> None:
        self._handlers.pop(self.sender(), None)  # type: ignore[call-overload]

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
