"""Field-by-field validation of a parsed package header.

The header is untrusted until its signature verifies, so the reader first takes only the
fields it needs to find keys (:func:`lookup_fields`) and validates the rest after the
signature check (:func:`validate_header`). Every failure raises ``CorruptedError`` naming the
field, because a header our writer produced always passes.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from typing import Any

from meili_desktop.exchange.errors import CorruptedError, TooLargeError
from meili_desktop.exchange.header import FORMAT_MINOR, RawHeader
from meili_desktop.exchange.model import (
    ENCRYPTED_KINDS,
    PACKAGE_KINDS,
    RECIPIENT_ROLES,
    PackageHeaderInfo,
    RecipientInfo,
)
from meili_desktop.exchange.stream import CHUNK_SIZE, chunk_count

MAX_RECIPIENTS = 16
MAX_PERIODS = 500
MAX_COUNTS = 64
MAX_PAYLOAD_BYTES = 64 * 1024**3
_MAX_INTEGER = 2**53 - 1
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_TOP_LEVEL_FIELDS = frozenset({
    "package_id", "kind", "suite", "app_version", "sender", "recipients", "addressee",
    "sequence", "created_at", "periods", "counts", "payload"})
_SENDER_FIELDS = frozenset({"unit_id", "name", "key_fingerprint", "public_key"})
_RECIPIENT_FIELDS = frozenset({"key_id", "role", "wrapped_key"})
_PAYLOAD_FIELDS = frozenset({"encrypted", "length", "chunk_count", "chunk_size",
                             "manifest_digest"})


@dataclass(frozen=True)
class LookupFields:
    """The header fields read before the signature is checked, to find the keys."""

    suite: str
    kind: str
    sender_unit_id: str
    sender_fingerprint: str
    sender_public_key: bytes
    recipient_key_ids: tuple[str, ...]


def _object(value: Any, field: str, allowed: frozenset[str], strict: bool) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorruptedError(part="header", field=field)
    if strict and not set(value) <= allowed:
        raise CorruptedError(part="header", field=f"{field}.{sorted(set(value) - allowed)[0]}")
    return value


def _text(value: Any, field: str, max_chars: int, *, empty: bool = False) -> str:
    if not isinstance(value, str) or len(value) > max_chars or (not empty and not value):
        raise CorruptedError(part="header", field=field)
    return value


def _integer(value: Any, field: str, maximum: int = _MAX_INTEGER) -> int:
    if type(value) is not int or not 0 <= value <= maximum:
        raise CorruptedError(part="header", field=field)
    return value


def _base64(value: Any, field: str, max_chars: int) -> bytes:
    text = _text(value, field, max_chars)
    try:
        decoded = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise CorruptedError(part="header", field=field) from None
    if base64.b64encode(decoded).decode("ascii") != text:
        raise CorruptedError(part="header", field=field)
    return decoded


def lookup_fields(raw: RawHeader) -> LookupFields:
    """Extract and type-check the fields needed to find the sender's and our keys."""
    header = raw.header
    strict = raw.format_version[1] <= FORMAT_MINOR
    sender = _object(header.get("sender"), "sender", _SENDER_FIELDS, strict)
    recipients = header.get("recipients")
    if not isinstance(recipients, list) or len(recipients) > MAX_RECIPIENTS:
        raise CorruptedError(part="header", field="recipients")
    key_ids = tuple(
        _text(_object(item, "recipients", _RECIPIENT_FIELDS, strict).get("key_id"),
              "recipients.key_id", 80)
        for item in recipients)
    return LookupFields(
        suite=_text(header.get("suite"), "suite", 10),
        kind=_text(header.get("kind"), "kind", 20),
        sender_unit_id=_text(sender.get("unit_id"), "sender.unit_id", 40),
        sender_fingerprint=_text(sender.get("key_fingerprint"), "sender.key_fingerprint", 80),
        sender_public_key=_base64(sender.get("public_key"), "sender.public_key", 200),
        recipient_key_ids=key_ids,
    )


