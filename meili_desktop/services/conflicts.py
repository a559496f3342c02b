"""Decide merge items: resolve conflicts field by field, release or discard held entries.

Every decision is one transaction under the sender's merge lock, so it cannot interleave with
a merge of the same township's packages, and every field decision is logged as an audit event.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.conflicts import FieldChoice, FieldDecision, resolve_conflict
from meili_desktop.domain.merge import REPORT_KIND, IncomingPackage, MergeKind, decide_entry
from meili_desktop.domain.merge_records import (
    IncomingEntry,
    changed_fields,
    parse_entry_record,
    same_content,
)
from meili_desktop.domain.periods import PeriodState
from meili_desktop.errors import MeiliError
from meili_desktop.store import ledger_repo, merge_items_repo, merge_repo, review_repo
from meili_desktop.store.audit_repo import add_event
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_items_repo import MergeItemRecord

logger = logging.getLogger(__name__)


class PeriodLockedError(MeiliError):
    """The entry's period is locked, so its data cannot change; details: ``period``."""

    code = "merge.period_locked"
    exit_code = 4


class StillHeldError(MeiliError):
    """A held entry still does not fit; details: ``item`` and ``reason``."""

    code = "merge.still_held"
    exit_code = 4


class NotAConflictError(MeiliError):
    """Field decisions apply to conflicts only; details: ``item``."""

    code = "merge.not_a_conflict"
    exit_code = 4


