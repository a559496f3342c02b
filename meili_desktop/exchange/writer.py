"""Write a package file: sign the header and manifest, then stream the payload chunks.

The file is written to a temporary file in the target folder and moved into place with
``os.replace`` only when complete, so a reader never sees a partial package. On failure or
cancellation the temporary file is removed.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

from meili_desktop import __version__
from meili_desktop.errors import CancelledError
from meili_desktop.exchange.canonical import canonical_json
from meili_desktop.exchange.errors import AttachmentChangedError, TooLargeError, naming_file
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.header import (
    FORMAT_MAJOR,
    FORMAT_MINOR,
    HEADER_SIGNATURE_CONTEXT,
    RawHeader,
    encode_prefix,
    encode_signature,
    wrap_context,
)
from meili_desktop.exchange.header_fields import validate_header
from meili_desktop.exchange.model import (
    ENCRYPTED_KINDS,
    PACKAGE_KINDS,
    RECIPIENT_ROLES,
    AttachmentSource,
    PackageHeaderInfo,
    Recipient,
    Sender,
)
from meili_desktop.exchange.names import clean_display_name
from meili_desktop.exchange.payload import (
    DEFAULT_LIMITS,
    ITEM_ATTACHMENT,
    ITEM_MANIFEST,
    ITEM_MANIFEST_SIGNATURE,
    ITEM_RECORD,
    MANIFEST_SIGNATURE_CONTEXT,
    AttachmentEntry,
    Limits,
    RecordEntry,
    build_manifest,
    item_header,
    manifest_identity,
    payload_length,
)
from meili_desktop.exchange.stream import CHUNK_SIZE, ChunkSealer, StreamWriter, chunk_count
from meili_desktop.exchange.suites import DEFAULT_SUITE, get_suite
from meili_desktop.exchange.suites.base import FILE_KEY_SIZE, CipherSuite, KeyPair, RandomSource
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import atomic_write

logger = logging.getLogger(__name__)

_COPY_BLOCK = 16 * CHUNK_SIZE
_RECORD_SPOOL_BYTES = 8 * 1024**2
ProgressCallback = Callable[[int, int], None]


@dataclass
class _Job:
    """Progress and cancellation of one write."""

    total: int
    progress: ProgressCallback | None
    cancel: threading.Event | None
    done: int = 0

    def advance(self, size: int) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise CancelledError()
        self.done += size
        if self.progress is not None:
            self.progress(self.done, self.total)


def _check_arguments(suite: CipherSuite, kind: str, signing_key: KeyPair,
                     recipients: Sequence[Recipient]) -> None:
    if kind not in PACKAGE_KINDS:
        raise ValueError(f"unknown package kind {kind!r}")
    if signing_key.suite != suite.suite_id:
        raise ValueError("the signing key belongs to another suite")
    if (kind in ENCRYPTED_KINDS) != bool(recipients):
        raise ValueError(f"a {kind} package needs recipients exactly when it is encrypted")
    for recipient in recipients:
        if recipient.role not in RECIPIENT_ROLES:
            raise ValueError(f"unknown recipient role {recipient.role!r}")
        suite.check_public_key(recipient.public_key)


def _spool_records(suite: CipherSuite, records: Iterable[Any], spool: IO[bytes],
                   limits: Limits) -> list[RecordEntry]:
    entries: list[RecordEntry] = []
    total = 0
    for record in records:
        body = canonical_json(record)
        if len(body) > limits.max_record_bytes:
            raise TooLargeError(part="record", size=len(body), limit=limits.max_record_bytes)
        total += len(body)
        entries.append(RecordEntry(suite.hash(body).hex(), len(body)))
        spool.write(body)
    if len(entries) > limits.max_records:
        raise TooLargeError(part="records", size=len(entries), limit=limits.max_records)
    if total > limits.max_records_total_bytes:
        raise TooLargeError(part="records", size=total, limit=limits.max_records_total_bytes)
    spool.seek(0)
    return entries


def _hash_file(suite: CipherSuite, source: AttachmentSource, job: _Job) -> tuple[str, str]:
    """Return the SHA-256 and suite digest of an attachment's current content."""
    sha256 = hashlib.sha256()
    digest = suite.hasher()
    with mapped_os_errors(source.path, reading=True), open(source.path, "rb") as handle:
        while block := handle.read(_COPY_BLOCK):
            sha256.update(block)
            digest.update(block)
            job.advance(len(block))
    return sha256.hexdigest(), digest.digest().hex()


