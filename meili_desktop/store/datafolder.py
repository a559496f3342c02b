"""A data folder: the database, evidence files, backups and logs of one installation."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from meili_desktop.store.engine import make_engine, make_session_factory, sqlite_url
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.meta_repo import ensure_installation_id
from meili_desktop.store.migrate import DatabaseUnreadableError, upgrade_database
from meili_desktop.store.temp_folders import own_temp_dir, remove_stale_temp

logger = logging.getLogger(__name__)

DATABASE_FILE_NAME = "meili.sqlite3"


@dataclass(frozen=True)
class DataFolder:
    """Paths inside one data folder."""

    root: Path

    @property
    def database_file(self) -> Path:
        return self.root / DATABASE_FILE_NAME

    @property
    def attachments_dir(self) -> Path:
        return self.root / "attachments"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def temp_dir(self) -> Path:
        """Folder of the processes' temporary folders; on the same disk as the data.

        Write partial files into :meth:`process_temp_dir`, which opening the data folder
        removes once this process has ended; files directly in here count as abandoned.
        """
        return self.root / "tmp"

    def process_temp_dir(self) -> Path:
        """Return this process's own folder for partial files, creating it when needed."""
        return own_temp_dir(self.temp_dir)

    def ensure(self) -> None:
        for folder in (self.root, self.attachments_dir, self.backups_dir, self.logs_dir,
                       self.temp_dir):
            folder.mkdir(parents=True, exist_ok=True)


@dataclass
class Store:
    """An open, migrated database with its session factory."""

    folder: DataFolder
    engine: Engine
    session_factory: sessionmaker[Session]
    migration_backup: str | None = None

    def dispose(self) -> None:
        self.engine.dispose()


def _remove_stale_temp(folder: DataFolder) -> None:
    """Remove temporary files of ended processes; a failure here must not stop the opening."""
    try:
        remove_stale_temp(folder.temp_dir)
    except OSError as error:
        logger.warning("cannot clean the temporary folder %s: %s", folder.temp_dir, error)


def open_store(root: Path, database_url: str | None = None) -> Store:
    """Open the data folder at ``root``, creating and migrating its database as needed.

    With ``database_url`` the data lives in that database (a shared PostgreSQL office
    database) and the folder keeps only evidence files, backups and logs.

    Raises:
        DatabaseTooNewError: the database was written by a newer release.
        DatabaseUnreadableError: the file is not a SQLite database or is damaged.
        StorageFaultError: the folder cannot be created or written (read-only, gone, locked).
    """
    folder = DataFolder(root)
    with mapped_os_errors(root):
        folder.ensure()
    _remove_stale_temp(folder)
    url = database_url or sqlite_url(folder.database_file)
    engine = make_engine(url)
    db_file = None if database_url else folder.database_file
    try:
        backup = upgrade_database(engine, folder.backups_dir, db_file)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as error:
        engine.dispose()
        logger.exception("cannot open database %s", url if database_url else db_file)
        raise DatabaseUnreadableError(path=str(db_file or "")) from error
    except Exception:
        engine.dispose()
        raise
    store = Store(folder, engine, make_session_factory(engine), backup)
    _ensure_installation(store)
    return store


def _ensure_installation(store: Store) -> None:
    """Give a database without one its installation id; a read-only one goes without."""
    try:
        with store.session_factory.begin() as session:
            ensure_installation_id(session)
    except OperationalError as error:
        logger.warning("cannot store an installation id in %s: %s", store.folder.root, error)