@dataclass(frozen=True)
class ReleaseResult:
    """The result of releasing a held entry: ``kind`` is new, updated, conflict, unchanged or
    stale."""

    item_id: int
    kind: str


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def list_items(store: Store, *, state: str | None = "open", kind: str | None = None,
               unit_id: str | None = None, period_code: str | None = None,
               package_id: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[MergeItemRecord]:
    """Return merge items with the office's current entry beside each, oldest first.

    ``limit`` and ``offset`` return one page of them.
    """
    with store.session_factory() as session:
        return merge_items_repo.list_items(session, state=state, kind=kind, unit_id=unit_id,
                                           period_code=period_code, package_id=package_id,
                                           limit=limit, offset=offset)


def count_items(store: Store, *, state: str | None = "open", kind: str | None = None) -> int:
    """Return how many merge items have this state and kind."""
    with store.session_factory() as session:
        return merge_items_repo.count_items(session, state=state, kind=kind)


def get_item(store: Store, item_id: int) -> MergeItemRecord:
    """Return one merge item with the office's current entry."""
    with store.session_factory() as session:
        return merge_items_repo.get_item(session, item_id)


def resolve(store: Store, item_id: int, decisions: Iterable[FieldDecision],
            actor: str) -> dict[str, Any]:
    """Resolve a conflict with one decision per differing field, and log each decision.

    The entry gets the newer of the two revisions. Content that takes every field from the
    township counts as the township's and waits for review. Content with an office value or
    an edit becomes the office's, so later packages cannot overwrite it without a new
    decision.

    Returns:
        The resolved content.

    Raises:
        MergeItemNotFoundError, MergeItemClosedError: the item is gone or decided.
        NotAConflictError: the item is a held entry.
        PeriodLockedError: the entry's period is locked.
        MissingDecisionError, InvalidDecisionError, InvalidContentError: the decisions do
            not give valid content.
    """
    by_field = {decision.field: decision for decision in decisions}
    unit_id = get_item(store, item_id).key.unit_id
    with store.session_factory.begin() as session:
        ledger_repo.lock_for_merge(session, unit_id)
        item = merge_items_repo.lock_item(session, item_id)
        if item.kind != MergeKind.CONFLICT.value:
            raise NotAConflictError(item=item_id)
        if review_repo.period_state(session, item.key.period_code) is PeriodState.LOCKED:
            raise PeriodLockedError(period=item.key.period_code)
        township = parse_entry_record(0, item.incoming)
        office = dict(item.current or {})
        office["attachments"] = sorted(ref["sha256"] for ref in office.get("attachments", []))
        task = merge_repo.load_task_rules(session).get(township.key.task_number)
        resolved = resolve_conflict(office, township.content, by_field,
                                    task.measure if task else None)

        now = utc_now()
        revision = merge_items_repo.write_resolution(
            session, item_id, township, resolved,
            is_township=same_content(resolved, township.content), actor=actor, at=now,
            township_fingerprint=item.incoming_fingerprint)
        _log_decisions(session, item, township, office, resolved, by_field, actor, now)
        merge_items_repo.close_item(session, item_id, {
            "action": "resolved", "by": actor, "revision": revision,
            "decisions": {name: {"choice": decision.choice.value, "value": decision.value}
                          for name, decision in by_field.items()}}, now)
    logger.info("conflict %d on %s resolved by %s", item_id, township.key, actor)
    return resolved


def release(store: Store, item_id: int, actor: str) -> ReleaseResult:
    """Decide a held entry again against today's periods, catalogue and entries.

    An entry that now fits is applied (or becomes a conflict, which stays open); an unchanged
    or stale one closes the item without a change.

    Raises:
        MergeItemNotFoundError, MergeItemClosedError: the item is gone or decided.
        StillHeldError: the entry still does not fit; the item stays open.
    """
    item_record = get_item(store, item_id)
    with store.session_factory() as session:
        ledger = ledger_repo.get_ledger_entry(session, item_record.package_id)
    sender = ledger.sender_unit_id if ledger is not None else item_record.key.unit_id
    # The held entry is decided as coming from the laptop that signed its package.
    fingerprint = ledger.sender_fingerprint if ledger is not None else ""
    with store.session_factory.begin() as session:
        ledger_repo.lock_for_merge(session, sender)
        item = merge_items_repo.lock_item(session, item_id)
        entry = parse_entry_record(0, item.incoming)
        package = IncomingPackage(item.package_id, REPORT_KIND, sender, fingerprint, 0, "",
                                  None, "", (entry.key.period_code,), (dict(item.incoming),),
                                  {})
        context = merge_repo.load_context(session, package, [entry], for_update=True)
        decision = decide_entry(entry, context)
        if decision.kind is MergeKind.HELD:
            raise StillHeldError(item=item_id, reason=decision.reason or "")

        now = utc_now()
        merge_items_repo.write_release(session, item_id, decision, sender_unit_id=sender,
                                       actor=actor, at=now, sender_fingerprint=fingerprint)
        add_event(session, "held.released", actor=actor, key=entry.key,
                  package_id=item.package_id, at=now,
                  details={"item": item_id, "kind": decision.kind.value,
                           **merge_repo.event_details(decision)})
    logger.info("held entry %d released by %s as %s", item_id, actor, decision.kind)
    return ReleaseResult(item_id, decision.kind.value)


def discard(store: Store, item_id: int, actor: str, comment: str = "") -> None:
    """Close a merge item without changing the entry; the incoming record stays in the item.

    Raises:
        MergeItemNotFoundError, MergeItemClosedError: the item is gone or decided.
    """
    with store.session_factory.begin() as session:
        item = merge_items_repo.lock_item(session, item_id)
        now = utc_now()
        merge_items_repo.close_item(session, item_id, {"action": "discarded", "by": actor,
                                                       "comment": comment}, now)
        add_event(session, f"{item.kind}.discarded", actor=actor, key=item.key,
                  package_id=item.package_id, at=now,
                  details={"item": item_id, "kind": item.kind, "reason": item.reason,
                           "comment": comment})
    logger.info("merge item %d discarded by %s", item_id, actor)


def _log_decisions(session: Session, item: MergeItemRecord, township: IncomingEntry,
                   office: Mapping[str, Any], resolved: Mapping[str, Any],
                   decisions: Mapping[str, FieldDecision], actor: str, now: datetime) -> None:
    # Both sides' laptops are logged, so the losing value can be traced to the laptop that
    # wrote it. The office side has no laptop when the office decided its content.
    laptops = {"office_laptop": item.current_fingerprint,
               "township_laptop": item.incoming_fingerprint or None}
    for name in changed_fields(office, township.content):
        decision = decisions.get(name, FieldDecision(name, FieldChoice.OFFICE))
        add_event(session, "conflict.decision", actor=actor, key=township.key,
                  package_id=item.package_id, at=now,
                  details={"item": item.id, "field": name, "choice": decision.choice.value,
                           "office": office.get(name), "township": township.content.get(name),
                           "result": resolved.get(name), **laptops})
    add_event(session, "conflict.resolved", actor=actor, key=township.key,
              package_id=item.package_id, at=now,
              details={"item": item.id, "reason": item.reason,
                       "fields": changed_fields(office, resolved), **laptops})
