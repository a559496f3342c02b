"""Open the data folder off the GUI thread while the office window is already on screen.

On a province office database the window used to appear about a second after the process
started. Most of that second went to importing SQLAlchemy, Alembic, openpyxl and the page
modules, and to opening the database. Now the start reads the installation's role with
``sqlite3`` (:func:`peek_role`). For an office it shows the window's shell, with its tabs and
"Opening the data…", and runs :func:`load_data_folder` on the write pool.
:class:`DataFolderOpener` then hands the opened store to the window on the GUI thread. The
window responds to input from its first event-loop pass, while the data folder opens.

Where the role cannot be read this way (no database yet, a database server, a township),
the caller opens the data folder before building the window, as before.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import threading
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox

from meili_desktop.errors import MeiliError
from meili_desktop.ui.workers import JobWorker

if TYPE_CHECKING:
    from meili_desktop.store.datafolder import Store
    from meili_desktop.ui.office.window import OfficeWindow

logger = logging.getLogger(__name__)

# The SQLite file of a data folder, as ``store.datafolder.DATABASE_FILE_NAME`` names it
# (a test compares them). That module imports SQLAlchemy, which this one avoids.
DATABASE_FILE_NAME = "meili.sqlite3"
# The roles whose window can appear before the data folder is open, as stored by
# ``services.identity.Role`` (a test compares them).
OFFICE_ROLES = frozenset({"county", "city"})


def peek_role(data_dir: Path, database_url: str | None) -> str | None:
    """Return the role stored in the data folder's SQLite file, read without SQLAlchemy.

    Returns None when there is no SQLite file (a new folder, or ``database_url`` is given),
    no role yet, or the file cannot be read. Opening the data folder then finds the reason.
    """
    if database_url:
        return None
    database_file = data_dir / DATABASE_FILE_NAME
    if not database_file.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{database_file.resolve().as_uri()}?mode=ro", uri=True,
                                     timeout=1.0)
    except sqlite3.Error as error:
        logger.info("cannot read the role from %s: %s", database_file, error)
        return None
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'role'").fetchone()
    except sqlite3.Error as error:
        logger.info("cannot read the role from %s: %s", database_file, error)
        return None
    finally:
        connection.close()
    return None if row is None else str(row[0])


@dataclass
class LoadedDataFolder:
    """An open data folder and the cipher suites that failed their self-test."""

    store: Store
    suite_failures: dict[str, str] = field(default_factory=dict)


def load_data_folder(data_dir: Path, database_url: str | None,
                     modules: Sequence[str] = ()) -> LoadedDataFolder:
    """Open the data folder, make the daily backup and self-test the cipher suites.

    First the rotating log handler takes the plain one's place (see ``configure_logging``).
    Last come the imports of ``modules``, the first page's module, so that building the page
    on the GUI thread does not wait for them.

    Raises:
        MeiliError: the data folder cannot be opened (see ``open_store``).
    """
    from meili_desktop.exchange.suites import run_self_tests
    from meili_desktop.logs import start_log_rotation
    from meili_desktop.services.backups import make_daily_backup_if_due
    from meili_desktop.services.bundle_cleanup import clean_bundle_folders_on_open
    from meili_desktop.store.datafolder import open_store

    start_log_rotation()
    store = open_store(data_dir, database_url)
    try:
        make_daily_backup_if_due(store)
        clean_bundle_folders_on_open(store)
        failures = {suite: reason for suite, reason in run_self_tests().items() if reason}
        for name in modules:
            importlib.import_module(name)
    except BaseException:
        store.dispose()
        raise
    return LoadedDataFolder(store, failures)


class DataFolderOpener(QObject):
    """Opens the data folder on the write pool, then gives the store to the shown window.

    On success it attaches the store and shows the dialog for failed cipher suites. On
    failure it shows why, in Chinese for a :class:`MeiliError` or in the crash dialog for a
    bug, and ends the event loop with the error's exit status. After a :class:`MeiliError`
    the user may restore a backup instead, and then the data folder is opened again.
    """

    def __init__(self, window: OfficeWindow, data_dir: Path, database_url: str | None,
                 log_file: Path | None) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.database_url = database_url
        self.log_file = log_file
        self.store: Store | None = None
        self._lock = threading.Lock()
        modules = ["meili_desktop.ui.office.unlock", window.current_page_module]
        self.worker = JobWorker(lambda progress, cancel: self._load(
            data_dir, database_url, modules), "open data folder", self)
        self.worker.succeeded.connect(self._opened)
        self.worker.failed.connect(self._failed)

    def start(self) -> None:
        self.worker.start()

    def _load(self, data_dir: Path, database_url: str | None,
              modules: Sequence[str]) -> LoadedDataFolder:
        loaded = load_data_folder(data_dir, database_url, modules)
        # Kept here as well, so that the store is disposed even when the window was closed
        # before the signal reached it.
        with self._lock:
            self.store = loaded.store
        return loaded

    def _opened(self, loaded: LoadedDataFolder) -> None:
        self.window.attach_store(loaded.store)
        show_disabled_suites(loaded.suite_failures)

    def _failed(self, error: BaseException) -> None:
        app = QApplication.instance()
        if isinstance(error, MeiliError):
            from meili_desktop.ui.open_failure import offer_recovery

            if offer_recovery(error, self.data_dir, self.database_url, self.window):
                self.worker.start()  # open the restored database
                return
            status = error.exit_code
        else:
            from meili_desktop.ui.crash import build_crash_dialog

            details = "".join(traceback.format_exception(type(error), error,
                                                         error.__traceback__))
            build_crash_dialog(self.window, self.log_file, details).exec()
            status = 1
        app.exit(status)

    def dispose_store(self) -> None:
        """Close the store's connections, once the event loop has ended."""
        with self._lock:
            store, self.store = self.store, None
        if store is not None:
            store.dispose()


def show_disabled_suites(failures: dict[str, str]) -> None:
    """Name each cipher suite that failed its known-answer test in a warning dialog.

    A failed suite stays disabled: packages of that suite are rejected, never handled by
    another suite.
    """
    for suite, reason in failures.items():
        logger.error("cipher suite %s disabled: %s", suite, reason)
        QMessageBox.warning(None, QApplication.translate("App", "Encryption self-test failed"),
                            QApplication.translate(
                                "App", "The encryption suite {suite} failed its self-test and "
                                "is disabled: packages that use it cannot be written or read "
                                "on this computer. Reinstall the program; if the problem "
                                "remains, send the log file to support.").format(suite=suite))
