"""Office exports (distribution package, receipt, county bundle) that fail.

Each export writes to a real size-limited tmpfs that is already full. The export fails, no
file is left behind, and the office database is unchanged because the sequence number in
``meta`` is taken only once the file is written. The next export gets the number the failed
one would have had. A package written while a second process locks the database cannot be
recorded, so it is removed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from meili_desktop.exchange.container import open_package
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import keys as key_service
from meili_desktop.services import relay
from meili_desktop.services.bundles import build_bundle
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.receipt_packages import build_receipt_package
from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import DatabaseLockedError, DiskFullError
from meili_desktop.store.meta_repo import get_meta
from tests.reliability.helpers import database_held_exclusively, table_rows
from tests.reliability.mounts import small_disk
from tests.services.package_chain import City, fill_entries, make_city, make_township, township_id
from tests.services.test_county_relay import approve_pending, enrol_county, make_county

PERIOD = "2021Q2"


@dataclass
class County:
    store: Store
    keys: key_service.UnlockedCityKeys
    waiting_package_id: str


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


def fill_up(folder: Path) -> None:
    """Write a file into ``folder`` until its file system has no space left."""
    with (folder / "filler").open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def lock_on_first_call(stack: ExitStack, database: Path) -> Callable[[int, int], None]:
    """Return a progress callback that locks ``database`` from a second process, once.

    The lock stays until ``stack`` closes, so the export writes its file and then cannot
    record it.
    """
    locked: list[bool] = []

    def lock_database(done: int, total: int) -> None:
        if not locked:
            stack.enter_context(database_held_exclusively(database))
            locked.append(True)

    return lock_database


def counter(store: Store, name: str) -> str | None:
    with store.session_factory() as session:
        return get_meta(session, f"sequence/{name}")


def merged_report(city: City, tmp_path: Path) -> str:
    """Merge a township's real report package at the office and return its package id."""
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, PERIOD)
    report = export_report_package(township, tmp_path).path
    township.dispose()
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, report, city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, unit_id, raised.value.details["fingerprint"],
                             keys_repo.APPROVED)
    with read_incoming(city.store, report, city.unlocked) as opened:
        merge(city.store, opened.incoming)
        return opened.incoming.package_id


def test_distribution_to_full_disk(city: City, tmp_path: Path) -> None:
    unit_id = township_id(city, "临平区", "塘栖镇")
    rows = table_rows(city.store.folder.database_file)
    with small_disk(tmp_path / "stick", 64) as stick:
        fill_up(stick)
        with pytest.raises(DiskFullError):
            build_distribution_package(city.store, city.unlocked, unit_id,
                                       stick / "d.mldp")

        assert sorted(path.name for path in stick.iterdir()) == ["filler"]
    assert table_rows(city.store.folder.database_file) == rows

    written = build_distribution_package(city.store, city.unlocked, unit_id,
                                         tmp_path / "d.mldp")
    assert written.sequence == 1
    assert counter(city.store, "distribution") == "1"


@pytest.mark.usefixtures("short_busy_timeout")
def test_distribution_not_recorded_removed(city: City, tmp_path: Path) -> None:
    unit_id = township_id(city, "临平区", "塘栖镇")
    database = city.store.folder.database_file
    rows = table_rows(database)
    with ExitStack() as stack:
        with pytest.raises(DatabaseLockedError):
            build_distribution_package(city.store, city.unlocked, unit_id,
                                       tmp_path / "d.mldp", progress=lock_on_first_call(
                                           stack, database))

    assert not (tmp_path / "d.mldp").exists()
    assert table_rows(database) == rows


def test_receipt_to_full_disk(city: City, tmp_path: Path) -> None:
    package_id = merged_report(city, tmp_path)
    rows = table_rows(city.store.folder.database_file)
    with small_disk(tmp_path / "stick", 64) as stick:
        fill_up(stick)
        with pytest.raises(DiskFullError):
            build_receipt_package(city.store, city.unlocked, package_id, stick / "r.mlrc")

        assert sorted(path.name for path in stick.iterdir()) == ["filler"]
    assert table_rows(city.store.folder.database_file) == rows

    written = build_receipt_package(city.store, city.unlocked, package_id,
                                    tmp_path / "r.mlrc")
    assert written.sequence == 1
    assert counter(city.store, "receipt") == "1"


@pytest.fixture
def county(city: City, tmp_path: Path) -> Iterator[County]:
    """An enrolled county office with one merged township package waiting to be forwarded."""
    store, keys = make_county(city, tmp_path)
    enrol_county(city, store, keys, tmp_path)
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, PERIOD)
    report = export_report_package(township, tmp_path).path
    township.dispose()
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(store, report, keys)
    approve_pending(store, raised.value)
    with read_incoming(store, report, keys) as opened:
        relay.keep_original(store, opened.incoming.package_id, report)
        merge(store, opened.incoming)
    yield County(store, keys, open_package(report).package_id)
    store.dispose()


def test_bundle_to_full_disk(county: County, tmp_path: Path) -> None:
    assert counter(county.store, "bundle") == "1"
    rows = table_rows(county.store.folder.database_file)

    with small_disk(tmp_path / "stick", 64) as stick:
        fill_up(stick)
        with pytest.raises(DiskFullError):
            build_bundle(county.store, county.keys, stick / "b.mlcb")

        assert sorted(path.name for path in stick.iterdir()) == ["filler"]
    assert table_rows(county.store.folder.database_file) == rows

    written = build_bundle(county.store, county.keys, tmp_path / "b.mlcb")
    assert written.header.sequence == 2
    assert written.package_ids == (county.waiting_package_id,)
    assert counter(county.store, "bundle") == "2"


@pytest.mark.usefixtures("short_busy_timeout")
def test_bundle_not_recorded_removed(county: County, tmp_path: Path) -> None:
    database = county.store.folder.database_file
    rows = table_rows(database)
    with ExitStack() as stack:
        with pytest.raises(DatabaseLockedError):
            build_bundle(county.store, county.keys, tmp_path / "b.mlcb",
                         progress=lock_on_first_call(stack, database))

    assert not (tmp_path / "b.mlcb").exists()
    assert table_rows(database) == rows
    waiting = relay.pending_forward(county.store, None).ready
    assert [item.ledger.package_id for item in waiting] == [county.waiting_package_id]
