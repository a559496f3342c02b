"""The data folder's role and own reporting unit, chosen at first run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, set_meta

ROLE_KEY = "role"
UNIT_KEY = "own_unit_id"
PROVISIONAL_KEY = "is_provisional"


class Role(StrEnum):
    TOWNSHIP = "township"
    COUNTY = "county"
    CITY = "city"


@dataclass(frozen=True)
class Identity:
    """Who this installation reports as; ``unit_id`` is None until the unit is chosen."""

    role: Role
    unit_id: str | None
    is_provisional: bool


def load_identity(store: Store) -> Identity | None:
    """Return the installation's identity, or None before the first-run setup."""
    with store.session_factory() as session:
        return read_identity(session)


def read_identity(session: Session) -> Identity | None:
    """Read the identity in the caller's session; return None before the first-run setup."""
    role = get_meta(session, ROLE_KEY)
    if role is None:
        return None
    return Identity(Role(role), get_meta(session, UNIT_KEY),
                    get_meta(session, PROVISIONAL_KEY) == "1")


def save_identity(store: Store, identity: Identity) -> None:
    with store.session_factory.begin() as session:
        write_identity(session, identity)


def write_identity(session: Session, identity: Identity) -> None:
    """Write the identity in the caller's session, which the caller commits."""
    set_meta(session, ROLE_KEY, identity.role.value)
    if identity.unit_id is not None:
        set_meta(session, UNIT_KEY, identity.unit_id)
    set_meta(session, PROVISIONAL_KEY, "1" if identity.is_provisional else "0")
