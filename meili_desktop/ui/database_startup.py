"""Choose the database a window start opens: ``--database-url``, else the saved setting.

A database server is checked before the data folder is opened, so that a stopped server or a
changed password gets its own message instead of "the database cannot be read". When the
saved setting fails, the user can correct it in the settings dialog or quit. An older schema
on a server is upgraded only after the user agrees, because no file backup is made of it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.database_check import (
    NEEDS_UPGRADE,
    DatabaseCheck,
    check_database,
    is_server_url,
    mask_url,
    normalize_url,
)
from meili_desktop.ui.database_dialog import DatabaseSettingsDialog
from meili_desktop.ui.settings import Settings

logger = logging.getLogger(__name__)


def start_database_url(data_dir: Path, command_line_url: str | None,
                       settings: Settings | None = None) -> tuple[bool, str | None]:
    """Return whether to start, and the database URL to open (None: the folder's own file).

    Raises:
        MeiliError: the URL given on the command line cannot be used; the caller shows why.
    """
    if command_line_url:
        url = normalize_url(command_line_url)
        if is_server_url(url):
            return _confirm_upgrade(check_database(url)), url
        return True, url

    settings = settings or Settings()
    while True:
        saved = settings.database_url(data_dir)
        if not saved:
            return True, None
        try:
            url = normalize_url(saved)
            check = check_database(url) if is_server_url(url) else None
        except MeiliError as error:
            logger.info("saved database %s cannot be used: %s", mask_url(saved), error.code)
            if not _offer_settings(data_dir, settings, describe(error)):
                return False, None
            continue
        return (check is None or _confirm_upgrade(check)), url


def _offer_settings(data_dir: Path, settings: Settings, reason: str) -> bool:
    """Show why the saved database failed; return True after the user changed the setting."""
    title = QApplication.translate("DatabaseStartup", "Cannot open the office database")
    text = QApplication.translate(
        "DatabaseStartup", "{reason}\n\nChange the database setting, or quit and try again "
        "later.").format(reason=reason)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    change = box.addButton(QApplication.translate("DatabaseStartup", "Database Settings…"),
                           QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("DatabaseStartup", "Quit"),
                  QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not change:
        return False
    dialog = DatabaseSettingsDialog(data_dir, settings)
    return dialog.exec() == QDialog.DialogCode.Accepted


def _confirm_upgrade(check: DatabaseCheck) -> bool:
    """Ask before upgrading a server database's older schema; return True to go ahead."""
    if check.state != NEEDS_UPGRADE:
        return True
    text = QApplication.translate(
        "DatabaseStartup", "The office database {url} has an older schema ({revision}) and "
        "must be upgraded to {head} for this version of the program. Other clerks' programs "
        "of the older version cannot use it afterwards. The program makes no backup of a "
        "server database: back it up with pg_dump first.\n\nUpgrade it now?").format(
        url=check.url, revision=check.revision, head=check.head)
    answer = QMessageBox.question(
        None, QApplication.translate("DatabaseStartup", "Upgrade the office database"), text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
