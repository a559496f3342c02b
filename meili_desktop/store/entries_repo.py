"""Queries and changes on entries, their revision history and their evidence links.

Every change raises the entry's revision by one and stores a snapshot of the entry after the
change (``entry_revisions``), which serves both the history view and undo. An office's
correction of a township's entry keeps the township's revision number
(:func:`apply_office_change`). Functions take the
caller's session and never commit: the caller's ``session_factory.begin()`` block is the
transaction, so each user action is written whole or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from meili_desktop.domain.entries import AttachmentRef, Entry, EntryKey, ReviewState, Status
from meili_desktop.domain.laptops import record_version, versions_from_json, versions_to_json
from meili_desktop.domain.merge import OFFICE_ORIGIN
from meili_desktop.domain.validation import ReturnedNote
from meili_desktop.domain.values import format_decimal
from meili_desktop.store import models

logger = logging.getLogger(__name__)

# Fields a clerk can change directly; attachments change through their own functions.
EDITABLE_FIELDS = ("status", "value", "narrative", "responsible_person", "contact")
# Column values of an entry before its first change.
_EMPTY_ROW: dict[str, Any] = {"status": Status.NOT_STARTED.value, "value": None,
                              "narrative": "", "responsible_person": "", "contact": ""}


@dataclass(frozen=True)
class RevisionRecord:
    """One stored change of an entry: the snapshot after it, its time, author and source."""

    revision: int
    changed_at: datetime
    changed_by: str
    source: str
    snapshot: Mapping[str, Any]


@dataclass(frozen=True)
class CommentRecord:
    """A review comment from the office on one task in one period."""

    action: str
    text: str
    author: str
    entry_revision: int | None
    created_at: datetime


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def load_entry(session: Session, key: EntryKey) -> Entry | None:
    """Return the entry for ``key``, or None when it was never written."""
    row = _find_row(session, key)
    return None if row is None else to_domain(row)


def list_entries(session: Session, unit_id: str, period_code: str) -> dict[int, Entry]:
    """Return a unit's entries for one period, by task number."""
    rows = session.scalars(
        select(models.Entry)
        .where(models.Entry.unit_id == unit_id, models.Entry.period_code == period_code)
        .options(selectinload(models.Entry.attachments)
                 .selectinload(models.EntryAttachment.attachment))
    ).all()
    return {row.task_number: to_domain(row) for row in rows}


def apply_change(session: Session, key: EntryKey, changes: Mapping[str, Any], *,
                 changed_by: str = "", source: str = "local") -> tuple[Entry, bool]:
    """Set fields of an entry, creating it if needed, and record the revision.

    Args:
        session: the caller's session; the caller commits.
        key: which entry.
        changes: new values by field name, among :data:`EDITABLE_FIELDS`. ``status`` is a
            Status, ``value`` a Decimal or None, the others strings.
        changed_by: who made the change, kept in the history.
        source: "local" or the package that brought the change.

    Returns:
        The entry after the change, and whether anything changed. A change that sets every
        field to its current value writes nothing and keeps the revision.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = _find_row(session, key) or _new_row(session, key)

    stored = {name: _to_column(name, value) for name, value in changes.items()}
    if all(getattr(row, name) == value for name, value in stored.items()):
        return to_domain(row), False
    for name, value in stored.items():
        setattr(row, name, value)
    _record_revision(session, row, changed_by, source)
    return to_domain(row), True


def apply_office_change(session: Session, key: EntryKey, changes: Mapping[str, Any], *,
                        changed_by: str, source: str) -> tuple[Entry, bool, dict[str, Any]]:
    """Set fields of an entry as the office's correction, creating the entry if needed.

    The content becomes the office's (origin ``office``): a later township revision that
    differs from it is a conflict for the office to decide, never an update. The revision
    number stays the township's, so that revision is compared with the township's own last
    one, and a new entry gets revision 0. No laptop version equals the content any more.
    An accepted entry stays accepted, because the office decided these values itself.

    Args:
        session: the caller's session; the caller commits.
        key: which entry.
        changes: new values by field name, as for :func:`apply_change`.
        changed_by: the office clerk, kept in the history.
        source: where the values came from, e.g. ``excel``; kept in the history.

    Returns:
        The entry after the change, whether anything changed, and the stored values before
        the change of the fields that changed.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    row = _find_row(session, key) or _new_row(session, key)
    stored = {name: _to_column(name, value) for name, value in changes.items()}
    before = {name: getattr(row, name) for name, value in stored.items()
              if getattr(row, name) != value}
    if not before:
        return to_domain(row), False, {}

    for name in before:
        setattr(row, name, stored[name])
    row.updated_at = utc_now()
    row.updated_by = changed_by
    row.origin = OFFICE_ORIGIN
    row.source_fingerprint = None
    if row.laptop_versions:
        row.laptop_versions = versions_to_json(record_version(
            versions_from_json(row.laptop_versions), "", 0, matches=False,
            is_content_changed=True))
    if row.review_state == ReviewState.ACCEPTED.value:
        row.reviewed_revision = row.revision
    session.flush()
    session.add(models.EntryRevision(entry_id=row.id, revision=row.revision,
                                     snapshot=snapshot_of(to_domain(row)),
                                     changed_at=row.updated_at, changed_by=changed_by,
                                     source=source))
    return to_domain(row), True, before


