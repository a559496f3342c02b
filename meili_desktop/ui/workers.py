"""Run plain job functions on a thread pool and report back through Qt signals.

A job is ``job(progress, cancel) -> result`` where ``progress(done, total)`` reports progress and
``cancel`` is a ``threading.Event``. Jobs that write to the database go to a one-thread pool so
that writes are serialized; read-only jobs may use the shared pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from meili_desktop.errors import CancelledError, MeiliError

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
Job = Callable[[ProgressCallback, threading.Event], Any]

_write_pool: QThreadPool | None = None


def write_pool() -> QThreadPool:
    """Return the one-thread pool for jobs that write to the database."""
    global _write_pool
    if _write_pool is None:
        _write_pool = QThreadPool()
        _write_pool.setMaxThreadCount(1)
    return _write_pool


class _JobRunnable(QRunnable):
    """Runs one callable on a pool thread.

    NOTE: with runnables from ``QRunnable.create`` (PySide6 6.12), an object created later at
    a freed runnable's address sometimes came back wrapped as a QRunnable, and the office page
    tests crashed in about one run of three. A Python subclass is deleted through its shiboken
    wrapper, and with it twelve runs passed.
    """

    def __init__(self, function: Callable[[], None]) -> None:
        super().__init__()
        self._function = function

    def run(self) -> None:
        self._function()


class JobWorker(QObject):
    """Runs one job off the GUI thread.

    Signals:
        progress_changed(int, int): work done and total.
        succeeded(object): the job's result.
        failed(object): the exception; a MeiliError for expected failures.
        cancelled(): the job stopped because :meth:`cancel` was called.
        finished(): emitted after any of the three outcomes.
    """

    progress_changed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, job: Job, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.name = name
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        self.cancel_event.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the job on ``pool`` (the write pool by default)."""
        (pool or write_pool()).start(_JobRunnable(self._run))

    def _run(self) -> None:
        logger.info("job %s started", self.name)
        try:
            result = self._job(self.progress_changed.emit, self.cancel_event)
        except CancelledError:
            logger.info("job %s cancelled", self.name)
            self.cancelled.emit()
        except MeiliError as error:
            logger.info("job %s failed: %s", self.name, error)
            self.failed.emit(error)
        except Exception as error:  # a bug: logged with its traceback, shown as a generic error
            logger.exception("job %s crashed", self.name)
            self.failed.emit(error)
        else:
            logger.info("job %s finished", self.name)
            self.succeeded.emit(result)
        self.finished.emit()


def wait_for_pools(timeout_ms: int = 30000) -> None:
    """Wait for running jobs to end, on quit."""
    if _write_pool is not None:
        _write_pool.waitForDone(timeout_ms)
    QThreadPool.globalInstance().waitForDone(timeout_ms)
