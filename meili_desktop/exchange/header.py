"""The package preamble, header and header signature: encoding, reading and validation.

File prefix, all integers big-endian::

    0      8  magic 89 4D 45 49 4C 49 0D 0A  ("\\x89MEILI\\r\\n")
    8      2  format major version
    10     2  format minor version
    12     4  header length H
    16     H  header: canonical JSON
    16+H   2  signature length S
    18+H   S  signature over "meili-package header\\0" + bytes 0 .. 16+H
    18+H+S    payload chunks

The header hash is the suite hash of bytes 0 .. 16+H. The wrap context, which every key wrap is
bound to, is the suite hash of "meili-package wrap context\\0", bytes 0 .. 12 and the canonical
header with every ``wrapped_key`` emptied, so that it exists before the wraps do.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any, BinaryIO

from meili_desktop.exchange.canonical import JsonRejected, canonical_json, parse_canonical
from meili_desktop.exchange.errors import (
    CorruptedError,
    NotAPackageError,
    TooLargeError,
    TruncatedError,
    UnsupportedVersionError,
)
from meili_desktop.exchange.suites.base import CipherSuite

MAGIC = b"\x89MEILI\r\n"
FORMAT_MAJOR = 1
FORMAT_MINOR = 0
PREAMBLE = struct.Struct(">8sHHI")
SIGNATURE_LENGTH = struct.Struct(">H")
MAX_HEADER_BYTES = 256 * 1024
MAX_SIGNATURE_BYTES = 1024
HEADER_SIGNATURE_CONTEXT = b"meili-package header\x00"
WRAP_CONTEXT_LABEL = b"meili-package wrap context\x00"


@dataclass(frozen=True)
class RawHeader:
    """The prefix of a package file as read, before any semantic check."""

    format_version: tuple[int, int]
    prefix: bytes
    header: dict[str, Any]
    signature: bytes
    payload_offset: int

    @property
    def signed_message(self) -> bytes:
        return HEADER_SIGNATURE_CONTEXT + self.prefix


def _read(source: BinaryIO, size: int, part: str) -> bytes:
    data = source.read(size)
    if len(data) < size:
        raise TruncatedError(part=part)
    return data


def read_raw_header(source: BinaryIO) -> RawHeader:
    """Read the preamble, header and signature, checking magic, version and JSON syntax.

    Raises:
        NotAPackageError: the magic bytes are missing (an empty file, a document, noise).
        UnsupportedVersionError: the major format version is not one this program reads.
        TooLargeError: the header or signature is longer than the caps.
        TruncatedError: the file ends inside the prefix.
        CorruptedError: the header is not canonical strict JSON.
    """
    start = source.read(PREAMBLE.size)
    if len(start) < len(MAGIC) or start[:len(MAGIC)] != MAGIC:
        raise NotAPackageError()
    if len(start) < PREAMBLE.size:
        raise TruncatedError(part="preamble")
    _, major, minor, header_length = PREAMBLE.unpack(start)
    if major != FORMAT_MAJOR:
        raise UnsupportedVersionError(found=f"{major}.{minor}",
                                      supported=f"{FORMAT_MAJOR}.{FORMAT_MINOR}")
    if header_length > MAX_HEADER_BYTES:
        # No writer makes a longer header (encode_prefix rejects it), so the length field is
        # damaged or the file was made by another program.
        raise TooLargeError(part="header", size=header_length, limit=MAX_HEADER_BYTES,
                            variant="length_field")
    header_bytes = _read(source, header_length, "header")
    (signature_length,) = SIGNATURE_LENGTH.unpack(_read(source, SIGNATURE_LENGTH.size,
                                                        "signature"))
    if not 0 < signature_length <= MAX_SIGNATURE_BYTES:
        raise CorruptedError(part="signature length")
    signature = _read(source, signature_length, "signature")
    try:
        header = parse_canonical(header_bytes)
    except JsonRejected as error:
        raise CorruptedError(part="header", reason=str(error)) from None
    if not isinstance(header, dict):
        raise CorruptedError(part="header", reason="not an object")
    return RawHeader((major, minor), start + header_bytes, header, signature,
                     PREAMBLE.size + header_length + SIGNATURE_LENGTH.size + signature_length)


def encode_prefix(header: dict[str, Any]) -> bytes:
    """Return the preamble and canonical header bytes for ``header``."""
    header_bytes = canonical_json(header)
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise TooLargeError(part="header", size=len(header_bytes), limit=MAX_HEADER_BYTES)
    return PREAMBLE.pack(MAGIC, FORMAT_MAJOR, FORMAT_MINOR, len(header_bytes)) + header_bytes


def encode_signature(signature: bytes) -> bytes:
    """Return the signature section for ``signature``."""
    if not 0 < len(signature) <= MAX_SIGNATURE_BYTES:
        raise ValueError("signature length out of range")
    return SIGNATURE_LENGTH.pack(len(signature)) + signature


def wrap_context(suite: CipherSuite, format_version: tuple[int, int],
                 header: dict[str, Any]) -> bytes:
    """Return the context every key wrap of this header is bound to."""
    # Only the recipients' wrapped keys change, so only those objects are copied and the
    # parsed header stays as it was.
    blanked = dict(header)
    recipients = header.get("recipients", [])
    if isinstance(recipients, list):
        blanked["recipients"] = [{**recipient, "wrapped_key": ""}
                                 if isinstance(recipient, dict) else recipient
                                 for recipient in recipients]
    preamble_start = struct.pack(">8sHH", MAGIC, *format_version)
    return suite.hash(WRAP_CONTEXT_LABEL + preamble_start + canonical_json(blanked))
