"""Copies of the SQLite database made with SQLite's online backup API, and checks on them.

A backup is a complete SQLite file in the data folder's ``backups`` folder named
``<reason>-<UTC time>-<sequence>.sqlite3``, for example
``pre-import-20261204T120000123456Z-000042.sqlite3``. The sequence number grows by one with
each backup in the folder, so backups keep their order when the laptop's clock is wrong; the
time in the name is for people. Names made before sequence numbers existed have none and sort
before every numbered backup.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from meili_desktop.errors import MeiliError
from meili_desktop.store.faults import (
    DatabaseIoError,
    DatabaseLockedError,
    DiskFullError,
    fault_from_database_error,
    fault_from_os_error,
    mapped_os_errors,
)
from meili_desktop.store.fileio import PARTIAL_SUFFIX, fsync_folder

logger = logging.getLogger(__name__)

BACKUP_SUFFIX = ".sqlite3"
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(
    r"^(?P<reason>[a-z][a-z0-9-]*?)-(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)"
    r"(?:-(?P<sequence>\d{6,}))?\.sqlite3$")
_UNSAFE_REASON_CHARACTERS = re.compile(r"[^a-z0-9-]+")
# SQLite keeps uncommitted and uncheckpointed pages next to the file under these suffixes.
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")


class BackupNotFoundError(MeiliError):
    """Details: ``name`` (what was asked for) and ``folder`` (where backups are kept)."""

    code = "backup.not_found"
    exit_code = 2


class BackupNotADatabaseError(MeiliError):
    """The file is not a SQLite database of this program; details: ``name``."""

    code = "backup.not_a_database"
    exit_code = 3


class BackupDamagedError(MeiliError):
    """SQLite's integrity check found damage; details: ``name`` and ``problem``."""

    code = "backup.damaged"
    exit_code = 3


class NoDatabaseFileError(MeiliError):
    """The data folder has no database file to back up; details: ``path``."""

    code = "backup.no_database"
    exit_code = 2


@dataclass(frozen=True)
class BackupFile:
    """One backup in a data folder's ``backups`` folder.

    Attributes:
        path: the backup file.
        reason: why it was made: ``daily``, ``manual``, ``pre-import``, ``pre-merge``,
            ``pre-restore`` or ``pre-migration-<revision>``.
        created_at: the UTC time in the name, as the laptop's clock had it.
        sequence: the order of creation in the folder; 0 for names without a number.
        size: the file size in bytes.
    """

    path: Path
    reason: str
    created_at: datetime
    sequence: int
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def is_daily(self) -> bool:
        return self.reason == "daily"


def parse_backup_name(path: Path) -> BackupFile | None:
    """Return the backup that ``path`` names, or None when it is not a backup file name."""
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    stamp = match.group("stamp")
    pattern = _STAMP_FORMAT if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
    created_at = datetime.strptime(stamp, pattern).replace(tzinfo=UTC)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupFile(path, match.group("reason"), created_at,
                      int(match.group("sequence") or 0), size)


def list_backup_files(folder: Path) -> list[BackupFile]:
    """Return the backups in ``folder``, newest (highest sequence) first."""
    if not folder.is_dir():
        return []
    with mapped_os_errors(folder, reading=True):
        candidates = [path for path in folder.iterdir() if path.suffix == BACKUP_SUFFIX]
    found = [backup for backup in map(parse_backup_name, candidates) if backup is not None]
    found.sort(key=lambda backup: (backup.sequence, backup.created_at), reverse=True)
    return found


def new_backup_path(folder: Path, reason: str, now: datetime | None = None) -> Path:
    """Return a fresh backup path in ``folder`` for ``reason``, numbered after the newest one.

    ``reason`` is lowercased and any character other than letters, digits and hyphens becomes
    a hyphen, so that every name this returns is listed by :func:`list_backup_files`.
    """
    cleaned = _UNSAFE_REASON_CHARACTERS.sub("-", reason.lower()).strip("-") or "manual"
    if not cleaned[0].isalpha():
        cleaned = f"r-{cleaned}"
    existing = list_backup_files(folder)
    sequence = (existing[0].sequence + 1) if existing else 1
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP_FORMAT)
    return folder / f"{cleaned}-{stamp}-{sequence:06d}{BACKUP_SUFFIX}"


