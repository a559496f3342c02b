"""Read and add reporting periods (table ``periods``)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.periods import Period, PeriodState, parse_period
from meili_desktop.store import models


def list_periods(session: Session) -> list[Period]:
    """Return the stored periods ordered by start date, years before their quarters."""
    rows = session.scalars(select(models.Period)).all()
    periods = [parse_period(row.code, PeriodState(row.state)) for row in rows]
    return sorted(periods, key=lambda period: (period.start, -(period.end - period.start).days))


def get_period(session: Session, code: str) -> Period | None:
    """Return the stored period with ``code``, or None."""
    row = session.get(models.Period, code.strip().upper())
    return None if row is None else parse_period(row.code, PeriodState(row.state))


def add_missing_periods(session: Session, periods: Iterable[Period]) -> int:
    """Add the periods the table lacks; stored ones keep their state. Return the count added."""
    added = 0
    for period in periods:
        if session.get(models.Period, period.code) is None:
            session.add(models.Period(code=period.code, kind=period.kind.value,
                                      start_date=period.start, end_date=period.end,
                                      state=period.state.value))
            added += 1
    session.flush()
    return added
