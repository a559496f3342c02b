"""Two laptops of one township, and a reinstalled laptop, reporting to the city with real keys.

Each laptop is set up from the city's distribution package, so it has its own signing key and
numbers its packages from 1. The office approves each key as it would after a phone call.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.exchange.errors import ContentMismatchError, PendingSenderKeyError
from meili_desktop.exchange.laptop_keys import KeyLink
from meili_desktop.services import laptop_links
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.entries import set_entry_fields
from meili_desktop.services.merge import MergeResult, merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import keys_repo, models
from meili_desktop.store.datafolder import Store, open_store
from tests.services.package_chain import PASSPHRASE, City, make_city, township_id

PERIOD = "2021Q2"
# A signing key the office has not seen, standing for the key of the package being checked.
CURRENT_KEY = "11111 00000 00000 00000 00000 00000 00000 00000"


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def distribution(city: City, tmp_path: Path) -> Path:
    path = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked, township_id(city, "临平区", "塘栖镇"),
                               path)
    return path


def laptop(distribution: Path, folder: Path) -> Store:
    """Set up a laptop from the distribution package."""
    store = open_store(folder)
    import_distribution_package(store, distribution)
    return store


def set_value(store: Store, task: int, value: str, narrative: str = "") -> None:
    unit_id = township_unit(store)
    set_entry_fields(store, active_catalogue(store), EntryKey(unit_id, task, PERIOD),
                     {"status": Status.IN_PROGRESS, "value": Decimal(value),
                      "narrative": narrative})


def township_unit(store: Store) -> str:
    with store.session_factory() as session:
        return str(session.scalar(select(models.Meta.value)
                                  .where(models.Meta.key == "own_unit_id")))


def export(store: Store, path: Path) -> Path:
    return export_report_package(store, path, [PERIOD]).path


def merge_file(city: City, path: Path) -> MergeResult:
    """Merge a package, approving its key first when the office has not seen it."""
    try:
        opened = read_incoming(city.store, path, city.unlocked)
    except PendingSenderKeyError as error:
        with city.store.session_factory.begin() as session:
            keys_repo.set_status(session, error.details["unit_id"],
                                 error.details["fingerprint"], keys_repo.APPROVED)
        opened = read_incoming(city.store, path, city.unlocked)
    with opened:
        return merge(city.store, opened.incoming)


def office_entry(city: City, unit_id: str, task: int) -> models.Entry:
    with city.store.session_factory() as session:
        row = session.scalar(select(models.Entry).where(
            models.Entry.unit_id == unit_id, models.Entry.task_number == task,
            models.Entry.period_code == PERIOD))
        assert row is not None
        session.expunge(row)
        return row


def open_conflicts(city: City) -> list[models.MergeItem]:
    with city.store.session_factory() as session:
        return list(session.scalars(select(models.MergeItem).where(
            models.MergeItem.kind == "conflict", models.MergeItem.state == "open")))


def merge_json(capsys: pytest.CaptureFixture[str], city: City, path: Path,
               passphrase_file: Path) -> dict[str, Any]:
    capsys.readouterr()
    status = main(["--data-dir", str(city.store.folder.root), "merge", str(path),
                   "--passphrase-file", str(passphrase_file), "--json"])
    output = capsys.readouterr().out
    assert status == 0, output
    document: dict[str, Any] = json.loads(output.splitlines()[-1])
    return document


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def test_second_laptop_first_package_merged(city: City, distribution: Path,
                                            tmp_path: Path) -> None:
    first = laptop(distribution, tmp_path / "laptop-1")
    second = laptop(distribution, tmp_path / "laptop-2")
    set_value(first, 13, "85")
    set_value(second, 19, "60")

    merge_file(city, export(first, tmp_path / "first.mlrp"))
    result = merge_file(city, export(second, tmp_path / "second.mlrp"))

    assert result.outcome == "merged"
    assert result.counts["new"] == 1


def test_reinstalled_laptop_after_approval(city: City, distribution: Path,
                                           tmp_path: Path) -> None:
    old = laptop(distribution, tmp_path / "old")
    set_value(old, 13, "70")
    merge_file(city, export(old, tmp_path / "old-1.mlrp"))
    set_value(old, 13, "75")
    merge_file(city, export(old, tmp_path / "old-2.mlrp"))
    reinstalled = laptop(distribution, tmp_path / "reinstalled")
    set_value(reinstalled, 19, "42")
    package = export(reinstalled, tmp_path / "new-1.mlrp")

    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, package, city.unlocked)
    result = merge_file(city, package)

    assert result.counts["new"] == 1
    assert office_entry(city, township_unit(old), 13).value == "75"


def test_diverging_laptops_conflict_json(capsys: pytest.CaptureFixture[str], city: City,
                                         distribution: Path, tmp_path: Path,
                                         passphrase_file: Path) -> None:
    first = laptop(distribution, tmp_path / "laptop-1")
    second = laptop(distribution, tmp_path / "laptop-2")
    set_value(first, 13, "85", "一号机填写")
    set_value(second, 13, "60", "二号机填写")
    set_value(second, 13, "61", "二号机改过")
    merge_file(city, export(first, tmp_path / "first.mlrp"))
    merge_file(city, export(second, tmp_path / "enrol.mlrp"))
    set_value(second, 13, "62", "二号机再改")

    document = merge_json(capsys, city, export(second, tmp_path / "second.mlrp"),
                          passphrase_file)

    assert document["outcome"] == "merged"
    assert document["conflict"] == 1
    assert document["updated"] == 0
    assert document["rejected"] is None
    row = office_entry(city, township_unit(first), 13)
    assert row.value == "85"
    values = sorted(item.incoming["value"] for item in open_conflicts(city))
    assert values == ["61", "62"]


def test_same_content_two_laptops_json(capsys: pytest.CaptureFixture[str], city: City,
                                       distribution: Path, tmp_path: Path,
                                       passphrase_file: Path) -> None:
    first = laptop(distribution, tmp_path / "laptop-1")
    second = laptop(distribution, tmp_path / "laptop-2")
    set_value(first, 13, "85", "同样内容")
    set_value(second, 13, "85", "同样内容")
    merge_file(city, export(first, tmp_path / "first.mlrp"))
    set_value(second, 19, "10")
    merge_file(city, export(second, tmp_path / "enrol.mlrp"))

    document = merge_json(capsys, city, export(second, tmp_path / "second.mlrp"),
                          passphrase_file)

    assert document["unchanged"] == 2
    assert document["conflict"] == 0
    assert open_conflicts(city) == []


def test_new_key_same_laptop_linked(city: City, distribution: Path, tmp_path: Path) -> None:
    township = laptop(distribution, tmp_path / "laptop")
    set_value(township, 13, "70")
    merge_file(city, export(township, tmp_path / "before.mlrp"))
    with township.session_factory.begin() as session:
        for record in keys_repo.list_keys(session, purpose="signing", own_only=True):
            keys_repo.set_status(session, record.owner_unit_id, record.fingerprint,
                                 keys_repo.RETIRED)
    set_value(township, 13, "77")

    package = export(township, tmp_path / "after.mlrp")
    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, package, city.unlocked)
    result = merge_file(city, package)

    assert result.counts["updated"] == 1
    assert result.counts["conflict"] == 0
    assert office_entry(city, township_unit(township), 13).value == "77"


def test_forged_key_link_rejected(city: City, distribution: Path, tmp_path: Path) -> None:
    township = laptop(distribution, tmp_path / "laptop")
    set_value(township, 13, "70")
    package = export(township, tmp_path / "first.mlrp")
    merge_file(city, package)
    with city.store.session_factory() as session:
        earlier = session.scalar(select(models.ImportedPackage.sender_fingerprint))
    assert earlier
    unit_id = township_unit(township)
    forged = KeyLink("C1", earlier, b"\x00" * 64)

    with city.store.session_factory() as session, pytest.raises(ContentMismatchError) as raised:
        laptop_links.verify_earlier_keys(session, unit_id, CURRENT_KEY, [forged],
                                         "forged.mlrp")

    assert raised.value.details["reason"] == "invalid_laptop_key"


def test_unknown_earlier_key_skipped(city: City, distribution: Path, tmp_path: Path) -> None:
    township = laptop(distribution, tmp_path / "laptop")
    unit_id = township_unit(township)
    unknown = KeyLink("C1", "12345 67890 12345 67890 12345 67890 12345 67890", b"\x00" * 64)

    with city.store.session_factory() as session:
        confirmed = laptop_links.verify_earlier_keys(session, unit_id, CURRENT_KEY, [unknown],
                                                     "unknown.mlrp")

    assert confirmed == ()
