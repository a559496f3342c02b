"""``merge --dry-run`` changes nothing, checked table by table on real data folders.

A dry run verifies packages with real keys. It must not register a new township or county
key as pending, store a county's encryption key, keep a copy of a file or write an audit
event. The real merge of the same file does all of that.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_county_chain_cli import TOWNSHIP_CODE, Folders, enrol_county
from tests.reliability.helpers import folder_listing, table_rows
from tests.services.package_chain import make_city


@pytest.fixture
def chain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Folders:
    return Folders(capsys, make_city(tmp_path), tmp_path)


def township_report(chain: Folders, name: str = "report.mlrp") -> Path:
    """Set up the township laptop, fill in one entry and export its report package."""
    township_package = chain.root / "township.mldp"
    chain.ok(chain.city, "distribute", "--unit", TOWNSHIP_CODE, "-o", str(township_package),
             "--passphrase-file", str(chain.passphrase))
    chain.ok(chain.township, "init", "township", "--package", str(township_package))
    chain.ok(chain.township, "entry", "set", "--task", "13", "--period", "2021Q2", "--value",
             "85", "--status", "推进中")
    report = chain.root / name
    chain.ok(chain.township, "export", "-o", str(report))
    return report


def dry_run(chain: Folders, data_dir: Path, *paths: Path) -> tuple[int, str]:
    return chain.run(data_dir, "merge", "--dry-run", *map(str, paths), "--passphrase-file",
                     str(chain.passphrase), lang="zh_CN")


def snapshot(data_dir: Path) -> tuple[dict[str, list[tuple[object, ...]]], list[str]]:
    """Return every table's rows and the files of the folder, less logs and backups.

    SQLite's ``-wal`` and ``-shm`` files come and go with its checkpoints, so they are left
    out too; the rows show any change of data.
    """
    files = [name for name in folder_listing(data_dir)
             if not name.startswith(("logs/", "backups/"))
             and not name.endswith(("-wal", "-shm"))]
    return table_rows(data_dir / "meili.sqlite3"), files


def test_new_township_key_not_registered(chain: Folders) -> None:
    report = township_report(chain)
    before = snapshot(chain.city)

    status, output = dry_run(chain, chain.city, report)

    assert status == 25, output
    assert snapshot(chain.city) == before
    assert "试运行未登记该密钥" in output
    assert f"verify {report.name}" in output


def test_new_county_key_not_registered(chain: Folders) -> None:
    enrol = enrol_county(chain)
    before = snapshot(chain.city)

    status, output = dry_run(chain, chain.city, enrol)

    assert status == 25, output
    assert snapshot(chain.city) == before


def test_county_encryption_key_not_stored(chain: Folders) -> None:
    enrol = enrol_county(chain)
    _status, waiting = chain.merge_json(chain.city, enrol)
    county_key = waiting[0]["pending_key"]
    chain.ok(chain.city, "keys", "approve", county_key["unit_id"], county_key["fingerprint"])
    before = snapshot(chain.city)

    status, output = dry_run(chain, chain.city, enrol)

    assert status == 0, output
    assert snapshot(chain.city) == before
    status, merged = chain.merge_json(chain.city, enrol)
    assert status == 0, merged
    assert table_rows(chain.city / "meili.sqlite3")["keys"] != before[0]["keys"]


def test_bundle_of_new_township_key(chain: Folders) -> None:
    enrol = enrol_county(chain)
    _status, waiting = chain.merge_json(chain.city, enrol)
    county_key = waiting[0]["pending_key"]
    chain.ok(chain.city, "keys", "approve", county_key["unit_id"], county_key["fingerprint"])
    chain.merge_json(chain.city, enrol)
    report = township_report(chain)
    _status, at_county = chain.merge_json(chain.county, report)
    township_key = at_county[0]["pending_key"]
    chain.ok(chain.county, "keys", "approve", township_key["unit_id"],
             township_key["fingerprint"])
    chain.merge_json(chain.county, report)
    forwarded = chain.root / "forward"
    forwarded.mkdir()
    chain.ok(chain.county, "bundle", "-o", str(forwarded), "--passphrase-file",
             str(chain.passphrase))
    city_before = snapshot(chain.city)
    county_before = snapshot(chain.county)

    status, output = dry_run(chain, chain.city, forwarded)
    county_status, county_output = dry_run(chain, chain.county, report)

    assert status == 25, output
    assert snapshot(chain.city) == city_before
    assert county_status == 0, county_output
    assert snapshot(chain.county) == county_before


def test_previewed_package_changes_nothing(chain: Folders) -> None:
    report = township_report(chain)
    chain.run(chain.city, "verify", str(report))
    listed = json.loads(chain.ok(chain.city, "keys", "list", "--status", "pending", "--json"))
    chain.ok(chain.city, "keys", "approve", TOWNSHIP_CODE, listed[0]["fingerprint"])
    before = snapshot(chain.city)

    status, output = dry_run(chain, chain.city, report)

    assert status == 0, output
    assert "试运行" in output
    assert snapshot(chain.city) == before
