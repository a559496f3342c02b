"""Worker processes read real report packages ahead of the merge, in order, and clean up."""

from __future__ import annotations

import json
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.cli import main
from meili_desktop.errors import CancelledError
from meili_desktop.exchange.container import open_package
from meili_desktop.exchange.errors import (
    CorruptedError,
    PendingSenderKeyError,
    UnknownSenderKeyError,
)
from meili_desktop.services.merge import merge
from meili_desktop.services.package_pool import (
    MIN_FILES_FOR_WORKERS,
    OpenedFile,
    _PoolReader,
    open_in_order,
)
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import keys_repo, models
from meili_desktop.store.merge_lookups import merge_run_store
from tests.services.package_chain import (
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)

pytestmark = pytest.mark.slow

QUARTERS = ("2020Q1", "2020Q2", "2020Q3", "2020Q4", "2021Q1", "2021Q2", "2021Q3", "2021Q4",
            "2022Q1")


@dataclass
class Batch:
    """An office, nine approved packages of one township and two of an unknown key.

    ``pristine`` is a copy of the office's data folder before any test merged into it.
    """

    city: City
    approved: list[Path]
    unapproved: list[Path]
    pristine: Path


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    root = tmp_path_factory.mktemp("pool")
    city = make_city(root)
    township, unit_id = make_township(city, root)
    evidence = root / "现场照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"photo" * 4000)
    approved = []
    for quarter in QUARTERS:
        fill_entries(township, unit_id, quarter, evidence)
        approved.append(export_report_package(township, root / f"{quarter}.mlrp",
                                               [quarter]).path)
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, approved[0], city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, unit_id, raised.value.details["fingerprint"],
                             keys_repo.APPROVED)

    other, other_id = make_township(city, root, "余杭区", "五常街道")
    unapproved = []
    for quarter in QUARTERS[:2]:
        fill_entries(other, other_id, quarter)
        unapproved.append(export_report_package(other, root / f"other-{quarter}.mlrp",
                                                [quarter]).path)
    # Copying the files of a database this process has open would drop SQLite's locks on
    # them (POSIX locks belong to the process), so the connections are closed first.
    with city.store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    city.store.engine.dispose()
    pristine = root / "pristine office"
    shutil.copytree(city.store.folder.root, pristine)
    return Batch(city, approved, unapproved, pristine)


def package_folders(batch: Batch) -> list[Path]:
    # Each process decrypts into its own subfolder of the temporary folder.
    return sorted(batch.city.store.folder.temp_dir.glob("*/package-*"))


def describe(item: OpenedFile) -> tuple[str, str]:
    if item.opened is not None:
        return item.path.name, item.opened.incoming.package_id
    assert item.error is not None
    return item.path.name, item.error.code


