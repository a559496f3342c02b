"""Tests of key generation, passphrase protection, backups, fingerprints and rotation."""

from __future__ import annotations

import json

import pytest

from meili_desktop.exchange.errors import KeyFileError, RotationSignatureError, WrongPassphraseError
from meili_desktop.exchange.fingerprints import fingerprint, normalize_fingerprint
from meili_desktop.exchange.keys import (
    SCHEME_ARGON2,
    SCHEME_SM,
    BackupEntry,
    KdfParameters,
    export_key_backup,
    generate_city_keys,
    generate_township_key,
    protect_private_key,
    restore_key_backup,
    unprotect_private_key,
)
from meili_desktop.exchange.rotation import (
    AnnouncedKey,
    make_rotation_announcement,
    verify_rotation_announcement,
)
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import CipherSuite

# Cheap cost parameters keep the tests fast; the defaults are exercised once below.
FAST = KdfParameters(memory_kib=1024, passes=1, lanes=1, pbkdf2_iterations=1000)


def test_fingerprint_format(suite: CipherSuite) -> None:
    text = fingerprint(suite.suite_id, suite.generate_signing_key().public_key)
    groups = text.split(" ")
    assert len(groups) == 8
    assert all(len(group) == 5 and group.isdigit() for group in groups)


def test_fingerprint_depends_on_suite_and_key() -> None:
    key = get_suite("C1").generate_signing_key().public_key
    assert fingerprint("C1", key) != fingerprint("G1", key)
    assert fingerprint("C1", key) != fingerprint("C1", key[:-1] + bytes([key[-1] ^ 1]))


def test_fingerprint_known_answer() -> None:
    # Fixed by the definition: SHA-256 of the label, suite id and key, modulo 10^40.
    assert fingerprint("C1", bytes(32)) == _expected_c1_zero_key()


def _expected_c1_zero_key() -> str:
    import hashlib

    digest = hashlib.sha256(b"meili-key-fingerprint\x00C1\x00" + bytes(32)).digest()
    digits = str(int.from_bytes(digest, "big") % 10**40).zfill(40)
    return " ".join(digits[index:index + 5] for index in range(0, 40, 5))


def test_normalize_fingerprint() -> None:
    text = "01234 56789 01234 56789 01234 56789 01234 56789"
    assert normalize_fingerprint(text.replace(" ", "-")) == text
    assert normalize_fingerprint(text.replace(" ", "")) == text
    assert normalize_fingerprint(text.replace(" ", "\u3000")) == text
    assert normalize_fingerprint(text[:-1]) is None
    assert normalize_fingerprint("０" * 40) == " ".join(["00000"] * 8)
    assert normalize_fingerprint("٠" * 40) is None


def test_city_keys_are_distinct(suite: CipherSuite) -> None:
    keys = generate_city_keys(suite.suite_id)
    publics = {keys.signing.public_key, keys.encryption.public_key, keys.escrow.public_key}
    assert len(publics) == 3


@pytest.mark.parametrize("scheme", [SCHEME_ARGON2, SCHEME_SM])
def test_protect_roundtrip(suite: CipherSuite, scheme: str) -> None:
    pair = generate_township_key(suite.suite_id)
    blob = protect_private_key(pair, "signing", "正确 horse", scheme=scheme, parameters=FAST)
    assert pair.private_key not in blob
    unlocked = unprotect_private_key(blob, "正确 horse")
    assert unlocked.private_key == pair.private_key
    assert unlocked.public_key == pair.public_key
    assert unlocked.purpose == "signing"


def test_protect_default_scheme_per_suite(suite: CipherSuite) -> None:
    blob = protect_private_key(suite.generate_encryption_key(), "encryption", "pw",
                               parameters=FAST)
    expected = SCHEME_SM if suite.suite_id == "G1" else SCHEME_ARGON2
    assert json.loads(blob)["scheme"] == expected


def test_default_parameters_recorded() -> None:
    blob = protect_private_key(get_suite("C1").generate_signing_key(), "signing", "pw")
    kdf = json.loads(blob)["kdf"]
    assert kdf["name"] == "argon2id"
    assert kdf["memory_kib"] == 65536
    assert unprotect_private_key(blob, "pw").purpose == "signing"


def test_wrong_passphrase(suite: CipherSuite) -> None:
    blob = protect_private_key(suite.generate_signing_key(), "signing", "right",
                               parameters=FAST)
    with pytest.raises(WrongPassphraseError):
        unprotect_private_key(blob, "wrong")


def test_envelope_edit_detected(suite: CipherSuite) -> None:
    blob = protect_private_key(suite.generate_signing_key(), "signing", "pw", parameters=FAST)
    edited = json.loads(blob)
    edited["purpose"] = "escrow"
    raw = json.dumps(edited, sort_keys=True, separators=(",", ":")).encode()
    with pytest.raises(WrongPassphraseError):
        unprotect_private_key(raw, "pw")


