"""The county relay driven through the command line only, from set-up to the city's merge.

The city sets up a county office from its distribution package, the county enrols with an
empty bundle, a township reports to the county, and the county forwards the township's
original package to the city in a bundle. Every step runs ``main`` on real data folders with
real keys and packages; only the city's passphrase hashing is cheap.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.cli import main
from meili_desktop.store import entries_repo
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import PASSPHRASE, City, make_city

TOWNSHIP_CODE = "330110102"
COUNTY = "临平区"


class Folders:
    """Run commands on the city, county and township data folders of one chain."""

    def __init__(self, capsys: pytest.CaptureFixture[str], city: City, root: Path) -> None:
        self.capsys = capsys
        self.city = city.store.folder.root
        self.county = root / "county"
        self.township = root / "township"
        self.root = root
        self.passphrase = root / "passphrase.txt"
        self.passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")

    def run(self, data_dir: Path, *arguments: str, lang: str = "en") -> tuple[int, str]:
        """Run one command and return its exit status and its stdout and stderr together."""
        self.capsys.readouterr()
        status = main(["--data-dir", str(data_dir), "--lang", lang, *arguments])
        captured = self.capsys.readouterr()
        return status, captured.out + captured.err

    def ok(self, data_dir: Path, *arguments: str) -> str:
        status, output = self.run(data_dir, *arguments)
        assert status == 0, output
        return output

    def merge_json(self, data_dir: Path, *paths: Path) -> tuple[int, list[dict[str, Any]]]:
        status, output = self.run(data_dir, "merge", *map(str, paths), "--passphrase-file",
                                  str(self.passphrase), "--json")
        return status, [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.fixture
def chain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Folders:
    return Folders(capsys, make_city(tmp_path), tmp_path)


def enrol_county(chain: Folders) -> Path:
    """Set the county up from its distribution package and write its enrolment bundle."""
    county_package = chain.root / "county.mldp"
    chain.ok(chain.city, "distribute", "--unit", COUNTY, "-o", str(county_package),
             "--passphrase-file", str(chain.passphrase))
    chain.ok(chain.county, "init", "county", "--package", str(county_package),
             "--passphrase-file", str(chain.passphrase))
    enrol = chain.root / "enrol.mlcb"
    chain.ok(chain.county, "bundle", "--enrol", "-o", str(enrol), "--passphrase-file",
             str(chain.passphrase))
    return enrol


def test_enrol_bundle_waits_for_key(chain: Folders) -> None:
    enrol = enrol_county(chain)

    status, outcomes = chain.merge_json(chain.city, enrol)

    assert status == 25
    assert len(outcomes) == 1
    assert outcomes[0]["kind"] == "bundle"
    assert outcomes[0]["outcome"] == "pending_key"
    assert outcomes[0]["rejected"] is None
    listed = json.loads(chain.ok(chain.city, "keys", "list", "--status", "pending", "--json"))
    assert [key["unit_name"] for key in listed] == [COUNTY]
    assert outcomes[0]["pending_key"]["unit_id"] == listed[0]["unit_id"]
    assert outcomes[0]["pending_key"]["fingerprint"] == listed[0]["fingerprint"]


def test_enrol_text_says_waiting(chain: Folders) -> None:
    enrol = enrol_county(chain)

    status, output = chain.run(chain.city, "merge", str(enrol), "--passphrase-file",
                               str(chain.passphrase), lang="zh_CN")

    assert status == 25
    assert "拒收" not in output
    assert "keys approve" in output


def test_whole_county_chain(chain: Folders) -> None:
    enrol = enrol_county(chain)
    _status, waiting = chain.merge_json(chain.city, enrol)
    county_key = waiting[0]["pending_key"]
    chain.ok(chain.city, "keys", "approve", county_key["unit_id"], county_key["fingerprint"])
    status, enrolled = chain.merge_json(chain.city, enrol)
    assert status == 0
    assert [item["outcome"] for item in enrolled] == ["verified"]
    assert enrolled[0]["packages"] == 0

    # The township's distribution package, written after the enrolment, names the county.
    township_package = chain.root / "township.mldp"
    chain.ok(chain.city, "distribute", "--unit", TOWNSHIP_CODE, "-o", str(township_package),
             "--passphrase-file", str(chain.passphrase))
    chain.ok(chain.township, "init", "township", "--package", str(township_package))
    chain.ok(chain.township, "entry", "set", "--task", "13", "--period", "2021Q2", "--value",
             "85", "--status", "推进中")
    report = chain.root / "report.mlrp"
    chain.ok(chain.township, "export", "-o", str(report))

    status, at_county = chain.merge_json(chain.county, report)
    assert status == 25
    township_key = at_county[0]["pending_key"]
    chain.ok(chain.county, "keys", "approve", township_key["unit_id"],
             township_key["fingerprint"])
    status, at_county = chain.merge_json(chain.county, report)
    assert status == 0, at_county
    assert at_county[0]["outcome"] == "merged"
    assert at_county[0]["new"] == 1

    forwarded = chain.root / "forward"
    forwarded.mkdir()
    chain.ok(chain.county, "bundle", "-o", str(forwarded), "--passphrase-file",
             str(chain.passphrase))
    assert [path.suffix for path in forwarded.iterdir()] == [".mlcb"]

    # The city meets the township's key for the first time inside the bundle.
    status, at_city = chain.merge_json(chain.city, forwarded)
    assert status == 25
    assert [item["kind"] for item in at_city] == ["bundle", "report"]
    assert at_city[0]["outcome"] == "verified"
    assert at_city[0]["packages"] == 1
    assert at_city[1]["outcome"] == "pending_key"
    assert at_city[1]["bundle"] == at_city[0]["file"]
    assert at_city[1]["pending_key"]["fingerprint"] == township_key["fingerprint"]
    chain.ok(chain.city, "keys", "approve", TOWNSHIP_CODE, township_key["fingerprint"])

    status, at_city = chain.merge_json(chain.city, forwarded)
    assert status == 0, at_city
    assert at_city[1]["outcome"] == "merged"
    assert at_city[1]["sender"] == township_key["unit_id"]
    assert at_city[1]["new"] == 1
    store = open_store(chain.city)
    with store.session_factory() as session:
        stored = entries_repo.list_entries(session, township_key["unit_id"], "2021Q2")
    store.dispose()
    assert sorted(stored) == [13]

    status, output = chain.run(chain.city, "merge", str(forwarded), "--passphrase-file",
                               str(chain.passphrase))
    assert status == 0, output
    lines = output.splitlines()
    assert "county bundle" in lines[0]
    assert lines[1].startswith("  ")
    assert "merged before" in lines[1]


def test_folder_merge_finds_bundles(chain: Folders) -> None:
    enrol = enrol_county(chain)
    folder = chain.root / "incoming"
    folder.mkdir()
    enrol.rename(folder / enrol.name)

    status, outcomes = chain.merge_json(chain.city, folder)

    assert status == 25
    assert [item["file"] for item in outcomes] == ["enrol.mlcb"]


def test_dry_run_keeps_no_bundle_copy(chain: Folders) -> None:
    enrol = enrol_county(chain)
    _status, waiting = chain.merge_json(chain.city, enrol)
    county_key = waiting[0]["pending_key"]
    chain.ok(chain.city, "keys", "approve", county_key["unit_id"], county_key["fingerprint"])

    status, output = chain.run(chain.city, "merge", "--dry-run", str(enrol),
                               "--passphrase-file", str(chain.passphrase))

    assert status == 0, output
    assert "verified" in output
    assert not (chain.city / "bundles").exists()

