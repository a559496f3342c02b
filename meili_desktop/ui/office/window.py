"""The office main window: one tab per page (inbox, completeness, review, summaries, ...)."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.unlock import OfficeKeySession
from meili_desktop.ui.progress import JobProgressWidget
from meili_desktop.ui.settings import MAIN_GEOMETRY, Settings
from meili_desktop.ui.workers import wait_for_pools

logger = logging.getLogger(__name__)

# Each page module defines ``PAGE_TITLE`` (marked for translation in the "OfficePages"
# context) and ``create_page(store, window) -> QWidget``; tabs appear in this order.
PAGE_MODULES: list[str] = [
    "meili_desktop.ui.office.inbox_page",
    "meili_desktop.ui.office.completeness_page",
    "meili_desktop.ui.office.conflicts_page",
    "meili_desktop.ui.office.review_page",
    "meili_desktop.ui.office.summary_page",
    "meili_desktop.ui.office.charts",
    "meili_desktop.ui.office.targets_page",
    "meili_desktop.ui.office.scores_page",
    "meili_desktop.ui.office.distribution_page",
    "meili_desktop.ui.office.audit_page",
]


class OfficeWindow(QMainWindow):
    """The window for county and city office staff."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeWindow")
        self.store = store
        self.settings = Settings()
        self.key_session = OfficeKeySession(store)
        self.setWindowTitle(self.tr("Beautiful Towns Office"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("officeTabs")
        self.setCentralWidget(self.tabs)
        self.job_progress = JobProgressWidget(self)
        self.statusBar().addPermanentWidget(self.job_progress, 1)
        self.pages: dict[str, QWidget] = {}
        for module_name in PAGE_MODULES:
            module = importlib.import_module(module_name)
            page = module.create_page(store, self)
            self.pages[module_name.rsplit(".", 1)[-1]] = page
            self.tabs.addTab(page, QCoreApplication.translate("OfficePages", module.PAGE_TITLE))
        self.resize(1280, 800)
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        wait_for_pools()
        super().closeEvent(event)
