"""Read and verify a package file, in the order that rejects bad input before any work.

1. Preamble: magic bytes, then the major format version.
2. Header JSON syntax (strict, canonical, size-capped); only the fields needed to find keys
   are read at this point.
3. Recipient: for an encrypted package, one of the recipient key ids must be one of our
   decryption keys, checked before any decryption.
4. Sender key: the header's public key must match its fingerprint, and the keyring must have
   approved that fingerprint for the sender's reporting unit.
5. Header signature over the raw header bytes; then every header field is validated.
6. The declared payload size against the file size.
7. Key unwrap (bound to the header), then every chunk is authenticated as it is read.
8. The manifest: its digest (which the header carries), its signature, its caps and names,
   and that it repeats the header's sender and recipients.
9. Every record and attachment against the manifest's sizes and digests, and nothing after
   the final chunk.

Attachments are written only into a fresh folder inside ``temp_dir`` and the folder is deleted
on any failure, so nothing reaches the caller until step 9 has passed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from meili_desktop.errors import CancelledError
from meili_desktop.exchange.canonical import JsonRejected, parse_strict
from meili_desktop.exchange.errors import (
    BadSignatureError,
    CorruptedError,
    PendingSenderKeyError,
    RejectedSenderKeyError,
    RelabelledError,
    SenderKeyOfOtherUnitError,
    SizeMismatchError,
    TooLargeError,
    TrailingDataError,
    TruncatedError,
    UnknownSenderKeyError,
    WrongRecipientError,
    naming_file,
)
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.header import MAX_SIGNATURE_BYTES, RawHeader, read_raw_header, wrap_context
from meili_desktop.exchange.header_fields import LookupFields, lookup_fields, validate_header
from meili_desktop.exchange.model import (
    ENCRYPTED_KINDS,
    Keyring,
    KeyState,
    PackageHeaderInfo,
    VerifiedAttachment,
    VerifiedPackage,
)
from meili_desktop.exchange.payload import (
    DEFAULT_LIMITS,
    ITEM_ATTACHMENT,
    ITEM_HEADER,
    ITEM_MANIFEST,
    ITEM_MANIFEST_SIGNATURE,
    ITEM_RECORD,
    MANIFEST_SIGNATURE_CONTEXT,
    AttachmentEntry,
    Limits,
    check_manifest_identity,
    check_payload_length,
    parse_manifest,
)
from meili_desktop.exchange.stream import CHUNK_SIZE, ChunkSealer, StreamReader, sealed_length
from meili_desktop.exchange.suites import get_suite
from meili_desktop.exchange.suites.base import CipherSuite, UnwrapFailure
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import open_source

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
# A caller's check of the validated header, which raises to reject the package.
HeaderCheck = Callable[[PackageHeaderInfo], None]
_COPY_BLOCK = 16 * CHUNK_SIZE


@dataclass(frozen=True)
class _VerifiedPrefix:
    raw: RawHeader
    suite: CipherSuite
    info: PackageHeaderInfo
    wraps: list[bytes]
    recipient_index: int | None
    private_key: bytes | None


def _file_size(source: BinaryIO) -> int:
    return os.fstat(source.fileno()).st_size


def _find_our_key(lookup: LookupFields, keyring: Keyring) -> tuple[int, bytes]:
    for index, key_id in enumerate(lookup.recipient_key_ids):
        private_key = keyring.decryption_key(key_id)
        if private_key is not None:
            return index, private_key
    raise WrongRecipientError(recipients=", ".join(lookup.recipient_key_ids) or "-")


def _sender_public_key(suite: CipherSuite, lookup: LookupFields, keyring: Keyring) -> bytes:
    if fingerprint(suite.suite_id, lookup.sender_public_key) != lookup.sender_fingerprint:
        raise BadSignatureError(part="sender key", unit_id=lookup.sender_unit_id)
    details = {"unit_id": lookup.sender_unit_id, "fingerprint": lookup.sender_fingerprint}
    answer = keyring.sender_key(lookup.sender_unit_id, lookup.sender_fingerprint)
    if answer.state == KeyState.PENDING:
        raise PendingSenderKeyError(**details)
    if answer.state == KeyState.REJECTED:
        raise RejectedSenderKeyError(**details)
    if answer.state == KeyState.OTHER_UNIT:
        raise SenderKeyOfOtherUnitError(owner_unit_id=answer.owner_unit_id, **details)
    if answer.state != KeyState.APPROVED:
        raise UnknownSenderKeyError(**details)
    if answer.public_key is not None and answer.public_key != lookup.sender_public_key:
        raise BadSignatureError(part="sender key", unit_id=lookup.sender_unit_id)
    return lookup.sender_public_key


def _verify_prefix(source: BinaryIO, keyring: Keyring, *, check_recipient: bool,
                   check_header: HeaderCheck | None = None) -> _VerifiedPrefix:
    """Run steps 1 to 6 of the verification order.

    With ``check_header`` every header field is validated before step 3 instead of after
    step 5, and the check runs on the result, so a caller's check of the kind comes before
    any key lookup.
    """
    raw = read_raw_header(source)
    lookup = lookup_fields(raw)
    suite = get_suite(lookup.suite)
    size = _file_size(source)
    validated = None
    if check_header is not None:
        validated = validate_header(raw, suite.hash(raw.prefix), size)
        check_header(validated[0])

    recipient_index, private_key = None, None
    if check_recipient and lookup.kind in ENCRYPTED_KINDS:
        recipient_index, private_key = _find_our_key(lookup, keyring)
    public_key = _sender_public_key(suite, lookup, keyring)
    if not suite.verify(public_key, raw.signed_message, raw.signature):
        raise BadSignatureError(part="header", unit_id=lookup.sender_unit_id)

    info, wraps = validated or validate_header(raw, suite.hash(raw.prefix), size)
    expected = raw.payload_offset + sealed_length(info.payload_length)
    if size < expected:
        raise TruncatedError(part="payload", size=size, expected=expected)
    if size > expected:
        raise TrailingDataError(size=size, expected=expected)
    return _VerifiedPrefix(raw, suite, info, wraps, recipient_index, private_key)


def verify_header(path: Path, keyring: Keyring) -> PackageHeaderInfo:
    """Verify a package's header signature and sender key without decrypting anything.

    Raises:
        ExchangeError: a subclass naming the first check that failed.
    """
    with naming_file(path), open_source(path) as source:
        return _verify_prefix(source, keyring, check_recipient=False).info


def open_package(path: Path) -> PackageHeaderInfo:
    """Parse a package's header for display, verifying nothing but its format.

    Raises:
        ExchangeError: a subclass for a file that is not a readable package.
    """
    with naming_file(path), open_source(path) as source:
        raw = read_raw_header(source)
        suite = get_suite(lookup_fields(raw).suite)
        info, _ = validate_header(raw, suite.hash(raw.prefix), _file_size(source))
    return info


class _PayloadParser:
    """Steps 8 and 9: the items of a verified stream, written into ``work_dir``."""

    def __init__(self, stream: StreamReader, prefix: _VerifiedPrefix, work_dir: Path,
                 limits: Limits) -> None:
        self._stream = stream
        self._prefix = prefix
        self._suite = prefix.suite
        self._work_dir = work_dir
        self._limits = limits

    def _item(self, expected_type: int, limit: int, part: str) -> int:
        if self._stream.remaining < ITEM_HEADER.size:
            raise CorruptedError(part="payload", reason=f"{part} missing")
        item_type, length = ITEM_HEADER.unpack(self._stream.read(ITEM_HEADER.size))
        if item_type != expected_type:
            raise CorruptedError(part="payload", reason=f"{part} expected")
        if length > limit:
            raise TooLargeError(part=part, size=length, limit=limit)
        if length > self._stream.remaining:
            raise SizeMismatchError(part=part, declared=length, actual=self._stream.remaining)
        return length

    def parse(self) -> tuple[list[Any], list[VerifiedAttachment]]:
        info = self._prefix.info
        manifest_bytes = self._stream.read(
            self._item(ITEM_MANIFEST, self._limits.max_manifest_bytes, "manifest"))
        if self._suite.hash(manifest_bytes).hex() != info.manifest_digest:
            raise CorruptedError(part="manifest", reason="digest differs from header")
        signature = self._stream.read(
            self._item(ITEM_MANIFEST_SIGNATURE, MAX_SIGNATURE_BYTES, "manifest signature"))
        if not self._suite.verify(info.sender_public_key,
                                  MANIFEST_SIGNATURE_CONTEXT + manifest_bytes, signature):
            raise BadSignatureError(part="manifest", unit_id=info.sender_unit_id)
        try:
            manifest = parse_manifest(manifest_bytes, self._limits)
        except CorruptedError as error:
            # The manifest's signature verified, so it is malformed as its sender wrote it.
            error.details["variant"] = "signed_malformed"
            raise
        check_manifest_identity(manifest, self._prefix.raw.header)
        check_payload_length(len(manifest_bytes), len(signature), manifest,
                             info.payload_length)

        records = [self._record(entry.digest, entry.size) for entry in manifest.records]
        attachments = [self._attachment(entry) for entry in manifest.attachments]
        self._stream.finish()
        return records, attachments

    def _record(self, digest: str, size: int) -> Any:
        length = self._item(ITEM_RECORD, self._limits.max_record_bytes, "record")
        if length != size:
            raise SizeMismatchError(part="record", declared=size, actual=length)
        body = self._stream.read(length)
        if self._suite.hash(body).hex() != digest:
            raise CorruptedError(part="record", reason="digest differs from manifest")
        try:
            return parse_strict(body)
        except JsonRejected as error:
            # The record matches the signed manifest, so the sender's program wrote it so.
            raise CorruptedError(part="record", reason=str(error),
                                 variant="signed_malformed") from None

    def _attachment(self, entry: AttachmentEntry) -> VerifiedAttachment:
        length = self._item(ITEM_ATTACHMENT, self._limits.max_attachment_bytes, "attachment")
        if length != entry.size:
            raise SizeMismatchError(part="attachment", name=entry.name, declared=entry.size,
                                    actual=length)
        sha256 = hashlib.sha256()
        # With a SHA-256 suite the two digests are the same hash, computed once.
        digest = None if self._suite.hash_name == "SHA-256" else self._suite.hasher()
        temp_path = self._work_dir / entry.sha256
        with mapped_os_errors(self._work_dir):
            self._work_dir.mkdir(mode=0o700, exist_ok=True)
            output = open(temp_path, "xb")
        with output:
            while self._stream.remaining and length:
                block = self._stream.read(min(_COPY_BLOCK, length))
                length -= len(block)
                sha256.update(block)
                if digest is not None:
                    digest.update(block)
                with mapped_os_errors(self._work_dir):
                    output.write(block)
        suite_digest = sha256.hexdigest() if digest is None else digest.digest().hex()
        if sha256.hexdigest() != entry.sha256 or suite_digest != entry.digest:
            raise CorruptedError(part="attachment", name=entry.name)
        return VerifiedAttachment(entry.sha256, entry.size, entry.name, temp_path)


def read_package(path: Path, *, keyring: Keyring, temp_dir: Path,
                 progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None,
                 limits: Limits = DEFAULT_LIMITS,
                 check_header: HeaderCheck | None = None) -> VerifiedPackage:
    """Verify and decrypt a package completely.

    Args:
        path: the package file.
        keyring: the caller's sender keys and our decryption keys.
        temp_dir: folder for the verified attachments (on the same disk as their final place).
        progress: called with (chunks done, chunks total).
        cancel: set to stop; raises CancelledError and leaves nothing in ``temp_dir``.
        limits: caps on sizes and counts.
        check_header: called with the validated header before the recipient and sender
            keys are looked up. It raises to reject the package, for example one of the
            wrong kind. The header's fields are then validated before its signature is
            checked, in the order of :func:`open_package` followed by this function.

    Returns:
        The verified header, parsed records and attachments in temporary files named by
        SHA-256; the caller moves them and then calls ``discard()``.

    Raises:
        ExchangeError: a subclass naming the first check that failed.
        CancelledError: ``cancel`` was set.
    """
    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise CancelledError()

    logger.info("reading package %s", path)
    # Reading faults (the file deleted, the stick pulled out) become io.source_vanished and
    # its siblings; writing the verified attachments maps its own faults to ``temp_dir``.
    with naming_file(path), open_source(path) as source:
        prefix = _verify_prefix(source, keyring, check_recipient=True,
                                check_header=check_header)
        info = prefix.info
        file_key = None
        if prefix.private_key is not None and prefix.recipient_index is not None:
            context = wrap_context(prefix.suite, info.format_version, prefix.raw.header)
            try:
                file_key = prefix.suite.unwrap_key(
                    prefix.private_key, prefix.wraps[prefix.recipient_index], context)
            except UnwrapFailure:
                raise RelabelledError(sender=info.sender_unit_id) from None

        sealer = ChunkSealer(prefix.suite, bytes.fromhex(info.header_hash), file_key)
        stream = StreamReader(source, sealer, info.payload_length, progress, check_cancel)
        # The folder is made by the first attachment: most report packages have none, and a
        # folder made and removed per package took a tenth of the time of merging it.
        work_dir = temp_dir / f"package-{uuid.uuid4().hex}"
        try:
            records, attachments = _PayloadParser(stream, prefix, work_dir, limits).parse()
        except BaseException as error:
            shutil.rmtree(work_dir, ignore_errors=True)
            logger.warning("package %s rejected: %s", path, error)
            raise

    recipient_key_id = None
    if prefix.recipient_index is not None:
        recipient_key_id = info.recipients[prefix.recipient_index].key_id
    logger.info("package %s verified: %s from %s, sequence %d", info.package_id, info.kind,
                info.sender_unit_id, info.sequence)
    return VerifiedPackage(info, records, attachments, recipient_key_id, work_dir)
