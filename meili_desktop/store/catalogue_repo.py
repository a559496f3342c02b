"""Store catalogue versions and load them back as domain catalogues.

Member units are global rows shared by every version, found by name: saving a version
updates their duties and aliases to the version's text. Each version keeps its own list of
member units in order, and its own tasks and lead-unit links.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from meili_desktop.domain import catalogue as domain
from meili_desktop.domain.catalogue_document import catalogue_hash
from meili_desktop.errors import MeiliError
from meili_desktop.store import models

logger = logging.getLogger(__name__)


class CatalogueVersionExistsError(MeiliError):
    """A different catalogue is already stored under the same version id."""

    code = "catalogue.version_exists"
    exit_code = 4


class CatalogueVersionNotFoundError(MeiliError):
    code = "catalogue.version_not_found"
    exit_code = 4


@dataclass(frozen=True)
class CatalogueVersionInfo:
    """A stored catalogue version, without its tasks."""

    version: str
    title: str
    source: str
    content_hash: str
    is_active: bool
    created_at: datetime
    task_count: int


def utc_now() -> datetime:
    """Return the current UTC time without a zone, the form the database columns hold."""
    return datetime.now(UTC).replace(tzinfo=None)


def save_catalogue(session: Session, catalogue: domain.Catalogue, *, activate: bool = True,
                   created_at: datetime | None = None) -> int:
    """Store ``catalogue`` as a new version, optionally making it the active one.

    Saving the same content again under the same version id changes nothing but the
    activation and returns the stored version's id.

    Args:
        session: the caller's open session; nothing is committed here.
        catalogue: the catalogue to store.
        activate: make this version the active one.
        created_at: the UTC time to record; defaults to now.

    Returns:
        The database id of the catalogue version.

    Raises:
        CatalogueVersionExistsError: another catalogue is stored under the same version id.
    """
    content_hash = catalogue_hash(catalogue)
    existing = session.scalar(select(models.CatalogueVersion)
                              .where(models.CatalogueVersion.version == catalogue.version))
    if existing is not None:
        if existing.content_hash != content_hash:
            raise CatalogueVersionExistsError(version=catalogue.version)
        if activate:
            _activate(session, existing)
        return existing.id

    member_rows = {unit.name: _upsert_member_unit(session, unit)
                   for unit in catalogue.member_units}
    row = models.CatalogueVersion(
        version=catalogue.version, title=catalogue.title,
        categories=list(catalogue.categories), source=catalogue.source,
        content_hash=content_hash, is_active=False, created_at=created_at or utc_now())
    row.member_links = [models.CatalogueMember(member_unit=member_rows[unit.name],
                                               position=position)
                        for position, unit in enumerate(catalogue.member_units)]
    row.tasks = [_task_row(task, member_rows) for task in catalogue.tasks]
    session.add(row)
    session.flush()
    if activate:
        _activate(session, row)
    logger.info("stored catalogue version %s with %d tasks (hash %s)", catalogue.version,
                len(catalogue.tasks), content_hash[:12])
    return row.id


def _upsert_member_unit(session: Session, unit: domain.MemberUnit) -> models.MemberUnit:
    """Insert or update the global row of ``unit``; its aliases become exactly ``unit``'s."""
    row = session.scalar(select(models.MemberUnit).where(models.MemberUnit.name == unit.name)
                         .options(selectinload(models.MemberUnit.aliases)))
    if row is None:
        row = models.MemberUnit(name=unit.name, aliases=[])
        session.add(row)
    row.duties = unit.duties
    row.is_office = unit.is_office
    row.is_all_members = unit.is_all_members

    # Drop aliases first and flush, because an alias may move between units and the alias
    # column is unique.
    for alias_row in list(row.aliases):
        if alias_row.alias not in unit.aliases:
            row.aliases.remove(alias_row)
    session.flush()
    for alias in unit.aliases:
        alias_row = session.scalar(select(models.MemberUnitAlias)
                                   .where(models.MemberUnitAlias.alias == alias))
        if alias_row is None:
            row.aliases.append(models.MemberUnitAlias(alias=alias))
        elif alias_row.member_unit_id != row.id:
            logger.info("alias %s moves to member unit %s", alias, unit.name)
            alias_row.member_unit = row
    session.flush()
    return row


def _task_row(task: domain.Task, member_rows: dict[str, models.MemberUnit]) -> models.Task:
    scoring = None
    if task.scoring is not None:
        fixed = task.scoring.fixed_points
        scoring = {"kind": task.scoring.kind.value, "max_points": str(task.scoring.max_points),
                   "fixed_points": None if fixed is None else str(fixed),
                   "description": task.scoring.description}
    row = models.Task(
        number=task.number, category=task.category, title=task.title,
        requirement=task.requirement, measure=task.measure.value, unit=task.unit,
        higher_is_better=task.higher_is_better, level=task.level.value,
        rate_base=task.rate_base, scoring=scoring,
        sub_items=[{"code": sub.code, "title": sub.title} for sub in task.sub_items])
    row.lead_links = [
        models.TaskLeadUnit(member_unit=member_rows[link.unit], role=link.role.value,
                            provenance=link.provenance.value, position=position,
                            written_as=link.written_as)
        for position, link in enumerate(task.lead_units)
    ]
    return row


