"""Open a county bundle in the office window and hand its township packages to the inbox.

A bundle signed by a county key the office has not approved yet asks the clerk to compare the
county's fingerprint by phone, as the inbox does for a township key, and is opened again once
the key is approved.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from meili_desktop.errors import MeiliError
from meili_desktop.file_types import COUNTY_BUNDLE_EXTENSION
from meili_desktop.messages import describe
from meili_desktop.services import bundles, key_approval
from meili_desktop.services.bundle_inbox import UnpackedBundle, unpack_bundle
from meili_desktop.services.review import current_actor
from meili_desktop.store import units_repo
from meili_desktop.ui.office.key_dialog import REJECT_KEY, KeyDecisionDialog
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.workers import JobWorker

if TYPE_CHECKING:
    from meili_desktop.ui.office.window import OfficeWindow

logger = logging.getLogger(__name__)

PENDING_KEY_CODES = frozenset({"package.sender_key_pending", "package.unknown_sender_key"})


def is_bundle_file(path: Path) -> bool:
    """Return True for a file named like a county bundle, or a renamed one by its header.

    A damaged ``.mlcb`` file goes to the bundle importer, whose message names it as a bundle.
    """
    if path.suffix.lower() == COUNTY_BUNDLE_EXTENSION:
        return not path.is_dir()
    return bundles.is_bundle_file(path)


class BundleImporter(QObject):
    """Verifies county bundles for one office window and passes their packages on."""

    def __init__(self, window: OfficeWindow) -> None:
        super().__init__(window)
        self.window = window
        self.jobs = JobRunner(window)

    def open_bundle(self, path: Path) -> JobWorker | None:
        """Verify the bundle at ``path`` off the GUI thread; its packages go to the inbox."""
        session = self.window.key_session
        unlocked = session.keys(self.window) if session is not None else None
        if unlocked is None or self.window.store is None:
            return None
        store = self.window.store
        return self.jobs.start(
            f"bundle {path.name}",
            lambda progress, cancel: unpack_bundle(store, path, unlocked, progress, cancel),
            lambda unpacked: self._unpacked(path, unpacked),
            title=self.tr("Checking the county bundle {file}…").format(file=path.name),
            on_failure=lambda error: self._failed(path, error))

    def _unpacked(self, path: Path, unpacked: UnpackedBundle) -> None:
        name = self._unit_name(unpacked.county_unit_id)
        if not unpacked.files:
            QMessageBox.information(self.window, self.tr("County bundle"), self.tr(
                "{file} from {county} is verified. It holds no township packages: it "
                "introduced the county's keys, and townships of {county} can now send their "
                "packages through the county.").format(file=path.name, county=name))
            return
        self.window.statusBar().showMessage(self.tr(
            "{file} from {county} is verified; its {count} township packages are checked in "
            "the inbox.").format(file=path.name, county=name, count=len(unpacked.files)),
            10000)
        self.window.open_package_files(list(unpacked.files))

    def _failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, MeiliError) and error.code in PENDING_KEY_CODES:
            self._decide_key(path, error)
            return
        if isinstance(error, MeiliError):
            QMessageBox.warning(self.window, self.tr("County bundle"), self.tr(
                "{file} was not opened. {reason}").format(file=path.name,
                                                          reason=describe(error)))
            return
        self.jobs.show_failure(error)

    def _decide_key(self, path: Path, error: MeiliError) -> None:
        unit_id = str(error.details.get("unit_id", ""))
        fingerprint = str(error.details.get("fingerprint", ""))
        dialog = KeyDecisionDialog(self._unit_name(unit_id), unit_id, fingerprint, self.window)
        answer = dialog.exec()
        if answer == QDialog.DialogCode.Accepted:
            decide = key_approval.approve_key
        elif answer == REJECT_KEY:
            decide = key_approval.reject_key
        else:
            return
        store, actor = self.window.store, current_actor()
        assert store is not None
        is_approved = decide is key_approval.approve_key
        self.jobs.start(f"county key decision {fingerprint}",
                        lambda progress, cancel: decide(store, unit_id, fingerprint,
                                                        actor=actor),
                        lambda _previous: self.open_bundle(path) if is_approved else None)

    def _unit_name(self, unit_id: str) -> str:
        store = self.window.store
        if store is None:
            return unit_id
        with store.session_factory() as session:
            unit = units_repo.get_unit(session, unit_id)
        return unit.name if unit is not None else unit_id
