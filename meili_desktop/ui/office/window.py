"""The office main window: one tab per page (inbox, completeness, review, summaries, ...)."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QTabWidget, QVBoxLayout, QWidget

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


class LazyPages(Mapping[str, QWidget]):
    """The window's pages by module name, each built when its tab is first shown or asked for.

    Most pages run queries when they are built, so building them all made the window take
    seconds to appear on a province database. Each tab contains an empty container until its
    page is built into it, and ``pages[name]`` builds a page that is not built yet.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self._names: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}

    def add(self, name: str, title: str, factory: Callable[[], QWidget]) -> None:
        """Add a tab titled ``title`` whose page ``factory`` builds later."""
        holder = QWidget(self._tabs)
        holder.setObjectName(f"{name}Holder")
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        self._names.append(name)
        self._factories[name] = factory
        self._holders[name] = holder
        self._tabs.addTab(holder, title)

    def build_at(self, index: int) -> None:
        """Build the page of tab ``index`` unless it is built already."""
        if 0 <= index < len(self._names):
            self[self._names[index]]

    def is_built(self, name: str) -> bool:
        return name in self._built

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is None:
            page = self._factories[name]()
            layout = self._holders[name].layout()
            assert layout is not None
            layout.addWidget(page)
            self._built[name] = page
            logger.debug("built office page %s", name)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


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
        self.pages = LazyPages(self.tabs)
        for module_name in PAGE_MODULES:
            module = importlib.import_module(module_name)
            self.pages.add(module_name.rsplit(".", 1)[-1],
                           QCoreApplication.translate("OfficePages", module.PAGE_TITLE),
                           lambda module=module: module.create_page(store, self))
        self.tabs.currentChanged.connect(self.pages.build_at)
        self.pages.build_at(self.tabs.currentIndex())
        self.resize(1280, 800)
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)

    def open_package_file(self, path: Path) -> None:
        """Show the inbox and check a package given by double-click, drop or a second launch."""
        inbox = self.pages["inbox_page"]
        self.tabs.setCurrentIndex(list(self.pages).index("inbox_page"))
        inbox.open_package_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        wait_for_pools()
        super().closeEvent(event)
