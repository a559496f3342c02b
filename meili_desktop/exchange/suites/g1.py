"""Suite G1, the commercial cryptography (国密) suite: SM2, SM3 and SM4-GCM.

SM2 signatures (with SM3 and the default user id ``1234567812345678`` of GM/T 0009-2012) and SM2
public-key encryption come from ``gmssl_pyx``, which wraps the C GmSSL library. SM3, HMAC-SM3,
HKDF-SM3 and SM4-GCM come from ``cryptography``.

Key encodings: an SM2 public key is the 64-byte ``x || y``. An SM2 private key is stored as the
32-byte scalar ``d`` followed by its 64-byte public key, because ``gmssl_pyx`` cannot derive the
public key from ``d`` and needs both to sign.

Wrapping a file key: a fresh 32-byte seed is SM2-encrypted to the recipient (DER, C1C3C2). The key
encryption key is HKDF-SM3(seed, salt = SM3(SM2 ciphertext), info = label || info), 16 bytes, and
the file key is sealed with SM4-GCM under it (zero nonce, which is safe because every key
encryption key is used once). The wrap is ``u16 ciphertext length || SM2 ciphertext || sealed``.
"""

from __future__ import annotations

import contextlib
import os
import struct
import threading
from collections.abc import Iterator

import gmssl_pyx
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from meili_desktop.exchange.suites.base import (
    FILE_KEY_SIZE,
    ChunkAead,
    CipherSuite,
    Hasher,
    KeyPair,
    RandomSource,
    SelfTestFailure,
    UnwrapFailure,
    expect_equal,
)

_SCALAR_SIZE = 32
_POINT_SIZE = 64
_SM4_KEY_SIZE = 16
_TAG_SIZE = 16
_WRAP_LABEL = b"meili-package G1 key wrap"
_MAX_SM2_CIPHERTEXT = 366  # gmssl_pyx accepts 45..366 bytes


_stderr_lock = threading.Lock()


@contextlib.contextmanager
def _gmssl_stderr_silenced() -> Iterator[None]:
    """Send file descriptor 2 to the null device while GmSSL runs.

    GmSSL (as bundled in gmssl_pyx 2.1.0) prints a C source trace to stderr whenever a signature
    or ciphertext is rejected. That is an expected outcome here, reported through our own errors,
    so the trace would only confuse a CLI user. Other threads writing to stderr during the call
    lose that output, which is why the window is kept to the one library call.
    """
    with _stderr_lock:
        saved = os.dup(2)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 2)
                yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


class _Sm3Hasher:
    """Running SM3 with the ``update``/``digest`` interface of hashlib objects."""

    def __init__(self) -> None:
        self._hash = hashes.Hash(hashes.SM3())

    def update(self, data: bytes, /) -> None:
        self._hash.update(data)

    def digest(self) -> bytes:
        return self._hash.finalize()


