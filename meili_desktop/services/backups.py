"""Rolling backups of the data folder's database, and restoring one of them.

When backups are made:
    * daily: when the program opens the data folder and the newest daily backup is a day old
      or more (or dated in the future, because the clock was moved back);
    * before every package import and merge that will write: :func:`make_event_backup` (or
      :class:`BackupBeforeWrite` for a run of packages) with ``pre-import`` or ``pre-merge``;
    * before every schema migration (``pre-migration-<revision>``, made by the migration code);
    * before every restore, as a safety copy of the database being replaced (``pre-restore``);
    * on request (``manual``).

Retention counts each group of backups on its own (see :data:`RETENTION`): the 7 newest
daily backups, the 10 newest made before imports and merges, the 5 newest before upgrades, the
5 newest before restores and the 20 newest made by hand. Older ones are deleted after each
new backup. A burst of imports therefore rotates only the pre-operation backups, never the
daily ones. An import or merge that will write nothing (a rejected package, a duplicate)
makes no backup at all. "Newest" follows the sequence number in the file name, never the
clock. Backups cover the database only: evidence files are stored once under their SHA-256
and are not deleted by a restore.

A shared PostgreSQL office database is backed up with the server's own tools, so these
functions do nothing for it (event backups) or reject it (listing, restoring).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from meili_desktop.errors import MeiliError
from meili_desktop.store.backup import (
    BackupFile,
    BackupNotADatabaseError,
    BackupNotFoundError,
    NoDatabaseFileError,
    backup_sqlite,
    check_backup,
    list_backup_files,
    new_backup_path,
    parse_backup_name,
    read_meta,
    remove_backup,
)
from meili_desktop.store.datafolder import DataFolder, Store
from meili_desktop.store.engine import is_sqlite
from meili_desktop.store.faults import StorageFaultError
from meili_desktop.store.fileio import ensure_free_space
from meili_desktop.store.migrate import alembic_config, upgrade_database
from meili_desktop.store.restore import replace_database

if TYPE_CHECKING:
    # Imported where a restore uses it: the daily backup at start needs no Alembic.
    from alembic.script import ScriptDirectory

logger = logging.getLogger(__name__)

DAILY_KEEP = 7
PRE_OPERATION_KEEP = 10
PRE_MIGRATION_KEEP = 5
PRE_RESTORE_KEEP = 5
MANUAL_KEEP = 20
# Retention group -> how many of its newest backups are kept.
RETENTION = {"daily": DAILY_KEEP, "pre-operation": PRE_OPERATION_KEEP,
             "pre-migration": PRE_MIGRATION_KEEP, "pre-restore": PRE_RESTORE_KEEP,
             "manual": MANUAL_KEEP}
PRE_OPERATION_REASONS = frozenset({"pre-import", "pre-merge"})
DAILY_INTERVAL = timedelta(days=1)
# Facts that tell two installations apart; a backup of another installation is rejected.
IDENTITY_KEYS = ("role", "own_unit_id")


class BackupTooNewError(MeiliError):
    """The backup's schema is newer than this program; details: ``name``, ``revision``,
    ``supported``."""

    code = "backup.too_new"
    exit_code = 3


class BackupOtherInstallationError(MeiliError):
    """The backup belongs to another installation; details: ``name``, ``backup_unit``,
    ``current_unit``."""

    code = "backup.other_installation"
    exit_code = 3


class BackupUnsupportedError(MeiliError):
    """The data lives in a database server, which these backups do not cover."""

    code = "backup.unsupported"
    exit_code = 2


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did.

    Attributes:
        restored: the backup whose content is now the database.
        safety_copy: the backup of the replaced database, or None when there was none.
        revision: the restored database's schema revision before any upgrade.
    """

    restored: BackupFile
    safety_copy: BackupFile | None
    revision: str


def describe_reason(reason: str) -> str:
    """Return the translated label of a backup reason, for lists in the CLI and the dialog."""
    labels = {
        "daily": QCoreApplication.translate("Backups", "daily"),
        "manual": QCoreApplication.translate("Backups", "made by hand"),
        "pre-import": QCoreApplication.translate("Backups", "before a package import"),
        "pre-merge": QCoreApplication.translate("Backups", "before a merge"),
        "pre-restore": QCoreApplication.translate("Backups", "before a restore"),
    }
    if reason in labels:
        return labels[reason]
    if reason.startswith("pre-migration-"):
        revision = reason.removeprefix("pre-migration-")
        return QCoreApplication.translate(
            "Backups", "before the upgrade from schema {revision}").format(revision=revision)
    return reason


