"""The payload record layout: a signed manifest, then records, then attachments.

The plaintext payload is a sequence of items, each a 9-byte item header (type as one byte,
body length as an unsigned 64-bit big-endian integer) followed by the body:

1. type 1, the manifest: canonical JSON naming the package, sender and recipients and listing
   the suite digest and size of every record and the SHA-256, suite digest, size and display
   name of every attachment, in payload order;
2. type 2, the sender's signature over "meili-package manifest\\0" + the manifest bytes;
3. type 3, one item per record, each a JSON document;
4. type 4, one item per attachment, the file's bytes.

Nothing else may follow the last attachment. The manifest's digest is also in the signed
header, so the header signature covers every byte of the payload.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from meili_desktop.exchange.canonical import JsonRejected, canonical_json, parse_canonical
from meili_desktop.exchange.errors import (
    CorruptedError,
    RelabelledError,
    SizeMismatchError,
    TooLargeError,
    UnsafeNameError,
)
from meili_desktop.exchange.header_fields import MAX_PAYLOAD_BYTES
from meili_desktop.exchange.names import MAX_NAME_CHARS, is_clean_display_name

ITEM_MANIFEST = 1
ITEM_MANIFEST_SIGNATURE = 2
ITEM_RECORD = 3
ITEM_ATTACHMENT = 4
ITEM_HEADER = struct.Struct(">BQ")
MANIFEST_VERSION = 1
MANIFEST_SIGNATURE_CONTEXT = b"meili-package manifest\x00"
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_MANIFEST_FIELDS = frozenset({"manifest_version", "package_id", "kind", "suite", "sender",
                              "recipients", "addressee", "sequence", "records", "attachments"})


@dataclass(frozen=True)
class Limits:
    """Caps on sizes and counts, checked when writing and before reading each part."""

    max_manifest_bytes: int = 16 * 1024**2
    max_record_bytes: int = 16 * 1024**2
    max_records: int = 100_000
    max_records_total_bytes: int = 128 * 1024**2
    max_attachments: int = 10_000
    max_attachment_bytes: int = 16 * 1024**3
    max_payload_bytes: int = MAX_PAYLOAD_BYTES


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RecordEntry:
    digest: str
    size: int


@dataclass(frozen=True)
class AttachmentEntry:
    sha256: str
    digest: str
    size: int
    name: str


@dataclass(frozen=True)
class Manifest:
    """A parsed manifest. ``identity`` contains the fields that repeat the header."""

    identity: dict[str, Any]
    records: tuple[RecordEntry, ...]
    attachments: tuple[AttachmentEntry, ...]


def item_header(item_type: int, length: int) -> bytes:
    """Encode the 9-byte header of one payload item."""
    return ITEM_HEADER.pack(item_type, length)


def manifest_identity(header: dict[str, Any]) -> dict[str, Any]:
    """Return the facts of a (validated) header that the manifest repeats.

    They include the sender and the recipients, so that a payload cannot be moved under
    another sender's header even by someone who can decrypt it.
    """
    sender = header["sender"]
    return {
        "manifest_version": MANIFEST_VERSION,
        "package_id": header["package_id"],
        "kind": header["kind"],
        "suite": header["suite"],
        "sender": {"unit_id": sender["unit_id"], "name": sender["name"],
                   "key_fingerprint": sender["key_fingerprint"]},
        "recipients": [recipient["key_id"] for recipient in header["recipients"]],
        "addressee": header["addressee"],
        "sequence": header["sequence"],
    }


def build_manifest(identity: dict[str, Any], records: list[RecordEntry],
                   attachments: list[AttachmentEntry]) -> bytes:
    """Encode a manifest as canonical JSON."""
    manifest = dict(identity)
    manifest["records"] = [{"digest": entry.digest, "size": entry.size} for entry in records]
    manifest["attachments"] = [
        {"sha256": entry.sha256, "digest": entry.digest, "size": entry.size, "name": entry.name}
        for entry in attachments]
    return canonical_json(manifest)


def payload_length(manifest_size: int, signature_size: int, records: Iterable[RecordEntry],
                   attachments: Iterable[AttachmentEntry]) -> int:
    """Return the plaintext payload length for these items."""
    bodies = [manifest_size, signature_size]
    bodies += [entry.size for entry in records]
    bodies += [entry.size for entry in attachments]
    return sum(ITEM_HEADER.size + size for size in bodies)


def _size(value: Any, field: str, limit: int) -> int:
    if type(value) is not int or value < 0:
        raise CorruptedError(part="manifest", field=field)
    if value > limit:
        raise TooLargeError(part=field, size=value, limit=limit)
    return value


def _digest(value: Any, field: str) -> str:
    if not isinstance(value, str) or not _HEX_DIGEST.fullmatch(value):
        raise CorruptedError(part="manifest", field=field)
    return value


def _entries(manifest: dict[str, Any], key: str, limit: int) -> list[dict[str, Any]]:
    entries = manifest.get(key)
    if not isinstance(entries, list):
        raise CorruptedError(part="manifest", field=key)
    if len(entries) > limit:
        raise TooLargeError(part=key, size=len(entries), limit=limit)
    if not all(isinstance(entry, dict) for entry in entries):
        raise CorruptedError(part="manifest", field=key)
    return entries


def parse_manifest(raw: bytes, limits: Limits) -> Manifest:
    """Parse and check a manifest.

    Raises:
        CorruptedError: not canonical JSON, or a field is missing or malformed.
        TooLargeError: counts or sizes exceed ``limits``.
        UnsafeNameError: an attachment name is not a clean display name.
    """
    try:
        manifest = parse_canonical(raw)
    except JsonRejected as error:
        raise CorruptedError(part="manifest", reason=str(error)) from None
    if not isinstance(manifest, dict) or set(manifest) != _MANIFEST_FIELDS:
        raise CorruptedError(part="manifest", field="fields")

    records = []
    total = 0
    for entry in _entries(manifest, "records", limits.max_records):
        size = _size(entry.get("size"), "record", limits.max_record_bytes)
        total += size
        records.append(RecordEntry(_digest(entry.get("digest"), "record digest"), size))
    if total > limits.max_records_total_bytes:
        raise TooLargeError(part="records", size=total, limit=limits.max_records_total_bytes)

    attachments = []
    seen: set[str] = set()
    for entry in _entries(manifest, "attachments", limits.max_attachments):
        name = entry.get("name")
        if not isinstance(name, str) or len(name) > MAX_NAME_CHARS * 4:
            raise CorruptedError(part="manifest", field="attachment name")
        if not is_clean_display_name(name):
            raise UnsafeNameError(name=name[:MAX_NAME_CHARS])
        sha256 = _digest(entry.get("sha256"), "attachment sha256")
        if sha256 in seen:
            raise CorruptedError(part="manifest", field="duplicate attachment")
        seen.add(sha256)
        attachments.append(AttachmentEntry(
            sha256, _digest(entry.get("digest"), "attachment digest"),
            _size(entry.get("size"), "attachment", limits.max_attachment_bytes), name))

    identity = {key: manifest[key] for key in _MANIFEST_FIELDS - {"records", "attachments"}}
    return Manifest(identity, tuple(records), tuple(attachments))


def check_manifest_identity(manifest: Manifest, header: dict[str, Any]) -> None:
    """Raise RelabelledError unless the manifest repeats the header's identity exactly."""
    if manifest.identity != manifest_identity(header):
        raise RelabelledError(sender=header["sender"]["unit_id"])


def check_payload_length(manifest_size: int, signature_size: int, manifest: Manifest,
                         declared: int) -> None:
    """Raise SizeMismatchError unless the manifest's items add up to the declared length."""
    actual = payload_length(manifest_size, signature_size, manifest.records, manifest.attachments)
    if actual != declared:
        raise SizeMismatchError(part="payload", declared=declared, actual=actual)
