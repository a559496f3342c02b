"""Queries for receipts: a merged package's per-entry outcomes and the entries' states now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.store import models
from meili_desktop.store.merge_repo import load_entry_rows


@dataclass(frozen=True)
class EntryOutcome:
    """The merge's decision on one entry of a package."""

    key: EntryKey
    revision: int
    kind: str


@dataclass(frozen=True)
class ItemState:
    """A merge item of the package: its kind, reason, state and the action that closed it."""

    kind: str
    reason: str
    state: str
    action: str | None
    released_as: str | None


def package_outcomes(session: Session, package_id: str) -> list[EntryOutcome] | None:
    """Return the per-entry outcomes recorded when the package was merged.

    Returns None when the package was never merged.
    """
    details = session.scalar(select(models.AuditEvent.details).where(
        models.AuditEvent.action == "package.merged",
        models.AuditEvent.package_id == package_id).limit(1))
    if details is None:
        return None
    return [EntryOutcome(EntryKey(unit, task, period), revision, kind)
            for unit, task, period, revision, kind in details.get("entries", [])]


def current_states(session: Session, keys: Iterable[EntryKey]) -> dict[EntryKey, tuple[int, str]]:
    """Return the revision and review state of each stored entry among ``keys``."""
    return {key: (row.revision, row.review_state)
            for key, row in load_entry_rows(session, keys).items()}


def item_states(session: Session, package_id: str) -> dict[EntryKey, ItemState]:
    """Return the package's merge items by entry."""
    states: dict[EntryKey, ItemState] = {}
    for row in session.scalars(select(models.MergeItem)
                               .where(models.MergeItem.package_id == package_id)):
        resolution = row.resolution or {}
        states[EntryKey(row.unit_id, row.task_number, row.period_code)] = ItemState(
            row.kind, row.reason, row.state, resolution.get("action"), resolution.get("kind"))
    return states


def mark_received(session: Session, key: EntryKey, revision: int) -> bool:
    """Mark the local entry received when it still has ``revision``; return whether it did."""
    row = session.scalar(select(models.Entry).where(
        models.Entry.unit_id == key.unit_id, models.Entry.task_number == key.task_number,
        models.Entry.period_code == key.period_code))
    if row is None or row.revision != revision:
        return False
    row.is_received = True
    return True