def list_backups(store_root: Path) -> list[BackupFile]:
    """Return the backups of the data folder at ``store_root``, newest first."""
    return list_backup_files(DataFolder(store_root).backups_dir)


def create_backup(store_root: Path, reason: str = "manual",
                  now: datetime | None = None) -> BackupFile:
    """Back up the data folder's SQLite database now and apply the retention rules.

    ``now`` is the time written into the name (the clock's time by default).

    Raises:
        NoDatabaseFileError: the folder has no database yet.
        StorageFaultError: the disk is full, the folder is read-only, the database is locked.
    """
    folder = DataFolder(store_root)
    destination = new_backup_path(folder.backups_dir, reason, now)
    backup_sqlite(folder.database_file, destination)
    made = parse_backup_name(destination)
    assert made is not None, "new_backup_path returned a name list_backup_files cannot read"
    prune_backups(store_root, keep={destination})
    return made


def make_event_backup(store: Store, reason: str) -> BackupFile | None:
    """Back up the database before an import, a merge or another risky change.

    Call it before opening the transaction that makes the change; if it raises, do not make
    the change, so the database stays as it was.

    Args:
        store: the open data folder.
        reason: ``pre-import``, ``pre-merge`` or another short lowercase word.

    Returns:
        The new backup, or None for a PostgreSQL database, which is backed up by the server.

    Raises:
        StorageFaultError: the backup could not be written (disk full, read-only, locked).
    """
    if not is_sqlite(store.engine):
        logger.info("no %s backup: the database is not a SQLite file", reason)
        return None
    made = create_backup(store.folder.root, reason)
    logger.info("made %s backup %s", reason, made.name)
    return made


class BackupBeforeWrite:
    """The event backup of a run of imports or merges, made before the first one that writes.

    A merge or import calls :meth:`ensure` once it has checked that it will write, so a run
    of rejected or already imported packages makes no backup, and a run of several packages
    makes one.
    """

    def __init__(self, store: Store, reason: str) -> None:
        self._store = store
        self._reason = reason
        self._is_done = False
        self.backup: BackupFile | None = None

    def ensure(self) -> BackupFile | None:
        """Make the backup unless it was made; return it (None for a database server).

        Raises:
            StorageFaultError: the backup could not be written; do not write either.
        """
        if not self._is_done:
            self.backup = make_event_backup(self._store, self._reason)
            self._is_done = True
        return self.backup


def is_daily_backup_due(store_root: Path, now: datetime | None = None) -> bool:
    """Return whether no daily backup lies within a day of ``now`` (the clock may be wrong)."""
    moment = now or datetime.now(UTC)
    dailies = [backup for backup in list_backups(store_root) if backup.is_daily]
    if not dailies:
        return True
    # The highest sequence is the newest however the clock was set when it was made.
    return abs(moment - dailies[0].created_at) >= DAILY_INTERVAL


def make_daily_backup_if_due(store: Store, now: datetime | None = None) -> BackupFile | None:
    """Make the daily backup when it is due; call after opening the data folder.

    A failure is logged and returns None rather than keeping the user from their data: the
    next opening tries again.
    """
    if not is_sqlite(store.engine) or not is_daily_backup_due(store.folder.root, now):
        return None
    try:
        made = create_backup(store.folder.root, "daily", now)
    except (StorageFaultError, NoDatabaseFileError) as error:
        logger.warning("daily backup failed: %s", error)
        return None
    logger.info("made daily backup %s", made.name)
    return made


def retention_group(reason: str) -> str:
    """Return the retention group of a backup reason: a key of :data:`RETENTION`.

    Reasons this version does not know (written by a newer one) count as made by hand, the
    group that keeps the most.
    """
    if reason == "daily":
        return "daily"
    if reason in PRE_OPERATION_REASONS:
        return "pre-operation"
    if reason.startswith("pre-migration"):
        return "pre-migration"
    if reason == "pre-restore":
        return "pre-restore"
    return "manual"


def prune_backups(store_root: Path, keep: set[Path] | None = None) -> list[BackupFile]:
    """Delete the backups beyond each group's retention limit; return the ones deleted.

    Args:
        store_root: the data folder.
        keep: paths never deleted in this call (the backup just made or restored from).
    """
    protected = keep or set()
    groups: dict[str, list[BackupFile]] = {}
    for backup in list_backups(store_root):
        groups.setdefault(retention_group(backup.reason), []).append(backup)
    surplus = [backup for group, members in groups.items()
               for backup in members[RETENTION[group]:]]
    removed = []
    for backup in surplus:
        if backup.path in protected:
            continue
        remove_backup(backup)
        removed.append(backup)
    return removed