def _recipients(value: list[Any], strict: bool) -> tuple[tuple[RecipientInfo, ...], list[bytes]]:
    infos: list[RecipientInfo] = []
    wraps: list[bytes] = []
    for item in value:
        entry = _object(item, "recipients", _RECIPIENT_FIELDS, strict)
        role = _text(entry.get("role"), "recipients.role", 20)
        if role not in RECIPIENT_ROLES:
            raise CorruptedError(part="header", field="recipients.role")
        infos.append(RecipientInfo(_text(entry.get("key_id"), "recipients.key_id", 80), role))
        wraps.append(_base64(entry.get("wrapped_key"), "recipients.wrapped_key", 1024))
    return tuple(infos), wraps


def _package_id(value: Any) -> str:
    text = _text(value, "package_id", 36)
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        raise CorruptedError(part="header", field="package_id") from None
    if str(parsed) != text:
        raise CorruptedError(part="header", field="package_id")
    return text


def _counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_COUNTS:
        raise CorruptedError(part="header", field="counts")
    return {_text(key, "counts", 40): _integer(number, f"counts.{key[:40]}")
            for key, number in value.items()}


def _periods(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > MAX_PERIODS:
        raise CorruptedError(part="header", field="periods")
    return tuple(_text(item, "periods", 20) for item in value)


def validate_header(raw: RawHeader, header_hash: bytes, file_size: int
                    ) -> tuple[PackageHeaderInfo, list[bytes]]:
    """Validate every header field and their consistency.

    Returns:
        The header info and the wrapped file keys, in recipient order.

    Raises:
        CorruptedError: a field is missing, of the wrong type or inconsistent.
        TooLargeError: the declared payload exceeds the cap.
    """
    header = raw.header
    strict = raw.format_version[1] <= FORMAT_MINOR
    _object(header, "header", _TOP_LEVEL_FIELDS, strict)
    lookup = lookup_fields(raw)
    if lookup.kind not in PACKAGE_KINDS:
        raise CorruptedError(part="header", field="kind")
    sender = header["sender"]
    recipients, wraps = _recipients(header["recipients"], strict)
    payload = _object(header.get("payload"), "payload", _PAYLOAD_FIELDS, strict)
    is_encrypted = payload.get("encrypted")
    if not isinstance(is_encrypted, bool) or is_encrypted != (lookup.kind in ENCRYPTED_KINDS):
        raise CorruptedError(part="header", field="payload.encrypted")
    if is_encrypted != bool(recipients):
        raise CorruptedError(part="header", field="recipients")
    length = _integer(payload.get("length"), "payload.length")
    if length > MAX_PAYLOAD_BYTES:
        raise TooLargeError(part="payload", size=length, limit=MAX_PAYLOAD_BYTES)
    chunks = _integer(payload.get("chunk_count"), "payload.chunk_count")
    if chunks != chunk_count(length) or payload.get("chunk_size") != CHUNK_SIZE:
        raise CorruptedError(part="header", field="payload.chunk_count")
    manifest_digest = _text(payload.get("manifest_digest"), "payload.manifest_digest", 64)
    if not _HEX_DIGEST.fullmatch(manifest_digest):
        raise CorruptedError(part="header", field="payload.manifest_digest")
    addressee = header.get("addressee")
    if addressee is not None:
        addressee = _text(addressee, "addressee", 40)

    info = PackageHeaderInfo(
        format_version=raw.format_version,
        package_id=_package_id(header.get("package_id")),
        kind=lookup.kind,
        suite=lookup.suite,
        app_version=_text(header.get("app_version"), "app_version", 40),
        sender_unit_id=lookup.sender_unit_id,
        sender_name=_text(sender.get("name"), "sender.name", 200, empty=True),
        sender_fingerprint=lookup.sender_fingerprint,
        sender_public_key=lookup.sender_public_key,
        recipients=recipients,
        addressee=addressee,
        sequence=_integer(header.get("sequence"), "sequence"),
        created_at=_text(header.get("created_at"), "created_at", 40),
        periods=_periods(header.get("periods")),
        counts=_counts(header.get("counts")),
        is_encrypted=is_encrypted,
        payload_length=length,
        chunk_count=chunks,
        manifest_digest=manifest_digest,
        header_hash=header_hash.hex(),
        file_size=file_size,
    )
    return info, wraps
