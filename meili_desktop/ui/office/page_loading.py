"""Load a page's data off the GUI thread and show only the result of the newest request.

A page calls :meth:`PageLoader.load` with a query function and a function that fills its
widgets. The query runs on the shared read pool, and the fill function runs on the GUI
thread when the result arrives. When the clerk changes a filter before an older query ends,
the older result is dropped, so the page never shows data for a filter it no longer has.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.office_jobs import JobRunner

logger = logging.getLogger(__name__)

T = TypeVar("T")


def loading_text() -> str:
    """Return the notice shown while a page's data loads."""
    return QCoreApplication.translate("PageLoader", "Loading…")


class PageLoader(QObject):
    """Runs one kind of query for a page; shows a loading notice while it runs.

    Signals:
        loaded(): the newest result was shown, or its failure was.
    """

    loaded = Signal()

    def __init__(self, page: QWidget, empty_state: EmptyStateLabel | None = None) -> None:
        super().__init__(page)
        self._jobs = JobRunner(page)
        self._empty_state = empty_state
        self._generation = 0
        self.is_loading = False

    def load(self, name: str, query: Callable[[], T], show: Callable[[T], None]) -> None:
        """Run ``query`` on a pool thread, then pass its result to ``show`` on the GUI thread.

        A result that arrives after a newer :meth:`load` call is dropped.
        """
        self._generation += 1
        generation = self._generation
        self.is_loading = True
        if self._empty_state is not None:
            self._empty_state.show_message(loading_text())
        self._jobs.start(name, lambda _progress, _cancel: query(),
                         lambda result: self._deliver(generation, name, show, result),
                         on_failure=lambda error: self._fail(generation, name, error),
                         read_only=True)

    def _deliver(self, generation: int, name: str, show: Callable[[Any], None],
                 result: Any) -> None:
        if generation != self._generation:
            logger.debug("dropped the result of %s: a newer request replaced it", name)
            return
        self.is_loading = False
        if self._empty_state is not None:
            self._empty_state.clear_message()
        show(result)
        self.loaded.emit()

    def _fail(self, generation: int, name: str, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        logger.warning("loading %s failed: %s", name, error)
        detail = describe(error) if isinstance(error, MeiliError) else \
            QCoreApplication.translate("PageLoader", "The details are in the log file.")
        if self._empty_state is not None:
            self._empty_state.show_message(
                QCoreApplication.translate("PageLoader", "The data could not be loaded."),
                detail)
        self.loaded.emit()


def is_page_loading(page: QWidget) -> bool:
    """Return whether any loader of ``page`` still waits for a result."""
    return any(loader.is_loading for loader in page.findChildren(PageLoader))
