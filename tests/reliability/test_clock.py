"""A township laptop whose clock is years off: packages merge by revision, the office is warned.

The township's edits and exports run in a child process under libfaketime, so every clock
reading in the program (entry times, package creation time) is wrong, as on the laptop.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import read_incoming
from meili_desktop.store import keys_repo, models
from tests.services.package_chain import City, make_city, make_township

ROOT = Path(__file__).resolve().parents[2]
LIBFAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path)
    yield made
    made.store.dispose()


def export_with_clock(data_dir: Path, out_file: Path, clock: str, value: str,
                      narrative: str) -> dict[str, object]:
    """Edit task 13 and export a report package on a laptop whose clock reads ``clock``."""
    if not LIBFAKETIME.exists():
        pytest.skip("libfaketime is not installed (Debian package libfaketime)")
    environment = dict(os.environ, LD_PRELOAD=str(LIBFAKETIME), FAKETIME=f"@{clock}",
                       FAKETIME_DONT_FAKE_MONOTONIC="1")
    result = subprocess.run(
        [sys.executable, "-m", "tests.reliability.clock_child", str(data_dir), str(out_file),
         value, narrative], cwd=ROOT, env=environment, capture_output=True, text=True,
        timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def import_package(city: City, path: Path) -> None:
    with read_incoming(city.store, path, city.unlocked) as opened:
        merge(city.store, opened.incoming)


def approve_all_signing_keys(city: City) -> None:
    with city.store.session_factory.begin() as session:
        for key in session.scalars(select(models.Key).where(models.Key.purpose == "signing")):
            if key.status == keys_repo.PENDING:
                key.status = keys_repo.APPROVED


@pytest.mark.parametrize("order", ["in order", "reversed"])
def test_wrong_clock_merges_by_revision(city: City, tmp_path: Path, order: str) -> None:
    township, unit_id = make_township(city, tmp_path)
    data_dir = township.folder.root
    township.dispose()

    ahead = export_with_clock(data_dir, tmp_path / "first.mlp", "2031-06-01 08:00:00", "85",
                              "时钟快了十年时填报")
    behind = export_with_clock(data_dir, tmp_path / "second.mlp", "2016-02-01 08:00:00", "90",
                               "时钟慢了十年时改正")
    assert str(ahead["clock"]).startswith("2031")
    assert str(behind["clock"]).startswith("2016")
    assert (ahead["sequence"], behind["sequence"]) == (1, 2)
    assert (ahead["revision"], behind["revision"]) == (1, 2)

    paths = [tmp_path / "first.mlp", tmp_path / "second.mlp"]
    if order == "reversed":
        paths.reverse()
    for path in paths:
        try:
            import_package(city, path)
        except PendingSenderKeyError:
            # The township's first package registers its key; the office approves it.
            approve_all_signing_keys(city)
            import_package(city, path)

    with city.store.session_factory() as session:
        entry = session.scalars(select(models.Entry).where(
            models.Entry.unit_id == unit_id, models.Entry.task_number == 13,
            models.Entry.period_code == "2021Q2")).one()
        ledger = {row.sequence: row for row in session.scalars(
            select(models.ImportedPackage).where(models.ImportedPackage.sender_unit_id == unit_id,
                                                 models.ImportedPackage.kind == "report"))}

    assert entry.revision == 2
    assert entry.value == "90"
    assert entry.narrative == "时钟慢了十年时改正"
    assert sorted(ledger) == [1, 2]
    assert ledger[1].is_clock_suspicious
    assert ledger[2].is_clock_suspicious
    assert ledger[1].claimed_created_at.year == 2031
    assert ledger[2].claimed_created_at.year == 2016


def test_right_clock_not_flagged(city: City, tmp_path: Path) -> None:
    township, unit_id = make_township(city, tmp_path)
    data_dir = township.folder.root
    township.dispose()
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    export_with_clock(data_dir, tmp_path / "on-time.mlp", now, "85", "时钟正确")

    try:
        import_package(city, tmp_path / "on-time.mlp")
    except PendingSenderKeyError:
        approve_all_signing_keys(city)
        import_package(city, tmp_path / "on-time.mlp")

    with city.store.session_factory() as session:
        record = session.scalars(select(models.ImportedPackage).where(
            models.ImportedPackage.sender_unit_id == unit_id)).one()
    assert record.is_clock_suspicious is False
