"""The office corrects a township's entry: in the review window or by an Excel template.

Both paths write through :func:`apply_office_correction`. The corrected values become the
office's own, and the entry keeps the township's revision number. The audit log records the
old and new values. A newer township revision that differs from them becomes a conflict for
the office to decide (reason ``office_changed``) instead of overwriting them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import Entry, EntryKey
from meili_desktop.errors import MeiliError
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import find_period, find_reported_task, validate_changes
from meili_desktop.store import entries_repo, ledger_repo, review_repo
from meili_desktop.store.audit_repo import add_event
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)

# Source name that the history records for a correction typed into the office window.
WINDOW_SOURCE = "office"
MAX_REASON_LENGTH = 500


class CorrectionReasonRequiredError(MeiliError):
    """No reason was given for a correction. Details: ``unit``, ``task``, ``period``."""

    code = "correction.reason_required"


class CorrectionReasonTooLongError(MeiliError):
    """Details: ``length``, ``maximum``."""

    code = "correction.reason_too_long"


class CorrectionEntryChangedError(MeiliError):
    """The entry changed after the clerk opened it.

    Details: ``unit``, ``task``, ``period``.
    """

    code = "correction.entry_changed"


class CorrectionOpenConflictError(MeiliError):
    """An open conflict waits on the entry. Details: ``unit``, ``task``, ``period``."""

    code = "correction.open_conflict"


@dataclass(frozen=True)
class CorrectionResult:
    """The entry after a correction and the fields that changed (empty: nothing changed)."""

    entry: Entry
    fields: tuple[str, ...]


def apply_office_correction(session: Session, key: EntryKey, changes: Mapping[str, Any], *,
                            actor: str, source: str, reason: str = "") -> tuple[Entry, bool]:
    """Write validated values as the office's correction of an entry and log it.

    The caller holds the merge lock of the entry's unit and commits.

    Args:
        session: the caller's session.
        key: which entry; it is created when the township never sent it.
        changes: values checked by :func:`validate_changes`.
        actor: the office clerk.
        source: where the values came from: ``excel`` or ``office`` (the window).
        reason: why the office changed the values; kept in the audit log.

    Returns:
        The entry after the change and whether anything changed.
    """
    entry, is_changed, before = entries_repo.apply_office_change(
        session, key, changes, changed_by=actor, source=source)
    if is_changed:
        after = entries_repo.snapshot_of(entry)
        details: dict[str, Any] = {
            "revision": entry.revision, "source": source, "fields": sorted(before),
            "old": before, "new": {name: after[name] for name in sorted(before)}}
        if reason:
            details["reason"] = reason
        add_event(session, "entry.office_changed", actor=actor, key=key, details=details)
    return entry, is_changed


def correct_entry(store: Store, key: EntryKey, changes: Mapping[str, Any], *, reason: str,
                  actor: str, expected: Entry | None = None) -> CorrectionResult:
    """Correct one entry from the office window, in one transaction under the merge lock.

    Args:
        store: the office's data folder.
        key: which entry.
        changes: new values by field name: ``status`` (Status), ``value`` (Decimal or None),
            ``narrative``, ``responsible_person`` (strings).
        reason: why the office corrects the entry; required.
        actor: the office clerk.
        expected: the entry as the clerk saw it. An entry that changed since is rejected,
            so no value the clerk did not see is overwritten.

    Raises:
        CorrectionReasonRequiredError, CorrectionReasonTooLongError: see their classes.
        CorrectionEntryChangedError, CorrectionOpenConflictError: see their classes.
        PeriodLockedError, TextTooLongError, StatusOnlyTaskError: from the validation.
        MergeBusyError: a merge of the township's packages held the lock too long.
    """
    where = {"unit": key.unit_id, "task": key.task_number, "period": key.period_code}
    text = reason.strip()
    if not text:
        raise CorrectionReasonRequiredError(**where)
    if len(text) > MAX_REASON_LENGTH:
        raise CorrectionReasonTooLongError(length=len(text), maximum=MAX_REASON_LENGTH)
    task = find_reported_task(active_catalogue(store), key.task_number)
    clean = validate_changes(task, find_period(store, key.period_code), changes)
    with store.session_factory.begin() as session:
        # A merge of the same township's packages must not interleave.
        ledger_repo.lock_for_merge(session, key.unit_id)
        current = entries_repo.load_entry(session, key)
        if expected is not None and (current is None or _content(current) != _content(expected)):
            raise CorrectionEntryChangedError(**where)
        if review_repo.has_open_conflict(session, key):
            raise CorrectionOpenConflictError(**where)
        before = {} if current is None else _content(current)
        entry, is_changed = apply_office_correction(
            session, key, clean, actor=actor, source=WINDOW_SOURCE, reason=text)
    fields = tuple(sorted(name for name in clean
                          if before.get(name) != _content(entry).get(name))) if is_changed else ()
    logger.info("entry %s corrected by %s: %s", key, actor, ", ".join(fields) or "no change")
    return CorrectionResult(entry, fields)


def _content(entry: Entry) -> dict[str, Any]:
    """The fields a correction can change, with the revision that identifies the version."""
    snapshot = entries_repo.snapshot_of(entry)
    return {name: snapshot.get(name) for name in (*entries_repo.EDITABLE_FIELDS, "revision")}
