"""The inbox: add report packages, see each one verified, preview and merge it.

Files come from a dialog, a folder or drag and drop. Each is verified and previewed as a job;
the table shows its sender, periods, counts, key fingerprint and result. A failed file shows
the reason, and "Copy diagnostic" puts a secret-free report on the clipboard for the township.
A package signed by a new key waits until the office approves the key's fingerprint.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.file_types import (
    COUNTY_BUNDLE_EXTENSION,
    REPORT_PACKAGE_EXTENSION,
    package_name_filter,
)
from meili_desktop.messages import describe
from meili_desktop.messages.merge_labels import KIND_LABELS, label
from meili_desktop.services import inbox, key_approval
from meili_desktop.services.bundle_cleanup import bundles_root, clean_after_merge
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.inbox import InboxResult
from meili_desktop.services.merge import MergeResult
from meili_desktop.services.review import current_actor
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.bundle_import import is_bundle_file
from meili_desktop.ui.office.key_dialog import REJECT_KEY, KeyDecisionDialog
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.office.unlock import OfficeKeySession
from meili_desktop.ui.period_names import period_name

logger = logging.getLogger(__name__)

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Inbox")
FILE, SENDER, PERIODS, COUNTS, FINGERPRINT, RESULT = range(6)
STATE_COLOURS = {"ready": "#deebf7", "merged": "#e2f0d9", "failed": "#fde2e1",
                 "waiting_key": "#fff2cc", "duplicate": "#eeeeee"}


@dataclass
class InboxRow:
    """One file in the inbox: ``checking``, ``ready``, ``duplicate``, ``merged``,
    ``waiting_key``, ``failed`` or ``locked`` (the office keys were not unlocked)."""

    path: Path
    state: str = "checking"
    result: InboxResult | None = None
    merged: MergeResult | None = None


class InboxPage(QWidget):
    """The list of added package files with their verification and merge results."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("inboxPage")
        self.store = store
        self.key_session: OfficeKeySession = (getattr(window, "key_session", None)
                                              or OfficeKeySession(store))
        self.rows: list[InboxRow] = []
        self.jobs = JobRunner(self)
        self._asked_fingerprints: set[str] = set()
        self.setAcceptDrops(True)

        # Only the city office receives county bundles, which the county offices send it.
        identity = load_identity(store)
        self.takes_bundles = identity is None or identity.role is Role.CITY
        if self.takes_bundles:
            hint = self.tr("Add report packages ({report}) and county bundles ({bundle}) with "
                           "the buttons or drop files and folders here. Each package is "
                           "verified before anything is merged.")
        else:
            hint = self.tr("Add report packages ({report}) with the buttons or drop files and "
                           "folders here. Each package is verified before anything is merged.")
        self.hint = QLabel(hint.format(report=REPORT_PACKAGE_EXTENSION,
                                       bundle=COUNTY_BUNDLE_EXTENSION), self)
        self.hint.setWordWrap(True)
        self.add_files_button = QPushButton(self.tr("Add files..."), self)
        self.add_files_button.setObjectName("addFiles")
        self.add_folder_button = QPushButton(self.tr("Add folder..."), self)
        self.add_folder_button.setObjectName("addFolder")
        self.preview_button = QPushButton(self.tr("Preview and merge..."), self)
        self.preview_button.setObjectName("previewPackage")
        self.key_button = QPushButton(self.tr("Check key..."), self)
        self.key_button.setObjectName("checkKey")
        self.diagnostic_button = QPushButton(self.tr("Copy diagnostic"), self)
        self.diagnostic_button.setObjectName("copyDiagnostic")
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        self.recheck_button.setObjectName("recheckPackage")
        self.remove_button = QPushButton(self.tr("Remove from list"), self)
        self.remove_button.setObjectName("removePackage")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("inboxTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Sender"), self.tr("Periods"), self.tr("Entries"),
            self.tr("Key fingerprint"), self.tr("Result")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.Stretch)
        # The widths leave the result column about 250 pixels in a 1024-pixel window, where
        # a rejection's reason is read. A fingerprint wraps to two lines of four groups.
        for column, width in ((FILE, 190), (SENDER, 140), (PERIODS, 110), (COUNTS, 140),
                              (FINGERPRINT, 175)):
            self.table.setColumnWidth(column, width)
        self.empty_state = EmptyStateLabel(self.table)
        self._lay_out()

        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.preview_button.clicked.connect(self.preview_selected)
        self.key_button.clicked.connect(self.decide_selected_key)
        self.diagnostic_button.clicked.connect(self.copy_diagnostic)
        self.recheck_button.clicked.connect(self.recheck_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        rows = self.rows
        self.destroyed.connect(lambda: _discard_rows(rows))
        self._update_buttons()
        self._update_empty_state()

    def _update_empty_state(self) -> None:
        if self.rows:
            self.empty_state.clear_message()
            return
        if self.takes_bundles:
            detail = self.tr("Click \"Add files...\" or \"Add folder...\", or drop report "
                             "packages ({report}) and county bundles ({bundle}) onto this "
                             "window.")
        else:
            detail = self.tr("Click \"Add files...\" or \"Add folder...\", or drop the "
                             "townships' report packages ({report}) onto this window.")
        self.empty_state.show_message(
            self.tr("No packages in the list yet."),
            detail.format(report=REPORT_PACKAGE_EXTENSION, bundle=COUNTY_BUNDLE_EXTENSION))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.add_files_button)
        top.addWidget(self.add_folder_button)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.key_button, self.diagnostic_button,
                       self.recheck_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    # --- adding files ----------------------------------------------------------------------

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add report packages"), "",
            self.tr("Packages ({patterns})").format(patterns=package_name_filter()))
        self.add_paths([Path(name) for name in names])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of packages"))
        if folder:
            self.add_paths([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(url.isLocalFile()
                                              for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        event.acceptProposedAction()
        self.add_paths(paths)

    def open_package_file(self, path: Path) -> None:
        """Add one file, as the window does for a package dropped anywhere on it."""
        self.add_paths([path])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files, and the packages and bundles directly inside folders, then check them.

        County bundles go to the window, which verifies them and adds their packages here.
        """
        files = expand_paths(paths)
        bundle_opener = getattr(self.window(), "bundles", None)
        if bundle_opener is not None:
            # Each header is read once; a renamed bundle is found by its content.
            found = [path for path in files if is_bundle_file(path)]
            for bundle in found:
                bundle_opener.open_bundle(bundle)
            files = [path for path in files if path not in found]
        known = {row.path.resolve() for row in self.rows}
        added: list[InboxRow] = []
        for path in files:
            if path.resolve() in known:
                continue
            known.add(path.resolve())
            row = InboxRow(path)
            self.rows.append(row)
            added.append(row)
        for row in added:
            self._show_row(row)
        self._check(added)

    def _check(self, rows: list[InboxRow]) -> None:
        if not rows:
            return
        unlocked = self.key_session.keys(self)
        for row in rows:
            if unlocked is None:
                row.state = "locked"
                self._show_row(row)
                continue
            row.state = "checking"
            self._show_row(row)
            self.jobs.start(
                f"verify {row.path.name}",
                lambda progress, cancel, path=row.path: inbox.verify_file(
                    self.store, unlocked, path, progress, cancel),
                lambda result, row=row: self._on_checked(row, result),
                title=self.tr("Checking {file}").format(file=row.path.name),
                on_failure=lambda error, row=row: self._on_check_crashed(row, error),
                on_cancel=lambda row=row: self._on_check_cancelled(row))

    def _on_checked(self, row: InboxRow, result: InboxResult) -> None:
        if row not in self.rows:
            result.discard()
            return
        row.result = result
        if result.is_waiting_for_key:
            row.state = "waiting_key"
        elif result.error is not None:
            row.state = "failed"
        elif result.preview is not None and result.preview.is_duplicate:
            row.state = "duplicate"
            result.discard()
        else:
            row.state = "ready"
        self._show_row(row)
        self._update_buttons()
        if row.state == "waiting_key":
            fingerprint = str(result.error.details.get("fingerprint", "")) if result.error \
                else ""
            if fingerprint and fingerprint not in self._asked_fingerprints:
                self._asked_fingerprints.add(fingerprint)
                self.decide_key(row)

    def _on_check_crashed(self, row: InboxRow, error: BaseException) -> None:
        # verify_file returns expected failures in its result, so this is a bug.
        row.state = "failed"
        row.result = InboxResult(row.path)
        self._show_row(row)
        self.jobs.show_failure(error)

    def _on_check_cancelled(self, row: InboxRow) -> None:
        row.state = "locked"
        self._show_row(row)

    # --- actions on the selected row -------------------------------------------------------

    def selected_row(self) -> InboxRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.rows[indexes[0].row()]

    def select_row(self, index: int) -> None:
        self.table.selectRow(index)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        state = row.state if row else ""
        self.preview_button.setEnabled(state == "ready")
        self.key_button.setEnabled(state == "waiting_key")
        self.diagnostic_button.setEnabled(state in ("failed", "waiting_key")
                                          and row is not None and row.result is not None)
        self.recheck_button.setEnabled(state in ("failed", "waiting_key", "locked"))
        self.remove_button.setEnabled(row is not None and state != "checking")

    def preview_selected(self) -> None:
        """Open the preview of the selected verified package; merge happens there."""
        row = self.selected_row()
        if row is None or row.result is None or row.result.opened is None \
                or row.result.preview is None:
            return
        dialog = PreviewDialog(self.store, row.result.opened.incoming, row.result.preview,
                               self._unit_name(row.result.preview.sender_unit_id),
                               self._task_titles(), self)
        dialog.merged.connect(lambda result: self._on_merged(row, result))
        dialog.exec()

    def _on_merged(self, row: InboxRow, result: MergeResult) -> None:
        row.merged = result
        row.state = "merged" if result.outcome == "merged" else "duplicate"
        if row.result is not None:
            row.result.discard()
        self._show_row(row)
        self._update_buttons()
        bundle_id = bundle_of(self.store, row.path)
        if bundle_id is not None:
            # The copy taken out of a county bundle is no longer needed once merged.
            store = self.store
            self.jobs.start(f"clean bundle {bundle_id}",
                            lambda _progress, _cancel: clean_after_merge(store, bundle_id),
                            lambda _cleanup: None)

    def copy_diagnostic(self) -> None:
        """Put the selected failed file's secret-free diagnostic on the clipboard."""
        row = self.selected_row()
        if row is None or row.result is None:
            return
        QGuiApplication.clipboard().setText(inbox.diagnostic_text(row.result))

    def recheck_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._check([row])

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.state == "checking":
            return
        _discard_rows([row])
        index = self.rows.index(row)
        self.rows.pop(index)
        self.table.removeRow(index)
        self._update_buttons()
        self._update_empty_state()

    def decide_selected_key(self) -> None:
        row = self.selected_row()
        if row is not None and row.state == "waiting_key":
            self.decide_key(row)

    def decide_key(self, row: InboxRow) -> None:
        """Ask the clerk to compare the fingerprint, record the decision, check again."""
        error = row.result.error if row.result else None
        if error is None:
            return
        unit_id = str(error.details.get("unit_id", ""))
        fingerprint = str(error.details.get("fingerprint", ""))
        dialog = KeyDecisionDialog(self._unit_name(unit_id), unit_id, fingerprint, self)
        answer = dialog.exec()
        if answer == QDialog.DialogCode.Accepted:
            decide = key_approval.approve_key
        elif answer == REJECT_KEY:
            decide = key_approval.reject_key
        else:
            return
        waiting = [other for other in self.rows if other.state == "waiting_key"
                   and other.result is not None and other.result.error is not None
                   and other.result.error.details.get("fingerprint") == fingerprint]
        self.jobs.start(f"key decision {fingerprint}",
                        lambda progress, cancel: decide(self.store, unit_id, fingerprint,
                                                        actor=current_actor()),
                        lambda _previous: self._check(waiting))

    # --- display -----------------------------------------------------------------------------

    def _show_row(self, row: InboxRow) -> None:
        index = self.rows.index(row)
        if index >= self.table.rowCount():
            self.table.insertRow(index)
        header = row.result.header if row.result else None
        cells = [row.path.name,
                 f"{header.sender_name} ({header.sender_unit_id})" if header else "",
                 self.tr(", ").join(period_name(code) for code in header.periods)
                 if header else "",
                 self._counts_text(row), header.sender_fingerprint if header else "",
                 self._result_text(row)]
        colour = STATE_COLOURS.get(row.state)
        self.empty_state.clear_message()
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if colour:
                item.setBackground(QColor(colour))
            self.table.setItem(index, column, item)
        self.table.resizeRowToContents(index)

    def _counts_text(self, row: InboxRow) -> str:
        if row.state == "duplicate":
            # Merging again changes nothing, so the kinds would all be zero: show the size.
            preview = row.result.preview if row.result is not None else None
            if preview is None:
                return ""
            return self.tr("{count} entries, merged before").format(count=len(preview.entries))
        if row.merged is not None:
            counts = row.merged.counts
        elif row.result is not None and row.result.preview is not None:
            counts = row.result.preview.counts
        else:
            return ""
        parts = [f"{label(KIND_LABELS, kind)} {count}" for kind, count in counts.items() if count]
        return " · ".join(parts) or self.tr("no entries")

    def _result_text(self, row: InboxRow) -> str:
        error = row.result.error if row.result else None
        texts = {
            "checking": self.tr("Checking..."),
            "ready": self.tr("Verified; ready to preview and merge"),
            "duplicate": self.tr("Merged before; nothing changes"),
            "merged": self.tr("Merged"),
            "locked": self.tr("Not checked: the office keys are locked"),
            "waiting_key": self.tr("Waiting for the key's approval"),
        }
        if row.state == "failed":
            reason = describe(error) if error is not None else self.tr("unexpected error")
            return self.tr("Rejected: {reason}").format(reason=reason)
        return texts.get(row.state, row.state)

    def _unit_name(self, unit_id: str) -> str:
        with self.store.session_factory() as session:
            unit = units_repo.get_unit(session, unit_id)
        return unit.name if unit is not None else ""

    def _task_titles(self) -> dict[int, str]:
        from meili_desktop.services.catalogue import active_catalogue

        return {task.number: task.title for task in active_catalogue(self.store).tasks}


def bundle_of(store: Store, path: Path) -> str | None:
    """Return the id of the county bundle that ``path`` was taken out of, or None."""
    folder = path.resolve().parent
    return folder.name if folder.parent == bundles_root(store).resolve() else None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Return the files among ``paths`` plus the report packages and county bundles directly
    inside folders."""
    extensions = (REPORT_PACKAGE_EXTENSION, COUNTY_BUNDLE_EXTENSION)
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(child for child in path.iterdir() if child.is_file()
                                and child.suffix.lower() in extensions))
        elif path.is_file():
            files.append(path)
    return files


def _discard_rows(rows: list[InboxRow]) -> None:
    for row in rows:
        if row.result is not None:
            row.result.discard()


def create_page(store: Store, window: Any) -> QWidget:
    """Build the inbox page for the office window."""
    return InboxPage(store, window)

