"""Turn operating-system and SQLite failures into the project's own errors.

A full disk, a USB stick pulled out mid-copy, a write-protected folder, a file that vanishes
while it is read and a database held by another program all reach Python as ``OSError`` or
``sqlite3.OperationalError`` with a cryptic text. The functions here map them to
:class:`StorageFaultError` subclasses with a stable code and the path involved, so the front
ends can tell the user what happened and what to do.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError

from meili_desktop.errors import MeiliError

logger = logging.getLogger(__name__)


class StorageFaultError(MeiliError):
    """A file or database operation failed because of the disk, the device or another program.

    Details: ``path`` (the file or folder involved) and ``folder`` (its parent folder, or the
    folder itself), plus ``reason`` (the system's own text) for :class:`IoFailedError`.
    """

    code = "io.failed"
    exit_code = 4


class DiskFullError(StorageFaultError):
    code = "io.disk_full"


class TargetGoneError(StorageFaultError):
    """The folder being written to vanished: a USB stick pulled out or a folder deleted."""

    code = "io.target_gone"


class ReadOnlyTargetError(StorageFaultError):
    """The file system is mounted read-only or the stick's write protection is on."""

    code = "io.read_only"


class AccessDeniedError(StorageFaultError):
    """The user has no permission to write or read the path."""

    code = "io.access_denied"


class DeviceError(StorageFaultError):
    """The device reported an input/output error, typically while it was being removed."""

    code = "io.device_error"


class SourceVanishedError(StorageFaultError):
    """A file that was being read disappeared or changed size underneath the reader."""

    code = "io.source_vanished"


class SourceNotFoundError(SourceVanishedError):
    """A file to be read does not exist: a mistyped name, or a file moved before it was read."""

    code = "io.source_not_found"


class IoFailedError(StorageFaultError):
    """Any other operating-system failure; details add ``reason``.

    A common cause also gets a ``variant`` detail (see :data:`_VARIANTS`), whose message
    explains it in the user's language instead of the system's English ``reason``.
    """

    code = "io.failed"


class DatabaseLockedError(StorageFaultError):
    """Another program holds a lock on the database for longer than the busy timeout."""

    code = "store.locked"


class DatabaseIoError(StorageFaultError):
    """SQLite reported a disk I/O error on the database file."""

    code = "store.io_error"


_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_GONE = {errno.ENOENT, errno.ENOTDIR, errno.ESTALE}
_DEVICE = {errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOMEDIUM}
_ACCESS = {errno.EACCES, errno.EPERM}
# Windows reports a removed drive as ERROR_NOT_READY (21) or ERROR_DEV_NOT_EXIST (55), and a
# write-protected stick as ERROR_WRITE_PROTECT (19); Python exposes them as ``winerror``.
_WINDOWS_DEVICE_GONE = {21, 55}
_WINDOWS_WRITE_PROTECT = 19
_WINDOWS_DISK_FULL = {39, 112}
# Variants of io.failed for common errors, by errno and by Windows error: ERROR_SHARING_VIOLATION
# (32), ERROR_LOCK_VIOLATION (33), ERROR_INVALID_NAME (123), ERROR_FILENAME_EXCED_RANGE (206).
_VARIANTS = {errno.EISDIR: "is_directory", errno.ENAMETOOLONG: "name_too_long",
             errno.EBUSY: "in_use", errno.ETXTBSY: "in_use", errno.EMFILE: "too_many_files",
             errno.ENFILE: "too_many_files", errno.EEXIST: "exists",
             errno.ENOTEMPTY: "not_empty"}
_WINDOWS_VARIANTS = {32: "in_use", 33: "in_use", 123: "invalid_name", 206: "name_too_long"}


def _folder_of(path: Path) -> Path:
    # The device may be gone, so asking whether the path is a folder can itself fail.
    try:
        return path if path.is_dir() else path.parent
    except OSError:
        return path.parent


def _data_folder_of(folder: Path) -> Path:
    """Return the data folder when ``folder`` is inside its temporary folder, else ``folder``.

    The temporary folder (``tmp`` beside ``backups``, see DataFolder.temp_dir) is on the data
    folder's disk, and its name means nothing to a clerk.
    """
    for ancestor in (folder, *folder.parents):
        try:
            if ancestor.name == "tmp" and (ancestor.parent / "backups").is_dir():
                return ancestor.parent
        except OSError:
            return folder
    return folder


def fault_from_os_error(error: OSError, path: Path, *, reading: bool = False) -> StorageFaultError:
    """Return the project error that explains ``error`` raised while using ``path``.

    Args:
        error: the operating-system error.
        path: the file or folder the operation worked on; named in the message.
        reading: True when ``path`` is a source being read, so a missing file means it
            vanished rather than that the target folder went away.
    """
    details = {"path": str(path), "folder": str(_folder_of(path))}
    winerror = getattr(error, "winerror", None)
    number = error.errno

    if number in _DISK_FULL or winerror in _WINDOWS_DISK_FULL:
        return DiskFullError(path=str(path), folder=str(_data_folder_of(_folder_of(path))))
    if number == errno.EROFS or winerror == _WINDOWS_WRITE_PROTECT:
        return ReadOnlyTargetError(**details)
    if reading and number == errno.ENOENT:
        return SourceNotFoundError(**details)
    if number in _GONE or winerror in _WINDOWS_DEVICE_GONE:
        return SourceVanishedError(**details) if reading else TargetGoneError(**details)
    # Windows reports a file open in another program as EACCES, which is no permission issue.
    variant = _WINDOWS_VARIANTS.get(winerror or 0)
    if variant is None and number in _DEVICE:
        return DeviceError(**details)
    if variant is None and number in _ACCESS:
        return AccessDeniedError(**details)
    variant = variant or _VARIANTS.get(number or 0)
    if variant is not None:
        details["variant"] = variant
    return IoFailedError(**details, reason=error.strerror or str(error))


def fault_from_database_error(error: BaseException, database: Path | str) -> MeiliError | None:
    """Return the project error for a SQLite failure, or None when it is not a storage fault.

    Accepts the ``sqlite3`` exception or SQLAlchemy's wrapper around it. Errors that are not
    about locks, space or the disk (a constraint violation, a programming error) return None
    so that the caller re-raises them as bugs.
    """
    original = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(original, sqlite3.Error):
        return None
    text = str(original).lower()
    path = Path(database)
    details = {"path": str(path), "folder": str(path.parent)}

    if "database is locked" in text or "database table is locked" in text:
        return DatabaseLockedError(**details)
    if "database or disk is full" in text:
        return DiskFullError(**details)
    if "readonly database" in text:
        return ReadOnlyTargetError(**details)
    if "disk i/o error" in text:
        return DatabaseIoError(**details)
    if "unable to open database file" in text:
        return _unopenable_database(path, details)
    return None


def _unopenable_database(path: Path, details: dict[str, str]) -> StorageFaultError:
    # SQLite gives one text for a vanished folder and for a read-only one, because in WAL
    # mode even a reader must create the -shm file beside the database.
    if not path.parent.is_dir():
        return TargetGoneError(**details)
    if not os.access(path.parent, os.W_OK):
        return ReadOnlyTargetError(**details)
    return IoFailedError(**details, reason="unable to open database file")


@contextmanager
def mapped_os_errors(path: Path, *, reading: bool = False) -> Iterator[None]:
    """Raise the project's fault error in place of any ``OSError`` inside the block.

    Args:
        path: the file or folder to name in the message.
        reading: True when the block reads ``path`` as a source (see
            :func:`fault_from_os_error`).
    """
    try:
        yield
    except OSError as error:
        fault = fault_from_os_error(error, path, reading=reading)
        logger.warning("%s on %s: %s", fault.code, path, error)
        raise fault from error


@contextmanager
def mapped_database_errors(database: Path | str) -> Iterator[None]:
    """Raise the project's fault error in place of a SQLite lock, disk-full or I/O error.

    Other database errors pass through unchanged because they point at a bug.
    """
    try:
        yield
    except (DBAPIError, sqlite3.Error) as error:
        fault = fault_from_database_error(error, database)
        if fault is None:
            raise
        logger.warning("%s on database %s: %s", fault.code, database, error)
        raise fault from error


def install_fault_mapping(engine: Engine) -> None:
    """Make every statement on a SQLite ``engine`` raise the project's fault errors.

    A lock held by another program, a full disk or a disk I/O error then reaches every
    service as :class:`DatabaseLockedError`, :class:`DiskFullError` or
    :class:`DatabaseIoError`, after SQLAlchemy has rolled the transaction back. Other database
    errors are left alone.
    """
    database = engine.url.database or ""

    def raise_fault(context: ExceptionContext) -> None:
        fault = fault_from_database_error(context.original_exception, database)
        if fault is not None:
            logger.warning("%s on database %s: %s", fault.code, database,
                           context.original_exception)
            raise fault from context.original_exception

    event.listen(engine, "handle_error", raise_fault)
