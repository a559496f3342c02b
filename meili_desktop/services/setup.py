"""First-run setup of a data folder, and binding a provisional township to its real unit.

A township is normally set up from the city's distribution package. Without one, a clerk can
start at once as a provisional township on the embedded catalogue, picking the county and town
from the embedded division list or typing a market town (集镇) that has no official code.
Entries are keyed by the unit id, so when the package arrives :func:`bind_township` moves them
to the unit the package names.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from meili_desktop.domain.periods import default_periods
from meili_desktop.domain.units import ReportingUnit, UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.services.catalogue import ensure_default_catalogue
from meili_desktop.services.entries import local_user
from meili_desktop.services.identity import (
    PROVISIONAL_KEY,
    ROLE_KEY,
    UNIT_KEY,
    Identity,
    Role,
    load_identity,
    read_identity,
)
from meili_desktop.services.packages import CITY_NAME_KEY
from meili_desktop.store import audit_repo, entries_repo, periods_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, set_meta

logger = logging.getLogger(__name__)


class AlreadySetUpError(MeiliError):
    """The data folder already has a role; details: ``role`` and ``unit``."""

    code = "setup.already_set_up"
    exit_code = 3


class NotProvisionalError(MeiliError):
    """Binding needs a provisional township; details: ``unit`` (the unit it is bound to)."""

    code = "setup.not_provisional"
    exit_code = 3


class NotTownshipError(MeiliError):
    """Binding needs a data folder set up as a township."""

    code = "setup.not_township"
    exit_code = 3


@dataclass(frozen=True)
class BindResult:
    """The identity after binding and how many entries moved to the real unit."""

    identity: Identity
    moved_entries: int


def list_counties(store: Store) -> list[ReportingUnit]:
    """Return the current counties of the embedded division list, setting it up if needed."""
    ensure_default_catalogue(store)
    with store.session_factory() as session:
        return units_repo.list_counties(session)


def list_townships(store: Store, county_id: str) -> list[ReportingUnit]:
    """Return the current townships of a county, ordered by code."""
    with store.session_factory() as session:
        return units_repo.list_townships(session, county_id)


def unit_names(store: Store, unit_id: str) -> tuple[str, str]:
    """Return the name of a unit and of its parent (the county), or the id when unknown."""
    with store.session_factory() as session:
        unit = units_repo.get_unit(session, unit_id)
        if unit is None:
            return unit_id, ""
        parent = units_repo.get_unit(session, unit.parent_id) if unit.parent_id else None
    return unit.name, parent.name if parent is not None else ""


def office_name(store: Store) -> str | None:
    """Return the office's own name: the city office's name, or a county office's county.

    Returns None before the first-run setup, for a township, and for a city office whose
    name was never stored (set up without ``init city``).
    """
    with store.session_factory() as session:
        identity = read_identity(session)
        if identity is None:
            return None
        if identity.role is Role.CITY:
            return get_meta(session, CITY_NAME_KEY) or None
        if identity.role is Role.COUNTY and identity.unit_id:
            unit = units_repo.get_unit(session, identity.unit_id)
            return unit.name if unit is not None else identity.unit_id
    return None


def setup_provisional_township(store: Store, county: str, town_or_market_town_name: str, *,
                               is_market_town: bool = False) -> Identity:
    """Set the data folder up as a provisional township on the embedded catalogue.

    Args:
        store: the open data folder.
        county: the county's name or official code.
        town_or_market_town_name: the township's name or code from the division list, or
            with ``is_market_town`` the name of a market town that has no code.
        is_market_town: create (or reuse) a unit without a code under the county.

    Raises:
        AlreadySetUpError: the data folder has a role already.
        UnitNotFoundError, TownNotFoundError, UnitAmbiguousError: the county or town was
            not found, or matched several units.
        UnitChangeError: the market town name is empty or too long.
    """
    existing = load_identity(store)
    if existing is not None:
        raise AlreadySetUpError(role=existing.role.value, unit=existing.unit_id or "")
    ensure_default_catalogue(store)

    with store.session_factory.begin() as session:
        if is_market_town:
            unit = _market_town(session, county, town_or_market_town_name)
        else:
            unit = units_repo.find_township(session, county, town_or_market_town_name)
        periods_repo.add_missing_periods(session, default_periods())
        identity = Identity(Role.TOWNSHIP, unit.id, is_provisional=True)
        _write_identity(session, identity)
        audit_repo.add_event(session, "setup.provisional_township", actor=local_user(),
                             unit_id=unit.id,
                             details={"name": unit.name, "is_market_town": is_market_town})
    logger.info("set up as provisional township %s (%s)", unit.id, unit.name)
    return identity


def setup_office(store: Store, role: Role, county: str | None = None) -> Identity:
    """Set the data folder up for the city office, or a county office with its county.

    Raises:
        AlreadySetUpError: the data folder has a role already.
        UnitNotFoundError: the county was not found.
        ValueError: ``role`` is the township role, which has its own setup.
    """
    if role is Role.TOWNSHIP:
        raise ValueError("townships are set up with setup_provisional_township")
    existing = load_identity(store)
    if existing is not None:
        raise AlreadySetUpError(role=existing.role.value, unit=existing.unit_id or "")
    ensure_default_catalogue(store)
    with store.session_factory.begin() as session:
        if role is Role.COUNTY:
            unit_id = units_repo.find_unit(session, county or "", kinds=[UnitKind.COUNTY]).id
        else:
            unit_id = units_repo.CITY_ID
        periods_repo.add_missing_periods(session, default_periods())
        identity = Identity(role, unit_id, is_provisional=False)
        _write_identity(session, identity)
    logger.info("set up as %s office for %s", role.value, unit_id)
    return identity


def bind_township(store: Store, unit_id: str) -> BindResult:
    """Bind a provisional township to the unit its distribution package names.

    Every entry, revision, evidence link and review comment moves to ``unit_id`` in one
    transaction. An entry the unit already has for the same task and period is merged, so
    nothing is lost. A market town created during setup is merged into the real unit.
    Binding again to the same unit changes nothing.

    Raises:
        NotTownshipError: the data folder is not set up as a township.
        NotProvisionalError: it is already bound to a different unit.
        UnitNotFoundError: ``unit_id`` is not a stored reporting unit.
    """
    with store.session_factory.begin() as session:
        result = bind_township_in(session, unit_id)
    logger.info("bound the township to %s, moving %d entries", unit_id, result.moved_entries)
    return result


def bind_township_in(session: Session, unit_id: str) -> BindResult:
    """Bind a provisional township as :func:`bind_township` does, in the caller's session.

    The caller commits, so the binding can share one transaction with the rest of a
    distribution package's import.

    Raises:
        NotTownshipError, NotProvisionalError, UnitNotFoundError: see :func:`bind_township`.
    """
    identity = read_identity(session)
    if identity is None or identity.role is not Role.TOWNSHIP or identity.unit_id is None:
        raise NotTownshipError()
    if not identity.is_provisional:
        if identity.unit_id == unit_id:
            return BindResult(identity, 0)
        raise NotProvisionalError(unit=identity.unit_id)

    old_unit_id = identity.unit_id
    if units_repo.get_unit(session, unit_id) is None:
        raise units_repo.UnitNotFoundError(value=unit_id)
    moved = 0
    if old_unit_id != unit_id:
        moved = entries_repo.move_unit_entries(session, old_unit_id, unit_id,
                                               changed_by=local_user())
        old_unit = units_repo.get_unit(session, old_unit_id)
        if old_unit is not None and old_unit.is_provisional:
            units_repo.merge_units(session, old_unit_id, unit_id, actor=local_user())
    bound = Identity(Role.TOWNSHIP, unit_id, is_provisional=False)
    _write_identity(session, bound)
    audit_repo.add_event(session, "setup.bind_township", actor=local_user(),
                         unit_id=unit_id,
                         details={"from_unit_id": old_unit_id, "moved_entries": moved})
    return BindResult(bound, moved)


def _market_town(session: Session, county: str, name: str) -> ReportingUnit:
    """Return the provisional market town ``name`` under the county, creating it if needed."""
    county_unit = units_repo.find_unit(session, county, kinds=[UnitKind.COUNTY])
    for unit in units_repo.find_units(session, name, kinds=[UnitKind.TOWNSHIP],
                                      parent_id=county_unit.id):
        if unit.is_provisional:
            return unit
    return units_repo.create_unit(session, name, UnitKind.TOWNSHIP, county_unit.id,
                                  actor=local_user(), is_provisional=True)


def _write_identity(session: Session, identity: Identity) -> None:
    set_meta(session, ROLE_KEY, identity.role.value)
    if identity.unit_id is not None:
        set_meta(session, UNIT_KEY, identity.unit_id)
    set_meta(session, PROVISIONAL_KEY, "1" if identity.is_provisional else "0")
