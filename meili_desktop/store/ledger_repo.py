"""The ledger of imported packages, and the lock that serializes merges of one sender.

The ledger row of a package is written in the same transaction as its entries, so a package
is either in the ledger with all its entries, or in neither. Each laptop of a township numbers
its own packages, so the unique constraint on (sender, signing key, kind, sequence) backs the
replay check at the database level.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from meili_desktop.domain.ledger import LedgerRecord
from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.store.faults import DatabaseLockedError
from meili_desktop.store.models import ImportedPackage

logger = logging.getLogger(__name__)

# Ledger states: the package's entries were merged, or merged and then forwarded to the city.
MERGED_STATES = ("merged", "relayed")

_LEDGER = ImportedPackage.__table__
# The columns a LedgerRecord needs. The merge reads them for every package, so they are read
# as plain rows, without building ORM objects.
_RECORD_COLUMNS = (_LEDGER.c.package_id, _LEDGER.c.sender_unit_id, _LEDGER.c.kind,
                   _LEDGER.c.sequence, _LEDGER.c.header_hash, _LEDGER.c.claimed_created_at,
                   _LEDGER.c.sender_fingerprint, _LEDGER.c.state)
# Built once, so that SQLAlchemy computes their cache keys once.
_FIND_STATEMENT = select(*_RECORD_COLUMNS).where(or_(
    _LEDGER.c.package_id == bindparam("package_id"),
    and_(_LEDGER.c.sender_unit_id == bindparam("sender_unit_id"),
         _LEDGER.c.sender_fingerprint == bindparam("sender_fingerprint"),
         _LEDGER.c.kind == bindparam("kind"), _LEDGER.c.sequence == bindparam("sequence"))))
_HISTORY_STATEMENT = select(*_RECORD_COLUMNS).where(
    _LEDGER.c.sender_unit_id == bindparam("sender_unit_id"),
    _LEDGER.c.kind == bindparam("kind"),
    _LEDGER.c.sender_fingerprint.in_(bindparam("fingerprints", expanding=True))
).order_by(_LEDGER.c.sequence)

# How long a merge waits for another process's merge before giving up.
LOCK_TIMEOUT_S = 600.0
_LOCK_RETRY_S = 0.05
# How long the first attempt at SQLite's write lock waits before the caller's notice that the
# merge waits for another writer.
LOCK_NOTICE_AFTER_MS = 1500


class MergeBusyError(MeiliError):
    """Another merge held the database longer than the wait allows; details: ``seconds``."""

    code = "merge.busy"
    exit_code = 6


@dataclass(frozen=True)
class LedgerEntry:
    """A ledger row as the inbox and the completeness board show it."""

    package_id: str
    kind: str
    sender_unit_id: str
    sequence: int
    file_name: str
    received_at: datetime
    claimed_created_at: datetime | None
    state: str
    periods: tuple[str, ...]
    counts: Mapping[str, int]
    is_clock_suspicious: bool
    sender_fingerprint: str = ""


def lock_for_merge(session: Session, sender_unit_id: str,
                   cancel: threading.Event | None = None,
                   timeout_s: float = LOCK_TIMEOUT_S,
                   on_wait: Callable[[], None] | None = None) -> None:
    """Take the lock that serializes merges of one sender's packages; call it first.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``, which takes the database's
    write lock before anything is read, so no other writer can change what the merge decides
    on. On PostgreSQL a transaction-scoped advisory lock per sender does the same for the
    sender's entries; the lock ends with the transaction. ``on_wait`` is called once when the
    lock is not free at once (on SQLite, after :data:`LOCK_NOTICE_AFTER_MS`), so that the
    caller can say that the merge waits for another one.

    Raises:
        MergeBusyError: the lock was not free within ``timeout_s``.
        CancelledError: ``cancel`` was set while waiting.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        _begin_immediate(session, cancel, timeout_s, on_wait)
        return
    digest = hashlib.sha256(f"merge:{sender_unit_id}".encode()).digest()
    lock_key = int.from_bytes(digest[:8], "big", signed=True)
    if on_wait is not None:
        if connection.execute(text("SELECT pg_try_advisory_xact_lock(:key)"),
                              {"key": lock_key}).scalar():
            return
        on_wait()
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key})


def _begin_immediate(session: Session, cancel: threading.Event | None,
                     timeout_s: float, on_wait: Callable[[], None] | None) -> None:
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    if raw is not None and getattr(raw, "in_transaction", False):
        raise RuntimeError("lock_for_merge must run before anything else in the transaction")
    deadline = time.monotonic() + timeout_s
    busy_timeout_ms = None
    if on_wait is not None:
        # The first attempt waits less than the connection's busy timeout, so the notice
        # comes early; later attempts wait as long as the connection does.
        busy_timeout_ms = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {LOCK_NOTICE_AFTER_MS}")
    while True:
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DatabaseLockedError:
            # The engine maps SQLite's "database is locked" to this error; wait and retry.
            pass
        except OperationalError as error:
            if "locked" not in str(error.orig) and "busy" not in str(error.orig):
                raise
        finally:
            if busy_timeout_ms is not None:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if on_wait is not None and busy_timeout_ms is not None:
            busy_timeout_ms = None
            on_wait()
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        if time.monotonic() > deadline:
            raise MergeBusyError(seconds=int(timeout_s))
        time.sleep(_LOCK_RETRY_S)


