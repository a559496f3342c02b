"""Key rotation announcements, carried as a record in distribution packages.

When the city office replaces its keys, townships must learn the new public keys from a source
they already trust. The announcement is a canonical JSON statement listing the new keys,
signed by the old signing key. When the statement introduces a new signing key, that key
signs it too, which proves the office holds its private half. Townships keep trusting the old
key until they have verified an announcement with it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from meili_desktop.exchange.canonical import JsonRejected, canonical_json, parse_canonical
from meili_desktop.exchange.errors import KeyFileError, RotationSignatureError
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.keys import PURPOSE_SIGNING, PURPOSES
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import KeyPair

ANNOUNCEMENT_TYPE = "meili-key-rotation"
_VERSION = 1
_CONTEXT = b"meili-key-rotation\x00"


@dataclass(frozen=True)
class AnnouncedKey:
    """A new public key in an announcement."""

    suite: str
    purpose: str
    public_key: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.suite, self.public_key)


@dataclass(frozen=True)
class RotationAnnouncement:
    """A verified announcement."""

    unit_id: str
    sequence: int
    effective_from: str
    old_fingerprint: str
    new_keys: tuple[AnnouncedKey, ...]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def make_rotation_announcement(old_signing_key: KeyPair, new_keys: Sequence[AnnouncedKey], *,
                               unit_id: str, sequence: int, effective_from: str,
                               new_signing_key: KeyPair | None = None) -> dict[str, Any]:
    """Build a signed announcement of ``new_keys``, ready to be a package record.

    Args:
        old_signing_key: the signing key the townships trust now.
        new_keys: the replacement public keys (any suite, any purpose).
        unit_id: the announcing reporting unit (the city office).
        sequence: increases with every announcement of this unit.
        effective_from: the date or period from which the new keys are used.
        new_signing_key: the new signing key pair; required when ``new_keys`` has one.

    Raises:
        ValueError: a new signing key is announced without its key pair, or purposes are unknown.
    """
    new_signing = [key for key in new_keys if key.purpose == PURPOSE_SIGNING]
    if any(key.purpose not in PURPOSES for key in new_keys):
        raise ValueError("unknown key purpose in announcement")
    if new_signing and (new_signing_key is None
                        or new_signing_key.public_key != new_signing[0].public_key
                        or len(new_signing) != 1):
        raise ValueError("a new signing key must co-sign its announcement")

    statement = canonical_json({
        "type": ANNOUNCEMENT_TYPE, "version": _VERSION, "unit_id": unit_id,
        "sequence": sequence, "effective_from": effective_from,
        "old_key": {"suite": old_signing_key.suite,
                    "fingerprint": fingerprint(old_signing_key.suite,
                                               old_signing_key.public_key)},
        "new_keys": [{"suite": key.suite, "purpose": key.purpose,
                      "public_key": _b64(key.public_key)} for key in new_keys],
    })
    old_suite = get_suite(old_signing_key.suite)
    signatures = {"old": _b64(old_suite.sign(old_signing_key.private_key, _CONTEXT + statement))}
    if new_signing_key is not None:
        new_suite = get_suite(new_signing_key.suite)
        signatures["new"] = _b64(new_suite.sign(new_signing_key.private_key,
                                                _CONTEXT + statement))
    return {"type": ANNOUNCEMENT_TYPE, "statement": _b64(statement), "signatures": signatures}


def _decode(value: Any) -> bytes:
    if not isinstance(value, str):
        raise KeyFileError(part="announcement")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError(part="announcement") from None


def _parse_statement(statement: bytes) -> RotationAnnouncement:
    try:
        body = parse_canonical(statement)
        new_keys = tuple(AnnouncedKey(item["suite"], item["purpose"],
                                      _decode(item["public_key"]))
                         for item in body["new_keys"])
        result = RotationAnnouncement(body["unit_id"], body["sequence"], body["effective_from"],
                                      body["old_key"]["fingerprint"], new_keys)
    except (JsonRejected, KeyError, TypeError):
        raise KeyFileError(part="announcement") from None
    if body.get("type") != ANNOUNCEMENT_TYPE or body.get("version") != _VERSION:
        raise KeyFileError(part="announcement")
    if any(key.purpose not in PURPOSES for key in new_keys):
        raise KeyFileError(part="announcement")
    return result


def verify_rotation_announcement(announcement: Any, trusted_suite: str,
                                 trusted_public_key: bytes) -> RotationAnnouncement:
    """Verify an announcement against the signing key trusted now.

    Raises:
        KeyFileError: the announcement is malformed.
        RotationSignatureError: a signature does not verify, or the announcement names another
            old key.
    """
    if not isinstance(announcement, dict) or not isinstance(announcement.get("signatures"),
                                                            dict):
        raise KeyFileError(part="announcement")
    statement = _decode(announcement.get("statement"))
    result = _parse_statement(statement)
    if result.old_fingerprint != fingerprint(trusted_suite, trusted_public_key):
        raise RotationSignatureError(fingerprint=result.old_fingerprint)

    signatures = announcement["signatures"]
    old_suite = get_suite(trusted_suite)
    if not old_suite.verify(trusted_public_key, _CONTEXT + statement,
                            _decode(signatures.get("old"))):
        raise RotationSignatureError(fingerprint=result.old_fingerprint)
    for key in result.new_keys:
        if key.purpose != PURPOSE_SIGNING:
            continue
        new_suite = get_suite(key.suite)
        if not new_suite.verify(key.public_key, _CONTEXT + statement,
                                _decode(signatures.get("new"))):
            raise RotationSignatureError(fingerprint=key.fingerprint)
    return result