def _list_attachments(suite: CipherSuite, attachments: Iterable[AttachmentSource],
                      limits: Limits, job: _Job
                      ) -> list[tuple[AttachmentSource, AttachmentEntry]]:
    listed: dict[str, tuple[AttachmentSource, AttachmentEntry]] = {}
    for source in attachments:
        if source.sha256 in listed:
            continue
        if source.size > limits.max_attachment_bytes:
            raise TooLargeError(part="attachment", size=source.size,
                                limit=limits.max_attachment_bytes)
        with mapped_os_errors(source.path, reading=True):
            current_size = os.stat(source.path).st_size
        if current_size != source.size:
            raise AttachmentChangedError(name=source.display_name, path=str(source.path))
        digest = source.sha256
        if suite.hash_name != "SHA-256":
            # The manifest precedes the attachments, so their suite digests are computed first.
            actual_sha256, digest = _hash_file(suite, source, job)
            if actual_sha256 != source.sha256:
                raise AttachmentChangedError(name=source.display_name, path=str(source.path))
        name = clean_display_name(source.display_name)
        listed[source.sha256] = (source, AttachmentEntry(source.sha256, digest, source.size,
                                                         name))
    if len(listed) > limits.max_attachments:
        raise TooLargeError(part="attachments", size=len(listed), limit=limits.max_attachments)
    return list(listed.values())


def _copy_attachment(source: AttachmentSource, writer: StreamWriter, job: _Job) -> None:
    """Stream one attachment, checking its size and SHA-256 against the listing."""
    sha256 = hashlib.sha256()
    copied = 0
    # Writes to the package map their own faults, so these name the evidence file.
    with mapped_os_errors(source.path, reading=True), open(source.path, "rb") as handle:
        while block := handle.read(min(_COPY_BLOCK, source.size - copied + 1)):
            copied += len(block)
            if copied > source.size:
                break
            sha256.update(block)
            writer.write(block)
            job.advance(len(block))
    if copied != source.size or sha256.hexdigest() != source.sha256:
        raise AttachmentChangedError(name=source.display_name, path=str(source.path))


def _build_header(suite: CipherSuite, kind: str, sender: Sender, signing_key: KeyPair,
                  recipients: Sequence[Recipient], sequence: int, periods: Sequence[str],
                  counts: Mapping[str, int], addressee: str | None, package_id: str,
                  created_at: datetime, app_version: str) -> dict[str, Any]:
    return {
        "package_id": package_id,
        "kind": kind,
        "suite": suite.suite_id,
        "app_version": app_version,
        "sender": {
            "unit_id": sender.unit_id,
            "name": sender.name,
            "key_fingerprint": fingerprint(suite.suite_id, signing_key.public_key),
            "public_key": base64.b64encode(signing_key.public_key).decode("ascii"),
        },
        "recipients": [
            {"key_id": fingerprint(suite.suite_id, recipient.public_key), "role": recipient.role,
             "wrapped_key": ""}
            for recipient in recipients],
        "addressee": addressee,
        "sequence": sequence,
        "created_at": created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "periods": list(periods),
        "counts": dict(counts),
    }


def write_package(out_path: Path, kind: str, sender: Sender, signing_key: KeyPair,
                  recipients: Sequence[Recipient], records: Iterable[Any],
                  attachments: Iterable[AttachmentSource], *, sequence: int,
                  periods: Sequence[str] = (), counts: Mapping[str, int] | None = None,
                  addressee: str | None = None, suite: str = DEFAULT_SUITE,
                  progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None, temp_dir: Path | None = None,
                  limits: Limits = DEFAULT_LIMITS, rng: RandomSource | None = None,
                  now: datetime | None = None, app_version: str = __version__
                  ) -> PackageHeaderInfo:
    """Write a signed (and, for report and bundle packages, encrypted) package file.

    Args:
        out_path: the package file to create or replace.
        kind: ``distribution``, ``report``, ``receipt`` or ``bundle``.
        sender: the reporting unit writing the package.
        signing_key: the sender's signing key pair of ``suite``.
        recipients: public keys to encrypt to (working and escrow); empty for public kinds.
        records: JSON-serializable documents, in order.
        attachments: files to include; duplicates by SHA-256 are written once.
        sequence: the sender's sequence number for this package kind.
        periods: reporting period codes the package covers, shown before import.
        counts: numbers shown before import, e.g. ``{"entries": 12}``.
        addressee: the reporting unit the package is meant for, if any.
        suite: the cipher suite id.
        progress: called with (bytes done, bytes total).
        cancel: set to stop; the job raises CancelledError and leaves no file.
        temp_dir: folder for spooling records beyond 8 MiB (default: the system's).
        limits: caps on sizes and counts.
        rng: for golden test vectors only; draws the file key, package id and HPKE ephemeral
            keys. None uses the operating system's random source.
        now: creation time to record (informational); default the current time.
        app_version: program version to record; golden test vectors pin it.

    Returns:
        The header of the written package.

    Raises:
        AttachmentChangedError: an attachment's size or SHA-256 differs from its listing.
        TooLargeError: a size or count exceeds ``limits``.
        CancelledError: ``cancel`` was set.
        SuiteUnavailableError: the suite is unknown or disabled.
    """
    out_path = Path(out_path)
    logger.info("writing %s package %s for %s", kind, out_path, sender.unit_id)
    with naming_file(out_path):
        return _write_package(out_path, kind, sender, signing_key, recipients, records,
                              list(attachments), sequence, periods, counts or {}, addressee,
                              get_suite(suite), progress, cancel, temp_dir, limits,
                              rng, now or datetime.now(UTC), app_version)


