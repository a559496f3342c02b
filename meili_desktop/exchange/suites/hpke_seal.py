"""RFC 9180 HPKE base-mode single-shot seal with a caller-chosen ephemeral key.

``cryptography``'s HPKE always draws its own ephemeral key, which is right for real packages
but makes golden test vectors impossible to reproduce byte for byte. This module builds the
same computation from X25519, HKDF-SHA256 and AES-GCM so that a seeded ephemeral key gives a
fixed result. It is used only when a caller injects a random source; real packages are sealed by
``cryptography.hazmat.primitives.hpke``. Tests check it against RFC 9180 Appendix A.1 and open
its output with ``cryptography``'s implementation.
"""

from __future__ import annotations

import hashlib
import hmac
import struct

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEM_X25519_HKDF_SHA256 = 0x0020
KDF_HKDF_SHA256 = 0x0001
AEAD_AES_128_GCM = 0x0001
AEAD_AES_256_GCM = 0x0002

_AEAD_KEY_SIZES = {AEAD_AES_128_GCM: 16, AEAD_AES_256_GCM: 32}
_NONCE_SIZE = 12
_HASH_SIZE = 32


def _extract(salt: bytes, ikm: bytes) -> bytes:
    return hmac.new(salt or bytes(_HASH_SIZE), ikm, hashlib.sha256).digest()


def _expand(prk: bytes, info: bytes, length: int) -> bytes:
    output = b""
    block = b""
    counter = 1
    while len(output) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        output += block
        counter += 1
    return output[:length]


def _labeled_extract(suite_id: bytes, salt: bytes, label: bytes, ikm: bytes) -> bytes:
    return _extract(salt, b"HPKE-v1" + suite_id + label + ikm)


def _labeled_expand(suite_id: bytes, prk: bytes, label: bytes, info: bytes, length: int) -> bytes:
    labeled_info = struct.pack(">H", length) + b"HPKE-v1" + suite_id + label + info
    return _expand(prk, labeled_info, length)


def seal_base(recipient_public: bytes, ephemeral_private: bytes, info: bytes, aad: bytes,
              plaintext: bytes, aead_id: int = AEAD_AES_256_GCM) -> bytes:
    """Seal ``plaintext`` to an X25519 public key in HPKE base mode (sequence number 0).

    Args:
        recipient_public: raw 32-byte X25519 public key of the recipient.
        ephemeral_private: raw 32-byte X25519 private key to use as the sender's ephemeral key.
        info: the HPKE ``info`` context.
        aad: associated data of the single AEAD call (empty in ``cryptography``'s single-shot API).
        plaintext: the message.
        aead_id: AEAD identifier from RFC 9180 section 7.3 (AES-128-GCM or AES-256-GCM).

    Returns:
        ``enc || ciphertext``, the layout ``cryptography``'s ``Suite.decrypt`` accepts.
    """
    ephemeral = X25519PrivateKey.from_private_bytes(ephemeral_private)
    recipient = X25519PublicKey.from_public_bytes(recipient_public)
    enc = ephemeral.public_key().public_bytes_raw()

    # DHKEM(X25519, HKDF-SHA256): Encap, RFC 9180 section 4.1.
    kem_suite_id = b"KEM" + struct.pack(">H", KEM_X25519_HKDF_SHA256)
    dh = ephemeral.exchange(recipient)
    eae_prk = _labeled_extract(kem_suite_id, b"", b"eae_prk", dh)
    shared_secret = _labeled_expand(kem_suite_id, eae_prk, b"shared_secret",
                                    enc + recipient_public, _HASH_SIZE)

    # KeySchedule in base mode (mode 0, empty PSK), RFC 9180 section 5.1.
    hpke_suite_id = b"HPKE" + struct.pack(">HHH", KEM_X25519_HKDF_SHA256, KDF_HKDF_SHA256,
                                          aead_id)
    psk_id_hash = _labeled_extract(hpke_suite_id, b"", b"psk_id_hash", b"")
    info_hash = _labeled_extract(hpke_suite_id, b"", b"info_hash", info)
    context = b"\x00" + psk_id_hash + info_hash
    secret = _labeled_extract(hpke_suite_id, shared_secret, b"secret", b"")
    key = _labeled_expand(hpke_suite_id, secret, b"key", context, _AEAD_KEY_SIZES[aead_id])
    base_nonce = _labeled_expand(hpke_suite_id, secret, b"base_nonce", context, _NONCE_SIZE)

    return enc + AESGCM(key).encrypt(base_nonce, plaintext, aad)
