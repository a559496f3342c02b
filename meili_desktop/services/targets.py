"""User actions on targets: set the city target, split it to towns, import targets from Excel."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue import Catalogue, Task, TaskLevel
from meili_desktop.domain.divisions import CITY_ID
from meili_desktop.domain.periods import parse_period
from meili_desktop.domain.targets import (
    SplitCheck,
    SplitMethod,
    TargetRecord,
    check_split,
    require_splittable,
    split_proportionally,
    validate_target,
)
from meili_desktop.domain.units import UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.reports.targets_xlsx import read_targets_xlsx
from meili_desktop.services.backups import make_event_backup
from meili_desktop.reports.xlsx_reading import CellProblem
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import local_user
from meili_desktop.store import targets_repo, units_repo
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)


class TargetError(MeiliError):
    """A target action was rejected; the code names the reason.

    Codes: ``target.unknown_task``, ``target.not_township_task``, ``target.not_township``,
    ``target.no_city_target``, ``target.unbalanced``.
    """

    code = "target.unknown_task"
    exit_code = 4


@dataclass(frozen=True)
class SplitOutcome:
    """The towns' targets of a split and how they compare with the city target."""

    task_number: int
    period_code: str
    parts: Mapping[str, Decimal]
    check: SplitCheck
    is_written: bool


@dataclass(frozen=True)
class TargetsImportResult:
    """Targets read from a workbook, and the rows that could not be used.

    ``problems`` contains the first rejected rows (see ``TargetsReading``) and
    ``problem_count`` counts all of them.
    """

    records: tuple[TargetRecord, ...]
    problems: tuple[CellProblem, ...]
    changed: int = 0
    is_applied: bool = False
    checks: Mapping[tuple[int, str], SplitCheck] = field(default_factory=dict)
    problem_count: int = 0


def _task(catalogue: Catalogue, number: int) -> Task:
    try:
        return catalogue.task(number)
    except KeyError:
        raise TargetError("target.unknown_task", task=number) from None


def _township_id(session: Session, text: str) -> str:
    unit = units_repo.find_unit(session, text)
    if unit.kind is not UnitKind.TOWNSHIP:
        raise TargetError("target.not_township", unit=f"{unit.name}（{unit.id}）")
    return unit.id


def _target_unit_id(units: units_repo.UnitIndex, text: str) -> str:
    """Return the id of the township or the city (empty text) a target row names."""
    if not text:
        return CITY_ID
    unit = units.find_unit(text)
    if unit.kind not in (UnitKind.TOWNSHIP, UnitKind.CITY):
        raise TargetError("target.not_township", unit=f"{unit.name}（{unit.id}）")
    return unit.id


def set_city_target(store: Store, task_number: int, period_code: str,
                    value: Decimal) -> TargetRecord:
    """Set the city-wide target of a task for a year or period.

    Raises:
        TargetError: the task is not in the catalogue.
        InvalidTargetError: the value is negative or has too many decimals.
        InvalidPeriodError: the period code is malformed.
    """
    task = _task(active_catalogue(store), task_number)
    code = parse_period(period_code).code
    validate_target(value, task.number, CITY_ID)
    with store.session_factory.begin() as session:
        return targets_repo.set_target(session, task.number, CITY_ID, code, value,
                                       actor=local_user())


def set_town_target(store: Store, task_number: int, unit: str, period_code: str,
                    value: Decimal) -> TargetRecord:
    """Set one town's target of a township task, leaving the other towns' as they are.

    Raises:
        TargetError: the task is unknown or city-level, or ``unit`` is not a township.
        InvalidTargetError: the value is negative or has too many decimals.
    """
    task = _task(active_catalogue(store), task_number)
    if task.level is not TaskLevel.TOWNSHIP:
        raise TargetError("target.not_township_task", task=task.number)
    code = parse_period(period_code).code
    with store.session_factory.begin() as session:
        unit_id = _township_id(session, unit)
        validate_target(value, task.number, unit_id)
        return targets_repo.set_target(session, task.number, unit_id, code, value,
                                       actor=local_user())


def town_targets(store: Store, task_number: int, period_code: str) -> dict[str, TargetRecord]:
    """Return the towns' targets of a task for a period, by unit id."""
    code = parse_period(period_code).code
    with store.session_factory() as session:
        records = targets_repo.list_targets(session, period_code=code, task_number=task_number)
    return {record.unit_id: record for record in records if record.unit_id != CITY_ID}


def city_target(store: Store, task_number: int, period_code: str) -> TargetRecord | None:
    code = parse_period(period_code).code
    with store.session_factory() as session:
        return targets_repo.get_target(session, task_number, CITY_ID, code)


