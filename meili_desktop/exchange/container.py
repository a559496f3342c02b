"""The package container's public API; other code calls only these functions.

A package file is a preamble, a canonical JSON header, the header signature and the payload
chunks. :mod:`~meili_desktop.exchange.header` describes the bytes up to the payload,
:mod:`~meili_desktop.exchange.stream` the chunks and :mod:`~meili_desktop.exchange.payload`
the records inside them. ``docs/package-format.md`` specifies the whole format.
"""

from meili_desktop.exchange.model import (
    AttachmentSource,
    Keyring,
    KeyState,
    PackageHeaderInfo,
    Recipient,
    RecipientInfo,
    Sender,
    SenderKeyLookup,
    VerifiedAttachment,
    VerifiedPackage,
)
from meili_desktop.exchange.payload import DEFAULT_LIMITS, Limits
from meili_desktop.exchange.reader import open_package, read_package, verify_header
from meili_desktop.exchange.writer import write_package

__all__ = [
    "DEFAULT_LIMITS",
    "AttachmentSource",
    "KeyState",
    "Keyring",
    "Limits",
    "PackageHeaderInfo",
    "Recipient",
    "RecipientInfo",
    "Sender",
    "SenderKeyLookup",
    "VerifiedAttachment",
    "VerifiedPackage",
    "open_package",
    "read_package",
    "verify_header",
    "write_package",
]
