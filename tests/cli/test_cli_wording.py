"""Command-line input and output as a Chinese clerk types and reads it.

Fingerprints are read out over the phone and typed with whatever the input method gives;
times are shown in the computer's own time zone.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange.fingerprints import normalize_fingerprint
from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import open_store
from tests.services.merge_support import TOWN_A, open_office_store

FINGERPRINT = "12345 67890 13579 24680 11111 22222 33333 44444"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def office(data_dir: Path) -> Path:
    """An office data folder with one pending signing key of 五常街道."""
    store = open_office_store(data_dir)
    with store.session_factory.begin() as session:
        keys_repo.add_key(session, fingerprint=FINGERPRINT, owner_unit_id=TOWN_A,
                          purpose="signing", suite="C1", public_key=b"\x02" * 32,
                          status=keys_repo.PENDING)
    store.dispose()
    return data_dir


@pytest.mark.parametrize("typed", [
    "１２３４５ ６７８９０ １３５７９ ２４６８０ １１１１１ ２２２２２ ３３３３３ ４４４４４",
    "12345-67890-13579-24680-11111-22222-33333-44444",
    "12345－67890－13579－24680－11111－22222－33333－44444",
    "12345—67890—13579—24680—11111—22222—33333—44444",
    "12345　67890　13579　24680　11111　22222　33333　44444",
    "12345、67890、13579、24680、11111、22222、33333、44444",
])
def test_fingerprint_typed_forms(typed: str) -> None:
    assert normalize_fingerprint(typed) == FINGERPRINT


def test_fingerprint_other_digits_rejected() -> None:
    assert normalize_fingerprint("١٢٣٤٥ 67890 13579 24680 11111 22222 33333 44444") is None


def test_keys_approve_full_width(capsys: pytest.CaptureFixture[str], office: Path) -> None:
    status, output = run(capsys, office, "keys", "approve", "五常街道",
                         "１２３４５－６７８９０－１３５７９－２４６８０－"
                         "１１１１１－２２２２２－３３３３３－４４４４４")

    assert status == 0, output
    store = open_store(office)
    with store.session_factory() as session:
        record = keys_repo.find_sender_key(session, TOWN_A, FINGERPRINT)
    store.dispose()
    assert record is not None
    assert record.status == keys_repo.APPROVED


def test_backup_list_names_zone(capsys: pytest.CaptureFixture[str], office: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        status, output = run(capsys, office, "backup", "create")
        assert status == 0, output

        status, output = run(capsys, office, "backup", "list")
    finally:
        monkeypatch.undo()
        time.tzset()

    assert status == 0, output
    assert "UTC+08:00" in output
