"""One entry change that sets fields and adds evidence files, written whole or not at all.

The slow and fault-prone half, copying the files into the data folder, runs first. Only when
every copy is complete does one transaction write the fields and link the files, so a full
disk or a pulled-out stick leaves the entry exactly as it was, and a message saying that
nothing changed is true. Copies made before the failure stay in ``attachments/`` without a
database row: they are content-addressed, never shown, and reused by the next attempt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.entries import Entry, EntryKey
from meili_desktop.domain.file_names import clean_display_name
from meili_desktop.services import entries
from meili_desktop.services.entries import BYTES_PER_MB, SaveResult
from meili_desktop.store import attachments, entries_repo
from meili_desktop.store.attachments import StoredFile
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class EvidenceCopy:
    """An evidence file copied into the data folder and the name to list it under."""

    stored: StoredFile
    display_name: str


def store_evidence_files(store: Store, key: EntryKey, sources: Sequence[Path], max_mb: int,
                         progress: ProgressCallback | None = None,
                         cancel: threading.Event | None = None) -> list[EvidenceCopy]:
    """Check every file, then copy each into the data folder; link none of them.

    ``progress`` gets the bytes copied over all files and their total size.

    Raises:
        NotTownshipDataFolderError, OtherUnitEntryError, PeriodLockedError: the entry takes
            no evidence here.
        BlockedFileTypeError, AttachmentTooLargeError, AttachmentUnreadableError: a file was
            rejected before anything was copied.
        StorageFaultError: the data folder's disk is full, read-only or gone.
        CancelledError: ``cancel`` was set.
    """
    entries.require_open_entry(store, key)
    max_bytes = max_mb * BYTES_PER_MB
    sizes = [attachments.check_file(source, max_bytes) for source in sources]
    total = sum(sizes)
    done = 0
    copies = []
    for source, size in zip(sources, sizes, strict=True):
        def file_progress(copied: int, _file_total: int, before: int = done) -> None:
            if progress is not None:
                progress(before + copied, max(total, before + copied))

        stored = attachments.store_file(store.folder, source, max_bytes, file_progress, cancel)
        copies.append(EvidenceCopy(stored, clean_display_name(source.name)))
        done += size
    return copies


def write_entry_change(session: Session, key: EntryKey, clean: Mapping[str, Any],
                       copies: Sequence[EvidenceCopy],
                       changed_by: str) -> tuple[Entry | None, bool]:
    """Set validated fields and link copied files to one entry in the caller's session.

    Returns:
        The entry afterwards (None when there was nothing to write and no entry exists), and
        whether anything changed.
    """
    entry = entries_repo.load_entry(session, key)
    is_changed = False
    if clean:
        entry, is_changed = entries_repo.apply_change(session, key, clean,
                                                      changed_by=changed_by)
    for copy in copies:
        attachments.record_attachment(session, copy.stored)
        entry, is_linked = entries_repo.link_attachment(
            session, key, copy.stored.sha256, copy.display_name, changed_by=changed_by)
        is_changed = is_changed or is_linked
    return entry, is_changed


def save_entry(store: Store, catalogue: Catalogue, key: EntryKey, changes: Mapping[str, Any],
               sources: Sequence[Path], max_mb: int,
               progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None) -> SaveResult | None:
    """Set fields of one entry and attach files to it, all in one transaction.

    Every field and file is checked first, then the files are copied, then one transaction
    writes everything. A failure at any step leaves the entry and its evidence unchanged.

    Returns:
        The entry, whether it changed, and plausibility warnings on its value; None when
        nothing was given and no entry exists.

    Raises:
        MeiliError: a field or file was rejected, or the disk failed; nothing was written.
    """
    entries.require_open_entry(store, key)
    task = entries.find_reported_task(catalogue, key.task_number)
    period = entries.find_period(store, key.period_code)
    clean = entries.validate_changes(task, period, changes)
    copies = store_evidence_files(store, key, sources, max_mb, progress, cancel)

    with store.session_factory.begin() as session:
        inferred = entries.infer_status(entries_repo.load_entry(session, key), clean)
        entry, is_changed = write_entry_change(session, key, clean, copies,
                                               entries.local_user())
    if entry is None:
        return None
    if is_changed:
        logger.info("entry %s/%d/%s set %s and %d evidence files, revision %d", key.unit_id,
                    key.task_number, key.period_code, sorted(clean), len(copies),
                    entry.revision)
    # As with set_entry_fields, a field change reports the value's warnings; files alone do not.
    warnings = entries.value_warnings(store, task, key, entry.value) if clean else []
    return SaveResult(entry, is_changed, tuple(warnings), inferred)