class _Sm4Gcm:
    """SM4-GCM with the call shape of ``AESGCM``: the tag is appended to the ciphertext."""

    def __init__(self, key: bytes) -> None:
        if len(key) != _SM4_KEY_SIZE:
            raise ValueError("an SM4 key has 16 bytes")
        self._key = key

    def encrypt(self, nonce: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
        encryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        encryptor.authenticate_additional_data(associated_data)
        sealed = encryptor.update(plaintext) + encryptor.finalize()
        return sealed + encryptor.tag

    def decrypt(self, nonce: bytes, ciphertext: bytes, associated_data: bytes) -> bytes:
        if len(ciphertext) < _TAG_SIZE:
            raise InvalidTag()
        body, tag = ciphertext[:-_TAG_SIZE], ciphertext[-_TAG_SIZE:]
        decryptor = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(associated_data)
        return decryptor.update(body) + decryptor.finalize()


class G1Suite(CipherSuite):
    """SM2 signatures and key encryption, SM4-GCM chunks, SM3 hashing and HKDF-SM3."""

    suite_id = "G1"
    hash_name = "SM3"
    digest_size = 32
    aead_key_size = _SM4_KEY_SIZE

    def generate_signing_key(self) -> KeyPair:
        public, private = gmssl_pyx.sm2_key_generate()
        return KeyPair(self.suite_id, private + public, public)

    def load_signing_key(self, private_key: bytes) -> KeyPair:
        return self._load_pair(private_key)

    def generate_encryption_key(self) -> KeyPair:
        return self.generate_signing_key()

    def load_encryption_key(self, private_key: bytes) -> KeyPair:
        return self._load_pair(private_key)

    def _load_pair(self, private_key: bytes) -> KeyPair:
        if len(private_key) != _SCALAR_SIZE + _POINT_SIZE:
            raise ValueError("a G1 private key has 96 bytes: d and the public key")
        public = private_key[_SCALAR_SIZE:]
        self.check_public_key(public)
        # The stored public key must belong to d: a signature made with d must verify under it.
        probe = b"meili G1 key check"
        if not self.verify(public, probe, self.sign(private_key, probe)):
            raise ValueError("the G1 private key does not match its public key")
        return KeyPair(self.suite_id, private_key, public)

    def check_public_key(self, public_key: bytes) -> None:
        if len(public_key) != _POINT_SIZE:
            raise ValueError("a G1 public key has 64 bytes")
        try:
            gmssl_pyx.normalize_sm2_public_key(public_key)
        except gmssl_pyx.InvalidValueError as error:
            raise ValueError("the G1 public key is not a point of the SM2 curve") from error

    def sign(self, private_key: bytes, message: bytes) -> bytes:
        scalar, public = private_key[:_SCALAR_SIZE], private_key[_SCALAR_SIZE:]
        return gmssl_pyx.sm2_sign(scalar, public, message, gmssl_pyx.SM2_DEFAULT_SIGNER_ID)

    def verify(self, public_key: bytes, message: bytes, signature: bytes) -> bool:
        try:
            with _gmssl_stderr_silenced():
                return bool(gmssl_pyx.sm2_verify(public_key, message, signature,
                                                 gmssl_pyx.SM2_DEFAULT_SIGNER_ID))
        except gmssl_pyx.GmsslInnerError:
            return False

    def wrap_key(self, public_key: bytes, file_key: bytes, info: bytes,
                 rng: RandomSource | None = None) -> bytes:
        # NOTE: GmSSL draws the SM2 encryption nonce itself, so a G1 wrap is never reproducible,
        # even with ``rng`` given.
        self.check_public_key(public_key)
        seed = (rng or os.urandom)(FILE_KEY_SIZE)
        sm2_ciphertext = gmssl_pyx.sm2_encrypt(public_key, seed)
        kek = self._key_encryption_key(seed, sm2_ciphertext, info)
        sealed = _Sm4Gcm(kek).encrypt(bytes(12), file_key, b"")
        return struct.pack(">H", len(sm2_ciphertext)) + sm2_ciphertext + sealed

    def unwrap_key(self, private_key: bytes, wrapped: bytes, info: bytes) -> bytes:
        if len(wrapped) < 2:
            raise UnwrapFailure("wrapped key too short")
        (length,) = struct.unpack(">H", wrapped[:2])
        sm2_ciphertext, sealed = wrapped[2:2 + length], wrapped[2 + length:]
        if length > _MAX_SM2_CIPHERTEXT or len(sealed) != FILE_KEY_SIZE + _TAG_SIZE:
            raise UnwrapFailure("wrapped key has the wrong length")
        try:
            with _gmssl_stderr_silenced():
                seed = gmssl_pyx.sm2_decrypt(private_key[:_SCALAR_SIZE], sm2_ciphertext)
            kek = self._key_encryption_key(seed, sm2_ciphertext, info)
            return _Sm4Gcm(kek).decrypt(bytes(12), sealed, b"")
        except (gmssl_pyx.GmsslInnerError, InvalidTag, ValueError) as error:
            raise UnwrapFailure("wrapped key does not open") from error

    def _key_encryption_key(self, seed: bytes, sm2_ciphertext: bytes, info: bytes) -> bytes:
        return self.hkdf(seed, self.hash(sm2_ciphertext), _WRAP_LABEL + info, _SM4_KEY_SIZE)

    def chunk_aead(self, key: bytes) -> ChunkAead:
        return _Sm4Gcm(key)

    def hasher(self) -> Hasher:
        return _Sm3Hasher()

    def hkdf(self, ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
        return HKDF(hashes.SM3(), length, salt, info).derive(ikm)

    def mac(self, key: bytes, message: bytes) -> bytes:
        running = crypto_hmac.HMAC(key, hashes.SM3())
        running.update(message)
        return running.finalize()

    def self_test(self) -> None:
        _test_sm3(self)
        _test_sm4_gcm(self)
        _test_sm2(self)


def _test_sm3(suite: G1Suite) -> None:
    # GB/T 32905-2016 appendix A.1.
    expect_equal("SM3", suite.hash(b"abc"),
                 "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    # HMAC-SM3 has no published vector: two independent implementations must agree.
    key, message = b"meili key", b"meili message"
    if suite.mac(key, message) != gmssl_pyx.sm3_hmac(key, message):
        raise SelfTestFailure("HMAC-SM3: cryptography and GmSSL disagree")


def _test_sm4_gcm(suite: G1Suite) -> None:
    # RFC 8998 appendix A.1.
    aead = suite.chunk_aead(bytes.fromhex("0123456789abcdeffedcba9876543210"))
    nonce = bytes.fromhex("00001234567800000000abcd")
    aad = bytes.fromhex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    plaintext = bytes.fromhex(
        "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
        "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa")
    sealed = aead.encrypt(nonce, plaintext, aad)
    expect_equal("SM4-GCM", sealed,
                 "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                 "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                 "83de3541e4c2b58177e065a9bf7b62ec")
    try:
        aead.decrypt(nonce, sealed[:-1] + bytes([sealed[-1] ^ 1]), aad)
    except InvalidTag:
        return
    raise SelfTestFailure("SM4-GCM: a modified tag was accepted")


# GM/T 0003.5-2012 (GB/T 32918.5-2016) annexes A and C, on the recommended curve.
_STANDARD_D = "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8"
_STANDARD_PUBLIC = ("09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
                    "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13")
_STANDARD_R = 0xF5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3
_STANDARD_S = 0xB1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA
# The annex C ciphertext of "encryption standard", DER encoded as GM/T 0009-2012 section 7.2.
_STANDARD_CIPHERTEXT = (
    "307c022004ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73"
    "022100e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0"
    "042059983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766"
    "041321886ca989ca9c7d58087307ca93092d651efa")


def _test_sm2(suite: G1Suite) -> None:
    public = bytes.fromhex(_STANDARD_PUBLIC)
    signature = encode_dss_signature(_STANDARD_R, _STANDARD_S)
    if not suite.verify(public, b"message digest", signature):
        raise SelfTestFailure("SM2: the standard's signature was rejected")
    if suite.verify(public, b"message digesT", signature):
        raise SelfTestFailure("SM2: a signature over another message was accepted")

    scalar = bytes.fromhex(_STANDARD_D)
    try:
        plaintext = gmssl_pyx.sm2_decrypt(scalar, bytes.fromhex(_STANDARD_CIPHERTEXT))
    except gmssl_pyx.GmsslInnerError as error:
        raise SelfTestFailure("SM2: the standard's ciphertext did not decrypt") from error
    if plaintext != b"encryption standard":
        raise SelfTestFailure("SM2: the standard's ciphertext decrypted wrongly")

    pair = suite.load_signing_key(scalar + public)
    file_key = bytes(range(32))
    wrapped = suite.wrap_key(pair.public_key, file_key, b"info")
    try:
        unwrapped = suite.unwrap_key(pair.private_key, wrapped, b"info")
    except UnwrapFailure as error:
        raise SelfTestFailure("SM2: a key wrap did not open") from error
    if unwrapped != file_key:
        raise SelfTestFailure("SM2: unwrapped key differs")
    try:
        suite.unwrap_key(pair.private_key, wrapped, b"other")
    except UnwrapFailure:
        return
    raise SelfTestFailure("SM2: a key wrap opened under another info")
