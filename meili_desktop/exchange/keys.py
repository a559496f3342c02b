"""Key generation, passphrase protection of private keys, and encrypted key backups.

Everything here is a pure function over bytes; the caller stores the results (the ``keys``
table keeps the public key, the protected private key, the fingerprint and the status).

A protected key or backup is canonical JSON naming its scheme and parameters, so old files stay
readable when defaults change. Two schemes exist:

* ``argon2id-aes256gcm`` (default for C1): Argon2id (RFC 9106) with 64 MiB, 3 passes and 4
  lanes derives a 32-byte key, and AES-256-GCM encrypts.
* ``pbkdf2sm3-sm4gcm`` (default for G1): PBKDF2-HMAC-SM3 with 600,000 iterations derives a
  16-byte key, and SM4-GCM encrypts, so a G1 office uses only commercial algorithms at rest.

The associated data of the encryption is the envelope without its ciphertext, so the recorded
parameters, suite, purpose and public key cannot be changed without the passphrase.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from meili_desktop.exchange.canonical import JsonRejected, canonical_json, parse_canonical
from meili_desktop.exchange.errors import KeyFileError, WrongPassphraseError
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import KeyPair, RandomSource

PURPOSE_SIGNING = "signing"
PURPOSE_ENCRYPTION = "encryption"
PURPOSE_ESCROW = "escrow"
PURPOSES = frozenset({PURPOSE_SIGNING, PURPOSE_ENCRYPTION, PURPOSE_ESCROW})

SCHEME_ARGON2 = "argon2id-aes256gcm"
SCHEME_SM = "pbkdf2sm3-sm4gcm"
_SALT_SIZE = 16
_NONCE_SIZE = 12
PROTECTED_KEY_FORMAT = "meili-protected-key"
BACKUP_FORMAT = "meili-key-backup"
_FORMAT_VERSION = 1


@dataclass(frozen=True)
class KdfParameters:
    """Cost parameters of a passphrase scheme; tests use cheaper ones."""

    memory_kib: int = 64 * 1024
    passes: int = 3
    lanes: int = 4
    pbkdf2_iterations: int = 600_000


DEFAULT_KDF = KdfParameters()


@dataclass(frozen=True)
class CityKeys:
    """The key pairs a city office creates at setup."""

    signing: KeyPair
    encryption: KeyPair
    escrow: KeyPair


@dataclass(frozen=True)
class UnlockedKey:
    """A private key opened from its protected form."""

    suite: str
    purpose: str
    public_key: bytes
    private_key: bytes = field(repr=False)


@dataclass(frozen=True)
class BackupEntry:
    """One key in a backup file: enough to restore a row of the key store."""

    suite: str
    purpose: str
    owner_unit_id: str | None
    public_key: bytes
    private_key: bytes | None = field(repr=False)
    status: str
    created_at: str


def generate_city_keys(suite_id: str) -> CityKeys:
    """Generate the city office's signing, working encryption and offline escrow key pairs."""
    suite = get_suite(suite_id)
    return CityKeys(suite.generate_signing_key(), suite.generate_encryption_key(),
                    suite.generate_encryption_key())


def generate_township_key(suite_id: str) -> KeyPair:
    """Generate a township's signing key pair."""
    return get_suite(suite_id).generate_signing_key()


def default_scheme(suite_id: str) -> str:
    """Return the passphrase scheme used by default for keys of ``suite_id``."""
    return SCHEME_SM if suite_id == "G1" else SCHEME_ARGON2


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, what: str) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(part=what)
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(part=what) from None


def _kdf_record(scheme: str, salt: bytes, parameters: KdfParameters) -> dict[str, Any]:
    if scheme == SCHEME_ARGON2:
        return {"name": "argon2id", "salt": _b64(salt), "memory_kib": parameters.memory_kib,
                "passes": parameters.passes, "lanes": parameters.lanes}
    if scheme == SCHEME_SM:
        return {"name": "pbkdf2-hmac-sm3", "salt": _b64(salt),
                "iterations": parameters.pbkdf2_iterations}
    raise ValueError(f"unknown passphrase scheme {scheme!r}")


def _derive(scheme: str, kdf: dict[str, Any], passphrase: str) -> bytes:
    secret = passphrase.encode("utf-8")
    salt = _unb64(kdf.get("salt"), "salt")
    numbers = [kdf.get(name) for name in ("memory_kib", "passes", "lanes", "iterations")]
    try:
        if scheme == SCHEME_ARGON2 and kdf.get("name") == "argon2id":
            memory, passes, lanes = numbers[:3]
            if not all(type(value) is int for value in numbers[:3]) or memory > 4 * 1024**2:
                raise KeyFileError(part="kdf")
            return Argon2id(salt=salt, length=32, iterations=passes, lanes=lanes,
                            memory_cost=memory).derive(secret)
        if scheme == SCHEME_SM and kdf.get("name") == "pbkdf2-hmac-sm3":
            iterations = numbers[3]
            if type(iterations) is not int or not 0 < iterations <= 10**8:
                raise KeyFileError(part="kdf")
            return PBKDF2HMAC(hashes.SM3(), 16, salt, iterations).derive(secret)
    except ValueError:
        raise KeyFileError(part="kdf") from None
    raise KeyFileError(part="kdf")


def _cipher(scheme: str, key: bytes) -> Any:
    if scheme == SCHEME_SM:
        return get_suite("G1").chunk_aead(key)
    return AESGCM(key)


