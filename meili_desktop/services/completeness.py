"""The completeness board: per period, who reported, who is late, returned or resubmitted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

from meili_desktop.store import completeness_repo
from meili_desktop.store.completeness_repo import ExpectedUnit, UnitPeriodFacts
from meili_desktop.store.datafolder import Store

# The programme's office works in China Standard Time; due dates are dates there.
OFFICE_TIMEZONE = timezone(timedelta(hours=8))


class BoardStatus(StrEnum):
    """A unit's standing for the period, most urgent first when several apply."""

    RETURNED = "returned"  # the office returned entries that are not yet resubmitted
    OVERDUE = "overdue"  # nothing received and the due date has passed
    MISSING = "missing"  # nothing received yet, not due
    RESUBMITTED = "resubmitted"  # returned entries came back and wait for review
    LATE = "late"  # received, but first after the due date
    REPORTED = "reported"


@dataclass(frozen=True)
class BoardRow:
    """One unit on the completeness board."""

    unit: ExpectedUnit
    facts: UnitPeriodFacts
    status: BoardStatus
    is_late: bool
    is_expected: bool

    @property
    def has_reported(self) -> bool:
        return self.facts.package_count > 0


@dataclass(frozen=True)
class CompletenessBoard:
    """The board of one period; ``counts`` has the number of rows per status."""

    period_code: str
    due_date: date | None
    rows: tuple[BoardRow, ...]
    counts: dict[str, int]


def board(store: Store, period_code: str, *, county_id: str | None = None,
          today: date | None = None) -> CompletenessBoard:
    """Build the completeness board of a period.

    Args:
        store: the office's data folder.
        period_code: the period.
        county_id: show only this county's townships.
        today: the office's date, for lateness; defaults to today in China Standard Time.

    Returns:
        The expected townships, plus any other unit that sent data for the period.
    """
    today = today or datetime.now(UTC).astimezone(OFFICE_TIMEZONE).date()
    with store.session_factory() as session:
        due = completeness_repo.period_due_date(session, period_code)
        expected = completeness_repo.expected_units(session, county_id)
        facts = completeness_repo.period_facts(session, period_code)
        expected_ids = {unit.unit_id for unit in expected}
        others = completeness_repo.describe_units(session, set(facts) - expected_ids)
    if county_id is not None:
        others = [unit for unit in others if unit.county_id == county_id]

    rows = [_row(unit, facts.get(unit.unit_id), due, today, True) for unit in expected]
    rows += [_row(unit, facts.get(unit.unit_id), due, today, False)
             for unit in sorted(others, key=lambda unit: unit.unit_id)]
    counts = {status.value: 0 for status in BoardStatus}
    for row in rows:
        counts[row.status.value] += 1
    return CompletenessBoard(period_code, due, tuple(rows), counts)


def _row(unit: ExpectedUnit, facts: UnitPeriodFacts | None, due: date | None, today: date,
         is_expected: bool) -> BoardRow:
    facts = facts or UnitPeriodFacts(unit.unit_id)
    first = facts.first_received_at
    if first is not None:
        first_local = first.replace(tzinfo=UTC).astimezone(OFFICE_TIMEZONE).date()
        is_late = due is not None and first_local > due
    else:
        is_late = due is not None and today > due

    if facts.returned_count:
        status = BoardStatus.RETURNED
    elif first is None:
        status = BoardStatus.OVERDUE if is_late else BoardStatus.MISSING
    elif facts.resubmitted_count:
        status = BoardStatus.RESUBMITTED
    elif is_late:
        status = BoardStatus.LATE
    else:
        status = BoardStatus.REPORTED
    return BoardRow(unit, facts, status, is_late, is_expected)
