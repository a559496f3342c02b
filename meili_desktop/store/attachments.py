"""Content-addressed evidence files: each file is copied once into the data folder.

A file is stored as ``attachments/<first two hex digits>/<sha256>``, so the same photo attached
to several entries, or attached twice, takes space once. Copies go through a temporary file on
the same disk and ``os.replace``, so a crash never leaves a half-written file under its final
name. Executables and scripts are rejected, because report packages carry attachments to the
office and evidence files are opened there.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.store.datafolder import DataFolder
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.models import Attachment

logger = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024
BYTES_PER_MB = 1024 * 1024

# Extensions of programs, scripts and shortcuts that Windows would run when opened.
BLOCKED_EXTENSIONS = frozenset({
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".msi", ".msp", ".dll", ".cpl", ".sys",
    ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".ps1", ".psm1", ".hta", ".lnk", ".url",
    ".reg", ".jar", ".sh", ".app", ".gadget", ".inf", ".scf", ".chm",
})
# Leading bytes of executables, rejected whatever the file's extension.
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")

MEDIA_TYPES = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
    ".bmp": "image/bmp", ".webp": "image/webp", ".tif": "image/tiff", ".tiff": "image/tiff",
    ".heic": "image/heic", ".pdf": "application/pdf", ".txt": "text/plain",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".wps": "application/vnd.ms-works", ".et": "application/vnd.ms-excel",
    ".ofd": "application/ofd", ".zip": "application/zip", ".mp4": "video/mp4",
}
IMAGE_EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff"})


class AttachmentTooLargeError(MeiliError):
    """Details: ``file``, ``size_mb`` and ``max_mb``."""

    code = "attachment.too_large"


class BlockedFileTypeError(MeiliError):
    """Details: ``file`` and ``kind`` (the extension, or "program" for an executable's bytes)."""

    code = "attachment.blocked_type"


class AttachmentUnreadableError(MeiliError):
    """Details: ``file`` and ``reason`` (the operating system's message)."""

    code = "attachment.unreadable"


class AttachmentMissingError(MeiliError):
    """A stored evidence file is gone from the data folder; details: ``name``, ``sha256``."""

    code = "attachment.missing"


@dataclass(frozen=True)
class StoredFile:
    """An evidence file after it was copied into the data folder."""

    sha256: str
    size: int
    media_type: str
    path: Path


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    """Return where the file with this SHA-256 lives in the data folder."""
    return attachments_dir / sha256[:2] / sha256


def media_type_for(name: str) -> str:
    """Return the media type for a file name's extension, or a generic binary type."""
    return MEDIA_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


def is_image(name: str) -> bool:
    """Return whether a file name has an image extension the preview can show."""
    return Path(name).suffix.lower() in IMAGE_EXTENSIONS


def check_file(source: Path, max_bytes: int) -> int:
    """Check an evidence file's type and size before copying it; return its size in bytes.

    Raises:
        BlockedFileTypeError: the name or the first bytes show a program or script.
        AttachmentTooLargeError: the file is larger than ``max_bytes``.
        AttachmentUnreadableError: the file cannot be opened.
    """
    extension = source.suffix.lower()
    if extension in BLOCKED_EXTENSIONS:
        raise BlockedFileTypeError(file=source.name, kind=extension)
    try:
        size = source.stat().st_size
        with source.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise AttachmentUnreadableError(file=source.name,
                                        reason=error.strerror or str(error)) from error
    if any(head.startswith(signature) for signature in EXECUTABLE_SIGNATURES):
        raise BlockedFileTypeError(file=source.name, kind="program")
    if size > max_bytes:
        raise AttachmentTooLargeError(file=source.name, size_mb=_megabytes(size),
                                      max_mb=_megabytes(max_bytes))
    return size


def store_file(folder: DataFolder, source: Path, max_bytes: int,
               progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None) -> StoredFile:
    """Copy an evidence file into the data folder under its SHA-256, once.

    Args:
        folder: the data folder.
        source: the file the clerk chose.
        max_bytes: the size limit; larger files are rejected before copying.
        progress: called with (bytes copied, total bytes).
        cancel: set to stop the copy; the partial file is removed.

    Raises:
        BlockedFileTypeError, AttachmentTooLargeError, AttachmentUnreadableError: see
            :func:`check_file`; also when the file grows past the limit while it is copied.
        CancelledError: ``cancel`` was set.
    """
    total = check_file(source, max_bytes)
    # Write failures (a full disk, a read-only data folder) name the data folder.
    with mapped_os_errors(folder.root):
        handle, temp_name = tempfile.mkstemp(prefix="attach-", suffix=".part",
                                             dir=folder.process_temp_dir())
    temp_path = Path(temp_name)
    try:
        with mapped_os_errors(folder.root), os.fdopen(handle, "wb") as target:
            digest, size = _copy_hashing(source, target, max_bytes, total, progress, cancel,
                                         folder.root)
        final = stored_path(folder.attachments_dir, digest)
        with mapped_os_errors(folder.root):
            if final.exists() and final.stat().st_size == size:
                temp_path.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp_path, final)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    logger.info("stored evidence %s (%d bytes) as %s", source.name, size, digest)
    return StoredFile(digest, size, media_type_for(source.name), final)


