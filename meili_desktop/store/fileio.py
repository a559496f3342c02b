"""Write files atomically and read files that may vanish, with faults mapped to project errors.

Every file the program produces (packages, Excel reports, evidence copies, backups) goes
through :func:`atomic_write`: the bytes land in a hidden ``.partial`` file in the target
folder, are flushed to the disk, and only then renamed over the final name. A full disk or a
pulled USB stick therefore never leaves a half-written file under the final name, and the
leftover, if the folder still exists, is removed.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO, cast

from meili_desktop.errors import CancelledError
from meili_desktop.store.faults import DiskFullError, SourceVanishedError, mapped_os_errors

logger = logging.getLogger(__name__)

PARTIAL_SUFFIX = ".partial"
COPY_CHUNK_BYTES = 1024 * 1024

ProgressCallback = Callable[[int, int], None]


def partial_path_prefix(target: Path) -> str:
    """Return the name prefix of the temporary files :func:`atomic_write` makes for ``target``."""
    return f".{target.name}."


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entry list to the disk so that a rename survives a power cut.

    Windows cannot open a folder for flushing; NTFS journals renames itself.
    """
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_write(target: Path) -> Iterator[BinaryIO]:
    """Open a binary file that replaces ``target`` only when the block finishes without error.

    Writes to the yielded file and any other ``OSError`` raised inside the block or while
    finishing are attributed to ``target`` and raised as a
    :class:`~meili_desktop.store.faults.StorageFaultError` subclass, so a caller that also
    reads a source file in the block should map that source's errors itself first.

    Raises:
        StorageFaultError: the disk is full, the folder vanished or is read-only, etc.
    """
    folder = target.parent
    with mapped_os_errors(target):
        # Closed by hand below because the rename must happen after the close.
        handle = tempfile.NamedTemporaryFile(
            mode="wb", dir=folder, prefix=partial_path_prefix(target), suffix=PARTIAL_SUFFIX,
            delete=False)
    temporary = Path(handle.name)
    try:
        with mapped_os_errors(target):
            yield cast(BinaryIO, _TargetWriter(handle, target))
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(temporary, target)
            fsync_folder(folder)
    except BaseException:
        _discard(handle, temporary)
        raise
    logger.debug("wrote %s", target)


class _TargetWriter:
    """A file object whose write failures name the target at once.

    Callers often read a source inside the ``atomic_write`` block. Mapping each write on the
    spot keeps a full target disk from being reported as a problem with the source.
    """

    def __init__(self, raw: Any, target: Path) -> None:
        self._raw = raw
        self._target = target

    def write(self, data: bytes) -> int:
        with mapped_os_errors(self._target):
            return int(self._raw.write(data))

    def flush(self) -> None:
        with mapped_os_errors(self._target):
            self._raw.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def _discard(handle: Any, temporary: Path) -> None:
    # Closing flushes the buffer, which fails again on a full disk; the file goes anyway.
    with suppress(OSError):
        handle.close()
    try:
        temporary.unlink(missing_ok=True)
    except OSError:
        logger.warning("could not remove the partial file %s", temporary, exc_info=True)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` through :func:`atomic_write`."""
    with atomic_write(target) as handle:
        handle.write(data)


def copy_file_atomically(source: Path, target: Path, *,
                         progress: ProgressCallback | None = None,
                         cancel: threading.Event | None = None) -> int:
    """Copy ``source`` to ``target`` in chunks; return the number of bytes copied.

    Args:
        source: the file to read; its errors are reported as a vanished source.
        target: the file to create or replace atomically.
        progress: called with ``(bytes done, total bytes)`` after each chunk.
        cancel: stops the copy between chunks, leaving ``target`` as it was.

    Raises:
        SourceVanishedError: ``source`` disappeared, shrank or failed to read.
        StorageFaultError: writing ``target`` failed (disk full, folder gone, read-only).
        CancelledError: ``cancel`` was set.
    """
    with mapped_os_errors(source, reading=True):
        reader = source.open("rb")
    with reader:
        with mapped_os_errors(source, reading=True):
            total = os.fstat(reader.fileno()).st_size
        done = 0
        with atomic_write(target) as writer:
            while True:
                if cancel is not None and cancel.is_set():
                    raise CancelledError()
                with mapped_os_errors(source, reading=True):
                    chunk = reader.read(COPY_CHUNK_BYTES)
                if not chunk:
                    break
                writer.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
            if done != total:
                raise SourceVanishedError(path=str(source), folder=str(source.parent))
    return done


@contextmanager
def open_source(path: Path) -> Iterator[BinaryIO]:
    """Open a file to read and report its failures as a vanished or unreadable source.

    Raises:
        SourceVanishedError: the file is missing or disappeared while it was read.
        StorageFaultError: another failure, such as a device error on a removed stick.
    """
    with mapped_os_errors(path, reading=True):
        handle = path.open("rb")
    with handle, mapped_os_errors(path, reading=True):
        yield handle


def read_source_bytes(path: Path) -> bytes:
    """Read a whole file, checking that it did not change size while it was read.

    Raises:
        SourceVanishedError: the file is missing, vanished or changed size during the read.
        StorageFaultError: another failure, such as a device error on a removed stick.
    """
    with open_source(path) as handle:
        expected = os.fstat(handle.fileno()).st_size
        data = handle.read()
    if len(data) != expected:
        raise SourceVanishedError(path=str(path), folder=str(path.parent))
    return data


def ensure_free_space(folder: Path, needed_bytes: int) -> None:
    """Raise :class:`DiskFullError` early when ``folder``'s disk has less than ``needed_bytes``.

    A check before a long job saves the user from waiting for a write that cannot finish. The
    write itself is still guarded, because other programs use the same disk.
    """
    with mapped_os_errors(folder):
        free = shutil.disk_usage(folder).free
    if free < needed_bytes:
        raise DiskFullError(path=str(folder), folder=str(folder), needed_bytes=needed_bytes,
                            free_bytes=free)
