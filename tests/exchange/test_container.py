"""Round trips through write_package and read_package, for every kind and suite."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from meili_desktop.errors import CancelledError
from meili_desktop.exchange.container import (
    KeyState,
    Sender,
    open_package,
    read_package,
    verify_header,
    write_package,
)
from meili_desktop.exchange.errors import AttachmentChangedError, TooLargeError
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.payload import Limits
from meili_desktop.exchange.stream import CHUNK_SIZE
from tests.exchange.conftest import (
    FakeKeyring,
    Keys,
    WriteReport,
    leftover_files,
    make_attachment,
)

ATTACHMENT_SIZES = [0, 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 100]


def test_report_roundtrip(keys: Keys, city_keyring: FakeKeyring, write_report: WriteReport,
                          tmp_path: Path, temp_dir: Path) -> None:
    attachments = [make_attachment(tmp_path, f"photo{size}.jpg", size, seed=size)
                   for size in ATTACHMENT_SIZES]
    records = [{"task": number, "value": f"{number}.5", "说明": "完成"} for number in range(40)]
    written = write_report(records=records, attachments=attachments)

    package = read_package(tmp_path / "report.mlp", keyring=city_keyring, temp_dir=temp_dir)

    assert package.records == records
    assert [item.sha256 for item in package.attachments] == [a.sha256 for a in attachments]
    for item, source in zip(package.attachments, attachments, strict=True):
        assert item.temp_path.read_bytes() == source.path.read_bytes()
        assert item.temp_path.name == source.sha256
        assert item.display_name == source.display_name
    assert package.header == written
    assert package.recipient_key_id == fingerprint(keys.suite.suite_id,
                                                   keys.city_working.public_key)
    package.discard()
    assert leftover_files(temp_dir) == []


def test_header_fields(keys: Keys, city_keyring: FakeKeyring, write_report: WriteReport,
                       tmp_path: Path, temp_dir: Path) -> None:
    write_report(sequence=7, periods=["2021Q1", "2021Q2"], counts={"entries": 3})
    with read_package(tmp_path / "report.mlp", keyring=city_keyring,
                      temp_dir=temp_dir) as package:
        header = package.header
    assert header.kind == "report"
    assert header.suite == keys.suite.suite_id
    assert header.sender_unit_id == "330101"
    assert header.sender_name == "西湖镇"
    assert header.sender_fingerprint == fingerprint(keys.suite.suite_id,
                                                    keys.township_a.public_key)
    assert [recipient.role for recipient in header.recipients] == ["working", "escrow"]
    assert header.sequence == 7
    assert header.periods == ("2021Q1", "2021Q2")
    assert header.counts == {"entries": 3}
    assert header.addressee == "3301"
    assert header.is_encrypted
    assert len(header.header_hash) == 64
    assert leftover_files(temp_dir) == []


def test_empty_report(city_keyring: FakeKeyring, write_report: WriteReport, tmp_path: Path,
                      temp_dir: Path) -> None:
    write_report(records=[], attachments=[], counts={})
    with read_package(tmp_path / "report.mlp", keyring=city_keyring,
                      temp_dir=temp_dir) as package:
        assert package.records == []
        assert package.attachments == []


def test_escrow_key_reads(keys: Keys, write_report: WriteReport, tmp_path: Path,
                          temp_dir: Path) -> None:
    write_report()
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a)
    keyring.add_private(keys.city_escrow)
    with read_package(tmp_path / "report.mlp", keyring=keyring, temp_dir=temp_dir) as package:
        assert package.recipient_key_id == fingerprint(keys.suite.suite_id,
                                                       keys.city_escrow.public_key)


@pytest.mark.parametrize("kind", ["distribution", "receipt"])
def test_public_kinds_roundtrip(keys: Keys, kind: str, tmp_path: Path,
                                temp_dir: Path) -> None:
    document = make_attachment(tmp_path, "通知.pdf", CHUNK_SIZE * 2 + 3)
    out = tmp_path / "out.mlp"
    write_package(out, kind, Sender("3301", "市美丽城镇办"), keys.city_signing, [],
                  [{"catalogue_version": 3}], [document], sequence=4, addressee="330101",
                  suite=keys.suite.suite_id)
    # A township laptop: the city key approved, no decryption keys at all.
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("3301", keys.city_signing)
    with read_package(out, keyring=keyring, temp_dir=temp_dir) as package:
        assert package.records == [{"catalogue_version": 3}]
        assert package.attachments[0].temp_path.read_bytes() == document.path.read_bytes()
        assert not package.header.is_encrypted
        assert package.recipient_key_id is None
    assert b"catalogue_version" in out.read_bytes()


def test_open_package_needs_no_keys(write_report: WriteReport, tmp_path: Path) -> None:
    written = write_report()
    assert open_package(tmp_path / "report.mlp") == written


def test_verify_header_without_private_key(keys: Keys, write_report: WriteReport,
                                           tmp_path: Path) -> None:
    written = write_report()
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a)
    assert verify_header(tmp_path / "report.mlp", keyring) == written


def test_package_ids_unique(write_report: WriteReport, tmp_path: Path) -> None:
    first = write_report(tmp_path / "one.mlp")
    second = write_report(tmp_path / "two.mlp")
    assert first.package_id != second.package_id
    assert first.header_hash != second.header_hash


def test_attachment_name_cleaned_on_write(city_keyring: FakeKeyring, write_report: WriteReport,
                                          tmp_path: Path, temp_dir: Path) -> None:
    source = make_attachment(tmp_path, "x.txt", 10)
    hostile = source.__class__(source.sha256, "..\\..\\CON.txt", source.size, source.path)
    write_report(attachments=[hostile])
    with read_package(tmp_path / "report.mlp", keyring=city_keyring,
                      temp_dir=temp_dir) as package:
        assert package.attachments[0].display_name == "_CON.txt"


def test_duplicate_attachments_written_once(city_keyring: FakeKeyring,
                                            write_report: WriteReport, tmp_path: Path,
                                            temp_dir: Path) -> None:
    source = make_attachment(tmp_path, "x.txt", 10)
    write_report(attachments=[source, source])
    with read_package(tmp_path / "report.mlp", keyring=city_keyring,
                      temp_dir=temp_dir) as package:
        assert len(package.attachments) == 1


def test_changed_attachment_leaves_no_file(write_report: WriteReport, tmp_path: Path) -> None:
    source = make_attachment(tmp_path, "x.txt", 1000)
    source.path.write_bytes(b"y" * 1000)
    with pytest.raises(AttachmentChangedError):
        write_report(attachments=[source])
    assert not (tmp_path / "report.mlp").exists()
    assert not [name for name in leftover_files(tmp_path) if name.endswith(".partial")]


def test_resized_attachment_rejected(write_report: WriteReport, tmp_path: Path) -> None:
    source = make_attachment(tmp_path, "x.txt", 1000)
    source.path.write_bytes(b"y" * 1001)
    with pytest.raises(AttachmentChangedError):
        write_report(attachments=[source])


def test_write_cap_on_records(write_report: WriteReport) -> None:
    with pytest.raises(TooLargeError):
        write_report(records=[{"n": 1}] * 3, limits=Limits(max_records=2))


def test_cancel_write_leaves_nothing(write_report: WriteReport, tmp_path: Path) -> None:
    source = make_attachment(tmp_path, "big.bin", 40 * CHUNK_SIZE)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done > 10 * CHUNK_SIZE:
            cancel.set()

    with pytest.raises(CancelledError):
        write_report(attachments=[source], progress=progress, cancel=cancel)
    assert leftover_files(tmp_path) == ["big.bin"]


def test_cancel_read_leaves_nothing(city_keyring: FakeKeyring, write_report: WriteReport,
                                    tmp_path: Path, temp_dir: Path) -> None:
    write_report(attachments=[make_attachment(tmp_path, "big.bin", 40 * CHUNK_SIZE)])
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 5:
            cancel.set()

    with pytest.raises(CancelledError):
        read_package(tmp_path / "report.mlp", keyring=city_keyring, temp_dir=temp_dir,
                     progress=progress, cancel=cancel)
    assert leftover_files(temp_dir) == []


def test_write_reports_progress(write_report: WriteReport, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_report(attachments=[make_attachment(tmp_path, "a.bin", 5 * CHUNK_SIZE)],
                 progress=lambda done, total: seen.append((done, total)))
    assert seen
    assert seen[-1][0] == seen[-1][1]


def test_overwrites_existing_file_atomically(city_keyring: FakeKeyring,
                                             write_report: WriteReport, tmp_path: Path,
                                             temp_dir: Path) -> None:
    (tmp_path / "report.mlp").write_bytes(b"old")
    written = write_report()
    assert open_package(tmp_path / "report.mlp") == written


def test_pending_state_names_fingerprint(keys: Keys, write_report: WriteReport,
                                         tmp_path: Path, temp_dir: Path) -> None:
    from meili_desktop.exchange.errors import PendingSenderKeyError

    write_report()
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a, KeyState.PENDING)
    keyring.add_private(keys.city_working)
    with pytest.raises(PendingSenderKeyError) as caught:
        read_package(tmp_path / "report.mlp", keyring=keyring, temp_dir=temp_dir)
    assert caught.value.details["fingerprint"] == fingerprint(keys.suite.suite_id,
                                                              keys.township_a.public_key)
