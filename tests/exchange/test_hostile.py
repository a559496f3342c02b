"""Hostile and damaged packages: each is rejected with its own error and leaves no file."""

from __future__ import annotations

import base64
import json
import os
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.exchange import payload as payload_module
from meili_desktop.exchange import writer as writer_module
from meili_desktop.exchange.canonical import canonical_json
from meili_desktop.exchange.container import KeyState, Sender, read_package, write_package
from meili_desktop.exchange.errors import (
    BadSignatureError,
    CorruptedError,
    ExchangeError,
    NotAPackageError,
    PendingSenderKeyError,
    RejectedSenderKeyError,
    RelabelledError,
    SizeMismatchError,
    SuiteUnavailableError,
    TooLargeError,
    TrailingDataError,
    TruncatedError,
    UnknownSenderKeyError,
    UnsafeNameError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.header import HEADER_SIGNATURE_CONTEXT, encode_prefix, encode_signature
from meili_desktop.exchange.payload import Limits
from meili_desktop.exchange.stream import CHUNK_SIZE, TAG_SIZE, ChunkSealer
from meili_desktop.exchange.suites.base import KeyPair
from tests.exchange.conftest import (
    FakeKeyring,
    Keys,
    WriteReport,
    leftover_files,
    make_attachment,
)


def _layout(data: bytes) -> tuple[int, int, int]:
    """Return (header end, signature start, payload start) offsets."""
    (header_length,) = struct.unpack(">I", data[12:16])
    header_end = 16 + header_length
    (signature_length,) = struct.unpack(">H", data[header_end:header_end + 2])
    return header_end, header_end + 2, header_end + 2 + signature_length


def _header(data: bytes) -> dict[str, Any]:
    header_end, _, _ = _layout(data)
    return json.loads(data[16:header_end])


def _resign(data: bytes, header: dict[str, Any], signer: KeyPair, suite_id: str) -> bytes:
    """Replace the header and sign it with ``signer``, keeping the payload bytes."""
    from meili_desktop.exchange.suites import get_suite

    _, _, payload_start = _layout(data)
    prefix = encode_prefix(header)
    signature = get_suite(suite_id).sign(signer.private_key, HEADER_SIGNATURE_CONTEXT + prefix)
    return prefix + encode_signature(signature) + data[payload_start:]


def _rejects(path: Path, error: type[ExchangeError], keyring: FakeKeyring, temp_dir: Path,
             **options: Any) -> ExchangeError:
    with pytest.raises(error) as caught:
        read_package(path, keyring=keyring, temp_dir=temp_dir, **options)
    assert leftover_files(temp_dir) == []
    return caught.value


@pytest.fixture
def report(write_report: WriteReport, tmp_path: Path) -> Path:
    """A report with a multi-chunk attachment (payload of five chunks)."""
    write_report(attachments=[make_attachment(tmp_path, "photo.jpg", 4 * CHUNK_SIZE + 50)])
    return tmp_path / "report.mlp"


def _write_bytes(tmp_path: Path, data: bytes, name: str = "hostile.mlp") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_truncated_at_chunk_boundaries(report: Path, city_keyring: FakeKeyring,
                                       tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    _, _, payload_start = _layout(data)
    boundaries = [payload_start + index * (CHUNK_SIZE + TAG_SIZE) for index in range(5)]
    middles = [boundary + 10 for boundary in boundaries] + [len(data) - 1]
    for cut in boundaries + middles:
        _rejects(_write_bytes(tmp_path, data[:cut]), TruncatedError, city_keyring, temp_dir)


def test_truncated_in_prefix(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                             temp_dir: Path) -> None:
    data = report.read_bytes()
    header_end, signature_start, payload_start = _layout(data)
    for cut in [10, 16, 100, header_end, signature_start + 3, payload_start - 1]:
        _rejects(_write_bytes(tmp_path, data[:cut]), TruncatedError, city_keyring, temp_dir)


def test_trailing_bytes(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                        temp_dir: Path) -> None:
    data = report.read_bytes() + b"\n"
    _rejects(_write_bytes(tmp_path, data), TrailingDataError, city_keyring, temp_dir)


def _flip(data: bytes, position: int) -> bytes:
    damaged = bytearray(data)
    damaged[position] ^= 0x01
    return bytes(damaged)


def test_bit_flip_in_header_value(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                                  temp_dir: Path) -> None:
    data = report.read_bytes()
    position = data.index(b'"sequence":1') + len('"sequence":')
    _rejects(_write_bytes(tmp_path, _flip(data, position)), BadSignatureError, city_keyring,
             temp_dir)


def test_bit_flip_in_header_structure(report: Path, city_keyring: FakeKeyring,
                                      tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    _rejects(_write_bytes(tmp_path, _flip(data, 16)), CorruptedError, city_keyring, temp_dir)


def test_bit_flip_in_sender_fingerprint(report: Path, city_keyring: FakeKeyring,
                                        tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    position = data.index(b'"key_fingerprint":"') + len('"key_fingerprint":"')
    _rejects(_write_bytes(tmp_path, _flip(data, position)), BadSignatureError, city_keyring,
             temp_dir)


def test_bit_flip_in_signature(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                               temp_dir: Path) -> None:
    data = report.read_bytes()
    _, signature_start, _ = _layout(data)
    _rejects(_write_bytes(tmp_path, _flip(data, signature_start + 5)), BadSignatureError,
             city_keyring, temp_dir)


def test_bit_flip_in_ciphertext(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                                temp_dir: Path) -> None:
    data = report.read_bytes()
    _, _, payload_start = _layout(data)
    for position in [payload_start, payload_start + CHUNK_SIZE + 100, len(data) - 1]:
        _rejects(_write_bytes(tmp_path, _flip(data, position)), CorruptedError, city_keyring,
                 temp_dir)


def _distribution(keys: Keys, tmp_path: Path) -> Path:
    out = tmp_path / "distribution.mlp"
    write_package(out, "distribution", Sender("3301", "市美丽城镇办"), keys.city_signing, [],
                  [{"catalogue_version": 3}], [], sequence=2, addressee="330101",
                  suite=keys.suite.suite_id)
    return out


def _township_keyring(keys: Keys) -> FakeKeyring:
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("3301", keys.city_signing)
    return keyring


def test_bit_flip_in_public_manifest(keys: Keys, tmp_path: Path, temp_dir: Path) -> None:
    data = _distribution(keys, tmp_path).read_bytes()
    position = data.index(b'"addressee":"330101"', _layout(data)[2]) + 15
    _rejects(_write_bytes(tmp_path, _flip(data, position)), CorruptedError,
             _township_keyring(keys), temp_dir)


def test_manifest_edit_with_recomputed_tags(keys: Keys, tmp_path: Path,
                                            temp_dir: Path) -> None:
    # The public chunk tags can be recomputed by anyone; the signed manifest digest still fails.
    data = _distribution(keys, tmp_path).read_bytes()
    _, _, payload_start = _layout(data)
    header_hash = keys.suite.hash(data[:_layout(data)[0]])
    sealer = ChunkSealer(keys.suite, header_hash, None)
    plaintext = data[payload_start:-TAG_SIZE].replace(b'"addressee":"330101"',
                                                      b'"addressee":"330102"')
    forged = data[:payload_start] + sealer.seal(0, True, plaintext)
    _rejects(_write_bytes(tmp_path, forged), CorruptedError, _township_keyring(keys), temp_dir)


def test_wrong_recipient(keys: Keys, report: Path, temp_dir: Path) -> None:
    other_office = FakeKeyring(keys.suite.suite_id)
    other_office.approve("330101", keys.township_a)
    other_office.add_private(keys.suite.generate_encryption_key())
    _rejects(report, WrongRecipientError, other_office, temp_dir)


def test_recipient_checked_before_sender(keys: Keys, report: Path, temp_dir: Path) -> None:
    stranger = FakeKeyring(keys.suite.suite_id)
    _rejects(report, WrongRecipientError, stranger, temp_dir)


def test_unknown_sender(keys: Keys, report: Path, temp_dir: Path) -> None:
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.add_private(keys.city_working)
    error = _rejects(report, UnknownSenderKeyError, keyring, temp_dir)
    assert error.details["unit_id"] == "330101"


def test_pending_sender(keys: Keys, report: Path, temp_dir: Path) -> None:
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a, KeyState.PENDING)
    keyring.add_private(keys.city_working)
    _rejects(report, PendingSenderKeyError, keyring, temp_dir)


def test_rejected_sender(keys: Keys, report: Path, temp_dir: Path) -> None:
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330101", keys.township_a, KeyState.REJECTED)
    keyring.add_private(keys.city_working)
    _rejects(report, RejectedSenderKeyError, keyring, temp_dir)


def test_key_approved_for_other_unit(keys: Keys, report: Path, temp_dir: Path) -> None:
    keyring = FakeKeyring(keys.suite.suite_id)
    keyring.approve("330102", keys.township_a)
    keyring.add_private(keys.city_working)
    _rejects(report, UnknownSenderKeyError, keyring, temp_dir)


def test_future_format_version(report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                               temp_dir: Path) -> None:
    data = report.read_bytes()
    future = data[:8] + struct.pack(">H", 2) + data[10:]
    error = _rejects(_write_bytes(tmp_path, future), UnsupportedVersionError, city_keyring,
                     temp_dir)
    assert error.details["found"] == "2.0"


def test_renamed_docx(city_keyring: FakeKeyring, tmp_path: Path, temp_dir: Path) -> None:
    path = tmp_path / "报告.mlp"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document>西湖镇</document>")
    _rejects(path, NotAPackageError, city_keyring, temp_dir)


def test_empty_file(city_keyring: FakeKeyring, tmp_path: Path, temp_dir: Path) -> None:
    _rejects(_write_bytes(tmp_path, b""), NotAPackageError, city_keyring, temp_dir)


def test_random_bytes(city_keyring: FakeKeyring, tmp_path: Path, temp_dir: Path) -> None:
    _rejects(_write_bytes(tmp_path, os.urandom(5000)), NotAPackageError, city_keyring, temp_dir)


@pytest.mark.parametrize("name", ["../x", "C:/x", "CON", "a.txt:ads", "..\\..\\evil.exe",
                                  "nul.txt", "x\u202etxt.exe"])
def test_unsafe_attachment_names(name: str, monkeypatch: pytest.MonkeyPatch,
                                 city_keyring: FakeKeyring, write_report: WriteReport,
                                 tmp_path: Path, temp_dir: Path) -> None:
    monkeypatch.setattr(writer_module, "clean_display_name", lambda text: text)
    source = make_attachment(tmp_path, "x.txt", 10)
    write_report(attachments=[source.__class__(source.sha256, name, 10, source.path)])
    error = _rejects(tmp_path / "report.mlp", UnsafeNameError, city_keyring, temp_dir)
    assert error.details["name"] == name


def test_declared_size_mismatch(monkeypatch: pytest.MonkeyPatch, city_keyring: FakeKeyring,
                                write_report: WriteReport, tmp_path: Path,
                                temp_dir: Path) -> None:
    real_build = payload_module.build_manifest

    def build_lying(identity: dict[str, Any], records: list[Any], attachments: list[Any]
                    ) -> bytes:
        lying = [entry.__class__(entry.sha256, entry.digest, entry.size + 1, entry.name)
                 for entry in attachments]
        return real_build(identity, records, lying)

    monkeypatch.setattr(writer_module, "build_manifest", build_lying)
    write_report(attachments=[make_attachment(tmp_path, "x.txt", 100)])
    _rejects(tmp_path / "report.mlp", SizeMismatchError, city_keyring, temp_dir)


def test_too_large_for_limits(report: Path, city_keyring: FakeKeyring, temp_dir: Path) -> None:
    _rejects(report, TooLargeError, city_keyring, temp_dir,
             limits=Limits(max_attachment_bytes=CHUNK_SIZE))


def test_unknown_suite(keys: Keys, report: Path, city_keyring: FakeKeyring, tmp_path: Path,
                       temp_dir: Path) -> None:
    data = report.read_bytes()
    header = _header(data)
    header["suite"] = "X9"
    forged = _resign(data, header, keys.township_a, keys.suite.suite_id)
    _rejects(_write_bytes(tmp_path, forged), SuiteUnavailableError, city_keyring, temp_dir)


def test_relabelled_by_other_township(keys: Keys, report: Path, tmp_path: Path,
                                      temp_dir: Path) -> None:
    # Township B takes A's package, puts its own name and key in the header and re-signs it.
    data = report.read_bytes()
    header = _header(data)
    suite_id = keys.suite.suite_id
    header["sender"] = {
        "unit_id": "330102", "name": "翠苑镇",
        "key_fingerprint": fingerprint(suite_id, keys.township_b.public_key),
        "public_key": base64.b64encode(keys.township_b.public_key).decode("ascii")}
    forged = _resign(data, header, keys.township_b, suite_id)
    keyring = FakeKeyring(suite_id)
    keyring.approve("330101", keys.township_a)
    keyring.approve("330102", keys.township_b)
    keyring.add_private(keys.city_working)
    _rejects(_write_bytes(tmp_path, forged), RelabelledError, keyring, temp_dir)


def test_resigned_header_with_same_sender(keys: Keys, report: Path,
                                          city_keyring: FakeKeyring, tmp_path: Path,
                                          temp_dir: Path) -> None:
    # Even the sender cannot change a signed header without the payload noticing.
    data = report.read_bytes()
    header = _header(data)
    header["sequence"] = 99
    forged = _resign(data, header, keys.township_a, keys.suite.suite_id)
    _rejects(_write_bytes(tmp_path, forged), RelabelledError, city_keyring, temp_dir)


def test_manifest_with_other_sender(monkeypatch: pytest.MonkeyPatch,
                                    city_keyring: FakeKeyring, write_report: WriteReport,
                                    tmp_path: Path, temp_dir: Path) -> None:
    real_identity = payload_module.manifest_identity

    def other_sender(header: dict[str, Any]) -> dict[str, Any]:
        identity = real_identity(header)
        identity["sender"] = dict(identity["sender"], unit_id="330102")
        return identity

    monkeypatch.setattr(writer_module, "manifest_identity", other_sender)
    write_report()
    _rejects(tmp_path / "report.mlp", RelabelledError, city_keyring, temp_dir)


def test_header_with_duplicate_keys(keys: Keys, report: Path, city_keyring: FakeKeyring,
                                    tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    header_end, _, _ = _layout(data)
    header_bytes = data[16:header_end].replace(b'{"addressee"', b'{"addressee":"x","addressee"',
                                               1)
    prefix = data[:12] + struct.pack(">I", len(header_bytes)) + header_bytes
    _rejects(_write_bytes(tmp_path, prefix + data[header_end:]), CorruptedError, city_keyring,
             temp_dir)


def test_header_not_canonical(keys: Keys, report: Path, city_keyring: FakeKeyring,
                              tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    header_end, _, _ = _layout(data)
    spaced = json.dumps(_header(data), sort_keys=True, ensure_ascii=False).encode()
    prefix = data[:12] + struct.pack(">I", len(spaced)) + spaced
    _rejects(_write_bytes(tmp_path, prefix + data[header_end:]), CorruptedError, city_keyring,
             temp_dir)


def test_header_too_large(city_keyring: FakeKeyring, tmp_path: Path, temp_dir: Path) -> None:
    data = b"\x89MEILI\r\n" + struct.pack(">HHI", 1, 0, 10**8)
    _rejects(_write_bytes(tmp_path, data), TooLargeError, city_keyring, temp_dir)


def test_deeply_nested_header(city_keyring: FakeKeyring, tmp_path: Path,
                              temp_dir: Path) -> None:
    body = b"[" * 100_000 + b"]" * 100_000
    data = b"\x89MEILI\r\n" + struct.pack(">HHI", 1, 0, len(body)) + body + b"\x00\x01x"
    _rejects(_write_bytes(tmp_path, data), CorruptedError, city_keyring, temp_dir)


def test_canonical_helper_is_what_writer_uses(report: Path) -> None:
    data = report.read_bytes()
    header_end, _, _ = _layout(data)
    assert canonical_json(_header(data)) == data[16:header_end]




def test_header_claims_public_payload(keys: Keys, report: Path, city_keyring: FakeKeyring,
                                      tmp_path: Path, temp_dir: Path) -> None:
    data = report.read_bytes()
    header = _header(data)
    header["payload"]["encrypted"] = False
    forged = _resign(data, header, keys.township_a, keys.suite.suite_id)
    _rejects(_write_bytes(tmp_path, forged), CorruptedError, city_keyring, temp_dir)


def test_nothing_written_outside_temp_dir(report: Path, city_keyring: FakeKeyring,
                                          tmp_path: Path, temp_dir: Path) -> None:
    before = sorted(os.listdir(tmp_path))
    data = report.read_bytes()
    _rejects(_write_bytes(tmp_path, _flip(data, len(data) - 1), "x.mlp"), CorruptedError,
             city_keyring, temp_dir)
    assert sorted(os.listdir(tmp_path)) == sorted(before + ["x.mlp"])