def _write_package(out_path: Path, kind: str, sender: Sender, signing_key: KeyPair,
                   recipients: Sequence[Recipient], records: Iterable[Any],
                   attachments: list[AttachmentSource], sequence: int, periods: Sequence[str],
                   counts: Mapping[str, int], addressee: str | None, cipher_suite: CipherSuite,
                   progress: ProgressCallback | None, cancel: threading.Event | None,
                   temp_dir: Path | None, limits: Limits, rng: RandomSource | None,
                   now: datetime, app_version: str) -> PackageHeaderInfo:
    _check_arguments(cipher_suite, kind, signing_key, recipients)
    random_bytes = rng or os.urandom

    # An estimate until the payload length is known: G1 reads every attachment twice.
    passes = 1 if cipher_suite.hash_name == "SHA-256" else 2
    estimate = passes * sum(source.size for source in attachments)
    with tempfile.SpooledTemporaryFile(_RECORD_SPOOL_BYTES, dir=temp_dir) as spool:
        job = _Job(estimate, progress, cancel)
        with mapped_os_errors(Path(temp_dir or tempfile.gettempdir())):
            record_entries = _spool_records(cipher_suite, records, spool, limits)
        listed = _list_attachments(cipher_suite, attachments, limits, job)
        package_id = str(uuid.UUID(bytes=random_bytes(16), version=4))
        header = _build_header(cipher_suite, kind, sender, signing_key, recipients, sequence,
                               periods, counts, addressee, package_id, now, app_version)

        manifest = build_manifest(manifest_identity(header), record_entries,
                                  [entry for _, entry in listed])
        manifest_signature = cipher_suite.sign(signing_key.private_key,
                                               MANIFEST_SIGNATURE_CONTEXT + manifest)
        length = payload_length(len(manifest), len(manifest_signature), record_entries,
                                [entry for _, entry in listed])
        if length > limits.max_payload_bytes:
            raise TooLargeError(part="payload", size=length, limit=limits.max_payload_bytes)
        header["payload"] = {
            "encrypted": kind in ENCRYPTED_KINDS, "length": length,
            "chunk_count": chunk_count(length), "chunk_size": CHUNK_SIZE,
            "manifest_digest": cipher_suite.hash(manifest).hex()}

        file_key = random_bytes(FILE_KEY_SIZE) if kind in ENCRYPTED_KINDS else None
        if file_key is not None:
            context = wrap_context(cipher_suite, (FORMAT_MAJOR, FORMAT_MINOR), header)
            for entry, recipient in zip(header["recipients"], recipients, strict=True):
                wrapped = cipher_suite.wrap_key(recipient.public_key, file_key, context, rng)
                entry["wrapped_key"] = base64.b64encode(wrapped).decode("ascii")
        prefix = encode_prefix(header)
        signature = cipher_suite.sign(signing_key.private_key, HEADER_SIGNATURE_CONTEXT + prefix)
        header_hash = cipher_suite.hash(prefix)

        job.total = job.done + sum(entry.size for entry in record_entries) + sum(
            entry.size for _, entry in listed)
        sealer = ChunkSealer(cipher_suite, header_hash, file_key)

        def write_body(output: BinaryIO) -> None:
            output.write(prefix + encode_signature(signature))
            writer = StreamWriter(output, sealer, length)
            writer.write(item_header(ITEM_MANIFEST, len(manifest)) + manifest)
            writer.write(item_header(ITEM_MANIFEST_SIGNATURE, len(manifest_signature))
                         + manifest_signature)
            for entry in record_entries:
                writer.write(item_header(ITEM_RECORD, entry.size) + spool.read(entry.size))
                job.advance(entry.size)
            for source, entry in listed:
                writer.write(item_header(ITEM_ATTACHMENT, entry.size))
                _copy_attachment(source, writer, job)
            writer.close()

        _write_atomically(out_path, write_body)

    raw = RawHeader((FORMAT_MAJOR, FORMAT_MINOR), prefix, header, signature,
                    len(prefix) + len(encode_signature(signature)))
    with mapped_os_errors(out_path):
        written_size = out_path.stat().st_size
    info, _ = validate_header(raw, header_hash, written_size)
    logger.info("wrote package %s (%s, %d bytes)", package_id, out_path, info.file_size)
    return info


def _write_atomically(out_path: Path, write_body: Callable[[BinaryIO], None]) -> None:
    """Write through a temporary file beside ``out_path`` and rename it into place.

    A full disk, a pulled USB stick or a read-only folder raises the matching
    :class:`~meili_desktop.store.faults.StorageFaultError` and leaves no file behind.
    """
    with atomic_write(out_path) as output:
        write_body(output)
