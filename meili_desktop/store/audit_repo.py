"""Write and search audit events: who changed what, when, and from which package."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.store.bulk_insert import insert_many
from meili_desktop.store.models import AuditEvent, ReportingUnit

# Maximum number of events one search returns. The clerk narrows the filters to see others.
MAX_SEARCH_RESULTS = 5000

# Built once, so that SQLAlchemy computes its cache key once; the values come at execution.
_INSERT_EVENT = insert(AuditEvent.__table__)


@dataclass(frozen=True)
class AuditRecord:
    """One stored audit event."""

    id: int
    at: datetime
    actor: str
    action: str
    unit_id: str | None
    task_number: int | None
    period_code: str | None
    package_id: str | None
    details: Mapping[str, Any]


@dataclass(frozen=True)
class AuditQuery:
    """Filters of an audit search; empty filters match everything.

    ``text`` matches the actor, the action and the details, ignoring case. ``since`` and
    ``until`` are naive UTC and bound the event time inclusively.
    """

    unit_id: str | None = None
    task_number: int | None = None
    period_code: str | None = None
    package_id: str | None = None
    action: str | None = None
    text: str = ""
    since: datetime | None = None
    until: datetime | None = None
    limit: int = MAX_SEARCH_RESULTS


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def add_event(session: Session, action: str, *, actor: str = "", key: EntryKey | None = None,
              unit_id: str | None = None, period_code: str | None = None,
              package_id: str | None = None, details: Mapping[str, Any] | None = None,
              at: datetime | None = None) -> None:
    """Add one audit event to the caller's transaction.

    Args:
        session: the open session of the change being logged.
        action: a dotted action name such as ``entry.updated``.
        actor: who did it: the clerk's user name, or a sender unit for package data.
        key: the entry concerned; fills the unit, task and period columns.
        unit_id: the unit concerned when no entry is.
        period_code: the period concerned when no entry is.
        package_id: the package the change came from.
        details: JSON-serializable facts of the change.
        at: the event time in naive UTC; defaults to now.
    """
    session.add(AuditEvent(**_event_row(action, actor, key, unit_id, period_code, package_id,
                                        details, at)))


def insert_event(session: Session, action: str, *, actor: str = "",
                 key: EntryKey | None = None, unit_id: str | None = None,
                 period_code: str | None = None, package_id: str | None = None,
                 details: Mapping[str, Any] | None = None, at: datetime | None = None) -> None:
    """Insert one audit event at once with a Core statement; arguments as for add_event.

    The row is the one :func:`add_event` stores. Code that writes everything else with Core
    statements, such as the merge, uses it so that its commit has no ORM objects to flush.
    """
    session.execute(_INSERT_EVENT, _event_row(action, actor, key, unit_id, period_code,
                                              package_id, details, at))


def _event_row(action: str, actor: str, key: EntryKey | None, unit_id: str | None,
               period_code: str | None, package_id: str | None,
               details: Mapping[str, Any] | None, at: datetime | None) -> dict[str, Any]:
    return {"at": at or utc_now(), "actor": actor[:50], "action": action,
            "unit_id": key.unit_id if key is not None else unit_id,
            "task_number": key.task_number if key is not None else None,
            "period_code": key.period_code if key is not None else period_code,
            "package_id": package_id, "details": dict(details or {})}


def add_entry_events(session: Session, events: Iterable[tuple[str, EntryKey, Mapping[str, Any]]],
                     *, actor: str, package_id: str | None, at: datetime) -> None:
    """Insert the audit events of many entries changed together, in one statement.

    Each event is (action, entry key, details) and is stored as :func:`add_event` would
    store it with the shared ``actor``, ``package_id`` and ``at``.
    """
    rows = [{"at": at, "actor": actor[:50], "action": action, "unit_id": key.unit_id,
             "task_number": key.task_number, "period_code": key.period_code,
             "package_id": package_id, "details": dict(details)}
            for action, key, details in events]
    insert_many(session.connection(), AuditEvent.__table__, rows)


def search_events(session: Session, query: AuditQuery) -> list[AuditRecord]:
    """Return the events matching ``query``, newest first, at most ``query.limit``.

    The text filter runs in Python over the decoded details, because JSON columns store
    Chinese text escaped and cannot be matched with LIKE on every database.
    """
    statement = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if query.unit_id:
        statement = statement.where(AuditEvent.unit_id == query.unit_id)
    if query.task_number is not None:
        statement = statement.where(AuditEvent.task_number == query.task_number)
    if query.period_code:
        statement = statement.where(AuditEvent.period_code == query.period_code)
    if query.package_id:
        statement = statement.where(AuditEvent.package_id == query.package_id)
    if query.action:
        statement = statement.where(AuditEvent.action == query.action)
    if query.since is not None:
        statement = statement.where(AuditEvent.at >= query.since)
    if query.until is not None:
        statement = statement.where(AuditEvent.at <= query.until)

    needle = query.text.strip().casefold()
    records: list[AuditRecord] = []
    for row in session.execute(statement.execution_options(yield_per=500)).scalars():
        record = _to_record(row)
        if needle and needle not in searchable_text(record):
            continue
        records.append(record)
        if len(records) >= query.limit:
            break
    return records


def unit_names(session: Session) -> dict[str, str]:
    """Return every reporting unit's name by id."""
    return {unit_id: name for unit_id, name in session.execute(
        select(ReportingUnit.id, ReportingUnit.name))}


def searchable_text(record: AuditRecord) -> str:
    """Return the case-folded text that the audit search's text filter matches."""
    details = json.dumps(record.details, ensure_ascii=False, sort_keys=True, default=str)
    parts = [record.actor, record.action, record.package_id or "", details]
    return " ".join(parts).casefold()


def _to_record(row: AuditEvent) -> AuditRecord:
    return AuditRecord(row.id, row.at, row.actor, row.action, row.unit_id, row.task_number,
                       row.period_code, row.package_id, dict(row.details or {}))
