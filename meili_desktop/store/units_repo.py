"""Store and find reporting units: the city, counties, townships and units without a code.

Units are seeded from the embedded division code list. The office can add units that have
no official code (market towns, 集镇), and rename, move and merge units. Each change writes an
audit event. A merged unit keeps its row and codes and points at the unit it joined.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session, selectinload

from meili_desktop.domain.divisions import (
    CITY_ID,
    DivisionRow,
    normalize_name,
    plan_units,
    read_divisions_csv,
)
from meili_desktop.domain.units import ReportingUnit, UnitCode, UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.paths import resource_path
from meili_desktop.store import models
from meili_desktop.store.catalogue_repo import utc_now

logger = logging.getLogger(__name__)

MAX_NAME_LENGTH = 100

# The kind of parent each kind of unit may have.
_PARENT_KINDS = {
    UnitKind.COUNTY: {UnitKind.CITY},
    UnitKind.TOWNSHIP: {UnitKind.COUNTY},
    UnitKind.DEPARTMENT: {UnitKind.CITY},
}


class UnitNotFoundError(MeiliError):
    code = "units.not_found"
    exit_code = 4


class TownNotFoundError(MeiliError):
    """A township name or code matched nothing under the given county."""

    code = "units.town_not_found"
    exit_code = 4


class UnitAmbiguousError(MeiliError):
    code = "units.ambiguous"
    exit_code = 4


class UnitChangeError(MeiliError):
    """A change to a unit was rejected for the reason that the code names.

    Codes: ``units.invalid_name``, ``units.duplicate_name``, ``units.invalid_parent``,
    ``units.invalid_merge``.
    """

    code = "units.invalid_parent"
    exit_code = 4


def default_divisions_path() -> Path:
    """Return the path of the embedded Hangzhou division code list."""
    return resource_path("divisions", "hangzhou-divisions.csv")


# --- seeding ---------------------------------------------------------------------------------


def seed_divisions(session: Session, rows: Sequence[DivisionRow] | None = None) -> int:
    """Add the city, counties and townships of the division code list.

    Units already stored keep their name and parent, which the office may have changed;
    only codes they lack are added. Running it twice adds nothing.

    Args:
        session: the caller's open session.
        rows: the division rows; defaults to the embedded list.

    Returns:
        The number of units added.
    """
    planned = plan_units(rows if rows is not None else read_divisions_csv(
        default_divisions_path()))
    now = utc_now()
    added = 0
    kind = None
    stored_rows = {row.id: row for row in _unit_rows(session)}
    for unit in planned:
        if unit.kind != kind:
            # Flush each level before the next, because children refer to their parents.
            session.flush()
            kind = unit.kind
        row = stored_rows.get(unit.id)
        if row is None:
            parent_id = None if unit.id == CITY_ID else unit.parent_id
            row = models.ReportingUnit(id=unit.id, name=unit.name, kind=unit.kind.value,
                                       parent_id=parent_id, created_at=now, codes=[])
            session.add(row)
            added += 1
        stored = {(code.edition, code.code) for code in row.codes}
        for code in unit.codes:
            if (code.edition, code.code) not in stored:
                row.codes.append(models.ReportingUnitCode(
                    edition=code.edition, code=code.code, name=unit.names[code.edition],
                    parent_code=code.parent_code))
    session.flush()
    logger.info("seeded %d reporting units from %d planned", added, len(planned))
    return added


# --- reading ---------------------------------------------------------------------------------


def _to_domain(row: models.ReportingUnit) -> ReportingUnit:
    codes = tuple(sorted((UnitCode(edition=code.edition, code=code.code,
                                   parent_code=code.parent_code) for code in row.codes),
                         key=lambda code: code.edition))
    return ReportingUnit(id=row.id, name=row.name, kind=UnitKind(row.kind),
                         parent_id=row.parent_id, codes=codes, town_type=row.town_type,
                         is_provisional=row.is_provisional, merged_into_id=row.merged_into_id)


def _unit_rows(session: Session) -> list[models.ReportingUnit]:
    return list(session.scalars(select(models.ReportingUnit)
                                .options(selectinload(models.ReportingUnit.codes))))


def get_unit(session: Session, unit_id: str) -> ReportingUnit | None:
    """Return the unit with id ``unit_id``, or None."""
    row = session.get(models.ReportingUnit, unit_id)
    return None if row is None else _to_domain(row)


# Built once and run on the session's connection, because the package reader runs it for
# every package.
_UNIT_EXISTS = select(models.ReportingUnit.id).where(
    models.ReportingUnit.id == bindparam("unit_id"))


def unit_exists(session: Session, unit_id: str) -> bool:
    """Return whether a unit with id ``unit_id`` is stored, without loading it."""
    found = session.connection().execute(_UNIT_EXISTS, {"unit_id": unit_id}).first()
    return found is not None


def latest_edition(session: Session) -> str | None:
    """Return the newest edition of the division code list that the database holds."""
    return session.scalar(select(models.ReportingUnitCode.edition)
                          .order_by(models.ReportingUnitCode.edition.desc()).limit(1))


def _is_current(row: models.ReportingUnit, edition: str | None) -> bool:
    """Tell whether a unit exists now: it has a code in the latest edition, or no code at all."""
    if row.merged_into_id is not None:
        return False
    return not row.codes or any(code.edition == edition for code in row.codes)


def list_counties(session: Session, *, include_abolished: bool = False) -> list[ReportingUnit]:
    """Return the counties ordered by current code, optionally with abolished ones.

    A county is abolished when the latest edition no longer lists it (下城区, 江干区).
    Merged units are never listed.
    """
    return _list(session, UnitKind.COUNTY, None, include_abolished)


def list_townships(session: Session, county_id: str | None = None, *,
                   include_abolished: bool = False) -> list[ReportingUnit]:
    """Return the townships, of one county when ``county_id`` is given, ordered by code."""
    return _list(session, UnitKind.TOWNSHIP, county_id, include_abolished)


def _list(session: Session, kind: UnitKind, parent_id: str | None,
          include_abolished: bool) -> list[ReportingUnit]:
    edition = latest_edition(session)
    units = [_to_domain(row) for row in _unit_rows(session)
             if row.kind == kind.value
             and (parent_id is None or row.parent_id == parent_id)
             and row.merged_into_id is None
             and (include_abolished or _is_current(row, edition))]
    return sorted(units, key=lambda unit: (unit.current_code or "~", unit.name))


def find_units(session: Session, text: str, *, kinds: Iterable[UnitKind] | None = None,
               parent_id: str | None = None) -> list[ReportingUnit]:
    """Return the units whose id, any code or any name equals ``text``.

    Exact matches are looked up in the database first. Only when none fits are all units
    compared with full-width characters folded and spaces ignored. A merged unit is
    replaced by the unit it joined. With ``parent_id``, only units under that parent now or
    in some edition are kept, so 塘栖镇 is found under both 余杭区 and 临平区.
    """
    wanted = normalize_name(text)
    choose = _Chooser(session, kinds, parent_id)
    found = choose(_exact_matches(session, wanted))
    if not found:
        found = choose(row for row in _unit_rows(session) if wanted in _spellings(row))
    return [_to_domain(row) for row in found.values()]


class UnitIndex:
    """Finds units as :func:`find_units` does, from every unit row loaded once.

    For imports that name a unit on each of thousands of rows: :func:`find_units` runs a
    query per call and compares every unit with a name it cannot match exactly, which took
    18 ms per unknown name with the 212 seeded units (on the 2-core test machine). The index
    looks names up in memory and caches each result, so it must not outlive a change to the
    units. Use it within the session it was built in.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._exact: dict[str, list[models.ReportingUnit]] = {}
        self._spelled: dict[str, list[models.ReportingUnit]] = {}
        for row in _unit_rows(session):
            exact = {row.id, row.name, *(code.code for code in row.codes),
                     *(code.name for code in row.codes)}
            for key in exact:
                self._exact.setdefault(key, []).append(row)
            for key in _spellings(row):
                self._spelled.setdefault(key, []).append(row)
        self._answers: dict[tuple[str, frozenset[str] | None, str | None],
                            list[ReportingUnit]] = {}

    def find_units(self, text: str, *, kinds: Iterable[UnitKind] | None = None,
                   parent_id: str | None = None) -> list[ReportingUnit]:
        """Return what :func:`find_units` returns for the same arguments."""
        wanted = normalize_name(text)
        allowed = None if kinds is None else frozenset(UnitKind(kind).value for kind in kinds)
        question = (wanted, allowed, parent_id)
        if question not in self._answers:
            choose = _Chooser(self._session, kinds, parent_id)
            found = choose(self._exact.get(wanted, ()))
            if not found:
                found = choose(self._spelled.get(wanted, ()))
            self._answers[question] = [_to_domain(row) for row in found.values()]
        return list(self._answers[question])

    def find_unit(self, text: str, *, kinds: Iterable[UnitKind] | None = None,
                  parent_id: str | None = None) -> ReportingUnit:
        """Return what :func:`find_unit` returns, or raise what it raises."""
        return _only_unit(self.find_units(text, kinds=kinds, parent_id=parent_id), text)


