"""Store the office's discretionary scores, each change with an audit event."""

from __future__ import annotations

import logging
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.scoring import Assessment
from meili_desktop.store import models
from meili_desktop.store.catalogue_repo import utc_now

logger = logging.getLogger(__name__)

ACTION = "score.set"


def set_assessment(session: Session, unit_id: str, period_code: str, assessment: Assessment, *,
                   actor: str = "") -> bool:
    """Store an assessment of one unit on one task; return whether anything changed.

    The caller validates the points against the task's rule.
    """
    row = session.scalar(select(models.Score).where(
        models.Score.unit_id == unit_id, models.Score.task_number == assessment.task_number,
        models.Score.period_code == period_code))
    points = format(assessment.discretionary_points, "f")
    if row is not None and Decimal(row.points) == assessment.discretionary_points \
            and row.mechanism_established == assessment.mechanism_established \
            and row.note == assessment.note:
        return False
    old = None if row is None else {"points": row.points,
                                    "mechanism_established": row.mechanism_established}
    if row is None:
        row = models.Score(unit_id=unit_id, task_number=assessment.task_number,
                           period_code=period_code)
        session.add(row)
    row.points = points
    row.mechanism_established = assessment.mechanism_established
    row.note = assessment.note
    row.updated_at = utc_now()
    session.add(models.AuditEvent(
        at=row.updated_at, actor=actor, action=ACTION, unit_id=unit_id,
        task_number=assessment.task_number, period_code=period_code,
        details={"old": old, "points": points,
                 "mechanism_established": assessment.mechanism_established}))
    logger.info("score of %s on task %d for %s set to %s (mechanism %s)", unit_id,
                assessment.task_number, period_code, points, assessment.mechanism_established)
    return True
