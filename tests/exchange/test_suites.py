"""Tests of the cipher suites, the registry and the reproducible HPKE sealer."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from meili_desktop.exchange import suites
from meili_desktop.exchange.errors import SuiteUnavailableError
from meili_desktop.exchange.suites import c1, get_suite
from meili_desktop.exchange.suites.base import CipherSuite, SelfTestFailure, UnwrapFailure
from meili_desktop.exchange.suites.hpke_seal import AEAD_AES_128_GCM, seal_base


def test_self_tests_pass() -> None:
    assert suites.run_self_tests() == {"C1": None, "G1": None}


def test_available_suites_default_first() -> None:
    assert suites.available_suites()[0] == suites.DEFAULT_SUITE


def test_unknown_suite_rejected() -> None:
    with pytest.raises(SuiteUnavailableError) as caught:
        get_suite("X9")
    assert caught.value.details["reason"] == "unknown suite"


def test_failing_self_test_disables_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: CipherSuite) -> None:
        raise SelfTestFailure("AES-256-GCM: known-answer test gave 00")

    monkeypatch.setattr(c1.C1Suite, "self_test", broken)
    suites._reset_for_tests()
    try:
        with pytest.raises(SuiteUnavailableError) as caught:
            get_suite("C1")
        assert "AES-256-GCM" in caught.value.details["reason"]
        assert "C1" not in suites.available_suites()
        assert "G1" in suites.available_suites()
    finally:
        monkeypatch.undo()
        suites._reset_for_tests()
    assert get_suite("C1").suite_id == "C1"


def test_hpke_seal_matches_rfc9180_a1() -> None:
    sealed = seal_base(
        bytes.fromhex("3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d"),
        bytes.fromhex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736"),
        bytes.fromhex("4f6465206f6e2061204772656369616e2055726e"), b"Count-0",
        b"Beauty is truth, truth beauty", AEAD_AES_128_GCM)
    assert sealed[:32].hex() == (
        "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
    assert sealed[32:].hex() == (
        "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
        "6d8770ac83d07bea87e13c512a")


def test_hpke_seal_opens_with_cryptography() -> None:
    recipient = X25519PrivateKey.generate()
    sealed = seal_base(recipient.public_key().public_bytes_raw(), b"\x05" * 32, b"ctx", b"",
                       b"k" * 32)
    library = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    assert library.decrypt(sealed, recipient, info=b"ctx") == b"k" * 32


def test_sign_verify(suite: CipherSuite) -> None:
    pair = suite.generate_signing_key()
    signature = suite.sign(pair.private_key, b"header bytes")
    assert suite.verify(pair.public_key, b"header bytes", signature)
    assert not suite.verify(pair.public_key, b"header byteS", signature)
    assert not suite.verify(suite.generate_signing_key().public_key, b"header bytes", signature)
    assert not suite.verify(pair.public_key, b"header bytes", signature[:-1])


def test_load_signing_key_roundtrip(suite: CipherSuite) -> None:
    pair = suite.generate_signing_key()
    assert suite.load_signing_key(pair.private_key) == pair
    with pytest.raises(ValueError):
        suite.load_signing_key(pair.private_key[:-1])


def test_wrap_unwrap(suite: CipherSuite) -> None:
    pair = suite.generate_encryption_key()
    wrapped = suite.wrap_key(pair.public_key, b"f" * 32, b"context")
    assert suite.unwrap_key(pair.private_key, wrapped, b"context") == b"f" * 32
    with pytest.raises(UnwrapFailure):
        suite.unwrap_key(pair.private_key, wrapped, b"contexT")
    with pytest.raises(UnwrapFailure):
        suite.unwrap_key(suite.generate_encryption_key().private_key, wrapped, b"context")
    with pytest.raises(UnwrapFailure):
        suite.unwrap_key(pair.private_key, wrapped[:-1], b"context")


def test_wraps_differ_each_time(suite: CipherSuite) -> None:
    pair = suite.generate_encryption_key()
    first = suite.wrap_key(pair.public_key, b"f" * 32, b"context")
    assert first != suite.wrap_key(pair.public_key, b"f" * 32, b"context")


def test_c1_wrap_reproducible_with_rng() -> None:
    suite = get_suite("C1")
    pair = suite.generate_encryption_key()
    first = suite.wrap_key(pair.public_key, b"f" * 32, b"c", rng=lambda size: b"\x01" * size)
    second = suite.wrap_key(pair.public_key, b"f" * 32, b"c", rng=lambda size: b"\x01" * size)
    assert first == second
    assert suite.unwrap_key(pair.private_key, first, b"c") == b"f" * 32


def test_check_public_key_rejects_garbage(suite: CipherSuite) -> None:
    with pytest.raises(ValueError):
        suite.check_public_key(b"\x01" * 7)


def test_g1_rejects_point_off_curve() -> None:
    with pytest.raises(ValueError):
        get_suite("G1").check_public_key(b"\x01" * 64)


# GM/T 0003.5-2012 (GB/T 32918.5-2016) annexes A and C: an independent implementation's answers.
_SM2_PUBLIC = bytes.fromhex(
    "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
    "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13")
_SM2_D = bytes.fromhex("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8")


def test_g1_verifies_standard_signature() -> None:
    signature = encode_dss_signature(
        0xF5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3,
        0xB1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA)
    assert get_suite("G1").verify(_SM2_PUBLIC, b"message digest", signature)


def test_g1_standard_key_signs_verifiably() -> None:
    suite = get_suite("G1")
    pair = suite.load_signing_key(_SM2_D + _SM2_PUBLIC)
    assert suite.verify(_SM2_PUBLIC, b"x", suite.sign(pair.private_key, b"x"))


def test_g1_rejects_mismatched_private_key() -> None:
    suite = get_suite("G1")
    other = suite.generate_signing_key()
    with pytest.raises(ValueError):
        suite.load_signing_key(_SM2_D + other.public_key)


def test_hash_and_hkdf_lengths(suite: CipherSuite) -> None:
    assert len(suite.hash(b"")) == suite.digest_size
    assert len(suite.hkdf(b"k", b"s", b"i", suite.aead_key_size)) == suite.aead_key_size


def test_chunk_aead_roundtrip(suite: CipherSuite) -> None:
    aead = suite.chunk_aead(b"\x02" * suite.aead_key_size)
    sealed = aead.encrypt(b"\x00" * 12, b"chunk", b"ad")
    assert len(sealed) == 5 + suite.tag_size
    assert aead.decrypt(b"\x00" * 12, sealed, b"ad") == b"chunk"
