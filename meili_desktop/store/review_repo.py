"""The office's review of entries: verdicts, comments for the townships, period states."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.periods import PeriodState
from meili_desktop.store import models


@dataclass(frozen=True)
class ReviewRow:
    """One entry as the review list shows it, with the latest comment on it."""

    key: EntryKey
    unit_name: str
    county_id: str | None
    task_title: str
    status: str
    value: str | None
    narrative: str
    revision: int
    review_state: str
    reviewed_revision: int | None
    origin: str
    updated_at: datetime
    last_comment: str
    has_open_item: bool


def list_review_rows(session: Session, period_code: str, *, unit_id: str | None = None,
                     county_id: str | None = None,
                     review_state: str | None = None) -> list[ReviewRow]:
    """Return the period's entries that came from packages, by unit and task."""
    statement = (select(models.Entry, models.ReportingUnit)
                 .join(models.ReportingUnit, models.ReportingUnit.id == models.Entry.unit_id)
                 .where(models.Entry.period_code == period_code,
                        models.Entry.origin != "local")
                 .order_by(models.Entry.unit_id, models.Entry.task_number))
    if unit_id:
        statement = statement.where(models.Entry.unit_id == unit_id)
    if county_id:
        statement = statement.where(models.ReportingUnit.parent_id == county_id)
    if review_state:
        statement = statement.where(models.Entry.review_state == review_state)

    titles = {number: title for number, title in session.execute(
        select(models.Task.number, models.Task.title).join(models.CatalogueVersion)
        .where(models.CatalogueVersion.is_active.is_(True)))}
    comments = _latest_comments(session, period_code)
    open_items = {(unit, task) for unit, task in session.execute(
        select(models.MergeItem.unit_id, models.MergeItem.task_number)
        .where(models.MergeItem.state == "open",
               models.MergeItem.period_code == period_code))}
    rows: list[ReviewRow] = []
    for entry, unit in session.execute(statement):
        rows.append(ReviewRow(
            key=EntryKey(entry.unit_id, entry.task_number, entry.period_code),
            unit_name=unit.name, county_id=unit.parent_id,
            task_title=titles.get(entry.task_number, ""), status=entry.status,
            value=entry.value, narrative=entry.narrative, revision=entry.revision,
            review_state=entry.review_state, reviewed_revision=entry.reviewed_revision,
            origin=entry.origin, updated_at=entry.updated_at,
            last_comment=comments.get((entry.unit_id, entry.task_number), ""),
            has_open_item=(entry.unit_id, entry.task_number) in open_items))
    return rows


def period_state(session: Session, period_code: str, *,
                 exclusive: bool = False) -> PeriodState | None:
    """Return a period's state, locking its row (shared, or exclusive) for the transaction.

    Returns None for an unknown period.
    """
    row = session.get(models.Period, period_code,
                      with_for_update=True if exclusive else {"read": True})
    return None if row is None else PeriodState(row.state)


def update_period_state(session: Session, period_code: str, state: PeriodState) -> None:
    """Set a period's state; the caller checked that the period exists."""
    row = session.get(models.Period, period_code)
    assert row is not None
    row.state = state.value


def list_period_states(session: Session) -> list[tuple[str, PeriodState]]:
    """Return every period's code and state, by start date, years before their quarters."""
    rows = session.scalars(select(models.Period).order_by(models.Period.start_date,
                                                          models.Period.end_date.desc()))
    return [(row.code, PeriodState(row.state)) for row in rows]


def entry_review_info(session: Session, key: EntryKey) -> tuple[int, str] | None:
    """Return the entry's revision and review state, locking it; None when it does not exist."""
    row = _load_entry(session, key)
    return None if row is None else (row.revision, row.review_state)


def set_verdict(session: Session, key: EntryKey, verdict: str) -> int:
    """Record the office's verdict on the entry's current revision; return that revision."""
    row = _load_entry(session, key)
    assert row is not None
    row.review_state = verdict
    row.reviewed_revision = row.revision
    return row.revision


def _load_entry(session: Session, key: EntryKey) -> models.Entry | None:
    return session.scalar(select(models.Entry).where(
        models.Entry.unit_id == key.unit_id, models.Entry.task_number == key.task_number,
        models.Entry.period_code == key.period_code).with_for_update())


def has_open_conflict(session: Session, key: EntryKey) -> bool:
    """Return whether an open conflict exists for the entry."""
    return session.scalar(select(models.MergeItem.id).where(
        models.MergeItem.state == "open", models.MergeItem.kind == "conflict",
        models.MergeItem.unit_id == key.unit_id,
        models.MergeItem.task_number == key.task_number,
        models.MergeItem.period_code == key.period_code).limit(1)) is not None


def add_comment(session: Session, key: EntryKey, *, action: str, text: str, author: str,
                entry_revision: int | None, at: datetime) -> None:
    """Add a review comment for the township."""
    session.add(models.ReviewComment(
        unit_id=key.unit_id, task_number=key.task_number, period_code=key.period_code,
        action=action, text=text, author=author[:50], entry_revision=entry_revision,
        created_at=at))


def pending_comments_for_unit(session: Session, unit_id: str) -> list[dict[str, Any]]:
    """Return the unit's review comments not yet sent in a distribution package.

    Each comment is a JSON-ready record for the distribution package::

        {"type": "review_comment", "id": 7, "unit_id": "330110005", "task_number": 13,
         "period": "2021Q2", "action": "return", "text": "...", "author": "...",
         "entry_revision": 4, "created_at": "2021-07-02T03:04:05"}

    ``action`` is ``return`` (the township must revise the entry, which reopens it) or
    ``accept``. Accept comments are included only when they have text.
    """
    rows = session.scalars(select(models.ReviewComment).where(
        models.ReviewComment.unit_id == unit_id, models.ReviewComment.delivered_in.is_(None))
        .order_by(models.ReviewComment.created_at, models.ReviewComment.id))
    return [{
        "type": "review_comment", "id": row.id, "unit_id": row.unit_id,
        "task_number": row.task_number, "period": row.period_code, "action": row.action,
        "text": row.text, "author": row.author, "entry_revision": row.entry_revision,
        "created_at": row.created_at.isoformat(),
    } for row in rows if row.action == "return" or row.text.strip()]


def mark_comments_delivered(session: Session, comment_ids: Iterable[int],
                            package_id: str) -> int:
    """Record that comments went out in a distribution package; return how many changed."""
    ids: Sequence[int] = list(comment_ids)
    changed = 0
    for row in session.scalars(select(models.ReviewComment)
                               .where(models.ReviewComment.id.in_(ids))):
        if row.delivered_in is None:
            row.delivered_in = package_id
            changed += 1
    return changed


def _latest_comments(session: Session, period_code: str) -> dict[tuple[str, int], str]:
    latest: dict[tuple[str, int], str] = {}
    for row in session.scalars(select(models.ReviewComment)
                               .where(models.ReviewComment.period_code == period_code)
                               .order_by(models.ReviewComment.created_at,
                                         models.ReviewComment.id)):
        if row.text.strip():
            latest[(row.unit_id, row.task_number)] = row.text
    return latest
