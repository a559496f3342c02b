"""Store targets with a version per change and an audit event for each change.

A target belongs to (task number, reporting unit, year or period). The city's own target is
stored under the city's unit id. Each change that alters the value, method or base bumps
``version`` by one, so a township that receives targets in a distribution package keeps
only those newer than what it has.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from meili_desktop.domain.targets import SplitMethod, TargetChange, TargetRecord
from meili_desktop.store import models
from meili_desktop.store.catalogue_repo import utc_now

logger = logging.getLogger(__name__)

SET_ACTION = "target.set"
CLEAR_ACTION = "target.clear"
RECEIVE_ACTION = "target.receive"


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _record(row: models.Target) -> TargetRecord:
    return TargetRecord(task_number=row.task_number, unit_id=row.unit_id,
                        period_code=row.period_code, value=Decimal(row.value),
                        method=SplitMethod(row.method),
                        base=None if row.base is None else Decimal(row.base),
                        version=row.version)


def _find(session: Session, task_number: int, unit_id: str,
          period_code: str) -> models.Target | None:
    return session.scalar(select(models.Target).where(
        models.Target.task_number == task_number, models.Target.unit_id == unit_id,
        models.Target.period_code == period_code))


def get_target(session: Session, task_number: int, unit_id: str,
               period_code: str) -> TargetRecord | None:
    """Return the target of a task for a unit and period, or None."""
    row = _find(session, task_number, unit_id, period_code)
    return None if row is None else _record(row)


def set_target(session: Session, task_number: int, unit_id: str, period_code: str,
               value: Decimal, *, method: SplitMethod = SplitMethod.MANUAL,
               base: Decimal | None = None, actor: str = "") -> TargetRecord:
    """Create or change a target; a change bumps its version and writes an audit event.

    Setting the same value, method and base again changes nothing and writes no event.
    The caller validates the value and the unit.
    """
    row = _find(session, task_number, unit_id, period_code)
    old = None if row is None else _record(row)
    if old is not None and old.value == value and old.method is method and old.base == base:
        return old

    if row is None:
        row = models.Target(task_number=task_number, unit_id=unit_id, period_code=period_code,
                            version=0)
        session.add(row)
    row.value = _text(value) or "0"
    row.method = method.value
    row.base = _text(base)
    row.version = (row.version or 0) + 1
    row.updated_at = utc_now()
    session.add(models.AuditEvent(
        at=row.updated_at, actor=actor, action=SET_ACTION, unit_id=unit_id,
        task_number=task_number, period_code=period_code,
        details={"old": None if old is None else _text(old.value), "new": row.value,
                 "method": row.method, "base": row.base, "version": row.version}))
    session.flush()
    logger.info("target of task %d for %s in %s set to %s (version %d)", task_number, unit_id,
                period_code, row.value, row.version)
    return _record(row)


def clear_target(session: Session, task_number: int, unit_id: str, period_code: str, *,
                 actor: str = "") -> bool:
    """Delete a target and record it in the audit log; return False when there was none."""
    row = _find(session, task_number, unit_id, period_code)
    if row is None:
        return False
    session.add(models.AuditEvent(
        at=utc_now(), actor=actor, action=CLEAR_ACTION, unit_id=unit_id,
        task_number=task_number, period_code=period_code,
        details={"old": row.value, "version": row.version}))
    session.execute(delete(models.Target).where(models.Target.id == row.id))
    logger.info("target of task %d for %s in %s cleared", task_number, unit_id, period_code)
    return True


def list_targets(session: Session, *, period_code: str | None = None,
                 task_number: int | None = None,
                 unit_ids: Iterable[str] | None = None) -> list[TargetRecord]:
    """Return stored targets, optionally of one period, one task or some units.

    Ordered by period, task number and unit id.
    """
    query = select(models.Target)
    if period_code is not None:
        query = query.where(models.Target.period_code == period_code)
    if task_number is not None:
        query = query.where(models.Target.task_number == task_number)
    if unit_ids is not None:
        query = query.where(models.Target.unit_id.in_(list(unit_ids)))
    query = query.order_by(models.Target.period_code, models.Target.task_number,
                           models.Target.unit_id)
    return [_record(row) for row in session.scalars(query)]


def targets_for_unit(session: Session, unit_id: str) -> list[TargetRecord]:
    """Return every target of one reporting unit, for its distribution package."""
    return list_targets(session, unit_ids=[unit_id])


def store_received_targets(session: Session, records: Iterable[TargetRecord], *,
                           package_id: str | None = None) -> int:
    """Store targets that arrived in a distribution package, keeping only newer versions.

    A received target replaces the stored one when its version is higher; equal or older
    versions are ignored, so importing the same package twice changes nothing.

    Returns:
        The number of targets added or replaced.
    """
    changed = 0
    for record in records:
        row = _find(session, record.task_number, record.unit_id, record.period_code)
        if row is not None and row.version >= record.version:
            continue
        if row is None:
            row = models.Target(task_number=record.task_number, unit_id=record.unit_id,
                                period_code=record.period_code)
            session.add(row)
        row.value = _text(record.value) or "0"
        row.method = SplitMethod.RECEIVED.value
        row.base = _text(record.base)
        row.version = record.version
        row.updated_at = utc_now()
        session.add(models.AuditEvent(
            at=row.updated_at, action=RECEIVE_ACTION, unit_id=record.unit_id,
            task_number=record.task_number, period_code=record.period_code,
            package_id=package_id, details={"new": row.value, "version": record.version}))
        changed += 1
    session.flush()
    return changed


def target_history(session: Session, task_number: int, unit_id: str,
                   period_code: str) -> list[TargetChange]:
    """Return the changes of one target, oldest first."""
    events = session.scalars(select(models.AuditEvent).where(
        models.AuditEvent.action.in_((SET_ACTION, CLEAR_ACTION, RECEIVE_ACTION)),
        models.AuditEvent.task_number == task_number, models.AuditEvent.unit_id == unit_id,
        models.AuditEvent.period_code == period_code).order_by(models.AuditEvent.id))
    return [TargetChange(at=event.at, actor=event.actor, action=event.action,
                         old_value=event.details.get("old"), new_value=event.details.get("new"),
                         version=event.details.get("version")) for event in events]