class _Chooser:
    """Keeps the units a search may return: merges followed, kinds and parent checked."""

    def __init__(self, session: Session, kinds: Iterable[UnitKind] | None,
                 parent_id: str | None) -> None:
        self.session = session
        self.allowed = None if kinds is None else {UnitKind(kind).value for kind in kinds}
        self.parent_id = parent_id
        self.parent = None if parent_id is None else session.get(models.ReportingUnit,
                                                                  parent_id)

    def __call__(self, rows: Iterable[models.ReportingUnit]) -> dict[str, models.ReportingUnit]:
        found: dict[str, models.ReportingUnit] = {}
        for row in rows:
            target = _follow_merges(self.session, row)
            if self.allowed is not None and target.kind not in self.allowed:
                continue
            if self.parent_id is not None and not _is_under(row, self.parent) \
                    and not _is_under(target, self.parent):
                continue
            found[target.id] = target
        return found


def _exact_matches(session: Session, wanted: str) -> list[models.ReportingUnit]:
    by_code = select(models.ReportingUnitCode.unit_id).where(
        or_(models.ReportingUnitCode.code == wanted, models.ReportingUnitCode.name == wanted))
    return list(session.scalars(
        select(models.ReportingUnit)
        .where(or_(models.ReportingUnit.id == wanted, models.ReportingUnit.name == wanted,
                   models.ReportingUnit.id.in_(by_code)))
        .options(selectinload(models.ReportingUnit.codes))))


