"""Queries behind packages: the addressee's unit, periods, comments and exported entries."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.periods import parse_period
from meili_desktop.store import models


def unit_document(session: Session, unit_id: str) -> dict[str, Any] | None:
    """Return a unit with its parent and codes as a JSON-ready dict, or None if unknown."""
    row = session.get(models.ReportingUnit, unit_id)
    if row is None:
        return None
    parent = None if row.parent_id is None else session.get(models.ReportingUnit, row.parent_id)
    return {
        "id": row.id, "name": row.name, "kind": row.kind, "town_type": row.town_type,
        "parent_id": row.parent_id, "parent_name": parent.name if parent else None,
        "parent_kind": parent.kind if parent else None,
        "codes": [{"edition": code.edition, "code": code.code, "name": code.name,
                   "parent_code": code.parent_code} for code in row.codes],
    }


def upsert_unit(session: Session, document: Mapping[str, Any], now: datetime) -> None:
    """Store the unit a distribution package is addressed to, and its parent, if missing.

    A unit that exists keeps its row; its name follows the city's spelling.
    """
    parent_id = document.get("parent_id")
    if parent_id and session.get(models.ReportingUnit, parent_id) is None:
        session.add(models.ReportingUnit(
            id=parent_id, name=str(document.get("parent_name") or parent_id),
            kind=str(document.get("parent_kind") or "county"), created_at=now))
        session.flush()
    row = session.get(models.ReportingUnit, document["id"])
    if row is None:
        row = models.ReportingUnit(id=document["id"], name=str(document["name"]),
                                   kind=str(document.get("kind") or "township"),
                                   parent_id=parent_id, created_at=now)
        session.add(row)
        session.flush()
    row.name = str(document["name"])
    row.town_type = str(document.get("town_type") or "")
    known = {(code.edition, code.code) for code in row.codes}
    for code in document.get("codes") or []:
        key = (str(code.get("edition")), str(code.get("code")))
        clash = session.execute(select(models.ReportingUnitCode).where(
            models.ReportingUnitCode.edition == key[0],
            models.ReportingUnitCode.code == key[1])).scalar_one_or_none()
        if key in known or clash is not None:
            continue
        row.codes.append(models.ReportingUnitCode(
            edition=key[0], code=key[1], name=str(code.get("name") or row.name),
            parent_code=code.get("parent_code")))
    session.flush()


def period_documents(session: Session, codes: Iterable[str] | None = None
                     ) -> list[dict[str, Any]]:
    """Return the stored periods (all, or those in ``codes``) as JSON-ready dicts."""
    query = select(models.Period).order_by(models.Period.start_date, models.Period.code)
    wanted = None if codes is None else {code.upper() for code in codes}
    return [{"code": row.code, "state": row.state,
             "due_date": row.due_date.isoformat() if row.due_date else None}
            for row in session.scalars(query) if wanted is None or row.code in wanted]


def store_periods(session: Session, documents: Iterable[Mapping[str, Any]]) -> int:
    """Add or update periods received from the city; return how many changed."""
    changed = 0
    for document in documents:
        period = parse_period(str(document.get("code", "")))
        state = str(document.get("state") or "open")
        due = document.get("due_date")
        due_date = date.fromisoformat(due) if isinstance(due, str) else None
        row = session.get(models.Period, period.code)
        if row is None:
            session.add(models.Period(code=period.code, kind=period.kind.value,
                                      start_date=period.start, end_date=period.end,
                                      state=state, due_date=due_date))
            changed += 1
        elif row.state != state or row.due_date != due_date:
            row.state, row.due_date = state, due_date
            changed += 1
    session.flush()
    return changed


def comments_for_unit(session: Session, unit_id: str) -> list[dict[str, Any]]:
    """Return every review comment on the unit's entries as JSON-ready dicts, oldest first.

    All comments go out in every distribution package, not only new ones, so a lost package
    loses nothing; the township skips comments it already has.
    """
    rows = session.scalars(select(models.ReviewComment)
                           .where(models.ReviewComment.unit_id == unit_id)
                           .order_by(models.ReviewComment.created_at, models.ReviewComment.id))
    return [{"comment_id": row.id, "unit_id": row.unit_id, "task_number": row.task_number,
             "period": row.period_code, "action": row.action, "text": row.text,
             "author": row.author, "entry_revision": row.entry_revision,
             "created_at": row.created_at.isoformat()} for row in rows]


def comments_delivered_in(session: Session, package_id: str) -> list[dict[str, Any]]:
    """Return the comments that distribution package ``package_id`` added, by period and task.

    The dicts have the keys of :func:`comments_for_unit`.
    """
    rows = session.scalars(select(models.ReviewComment)
                           .where(models.ReviewComment.delivered_in == package_id)
                           .order_by(models.ReviewComment.period_code,
                                     models.ReviewComment.task_number,
                                     models.ReviewComment.created_at, models.ReviewComment.id))
    return [{"comment_id": row.id, "unit_id": row.unit_id, "task_number": row.task_number,
             "period": row.period_code, "action": row.action, "text": row.text,
             "author": row.author, "entry_revision": row.entry_revision,
             "created_at": row.created_at.isoformat()} for row in rows]


def store_received_comments(session: Session, unit_id: str,
                            comments: Iterable[Mapping[str, Any]], package_id: str) -> int:
    """Store the city's comments that are new here; reopen entries that were returned.

    A comment is known when one with the same task, period, time and text is stored.
    Returns the number of comments added.
    """
    added = 0
    for comment in comments:
        created_at = datetime.fromisoformat(str(comment.get("created_at")))
        task_number = int(comment.get("task_number", 0))
        period_code = str(comment.get("period", ""))
        text = str(comment.get("text", ""))[:5000]
        action = str(comment.get("action", "note"))
        exists = session.execute(select(models.ReviewComment.id).where(
            models.ReviewComment.unit_id == unit_id,
            models.ReviewComment.task_number == task_number,
            models.ReviewComment.period_code == period_code,
            models.ReviewComment.created_at == created_at,
            models.ReviewComment.text == text)).first()
        if exists is not None:
            continue
        session.add(models.ReviewComment(
            unit_id=unit_id, task_number=task_number, period_code=period_code, action=action,
            text=text, author=str(comment.get("author", ""))[:50],
            entry_revision=comment.get("entry_revision"), created_at=created_at,
            delivered_in=package_id))
        _apply_verdict(session, unit_id, task_number, period_code, action)
        added += 1
    session.flush()
    return added


def _apply_verdict(session: Session, unit_id: str, task_number: int, period_code: str,
                   action: str) -> None:
    if action not in ("return", "accept"):
        return
    entry = session.execute(select(models.Entry).where(
        models.Entry.unit_id == unit_id, models.Entry.task_number == task_number,
        models.Entry.period_code == period_code)).scalar_one_or_none()
    if entry is not None:
        entry.review_state = "returned" if action == "return" else "accepted"


def periods_with_entries(session: Session, unit_id: str) -> list[str]:
    """Return the codes of the periods in which the unit has changed at least one entry."""
    rows = session.execute(select(models.Entry.period_code).distinct().where(
        models.Entry.unit_id == unit_id, models.Entry.revision > 0))
    return sorted(code for (code,) in rows)
