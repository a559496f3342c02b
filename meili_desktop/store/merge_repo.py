"""Read what merge decisions depend on, and write one package's decisions.

The functions take the caller's session. The service opens one transaction per package, takes
:func:`~meili_desktop.store.ledger_repo.lock_for_merge`, reads the context, decides, applies
and records the package in the ledger, so a killed process leaves no trace of the package.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, selectinload

from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.laptops import LaptopVersion, versions_to_json
from meili_desktop.domain.merge import (
    EntryDecision,
    IncomingPackage,
    MergeContext,
    MergeKind,
    TaskRule,
    allowed_levels_for,
)
from meili_desktop.domain.merge_records import IncomingEntry, changed_fields
from meili_desktop.errors import CancelledError
from meili_desktop.store import merge_lookups, models
from meili_desktop.store.audit_repo import add_entry_events
from meili_desktop.store.merge_rows import insert_entry_rows, insert_rows, load_stored_states
from meili_desktop.store.snapshots import entry_content, entry_snapshot

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


def load_task_rules(session: Session) -> dict[int, TaskRule]:
    """Return the active catalogue's tasks by number; empty when no catalogue is active."""
    return merge_lookups.load_task_rules(session)


def load_context(session: Session, package: IncomingPackage, entries: Iterable[IncomingEntry],
                 *, for_update: bool = False) -> MergeContext:
    """Read the stored state that decisions about ``package`` depend on.

    Args:
        session: the caller's session.
        package: the incoming package.
        entries: its parsed entries.
        for_update: lock the periods (shared) and the stored entries (exclusive) until the
            transaction ends, so a concurrent review or period lock waits for the merge.
    """
    entries = list(entries)
    lookups = merge_lookups.load_lookups(session, [package.sender_unit_id],
                                         for_update=for_update)
    sender_kind = lookups.unit_kinds.get(package.sender_unit_id)
    stored = load_stored_states(session, [entry.key for entry in entries],
                                for_update=for_update)
    wanted = {ref.sha256 for entry in entries for ref in entry.attachments}
    known = set(session.scalars(select(models.Attachment.sha256)
                                .where(models.Attachment.sha256.in_(wanted)))) if wanted else set()
    available = known | (wanted & set(package.attachment_files))
    return MergeContext(
        sender_unit_id=package.sender_unit_id, is_sender_known=sender_kind is not None,
        allowed_levels=allowed_levels_for(sender_kind),
        period_states=lookups.period_states, tasks=lookups.tasks, stored=stored,
        available_attachments=frozenset(available),
        sender_fingerprint=package.sender_fingerprint, laptop_keys=package.laptop_keys)


def load_entry_rows(session: Session, keys: Iterable[EntryKey],
                    for_update: bool = False) -> dict[EntryKey, models.Entry]:
    """Return the stored entries with the given keys, with their attachments loaded."""
    groups: dict[tuple[str, str], set[int]] = {}
    for key in keys:
        groups.setdefault((key.unit_id, key.period_code), set()).add(key.task_number)
    found: dict[EntryKey, models.Entry] = {}
    # One statement per unit and period searches the unit's entries. A row-value IN list
    # over (unit, task, period) made SQLite scan the whole unique index instead.
    for (unit_id, period_code), task_numbers in sorted(groups.items()):
        numbers = sorted(task_numbers)
        # Chunks keep the IN list below SQLite's bound-parameter limit.
        for start in range(0, len(numbers), 300):
            statement = (select(models.Entry)
                         .where(models.Entry.unit_id == unit_id,
                                models.Entry.period_code == period_code,
                                models.Entry.task_number.in_(numbers[start:start + 300]))
                         .options(selectinload(models.Entry.attachments)
                                  .selectinload(models.EntryAttachment.attachment))
                         .order_by(models.Entry.id))
            if for_update:
                statement = statement.with_for_update(of=models.Entry)
            for row in session.scalars(statement):
                found[EntryKey(row.unit_id, row.task_number, row.period_code)] = row
    return found


