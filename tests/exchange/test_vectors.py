"""Golden vectors: committed packages must stay readable, and C1 ones reproducible."""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.exchange.container import read_package
from meili_desktop.exchange.fingerprints import fingerprint
from tests.exchange.conftest import FakeKeyring
from tests.exchange.make_vectors import (
    ATTACHMENT_NAME,
    RECORDS,
    VECTORS_DIR,
    attachment_bytes,
    load_keys,
    write_vector,
)

CASES = [("C1", "report"), ("C1", "distribution"), ("G1", "report"), ("G1", "distribution")]


def _keyring(suite_id: str, kind: str) -> FakeKeyring:
    keys = load_keys(suite_id)
    keyring = FakeKeyring(suite_id)
    if kind == "report":
        keyring.approve("330106001", keys["township_signing"])
        keyring.add_private(keys["city_escrow"])
    else:
        keyring.approve("3301", keys["city_signing"])
    return keyring


@pytest.mark.parametrize(("suite_id", "kind"), CASES)
def test_vector_reads(suite_id: str, kind: str, tmp_path: Path) -> None:
    path = VECTORS_DIR / f"{suite_id.lower()}_{kind}.mlp"
    with read_package(path, keyring=_keyring(suite_id, kind), temp_dir=tmp_path) as package:
        assert package.records == RECORDS
        assert package.attachments[0].display_name == ATTACHMENT_NAME
        assert package.attachments[0].temp_path.read_bytes() == attachment_bytes()
        assert package.header.suite == suite_id
        assert package.header.created_at == "2021-04-06T09:30:00Z"
        assert package.header.format_version == (1, 0)


def test_vector_recipient_ids(tmp_path: Path) -> None:
    keys = load_keys("C1")
    path = VECTORS_DIR / "c1_report.mlp"
    with read_package(path, keyring=_keyring("C1", "report"), temp_dir=tmp_path) as package:
        assert [item.key_id for item in package.header.recipients] == [
            fingerprint("C1", keys["city_working"].public_key),
            fingerprint("C1", keys["city_escrow"].public_key)]


@pytest.mark.parametrize("kind", ["report", "distribution"])
def test_c1_vector_reproducible(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "again.mlp"
    write_vector("C1", kind, load_keys("C1"), out, tmp_path)
    assert out.read_bytes() == (VECTORS_DIR / f"c1_{kind}.mlp").read_bytes()