def find_in_ledger(session: Session,
                   package: IncomingPackage) -> tuple[LedgerRecord | None, LedgerRecord | None]:
    """Return the merged ledger rows with the package's id and with its key's sequence.

    Sequence numbers belong to the laptop that signs the package, so another laptop of the
    same township, or a reinstalled laptop with a new key, may use the same number.
    """
    rows = session.execute(_FIND_STATEMENT, {
        "package_id": package.package_id, "sender_unit_id": package.sender_unit_id,
        "sender_fingerprint": package.sender_fingerprint, "kind": package.kind,
        "sequence": package.sequence}).all()
    same_id = next((row for row in rows if row.package_id == package.package_id), None)
    same_sequence = next((row for row in rows if row.sequence == package.sequence
                          and row.sender_unit_id == package.sender_unit_id
                          and row.sender_fingerprint == package.sender_fingerprint
                          and row.kind == package.kind), None)
    return _to_ledger_record(same_id), _to_ledger_record(same_sequence)


def find_merged(session: Session, package_id: str) -> LedgerRecord | None:
    """Return the ledger row of package ``package_id`` when it was merged, else None."""
    row = session.execute(select(*_RECORD_COLUMNS).where(
        _LEDGER.c.package_id == package_id)).first()
    return _to_ledger_record(row)


def laptop_history(session: Session, sender_unit_id: str, kind: str,
                   fingerprints: Iterable[str]) -> list[LedgerRecord]:
    """Return the merged ledger rows of one laptop (any of its keys), by sequence."""
    keys = sorted(set(fingerprints))
    if not keys:
        return []
    rows = session.execute(_HISTORY_STATEMENT, {"sender_unit_id": sender_unit_id,
                                                "kind": kind, "fingerprints": keys})
    return [record for row in rows if (record := _to_ledger_record(row)) is not None]


def package_fingerprint(session: Session, package_id: str) -> str:
    """Return the signing key recorded for a package; empty when unknown."""
    row = session.get(ImportedPackage, package_id)
    return row.sender_fingerprint if row is not None else ""


def record_package(session: Session, package: IncomingPackage, *, received_at: datetime,
                   counts: Mapping[str, int], is_clock_suspicious: bool) -> None:
    """Add the ledger row of a merged package.

    A row the import pipeline left for the same package in another state (waiting for key
    approval) is taken over. One ``INSERT ... ON CONFLICT (package_id) DO UPDATE`` does both.
    """
    values = {"package_id": package.package_id, "kind": package.kind,
              "sender_unit_id": package.sender_unit_id,
              "sender_fingerprint": package.sender_fingerprint, "sequence": package.sequence,
              "header_hash": package.header_hash, "file_name": package.file_name[:255],
              "claimed_created_at": package.claimed_created_at, "received_at": received_at,
              "state": "merged", "periods": list(package.periods), "counts": dict(counts),
              "is_clock_suspicious": is_clock_suspicious}
    session.execute(_RECORD_STATEMENTS[session.connection().dialect.name], values)


def _record_statement(insert: Any) -> Any:
    """Build the upsert of a ledger row once per dialect; the values come at execution."""
    statement = insert(_LEDGER)
    return statement.on_conflict_do_update(
        index_elements=[_LEDGER.c.package_id],
        set_={name: statement.excluded[name] for name in _RECORDED_FIELDS})


# The columns record_package writes besides the package id; a row taken over keeps the others.
_RECORDED_FIELDS = ("kind", "sender_unit_id", "sender_fingerprint", "sequence", "header_hash",
                    "file_name", "claimed_created_at", "received_at", "state", "periods",
                    "counts", "is_clock_suspicious")
_RECORD_STATEMENTS = {"sqlite": _record_statement(sqlite_insert),
                      "postgresql": _record_statement(postgresql_insert)}


def get_ledger_entry(session: Session, package_id: str) -> LedgerEntry | None:
    """Return the ledger row of a package, or None when it was never merged."""
    row = session.get(ImportedPackage, package_id)
    return None if row is None else to_ledger_entry(row)


def list_ledger(session: Session, *, kind: str | None = None,
                sender_unit_id: str | None = None) -> list[LedgerEntry]:
    """Return ledger rows, newest receipt first, optionally of one kind or one sender."""
    statement = select(ImportedPackage).order_by(ImportedPackage.received_at.desc(),
                                                 ImportedPackage.package_id)
    if kind is not None:
        statement = statement.where(ImportedPackage.kind == kind)
    if sender_unit_id is not None:
        statement = statement.where(ImportedPackage.sender_unit_id == sender_unit_id)
    return [to_ledger_entry(row) for row in session.scalars(statement)]


def to_ledger_entry(row: ImportedPackage) -> LedgerEntry:
    """Convert a ledger row to its plain form."""
    counts: dict[str, Any] = dict(row.counts or {})
    return LedgerEntry(row.package_id, row.kind, row.sender_unit_id, row.sequence,
                       row.file_name, row.received_at, row.claimed_created_at, row.state,
                       tuple(row.periods or ()), {key: int(value) for key, value in counts.items()},
                       row.is_clock_suspicious, row.sender_fingerprint)


def _to_ledger_record(row: Any) -> LedgerRecord | None:
    """Convert a row of ``_RECORD_COLUMNS``; None when its package is not merged."""
    if row is None or row.state not in MERGED_STATES:
        return None
    return LedgerRecord(row.package_id, row.sender_unit_id, row.kind, row.sequence,
                        row.header_hash, row.claimed_created_at, row.sender_fingerprint)