def _spellings(row: models.ReportingUnit) -> set[str]:
    """Return the unit's id, codes and names with full-width characters and spaces folded."""
    spellings = {row.id, normalize_name(row.name)}
    spellings.update(code.code for code in row.codes)
    spellings.update(normalize_name(code.name) for code in row.codes)
    return spellings


def _follow_merges(session: Session, row: models.ReportingUnit) -> models.ReportingUnit:
    seen = {row.id}
    while row.merged_into_id is not None and row.merged_into_id not in seen:
        row = session.get_one(models.ReportingUnit, row.merged_into_id)
        seen.add(row.id)
    return row


def _is_under(row: models.ReportingUnit, parent: models.ReportingUnit | None) -> bool:
    if parent is None:
        return False
    if row.parent_id == parent.id:
        return True
    parent_codes = {code.code for code in parent.codes}
    return any(code.parent_code in parent_codes for code in row.codes)


def find_unit(session: Session, text: str, *, kinds: Iterable[UnitKind] | None = None,
              parent_id: str | None = None) -> ReportingUnit:
    """Return the one unit that :func:`find_units` finds for ``text``.

    Raises:
        UnitNotFoundError: nothing matches.
        UnitAmbiguousError: several units match; ``candidates`` lists them.
    """
    return _only_unit(find_units(session, text, kinds=kinds, parent_id=parent_id), text)


def _only_unit(units: list[ReportingUnit], text: str) -> ReportingUnit:
    if not units:
        raise UnitNotFoundError(value=text)
    if len(units) > 1:
        candidates = "、".join(f"{unit.name}（{unit.current_code or unit.id}）"
                              for unit in units)
        raise UnitAmbiguousError(value=text, candidates=candidates)
    return units[0]


def find_township(session: Session, county: str, town: str) -> ReportingUnit:
    """Find a township by the name or code of its county and its own name or code.

    Either county of a township that moved is accepted, as are old codes.

    Raises:
        UnitNotFoundError: no county matches ``county``.
        TownNotFoundError: no township under that county matches ``town``.
        UnitAmbiguousError: a name matches several units.
    """
    county_unit = find_unit(session, county, kinds=[UnitKind.COUNTY])
    towns = find_units(session, town, kinds=[UnitKind.TOWNSHIP], parent_id=county_unit.id)
    if not towns:
        raise TownNotFoundError(county=county_unit.name, town=town)
    if len(towns) > 1:
        candidates = "、".join(f"{unit.name}（{unit.current_code or unit.id}）"
                              for unit in towns)
        raise UnitAmbiguousError(value=town, candidates=candidates)
    return towns[0]


# --- changes by the office -------------------------------------------------------------------


def _audit(session: Session, action: str, unit_id: str, actor: str, **details: object) -> None:
    session.add(models.AuditEvent(at=utc_now(), actor=actor, action=action, unit_id=unit_id,
                                  details=details))


def _row(session: Session, unit_id: str) -> models.ReportingUnit:
    row = session.get(models.ReportingUnit, unit_id)
    if row is None:
        raise UnitNotFoundError(value=unit_id)
    return row


def _check_name(session: Session, name: str, parent_id: str | None,
                exclude_id: str | None = None) -> str:
    """Return the trimmed name; reject an empty or too long one or a sibling's name."""
    clean = name.strip()
    if not clean or len(clean) > MAX_NAME_LENGTH:
        raise UnitChangeError("units.invalid_name", name=name)
    siblings = session.scalars(select(models.ReportingUnit).where(
        models.ReportingUnit.parent_id == parent_id,
        models.ReportingUnit.merged_into_id.is_(None)))
    for sibling in siblings:
        if sibling.id != exclude_id and normalize_name(sibling.name) == normalize_name(clean):
            raise UnitChangeError("units.duplicate_name", name=clean, unit_id=sibling.id)
    return clean


