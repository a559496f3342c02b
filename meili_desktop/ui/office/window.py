"""The office main window: one tab per page (inbox, completeness, review, summaries, ...).

The window can appear before its data folder is open: built without a store, it shows its
tabs and "Opening the data…", and :meth:`OfficeWindow.attach_store` builds the current page
once the store is open. The tab titles are listed here, so the page modules, which import
the database and report libraries, are imported only when their page is built.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from meili_desktop.ui.file_drop import PackageDropWindow
from meili_desktop.ui.office.office_menus import OfficeMenus
from meili_desktop.ui.progress import JobProgressWidget
from meili_desktop.ui.settings import MAIN_GEOMETRY, Settings
from meili_desktop.ui.workers import wait_for_pools

if TYPE_CHECKING:
    # Both import SQLAlchemy, which a window shown before its store is open does not need.
    from meili_desktop.store.datafolder import Store
    from meili_desktop.ui.office.unlock import OfficeKeySession

logger = logging.getLogger(__name__)

# Each page module defines ``create_page(store, window) -> QWidget``; tabs appear in this
# order. A new page also needs its title in PAGE_TITLES.
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

# The tab titles, equal to each page module's ``PAGE_TITLE`` (a test compares them).
PAGE_TITLES: dict[str, str] = {
    "meili_desktop.ui.office.inbox_page": QT_TRANSLATE_NOOP("OfficePages", "Inbox"),
    "meili_desktop.ui.office.completeness_page": QT_TRANSLATE_NOOP("OfficePages",
                                                                   "Completeness"),
    "meili_desktop.ui.office.conflicts_page": QT_TRANSLATE_NOOP("OfficePages", "Conflicts"),
    "meili_desktop.ui.office.review_page": QT_TRANSLATE_NOOP("OfficePages", "Review"),
    "meili_desktop.ui.office.summary_page": QT_TRANSLATE_NOOP("OfficePages", "Summaries"),
    "meili_desktop.ui.office.charts": QT_TRANSLATE_NOOP("OfficePages", "Charts"),
    "meili_desktop.ui.office.targets_page": QT_TRANSLATE_NOOP("OfficePages", "Targets"),
    "meili_desktop.ui.office.scores_page": QT_TRANSLATE_NOOP("OfficePages", "Scores"),
    "meili_desktop.ui.office.distribution_page": QT_TRANSLATE_NOOP("OfficePages",
                                                                   "Distribution"),
    "meili_desktop.ui.office.audit_page": QT_TRANSLATE_NOOP("OfficePages", "Audit log"),
    # Marked for translation as relay_page.PAGE_TITLE, in the office area's file.
    "meili_desktop.ui.office.relay_page": "Forward to City",
}
# A county office issues no distribution packages and forwards its townships' packages to
# the city instead, so its window shows the relay page in place of the distribution page.
DISTRIBUTION_MODULE = "meili_desktop.ui.office.distribution_page"
RELAY_MODULE = "meili_desktop.ui.office.relay_page"
COUNTY_PAGE_MODULES: list[str] = [RELAY_MODULE if name == DISTRIBUTION_MODULE else name
                                  for name in PAGE_MODULES]


class LazyPages(Mapping[str, QWidget]):
    """The window's pages by module name, each built when its tab is first shown or asked for.

    Most pages run queries when they are built, so building them all made the window take
    seconds to appear on a province database. Each tab contains a container that shows
    "Opening the data…" until its page is built into it, and ``pages[name]`` builds a page
    that is not built yet. Nothing is built before :attr:`is_ready` is set, which the window
    does once its store is open.
    """

    def __init__(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self._names: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._holders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self.is_ready = False

    def add(self, name: str, title: str, factory: Callable[[], QWidget]) -> None:
        """Add a tab titled ``title`` whose page ``factory`` builds later."""
        holder = QWidget(self._tabs)
        holder.setObjectName(f"{name}Holder")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        placeholder = _waiting_placeholder(holder)
        placeholder.setObjectName(f"{name}Placeholder")
        layout.addWidget(placeholder)
        self._placeholders[name] = placeholder
        self._names.append(name)
        self._factories[name] = factory
        self._holders[name] = holder
        self._tabs.addTab(holder, title)

    def replace(self, index: int, name: str, title: str,
                factory: Callable[[], QWidget]) -> None:
        """Put a tab for page ``name`` in place of the not yet built tab at ``index``."""
        old_name = self._names[index]
        assert old_name not in self._built, f"page {old_name} is built already"
        holder = self._holders.pop(old_name)
        del self._factories[old_name]
        del self._placeholders[old_name]
        self._names.pop(index)
        self.add(name, title, factory)
        self._names.insert(index, self._names.pop())
        self._tabs.blockSignals(True)
        self._tabs.removeTab(index)
        self._tabs.insertTab(index, self._holders[name], title)
        self._tabs.blockSignals(False)
        holder.deleteLater()

    def reset(self) -> None:
        """Drop every built page, so that each is built again from the database when shown."""
        for name, page in list(self._built.items()):
            layout = self._holders[name].layout()
            assert layout is not None
            layout.removeWidget(page)
            page.hide()
            page.deleteLater()
            placeholder = _waiting_placeholder(self._holders[name])
            placeholder.setObjectName(f"{name}Placeholder")
            layout.addWidget(placeholder)
            self._placeholders[name] = placeholder
        self._built.clear()
        self.build_at(self._tabs.currentIndex())

    def build_at(self, index: int) -> None:
        """Build the page of tab ``index`` unless it is built already or not ready."""
        if self.is_ready and 0 <= index < len(self._names):
            self[self._names[index]]

    def is_built(self, name: str) -> bool:
        return name in self._built

    def __getitem__(self, name: str) -> QWidget:
        page = self._built.get(name)
        if page is None:
            factory = self._factories[name]
            if not self.is_ready:
                raise RuntimeError(f"page {name} requested before the data folder is open")
            page = factory()
            layout = self._holders[name].layout()
            assert layout is not None
            placeholder = self._placeholders.pop(name)
            layout.removeWidget(placeholder)
            # Deletion waits for the event loop, and until then the placeholder's text showed
            # through the top left of the page.
            placeholder.hide()
            placeholder.deleteLater()
            layout.addWidget(page)
            self._built[name] = page
            logger.debug("built office page %s", name)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _waiting_placeholder(parent: QWidget) -> QWidget:
    """Return a widget that shows "Opening the data…" in its middle.

    Stretches centre the text rather than an alignment flag, because the first use of
    ``Qt``'s enums costs about 15 ms, which the window's start should not pay.
    """
    placeholder = QWidget(parent)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(QLabel(QCoreApplication.translate("OfficeWindow", "Opening the data…"),
                         placeholder))
    row.addStretch(1)
    column = QVBoxLayout(placeholder)
    column.addStretch(1)
    column.addLayout(row)
    column.addStretch(1)
    return placeholder


class OfficeWindow(PackageDropWindow, QMainWindow):
    """The window for county and city office staff.

    Built with ``store=None`` it is a shell whose pages wait for :meth:`attach_store`.

    Signals:
        data_ready(): the store is attached and the current tab's page is built.
    """

    data_ready = Signal()

    def __init__(self, store: Store | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeWindow")
        self.store: Store | None = None
        self.settings = Settings()
        self.key_session: OfficeKeySession | None = None
        self._pending_files: list[Path] = []
        self.setWindowTitle(self.tr("Beautiful Towns Office"))
        self.page_modules = list(PAGE_MODULES)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("officeTabs")
        self.setCentralWidget(self.tabs)
        self.job_progress = JobProgressWidget(self)
        self.statusBar().addPermanentWidget(self.job_progress, 1)
        self.pages = LazyPages(self.tabs)
        for module_name in PAGE_MODULES:
            self.pages.add(module_name.rsplit(".", 1)[-1],
                           QCoreApplication.translate("OfficePages", PAGE_TITLES[module_name]),
                           lambda module_name=module_name: self._create_page(module_name))
        self.tabs.currentChanged.connect(self.pages.build_at)
        self.menus = OfficeMenus(self)
        self.resize(1280, 800)
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        if store is None:
            self.statusBar().showMessage(self.tr("Opening the data…"))
        else:
            self.attach_store(store)

    @property
    def current_page_module(self) -> str:
        """Return the module name of the current tab's page."""
        return self.page_modules[max(self.tabs.currentIndex(), 0)]

    def attach_store(self, store: Store) -> None:
        """Use the opened ``store``: build the current page and open files passed meanwhile."""
        from meili_desktop.services.identity import Role, load_identity
        from meili_desktop.ui.office.bundle_import import BundleImporter
        from meili_desktop.ui.office.unlock import OfficeKeySession

        self.store = store
        self.key_session = OfficeKeySession(store)
        self.bundles = BundleImporter(self)
        identity = load_identity(store)
        if identity is not None and identity.role is Role.COUNTY:
            self._use_county_pages()
        self._show_office_name(store, identity is not None and identity.role is Role.COUNTY)
        self.pages.is_ready = True
        self.menus.set_data_ready(True)
        self.statusBar().clearMessage()
        self.pages.build_at(self.tabs.currentIndex())
        self.data_ready.emit()
        pending, self._pending_files = self._pending_files, []
        for path in pending:
            self.open_package_file(path)

    def _show_office_name(self, store: Store, is_county: bool) -> None:
        """Name the office in the window title, as the township window names its town.

        The title ends with the program's display name, which Qt's Windows and X11 plugins
        append to any title that does not end with it.
        """
        from meili_desktop.services.setup import office_name

        name = office_name(store)
        if name is None:
            return
        if is_county:
            name = self.tr("{county} county office").format(county=name)
        self.setWindowTitle(self.tr("{office} — Beautiful Towns Reporting").format(office=name))

    def _create_page(self, module_name: str) -> QWidget:
        module = importlib.import_module(module_name)
        return module.create_page(self.store, self)

    def _use_county_pages(self) -> None:
        index = self.page_modules.index(DISTRIBUTION_MODULE)
        self.page_modules = list(COUNTY_PAGE_MODULES)
        self.pages.replace(index, RELAY_MODULE.rsplit(".", 1)[-1],
                           QCoreApplication.translate("OfficePages", PAGE_TITLES[RELAY_MODULE]),
                           lambda: self._create_page(RELAY_MODULE))

    def open_package_file(self, path: Path) -> None:
        """Show the inbox and check a package given by double-click, drop or a second launch.

        Before the store is attached the file waits, and it is opened right after. A county
        bundle is verified, and its township packages go to the inbox.
        """
        from meili_desktop.ui.office.bundle_import import is_bundle_file

        if self.store is None:
            self._pending_files.append(path)
        elif is_bundle_file(path):
            self.bundles.open_bundle(path)
        else:
            self.show_page("inbox_page").open_package_file(path)

    def open_package_files(self, paths: list[Path]) -> None:
        """Check report packages, and folders of them, in the inbox; verify county bundles.

        The inbox asks for the office passphrase once for all of them.
        """
        from meili_desktop.ui.office.bundle_import import is_bundle_file

        if self.store is None:
            self._pending_files.extend(paths)
            return
        # Each header is read once; a renamed bundle is found by its content.
        found = [path for path in paths if is_bundle_file(path)]
        for bundle in found:
            self.bundles.open_bundle(bundle)
        others = [path for path in paths if path not in found]
        if others:
            self.show_page("inbox_page").add_paths(others)

    def show_page(self, name: str) -> QWidget:
        """Switch to the tab of page ``name`` and return the page, built if needed."""
        page = self.pages[name]
        self.tabs.setCurrentIndex(list(self.pages).index(name))
        return page

    def reload_pages(self) -> None:
        """Build the pages again from the database, after a restore replaced it."""
        self.pages.reset()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        wait_for_pools()
        super().closeEvent(event)