def _seal(envelope: dict[str, Any], plaintext: bytes, passphrase: str, scheme: str,
          parameters: KdfParameters, rng: RandomSource) -> bytes:
    envelope["scheme"] = scheme
    envelope["kdf"] = _kdf_record(scheme, rng(_SALT_SIZE), parameters)
    envelope["nonce"] = _b64(rng(_NONCE_SIZE))
    key = _derive(scheme, envelope["kdf"], passphrase)
    ciphertext = _cipher(scheme, key).encrypt(base64.b64decode(envelope["nonce"]), plaintext,
                                              canonical_json(envelope))
    envelope["ciphertext"] = _b64(ciphertext)
    return canonical_json(envelope)


def _open(blob: bytes, expected_format: str, passphrase: str) -> tuple[dict[str, Any], bytes]:
    try:
        envelope = parse_canonical(blob)
    except JsonRejected:
        raise KeyFileError(part="envelope") from None
    if (not isinstance(envelope, dict) or envelope.get("format") != expected_format
            or envelope.get("version") != _FORMAT_VERSION):
        raise KeyFileError(part="format")
    scheme = envelope.get("scheme")
    if scheme not in {SCHEME_ARGON2, SCHEME_SM} or not isinstance(envelope.get("kdf"), dict):
        raise KeyFileError(part="scheme")
    ciphertext = _unb64(envelope.pop("ciphertext", None), "ciphertext")
    nonce = _unb64(envelope.get("nonce"), "nonce")
    key = _derive(scheme, envelope["kdf"], passphrase)
    try:
        plaintext = _cipher(scheme, key).decrypt(nonce, ciphertext, canonical_json(envelope))
    except InvalidTag:
        raise WrongPassphraseError() from None
    return envelope, plaintext


def protect_private_key(pair: KeyPair, purpose: str, passphrase: str, *,
                        scheme: str | None = None, parameters: KdfParameters = DEFAULT_KDF,
                        rng: RandomSource | None = None) -> bytes:
    """Encrypt a private key under a passphrase.

    Args:
        pair: the key pair; its public key is recorded in the clear.
        purpose: ``signing``, ``encryption`` or ``escrow``.
        passphrase: the user's passphrase (any Unicode text, encoded as UTF-8).
        scheme: the passphrase scheme; default :func:`default_scheme` of the key's suite.
        parameters: cost parameters.
        rng: for reproducible tests only.

    Returns:
        The protected key as canonical JSON bytes.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"unknown key purpose {purpose!r}")
    envelope = {"format": PROTECTED_KEY_FORMAT, "version": _FORMAT_VERSION, "suite": pair.suite,
                "purpose": purpose, "public_key": _b64(pair.public_key)}
    return _seal(envelope, pair.private_key, passphrase, scheme or default_scheme(pair.suite),
                 parameters, rng or os.urandom)


def unprotect_private_key(blob: bytes, passphrase: str) -> UnlockedKey:
    """Decrypt a protected private key and check it belongs to its recorded public key.

    Raises:
        WrongPassphraseError: the passphrase does not open it.
        KeyFileError: the bytes are not a protected key, or the key does not match.
        SuiteUnavailableError: the key's suite is disabled.
    """
    envelope, private_key = _open(blob, PROTECTED_KEY_FORMAT, passphrase)
    suite_id, purpose = envelope.get("suite"), envelope.get("purpose")
    if not isinstance(suite_id, str) or purpose not in PURPOSES:
        raise KeyFileError(part="purpose")
    public_key = _unb64(envelope.get("public_key"), "public_key")
    suite = get_suite(suite_id)
    try:
        pair = (suite.load_signing_key(private_key) if purpose == PURPOSE_SIGNING
                else suite.load_encryption_key(private_key))
    except ValueError:
        raise KeyFileError(part="private_key") from None
    if pair.public_key != public_key:
        raise KeyFileError(part="public_key")
    return UnlockedKey(suite_id, purpose, public_key, private_key)


def export_key_backup(entries: list[BackupEntry], passphrase: str, *,
                      scheme: str = SCHEME_ARGON2, parameters: KdfParameters = DEFAULT_KDF,
                      rng: RandomSource | None = None) -> bytes:
    """Encrypt a list of keys (private halves included) into one backup file's bytes."""
    content = canonical_json({"keys": [
        {"suite": entry.suite, "purpose": entry.purpose, "owner_unit_id": entry.owner_unit_id,
         "public_key": _b64(entry.public_key),
         "private_key": None if entry.private_key is None else _b64(entry.private_key),
         "status": entry.status, "created_at": entry.created_at}
        for entry in entries]})
    envelope = {"format": BACKUP_FORMAT, "version": _FORMAT_VERSION, "count": len(entries)}
    return _seal(envelope, content, passphrase, scheme, parameters, rng or os.urandom)


def restore_key_backup(blob: bytes, passphrase: str) -> list[BackupEntry]:
    """Decrypt a backup file's bytes.

    Raises:
        WrongPassphraseError: the passphrase does not open it.
        KeyFileError: the bytes are not a key backup of this program.
    """
    _, content = _open(blob, BACKUP_FORMAT, passphrase)
    try:
        keys = parse_canonical(content)["keys"]
        return [BackupEntry(
            suite=item["suite"], purpose=item["purpose"], owner_unit_id=item["owner_unit_id"],
            public_key=_unb64(item["public_key"], "public_key"),
            private_key=(None if item["private_key"] is None
                         else _unb64(item["private_key"], "private_key")),
            status=item["status"], created_at=item["created_at"]) for item in keys]
    except (JsonRejected, KeyError, TypeError):
        raise KeyFileError(part="backup content") from None
