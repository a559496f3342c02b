"""Per-unit facts for the completeness board: packages received and entry review states."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.merge import REPORT_KIND
from meili_desktop.store import models
from meili_desktop.store.ledger_repo import MERGED_STATES


@dataclass
class UnitPeriodFacts:
    """The packages and entries the office has from one unit for one period."""

    unit_id: str
    first_received_at: datetime | None = None
    last_received_at: datetime | None = None
    package_count: int = 0
    entry_count: int = 0
    accepted_count: int = 0
    returned_count: int = 0
    resubmitted_count: int = 0
    open_item_count: int = 0


@dataclass(frozen=True)
class ExpectedUnit:
    """A unit expected to report, with its county."""

    unit_id: str
    name: str
    county_id: str | None
    county_name: str


def period_due_date(session: Session, period_code: str) -> date | None:
    """Return the period's due date, or None when it has none or does not exist."""
    row = session.get(models.Period, period_code)
    return None if row is None else row.due_date


def expected_units(session: Session, county_id: str | None = None) -> list[ExpectedUnit]:
    """Return the townships expected to report, by county and code.

    When the office has marked programme towns, only those are expected; otherwise every
    township that still exists (not merged into another) is.
    """
    rows = list(session.scalars(select(models.ReportingUnit)
                                .where(models.ReportingUnit.kind == "township",
                                       models.ReportingUnit.merged_into_id.is_(None))))
    if any(row.is_programme_town for row in rows):
        rows = [row for row in rows if row.is_programme_town]
    if county_id is not None:
        rows = [row for row in rows if row.parent_id == county_id]
    names = {unit_id: name for unit_id, name in session.execute(
        select(models.ReportingUnit.id, models.ReportingUnit.name)
        .where(models.ReportingUnit.kind == "county"))}
    units = [ExpectedUnit(row.id, row.name, row.parent_id, names.get(row.parent_id or "", ""))
             for row in rows]
    return sorted(units, key=lambda unit: (unit.county_id or "", unit.unit_id))


def describe_units(session: Session, unit_ids: set[str]) -> list[ExpectedUnit]:
    """Return name and county of the given units."""
    if not unit_ids:
        return []
    rows = session.scalars(select(models.ReportingUnit)
                           .where(models.ReportingUnit.id.in_(unit_ids)))
    counties = {unit_id: name for unit_id, name in session.execute(
        select(models.ReportingUnit.id, models.ReportingUnit.name)
        .where(models.ReportingUnit.kind == "county"))}
    return [ExpectedUnit(row.id, row.name, row.parent_id, counties.get(row.parent_id or "", ""))
            for row in rows]


def period_facts(session: Session, period_code: str) -> dict[str, UnitPeriodFacts]:
    """Return the facts of every unit that sent anything for the period."""
    facts: dict[str, UnitPeriodFacts] = {}

    def of(unit_id: str) -> UnitPeriodFacts:
        return facts.setdefault(unit_id, UnitPeriodFacts(unit_id))

    for row in session.scalars(select(models.ImportedPackage).where(
            models.ImportedPackage.kind == REPORT_KIND,
            models.ImportedPackage.state.in_(MERGED_STATES))):
        if period_code not in (row.periods or []):
            continue
        unit = of(row.sender_unit_id)
        unit.package_count += 1
        if unit.first_received_at is None or row.received_at < unit.first_received_at:
            unit.first_received_at = row.received_at
        if unit.last_received_at is None or row.received_at > unit.last_received_at:
            unit.last_received_at = row.received_at

    returned_at: dict[tuple[str, int], int] = defaultdict(int)
    for unit_id, task, revision in session.execute(
            select(models.ReviewComment.unit_id, models.ReviewComment.task_number,
                   models.ReviewComment.entry_revision)
            .where(models.ReviewComment.period_code == period_code,
                   models.ReviewComment.action == "return")):
        returned_at[(unit_id, task)] = max(returned_at[(unit_id, task)], revision or 0)

    for unit_id, task, revision, review_state in session.execute(
            select(models.Entry.unit_id, models.Entry.task_number, models.Entry.revision,
                   models.Entry.review_state)
            .where(models.Entry.period_code == period_code, models.Entry.origin != "local")):
        unit = of(unit_id)
        unit.entry_count += 1
        if review_state == "accepted":
            unit.accepted_count += 1
        elif review_state == "returned":
            unit.returned_count += 1
        elif (unit_id, task) in returned_at and revision > returned_at[(unit_id, task)]:
            unit.resubmitted_count += 1

    for (unit_id,) in session.execute(select(models.MergeItem.unit_id).where(
            models.MergeItem.period_code == period_code, models.MergeItem.state == "open")):
        of(unit_id).open_item_count += 1
    return facts