def restore_snapshot(session: Session, key: EntryKey, snapshot: Mapping[str, Any], *,
                     changed_by: str = "", source: str = "local") -> Entry:
    """Set an entry's fields and evidence links to a snapshot, as a new revision (for undo).

    The revision still grows: undoing is a change like any other, so the office orders it
    after the change it reverts.
    """
    row = _find_row(session, key) or _new_row(session, key)
    for name in EDITABLE_FIELDS:
        setattr(row, name, snapshot.get(name, _EMPTY_ROW[name]))
    names_by_sha = {item["sha256"]: item["display_name"]
                    for item in snapshot.get("attachments", [])}
    for link in list(row.attachments):
        if link.sha256 not in names_by_sha:
            row.attachments.remove(link)
        else:
            link.display_name = names_by_sha.pop(link.sha256)
    for sha256, display_name in names_by_sha.items():
        row.attachments.append(models.EntryAttachment(sha256=sha256, display_name=display_name,
                                                      added_at=utc_now()))
    _record_revision(session, row, changed_by, source)
    return to_domain(row)


def link_attachment(session: Session, key: EntryKey, sha256: str, display_name: str, *,
                    changed_by: str = "") -> tuple[Entry, bool]:
    """Link a stored evidence file to an entry; returns (entry, whether it was new).

    The attachments row for ``sha256`` must exist. Linking the same file twice keeps one link.
    """
    row = _find_row(session, key) or _new_row(session, key)
    if any(link.sha256 == sha256 for link in row.attachments):
        return to_domain(row), False
    row.attachments.append(models.EntryAttachment(sha256=sha256, display_name=display_name,
                                                  added_at=utc_now()))
    _record_revision(session, row, changed_by, "local")
    return to_domain(row), True


def rename_attachment(session: Session, key: EntryKey, sha256: str, display_name: str, *,
                      changed_by: str = "") -> Entry:
    """Change the name an evidence file is shown under; the stored file stays as it is."""
    row = _require_row(session, key)
    for link in row.attachments:
        if link.sha256 == sha256 and link.display_name != display_name:
            link.display_name = display_name
            _record_revision(session, row, changed_by, "local")
    return to_domain(row)


def unlink_attachment(session: Session, key: EntryKey, sha256: str, *,
                      changed_by: str = "") -> Entry:
    """Remove an evidence file from an entry; the stored file is kept for undo and history."""
    row = _require_row(session, key)
    for link in list(row.attachments):
        if link.sha256 == sha256:
            row.attachments.remove(link)
            _record_revision(session, row, changed_by, "local")
    return to_domain(row)


def count_unit_entries(session: Session, unit_id: str) -> int:
    """Return how many entries a reporting unit has, in every period."""
    return session.scalar(select(func.count()).select_from(models.Entry)
                          .where(models.Entry.unit_id == unit_id)) or 0


def move_unit_entries(session: Session, old_unit_id: str, new_unit_id: str, *,
                      changed_by: str = "") -> int:
    """Move every entry and review comment of one reporting unit to another; return the count.

    Used when a provisional township is bound to the unit its distribution package names. An
    entry whose (task, period) the new unit already has is merged into it: the moved content
    becomes a new revision above both old ones, evidence links are united and the history of
    both entries is kept.
    """
    rows = session.scalars(select(models.Entry).where(models.Entry.unit_id == old_unit_id)).all()
    for row in rows:
        key = EntryKey(new_unit_id, row.task_number, row.period_code)
        existing = _find_row(session, key)
        if existing is None:
            row.unit_id = new_unit_id
            continue
        _merge_row_into(session, row, existing, changed_by)
    session.execute(update(models.ReviewComment)
                    .where(models.ReviewComment.unit_id == old_unit_id)
                    .values(unit_id=new_unit_id))
    session.flush()
    return len(rows)


def _merge_row_into(session: Session, source: models.Entry, target: models.Entry,
                    changed_by: str) -> None:
    for name in EDITABLE_FIELDS:
        setattr(target, name, getattr(source, name))
    linked = {link.sha256 for link in target.attachments}
    for link in source.attachments:
        if link.sha256 not in linked:
            target.attachments.append(models.EntryAttachment(
                sha256=link.sha256, display_name=link.display_name, added_at=link.added_at))
    for revision in list(source.revisions):
        revision.entry = target
    target.revision = max(target.revision or 0, source.revision or 0)
    session.delete(source)
    session.flush()
    _record_revision(session, target, changed_by, "local")


def entry_history(session: Session, key: EntryKey) -> list[RevisionRecord]:
    """Return an entry's stored changes, newest first."""
    row = _find_row(session, key)
    if row is None:
        return []
    revisions = session.scalars(
        select(models.EntryRevision).where(models.EntryRevision.entry_id == row.id)
        .order_by(models.EntryRevision.revision.desc(), models.EntryRevision.id.desc())).all()
    return [RevisionRecord(item.revision, item.changed_at, item.changed_by, item.source,
                           dict(item.snapshot)) for item in revisions]