def find_backup(store_root: Path, name_or_path: str | Path) -> BackupFile:
    """Return the backup named ``name_or_path`` in the data folder, or the file at that path.

    Raises:
        BackupNotFoundError: there is no such backup or file.
    """
    folder = DataFolder(store_root).backups_dir
    for backup in list_backup_files(folder):
        if backup.name == str(name_or_path):
            return backup
    path = Path(name_or_path)
    if path.is_file():
        stat = path.stat()
        parsed = parse_backup_name(path)
        created_at = datetime.fromtimestamp(stat.st_mtime, UTC)
        return parsed or BackupFile(path, "manual", created_at, 0, stat.st_size)
    raise BackupNotFoundError(name=str(name_or_path), folder=str(folder))


def validate_backup(store_root: Path, backup: BackupFile) -> str:
    """Check a backup before it replaces anything; return its schema revision.

    Raises:
        BackupNotADatabaseError: the file is not a database of this program.
        BackupDamagedError: SQLite's integrity check failed.
        BackupTooNewError: a newer release wrote it.
        BackupOtherInstallationError: it belongs to another role or reporting unit.
    """
    revision = check_backup(backup.path)
    if revision is None:
        raise BackupNotADatabaseError(name=backup.name)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if not _is_known_revision(script, revision):
        raise BackupTooNewError(name=backup.name, revision=revision,
                                supported=script.get_current_head())

    current_file = DataFolder(store_root).database_file
    backup_identity = read_meta(backup.path, IDENTITY_KEYS)
    current_identity = _identity_or_empty(current_file)
    if backup_identity and current_identity and backup_identity != current_identity:
        raise BackupOtherInstallationError(
            name=backup.name, backup_unit=_unit_label(backup_identity),
            current_unit=_unit_label(current_identity))
    return revision


def restore_backup(store_root: Path, backup: BackupFile | Path | str) -> RestoreResult:
    """Replace the data folder's database with ``backup`` after checking it.

    The backup is checked first (integrity, schema revision, installation), then copied
    beside the database; the current database is saved as a ``pre-restore`` backup and
    replaced in one rename. Close every connection to the database before calling; an open
    store's engine must be disposed and the store reopened (or :func:`reload_store` called)
    afterwards, which also upgrades an older backup to the current schema.

    Raises:
        BackupNotFoundError, BackupNotADatabaseError, BackupDamagedError, BackupTooNewError,
        BackupOtherInstallationError: the backup was rejected; nothing was changed.
        DatabaseLockedError: another program still has the database open.
        StorageFaultError: the disk is full or read-only; nothing was changed.
    """
    chosen = backup if isinstance(backup, BackupFile) else find_backup(store_root, backup)
    revision = validate_backup(store_root, chosen)
    folder = DataFolder(store_root)
    current_size = _size_or_zero(folder.database_file)
    ensure_free_space(folder.root, chosen.size + current_size)

    safety_path = new_backup_path(folder.backups_dir, "pre-restore")
    replace_database(folder, chosen.path, safety_path)
    safety = parse_backup_name(safety_path) if safety_path.exists() else None
    prune_backups(store_root, keep={chosen.path, safety_path})
    logger.info("restored %s (schema %s); safety copy %s", chosen.name, revision,
                safety.name if safety else "none")
    return RestoreResult(chosen, safety, revision)


def reload_store(store: Store) -> str | None:
    """Reconnect an open store to its (restored) database file and upgrade its schema.

    Returns the path of the pre-migration backup as text, or None when none was needed.
    """
    store.engine.dispose()
    return upgrade_database(store.engine, store.folder.backups_dir, store.folder.database_file)


def require_sqlite(database_url: str | None) -> None:
    """Raise :class:`BackupUnsupportedError` when the data lives in a database server."""
    if database_url and not database_url.startswith("sqlite"):
        raise BackupUnsupportedError(url=database_url.split("@")[-1])


def _is_known_revision(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id
        logger.warning("backup revision %s is not known to this program", revision)
        return False


def _identity_or_empty(database_file: Path) -> dict[str, str]:
    # A damaged current database is a reason to restore, not a reason to refuse.
    if not database_file.is_file():
        return {}
    try:
        return read_meta(database_file, IDENTITY_KEYS)
    except sqlite3.Error:
        logger.warning("cannot read the identity of %s", database_file, exc_info=True)
        return {}


def _unit_label(identity: dict[str, str]) -> str:
    return "/".join(identity.get(key, "-") for key in IDENTITY_KEYS)


def _size_or_zero(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
