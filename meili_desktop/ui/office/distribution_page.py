"""The office's distribution page: write 下发包 for chosen townships and show the city key.

The list shows every township with its county and when its last distribution package was
written; the packages are written off the GUI thread into a chosen folder.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.store import keys_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.crash import report_unexpected_error
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.settings import LAST_FOLDER
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Distribution")

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TownFilterModel(QSortFilterProxyModel):
    """Keeps the rows of one county (or all) whose text contains the search string."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.county = ""
        self.text = ""

    def set_filter(self, county: str, text: str) -> None:
        self.beginFilterChange()
        self.county, self.text = county, text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        model = self.sourceModel()
        cells = [str(model.index(source_row, column, source_parent).data() or "")
                 for column in range(model.columnCount())]
        if self.county and cells[0] != self.county:
            return False
        return not self.text or any(self.text in cell for cell in cells)


@dataclass(frozen=True)
class TownList:
    """The townships with their counties' names, the counties, and the city's signing keys."""

    townships: list[tuple[str, str, str, str]]
    counties: list[str]
    fingerprints: list[str]


def read_town_list(store: Store) -> TownList:
    """Read the townships, counties and signing keys the page shows, off the GUI thread.

    Each township is (county name, township name, code, unit id).
    """
    with store.session_factory() as session:
        counties = units_repo.list_counties(session)
        townships = units_repo.list_townships(session)
        signers = keys_repo.list_keys(session, purpose="signing", own_only=True,
                                      statuses=(keys_repo.APPROVED, keys_repo.RETIRING))
    names = {county.id: county.name for county in counties}
    return TownList([(names.get(town.parent_id or "", ""), town.name,
                      town.current_code or town.id, town.id) for town in townships],
                    [county.name for county in counties],
                    [record.fingerprint for record in signers])


class DistributionPage(QWidget):
    """Lists townships and writes their distribution packages."""

    def __init__(self, store: Store, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("distributionPage")
        self.store = store
        # Not ``self.window``, which would hide QWidget.window().
        self.office_window = window
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("County"), self.tr("Township"),
                                              self.tr("Code")])
        self.proxy = TownFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self.reload()

    def _build(self) -> None:
        self.key_label = QLabel(self)
        self.key_label.setObjectName("citySigningKey")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.county_filter = QComboBox(self)
        self.county_filter.setObjectName("countyFilter")
        # Filled when the townships arrive, after the first show, so it adjusts its width.
        self.county_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.county_filter.currentIndexChanged.connect(self._apply_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName("townSearch")
        self.search.setPlaceholderText(self.tr("Search township…"))
        self.search.textChanged.connect(self._apply_filter)
        self.table = QTableView(self)
        self.table.setObjectName("townTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state, controls=(self.table,))
        self.write_button = QPushButton(self.tr("Write distribution packages…"), self)
        self.write_button.setObjectName("writeDistribution")
        self.write_button.clicked.connect(lambda: self.write_packages())

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("County:"), self))
        filters.addWidget(self.county_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr(
            "Select townships (Ctrl or Shift for several) and write their packages. Send each "
            "township its own file; when a township imports it for the first time, read the "
            "fingerprint above to the clerk by phone."), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def reload(self) -> None:
        """Read townships, counties and the city's signing key again, in the background."""
        store = self.store
        self.loader.load("distribution townships", lambda: read_town_list(store),
                         self._show_towns)

    def _show_towns(self, towns: TownList) -> None:
        # Without its source the filter model does not filter and sort each row as it is
        # added, but once when it gets the source back.
        self.proxy.setSourceModel(None)
        self.model.removeRows(0, self.model.rowCount())
        for county, name, code, unit_id in towns.townships:
            row = [QStandardItem(county), QStandardItem(name), QStandardItem(code)]
            for item in row:
                item.setEditable(False)
                item.setData(unit_id, UNIT_ID_ROLE)
            self.model.appendRow(row)
        self.proxy.setSourceModel(self.model)
        self.county_filter.blockSignals(True)
        self.county_filter.clear()
        self.county_filter.addItem(self.tr("All counties"), "")
        for county in towns.counties:
            self.county_filter.addItem(county, county)
        self.county_filter.blockSignals(False)
        fingerprints = ", ".join(towns.fingerprints) or self.tr("none")
        self.key_label.setText(self.tr("City signing key fingerprint: {fingerprint}").format(
            fingerprint=fingerprints))
        self._update_empty_state()

    def _apply_filter(self) -> None:
        self.proxy.set_filter(self.county_filter.currentData() or "", self.search.text())
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.proxy.rowCount():
            self.empty_state.clear_message()
        elif self.model.rowCount() == 0:
            self.empty_state.show_message(self.tr("No townships are stored at the office."))
        else:
            self.empty_state.show_message(
                self.tr("No township matches the search."),
                self.tr("Check the name, or choose \"All counties\"."))

    def selected_unit_ids(self) -> list[str]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.proxy.index(row, 0).data(UNIT_ID_ROLE) for row in sorted(rows)]

    def write_packages(self, folder: Path | None = None) -> JobWorker | None:
        """Write the selected townships' packages into ``folder`` (asked for when None)."""
        unit_ids = self.selected_unit_ids()
        if not unit_ids:
            QMessageBox.information(self, self.tr("Distribution"),
                                    self.tr("Select at least one township first."))
            return None
        unlocked = self.office_window.key_session.keys(self)
        if unlocked is None:
            return None
        if folder is None:
            start = self.office_window.settings.get(LAST_FOLDER) or str(Path.home())
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the packages"),
                                                      start)
            if not chosen:
                return None
            folder = Path(chosen)
        self.office_window.settings.set(LAST_FOLDER, str(folder))
        store = self.store

        def job(progress: Any, cancel: threading.Event) -> int:
            for done, unit_id in enumerate(unit_ids):
                if cancel.is_set():
                    raise CancelledError()
                build_distribution_package(store, unlocked, unit_id, folder)
                progress(done + 1, len(unit_ids))
            return len(unit_ids)

        worker = JobWorker(job, f"distribute {len(unit_ids)} units", self)
        worker.succeeded.connect(lambda count: QMessageBox.information(
            self, self.tr("Distribution"), self.tr(
                "{count} distribution packages were written to {folder}.").format(
                count=count, folder=folder)))
        worker.failed.connect(self._show_error)
        self.office_window.job_progress.track(worker, self.tr("Writing distribution packages…"))
        worker.start()
        self._worker = worker
        return worker

    def _show_error(self, error: object) -> None:
        if isinstance(error, MeiliError):
            QMessageBox.warning(self, self.tr("Distribution"), describe(error))
        else:
            report_unexpected_error(error if isinstance(error, BaseException)
                                    else RuntimeError(str(error)))


def create_page(store: Store, window: Any) -> QWidget:
    return DistributionPage(store, window)
