"""Mark townships as programme towns with their town type (样板镇, 达标镇)."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from meili_desktop.store import models
from meili_desktop.store.catalogue_repo import utc_now

logger = logging.getLogger(__name__)

ACTION = "unit.programme_town"


def mark_programme_town(session: Session, unit_id: str, town_type: str, *,
                        actor: str = "") -> bool:
    """Mark a township as a programme town of ``town_type``; return whether anything changed.

    An empty ``town_type`` keeps the stored one, because a list without a type column gives
    no type. Each change writes an audit event.
    """
    row = session.get(models.ReportingUnit, unit_id)
    if row is None:
        raise KeyError(unit_id)
    new_type = town_type or row.town_type
    if row.is_programme_town and row.town_type == new_type:
        return False
    session.add(models.AuditEvent(at=utc_now(), actor=actor, action=ACTION, unit_id=unit_id,
                                  details={"old_type": row.town_type, "new_type": new_type,
                                           "was_programme_town": row.is_programme_town}))
    row.is_programme_town = True
    row.town_type = new_type
    logger.info("marked %s as a programme town (%s)", unit_id, new_type or "no type")
    return True
