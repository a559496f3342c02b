"""Restoring a backup: checked before anything is replaced, the old data kept, WAL handled."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from meili_desktop.services.backups import (
    BackupOtherInstallationError,
    BackupTooNewError,
    list_backups,
    make_event_backup,
    reload_store,
    restore_backup,
)
from meili_desktop.store.backup import (
    BackupDamagedError,
    BackupNotADatabaseError,
    BackupNotFoundError,
)
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, Store, open_store
from meili_desktop.store.faults import DatabaseLockedError
from meili_desktop.store.migrate import current_revision, head_revision
from meili_desktop.store.restore import replace_database
from tests.reliability.helpers import (
    add_sample_rows,
    file_digest,
    folder_listing,
    narratives,
    table_rows,
)


def set_meta(database: Path, key: str, value: str) -> None:
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def test_restore_brings_back_rows(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "entered later")
    store.dispose()

    result = restore_backup(store.folder.root, backup.name)

    assert narratives(store.folder.database_file) == ["first"]
    assert result.safety_copy is not None
    assert result.safety_copy.reason == "pre-restore"
    assert narratives(result.safety_copy.path) == ["entered later", "first"]


def test_restore_leaves_no_wal_or_staging(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "in the wal")
    store.dispose()

    restore_backup(store.folder.root, backup)

    root = store.folder.root
    assert not (root / f"{DATABASE_FILE_NAME}-wal").exists()
    assert not (root / f"{DATABASE_FILE_NAME}-shm").exists()
    assert folder_listing(store.folder.temp_dir) == []


def test_restore_is_undoable(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "entered later")
    store.dispose()
    first = restore_backup(store.folder.root, backup)

    assert first.safety_copy is not None
    restore_backup(store.folder.root, first.safety_copy.name)

    assert narratives(store.folder.database_file) == ["entered later", "first"]


def test_reloaded_store_reads_restored_data(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "entered later")
    store.engine.dispose()

    restore_backup(store.folder.root, backup)
    reload_store(store)

    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT narrative FROM entries").fetchall()
    assert rows == [("first",)]


def corrupt_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("damage", "error"), [
    ("pages", BackupDamagedError),
    ("not a database", BackupNotADatabaseError),
    ("truncated", BackupDamagedError),
])
def test_bad_backup_refused_untouched(store: Store, damage: str, error: type) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "keep me")
    store.dispose()
    if damage == "pages":
        corrupt_middle(backup.path)
    elif damage == "not a database":
        backup.path.write_bytes(b"PK\x03\x04" + b"zip archive from a chat app" * 100)
    else:
        backup.path.write_bytes(backup.path.read_bytes()[: 4096 * 3 + 100])
    database = store.folder.database_file
    digest = file_digest(database)
    names = [item.name for item in list_backups(store.folder.root)]

    with pytest.raises(error):
        restore_backup(store.folder.root, backup.name)

    assert file_digest(database) == digest
    assert narratives(database) == ["first", "keep me"]
    assert [item.name for item in list_backups(store.folder.root)] == names


def test_newer_backup_refused(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    store.dispose()
    with closing(sqlite3.connect(backup.path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    digest = file_digest(store.folder.database_file)

    with pytest.raises(BackupTooNewError) as raised:
        restore_backup(store.folder.root, backup.name)

    assert raised.value.details["revision"] == "9999_future"
    assert raised.value.details["supported"] == head_revision()
    assert file_digest(store.folder.database_file) == digest


def test_other_installation_refused(store: Store) -> None:
    set_meta(store.folder.database_file, "role", "township")
    set_meta(store.folder.database_file, "own_unit_id", "330110102")
    backup = make_event_backup(store, "manual")
    set_meta(store.folder.database_file, "own_unit_id", "330110103")
    store.dispose()
    digest = file_digest(store.folder.database_file)

    with pytest.raises(BackupOtherInstallationError):
        restore_backup(store.folder.root, backup.name)

    assert file_digest(store.folder.database_file) == digest


def test_unknown_name_refused(store: Store) -> None:
    store.dispose()
    with pytest.raises(BackupNotFoundError):
        restore_backup(store.folder.root, "daily-20990101T000000000000Z-000099.sqlite3")


def test_restore_from_outside_path(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "从U盘拷来的备份.sqlite3"
    backup = make_event_backup(store, "manual")
    outside.write_bytes(backup.path.read_bytes())
    add_sample_rows(store, "later")
    store.dispose()

    restore_backup(store.folder.root, str(outside))

    assert narratives(store.folder.database_file) == ["first"]


def test_restore_refused_while_in_use(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    add_sample_rows(store, "still open elsewhere")
    database = store.folder.database_file
    rows = table_rows(database)
    other_program = sqlite3.connect(database)
    other_program.execute("SELECT count(*) FROM entries").fetchall()
    store.dispose()
    try:
        with pytest.raises(DatabaseLockedError):
            restore_backup(store.folder.root, backup.name)
    finally:
        other_program.close()

    assert table_rows(database) == rows


def test_restore_older_revision_upgrades(data_dir: Path) -> None:
    from meili_desktop.store.engine import sqlite_url
    from tests.store.test_migrations import create_at_revision

    old_file = data_dir.parent / "old.sqlite3"
    create_at_revision(sqlite_url(old_file), "0001")
    store = open_store(data_dir)
    store.dispose()

    result = restore_backup(data_dir, str(old_file))
    reopened = open_store(data_dir)
    try:
        assert result.revision == "0001"
        assert current_revision(reopened.engine) == head_revision()
        assert reopened.migration_backup is not None
    finally:
        reopened.dispose()


def test_restore_over_damaged_database(store: Store) -> None:
    backup = make_event_backup(store, "pre-import")
    store.dispose()
    database = store.folder.database_file
    database.write_bytes(b"garbage after a power cut" * 1000)
    damaged = database.read_bytes()

    result = restore_backup(store.folder.root, backup.name)

    assert narratives(database) == ["first"]
    assert result.safety_copy is not None
    assert result.safety_copy.path.read_bytes() == damaged


def test_replace_without_current_database(tmp_path: Path, store: Store) -> None:
    backup = make_event_backup(store, "manual")
    store.dispose()
    from meili_desktop.store.datafolder import DataFolder

    fresh = DataFolder(tmp_path / "fresh")
    fresh.ensure()
    safety = fresh.backups_dir / "unused.sqlite3"

    replace_database(fresh, backup.path, safety)

    assert narratives(fresh.database_file) == ["first"]
    assert not safety.exists()