def _check_parent(session: Session, kind: UnitKind, parent_id: str | None,
                  unit_name: str) -> models.ReportingUnit:
    parent = None if parent_id is None else session.get(models.ReportingUnit, parent_id)
    if parent is None or parent.merged_into_id is not None or \
            UnitKind(parent.kind) not in _PARENT_KINDS.get(kind, set()):
        raise UnitChangeError("units.invalid_parent", unit=unit_name, parent=parent_id or "")
    return parent


def create_unit(session: Session, name: str, kind: UnitKind, parent_id: str, *,
                actor: str = "", is_provisional: bool = False) -> ReportingUnit:
    """Add a unit without an official code, such as a market town (集镇).

    Its id is ``X`` followed by eight hexadecimal digits of a random UUID.

    Raises:
        UnitChangeError: the name is empty, too long or already used under the parent, or
            the parent cannot hold a unit of this kind.
    """
    _check_parent(session, kind, parent_id, name)
    clean = _check_name(session, name, parent_id)
    unit_id = "X" + uuid.uuid4().hex[:8].upper()
    while session.get(models.ReportingUnit, unit_id) is not None:
        unit_id = "X" + uuid.uuid4().hex[:8].upper()
    row = models.ReportingUnit(id=unit_id, name=clean, kind=kind.value, parent_id=parent_id,
                               is_provisional=is_provisional, created_at=utc_now(), codes=[])
    session.add(row)
    _audit(session, "unit.create", unit_id, actor, name=clean, kind=kind.value,
           parent_id=parent_id)
    session.flush()
    logger.info("created reporting unit %s (%s) under %s", unit_id, clean, parent_id)
    return _to_domain(row)


def rename_unit(session: Session, unit_id: str, new_name: str, *,
                actor: str = "") -> ReportingUnit:
    """Rename a unit; its codes and their per-edition names stay as they were.

    Raises:
        UnitNotFoundError: no unit has that id.
        UnitChangeError: the new name is empty, too long or a sibling's name.
    """
    row = _row(session, unit_id)
    clean = _check_name(session, new_name, row.parent_id, exclude_id=row.id)
    old_name, row.name = row.name, clean
    _audit(session, "unit.rename", unit_id, actor, old_name=old_name, new_name=clean)
    session.flush()
    logger.info("renamed reporting unit %s from %s to %s", unit_id, old_name, clean)
    return _to_domain(row)


def move_unit(session: Session, unit_id: str, new_parent_id: str, *,
              actor: str = "") -> ReportingUnit:
    """Put a unit under another parent, such as a township under a new county.

    Raises:
        UnitNotFoundError: no unit has that id.
        UnitChangeError: the parent cannot hold this unit, or a sibling has its name.
    """
    row = _row(session, unit_id)
    _check_parent(session, UnitKind(row.kind), new_parent_id, row.name)
    _check_name(session, row.name, new_parent_id, exclude_id=row.id)
    old_parent, row.parent_id = row.parent_id, new_parent_id
    _audit(session, "unit.move", unit_id, actor, old_parent_id=old_parent,
           new_parent_id=new_parent_id)
    session.flush()
    logger.info("moved reporting unit %s from %s to %s", unit_id, old_parent, new_parent_id)
    return _to_domain(row)


def merge_units(session: Session, source_id: str, target_id: str, *,
                actor: str = "") -> ReportingUnit:
    """Merge unit ``source_id`` into ``target_id``, keeping the source's row and codes.

    The source points at the target from then on, lookups by its name or codes return the
    target, and the source's child units move under the target.

    NOTE: entries, targets and scores recorded under the source keep its id; reports that
    need them under the target follow ``merged_into_id``.

    Returns:
        The target unit.

    Raises:
        UnitNotFoundError: either id is unknown.
        UnitChangeError: the units are the same, of different kinds, or already merged.
    """
    source, target = _row(session, source_id), _row(session, target_id)
    if source.id == target.id or source.kind != target.kind or \
            source.merged_into_id is not None or target.merged_into_id is not None:
        raise UnitChangeError("units.invalid_merge", source=source.name, target=target.name)

    children = list(session.scalars(select(models.ReportingUnit).where(
        models.ReportingUnit.parent_id == source.id)))
    for child in children:
        child.parent_id = target.id
        _audit(session, "unit.move", child.id, actor, old_parent_id=source.id,
               new_parent_id=target.id, reason="merge")
    source.merged_into_id = target.id
    _audit(session, "unit.merge", source.id, actor, source_name=source.name,
           target_id=target.id, target_name=target.name,
           moved_children=[child.id for child in children])
    session.flush()
    logger.info("merged reporting unit %s into %s, moving %d children", source.id, target.id,
                len(children))
    return _to_domain(target)
