"""The township window's package actions: export a report package, import the city's files.

Both run off the GUI thread through :class:`~meili_desktop.ui.workers.JobWorker` with the
window's progress bar and cancel button.
"""

from __future__ import annotations

import logging
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import open_package
from meili_desktop.exchange.model import KIND_DISTRIBUTION, KIND_RECEIPT
from meili_desktop.file_types import REPORT_PACKAGE_EXTENSION
from meili_desktop.messages import describe
from meili_desktop.services import packages as package_service
from meili_desktop.services.distribution import (
    IdentityChange,
    distribution_identity_change,
    import_distribution_package,
)
from meili_desktop.services.receipt_packages import import_receipt_package
from meili_desktop.store import units_repo
from meili_desktop.ui.crash import report_unexpected_error
from meili_desktop.ui.settings import LAST_FOLDER
from meili_desktop.ui.workers import JobWorker

if TYPE_CHECKING:
    from meili_desktop.ui.township.window import TownshipWindow

logger = logging.getLogger(__name__)

# Windows opened to replace one whose township changed; kept so Python does not collect them.
_replacement_windows: list[Any] = []


class PackageActions(QObject):
    """Runs the package jobs of one township window and reports their outcome."""

    def __init__(self, window: TownshipWindow) -> None:
        super().__init__(window)
        self.window = window

    def _unit_name(self) -> str:
        with self.window.store.session_factory() as session:
            unit = units_repo.get_unit(session, self.window.state.unit_id)
        return unit.name if unit else self.window.state.unit_id

    def choose_export_file(self) -> Path | None:
        """Ask where to save the package, proposing a name with township, period and date."""
        folder = self.window.settings.get(LAST_FOLDER) or str(Path.home())
        proposed = package_service.report_file_name(
            self._unit_name(), [self.window.state.period.code], date.today())
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export report package"), str(Path(folder) / proposed),
            self.tr("Report packages (*{extension})").format(
                extension=REPORT_PACKAGE_EXTENSION))
        return Path(name) if name else None

    def export(self, path: Path | None = None) -> JobWorker | None:
        """Export the current period's entries to ``path`` (asked for when None)."""
        self.window.form.flush()
        path = path or self.choose_export_file()
        if path is None:
            return None
        self.window.settings.set(LAST_FOLDER, str(path.parent))
        store, period = self.window.store, self.window.state.period.code

        def job(progress: Any, cancel: threading.Event) -> package_service.ExportResult:
            return package_service.export_report_package(store, path, [period], progress,
                                                         cancel)

        return self._start(job, f"export {period}", self.tr("Exporting report package…"),
                           self._exported)

    def _exported(self, result: package_service.ExportResult) -> None:
        # The file name and its folder go on lines of their own, because a long path wraps
        # in the middle of a word.
        QMessageBox.information(self.window, self.tr("Report package exported"), self.tr(
            "Saved the report package\n{name}\nin the folder\n{folder}\n\nIt holds {entries} "
            "entries and {attachments} evidence files.\n\n"
            "Send this file to the city office by USB stick, e-mail or chat app. It is "
            "encrypted: only the city office can open it.").format(
            name=result.path.name, folder=result.path.parent, entries=result.entry_count,
            attachments=result.attachment_count))

    def open_file(self, path: Path) -> JobWorker | None:
        """Import a distribution package or a receipt from the city office."""
        self.window.form.flush()
        try:
            kind = open_package(path).kind
        except MeiliError as error:
            self._show_error(error)
            return None
        except OSError:
            logger.exception("cannot read %s", path)
            QMessageBox.warning(self.window, self.tr("Open package"), self.tr(
                "The file {file} cannot be read. Check that it is still there.").format(
                file=path))
            return None
        store = self.window.store
        if kind == KIND_RECEIPT:
            return self._start(lambda progress, cancel: import_receipt_package(store, path),
                               f"receipt {path.name}", self.tr("Importing receipt…"),
                               self._receipt_imported)
        if kind != KIND_DISTRIBUTION:
            QMessageBox.warning(self.window, self.tr("Open package"), self.tr(
                "{file} is a report package for the city office; a township laptop opens "
                "only the city's distribution packages and receipts.").format(file=path.name))
            return None
        try:
            change = distribution_identity_change(store, path)
        except MeiliError as error:
            self._show_error(error)
            return None
        if change is not None and not self._confirm_identity_change(change):
            logger.info("identity change to %s declined", change.new_unit_id)
            return None
        return self._start(
            lambda progress, cancel: import_distribution_package(
                store, path, progress, cancel, allow_identity_change=change is not None),
            f"distribution {path.name}", self.tr("Importing distribution package…"),
            self._distribution_imported)

    def _confirm_identity_change(self, change: IdentityChange) -> bool:
        """Ask whether a provisional market town becomes the package's township."""
        text = self.tr(
            "This laptop reports as the provisional market town {old}, which has no official "
            "code. The distribution package is addressed to {new}.\n\nIf you import it, this "
            "laptop reports for {new} from now on, and the {count} entries filled in so far "
            "move to {new}. This cannot be undone.\n\nImport only a package that the city "
            "office wrote for this town.").format(old=change.old_label, new=change.new_label,
                                                   count=change.entries)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change this laptop's township?"),
                          text, QMessageBox.StandardButton.NoButton, self.window)
        accept = box.addButton(self.tr("Import and report for {new}").format(
            new=change.new_label), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def _receipt_imported(self, marked: int) -> None:
        self.window.state.reload()
        QMessageBox.information(self.window, self.tr("Receipt imported"), self.tr(
            "The city office confirmed receiving {count} entries.").format(count=marked))

    def _distribution_imported(self, imported: Any) -> None:
        text = self.tr(
            "Distribution package for {unit} imported: {targets} targets changed, {comments} "
            "new review comments.").format(unit=imported.unit_name,
                                          targets=imported.targets_changed,
                                          comments=imported.comments_added)
        if imported.identity_change is not None:
            text += "\n\n" + self.tr(
                "This laptop now reports for {new} instead of the provisional market town "
                "{old}; the {count} entries filled in before were moved to it.").format(
                new=imported.identity_change.new_label, old=imported.identity_change.old_label,
                count=imported.moved_entries)
        if imported.is_first_import:
            text += "\n\n" + self.tr(
                "The city's signing key was recorded:\n{fingerprint}\nCompare it with the "
                "fingerprint the city office gives you by phone.").format(
                fingerprint=imported.city_fingerprint)
        if imported.own_fingerprint:
            text += "\n\n" + self.tr(
                "This laptop's signing key fingerprint:\n{fingerprint}\nRead it out when the "
                "city office calls to approve your first report package.").format(
                fingerprint=imported.own_fingerprint)
        QMessageBox.information(self.window, self.tr("Distribution package imported"), text)
        if imported.unit_id != self.window.state.unit_id:
            self._reopen_window()
        else:
            self.window.state.reload()

    def _reopen_window(self) -> None:
        """Open a fresh window for the township the laptop is now bound to."""
        from meili_desktop.ui.township.window import TownshipWindow

        replacement = TownshipWindow(self.window.store)
        _replacement_windows.append(replacement)
        replacement.show()
        self.window.close()

    def _start(self, job: Any, name: str, title: str, on_success: Any) -> JobWorker:
        worker = JobWorker(job, name, self.window)
        worker.succeeded.connect(on_success)
        worker.failed.connect(self._show_error)
        worker.finished.connect(lambda: self.window._forget(worker))
        self.window._workers.append(worker)
        self.window.job_progress.track(worker, title)
        worker.start()
        return worker

    def _show_error(self, error: object) -> None:
        if isinstance(error, MeiliError):
            QMessageBox.warning(self.window, self.tr("Package"), describe(error))
            return
        report_unexpected_error(error if isinstance(error, BaseException)
                                else RuntimeError(str(error)))