def split_target(store: Store, task_number: int, period_code: str, *,
                 parts: Mapping[str, Decimal] | None = None,
                 bases: Mapping[str, Decimal] | None = None, places: int | None = None,
                 allow_unbalanced: bool = False, dry_run: bool = False) -> SplitOutcome:
    """Split a task's city target to towns, by hand (``parts``) or in proportion (``bases``).

    Towns are named by code, id or name. With ``bases`` and no ``parts`` the parts are
    computed with largest-remainder rounding to the city target's precision (or ``places``).
    The sum (or, for rates, the base-weighted mean) is checked against the city target.

    Raises:
        TargetError: unknown or city-level task, a unit that is not a township, no city
            target, or parts that do not balance while ``allow_unbalanced`` is False.
        TargetNotSplittableError: a proportional split of a percentage or rate.
        InvalidBaseError, InvalidTargetError: a negative base or target.
    """
    task = _task(active_catalogue(store), task_number)
    if task.level is not TaskLevel.TOWNSHIP:
        raise TargetError("target.not_township_task", task=task.number)
    code = parse_period(period_code).code
    with store.session_factory() as session:
        city = targets_repo.get_target(session, task.number, CITY_ID, code)
        resolved_parts = {_township_id(session, unit): value
                          for unit, value in (parts or {}).items()}
        resolved_bases = {_township_id(session, unit): value
                          for unit, value in (bases or {}).items()}
    if city is None:
        raise TargetError("target.no_city_target", task=task.number, period=code)

    method = SplitMethod.MANUAL
    if not resolved_parts:
        require_splittable(task.measure, task.number)
        resolved_parts = split_proportionally(city.value, resolved_bases, places)
        method = SplitMethod.PROPORTIONAL
    for unit_id, value in resolved_parts.items():
        validate_target(value, task.number, unit_id)
    check = check_split(task.measure, city.value, resolved_parts, resolved_bases or None,
                        task.higher_is_better)
    if check.difference is not None and not check.is_balanced and not allow_unbalanced:
        raise TargetError("target.unbalanced", task=task.number, period=code,
                          allocated=str(check.allocated), city_target=str(city.value))
    if dry_run:
        return SplitOutcome(task.number, code, resolved_parts, check, is_written=False)

    actor = local_user()
    with store.session_factory.begin() as session:
        for unit_id, value in resolved_parts.items():
            targets_repo.set_target(session, task.number, unit_id, code, value, method=method,
                                    base=resolved_bases.get(unit_id), actor=actor)
    logger.info("split task %d for %s over %d towns (%s), balanced: %s", task.number, code,
                len(resolved_parts), method.value, check.is_balanced)
    return SplitOutcome(task.number, code, resolved_parts, check, is_written=True)


def import_targets(store: Store, path: Path, *, dry_run: bool = False) -> TargetsImportResult:
    """Import targets from a workbook; write nothing when any row is rejected.

    Returns:
        The records read, the rejected rows, and for each (task, period) with a city target
        how the towns' targets compare with it.
    """
    catalogue = active_catalogue(store)
    with store.session_factory() as session:
        # A sheet names a unit on each of up to 200,000 rows; the index looks each name up
        # once, in memory.
        units = units_repo.UnitIndex(session)
        reading = read_targets_xlsx(path, catalogue, lambda text: _target_unit_id(units, text))
    checks = _import_checks(store, catalogue, reading.records)
    if reading.problems or dry_run:
        return TargetsImportResult(reading.records, reading.problems, checks=checks,
                                   problem_count=reading.problem_count)

    actor = local_user()
    changed = 0
    if reading.records:
        make_event_backup(store, "pre-import")
    with store.session_factory.begin() as session:
        for record in reading.records:
            before = targets_repo.get_target(session, record.task_number, record.unit_id,
                                             record.period_code)
            after = targets_repo.set_target(session, record.task_number, record.unit_id,
                                            record.period_code, record.value,
                                            method=SplitMethod.EXCEL, base=record.base,
                                            actor=actor)
            changed += before is None or before.version != after.version
    logger.info("imported %d targets from %s, %d changed", len(reading.records), path, changed)
    return TargetsImportResult(reading.records, (), changed, True, checks)


def _import_checks(store: Store, catalogue: Catalogue,
                   records: tuple[TargetRecord, ...]) -> dict[tuple[int, str], SplitCheck]:
    """Compare imported town targets with the city targets, stored or imported alongside."""
    city: dict[tuple[int, str], Decimal] = {}
    towns: dict[tuple[int, str], dict[str, Decimal]] = {}
    bases: dict[tuple[int, str], dict[str, Decimal]] = {}
    for record in records:
        key = (record.task_number, record.period_code)
        if record.unit_id == CITY_ID:
            city[key] = record.value
            continue
        towns.setdefault(key, {})[record.unit_id] = record.value
        if record.base is not None:
            bases.setdefault(key, {})[record.unit_id] = record.base
    checks: dict[tuple[int, str], SplitCheck] = {}
    for key, parts in towns.items():
        total = city.get(key)
        if total is None:
            stored = city_target(store, *key)
            total = stored.value if stored is not None else None
        if total is None:
            continue
        task = catalogue.task(key[0])
        checks[key] = check_split(task.measure, total, parts, bases.get(key),
                                  task.higher_is_better)
    return checks
