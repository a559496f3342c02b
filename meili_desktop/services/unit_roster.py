"""User action: import the programme's towns from an Excel list.

Each listed town is matched to a stored township by its official code, or by its name under
its county when no code is given. A named town that is not stored is added as a town without
a code (a market town, 集镇). Matched and added towns are marked as programme towns with their
town type. Nothing is written when any row is rejected.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.units import ReportingUnit, UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.reports.units_xlsx import UnitListRow, read_units_xlsx
from meili_desktop.reports.xlsx_reading import CellProblem, ProblemList
from meili_desktop.services.backups import make_event_backup
from meili_desktop.services.entries import local_user
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.unit_roster_repo import mark_programme_town

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnitImportResult:
    """Counts of an import (or of a check, when nothing was applied) and the rejected rows.

    ``problems`` contains the first rejected rows (``xlsx_reading.MAX_KEPT_PROBLEMS``) and
    ``problem_count`` counts all of them.
    """

    matched: int
    added: tuple[str, ...]
    changed: int
    problems: tuple[CellProblem, ...]
    is_applied: bool
    problem_count: int = 0


@dataclass(frozen=True)
class _Plan:
    row: UnitListRow
    county: ReportingUnit
    unit_id: str | None  # None: a new town without a code


def _problem(row: UnitListRow, field_name: str, reason: str, value: str,
             **details: str) -> CellProblem:
    return CellProblem(row.sheet, row.row, row.column(field_name), reason, value,
                       tuple(details.items()))


def _plan_row(session: Session, units: units_repo.UnitIndex,
              row: UnitListRow) -> _Plan | CellProblem:
    try:
        county = units.find_unit(row.county, kinds=[UnitKind.COUNTY])
    except MeiliError:
        return _problem(row, "county", "units_xlsx.unknown_county", row.county)

    if row.code:
        found = units.find_units(row.code, kinds=[UnitKind.TOWNSHIP])
        if not found:
            return _problem(row, "code", "units_xlsx.unknown_code", row.code)
        town = found[0]
        if town.parent_id != county.id:
            parent = units_repo.get_unit(session, town.parent_id or "")
            return _problem(row, "county", "units_xlsx.other_county", row.county,
                            code=row.code, actual=parent.name if parent else "")
        return _Plan(row, county, town.id)

    found = units.find_units(row.name, kinds=[UnitKind.TOWNSHIP], parent_id=county.id)
    if len(found) > 1:
        return _problem(row, "name", "units_xlsx.ambiguous_name", row.name)
    return _Plan(row, county, found[0].id if found else None)


def import_units(store: Store, path: Path, *, dry_run: bool = False) -> UnitImportResult:
    """Import a town list; write nothing when any row is rejected or on a dry run.

    Raises:
        ExcelUnreadableError: the file cannot be opened or has no header row.
    """
    reading = read_units_xlsx(path)
    problems = ProblemList()
    problems.extend(reading.problems)
    plans: list[_Plan] = []
    first_rows: dict[tuple[str, str], int] = {}
    with store.session_factory() as session:
        # Looks each county, code and name up once, in memory, for up to 10,000 rows.
        units = units_repo.UnitIndex(session)
        for row in reading.rows:
            planned = _plan_row(session, units, row)
            if isinstance(planned, CellProblem):
                problems.append(planned)
                continue
            identity = (planned.unit_id or f"{planned.county.id}/{row.name}", "")
            if identity in first_rows:
                problems.append(_problem(row, "name", "units_xlsx.duplicate", row.name,
                                         first_row=str(first_rows[identity])))
                continue
            first_rows[identity] = row.row
            plans.append(planned)

    added = tuple(plan.row.name for plan in plans if plan.unit_id is None)
    matched = len(plans) - len(added)
    if problems or dry_run:
        return UnitImportResult(matched, added, 0, tuple(problems.kept), is_applied=False,
                                problem_count=problems.count)

    actor = local_user()
    changed = 0
    if plans:
        make_event_backup(store, "pre-import")
    with store.session_factory.begin() as session:
        for plan in plans:
            unit_id = plan.unit_id
            if unit_id is None:
                unit_id = units_repo.create_unit(session, plan.row.name, UnitKind.TOWNSHIP,
                                                 plan.county.id, actor=actor).id
            changed += mark_programme_town(session, unit_id, plan.row.town_type, actor=actor)
    logger.info("imported %d towns from %s: %d matched, %d added, %d changed", len(plans),
                path, matched, len(added), changed)
    return UnitImportResult(matched, added, changed, (), is_applied=True)
