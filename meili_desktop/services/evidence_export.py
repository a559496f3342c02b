"""Copy the evidence of a reporting unit's entries out of the data folder, for review by hand.

The office receives evidence under the names the township's clerks gave their files, which
arrive in report packages and may be anything: ``CON.jpg``, ``a:b?.pdf``, names ending in a
dot, hundreds of characters long. Those names stay as they are for display. A file written
out gets a Windows-safe name instead (:func:`writable_file_name`), prefixed with the task
number and made unique in its folder. The export therefore works on the office's Windows
computers, and no name can open a device or write an NTFS alternate data stream.

Layout: ``<folder>/<unit name>_<unit id>/<period>/<task>_<name>``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from meili_desktop.domain.entries import Entry
from meili_desktop.domain.file_names import shorten_keeping_extension
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.exchange.names import clean_display_name as windows_file_name
from meili_desktop.store import entries_repo, units_repo
from meili_desktop.store.attachments import AttachmentMissingError, stored_path
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import copy_file_atomically, ensure_free_space

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# Room for the folder names: Windows paths traditionally stop at 260 characters.
MAX_FILE_NAME_CHARS = 100
# Linux allows 255 bytes per name; the temporary name of an atomic write adds about 20.
MAX_FILE_NAME_BYTES = 200


class NoEvidenceError(MeiliError):
    """The unit's entries of the period carry no evidence; details: ``unit``, ``period``."""

    code = "evidence.none"
    exit_code = 4


@dataclass(frozen=True)
class ExportedFile:
    """One evidence file written out: its display name and where it went."""

    task_number: int
    display_name: str
    path: Path


@dataclass(frozen=True)
class EvidenceExport:
    """The folder the files were written to and the files, in task order."""

    folder: Path
    files: tuple[ExportedFile, ...]


def export_evidence(store: Store, unit_id: str, period_code: str, out_dir: Path,
                    progress: ProgressCallback | None = None,
                    cancel: threading.Event | None = None, *,
                    task_number: int | None = None) -> EvidenceExport:
    """Copy every evidence file of a unit's entries for a period into ``out_dir``.

    With ``task_number``, only the evidence of that task's entry is copied, into the same
    folder layout.

    A job function: ``progress`` gets bytes copied and their total, ``cancel`` stops between
    chunks. Files written before a failure stay, each complete, because every file is
    written through a temporary file and renamed.

    Raises:
        UnitNotFoundError: no such reporting unit.
        NoEvidenceError: the entries (or the task's entry) carry no evidence.
        AttachmentMissingError: a stored file is gone from the data folder.
        StorageFaultError: the target is full, read-only or gone.
        CancelledError: ``cancel`` was set.
    """
    with store.session_factory() as session:
        unit = units_repo.get_unit(session, unit_id)
        if unit is None:
            raise units_repo.UnitNotFoundError(value=unit_id)
        entries = entries_repo.list_entries(session, unit_id, period_code)
    if task_number is not None:
        entries = {number: entry for number, entry in entries.items() if number == task_number}
    planned = _plan(store, entries)
    if not planned:
        raise NoEvidenceError(unit=unit.name, period=period_code)

    folder = out_dir / writable_file_name(f"{unit.name}_{unit.id}") / writable_file_name(
        period_code)
    with mapped_os_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
    total = sum(source.stat().st_size for _number, _name, source in planned)
    ensure_free_space(folder, total)

    written: list[ExportedFile] = []
    taken: set[str] = set()
    done = 0
    for number, display_name, source in planned:
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        target = folder / _unique_name(f"{number:02d}_{display_name}", taken)

        def file_progress(copied: int, _size: int, before: int = done) -> None:
            if progress is not None:
                progress(before + copied, total)

        done += copy_file_atomically(source, target, progress=file_progress, cancel=cancel)
        written.append(ExportedFile(number, display_name, target))
    logger.info("exported %d evidence files of %s for %s to %s", len(written), unit_id,
                period_code, folder)
    return EvidenceExport(folder, tuple(written))


def _plan(store: Store, entries: dict[int, Entry]) -> list[tuple[int, str, Path]]:
    """Return (task, display name, stored file) for every evidence file, in task order."""
    planned = []
    for number, entry in sorted(entries.items()):
        for ref in entry.attachments:
            source = stored_path(store.folder.attachments_dir, ref.sha256)
            if not source.is_file():
                raise AttachmentMissingError(name=ref.display_name, sha256=ref.sha256)
            planned.append((number, ref.display_name, source))
    return planned


def writable_file_name(name: str) -> str:
    """Return a file name for ``name`` that Windows and Linux accept, for writing a file out.

    Reserved device names, forbidden and control characters and trailing dots or spaces are
    replaced (:func:`windows_file_name`), and the name is cut to 100 characters and 200 UTF-8
    bytes, keeping its extension.
    """
    shortened = shorten_keeping_extension(windows_file_name(name), MAX_FILE_NAME_CHARS,
                                          MAX_FILE_NAME_BYTES)
    # Cutting can leave a trailing dot or space, which a second cleaning removes.
    return windows_file_name(shortened)


def _unique_name(name: str, taken: set[str]) -> str:
    """Return a Windows-safe form of ``name`` that no earlier file in the folder uses.

    Windows compares names without case, so ``A.jpg`` and ``a.JPG`` clash too.
    """
    safe = writable_file_name(name)
    candidate = safe
    counter = 2
    while candidate.casefold() in taken:
        stem, dot, extension = safe.rpartition(".")
        candidate = f"{stem} ({counter}).{extension}" if dot and stem else f"{safe} ({counter})"
        counter += 1
    taken.add(candidate.casefold())
    return candidate
