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
from contextlib import closing
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
from meili_desktop.store.meta_repo import INSTALLATION_KEY
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
# The reason given to a file restored by its path whose name is not a backup's.
FILE_REASON = "file"


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


class BackupForeignInstallationError(MeiliError):
    """The backup has this folder's role and unit but comes from another installation.

    Details: ``name``, ``unit`` (role/unit), ``backup_installation`` and
    ``current_installation`` (the first 8 characters of each installation id).
    """

    code = "backup.foreign_installation"
    exit_code = 3


class BackupIsCurrentDatabaseError(MeiliError):
    """The file given to restore is the data folder's own database; details: ``name``."""

    code = "backup.is_current_database"
    exit_code = 2


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
        FILE_REASON: QCoreApplication.translate(
            "Backups", "a database file chosen by its path, not a backup; the time is its "
            "last change"),
    }
    if reason in labels:
        return labels[reason]
    if reason.startswith("pre-migration-"):
        revision = reason.removeprefix("pre-migration-")
        return QCoreApplication.translate(
            "Backups", "before the upgrade from schema {revision}").format(revision=revision)
    return reason


def local_time_text(moment: datetime) -> str:
    """Return an aware time in the computer's time zone with the zone's offset from UTC.

    For example ``2026-12-04 20:00:00 UTC+08:00``; the command line and the backup window
    both show backup times this way.
    """
    local = moment.astimezone()
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M:%S} UTC{offset[:3]}:{offset[3:5]}"


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
        if _is_same_file(path, DataFolder(store_root).database_file):
            raise BackupIsCurrentDatabaseError(name=str(path))
        parsed = parse_backup_name(path)
        if parsed is not None:
            return parsed
        # Any other file: its name says nothing about why or when it was made, so it is
        # labelled as a plain file with the time of its last change.
        stat = path.stat()
        changed_at = datetime.fromtimestamp(stat.st_mtime, UTC)
        return BackupFile(path, FILE_REASON, changed_at, 0, stat.st_size)
    raise BackupNotFoundError(name=str(name_or_path), folder=str(folder))


