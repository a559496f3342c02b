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
from meili_desktop.store.migrate import DatabaseUnreadableError, upgrade_database

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
        """Folder for partial files; on the same disk as the data, so renames are atomic."""
        return self.root / "tmp"

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
    return Store(folder, engine, make_session_factory(engine), backup)
