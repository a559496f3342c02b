"""Replace a data folder's SQLite database with a checked backup in one rename.

The live database runs in WAL mode, so its newest pages may sit in ``meili.sqlite3-wal``. A
WAL file left beside a replaced database would be applied to the wrong file, so the database
is first switched to rollback-journal mode, which SQLite allows only when no other connection
is open: that switch both proves that nobody else uses the file and folds the WAL back in.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

from meili_desktop.store.backup import (
    SIDE_FILE_SUFFIXES,
    backup_sqlite,
    check_backup,
)
from meili_desktop.store.datafolder import DataFolder
from meili_desktop.store.faults import (
    DatabaseLockedError,
    fault_from_database_error,
    mapped_os_errors,
)
from meili_desktop.store.fileio import copy_file_atomically, fsync_folder

logger = logging.getLogger(__name__)

# How long the restore waits for another connection to let go before reporting a lock.
EXCLUSIVE_TIMEOUT_S = 2.0


def replace_database(folder: DataFolder, backup: Path, safety_copy: Path) -> None:
    """Replace ``folder``'s database with a copy of ``backup``, keeping the old one.

    Args:
        folder: the data folder whose database is replaced.
        backup: a backup already checked by the caller.
        safety_copy: where the current database is copied, byte for byte, before it goes.
            Nothing is written there when the folder has no database file.

    Raises:
        DatabaseLockedError: another connection has the database open; nothing was changed.
        StorageFaultError: the disk is full or read-only; the database was not replaced.
    """
    database = folder.database_file
    with mapped_os_errors(folder.temp_dir):
        staged = folder.process_temp_dir() / f"restore-{uuid.uuid4().hex}.sqlite3"
    try:
        backup_sqlite(backup, staged)
        check_backup(staged)
        if database.exists():
            is_intact = _leave_wal_mode(database)
            _copy_database_files(database, safety_copy, include_wal=not is_intact)
        with mapped_os_errors(database):
            os.replace(staged, database)
            _remove_side_files(database)
            fsync_folder(database.parent)
    finally:
        _remove_staged(staged)
    logger.info("database %s replaced by a copy of %s", database, backup)


def _leave_wal_mode(database: Path) -> bool:
    """Switch ``database`` to rollback-journal mode; return False when it is too damaged.

    Raises:
        DatabaseLockedError: another connection has the file open.
    """
    try:
        with closing(sqlite3.connect(database, timeout=EXCLUSIVE_TIMEOUT_S)) as connection:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        fault = fault_from_database_error(error, database)
        if fault is not None:
            raise fault from error
        logger.warning("cannot leave WAL mode on %s: %s", database, error)
        return False
    except sqlite3.DatabaseError as error:
        logger.warning("current database %s is damaged: %s", database, error)
        return False
    if str(mode).lower() != "delete":
        raise DatabaseLockedError(path=str(database), folder=str(database.parent))
    return True


def _copy_database_files(database: Path, safety_copy: Path, *, include_wal: bool) -> None:
    copy_file_atomically(database, safety_copy)
    wal = database.with_name(database.name + "-wal")
    if include_wal and wal.exists():
        # SQLite finds a WAL by this name, so the safety copy opens with its last pages.
        copy_file_atomically(wal, safety_copy.with_name(safety_copy.name + "-wal"))
    logger.info("kept the replaced database as %s", safety_copy)


def _remove_side_files(database: Path) -> None:
    for suffix in SIDE_FILE_SUFFIXES:
        database.with_name(database.name + suffix).unlink(missing_ok=True)


def _remove_staged(staged: Path) -> None:
    for candidate in (staged, *(staged.with_name(staged.name + s) for s in SIDE_FILE_SUFFIXES)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:
            logger.warning("could not remove %s", candidate, exc_info=True)
