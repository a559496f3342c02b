"""Entry changes with undo and redo, for the window.

Each user action (one field, one pasted block, one evidence file) becomes one undo step that
remembers every touched entry before and after. Undoing writes the "before" content back as
a new revision, so revisions keep growing and the office orders an undo after the change it
reverts. Steps live in memory: they cover the recent changes of this session, while the
stored revision history keeps every change for good.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.entries import Entry, EntryKey, Status
from meili_desktop.errors import MeiliError
from meili_desktop.services import entries, entry_evidence
from meili_desktop.services.entries import SaveResult
from meili_desktop.store import entries_repo
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

MAX_UNDO_STEPS = 100


class UndoConflictError(MeiliError):
    """An entry changed elsewhere after the step being undone or redone; details: ``task``."""

    code = "entry.undo_conflict"


@dataclass(frozen=True)
class EntryEdit:
    """One entry's content before and after a step (snapshots without the revision)."""

    key: EntryKey
    before: Mapping[str, Any]
    after: Mapping[str, Any]


@dataclass(frozen=True)
class EditStep:
    """One undoable user action; ``action`` is "set", "paste", "attach", "rename" or "remove"."""

    action: str
    edits: tuple[EntryEdit, ...]


def content_snapshot(entry: Entry | None, key: EntryKey) -> dict[str, Any]:
    """Return an entry's snapshot without its revision; an absent entry gives the empty one.

    Evidence is sorted by SHA-256 so that snapshots compare equal whatever order the links
    were added in.
    """
    snapshot = entries_repo.snapshot_of(entry if entry is not None else Entry(key))
    snapshot.pop("revision", None)
    snapshot["attachments"] = sorted(snapshot["attachments"], key=lambda item: item["sha256"])
    return snapshot