def store_linked_file(folder: DataFolder, source: Path, max_bytes: int,
                      cancel: threading.Event | None = None) -> StoredFile:
    """Store a file the program itself wrote into the data folder, by hard link if possible.

    The import pipeline decrypts a package's attachments into the data folder's temporary
    folder, on the same disk as the store, so a hard link stores them without writing their
    bytes a second time. The linked file is hashed and flushed to the disk before it gets its
    final name, as :func:`store_file` does with its copy. Where the file system has no hard
    links (FAT32) or ``source`` is on another disk, the file is copied with
    :func:`store_file`. The source stays in place either way, and must not be written to
    afterwards, because it shares its content with the stored file.

    Raises:
        BlockedFileTypeError, AttachmentTooLargeError, AttachmentUnreadableError: see
            :func:`check_file`.
        CancelledError: ``cancel`` was set.
    """
    check_file(source, max_bytes)
    with mapped_os_errors(folder.root):
        temp_path = folder.process_temp_dir() / f"attach-{uuid.uuid4().hex}.part"
    try:
        os.link(source, temp_path)
    except OSError:
        return store_file(folder, source, max_bytes, cancel=cancel)
    try:
        digest, size = _hash_and_flush(temp_path, max_bytes, cancel, folder.root)
        final = stored_path(folder.attachments_dir, digest)
        with mapped_os_errors(folder.root):
            if final.exists() and final.stat().st_size == size:
                temp_path.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temp_path, final)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    logger.info("stored evidence %s (%d bytes) as %s by link", source.name, size, digest)
    return StoredFile(digest, size, media_type_for(source.name), final)


def _hash_and_flush(path: Path, max_bytes: int, cancel: threading.Event | None,
                    data_root: Path) -> tuple[str, int]:
    """Return the SHA-256 and size of a file in the data folder after flushing it to disk."""
    digest = hashlib.sha256()
    size = 0
    # Opened for writing too, because Windows flushes only handles with write access.
    with mapped_os_errors(data_root), path.open("r+b") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            size += len(chunk)
            if size > max_bytes:
                raise AttachmentTooLargeError(file=path.name, size_mb=_megabytes(size),
                                              max_mb=_megabytes(max_bytes))
            digest.update(chunk)
        os.fsync(handle.fileno())
    return digest.hexdigest(), size


def record_attachment(session: Session, stored: StoredFile) -> None:
    """Add the attachments row for a stored file unless it is already there."""
    if session.get(Attachment, stored.sha256) is None:
        session.add(Attachment(sha256=stored.sha256, size=stored.size,
                               media_type=stored.media_type,
                               stored_at=datetime.now(UTC).replace(tzinfo=None)))


def open_stored_file(attachments_dir: Path, sha256: str, name: str) -> Path:
    """Return the path of a stored evidence file for viewing.

    Raises:
        AttachmentMissingError: the file is not in the data folder.
    """
    path = stored_path(attachments_dir, sha256)
    if not path.is_file():
        raise AttachmentMissingError(name=name, sha256=sha256)
    return path


def _copy_hashing(source: Path, target: BinaryIO, max_bytes: int, total: int,
                  progress: Callable[[int, int], None] | None,
                  cancel: threading.Event | None, data_root: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    copied = 0
    try:
        with source.open("rb") as reader:
            while chunk := reader.read(CHUNK_BYTES):
                if cancel is not None and cancel.is_set():
                    raise CancelledError()
                copied += len(chunk)
                if copied > max_bytes:
                    raise AttachmentTooLargeError(file=source.name, size_mb=_megabytes(copied),
                                                  max_mb=_megabytes(max_bytes))
                digest.update(chunk)
                with mapped_os_errors(data_root):
                    target.write(chunk)
                if progress is not None:
                    progress(copied, max(total, copied))
        with mapped_os_errors(data_root):
            target.flush()
            os.fsync(target.fileno())
    except OSError as error:
        raise AttachmentUnreadableError(file=source.name,
                                        reason=error.strerror or str(error)) from error
    return digest.hexdigest(), copied


def _megabytes(size: int) -> str:
    return f"{size / BYTES_PER_MB:.1f}"