@pytest.mark.parametrize("blob", [b"", b"not json", b"{}", b'{"format":"other"}',
                                  b"[1,2]"])
def test_garbage_key_file(blob: bytes) -> None:
    with pytest.raises(KeyFileError):
        unprotect_private_key(blob, "pw")


def test_backup_roundtrip() -> None:
    city = generate_city_keys("C1")
    g1 = generate_township_key("G1")
    entries = [
        BackupEntry("C1", "signing", "3301", city.signing.public_key, city.signing.private_key,
                    "approved", "2024-01-01T00:00:00Z"),
        BackupEntry("C1", "escrow", "3301", city.escrow.public_key, city.escrow.private_key,
                    "approved", "2024-01-01T00:00:00Z"),
        BackupEntry("G1", "signing", "330101", g1.public_key, None, "pending",
                    "2024-02-01T00:00:00Z"),
    ]
    blob = export_key_backup(entries, "备份口令", parameters=FAST)
    assert city.escrow.private_key not in blob
    assert restore_key_backup(blob, "备份口令") == entries


def test_backup_wrong_passphrase() -> None:
    blob = export_key_backup([], "a", parameters=FAST)
    with pytest.raises(WrongPassphraseError):
        restore_key_backup(blob, "b")


def test_backup_is_not_protected_key() -> None:
    blob = export_key_backup([], "a", parameters=FAST)
    with pytest.raises(KeyFileError):
        unprotect_private_key(blob, "a")


def test_rotation_roundtrip(suite: CipherSuite) -> None:
    old = suite.generate_signing_key()
    new_signing = suite.generate_signing_key()
    new_encryption = suite.generate_encryption_key()
    announcement = make_rotation_announcement(
        old, [AnnouncedKey(suite.suite_id, "signing", new_signing.public_key),
              AnnouncedKey(suite.suite_id, "encryption", new_encryption.public_key)],
        unit_id="3301", sequence=2, effective_from="2022Q1", new_signing_key=new_signing)
    verified = verify_rotation_announcement(json.loads(json.dumps(announcement)),
                                            suite.suite_id, old.public_key)
    assert verified.unit_id == "3301"
    assert [key.public_key for key in verified.new_keys] == [new_signing.public_key,
                                                              new_encryption.public_key]


def test_rotation_to_other_suite() -> None:
    old = get_suite("C1").generate_signing_key()
    new = get_suite("G1").generate_signing_key()
    announcement = make_rotation_announcement(
        old, [AnnouncedKey("G1", "signing", new.public_key)], unit_id="3301", sequence=1,
        effective_from="2022", new_signing_key=new)
    verified = verify_rotation_announcement(announcement, "C1", old.public_key)
    assert verified.new_keys[0].suite == "G1"


def test_rotation_needs_new_key_signature(suite: CipherSuite) -> None:
    old = suite.generate_signing_key()
    new = suite.generate_signing_key()
    with pytest.raises(ValueError):
        make_rotation_announcement(old, [AnnouncedKey(suite.suite_id, "signing", new.public_key)],
                                   unit_id="3301", sequence=1, effective_from="2022")


def test_rotation_forged_by_other_key(suite: CipherSuite) -> None:
    trusted = suite.generate_signing_key()
    attacker = suite.generate_signing_key()
    announcement = make_rotation_announcement(
        attacker, [AnnouncedKey(suite.suite_id, "encryption",
                                suite.generate_encryption_key().public_key)],
        unit_id="3301", sequence=1, effective_from="2022")
    with pytest.raises(RotationSignatureError):
        verify_rotation_announcement(announcement, suite.suite_id, trusted.public_key)


def test_rotation_tampered_statement(suite: CipherSuite) -> None:
    old = suite.generate_signing_key()
    announcement = make_rotation_announcement(
        old, [AnnouncedKey(suite.suite_id, "encryption",
                           suite.generate_encryption_key().public_key)],
        unit_id="3301", sequence=1, effective_from="2022")
    import base64

    statement = base64.b64decode(announcement["statement"]).replace(b'"2022"', b'"2023"')
    announcement["statement"] = base64.b64encode(statement).decode()
    with pytest.raises(RotationSignatureError):
        verify_rotation_announcement(announcement, suite.suite_id, old.public_key)


@pytest.mark.parametrize("announcement", [None, {}, {"statement": "!!", "signatures": {}},
                                          {"statement": "e30=", "signatures": {}}])
def test_rotation_malformed(announcement: object) -> None:
    with pytest.raises(KeyFileError):
        verify_rotation_announcement(announcement, "C1", bytes(32))
