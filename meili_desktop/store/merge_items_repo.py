"""Merge items: conflicts and held entries waiting for the office's decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import AttachmentRef, EntryKey, ReviewState
from meili_desktop.domain.laptops import record_version, versions_from_json, versions_to_json
from meili_desktop.domain.merge import OFFICE_ORIGIN, EntryDecision, MergeKind
from meili_desktop.domain.merge_records import IncomingEntry, same_content
from meili_desktop.errors import MeiliError
from meili_desktop.store import models
from meili_desktop.store.merge_repo import load_entry_rows, record_laptop, write_incoming_entry
from meili_desktop.store.snapshots import entry_content, entry_snapshot


class MergeItemNotFoundError(MeiliError):
    """Details: ``item``."""

    code = "merge.item_not_found"
    exit_code = 4


class MergeItemClosedError(MeiliError):
    """The item was already decided, perhaps by another clerk; details: ``item``."""

    code = "merge.item_closed"
    exit_code = 4


@dataclass(frozen=True)
class MergeItemRecord:
    """A conflict or held entry.

    ``incoming`` is the entry record as the package carried it. ``stored_at_merge`` is the
    office's entry when the item was created; ``current`` is the office's entry now (None when
    there is none). ``incoming_fingerprint`` is the key of the laptop that sent the package
    (empty when unknown), and ``current_fingerprint`` the key of the laptop whose content the
    office holds now (None when the office decided it, or unknown).
    """

    id: int
    package_id: str
    kind: str
    reason: str
    key: EntryKey
    incoming: Mapping[str, Any]
    stored_at_merge: Mapping[str, Any] | None
    current: Mapping[str, Any] | None
    state: str
    resolution: Mapping[str, Any] | None
    created_at: datetime
    resolved_at: datetime | None
    incoming_fingerprint: str = ""
    current_fingerprint: str | None = None


def list_items(session: Session, *, state: str | None = "open", kind: str | None = None,
               unit_id: str | None = None, period_code: str | None = None,
               package_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[MergeItemRecord]:
    """Return merge items, oldest first, filtered by the given values.

    ``limit`` and ``offset`` return one page of them, in the same order.
    """
    statement = _filtered(select(models.MergeItem), state, kind, unit_id, period_code,
                          package_id).order_by(models.MergeItem.id)
    if limit is not None:
        statement = statement.limit(limit).offset(offset)
    rows = list(session.scalars(statement))
    entries = load_entry_rows(session, {_key(row) for row in rows})
    keys = _package_keys(session, {row.package_id for row in rows})
    return [_to_record(row, entries.get(_key(row)), keys.get(row.package_id, ""))
            for row in rows]


def count_items(session: Session, *, state: str | None = "open",
                kind: str | None = None) -> int:
    """Return how many merge items :func:`list_items` would return without a limit."""
    statement = _filtered(select(func.count()).select_from(models.MergeItem), state, kind,
                          None, None, None)
    return int(session.scalar(statement) or 0)


def _filtered(statement: Select[Any], state: str | None, kind: str | None,
              unit_id: str | None, period_code: str | None,
              package_id: str | None) -> Select[Any]:
    conditions = [(models.MergeItem.state, state), (models.MergeItem.kind, kind),
                  (models.MergeItem.unit_id, unit_id),
                  (models.MergeItem.period_code, period_code),
                  (models.MergeItem.package_id, package_id)]
    for column, value in conditions:
        if value is not None:
            statement = statement.where(column == value)
    return statement


def get_item_row(session: Session, item_id: int, *, for_update: bool = False,
                 must_be_open: bool = True) -> models.MergeItem:
    """Return a merge item's row, locked for the transaction when ``for_update``.

    Raises:
        MergeItemNotFoundError: no item has this id.
        MergeItemClosedError: ``must_be_open`` and the item was decided already.
    """
    statement = select(models.MergeItem).where(models.MergeItem.id == item_id)
    if for_update:
        statement = statement.with_for_update()
    row = session.scalar(statement)
    if row is None:
        raise MergeItemNotFoundError(item=item_id)
    if must_be_open and row.state != "open":
        raise MergeItemClosedError(item=item_id)
    return row


def get_item(session: Session, item_id: int) -> MergeItemRecord:
    """Return one merge item with the office's current entry.

    Raises:
        MergeItemNotFoundError: no item has this id.
    """
    row = get_item_row(session, item_id, must_be_open=False)
    entry = load_entry_rows(session, [_key(row)]).get(_key(row))
    return _to_record(row, entry, _package_keys(session, {row.package_id}).get(row.package_id, ""))


def close_item(session: Session, item_id: int, resolution: Mapping[str, Any],
               at: datetime) -> None:
    """Mark a merge item decided, with what was decided."""
    row = get_item_row(session, item_id, must_be_open=False)
    row.state = "resolved"
    row.resolution = dict(resolution)
    row.resolved_at = at


def count_open_items(session: Session) -> dict[str, int]:
    """Return the number of open conflicts and held entries."""
    counts = {"conflict": 0, "held": 0}
    for kind in session.scalars(select(models.MergeItem.kind)
                                .where(models.MergeItem.state == "open")):
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _key(row: models.MergeItem) -> EntryKey:
    return EntryKey(row.unit_id, row.task_number, row.period_code)


def _package_keys(session: Session, package_ids: set[str]) -> dict[str, str]:
    """Return the signing key of each package in the ledger, by package id."""
    if not package_ids:
        return {}
    rows = session.execute(select(models.ImportedPackage.package_id,
                                  models.ImportedPackage.sender_fingerprint)
                           .where(models.ImportedPackage.package_id.in_(sorted(package_ids))))
    return {package_id: fingerprint or "" for package_id, fingerprint in rows}


def _to_record(row: models.MergeItem, entry: models.Entry | None,
               incoming_fingerprint: str) -> MergeItemRecord:
    return MergeItemRecord(
        id=row.id, package_id=row.package_id, kind=row.kind, reason=row.reason,
        key=_key(row), incoming=dict(row.incoming), stored_at_merge=row.stored,
        current=entry_snapshot(entry) if entry is not None else None, state=row.state,
        resolution=row.resolution, created_at=row.created_at, resolved_at=row.resolved_at,
        incoming_fingerprint=incoming_fingerprint,
        current_fingerprint=entry.source_fingerprint if entry is not None else None)


# --- decisions ---------------------------------------------------------------------------------


def lock_item(session: Session, item_id: int) -> MergeItemRecord:
    """Lock an open merge item and the office's entry for the transaction; return them.

    Raises:
        MergeItemNotFoundError, MergeItemClosedError: the item is gone or decided.
    """
    row = get_item_row(session, item_id, for_update=True)
    entry = load_entry_rows(session, [_key(row)], for_update=True).get(_key(row))
    return _to_record(row, entry, _package_keys(session, {row.package_id}).get(row.package_id, ""))


def write_resolution(session: Session, item_id: int, township: IncomingEntry,
                     resolved: Mapping[str, Any], *, is_township: bool, actor: str,
                     at: datetime, township_fingerprint: str = "") -> int:
    """Store the content the office decided for a conflict; return the entry's revision.

    Content that is wholly the township's keeps the package as its origin, the sending laptop
    (key ``township_fingerprint``) as its source and that laptop's revision, and waits for
    review. Content with an office value or an edit gets the office as its origin and the newer
    of the two revision numbers. An entry accepted before stays accepted at the new revision,
    because the office decided those values itself. The laptop versions record the township's
    revision as taken in, so sending it again changes nothing.
    """
    row = load_entry_rows(session, [township.key])[township.key]
    previous_review = row.review_state
    before = entry_content(row)
    names = {link.sha256: AttachmentRef(link.sha256, link.display_name, 0)
             for link in row.attachments}
    names.update({ref.sha256: ref for ref in township.attachments})
    refs = tuple(names[sha256] for sha256 in resolved["attachments"])
    revision = township.revision if is_township else max(row.revision, township.revision)
    entry = IncomingEntry(0, township.key, revision, at, resolved, refs, {})
    item = get_item_row(session, item_id, must_be_open=False)
    versions = record_version(versions_from_json(row.laptop_versions), township_fingerprint,
                              township.revision, matches=is_township,
                              is_content_changed=not same_content(before, resolved))
    write_incoming_entry(session, row, entry,
                         package_id=item.package_id if is_township else OFFICE_ORIGIN,
                         sender_unit_id=actor, received_at=at, source=f"resolution:{item_id}")
    row.source_fingerprint = (township_fingerprint or None) if is_township else None
    row.laptop_versions = versions_to_json(versions)
    if is_township:
        row.review_state = ReviewState.PENDING.value
    elif previous_review == ReviewState.ACCEPTED.value:
        row.review_state = ReviewState.ACCEPTED.value
        row.reviewed_revision = row.revision
    return row.revision


def write_release(session: Session, item_id: int, decision: EntryDecision, *,
                  sender_unit_id: str, actor: str, at: datetime,
                  sender_fingerprint: str = "") -> None:
    """Apply a held entry that fits now, or turn the item into a conflict.

    New and updated entries are written, and unchanged or stale ones change nothing but the
    laptop versions; the item closes in those cases. A conflict keeps the item open as a
    conflict.
    """
    item = get_item_row(session, item_id, for_update=True)
    entry = decision.entry
    row = load_entry_rows(session, [entry.key]).get(entry.key)
    if decision.kind in (MergeKind.NEW, MergeKind.UPDATED):
        row = write_incoming_entry(session, row, entry, package_id=item.package_id,
                                   sender_unit_id=sender_unit_id, received_at=at,
                                   source=f"release:{item_id}")
    record_laptop(row, decision, sender_fingerprint)
    if decision.kind is MergeKind.CONFLICT:
        item.kind = MergeKind.CONFLICT.value
        item.reason = decision.reason or ""
        item.stored = entry_snapshot(row) if row is not None else None
        return
    close_item(session, item_id, {"action": "released", "by": actor,
                                  "kind": decision.kind.value}, at)
