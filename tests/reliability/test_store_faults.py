"""Faults in the data folder itself: a locked database, a full disk under entries and evidence."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import entries
from meili_desktop.services.backups import list_backups, make_event_backup, restore_backup
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, Store, open_store
from meili_desktop.store.engine import sqlite_url
from meili_desktop.store.faults import (
    DatabaseLockedError,
    DiskFullError,
    ReadOnlyTargetError,
)
from tests.reliability.helpers import (
    database_held_exclusively,
    file_digest,
    folder_listing,
    table_rows,
)
from tests.reliability.mounts import remount_read_only, small_disk

PERIOD = "2021Q2"


def set_up_township(store: Store) -> tuple[str, Catalogue]:
    identity = setup_provisional_township(store, "余杭区", "塘栖镇")
    assert identity.unit_id is not None
    return identity.unit_id, active_catalogue(store)


def fill_disk(folder: Path, leave_bytes: int) -> None:
    """Write a filler file until only about ``leave_bytes`` stay free on ``folder``'s disk."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    (folder / "filler.bin").write_bytes(b"\0" * max(0, free - leave_bytes))


@pytest.fixture
def township_store(data_dir: Path) -> Iterator[tuple[Store, str, Catalogue]]:
    store = open_store(data_dir)
    unit, catalogue = set_up_township(store)
    entries.set_entry_fields(store, catalogue, EntryKey(unit, 13, PERIOD),
                             {"status": "in_progress", "narrative": "已完成立面改造 12 处"})
    try:
        yield store, unit, catalogue
    finally:
        store.dispose()


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_database_entry(data_dir: Path) -> None:
    store = open_store(data_dir)
    unit, catalogue = set_up_township(store)
    database = store.folder.database_file
    rows = table_rows(database)
    try:
        with database_held_exclusively(database):
            with pytest.raises(DatabaseLockedError) as raised:
                entries.set_entry_fields(store, catalogue, EntryKey(unit, 13, PERIOD),
                                         {"status": "done"})
    finally:
        store.dispose()

    assert raised.value.details["path"] == str(database)
    assert table_rows(database) == rows


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_database_evidence(township_store: tuple[Store, str, Catalogue],
                                  tmp_path: Path) -> None:
    store, unit, _catalogue = township_store
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8" + os.urandom(50_000))
    database = store.folder.database_file
    rows = table_rows(database)

    with database_held_exclusively(database):
        with pytest.raises(DatabaseLockedError):
            entries.attach_evidence(store, EntryKey(unit, 13, PERIOD), photo, max_mb=20)

    assert table_rows(database) == rows


@pytest.mark.usefixtures("short_busy_timeout")
def test_locked_during_migration(data_dir: Path) -> None:
    from tests.store.test_migrations import create_at_revision

    database = data_dir / DATABASE_FILE_NAME
    create_at_revision(sqlite_url(database), "0001")
    rows = table_rows(database)

    with database_held_exclusively(database):
        with pytest.raises(DatabaseLockedError):
            open_store(data_dir)

    assert table_rows(database) == rows


@pytest.mark.usefixtures("short_busy_timeout")
def test_backup_while_locked_elsewhere(store: Store) -> None:
    with database_held_exclusively(store.folder.database_file):
        made = make_event_backup(store, "pre-import")

    assert made is not None


def test_disk_full_evidence(tmp_path: Path) -> None:
    photo = tmp_path / "航拍照片.jpg"
    photo.write_bytes(b"\xff\xd8" + os.urandom(1024 * 1024))
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            unit, _catalogue = set_up_township(store)
            database = store.folder.database_file
            rows = table_rows(database)
            fill_disk(disk, 300 * 1024)

            with pytest.raises(DiskFullError) as raised:
                entries.attach_evidence(store, EntryKey(unit, 13, PERIOD), photo, max_mb=20)

            assert raised.value.details["folder"] == str(store.folder.root)
            assert table_rows(database) == rows
            assert folder_listing(store.folder.temp_dir) == []
            assert folder_listing(store.folder.attachments_dir) == []
        finally:
            store.dispose()


def test_backup_on_nearly_full_disk_says_full(tmp_path: Path) -> None:
    """Whatever SQLite reports while the copy runs out of space, the user reads "disk full"."""
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            set_up_township(store)
            with store.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            size = store.folder.database_file.stat().st_size
            outcomes = set()
            for extra_kb in range(0, 64, 4):
                fill_disk(disk, size + extra_kb * 1024)
                try:
                    make_event_backup(store, "pre-import")
                except DiskFullError:
                    outcomes.add("full")
                else:
                    outcomes.add("made")
                finally:
                    (disk / "filler.bin").unlink()
                # No partial copy is left beside the finished backups.
                assert folder_listing(store.folder.backups_dir) == sorted(
                    backup.name for backup in list_backups(store.folder.root))
        finally:
            store.dispose()

    assert outcomes == {"full", "made"}


def test_disk_full_entry_write(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            unit, catalogue = set_up_township(store)
            database = store.folder.database_file
            with store.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            rows = table_rows(database)
            fill_disk(disk, 8 * 1024)

            with pytest.raises(DiskFullError):
                for task in range(10, 44):
                    entries.set_entry_fields(store, catalogue, EntryKey(unit, task, PERIOD),
                                             {"narrative": "推进中，" * 200})

            (disk / "filler.bin").unlink()
            store.dispose()
            assert_rows_are_a_prefix(database, rows)
        finally:
            store.dispose()


def assert_rows_are_a_prefix(database: Path, before: dict[str, list[tuple[object, ...]]]) -> None:
    """Check that every committed entry is whole and the failed one left no trace."""
    after = table_rows(database)
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        revisions = connection.execute(
            "SELECT count(*) FROM entries e JOIN entry_revisions r ON r.entry_id = e.id"
        ).fetchone()[0]
    assert len(after["entries"]) == revisions
    assert {table: rows for table, rows in after.items()
            if table not in {"entries", "entry_revisions", "audit_events"}} == {
        table: rows for table, rows in before.items()
        if table not in {"entries", "entry_revisions", "audit_events"}}


def test_disk_full_event_backup(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            set_up_township(store)
            digest = file_digest(store.folder.database_file)
            fill_disk(disk, 64 * 1024)

            with pytest.raises(DiskFullError):
                make_event_backup(store, "pre-import")

            assert folder_listing(store.folder.backups_dir) == []
            assert file_digest(store.folder.database_file) == digest
        finally:
            store.dispose()


def test_read_only_data_folder(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 4096) as stick:
        store = open_store(stick / "data")
        store.dispose()
        digest = file_digest(stick / "data" / DATABASE_FILE_NAME)
        remount_read_only(stick)

        with pytest.raises(ReadOnlyTargetError):
            open_store(stick / "data")

        assert file_digest(stick / "data" / DATABASE_FILE_NAME) == digest



def test_new_folder_on_read_only_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 1024) as stick:
        remount_read_only(stick)

        with pytest.raises(ReadOnlyTargetError):
            open_store(stick / "新数据文件夹")


def test_restore_on_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            set_up_township(store)
            made = make_event_backup(store, "manual")
            assert made is not None
        finally:
            store.dispose()
        database = disk / "data" / DATABASE_FILE_NAME
        digest = file_digest(database)
        fill_disk(disk, 64 * 1024)

        with pytest.raises(DiskFullError):
            restore_backup(disk / "data", made.name)

        assert file_digest(database) == digest
        assert folder_listing(disk / "data" / "tmp") == []
        assert folder_listing(disk / "data" / "backups") == [made.name]