class EntryEditor:
    """Applies entry changes for one window and keeps their undo and redo stacks.

    Thread-safe: evidence is attached from a worker thread while the window edits fields.
    """

    def __init__(self, store: Store, catalogue: Catalogue) -> None:
        self.store = store
        self.catalogue = catalogue
        self._undo: list[EditStep] = []
        self._redo: list[EditStep] = []
        self._lock = threading.Lock()

    # --- changes -------------------------------------------------------------------------

    def set_fields(self, key: EntryKey, changes: Mapping[str, Any]) -> SaveResult:
        """Set fields of one entry as one undo step (see ``entries.set_entry_fields``)."""
        results = self.set_many([(key, changes)], action="set")
        return results[0]

    def set_many(self, items: Sequence[tuple[EntryKey, Mapping[str, Any]]],
                 action: str = "paste") -> list[SaveResult]:
        """Validate all changes, then write them in one transaction as one undo step.

        A value entered without a status may set the status (see ``entries.infer_status``).

        Raises:
            MeiliError: a change failed validation; nothing was written.
        """
        cleaned = []
        for key, changes in items:
            entries.require_open_entry(self.store, key)
            task = entries.find_reported_task(self.catalogue, key.task_number)
            period = entries.find_period(self.store, key.period_code)
            cleaned.append((key, task, entries.validate_changes(task, period, changes)))

        user = entries.local_user()
        edits: list[EntryEdit] = []
        written: list[tuple[Entry, bool, Status | None]] = []
        with self._lock:
            with self.store.session_factory.begin() as session:
                for key, _task, clean in cleaned:
                    stored = entries_repo.load_entry(session, key)
                    before = content_snapshot(stored, key)
                    inferred = entries.infer_status(stored, clean)
                    entry, is_changed = entries_repo.apply_change(session, key, clean,
                                                                  changed_by=user)
                    written.append((entry, is_changed, inferred))
                    if is_changed:
                        edits.append(EntryEdit(key, before, content_snapshot(entry, key)))
            self._push(EditStep(action, tuple(edits)))

        return [SaveResult(entry, is_changed,
                           tuple(entries.value_warnings(self.store, task, key, entry.value)),
                           inferred)
                for (key, task, _clean), (entry, is_changed, inferred) in zip(cleaned, written,
                                                                               strict=True)]

    def attach(self, key: EntryKey, source: Path, max_mb: int,
               progress: Callable[[int, int], None] | None = None,
               cancel: threading.Event | None = None) -> SaveResult:
        """Attach an evidence file as one undo step (see ``entries.attach_evidence``).

        The copy runs without the lock. The "before" snapshot is taken when the file is
        linked, so field edits made during a long copy stay out of this step.
        """
        stored = entries.store_evidence_file(self.store, key, source, max_mb, progress, cancel)
        with self._lock:
            before = content_snapshot(entries.load_entry(self.store, key), key)
            result = entries.link_evidence(self.store, key, stored, source.name)
            self._push_result("attach", key, before, result)
        return result

    def attach_many(self, key: EntryKey, sources: Sequence[Path], max_mb: int,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> SaveResult | None:
        """Attach several evidence files as one undo step: all of them or, on a fault, none.

        Every file is checked and copied first, without the lock; then one transaction links
        them all. Returns None when ``sources`` is empty and the entry does not exist.

        Raises:
            MeiliError: a file was rejected, or the disk failed; nothing was linked.
        """
        copies = entry_evidence.store_evidence_files(self.store, key, sources, max_mb,
                                                     progress, cancel)
        with self._lock:
            with self.store.session_factory.begin() as session:
                before = content_snapshot(entries_repo.load_entry(session, key), key)
                entry, is_changed = entry_evidence.write_entry_change(
                    session, key, {}, copies, entries.local_user())
            if entry is None:
                return None
            result = SaveResult(entry, is_changed)
            self._push_result("attach", key, before, result)
        logger.info("attached %d evidence files to entry %s/%d/%s", len(copies), key.unit_id,
                    key.task_number, key.period_code)
        return result

    def rename_evidence(self, key: EntryKey, sha256: str, new_name: str) -> SaveResult:
        """Rename an evidence file as one undo step."""
        with self._lock:
            before = content_snapshot(entries.load_entry(self.store, key), key)
            result = entries.rename_evidence(self.store, key, sha256, new_name)
            self._push_result("rename", key, before, result)
        return result

    def remove_evidence(self, key: EntryKey, sha256: str) -> SaveResult:
        """Remove an evidence file from an entry as one undo step."""
        with self._lock:
            before = content_snapshot(entries.load_entry(self.store, key), key)
            result = entries.remove_evidence(self.store, key, sha256)
            self._push_result("remove", key, before, result)
        return result

    # --- undo and redo -------------------------------------------------------------------

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> list[EntryKey]:
        """Write back the content before the latest step; return the entries it touched.

        Raises:
            UndoConflictError: an entry changed since the step; the step is dropped and
                nothing is written.
            PeriodLockedError, PeriodClosedError: the period no longer takes the change.
        """
        return self._replay(self._undo, self._redo, use_before=True)

    def redo(self) -> list[EntryKey]:
        """Write again the content of the latest undone step; return the entries it touched.

        Raises:
            UndoConflictError: an entry changed since the undo; the step is dropped.
        """
        return self._replay(self._redo, self._undo, use_before=False)

    def clear(self) -> None:
        """Forget every step, for example after the data folder was bound to a new unit."""
        with self._lock:
            self._undo.clear()
            self._redo.clear()

    def _replay(self, source: list[EditStep], target: list[EditStep],
                use_before: bool) -> list[EntryKey]:
        with self._lock:
            if not source:
                return []
            # The office may have locked or closed the period since the step; the step
            # then stays, so it can be replayed if the office returns the entry.
            for edit in source[-1].edits:
                entries.require_open_entry(self.store, edit.key)
            step = source.pop()
            user = entries.local_user()
            with self.store.session_factory.begin() as session:
                for edit in step.edits:
                    expected = edit.after if use_before else edit.before
                    current = content_snapshot(entries_repo.load_entry(session, edit.key),
                                               edit.key)
                    if current != dict(expected):
                        raise UndoConflictError(task=edit.key.task_number)
                    restored = edit.before if use_before else edit.after
                    entries_repo.restore_snapshot(session, edit.key, restored, changed_by=user)
            target.append(step)
        logger.info("%s of %s step touching %d entries", "undo" if use_before else "redo",
                    step.action, len(step.edits))
        return [edit.key for edit in step.edits]

    def _push_result(self, action: str, key: EntryKey, before: Mapping[str, Any],
                     result: SaveResult) -> None:
        """Add the step of a one-entry action; the caller holds the lock."""
        after = content_snapshot(result.entry, key)
        if result.is_changed and after != before:
            self._push(EditStep(action, (EntryEdit(key, before, after),)))

    def _push(self, step: EditStep) -> None:
        """Add a step; the caller holds the lock. A step that changed nothing is not kept."""
        if not step.edits:
            return
        self._undo.append(step)
        del self._undo[:-MAX_UNDO_STEPS]
        self._redo.clear()
