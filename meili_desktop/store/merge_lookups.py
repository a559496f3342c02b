"""The catalogue, period and unit facts that merge decisions read, cached for a merge run.

Every package of a run needs the active catalogue's task rules, the period states and its
sender's kind, and these rarely change while packages are merged. A session whose ``info``
contains a :class:`LookupCache` under :data:`CACHE_KEY` reuses them from the previous package
until another connection commits to the database. SQLite's ``PRAGMA data_version`` changes
exactly then, and reading it costs one statement instead of three queries. The cache is
correct only when no other code writes through the same connection, because SQLite does not
count a connection's own commits; :func:`merge_run_store` binds the run's sessions to a
connection of their own for that reason.

PostgreSQL has no such counter, and its merge locks the period rows with ``FOR SHARE`` in
every transaction, so there the facts are read for every package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from meili_desktop.domain.catalogue import MeasureType, TaskLevel
from meili_desktop.domain.merge import TaskRule
from meili_desktop.domain.periods import PeriodState
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.run_sync import deferred_sync

# The key of the LookupCache in Session.info.
CACHE_KEY = "meili_desktop.merge_lookups"


@dataclass(frozen=True)
class MergeLookups:
    """The facts merge decisions read besides the entries.

    ``unit_kinds`` maps a reporting unit's id to its kind: every unit when the facts come
    from a :class:`LookupCache`, otherwise only the units asked for that exist.
    """

    tasks: Mapping[int, TaskRule]
    period_states: Mapping[str, PeriodState]
    unit_kinds: Mapping[str, str]


class LookupCache:
    """The lookups of one merge run, kept while no other connection changes the database."""

    def __init__(self) -> None:
        self._lookups: MergeLookups | None = None
        self._connection: Any = None
        self._data_version: int | None = None
        # How often the lookups were read from the database; logs and tests read it.
        self.loads = 0

    def get(self, session: Session) -> MergeLookups:
        """Return the cached lookups, reloading them if the database may have changed."""
        connection = session.connection()
        dbapi_connection = connection.connection.dbapi_connection
        version = connection.exec_driver_sql("PRAGMA data_version").scalar_one()
        if (self._lookups is not None and dbapi_connection is self._connection
                and version == self._data_version):
            return self._lookups
        self._lookups = MergeLookups(load_task_rules(session), _period_states(session, False),
                                     _unit_kinds(session, None))
        self._connection = dbapi_connection
        self._data_version = version
        self.loads += 1
        return self._lookups


@contextmanager
def merge_run_store(store: Store) -> Iterator[Store]:
    """Yield a copy of ``store`` for a merge run: one connection of its own, lookups cached.

    Every session of the copy uses the same connection, one transaction after another, and
    carries a :class:`LookupCache`. On SQLite the connection commits without flushing to the
    disk, and :func:`~meili_desktop.store.run_sync.deferred_sync` flushes the run's commits
    when the block ends. Its module says what a power cut during the run does. The
    connection is closed when the block ends. Use the copy only for merging and previewing,
    and the ordinary store for other work of the run, such as reading packages and
    registering keys.
    """
    with store.engine.connect() as connection, deferred_sync(connection):
        factory = sessionmaker(bind=connection, expire_on_commit=False,
                               info={CACHE_KEY: LookupCache()})
        yield replace(store, session_factory=factory)


def load_lookups(session: Session, unit_ids: Iterable[str], *,
                 for_update: bool = False) -> MergeLookups:
    """Return the task rules, period states and the kinds of ``unit_ids``.

    Args:
        session: the caller's session; a :class:`LookupCache` in its ``info`` is used on
            SQLite.
        unit_ids: the units whose kinds are wanted.
        for_update: lock the period rows (shared) until the transaction ends, so a period
            cannot be locked while the merge decides on it. SQLite needs no row lock,
            because the merge holds the database's write lock.
    """
    cache = session.info.get(CACHE_KEY)
    if isinstance(cache, LookupCache) and session.connection().dialect.name == "sqlite":
        return cache.get(session)
    return MergeLookups(load_task_rules(session), _period_states(session, for_update),
                        _unit_kinds(session, set(unit_ids)))


def load_task_rules(session: Session) -> dict[int, TaskRule]:
    """Return the active catalogue's tasks by number; empty when no catalogue is active."""
    rows = session.execute(
        select(models.Task.number, models.Task.level, models.Task.measure)
        .join(models.CatalogueVersion)
        .where(models.CatalogueVersion.is_active.is_(True)))
    return {number: TaskRule(number, TaskLevel(level), MeasureType(measure))
            for number, level, measure in rows}


def _period_states(session: Session, for_update: bool) -> dict[str, PeriodState]:
    statement = select(models.Period.code, models.Period.state)
    if for_update:
        statement = statement.with_for_update(read=True)
    return {code: PeriodState(state) for code, state in session.execute(statement)}


def _unit_kinds(session: Session, unit_ids: set[str] | None) -> dict[str, str]:
    """Return the kinds of ``unit_ids``, or of every unit when it is None."""
    statement = select(models.ReportingUnit.id, models.ReportingUnit.kind)
    if unit_ids is not None:
        if not unit_ids:
            return {}
        statement = statement.where(models.ReportingUnit.id.in_(sorted(unit_ids)))
    return {unit_id: kind for unit_id, kind in session.execute(statement)}

