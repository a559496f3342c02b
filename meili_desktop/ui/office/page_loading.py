"""Load a page's data off the GUI thread and show only the result of the newest request.

A page calls :meth:`PageLoader.load` with a query function and a function that fills its
widgets. The query runs on the shared read pool, and the fill function runs on the GUI
thread when the result arrives. When the clerk changes a filter before an older query ends,
the older request is cancelled and its result dropped, so the page never shows data for a
filter it no longer has.

A query opens its own session through the store's services (``store.session_factory()``),
on the pool thread that runs it, so no session or connection is shared between threads. It
must not touch widgets: the page reads its filters into plain values before it calls
:meth:`PageLoader.load`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.messages import describe
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

T = TypeVar("T")


def loading_text() -> str:
    """Return the notice shown while a page's data loads."""
    return QCoreApplication.translate("PageLoader", "Loading…")


def failure_text() -> str:
    """Return the headline shown when a page's query failed."""
    return QCoreApplication.translate("PageLoader", "The data could not be loaded.")


class PageLoader(QObject):
    """Runs one kind of query for a page and shows a loading notice while it runs.

    The notice goes on every ``empty_states`` label, which cover the views that the query
    fills. The ``controls`` are disabled from each request until its result is shown: the
    views under the notice, whose hidden rows would otherwise take clicks, and the buttons
    that act on what the views show. They stay disabled after a failure, because the views
    then still hold the data of the previous filters.

    Signals:
        loaded(): the newest request's result was shown, or its failure was. A page that
            starts its next request from ``show`` (its filter choices, then its data) is
            loading again by then, which ``is_loading`` tells.
        failed(object): the newest request failed with this exception (before ``loaded``).
    """

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, page: QWidget, *empty_states: EmptyStateLabel,
                 controls: Sequence[QWidget] = ()) -> None:
        super().__init__(page)
        self._jobs = JobRunner(page)
        self._empty_states = empty_states
        self._controls = tuple(controls)
        self._generation = 0
        self._worker: JobWorker | None = None
        self.is_loading = False

    def load(self, name: str, query: Callable[[], T], show: Callable[[T], None]) -> None:
        """Run ``query`` on a pool thread, then pass its result to ``show`` on the GUI thread.

        A request still running is cancelled, and its result is dropped if it arrives.
        """
        self.load_cancellable(name, lambda _cancel: query(), show)

    def load_cancellable(self, name: str, query: Callable[[threading.Event], T],
                         show: Callable[[T], None]) -> None:
        """Like :meth:`load`, for a query that takes the request's cancel event.

        The event is set when a newer request replaces this one. A query that checks it may
        raise :class:`CancelledError` to stop early.
        """
        self.cancel()
        generation = self._generation
        self.is_loading = True
        for label in self._empty_states:
            label.show_message(loading_text())
        for widget in self._controls:
            widget.setEnabled(False)

        def job(_progress: Any, cancel: threading.Event) -> T:
            # A request replaced while it waited for a pool thread does not run at all.
            if cancel.is_set():
                raise CancelledError()
            return query(cancel)

        self._worker = self._jobs.start(
            name, job, lambda result: self._deliver(generation, name, show, result),
            on_failure=lambda error: self._fail(generation, name, error),
            on_cancel=lambda: self._end_cancelled(generation), read_only=True)

    def cancel(self) -> None:
        """Cancel the running request, if any, so that its result is dropped.

        The loading notice stays up, because the page shows something else next.
        """
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        self._generation += 1
        self.is_loading = False

    def _deliver(self, generation: int, name: str, show: Callable[[Any], None],
                 result: Any) -> None:
        if generation != self._generation:
            logger.debug("dropped the result of %s: a newer request replaced it", name)
            return
        self._worker = None
        self.is_loading = False
        for label in self._empty_states:
            label.clear_message()
        # Enabled first, so that ``show`` can disable what its data does not allow.
        for widget in self._controls:
            widget.setEnabled(True)
        show(result)
        self.loaded.emit()

    def _fail(self, generation: int, name: str, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._worker = None
        self.is_loading = False
        # The worker has logged the error already, with a bug's traceback.
        logger.warning("loading %s failed: %s", name, error)
        detail = describe(error) if isinstance(error, MeiliError) else \
            QCoreApplication.translate("PageLoader", "The details are in the log file. To try "
                                       "again, change a filter or click the page's Search or "
                                       "Refresh button.")
        for label in self._empty_states:
            label.show_message(failure_text(), detail)
        self.failed.emit(error)
        self.loaded.emit()

    def _end_cancelled(self, generation: int) -> None:
        if generation == self._generation:
            self._worker = None
            self.is_loading = False
            self.loaded.emit()


def is_page_loading(page: QWidget) -> bool:
    """Return whether any loader of ``page`` still waits for a result."""
    return any(loader.is_loading for loader in page.findChildren(PageLoader))