def timestamped_name(reason: str, suffix: str = BACKUP_SUFFIX) -> str:
    """Return a backup file name such as ``pre-migration-20261204T120000000000Z.sqlite3``.

    Prefer :func:`new_backup_path`, whose names also carry the sequence number.
    """
    stamp = datetime.now(UTC).strftime(_STAMP_FORMAT)
    return f"{reason}-{stamp}{suffix}"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """Open a SQLite file for reading without creating it when it is missing."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database ``source`` to ``destination`` consistently, even while it is in use.

    The copy is written to a temporary file first and renamed, so a crash or a full disk never
    leaves a half-written backup under the final name; the temporary file is removed on
    failure.

    Raises:
        NoDatabaseFileError: ``source`` does not exist.
        DatabaseLockedError: another program holds ``source`` locked past the busy timeout.
        StorageFaultError: writing the copy failed (disk full, folder gone, read-only).
    """
    if not source.is_file():
        raise NoDatabaseFileError(path=str(source))
    with mapped_os_errors(destination):
        destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(f".{destination.name}{PARTIAL_SUFFIX}")
    try:
        _copy_pages(source, partial)
        with mapped_os_errors(destination):
            os.replace(partial, destination)
            fsync_folder(destination.parent)
    except BaseException:
        _remove_quietly(partial)
        raise
    logger.info("backed up %s to %s", source, destination)
    return destination


def _copy_pages(source: Path, partial: Path) -> None:
    try:
        with closing(connect_read_only(source)) as source_connection, \
                closing(sqlite3.connect(partial)) as target_connection:
            source_connection.execute("PRAGMA busy_timeout = 5000")
            source_connection.backup(target_connection)
            # A rollback-journal file is self-contained, and reading it later leaves no
            # -wal and -shm files beside it as a WAL-mode copy would.
            target_connection.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        fault = fault_from_database_error(error, partial)
        if isinstance(fault, DatabaseLockedError):
            fault = DatabaseLockedError(path=str(source), folder=str(source.parent))
        if isinstance(fault, DatabaseIoError) and _has_no_room_for(source, partial.parent):
            # On a nearly full disk SQLite 3.40.1 reports some failed writes of the copy as a
            # disk I/O error (seen on tmpfs), and the user's remedy is to free space.
            fault = DiskFullError(path=str(partial.parent), folder=str(partial.parent))
        if fault is None:
            raise
        logger.warning("backup of %s failed: %s", source, error)
        raise fault from error
    except OSError as error:
        raise fault_from_os_error(error, partial) from error


def _has_no_room_for(source: Path, folder: Path) -> bool:
    """Return whether ``folder``'s disk has less free space than ``source`` takes."""
    try:
        return shutil.disk_usage(folder).free < source.stat().st_size
    except OSError:
        return False


def _remove_quietly(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_FILE_SUFFIXES)):
        try:
            candidate.unlink(missing_ok=True)
        except OSError:
            logger.warning("could not remove %s", candidate, exc_info=True)


def remove_backup(backup: BackupFile) -> None:
    """Delete a backup file together with any SQLite side files beside it."""
    _remove_quietly(backup.path)
    logger.info("removed backup %s", backup.name)


def check_backup(path: Path) -> str | None:
    """Check a backup file with SQLite's integrity check; return its schema revision.

    The file is opened read-only and never modified. Returns None when the file has no
    Alembic revision table, which only an empty database lacks.

    Raises:
        BackupNotADatabaseError: the file is not a SQLite database.
        BackupDamagedError: the integrity check reported a problem.
    """
    name = path.name
    try:
        with closing(connect_read_only(path)) as connection:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            problems = [row[0] for row in rows if row[0] != "ok"]
            if problems:
                raise BackupDamagedError(name=name, problem="; ".join(problems[:3]))
            return _revision_of(connection)
    except sqlite3.DatabaseError as error:
        text = str(error).lower()
        logger.warning("backup %s failed its check: %s", path, error)
        if "not a database" in text or "file is encrypted" in text:
            raise BackupNotADatabaseError(name=name) from error
        raise BackupDamagedError(name=name, problem=str(error)) from error


def _revision_of(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def read_meta(path: Path, keys: tuple[str, ...]) -> dict[str, str]:
    """Return the ``meta`` rows named in ``keys`` from a SQLite file, opened read-only.

    Returns an empty dict when the file has no ``meta`` table.
    """
    with closing(connect_read_only(path)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
        if not has_table:
            return {}
        marks = ", ".join("?" for _ in keys)
        rows = connection.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)
        return {str(key): str(value) for key, value in rows}