def _activate(session: Session, row: models.CatalogueVersion) -> None:
    session.execute(update(models.CatalogueVersion)
                    .where(models.CatalogueVersion.id != row.id)
                    .values(is_active=False))
    row.is_active = True
    session.flush()


def activate_version(session: Session, version: str) -> None:
    """Make catalogue ``version`` the active one.

    Raises:
        CatalogueVersionNotFoundError: no catalogue version has that id.
    """
    row = session.scalar(select(models.CatalogueVersion)
                         .where(models.CatalogueVersion.version == version)
                         .options(*_WHOLE_CATALOGUE))
    if row is None:
        raise CatalogueVersionNotFoundError(version=version)
    _activate(session, row)
    logger.info("activated catalogue version %s", version)


def has_catalogue(session: Session) -> bool:
    """Return whether any catalogue version is stored."""
    return bool(session.scalar(select(func.count()).select_from(models.CatalogueVersion)))


# Loads a version's tasks, lead units and member units in five statements; lazy loading
# took one statement per task and per link, about 50 ms for the embedded catalogue.
_WHOLE_CATALOGUE = (
    selectinload(models.CatalogueVersion.tasks).selectinload(models.Task.lead_links)
    .selectinload(models.TaskLeadUnit.member_unit),
    selectinload(models.CatalogueVersion.member_links)
    .selectinload(models.CatalogueMember.member_unit).selectinload(models.MemberUnit.aliases),
)


def load_active_catalogue(session: Session) -> domain.Catalogue | None:
    """Load the active catalogue version, or return None when none is active."""
    row = session.scalar(select(models.CatalogueVersion)
                         .where(models.CatalogueVersion.is_active.is_(True))
                         .options(*_WHOLE_CATALOGUE))
    return None if row is None else _catalogue_from_row(session, row)


def load_catalogue(session: Session, version: str) -> domain.Catalogue:
    """Load catalogue ``version``.

    Raises:
        CatalogueVersionNotFoundError: no catalogue version has that id.
    """
    row = session.scalar(select(models.CatalogueVersion)
                         .where(models.CatalogueVersion.version == version)
                         .options(*_WHOLE_CATALOGUE))
    if row is None:
        raise CatalogueVersionNotFoundError(version=version)
    return _catalogue_from_row(session, row)


def list_versions(session: Session) -> list[CatalogueVersionInfo]:
    """Return every stored catalogue version, oldest first."""
    counts: dict[int, int] = {
        version_id: count for version_id, count in session.execute(
            select(models.Task.catalogue_version_id, func.count())
            .group_by(models.Task.catalogue_version_id))}
    rows = session.scalars(select(models.CatalogueVersion)
                           .order_by(models.CatalogueVersion.created_at,
                                     models.CatalogueVersion.id))
    return [CatalogueVersionInfo(version=row.version, title=row.title, source=row.source,
                                 content_hash=row.content_hash, is_active=row.is_active,
                                 created_at=row.created_at, task_count=counts.get(row.id, 0))
            for row in rows]


def _catalogue_from_row(session: Session, row: models.CatalogueVersion) -> domain.Catalogue:
    member_units = tuple(_member_unit(session, link.member_unit) for link in row.member_links)
    tasks = tuple(_task(task_row) for task_row in row.tasks)
    return domain.Catalogue(version=row.version, title=row.title,
                            categories=tuple(row.categories), member_units=member_units,
                            tasks=tasks, source=row.source)


def _member_unit(session: Session, row: models.MemberUnit) -> domain.MemberUnit:
    aliases = [alias.alias for alias in sorted(row.aliases, key=lambda alias: alias.id)]
    return domain.MemberUnit(name=row.name, aliases=tuple(aliases), duties=row.duties,
                             is_office=row.is_office, is_all_members=row.is_all_members)


def _task(row: models.Task) -> domain.Task:
    scoring = None
    if row.scoring is not None:
        fixed = row.scoring.get("fixed_points")
        scoring = domain.ScoringRule(
            kind=domain.ScoringKind(row.scoring["kind"]),
            max_points=Decimal(row.scoring["max_points"]),
            fixed_points=None if fixed is None else Decimal(fixed),
            description=row.scoring.get("description", ""))
    links = tuple(domain.LeadLink(unit=link.member_unit.name, role=domain.LeadRole(link.role),
                                  provenance=domain.Provenance(link.provenance),
                                  written_as=link.written_as)
                  for link in row.lead_links)
    return domain.Task(
        number=row.number, category=row.category, title=row.title,
        requirement=row.requirement, measure=domain.MeasureType(row.measure), unit=row.unit,
        higher_is_better=row.higher_is_better, level=domain.TaskLevel(row.level),
        lead_units=links, scoring=scoring,
        sub_items=tuple(domain.SubItem(code=item["code"], title=item["title"])
                        for item in row.sub_items),
        rate_base=row.rate_base)
