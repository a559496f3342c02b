"""Wait for office pages that load their data on a pool thread."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from meili_desktop.ui.office.page_loading import is_page_loading

LOAD_TIMEOUT_MS = 15000


def wait_until_loaded(qtbot, page: QWidget, timeout: int = LOAD_TIMEOUT_MS) -> QWidget:
    """Process events until every loader of ``page`` has shown its result; return the page."""
    qtbot.waitUntil(lambda: not is_page_loading(page), timeout=timeout)
    return page
