"""The dialog shown when the data folder cannot be opened at start-up, with a way out.

When the database file is damaged, the main window never opens, so its Backups menu cannot
be reached. This dialog therefore offers the backup restore itself, next to opening the data
folder in the file manager and quitting. The restore checks the backup's integrity first and
keeps the damaged database as a ``pre-restore`` backup (see ``services.backups``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from meili_desktop.errors import MeiliError

logger = logging.getLogger(__name__)

# Error codes of opening a data folder that restoring a backup of its SQLite file can cure:
# a damaged or foreign file, and a disk error while reading it.
RESTORABLE_CODES = frozenset({"store.unreadable", "store.io_error"})


def can_restore(error: MeiliError, database_url: str | None) -> bool:
    """Return whether a backup restore may cure ``error``: a problem of the folder's own file.

    A database server (``database_url`` given) is backed up with its own tools instead.
    """
    return database_url is None and error.code in RESTORABLE_CODES


def has_backups(data_dir: Path) -> bool:
    """Return whether the data folder contains a backup that the backup dialog lists."""
    from meili_desktop.services.backups import list_backups
    from meili_desktop.store.faults import StorageFaultError

    try:
        return bool(list_backups(data_dir))
    except StorageFaultError as error:
        logger.warning("cannot list the backups in %s: %s", data_dir, error)
        return False


class OpenFailureDialog(QMessageBox):
    """Tells why the data folder cannot be opened and offers what the user can do next.

    The buttons are "Restore from Backup…" (only when a restore may help and there are
    backups), "Open Data Folder" and "Quit". Every button closes the dialog, so
    :func:`offer_recovery` shows it again after opening the folder.
    """

    def __init__(self, error: MeiliError, data_dir: Path, database_url: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from meili_desktop.messages import describe

        self.setObjectName("openFailureDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Cannot open the data folder"))
        self.setText(describe(error))
        self.data_dir = data_dir

        self.restore_button = None
        if can_restore(error, database_url):
            if has_backups(data_dir):
                self.setInformativeText(self.tr(
                    "Restore from Backup lists this data folder's backups. The damaged "
                    "database is kept as a backup before it is replaced."))
                self.restore_button = self.addButton(self.tr("Restore from Backup…"),
                                                     QMessageBox.ButtonRole.AcceptRole)
            else:
                self.setInformativeText(self.tr(
                    "The data folder {folder} contains no backups. If a copy of the data "
                    "folder is kept elsewhere, quit and copy its backups folder into this "
                    "data folder, then start the program again.").format(folder=data_dir))
        self.folder_button = self.addButton(self.tr("Open Data Folder"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)
        self.setEscapeButton(self.quit_button)

    def open_data_folder(self) -> None:
        """Show the data folder in the file manager."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))):
            logger.warning("the file manager did not open %s", self.data_dir)


def offer_recovery(error: MeiliError, data_dir: Path, database_url: str | None,
                   parent: QWidget | None = None) -> bool:
    """Show why the data folder did not open; return True after a backup was restored.

    The caller then opens the data folder again; on False it quits with the error's status.
    """
    logger.info("data folder %s not opened: %s", data_dir, error.code)
    while True:
        dialog = OpenFailureDialog(error, data_dir, database_url, parent)
        dialog.exec()
        clicked = dialog.clickedButton()
        if clicked is dialog.folder_button:
            dialog.open_data_folder()
            continue
        if dialog.restore_button is None or clicked is not dialog.restore_button:
            return False
        if restore_from_backup(data_dir, parent):
            return True


def restore_from_backup(data_dir: Path, parent: QWidget | None = None) -> bool:
    """Show the backup dialog for a data folder that is not open; return True if restored."""
    from meili_desktop.ui.backup_dialog import BackupDialog

    dialog = BackupDialog(None, parent, data_dir=data_dir)
    dialog.exec()
    if dialog.restored_result is None:
        return False
    logger.info("restored %s into %s at start-up", dialog.restored_result.restored.name,
                data_dir)
    return True