def validate_backup(store_root: Path, backup: BackupFile, *,
                    allow_other_installation: bool = False) -> str:
    """Check a backup before it replaces anything; return its schema revision.

    Args:
        store_root: the data folder.
        backup: the backup to check.
        allow_other_installation: accept a backup of the same role and unit that another
            installation made (a replaced laptop's). Without it such a backup is rejected,
            because restoring it brings that installation's keys here.

    Raises:
        BackupNotADatabaseError: the file is not a database of this program.
        BackupDamagedError: SQLite's integrity check failed.
        BackupTooNewError: a newer release wrote it.
        BackupOtherInstallationError: it belongs to another role or reporting unit.
        BackupForeignInstallationError: another installation of the same role and unit made
            it, and ``allow_other_installation`` is false.
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
    backup_identity = read_meta(backup.path, (*IDENTITY_KEYS, INSTALLATION_KEY))
    current_identity = _folder_identity(store_root, _identity_or_empty(current_file),
                                        backup.path)
    backup_unit = {key: backup_identity[key] for key in IDENTITY_KEYS if key in backup_identity}
    current_unit = {key: current_identity[key] for key in IDENTITY_KEYS
                    if key in current_identity}
    if backup_unit and current_unit and backup_unit != current_unit:
        raise BackupOtherInstallationError(
            name=backup.name, backup_unit=_unit_label(backup_unit),
            current_unit=_unit_label(current_unit))
    _check_installation(backup, backup_identity, current_identity, allow_other_installation)
    return revision


def _folder_identity(store_root: Path, current: dict[str, str],
                     restoring: Path) -> dict[str, str]:
    """Return the identity a restore is checked against: the database's, or the folder's.

    A database without a role may be a backup from before setup that was restored into a
    folder set up long since. The newest of the folder's own backups (same installation id,
    other than ``restoring``) that has a role then gives the folder's identity, so another
    installation's backup is not taken as if the folder were new.
    """
    if "role" in current:
        return current
    own_id = current.get(INSTALLATION_KEY)
    for backup in list_backups(store_root):
        if _is_same_file(backup.path, restoring):
            continue
        try:
            earlier = read_meta(backup.path, (*IDENTITY_KEYS, INSTALLATION_KEY))
        except sqlite3.Error:
            logger.warning("cannot read the identity of backup %s", backup.name, exc_info=True)
            continue
        if own_id and earlier.get(INSTALLATION_KEY) not in (own_id, None):
            continue
        if "role" in earlier:
            logger.info("data folder %s has no role now; checking restores against %s of %s",
                        store_root, _unit_label(earlier), backup.name)
            return earlier
    return current


def _check_installation(backup: BackupFile, backup_identity: dict[str, str],
                        current_identity: dict[str, str], allow_other: bool) -> None:
    """Reject another installation's backup unless allowed.

    A data folder never set up (no role now or in its backups, see :func:`_folder_identity`)
    has nothing to lose, and a backup made before installation ids existed cannot be told
    apart, so both are accepted.
    """
    backup_id = backup_identity.get(INSTALLATION_KEY)
    current_id = current_identity.get(INSTALLATION_KEY)
    if not backup_id or not current_id or backup_id == current_id:
        return
    if "role" not in current_identity:
        return
    if allow_other:
        logger.warning("restoring %s of installation %s into installation %s as forced",
                       backup.name, backup_id, current_id)
        return
    raise BackupForeignInstallationError(
        name=backup.name, unit=_unit_label(current_identity),
        backup_installation=backup_id[:8], current_installation=current_id[:8])


def restore_backup(store_root: Path, backup: BackupFile | Path | str, *,
                   allow_other_installation: bool = False) -> RestoreResult:
    """Replace the data folder's database with ``backup`` after checking it.

    The backup is checked first (integrity, schema revision, installation), then copied
    beside the database; the current database is saved as a ``pre-restore`` backup and
    replaced in one rename. Close every connection to the database before calling; an open
    store's engine must be disposed and the store reopened (or :func:`reload_store` called)
    afterwards, which also upgrades an older backup to the current schema.

    With ``allow_other_installation`` a backup of another installation of the same role and
    unit is restored, and the restored database takes over this folder's installation id, so
    that the two installations' backups stay apart.

    Raises:
        BackupNotFoundError, BackupNotADatabaseError, BackupDamagedError, BackupTooNewError,
        BackupOtherInstallationError, BackupForeignInstallationError,
        BackupIsCurrentDatabaseError: the backup was rejected; nothing was changed.
        DatabaseLockedError: another program still has the database open.
        StorageFaultError: the disk is full or read-only; nothing was changed.
    """
    chosen = backup if isinstance(backup, BackupFile) else find_backup(store_root, backup)
    revision = validate_backup(store_root, chosen,
                               allow_other_installation=allow_other_installation)
    folder = DataFolder(store_root)
    current_size = _size_or_zero(folder.database_file)
    ensure_free_space(folder.root, chosen.size + current_size)
    current_id = _identity_or_empty(folder.database_file).get(INSTALLATION_KEY)

    safety_path = new_backup_path(folder.backups_dir, "pre-restore")
    replace_database(folder, chosen.path, safety_path)
    if allow_other_installation and current_id:
        _keep_installation_id(folder.database_file, current_id)
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


def _keep_installation_id(database_file: Path, installation_id: str) -> None:
    """Write this folder's installation id into a restored database of another one."""
    with closing(sqlite3.connect(database_file)) as connection, connection:
        connection.execute("UPDATE meta SET value = ? WHERE key = ?",
                           (installation_id, INSTALLATION_KEY))
        connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
                           (INSTALLATION_KEY, installation_id))
    logger.info("restored database %s keeps installation id %s", database_file,
                installation_id)


def _is_same_file(path: Path, other: Path) -> bool:
    try:
        return other.exists() and path.samefile(other)
    except OSError:
        return False


def _identity_or_empty(database_file: Path) -> dict[str, str]:
    # A damaged current database is a reason to restore, not a reason to refuse.
    if not database_file.is_file():
        return {}
    try:
        return read_meta(database_file, (*IDENTITY_KEYS, INSTALLATION_KEY))
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
