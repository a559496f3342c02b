"""A county follows the city's change of cipher suite through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import open_store
from tests.cli.test_county_chain_cli import COUNTY, Folders, enrol_county
from tests.services.package_chain import make_city


@pytest.fixture
def chain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Folders:
    return Folders(capsys, make_city(tmp_path), tmp_path)


def county_suites(chain: Folders) -> list[tuple[str, str, str]]:
    store = open_store(chain.county)
    try:
        with store.session_factory() as session:
            return sorted((record.purpose, record.suite, record.status)
                          for record in keys_repo.list_keys(session, own_only=True))
    finally:
        store.dispose()


def test_county_follows_suite_from_cli(chain: Folders) -> None:
    enrol_county(chain)
    chain.ok(chain.city, "office-keys", "rotate", "--suite", "G1", "--escrow-file",
             str(chain.root / "escrow-G1.mlkey"), "--passphrase-file", str(chain.passphrase))
    package = chain.root / "county-2.mldp"
    chain.ok(chain.city, "distribute", "--unit", COUNTY, "-o", str(package),
             "--passphrase-file", str(chain.passphrase))
    before = county_suites(chain)

    status, output = chain.run(chain.county, "import", str(package), lang="zh_CN")

    assert status == 2
    assert "init county --package FILE" in output
    assert "G1" in output
    assert county_suites(chain) == before

    chain.ok(chain.county, "init", "county", "--package", str(package), "--passphrase-file",
             str(chain.passphrase))
    assert county_suites(chain) == [("encryption", "C1", "retired"),
                                    ("encryption", "G1", "approved"),
                                    ("signing", "C1", "retired"),
                                    ("signing", "G1", "approved")]
    bundle = chain.root / "enrol-G1.mlcb"
    chain.ok(chain.county, "bundle", "--enrol", "-o", str(bundle), "--passphrase-file",
             str(chain.passphrase))
    status, outcomes = chain.merge_json(chain.city, bundle)
    assert status == 25
    assert outcomes[0]["pending_key"]["unit_id"]
