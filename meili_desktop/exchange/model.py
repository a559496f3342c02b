"""Data types of the package API: what callers pass in and what they get back."""

from __future__ import annotations

import enum
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

logger = logging.getLogger(__name__)

KIND_DISTRIBUTION = "distribution"
KIND_REPORT = "report"
KIND_RECEIPT = "receipt"
KIND_BUNDLE = "bundle"
# Report packages and county bundles are encrypted; the other kinds are signed but public.
ENCRYPTED_KINDS = frozenset({KIND_REPORT, KIND_BUNDLE})
PACKAGE_KINDS = frozenset({KIND_DISTRIBUTION, KIND_REPORT, KIND_RECEIPT, KIND_BUNDLE})

ROLE_WORKING = "working"
ROLE_ESCROW = "escrow"
RECIPIENT_ROLES = frozenset({ROLE_WORKING, ROLE_ESCROW})


class KeyState(enum.StrEnum):
    """The office's decision about a sender's signing key."""

    UNKNOWN = "unknown"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    # The fingerprint is stored for another unit: a key belongs to one unit only.
    OTHER_UNIT = "other_unit"


@dataclass(frozen=True)
class SenderKeyLookup:
    """The keyring's result for one sender key.

    Attributes:
        state: the office's decision.
        public_key: the stored public key; required when ``state`` is APPROVED.
        owner_unit_id: the unit the key is stored for, when ``state`` is OTHER_UNIT.
    """

    state: KeyState
    public_key: bytes | None = None
    owner_unit_id: str | None = None


class Keyring(Protocol):
    """The caller's key store, as the package reader needs it."""

    def sender_key(self, unit_id: str, fingerprint: str) -> SenderKeyLookup:
        """Look up the signing key ``fingerprint`` of reporting unit ``unit_id``."""
        ...

    def decryption_key(self, key_id: str) -> bytes | None:
        """Return our unlocked private key with this key id (fingerprint), or None."""
        ...


@dataclass(frozen=True)
class Sender:
    """The reporting unit that writes a package."""

    unit_id: str
    name: str


@dataclass(frozen=True)
class Recipient:
    """A public key the file key is wrapped to."""

    public_key: bytes
    role: str = ROLE_WORKING


@dataclass(frozen=True)
class AttachmentSource:
    """A file to include, identified by its SHA-256 (lowercase hex).

    ``display_name`` is cleaned before it is written; ``size`` and ``sha256`` are checked
    against the file while it is copied.
    """

    sha256: str
    display_name: str
    size: int
    path: Path


@dataclass(frozen=True)
class RecipientInfo:
    """One recipient entry of a header."""

    key_id: str
    role: str


@dataclass(frozen=True)
class PackageHeaderInfo:
    """The parsed header of a package.

    From :func:`~meili_desktop.exchange.container.open_package` nothing here is verified yet;
    from :func:`~meili_desktop.exchange.container.read_package` all of it is.
    """

    format_version: tuple[int, int]
    package_id: str
    kind: str
    suite: str
    app_version: str
    sender_unit_id: str
    sender_name: str
    sender_fingerprint: str
    sender_public_key: bytes = field(repr=False)
    recipients: tuple[RecipientInfo, ...]
    addressee: str | None
    sequence: int
    created_at: str
    periods: tuple[str, ...]
    counts: dict[str, int]
    is_encrypted: bool
    payload_length: int
    chunk_count: int
    manifest_digest: str
    header_hash: str
    file_size: int


@dataclass(frozen=True)
class VerifiedAttachment:
    """An attachment that verified, waiting in a temporary file named by its SHA-256."""

    sha256: str
    size: int
    display_name: str
    temp_path: Path


@dataclass
class VerifiedPackage:
    """A fully verified package.

    The attachments stay in ``work_dir`` until the caller moves them (``os.replace`` onto the
    content-addressed store) and calls :meth:`discard`, which removes whatever is left.
    """

    header: PackageHeaderInfo
    records: list[Any]
    attachments: list[VerifiedAttachment]
    recipient_key_id: str | None
    work_dir: Path

    @property
    def package_id(self) -> str:
        return self.header.package_id

    @property
    def header_hash(self) -> str:
        return self.header.header_hash

    @property
    def sequence(self) -> int:
        return self.header.sequence

    def discard(self) -> None:
        """Delete the temporary folder and any attachment not yet moved out of it."""
        shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> VerifiedPackage:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()