def snapshot_of(entry: Entry) -> dict[str, Any]:
    """Return the JSON snapshot of an entry, as stored in the revision history."""
    return {
        "status": entry.status.value,
        "value": None if entry.value is None else format_decimal(entry.value),
        "narrative": entry.narrative,
        "responsible_person": entry.responsible_person,
        "contact": entry.contact,
        "attachments": [{"sha256": ref.sha256, "display_name": ref.display_name}
                        for ref in entry.attachments],
        "revision": entry.revision,
    }


def to_domain(row: models.Entry) -> Entry:
    """Convert an entries row with its evidence links into the domain Entry."""
    attachments = tuple(
        AttachmentRef(link.sha256, link.display_name,
                      link.attachment.size if link.attachment is not None else 0)
        for link in sorted(row.attachments, key=lambda link: (link.added_at, link.id or 0)))
    return Entry(
        key=EntryKey(row.unit_id, row.task_number, row.period_code),
        status=Status(row.status),
        value=_to_decimal(row.value, row),
        numerator=_to_decimal(row.numerator, row),
        denominator=_to_decimal(row.denominator, row),
        narrative=row.narrative or "",
        responsible_person=row.responsible_person or "",
        contact=row.contact or "",
        revision=row.revision or 0,
        updated_at=row.updated_at,
        review_state=ReviewState(row.review_state or ReviewState.PENDING.value),
        attachments=attachments,
    )


def returned_notes(session: Session, unit_id: str, period_code: str) -> dict[int, ReturnedNote]:
    """Return, per task, the office's latest comment when that comment returned the entry."""
    latest: dict[int, models.ReviewComment] = {}
    for comment in session.scalars(_comments_query(unit_id, period_code)):
        latest[comment.task_number] = comment
    return {number: ReturnedNote(comment.text, comment.entry_revision)
            for number, comment in latest.items() if comment.action == "return"}


def target_values(session: Session, unit_id: str, period_code: str,
                  year_code: str) -> dict[int, Decimal]:
    """Return a unit's targets by task number: the period's own, else the year's.

    Targets whose stored text is not a number are left out and logged.
    """
    rows = session.scalars(select(models.Target).where(
        models.Target.unit_id == unit_id,
        models.Target.period_code.in_([period_code, year_code]))).all()
    targets: dict[int, Decimal] = {}
    # Year targets first, so that a period's own target overrides the year's.
    for row in sorted(rows, key=lambda item: item.period_code == period_code):
        try:
            targets[row.task_number] = Decimal(row.value)
        except InvalidOperation:
            logger.warning("target %s of %s for task %d is not a number: %r", row.period_code,
                           unit_id, row.task_number, row.value)
    return targets


def review_comments(session: Session, key: EntryKey) -> list[CommentRecord]:
    """Return the office's comments on one task and period, newest first."""
    query = _comments_query(key.unit_id, key.period_code).where(
        models.ReviewComment.task_number == key.task_number)
    comments = session.scalars(query).all()
    return [CommentRecord(item.action, item.text, item.author, item.entry_revision,
                          item.created_at) for item in reversed(comments)]


def _comments_query(unit_id: str, period_code: str) -> Any:
    return (select(models.ReviewComment)
            .where(models.ReviewComment.unit_id == unit_id,
                   models.ReviewComment.period_code == period_code)
            .order_by(models.ReviewComment.created_at, models.ReviewComment.id))


def _find_row(session: Session, key: EntryKey) -> models.Entry | None:
    return session.scalars(
        select(models.Entry)
        .where(models.Entry.unit_id == key.unit_id,
               models.Entry.task_number == key.task_number,
               models.Entry.period_code == key.period_code)
        .with_for_update()
    ).one_or_none()


def _require_row(session: Session, key: EntryKey) -> models.Entry:
    row = _find_row(session, key)
    if row is None:
        raise LookupError(f"no entry for {key}")
    return row


def _new_row(session: Session, key: EntryKey) -> models.Entry:
    row = models.Entry(unit_id=key.unit_id, task_number=key.task_number,
                       period_code=key.period_code, revision=0, updated_at=utc_now(),
                       attachments=[], **_EMPTY_ROW)
    session.add(row)
    return row


def _record_revision(session: Session, row: models.Entry, changed_by: str, source: str) -> None:
    row.revision = (row.revision or 0) + 1
    row.updated_at = utc_now()
    row.updated_by = changed_by
    row.origin = source
    session.flush()
    session.add(models.EntryRevision(entry_id=row.id, revision=row.revision,
                                     snapshot=snapshot_of(to_domain(row)),
                                     changed_at=row.updated_at, changed_by=changed_by,
                                     source=source))


def _to_column(name: str, value: Any) -> Any:
    if name == "status":
        return Status(value).value
    if name == "value":
        return None if value is None else format_decimal(Decimal(value))
    return "" if value is None else str(value)


def _to_decimal(text: str | None, row: models.Entry) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        logger.warning("entry %s has an unreadable value %r; treating it as empty", row.id, text)
        return None
