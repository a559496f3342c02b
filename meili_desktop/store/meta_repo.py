"""Read and write the data folder's key-value facts (table ``meta``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.store.models import Meta


def get_meta(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(Meta, key)
    return default if row is None else row.value


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def next_sequence(session: Session, name: str) -> int:
    """Increment and return the counter ``name``; the caller's transaction makes it atomic."""
    key = f"sequence/{name}"
    row = session.execute(select(Meta).where(Meta.key == key).with_for_update()).scalar_one_or_none()
    if row is None:
        session.add(Meta(key=key, value="1"))
        return 1
    row.value = str(int(row.value) + 1)
    return int(row.value)
