"""Pre-merge backups: made only before a merge that writes, so bursts keep older backups.

A burst of rejected, replayed or repeated packages used to make one pre-merge backup per run
and rotate the useful ones away. The tests drive real packages through the ``merge`` command
and the merge service the office window uses, and check which backups remain.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services.backups import (
    BackupBeforeWrite,
    create_backup,
    list_backups,
)
from meili_desktop.services.merge import PackageReplayError, merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import Store, open_store
from tests.services.package_chain import (
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)

BURST = 50


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


@pytest.fixture
def township(city: City, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    yield store, unit_id
    store.dispose()


def approve_sender(city: City, package: Path) -> None:
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, package, city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, raised.value.details["unit_id"],
                             raised.value.details["fingerprint"], keys_repo.APPROVED)


def earlier_backups(city: City) -> set[str]:
    """Make three daily backups and one by hand; return their names.

    The newest daily backup is six hours old, so the commands make no daily backup of their own.
    """
    root = city.store.folder.root
    now = datetime.now(UTC)
    made = [create_backup(root, "daily", now - timedelta(hours=hours)) for hours in (54, 30, 6)]
    made.append(create_backup(root, "manual"))
    return {backup.name for backup in made}


def backup_reasons(city: City) -> list[str]:
    return sorted(backup.reason for backup in list_backups(city.store.folder.root))


def test_rejected_burst_keeps_backups(city: City, township: tuple[Store, str], tmp_path: Path,
                                      passphrase_file: Path) -> None:
    store, _unit_id = township
    package = export_report_package(store, tmp_path / "valid.mlrp").path
    approve_sender(city, package)
    before = earlier_backups(city)
    burst = tmp_path / "burst"
    burst.mkdir()
    data = package.read_bytes()
    for index in range(BURST):
        damaged = bytearray(data)
        damaged[(index * 7919) % len(damaged)] ^= 0x01
        (burst / f"damaged-{index:02d}.mlrp").write_bytes(bytes(damaged))

    status = main(["--data-dir", str(city.store.folder.root), "merge", str(burst),
                   "--passphrase-file", str(passphrase_file), "--json"])

    assert status != 0
    assert {backup.name for backup in list_backups(city.store.folder.root)} == before


def test_duplicate_and_replay_burst_make_no_backup(city: City, township: tuple[Store, str],
                                                   tmp_path: Path) -> None:
    store, unit_id = township
    # A copy of the laptop's data folder, restored later, reuses the next sequence number.
    copy_root = tmp_path / "laptop-copy"
    store.engine.dispose()
    shutil.copytree(store.folder.root, copy_root)
    package = export_report_package(store, tmp_path / "first.mlrp").path
    approve_sender(city, package)
    earlier_backups(city)
    with read_incoming(city.store, package, city.unlocked) as opened:
        assert merge(city.store, opened.incoming,
                     backup=BackupBeforeWrite(city.store, "pre-merge")).outcome == "merged"
    assert backup_reasons(city).count("pre-merge") == 1

    restored = open_store(copy_root)
    try:
        fill_entries(restored, unit_id, "2021Q3")
        replay = export_report_package(restored, tmp_path / "replay.mlrp").path
    finally:
        restored.dispose()

    with read_incoming(city.store, package, city.unlocked) as duplicate, \
            read_incoming(city.store, replay, city.unlocked) as replayed:
        for _ in range(BURST):
            outcome = merge(city.store, duplicate.incoming,
                            backup=BackupBeforeWrite(city.store, "pre-merge"))
            assert outcome.outcome == "duplicate"
            with pytest.raises(PackageReplayError):
                merge(city.store, replayed.incoming,
                      backup=BackupBeforeWrite(city.store, "pre-merge"))

    assert backup_reasons(city) == ["daily", "daily", "daily", "manual", "pre-merge"]


def test_merge_run_makes_one_backup(city: City, township: tuple[Store, str], tmp_path: Path,
                                    passphrase_file: Path) -> None:
    store, unit_id = township
    folder = tmp_path / "packages"
    folder.mkdir()
    first = export_report_package(store, folder / "1.mlrp").path
    fill_entries(store, unit_id, "2021Q3")
    export_report_package(store, folder / "2.mlrp")
    approve_sender(city, first)

    status = main(["--data-dir", str(city.store.folder.root), "merge", str(folder),
                   "--passphrase-file", str(passphrase_file), "--json"])

    assert status == 0
    assert backup_reasons(city).count("pre-merge") == 1
