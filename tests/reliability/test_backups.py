"""Rolling backups: when they are made, which are kept, and their order under a wrong clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from meili_desktop.services.backups import (
    DAILY_KEEP,
    MANUAL_KEEP,
    PRE_OPERATION_KEEP,
    RETENTION,
    create_backup,
    is_daily_backup_due,
    list_backups,
    make_daily_backup_if_due,
    make_event_backup,
    prune_backups,
    retention_group,
)
from meili_desktop.store.backup import new_backup_path, parse_backup_name
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability.helpers import add_sample_rows, folder_listing, narratives


def test_event_backup_holds_current_rows(store: Store) -> None:
    made = make_event_backup(store, "pre-import")
    add_sample_rows(store, "after the backup")

    assert made is not None
    assert made.reason == "pre-import"
    assert narratives(made.path) == ["first"]
    assert narratives(store.folder.database_file) == ["after the backup", "first"]


def test_backup_leaves_no_side_files(store: Store) -> None:
    made = make_event_backup(store, "pre-merge")
    assert made is not None
    narratives(made.path)

    assert folder_listing(store.folder.backups_dir) == [made.name]


def test_sequence_orders_backups_when_clock_goes_back(store: Store) -> None:
    folder = store.folder.backups_dir
    moments = [datetime(2030, 5, 1, tzinfo=UTC), datetime(2019, 1, 1, tzinfo=UTC),
               datetime(2024, 7, 1, tzinfo=UTC)]
    made = []
    for moment in moments:
        path = new_backup_path(folder, "manual", now=moment)
        path.write_bytes(b"")
        made.append(path.name)

    listed = [backup.name for backup in list_backups(store.folder.root)]

    assert listed == list(reversed(made))


def test_daily_due_without_backup(store: Store) -> None:
    assert is_daily_backup_due(store.folder.root)


def test_daily_made_once_a_day(store: Store) -> None:
    now = datetime.now(UTC)
    first = make_daily_backup_if_due(store, now)
    second = make_daily_backup_if_due(store, now + timedelta(hours=23))
    third = make_daily_backup_if_due(store, now + timedelta(hours=25))

    assert first is not None
    assert second is None
    assert third is not None
    assert [backup.reason for backup in list_backups(store.folder.root)] == ["daily", "daily"]


def test_daily_after_clock_moved_back(store: Store) -> None:
    moved_ahead = datetime(2031, 1, 1, tzinfo=UTC)
    path = new_backup_path(store.folder.backups_dir, "daily", now=moved_ahead)
    create_backup(store.folder.root, "daily").path.replace(path)
    corrected = datetime(2027, 3, 1, tzinfo=UTC)

    made = make_daily_backup_if_due(store, corrected)
    again = make_daily_backup_if_due(store, corrected + timedelta(hours=2))

    assert made is not None
    assert again is None


def test_retention_keeps_newest(store: Store) -> None:
    folder = store.folder.backups_dir
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for index in range(DAILY_KEEP + 3):
        new_backup_path(folder, "daily", now=base - timedelta(days=index)).write_bytes(b"d")
    for index in range(PRE_OPERATION_KEEP + 5):
        reason = "pre-import" if index % 2 else "pre-merge"
        new_backup_path(folder, reason, now=base + timedelta(days=index)).write_bytes(b"e")
    newest_daily = max((b for b in list_backups(store.folder.root) if b.is_daily),
                       key=lambda backup: backup.sequence)

    removed = prune_backups(store.folder.root)
    remaining = list_backups(store.folder.root)
    dailies = [backup for backup in remaining if backup.is_daily]
    events = [backup for backup in remaining if not backup.is_daily]

    assert len(removed) == 8
    assert len(dailies) == DAILY_KEEP
    assert len(events) == PRE_OPERATION_KEEP
    assert newest_daily in dailies
    assert min(backup.sequence for backup in events) == DAILY_KEEP + 3 + 6


def test_groups_kept_apart(store: Store) -> None:
    """A burst of pre-merge backups rotates only its own group."""
    root = store.folder.root
    dailies = [create_backup(root, "daily") for _ in range(3)]
    manual = create_backup(root, "manual")
    migration = create_backup(root, "pre-migration-0003")
    restore = create_backup(root, "pre-restore")

    merges = [make_event_backup(store, "pre-merge") for _ in range(50)]

    remaining = {backup.path for backup in list_backups(root)}
    assert {backup.path for backup in dailies} <= remaining
    assert manual.path in remaining
    assert migration.path in remaining
    assert restore.path in remaining
    assert [backup.path in remaining for backup in merges] == \
        [False] * (50 - PRE_OPERATION_KEEP) + [True] * PRE_OPERATION_KEEP


@pytest.mark.parametrize(("reason", "group"), [
    ("daily", "daily"), ("pre-import", "pre-operation"), ("pre-merge", "pre-operation"),
    ("pre-migration-0001", "pre-migration"), ("pre-restore", "pre-restore"),
    ("manual", "manual"), ("made-by-a-newer-release", "manual"),
])
def test_retention_group_of_reason(reason: str, group: str) -> None:
    assert retention_group(reason) == group
    assert group in RETENTION


def test_create_applies_retention(store: Store) -> None:
    for _ in range(MANUAL_KEEP + 2):
        create_backup(store.folder.root, "manual")

    assert len(list_backups(store.folder.root)) == MANUAL_KEEP


def test_name_round_trip(tmp_path: Path) -> None:
    moment = datetime(2026, 12, 4, 12, 0, 0, 123456, tzinfo=UTC)
    path = new_backup_path(tmp_path, "pre-migration-0001", now=moment)
    path.write_bytes(b"12345")

    parsed = parse_backup_name(path)

    assert parsed is not None
    assert parsed.reason == "pre-migration-0001"
    assert parsed.created_at == moment
    assert parsed.sequence == 1
    assert parsed.size == 5


def test_reason_cleaned_for_file_name(tmp_path: Path) -> None:
    path = new_backup_path(tmp_path, "Pre Import/导入")

    assert path.name.startswith("pre-import-")
    assert parse_backup_name(path.with_suffix(".sqlite3")) is None  # not created yet
    path.write_bytes(b"")
    assert parse_backup_name(path) is not None


def test_legacy_name_sorts_first(tmp_path: Path) -> None:
    (tmp_path / "pre-migration-0001-20261204T120000000000Z.sqlite3").write_bytes(b"")
    new_backup_path(tmp_path, "daily", now=datetime(2020, 1, 1, tzinfo=UTC)).write_bytes(b"")

    listed = list_backups_in(tmp_path)

    assert [backup.reason for backup in listed] == ["daily", "pre-migration-0001"]


def list_backups_in(folder: Path) -> list:
    from meili_desktop.store.backup import list_backup_files

    return list_backup_files(folder)


@pytest.mark.postgres
def test_server_database_not_backed_up(pg_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "office", pg_url)
    try:
        assert make_event_backup(store, "pre-merge") is None
        assert make_daily_backup_if_due(store) is None
    finally:
        store.dispose()
    assert list_backups(tmp_path / "office") == []
