"""The key store: our own key pairs and the public keys of senders and of the city.

Statuses: ``pending`` (a sender key waiting for the office to compare its fingerprint),
``approved``, ``rejected``, ``retiring`` (an old city key still signing the rotation
announcement) and ``retired``. Our own private keys are stored as protected blobs from
:mod:`meili_desktop.exchange.keys`, except a township's signing key (see below).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from meili_desktop.errors import MeiliError
from meili_desktop.store.models import Key

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
RETIRING = "retiring"
RETIRED = "retired"

class KeyNotFoundError(MeiliError):
    """No key with this fingerprint is stored for the unit; details: ``unit``, ``fingerprint``."""

    code = "keys.not_found"
    exit_code = 4


@dataclass(frozen=True)
class KeyRecord:
    """A stored key without its private half."""

    fingerprint: str
    owner_unit_id: str | None
    purpose: str
    suite: str
    public_key: bytes
    status: str
    created_at: datetime
    has_private_key: bool


# The columns of a KeyRecord, in its field order.
_RECORD_COLUMNS = (Key.fingerprint, Key.owner_unit_id, Key.purpose, Key.suite, Key.public_key,
                   Key.status, Key.created_at, Key.private_key.is_not(None))


# Built once, so that SQLAlchemy computes its cache key once; the package reader runs it for
# every package.
_FIND_SENDER_KEY = select(*_RECORD_COLUMNS).where(
    Key.fingerprint == bindparam("fingerprint"), Key.owner_unit_id == bindparam("unit_id"),
    Key.purpose == "signing")


def _record(row: Key) -> KeyRecord:
    return KeyRecord(row.fingerprint, row.owner_unit_id, row.purpose, row.suite,
                     row.public_key, row.status, row.created_at, row.private_key is not None)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def add_key(session: Session, *, fingerprint: str, owner_unit_id: str | None, purpose: str,
            suite: str, public_key: bytes, private_key: bytes | None = None,
            status: str = APPROVED) -> KeyRecord:
    """Store a key, or return the stored one when the fingerprint is known already."""
    row = session.execute(select(Key).where(Key.fingerprint == fingerprint)).scalar_one_or_none()
    if row is not None:
        if private_key is not None and row.private_key is None:
            row.private_key = private_key
        return _record(row)
    now = utc_now()
    row = Key(owner_unit_id=owner_unit_id, purpose=purpose, suite=suite, public_key=public_key,
              private_key=private_key, fingerprint=fingerprint, status=status, created_at=now,
              decided_at=now if status != PENDING else None)
    session.add(row)
    session.flush()
    return _record(row)


def get_key(session: Session, fingerprint: str) -> KeyRecord | None:
    row = session.execute(select(Key).where(Key.fingerprint == fingerprint)).scalar_one_or_none()
    return None if row is None else _record(row)


def private_key_blob(session: Session, fingerprint: str) -> bytes | None:
    row = session.execute(select(Key).where(Key.fingerprint == fingerprint)).scalar_one_or_none()
    return None if row is None else row.private_key


def list_keys(session: Session, *, owner_unit_id: str | None = None,
              purpose: str | None = None, statuses: tuple[str, ...] | None = None,
              own_only: bool = False) -> list[KeyRecord]:
    """Return keys matching the filters, oldest first."""
    query = select(Key).order_by(Key.created_at, Key.id)
    if owner_unit_id is not None:
        query = query.where(Key.owner_unit_id == owner_unit_id)
    if purpose is not None:
        query = query.where(Key.purpose == purpose)
    if statuses is not None:
        query = query.where(Key.status.in_(statuses))
    if own_only:
        query = query.where(Key.private_key.is_not(None))
    return [_record(row) for row in session.execute(query).scalars()]


def set_status(session: Session, owner_unit_id: str | None, fingerprint: str,
               status: str) -> KeyRecord:
    """Change a key's status, e.g. approve a pending sender key.

    Raises:
        KeyNotFoundError: no key with this fingerprint belongs to ``owner_unit_id``.
    """
    query = select(Key).where(Key.fingerprint == fingerprint)
    if owner_unit_id is not None:
        query = query.where(Key.owner_unit_id == owner_unit_id)
    row = session.execute(query).scalar_one_or_none()
    if row is None:
        raise KeyNotFoundError(unit=owner_unit_id or "", fingerprint=fingerprint)
    row.status = status
    row.decided_at = utc_now()
    return _record(row)


def rejected_at(session: Session, unit_id: str, fingerprint: str) -> datetime | None:
    """Return when the office rejected sender ``unit_id``'s signing key ``fingerprint``.

    Returns None when the key is not stored or not rejected now.
    """
    row = session.execute(select(Key.status, Key.decided_at).where(
        Key.fingerprint == fingerprint, Key.owner_unit_id == unit_id,
        Key.purpose == "signing")).one_or_none()
    if row is None or row.status != REJECTED:
        return None
    return row.decided_at


def find_sender_key(session: Session, unit_id: str, fingerprint: str) -> KeyRecord | None:
    """Return the signing key ``fingerprint`` stored for sender ``unit_id``.

    The package reader calls this for every package, so it reads the record's columns on
    the session's connection, without the ORM's execution or loading the private key.
    """
    row = session.connection().execute(
        _FIND_SENDER_KEY, {"fingerprint": fingerprint, "unit_id": unit_id}).one_or_none()
    if row is None:
        return None
    # SQLite returns the IS NOT NULL test as 0 or 1.
    return KeyRecord(*row[:-1], bool(row[-1]))
