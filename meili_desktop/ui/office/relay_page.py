"""The county office's relay page: township packages, their review, and forwarding to the city.

Packages come in through the inbox, which keeps each verified file byte for byte at a county.
This page lists every merged package with its signature check and review state, reviews the
entries each package brought, and writes one bundle of the waiting packages for the city. The
bundle keeps each township's own signed file, so the city verifies every township's signature
itself.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.errors import MeiliError
from meili_desktop.file_types import COUNTY_BUNDLE_EXTENSION
from meili_desktop.messages import describe
from meili_desktop.messages.merge_labels import KIND_LABELS, label
from meili_desktop.services import relay_review
from meili_desktop.services.audit import local_time
from meili_desktop.services.bundles import BundleResult, build_bundle
from meili_desktop.services.identity import load_identity
from meili_desktop.services.relay_review import (
    FORWARDED,
    HELD,
    MISSING_ORIGINAL,
    WAITING,
    RelayPackage,
)
from meili_desktop.services.review import current_actor, list_periods
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.review_repo import ReviewRow
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.relay_entries import RelayEntriesWidget
from meili_desktop.ui.office.unlock import OfficeKeySession
from meili_desktop.ui.settings import LAST_FOLDER, Settings
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Forward to City")
TOWN, PERIODS, SEQUENCE, RECEIVED, COUNTS, SIGNATURE, REVIEWED, FORWARDING = range(8)
STATE_COLOURS = {WAITING: "#deebf7", FORWARDED: "#e2f0d9", HELD: "#fff2cc",
                 MISSING_ORIGINAL: "#fde2e1"}


class RelayPage(QWidget):
    """The county's township packages, their review, and the bundle for the city."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("relayPage")
        self.store = store
        self.settings = Settings()
        self.key_session: OfficeKeySession = (getattr(window, "key_session", None)
                                              or OfficeKeySession(store))
        self.jobs = JobRunner(self)
        self.packages: list[RelayPackage] = []
        # Results of "verify again" by package id: the fingerprint, or the failure text.
        self.checks: dict[str, tuple[bool, str]] = {}
        self.forward_worker: JobWorker | None = None

        self.hint = QLabel(self.tr(
            "Township packages merged in the inbox are kept here unchanged. Review the "
            "entries of each package, then forward the waiting packages to the city in one "
            "bundle: the city checks every township's own signature. A package with returned "
            "entries is held back until the township sends a corrected package."), self)
        self.hint.setWordWrap(True)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("relayPeriod")
        self.summary = QLabel(self)
        self.summary.setObjectName("relaySummary")
        self.table = self._build_table()
        self.entries = RelayEntriesWidget(self)
        self.verify_button = QPushButton(self.tr("Verify Again"), self)
        self.verify_button.setObjectName("verifyOriginal")
        self.forward_button = QPushButton(self.tr("Forward to City…"), self)
        self.forward_button.setObjectName("forwardBundle")
        self.enrol_button = QPushButton(self.tr("Write Enrolment Bundle…"), self)
        self.enrol_button.setObjectName("enrolBundle")
        self.enrol_button.setToolTip(self.tr(
            "A bundle without packages that introduces this county's keys to the city office. "
            "Send it once, before the first township packages, and confirm the fingerprint "
            "with the city office by phone."))
        self._lay_out()

        self.period_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.verify_button.clicked.connect(self.verify_selected)
        self.forward_button.clicked.connect(lambda: self.forward())
        self.enrol_button.clicked.connect(lambda: self.forward(enrol=True))
        self.entries.accept_requested.connect(self.accept_selected)
        self.entries.return_requested.connect(self.return_entries)
        self._fill_periods()
        self.refresh()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, 8, self)
        table.setObjectName("relayTable")
        table.setHorizontalHeaderLabels([
            self.tr("Township"), self.tr("Periods"), self.tr("No."), self.tr("Received"),
            self.tr("Entries"), self.tr("Signature"), self.tr("Review"),
            self.tr("Forwarding")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FORWARDING, QHeaderView.ResizeMode.Stretch)
        for column, width in ((TOWN, 150), (PERIODS, 80), (SEQUENCE, 50), (RECEIVED, 130),
                              (COUNTS, 170), (SIGNATURE, 190), (REVIEWED, 190)):
            table.setColumnWidth(column, width)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:"), self))
        top.addWidget(self.period_combo)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addStretch(1)
        actions.addWidget(self.enrol_button)
        actions.addWidget(self.forward_button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("relaySplitter")
        splitter.addWidget(upper)
        splitter.addWidget(self.entries)
        splitter.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _fill_periods(self) -> None:
        self.period_combo.blockSignals(True)
        self.period_combo.addItem(self.tr("All periods"), None)
        for code, _state in list_periods(self.store):
            self.period_combo.addItem(code, code)
        self.period_combo.blockSignals(False)

    # --- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the packages, keeping the selected one selected."""
        selected = self.selected_package()
        selected_id = selected.package_id if selected is not None else None
        self.packages = relay_review.list_relay_packages(self.store,
                                                         self.period_combo.currentData())
        self.table.setRowCount(len(self.packages))
        for index, package in enumerate(self.packages):
            self._show_row(index, package)
        waiting = relay_review.forwardable_ids(self.packages)
        held = sum(1 for package in self.packages if package.forward_state == HELD)
        self.summary.setText(self.tr(
            "{waiting} packages waiting to be forwarded, {held} held back.").format(
            waiting=len(waiting), held=held))
        self.table.blockSignals(True)
        self.table.clearSelection()
        for index, package in enumerate(self.packages):
            if package.package_id == selected_id:
                self.table.selectRow(index)
        self.table.blockSignals(False)
        self._on_selection()

    def _show_row(self, index: int, package: RelayPackage) -> None:
        ledger = package.ledger
        counts = " · ".join(f"{label(KIND_LABELS, kind)} {count}"
                            for kind, count in ledger.counts.items() if count)
        cells = [package.unit_name, ", ".join(ledger.periods), str(ledger.sequence),
                 local_time(ledger.received_at).strftime("%Y-%m-%d %H:%M"), counts,
                 self._signature_text(package), self._review_text(package),
                 self._forwarding_text(package)]
        colour = QColor(STATE_COLOURS[package.forward_state])
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setBackground(colour)
            self.table.setItem(index, column, item)

    def _signature_text(self, package: RelayPackage) -> str:
        check = self.checks.get(package.package_id)
        if check is not None:
            is_valid, text = check
            return self.tr("Verified again") if is_valid else self.tr("Failed: {reason}").format(
                reason=text)
        if not package.has_original:
            return self.tr("Original file missing")
        return self.tr("Verified when imported")

    def _review_text(self, package: RelayPackage) -> str:
        review = package.review
        return self.tr("{pending} to review, {accepted} accepted, {returned} returned").format(
            pending=review.get("pending", 0), accepted=review.get("accepted", 0),
            returned=review.get("returned", 0))

    def _forwarding_text(self, package: RelayPackage) -> str:
        texts = {
            WAITING: self.tr("Waiting to be forwarded"),
            FORWARDED: self.tr("Forwarded to the city"),
            HELD: self.tr("Held back: entries were returned"),
            MISSING_ORIGINAL: self.tr("Cannot be forwarded: add the original file to the "
                                      "inbox again"),
        }
        return texts[package.forward_state]

    def selected_package(self) -> RelayPackage | None:
        indexes = self.table.selectionModel().selectedRows() if self.packages else []
        if not indexes or indexes[0].row() >= len(self.packages):
            return None
        return self.packages[indexes[0].row()]

    def select_package(self, package_id: str) -> None:
        for index, package in enumerate(self.packages):
            if package.package_id == package_id:
                self.table.selectRow(index)
                return

    def _on_selection(self) -> None:
        package = self.selected_package()
        rows = [] if package is None else relay_review.package_entries(self.store,
                                                                       package.ledger)
        self.entries.show_package(package, rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        is_idle = not self.jobs.is_busy() and self.forward_worker is None
        package = self.selected_package()
        self.verify_button.setEnabled(is_idle and package is not None and package.has_original)
        self.forward_button.setEnabled(is_idle and bool(
            relay_review.forwardable_ids(self.packages)))
        self.enrol_button.setEnabled(is_idle)
        self.entries.set_busy(not is_idle)

    # --- review ------------------------------------------------------------------------------

    def accept_selected(self) -> None:
        """Accept every entry of the selected package."""
        package = self.selected_package()
        if package is None:
            return
        actor = current_actor()
        self._start(f"county accept {package.package_id}",
                    lambda progress, cancel: relay_review.accept_package(
                        self.store, package.ledger, actor=actor),
                    lambda _count: self.refresh(), on_failure=self._review_failed)

    def return_entries(self, rows: list[ReviewRow], comment: str) -> None:
        """Return the chosen entries with the comment; their package is then held back."""
        actor = current_actor()
        self._start(f"county return {len(rows)} entries",
                    lambda progress, cancel: relay_review.return_entries(
                        self.store, rows, comment, actor=actor),
                    lambda _count: self._after_return(), on_failure=self._review_failed)

    def _after_return(self) -> None:
        self.entries.comment.clear()
        self.refresh()

    def _review_failed(self, error: BaseException) -> None:
        # Entries decided before the failure keep their verdict, so show the current state.
        self.jobs.show_failure(error)
        self.refresh()

    def _start(self, name: str, job: Any, on_success: Any, **options: Any) -> JobWorker:
        """Start a job through the page's runner and update the buttons when it ends."""
        worker = self.jobs.start(name, job, on_success, **options)
        worker.finished.connect(self._update_buttons)
        self._update_buttons()
        return worker

    # --- verification and forwarding ---------------------------------------------------------

    def verify_selected(self) -> None:
        """Check the kept original of the selected package again, off the GUI thread."""
        package = self.selected_package()
        unlocked = self.key_session.keys(self) if package is not None else None
        if package is None or unlocked is None:
            return
        self._start(
            f"verify original {package.package_id}",
            lambda progress, cancel: relay_review.verify_original(
                self.store, package, unlocked, progress, cancel),
            lambda fingerprint: self._on_verified(package, True, fingerprint),
            title=self.tr("Verifying {town}'s package…").format(town=package.unit_name),
            on_failure=lambda error: self._on_verified(package, False, self._reason(error)),
            read_only=True)

    def _on_verified(self, package: RelayPackage, is_valid: bool, text: str) -> None:
        self.checks[package.package_id] = (is_valid, text)
        self.refresh()

    def forward(self, path: Path | None = None, *, enrol: bool = False) -> JobWorker | None:
        """Write the bundle of the waiting packages (or an enrolment bundle) for the city."""
        path = path or self._choose_bundle_file()
        if path is None:
            return None
        unlocked = self.key_session.keys(self)
        if unlocked is None:
            return None
        self.settings.set(LAST_FOLDER, str(path.parent))
        store, period = self.store, self.period_combo.currentData()
        package_ids = [] if enrol else relay_review.forwardable_ids(self.packages)
        periods = [period] if period else None
        worker = self._start(
            "county bundle",
            lambda progress, cancel: build_bundle(
                store, unlocked, path, periods, progress, cancel, allow_empty=enrol,
                package_ids=package_ids),
            lambda result: self._on_forwarded(result, unlocked.signing_fingerprint),
            title=self.tr("Writing the bundle for the city…"),
            on_cancel=self._on_forward_cancelled)
        self.forward_worker = worker
        worker.finished.connect(self._on_forward_finished)
        self._update_buttons()
        return worker

    def _choose_bundle_file(self) -> Path | None:
        folder = self.settings.get(LAST_FOLDER) or str(Path.home())
        proposed = self.tr("Bundle_{county}_{date}{extension}").format(
            county=self._county_name(), date=date.today().strftime("%Y%m%d"),
            extension=COUNTY_BUNDLE_EXTENSION)
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle for the city"), str(Path(folder) / proposed),
            self.tr("County bundles (*{extension})").format(extension=COUNTY_BUNDLE_EXTENSION))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == COUNTY_BUNDLE_EXTENSION else \
            path.with_name(path.name + COUNTY_BUNDLE_EXTENSION)

    def _on_forwarded(self, result: BundleResult, fingerprint: str) -> None:
        if result.package_ids:
            text = self.tr("Wrote {file} with {count} township packages. Send it to the city "
                           "office.").format(file=result.path, count=len(result.package_ids))
        else:
            text = self.tr("Wrote the enrolment bundle {file}. Send it to the city office and "
                           "read out this county's key fingerprint when they call:\n"
                           "{fingerprint}").format(file=result.path, fingerprint=fingerprint)
        QMessageBox.information(self, self.tr("Forward to City"), text)
        self.refresh()

    def _on_forward_cancelled(self) -> None:
        QMessageBox.information(self, self.tr("Forward to City"), self.tr(
            "Writing the bundle was cancelled; no file was written and no package was marked "
            "as forwarded."))

    def _on_forward_finished(self) -> None:
        self.forward_worker = None
        self._update_buttons()

    def _county_name(self) -> str:
        identity = load_identity(self.store)
        unit_id = identity.unit_id if identity is not None else None
        with self.store.session_factory() as session:
            unit = units_repo.get_unit(session, unit_id) if unit_id else None
        return unit.name if unit is not None else ""

    def _reason(self, error: BaseException) -> str:
        if isinstance(error, MeiliError):
            return describe(error)
        return self.tr("unexpected error; see the log file")


def create_page(store: Store, window: Any) -> QWidget:
    """Build the relay page for a county office window."""
    return RelayPage(store, window)
