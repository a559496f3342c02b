"""A distribution package's import is all or nothing, checked on a really full disk.

The import sets the laptop up (or binds a provisional township), stores the catalogue,
periods, targets and the city's keys. The tests fill the data folder's disk to several
levels, so that the import fails at different points after its pre-import backup, and check
that the laptop is never left set up without the city's keys.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.services import distribution
from meili_desktop.services.backups import make_event_backup
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
    pinned_city_keys,
)
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.backup import list_backup_files
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.faults import StorageFaultError
from tests.reliability.helpers import table_rows
from tests.reliability.mounts import small_disk
from tests.services.package_chain import City, make_city, township_id

# Free space left on the disk right after the pre-import backup, in kilobytes, so that the
# import's own transaction fails at different points (or, with enough room, succeeds).
FREE_KB_LEVELS = (0, 4, 8, 16, 32, 64, 256)

@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def package(city: City, tmp_path: Path) -> Path:
    path = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked,
                               township_id(city, "临平区", "塘栖镇"), path)
    return path


def fill_disk(folder: Path, leave_bytes: int) -> None:
    """Write a filler file until only about ``leave_bytes`` stay free on ``folder``'s disk."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    (folder / "filler.bin").write_bytes(b"\0" * max(0, free - leave_bytes))


def import_on_full_disk(store: Store, package: Path, disk: Path, free_kb: int,
                        monkeypatch: pytest.MonkeyPatch) -> StorageFaultError | None:
    """Import, filling the disk to ``free_kb`` right after the pre-import backup.

    Returns the fault, or None when the import succeeded.
    """
    def backup_then_fill(backup_store: Store, reason: str) -> object:
        backup = make_event_backup(backup_store, reason)
        fill_disk(disk, free_kb * 1024)
        return backup

    monkeypatch.setattr(distribution, "make_event_backup", backup_then_fill)
    try:
        import_distribution_package(store, package)
    except StorageFaultError as error:
        return error
    finally:
        (disk / "filler.bin").unlink(missing_ok=True)
    return None


def test_fresh_laptop_full_disk_all_or_nothing(package: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    failures = 0
    for free_kb in FREE_KB_LEVELS:
        with small_disk(tmp_path / f"disk-{free_kb}", 4096) as disk:
            store = open_store(disk / "laptop")
            try:
                rows = table_rows(store.folder.database_file)
                fault = import_on_full_disk(store, package, disk, free_kb, monkeypatch)

                if fault is None:
                    assert load_identity(store) is not None
                    assert pinned_city_keys(store)
                    continue
                assert load_identity(store) is None, free_kb
                assert pinned_city_keys(store) == {}, free_kb
                assert table_rows(store.folder.database_file) == rows, free_kb
                assert len(list_backup_files(store.folder.backups_dir)) == 1
                failures += 1
            finally:
                store.dispose()

    # At least one level failed inside the import's own writes.
    assert failures >= 1


def test_provisional_laptop_full_disk_stays_provisional(
        package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    failures = 0
    for free_kb in FREE_KB_LEVELS:
        with small_disk(tmp_path / f"disk-{free_kb}", 8192) as disk:
            store = open_store(disk / "laptop")
            try:
                provisional = setup_provisional_township(store, "临平区", "塘栖镇")
                with store.engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                rows = table_rows(store.folder.database_file)
                fault = import_on_full_disk(store, package, disk, free_kb, monkeypatch)

                if fault is None:
                    identity = load_identity(store)
                    assert identity is not None
                    assert not identity.is_provisional
                    continue
                assert load_identity(store) == provisional, free_kb
                assert pinned_city_keys(store) == {}, free_kb
                assert table_rows(store.folder.database_file) == rows, free_kb
                assert len(list_backup_files(store.folder.backups_dir)) == 1
                failures += 1
            finally:
                store.dispose()

    assert failures >= 1
