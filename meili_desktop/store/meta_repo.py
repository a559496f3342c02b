"""Read and write the data folder's key-value facts (table ``meta``)."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.store.models import Meta

# A random id given to a database when it is first opened. Backups carry it, so a restore can
# tell this installation's backups from another computer's or data folder's.
INSTALLATION_KEY = "installation_id"


def get_meta(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Meta, key)
    return default if row is None else row.value


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def ensure_installation_id(session: Session) -> str:
    """Return the database's installation id, creating a random one when it has none."""
    current = get_meta(session, INSTALLATION_KEY)
    if current:
        return current
    created = uuid.uuid4().hex
    set_meta(session, INSTALLATION_KEY, created)
    return created


def next_sequence(session: Session, name: str) -> int:
    """Increment and return the counter ``name``; the caller's transaction makes it atomic."""
    key = f"sequence/{name}"
    row = session.execute(select(Meta).where(Meta.key == key).with_for_update()).scalar_one_or_none()
    if row is None:
        session.add(Meta(key=key, value="1"))
        return 1
    row.value = str(int(row.value) + 1)
    return int(row.value)


def peek_sequence(session: Session, name: str) -> int:
    """Return the number :func:`next_sequence` would give the counter ``name``, taking none."""
    current = get_meta(session, f"sequence/{name}")
    return 1 if current is None else int(current) + 1


def take_sequence(session: Session, name: str, value: int) -> None:
    """Record ``value`` as used by the counter ``name``; a value not above it changes nothing.

    A writer that may fail peeks its number first and takes it once its file is written.
    """
    key = f"sequence/{name}"
    row = session.execute(select(Meta).where(Meta.key == key)
                          .with_for_update()).scalar_one_or_none()
    if row is None:
        session.add(Meta(key=key, value=str(value)))
    elif int(row.value) < value:
        row.value = str(value)
