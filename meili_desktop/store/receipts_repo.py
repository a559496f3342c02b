"""Queries for receipts: a merged package's per-entry outcomes and the entries' states now.

On a township laptop, imported receipt packages are kept in the package ledger, so that
importing one again is recognised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.store import models
from meili_desktop.store.merge_repo import load_entry_rows

logger = logging.getLogger(__name__)


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


RECEIPT_KIND = "receipt"
# The audit action that records each report package this laptop wrote.
EXPORTED_ACTION = "package.exported"


def exported_sequence(session: Session, unit_id: str, package_id: str) -> int | None:
    """Return the sequence number of a report package this laptop exported for ``unit_id``.

    Returns None when this laptop never exported that package: another laptop of the same
    township did, or the database was restored from a backup older than the export.
    """
    details = session.scalar(select(models.AuditEvent.details).where(
        models.AuditEvent.action == EXPORTED_ACTION,
        models.AuditEvent.unit_id == unit_id,
        models.AuditEvent.package_id == package_id).limit(1))
    if not isinstance(details, dict):
        return None
    sequence = details.get("sequence")
    return sequence if isinstance(sequence, int) else None


def imported_receipt_hash(session: Session, package_id: str) -> str | None:
    """Return the header hash of the receipt package ``package_id`` if it was imported."""
    row = session.get(models.ImportedPackage, package_id)
    if row is None or row.kind != RECEIPT_KIND:
        return None
    return row.header_hash


def record_receipt(session: Session, *, package_id: str, sender_unit_id: str, sequence: int,
                   header_hash: str, file_name: str, received_at: datetime,
                   counts: dict[str, int]) -> bool:
    """Add an imported receipt package to the ledger; return False if its sequence is taken.

    A taken sequence means the office's numbering started again (a restored office
    database); the receipt is then applied but not recorded, so only its id stops a repeat.
    """
    taken = session.scalar(select(models.ImportedPackage.package_id).where(
        models.ImportedPackage.sender_unit_id == sender_unit_id,
        models.ImportedPackage.kind == RECEIPT_KIND,
        models.ImportedPackage.sequence == sequence))
    if taken is not None:
        logger.warning("receipt %s reuses sequence %d of receipt %s from %s", package_id,
                       sequence, taken, sender_unit_id)
        return False
    session.add(models.ImportedPackage(
        package_id=package_id, kind=RECEIPT_KIND, sender_unit_id=sender_unit_id,
        sequence=sequence, header_hash=header_hash, file_name=file_name[:255],
        received_at=received_at, state="applied", periods=[], counts=counts))
    return True