def store_attachment_rows(session: Session, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert ``attachments`` rows, skipping digests already stored.

    ``INSERT ... ON CONFLICT DO NOTHING`` keeps two merges that bring the same file at the
    same time from failing on the primary key.
    """
    values = list(rows)
    if not values:
        return
    dialect = session.connection().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(models.Attachment).values(values).on_conflict_do_nothing())


def apply_decisions(session: Session, package: IncomingPackage,
                    decisions: list[EntryDecision], *, received_at: datetime,
                    progress: ProgressCallback | None = None,
                    cancel: threading.Event | None = None) -> None:
    """Write the decisions of one package: entries, revisions, merge items and audit events.

    Attachment rows must already be stored. Entries that are unchanged or stale write
    nothing.

    Raises:
        CancelledError: ``cancel`` was set; the caller's transaction must roll back.
    """
    # Only entries the office has stored need their rows; the decisions were made on the
    # state read in this transaction.
    rows = load_entry_rows(session, [decision.entry.key for decision in decisions
                                     if decision.stored is not None])
    # Entries the office has never stored are the bulk of a merge, so they go in with a few
    # executemany statements instead of one ORM flush each.
    fresh = [decision.entry for decision in decisions
             if decision.kind is MergeKind.NEW and decision.entry.key not in rows]
    insert_new_entries(session, fresh, package_id=package.package_id,
                       sender_unit_id=package.sender_unit_id, received_at=received_at,
                       sender_fingerprint=package.sender_fingerprint,
                       earlier_fingerprints=package.earlier_fingerprints)
    inserted = {entry.key for entry in fresh}
    events: list[tuple[str, EntryKey, dict[str, Any]]] = []
    for done, decision in enumerate(decisions, start=1):
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        entry = decision.entry
        if entry.key in inserted:
            pass
        elif decision.kind in (MergeKind.NEW, MergeKind.UPDATED):
            rows[entry.key] = write_incoming_entry(
                session, rows.get(entry.key), entry, package_id=package.package_id,
                sender_unit_id=package.sender_unit_id, received_at=received_at)
        elif decision.kind in (MergeKind.CONFLICT, MergeKind.HELD):
            add_merge_item(session, decision, rows.get(entry.key), package.package_id,
                           received_at)
        if entry.key not in inserted:
            record_laptop(rows.get(entry.key), decision, package.sender_fingerprint)
        if decision.kind not in (MergeKind.UNCHANGED, MergeKind.STALE):
            events.append((f"entry.{decision.kind.value}", entry.key, event_details(decision)))
        if progress is not None:
            progress(done, len(decisions))
    add_entry_events(session, events, actor=package.sender_unit_id,
                     package_id=package.package_id, at=received_at)


def insert_new_entries(session: Session, entries: list[IncomingEntry], *, package_id: str,
                       sender_unit_id: str, received_at: datetime,
                       sender_fingerprint: str = "",
                       earlier_fingerprints: Iterable[str] = ()) -> None:
    """Insert incoming entries that have no stored row, with their evidence links and revision.

    The rows are those :func:`write_incoming_entry` and :func:`record_laptop` write for a new
    entry: review pending, the package as origin, the signing laptop as source, and a first
    revision whose snapshot is :func:`entry_snapshot`. The laptop versions are those
    :func:`~meili_desktop.domain.merge.laptops_after` gives a new entry: one per key of the
    sending laptop. Attachment rows must already be stored.
    """
    laptop_keys = [key for key in (sender_fingerprint, *earlier_fingerprints) if key]
    if not entries:
        return
    # Entries of one revision share one laptop versions object, which the insert then
    # encodes once.
    versions = {revision: _first_version(laptop_keys, revision)
                for revision in {entry.revision for entry in entries}}
    values = [{"unit_id": entry.key.unit_id, "task_number": entry.key.task_number,
               "period_code": entry.key.period_code, **_content_columns(entry),
               "revision": entry.revision, "updated_at": entry.updated_at or received_at,
               "updated_by": sender_unit_id, "origin": package_id,
               "review_state": ReviewState.PENDING.value, "is_received": False,
               "source_fingerprint": sender_fingerprint or None,
               "laptop_versions": versions[entry.revision]}
              for entry in entries]
    ids = insert_entry_rows(session, values)

    wanted = {ref.sha256 for entry in entries for ref in entry.attachments}
    sizes: dict[str, int] = {}
    if wanted:
        for sha256, size in session.execute(select(models.Attachment.sha256,
                                                   models.Attachment.size)
                                            .where(models.Attachment.sha256.in_(wanted))):
            sizes[sha256] = size
    links: list[dict[str, Any]] = []
    revisions: list[dict[str, Any]] = []
    for entry_id, entry, row in zip(ids, entries, values, strict=True):
        # The last reference to a digest names the file, as in write_incoming_entry.
        names = {ref.sha256: ref.display_name for ref in entry.attachments}
        links += [{"entry_id": entry_id, "sha256": sha256, "display_name": name,
                   "added_at": received_at} for sha256, name in names.items()]
        snapshot = {"type": "entry", "unit_id": row["unit_id"],
                    "task_number": row["task_number"], "period": row["period_code"],
                    **{name: row[name] for name in _CONTENT_COLUMNS},
                    "revision": entry.revision, "updated_at": row["updated_at"].isoformat(),
                    "attachments": [{"sha256": sha256, "name": names[sha256],
                                     "size": sizes.get(sha256, 0)}
                                    for sha256 in sorted(names)]}
        revisions.append({"entry_id": entry_id, "revision": entry.revision,
                          "snapshot": snapshot, "changed_at": received_at,
                          "changed_by": sender_unit_id, "source": package_id})
    insert_rows(session, models.EntryAttachment, links)
    insert_rows(session, models.EntryRevision, revisions)


def _first_version(laptop_keys: list[str], revision: int) -> dict[str, Any] | None:
    if not laptop_keys:
        return None
    return versions_to_json({key: LaptopVersion(revision, True) for key in laptop_keys})


_CONTENT_COLUMNS = ("status", "value", "numerator", "denominator", "narrative",
                    "responsible_person", "contact")


def _content_columns(entry: IncomingEntry) -> dict[str, Any]:
    return {name: entry.content[name] for name in _CONTENT_COLUMNS}


def write_incoming_entry(session: Session, row: models.Entry | None, entry: IncomingEntry, *,
                         package_id: str, sender_unit_id: str, received_at: datetime,
                         source: str | None = None) -> models.Entry:
    """Store an incoming entry's content over ``row`` (or as a new entry), with a revision.

    Args:
        session: the caller's session.
        row: the stored entry, or None for a new one.
        entry: the content to store.
        package_id: becomes the entry's origin.
        sender_unit_id: recorded as the entry's and the revision's author.
        received_at: the time of the change, naive UTC.
        source: the revision's source; defaults to ``package_id``.

    Returns:
        The entry row.
    """
    before = entry_content(row) if row is not None else None
    if row is None:
        row = models.Entry(unit_id=entry.key.unit_id, task_number=entry.key.task_number,
                           period_code=entry.key.period_code, review_state="pending")
        session.add(row)

    content = entry.content
    row.status = content["status"]
    row.value = content["value"]
    row.numerator = content["numerator"]
    row.denominator = content["denominator"]
    row.narrative = content["narrative"]
    row.responsible_person = content["responsible_person"]
    row.contact = content["contact"]
    row.revision = entry.revision
    row.updated_at = entry.updated_at or received_at
    row.updated_by = sender_unit_id
    row.origin = package_id
    row.is_received = False

    # An accepted entry whose content did not change stays accepted at the new revision;
    # any real change, including a resubmission of a returned entry, waits for review again.
    is_same = before is not None and not changed_fields(before, content)
    if is_same and row.review_state == ReviewState.ACCEPTED.value:
        row.reviewed_revision = entry.revision
    else:
        row.review_state = ReviewState.PENDING.value

    current = {link.sha256: link for link in row.attachments}
    wanted = {ref.sha256: ref for ref in entry.attachments}
    for sha256, link in current.items():
        if sha256 not in wanted:
            row.attachments.remove(link)
    for sha256, ref in wanted.items():
        if sha256 in current:
            current[sha256].display_name = ref.display_name
        else:
            row.attachments.append(models.EntryAttachment(
                sha256=sha256, display_name=ref.display_name, added_at=received_at))

    session.flush()
    row.revisions.append(models.EntryRevision(
        revision=entry.revision, snapshot=entry_snapshot(row), changed_at=received_at,
        changed_by=sender_unit_id, source=source or package_id))
    return row


def record_laptop(row: models.Entry | None, decision: EntryDecision, fingerprint: str) -> None:
    """Store the laptop bookkeeping of a decision on the entry's row.

    A new or updated entry's content now comes from the laptop with key ``fingerprint``, or
    from an unknown laptop when it is empty. The decision's laptop versions, when given,
    replace the stored ones.
    """
    if row is None:
        return
    if decision.kind in (MergeKind.NEW, MergeKind.UPDATED):
        row.source_fingerprint = fingerprint or None
    if decision.laptops is not None:
        row.laptop_versions = versions_to_json(decision.laptops)


def add_merge_item(session: Session, decision: EntryDecision, row: models.Entry | None,
                   package_id: str, received_at: datetime) -> None:
    """Add the open merge item of a conflicting or held entry."""
    entry = decision.entry
    session.add(models.MergeItem(
        package_id=package_id, kind=decision.kind.value, reason=decision.reason or "",
        unit_id=entry.key.unit_id, task_number=entry.key.task_number,
        period_code=entry.key.period_code, incoming=dict(entry.record),
        stored=entry_snapshot(row) if row is not None else None, state="open",
        created_at=received_at))


def event_details(decision: EntryDecision) -> dict[str, Any]:
    """Return the audit details of one entry decision: revisions, changed fields, reason."""
    stored = decision.stored
    details: dict[str, Any] = {"revision": decision.entry.revision}
    if stored is not None:
        details["previous_revision"] = stored.revision
        if stored.source_fingerprint:
            # The laptop whose content the office held, so a conflict names both laptops.
            details["previous_laptop"] = stored.source_fingerprint
    details["fields"] = changed_fields(stored.content if stored else None,
                                       decision.entry.content)
    if decision.reason:
        details["reason"] = decision.reason
    return details