def test_pool_reads_like_one_process(batch: Batch, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.mlrp"
    data = bytearray(batch.approved[3].read_bytes())
    data[-40] ^= 0x01
    damaged.write_bytes(bytes(data))
    files = [*batch.approved[:3], damaged, *batch.approved[3:]]
    assert len(files) >= MIN_FILES_FOR_WORKERS

    results = {}
    for workers in (0, 1):
        with open_in_order(batch.city.store, batch.city.unlocked, files, workers=workers,
                           read_while_starting=False) as items:
            results[workers] = []
            for item in items:
                results[workers].append(describe(item))
                if item.opened is not None:
                    assert item.opened.incoming.attachment_files
                item.discard()

    assert results[1] == results[0]
    assert [name for name, _ in results[1]] == [path.name for path in files]
    assert results[1][3][1] == CorruptedError.code
    assert package_folders(batch) == []


def test_dry_run_registers_no_key(batch: Batch) -> None:
    files = [*batch.unapproved, *batch.approved[:MIN_FILES_FOR_WORKERS]]
    inbox = batch.city.store.folder.root / "inbox"
    kept_before = sorted(inbox.iterdir())
    with batch.city.store.session_factory() as session:
        keys_before = session.scalars(select(models.Key.fingerprint)).all()

    with open_in_order(batch.city.store, batch.city.unlocked, files, workers=1,
                       read_while_starting=False, register_keys=False) as items:
        errors = []
        for item in items:
            errors.append(item.error)
            item.discard()

    assert [error.code if error else None for error in errors[:2]] == \
        [UnknownSenderKeyError.code] * 2
    assert errors[1] is not None
    assert errors[1].details["unit"].startswith("五常街道")
    with batch.city.store.session_factory() as session:
        assert session.scalars(select(models.Key.fingerprint)).all() == keys_before
    assert sorted(inbox.iterdir()) == kept_before


def test_unknown_key_registered_once(batch: Batch) -> None:
    files = [*batch.unapproved, *batch.approved[:MIN_FILES_FOR_WORKERS]]

    with open_in_order(batch.city.store, batch.city.unlocked, files, workers=1,
                       read_while_starting=False) as items:
        outcomes = []
        for item in items:
            outcomes.append(describe(item)[1])
            item.discard()

    assert outcomes[:2] == [PendingSenderKeyError.code] * 2
    with batch.city.store.session_factory() as session:
        pending = session.scalars(select(models.Key).where(
            models.Key.status == keys_repo.PENDING)).all()
    assert len(pending) == 1
    # The first file signed by the new key is kept for after the approval, as the reader
    # in one process keeps it.
    first = batch.unapproved[0]
    kept = batch.city.store.folder.root / "inbox" / f"{open_package(first).package_id}.mlrp"
    assert kept.read_bytes() == first.read_bytes()


def test_cancel_stops_reading(batch: Batch) -> None:
    cancel = threading.Event()
    taken = []

    with pytest.raises(CancelledError):
        with open_in_order(batch.city.store, batch.city.unlocked, batch.approved, workers=1,
                           cancel=cancel, read_while_starting=False) as items:
            for item in items:
                taken.append(item.path)
                item.discard()
                cancel.set()

    assert taken == batch.approved[:1]
    assert package_folders(batch) == []


def test_stopping_early_discards_read_ahead(batch: Batch) -> None:
    with open_in_order(batch.city.store, batch.city.unlocked, batch.approved, workers=2,
                       read_while_starting=False) as items:
        first = next(items)
        assert first.opened is not None
    first.discard()

    assert package_folders(batch) == []


def test_reads_here_until_worker_starts(batch: Batch) -> None:
    files = batch.approved
    reader = _PoolReader(batch.city.store, batch.city.unlocked, files, 1, None, True)
    try:
        results = reader.results()
        taken = [next(results)]
        # The worker takes about a second to start, so the first file was read here.
        assert reader.files_to_workers == 0
        deadline = time.monotonic() + 60
        while not reader._ready_workers():
            assert time.monotonic() < deadline, "the worker process did not start"
            time.sleep(0.05)
        taken += list(results)
    finally:
        reader.close()
    for item in taken:
        item.discard()

    assert [item.path for item in taken] == files
    assert all(item.error is None for item in taken)
    assert reader.files_to_workers == len(files) - 1
    assert package_folders(batch) == []


def test_merged_through_pool(batch: Batch) -> None:
    outcomes = []

    with merge_run_store(batch.city.store) as run_store, \
            open_in_order(batch.city.store, batch.city.unlocked, batch.approved,
                          workers=2) as items:
        for item in items:
            assert item.opened is not None, item.error
            try:
                outcomes.append(merge(run_store, item.opened.incoming).counts["new"])
            finally:
                item.discard()

    assert outcomes == [3] * len(batch.approved)
    with batch.city.store.session_factory() as session:
        links = session.scalars(select(models.EntryAttachment)).all()
    assert len(links) == len(batch.approved)


def test_merge_command_reads_ahead(batch: Batch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    office = tmp_path / "office"
    shutil.copytree(batch.pristine, office)
    folder = tmp_path / "packages"
    folder.mkdir()
    damaged = folder / "2020Q3-damaged.mlrp"
    for path in batch.approved:
        shutil.copyfile(path, folder / path.name)
    damaged.write_bytes(b"not a package")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    capsys.readouterr()

    status = main(["--data-dir", str(office), "merge", str(folder), "--passphrase-file",
                   str(passphrase), "--json"])

    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status != 0
    assert [line["file"] for line in lines] == sorted(path.name for path in folder.iterdir())
    outcomes = {line["file"]: line["outcome"] for line in lines}
    assert outcomes.pop(damaged.name) == "rejected"
    assert set(outcomes.values()) == {"merged"}
    assert [line["new"] for line in lines if line["outcome"] == "merged"] == \
        [3] * len(batch.approved)
