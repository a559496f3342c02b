"""Suite C1, the default: Ed25519, HPKE X25519/HKDF-SHA256/AES-256-GCM, AES-256-GCM, SHA-256.

Every primitive comes from ``cryptography``. Keys are raw 32-byte encodings (RFC 8032 for
Ed25519, RFC 7748 for X25519).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from meili_desktop.exchange.suites.base import (
    ChunkAead,
    CipherSuite,
    Hasher,
    KeyPair,
    RandomSource,
    SelfTestFailure,
    UnwrapFailure,
    expect_equal,
)
from meili_desktop.exchange.suites.hpke_seal import AEAD_AES_128_GCM, seal_base

_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_RAW_KEY_SIZE = 32
# enc (32) + wrapped 32-byte key + GCM tag (16).
_WRAPPED_SIZE = 32 + 32 + 16


class C1Suite(CipherSuite):
    """The default suite, built on ``cryptography`` only."""

    suite_id = "C1"
    hash_name = "SHA-256"
    digest_size = 32
    aead_key_size = 32

    def generate_signing_key(self) -> KeyPair:
        private = Ed25519PrivateKey.generate()
        return KeyPair(self.suite_id, private.private_bytes_raw(),
                       private.public_key().public_bytes_raw())

    def load_signing_key(self, private_key: bytes) -> KeyPair:
        if len(private_key) != _RAW_KEY_SIZE:
            raise ValueError("an Ed25519 private key has 32 bytes")
        private = Ed25519PrivateKey.from_private_bytes(private_key)
        return KeyPair(self.suite_id, private_key, private.public_key().public_bytes_raw())

    def sign(self, private_key: bytes, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(private_key).sign(message)

    def verify(self, public_key: bytes, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def generate_encryption_key(self) -> KeyPair:
        private = X25519PrivateKey.generate()
        return KeyPair(self.suite_id, private.private_bytes_raw(),
                       private.public_key().public_bytes_raw())

    def load_encryption_key(self, private_key: bytes) -> KeyPair:
        if len(private_key) != _RAW_KEY_SIZE:
            raise ValueError("an X25519 private key has 32 bytes")
        private = X25519PrivateKey.from_private_bytes(private_key)
        return KeyPair(self.suite_id, private_key, private.public_key().public_bytes_raw())

    def check_public_key(self, public_key: bytes) -> None:
        if len(public_key) != _RAW_KEY_SIZE:
            raise ValueError("a C1 public key has 32 bytes")

    def wrap_key(self, public_key: bytes, file_key: bytes, info: bytes,
                 rng: RandomSource | None = None) -> bytes:
        self.check_public_key(public_key)
        if rng is not None:
            return seal_base(public_key, rng(_RAW_KEY_SIZE), info, b"", file_key)
        return _HPKE.encrypt(file_key, X25519PublicKey.from_public_bytes(public_key), info=info)

    def unwrap_key(self, private_key: bytes, wrapped: bytes, info: bytes) -> bytes:
        if len(wrapped) != _WRAPPED_SIZE:
            raise UnwrapFailure("wrapped key has the wrong length")
        try:
            private = X25519PrivateKey.from_private_bytes(private_key)
            return _HPKE.decrypt(wrapped, private, info=info)
        except (InvalidTag, ValueError) as error:
            raise UnwrapFailure("wrapped key does not open") from error

    def chunk_aead(self, key: bytes) -> ChunkAead:
        return AESGCM(key)

    def hasher(self) -> Hasher:
        return hashlib.sha256()

    def hkdf(self, ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
        return HKDF(hashes.SHA256(), length, salt, info).derive(ikm)

    def mac(self, key: bytes, message: bytes) -> bytes:
        return hmac.new(key, message, hashlib.sha256).digest()

    def self_test(self) -> None:
        _test_hashes(self)
        _test_aes_gcm(self)
        _test_ed25519(self)
        _test_x25519_hpke(self)


def _test_hashes(suite: C1Suite) -> None:
    # FIPS 180-2 appendix B.1.
    expect_equal("SHA-256", suite.hash(b"abc"),
                 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    # RFC 4231 test case 2.
    expect_equal("HMAC-SHA256", suite.mac(b"Jefe", b"what do ya want for nothing?"),
                 "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    # RFC 5869 appendix A.1.
    expect_equal("HKDF-SHA256",
                 suite.hkdf(b"\x0b" * 22, bytes(range(13)), bytes(range(0xF0, 0xFA)), 42),
                 "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                 "34007208d5b887185865")


def _test_aes_gcm(suite: C1Suite) -> None:
    # McGrew and Viega, "The Galois/Counter Mode of Operation", test case 16.
    key = bytes.fromhex("feffe9928665731c6d6a8f9467308308" * 2)
    nonce = bytes.fromhex("cafebabefacedbaddecaf888")
    plaintext = bytes.fromhex(
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
    aad = bytes.fromhex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    sealed = suite.chunk_aead(key).encrypt(nonce, plaintext, aad)
    expect_equal("AES-256-GCM", sealed,
                 "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                 "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                 "76fc6ece0f4e1768cddf8853bb2d551b")
    tampered = bytes([sealed[0] ^ 1]) + sealed[1:]
    try:
        suite.chunk_aead(key).decrypt(nonce, tampered, aad)
    except InvalidTag:
        return
    raise SelfTestFailure("AES-256-GCM: a modified ciphertext was accepted")


def _test_ed25519(suite: C1Suite) -> None:
    # RFC 8032 section 7.1, test 1.
    pair = suite.load_signing_key(bytes.fromhex(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
    expect_equal("Ed25519 public key", pair.public_key,
                 "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    signature = suite.sign(pair.private_key, b"")
    expect_equal("Ed25519 signature", signature,
                 "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                 "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
    if not suite.verify(pair.public_key, b"", signature):
        raise SelfTestFailure("Ed25519: a valid signature was rejected")
    if suite.verify(pair.public_key, b"x", signature):
        raise SelfTestFailure("Ed25519: a signature over another message was accepted")


def _test_x25519_hpke(suite: C1Suite) -> None:
    # RFC 9180 appendix A.1 (AES-128-GCM variant of the same KEM and KDF), first encryption.
    recipient_private = bytes.fromhex(
        "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8")
    recipient_public = suite.load_encryption_key(recipient_private).public_key
    expect_equal("X25519 public key", recipient_public,
                 "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d")
    sealed = seal_base(
        recipient_public,
        bytes.fromhex("52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736"),
        bytes.fromhex("4f6465206f6e2061204772656369616e2055726e"),
        b"Count-0", b"Beauty is truth, truth beauty", AEAD_AES_128_GCM)
    expect_equal("HPKE base mode", sealed,
                 "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431"
                 "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a9"
                 "6d8770ac83d07bea87e13c512a")

    # The library's HPKE must open what the reproducible sealer wraps, and refuse other info.
    file_key = bytes(range(32))
    wrapped = suite.wrap_key(recipient_public, file_key, b"info", rng=lambda size: b"\x07" * size)
    try:
        unwrapped = suite.unwrap_key(recipient_private, wrapped, b"info")
    except UnwrapFailure as error:
        raise SelfTestFailure("HPKE: a reproducible wrap did not open") from error
    if unwrapped != file_key:
        raise SelfTestFailure("HPKE: unwrapped key differs")
    try:
        suite.unwrap_key(recipient_private, wrapped, b"other")
    except UnwrapFailure:
        return
    raise SelfTestFailure("HPKE: a wrap opened under another info")
