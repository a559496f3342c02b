"""Commit a merge run's packages without a disk flush each, and flush them once at the end.

Each merged package is its own transaction. Under SQLite's ``synchronous = FULL``, which the
data folder's connections use, every commit waits until the disk has flushed the WAL file. On
the benchmark machine's virtual disk that flush took longer than merging a package. So the
connection of a merge run commits with ``synchronous = NORMAL``, and :func:`deferred_sync`
flushes the run's commits to the disk when the run ends, before the caller reports any
outcome. SQLite's documentation of the pragma (https://www.sqlite.org/pragma.html#pragma_synchronous)
states what NORMAL means in WAL mode:

- A killed program loses no committed transaction, whatever the setting, because the WAL
  file already contains each commit.
- A power cut or an operating-system crash during the run can roll back the packages
  committed since the last checkpoint. The database stays consistent, and each package rolls
  back whole, because SQLite applies a WAL transaction only up to a valid commit record.
  Merging the same files again merges the lost packages, and repeats none of the others.

A checkpoint flushes the WAL file before copying it into the database. So SQLite's automatic
checkpoint, by default after every 1,000 pages of WAL, also makes the earlier commits durable
during the run, unless a reader of an older snapshot holds the checkpoint back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from meili_desktop.store import ledger_repo
from meili_desktop.store.meta_repo import set_meta

logger = logging.getLogger(__name__)

# The meta row that the flush at the end of a run writes. Only a commit that writes makes
# SQLite flush the WAL file, so the row contains the time of the last flush.
FLUSHED_AT_KEY = "merge/flushed_at"


@contextmanager
def deferred_sync(connection: Connection) -> Iterator[None]:
    """Let ``connection`` commit without flushing for the block; flush once at its end.

    Only SQLite connections change. On leaving the block, even by an exception, a run that
    wrote anything writes :data:`FLUSHED_AT_KEY` in a transaction committed with
    ``synchronous = FULL``. That commit flushes the whole WAL file, every earlier commit of
    the run with it. The connection goes back to its pool with ``synchronous = FULL``, or is
    invalidated if that cannot be set.

    Raises:
        MergeBusyError: another program held the database's write lock longer than a merge
            waits, so the run's commits may not be on the disk yet.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    dbapi_connection = connection.connection.dbapi_connection
    assert dbapi_connection is not None
    # Run on the driver's connection: a statement through SQLAlchemy would begin a transaction
    # that the run's sessions would then join instead of committing their own.
    dbapi_connection.execute("PRAGMA synchronous = NORMAL")
    changes_before = dbapi_connection.total_changes
    try:
        yield
    finally:
        try:
            dbapi_connection.execute("PRAGMA synchronous = FULL")
        except Exception:
            logger.exception("failed to restore synchronous = FULL; invalidating the "
                             "merge run's connection")
            connection.invalidate()
            raise
        # total_changes also counts rows of transactions that rolled back, so a run whose
        # packages were all rejected may flush once without need.
        if dbapi_connection.total_changes != changes_before:
            _flush(connection)


def _flush(connection: Connection) -> None:
    """Commit one small write with ``synchronous = FULL``, flushing the WAL file."""
    with Session(bind=connection) as session:
        ledger_repo.lock_for_merge(session, "")
        set_meta(session, FLUSHED_AT_KEY, datetime.now(UTC).isoformat())
        session.commit()
    logger.info("flushed the merge run's commits to the disk")
