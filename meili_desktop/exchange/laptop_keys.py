"""Statements by which a township laptop proves that a new signing key is its own.

A laptop gets a new signing key when the office changes its cipher suite, while its entries,
revision numbers and package sequence continue. The office must not take the new key for a
second laptop. So each report package's ``report_info`` record lists the laptop's earlier
signing keys, each with a signature by that earlier key over a statement that names the unit
and the package's signing key::

    "earlier_keys": [{"suite": "C1", "fingerprint": "01234 ...", "signature": "<base64>"}]

The signed message is ``"meili-laptop-key\\0"`` followed by the canonical JSON of
``{"type": "meili-laptop-key", "version": 1, "unit_id": ..., "earlier": <fingerprint>,
"current": <fingerprint>}``. A reinstalled laptop no longer holds its earlier private key, so
it cannot make the statement and counts as another laptop.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from meili_desktop.exchange.canonical import canonical_json
from meili_desktop.exchange.errors import ContentMismatchError
from meili_desktop.exchange.fingerprints import normalize_fingerprint
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import KeyPair

STATEMENT_TYPE = "meili-laptop-key"
_VERSION = 1
_CONTEXT = b"meili-laptop-key\x00"
# A laptop changes its key only when the office changes its suite, so a few are plenty.
MAX_EARLIER_KEYS = 16
# Base64 of the largest signature a suite makes (an SM2 DER signature is at most 72 bytes).
_MAX_SIGNATURE_TEXT = 256


@dataclass(frozen=True)
class KeyLink:
    """An earlier key of the sending laptop, with its signature over the statement."""

    suite: str
    fingerprint: str
    signature: bytes


def statement(unit_id: str, earlier: str, current: str) -> bytes:
    """Return the message an earlier key signs to vouch for the ``current`` key."""
    return _CONTEXT + canonical_json({"type": STATEMENT_TYPE, "version": _VERSION,
                                      "unit_id": unit_id, "earlier": earlier,
                                      "current": current})


def sign_link(earlier_key: KeyPair, earlier_fingerprint: str, *, unit_id: str,
              current_fingerprint: str) -> dict[str, Any]:
    """Return the ``earlier_keys`` item by which ``earlier_key`` vouches for the current key."""
    suite = get_suite(earlier_key.suite)
    signature = suite.sign(earlier_key.private_key,
                           statement(unit_id, earlier_fingerprint, current_fingerprint))
    return {"suite": earlier_key.suite, "fingerprint": earlier_fingerprint,
            "signature": base64.b64encode(signature).decode("ascii")}


def parse_links(value: Any, file_name: str) -> tuple[KeyLink, ...]:
    """Read the ``earlier_keys`` list of a report package; a missing list reads as empty.

    Raises:
        ContentMismatchError: the list or one of its items is malformed (reason
            ``invalid_laptop_key``).
    """
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_EARLIER_KEYS:
        raise ContentMismatchError(file=file_name, reason="invalid_laptop_key", value="")
    links: list[KeyLink] = []
    for item in value:
        link = _parse_link(item)
        if link is None:
            shown = item.get("fingerprint", "") if isinstance(item, dict) else ""
            raise ContentMismatchError(file=file_name, reason="invalid_laptop_key",
                                       value=str(shown)[:60])
        links.append(link)
    return tuple(links)


def _parse_link(item: Any) -> KeyLink | None:
    if not isinstance(item, dict):
        return None
    suite, text, signature = item.get("suite"), item.get("fingerprint"), item.get("signature")
    if not isinstance(suite, str) or not isinstance(text, str) or not isinstance(signature, str):
        return None
    fingerprint = normalize_fingerprint(text)
    if fingerprint != text or len(signature) > _MAX_SIGNATURE_TEXT:
        return None
    try:
        raw = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError):
        return None
    return KeyLink(suite, fingerprint, raw)


def verify_link(link: KeyLink, *, unit_id: str, current_fingerprint: str, suite_id: str,
                public_key: bytes) -> bool:
    """Return whether ``link`` was signed by the earlier key ``public_key`` of ``suite_id``.

    The caller looks up the earlier key by ``link.fingerprint`` among the unit's stored keys.

    Raises:
        SuiteUnavailableError: the earlier key's suite is unknown or disabled.
    """
    if link.suite != suite_id:
        return False
    suite = get_suite(suite_id)
    return suite.verify(public_key, statement(unit_id, link.fingerprint, current_fingerprint),
                        link.signature)
