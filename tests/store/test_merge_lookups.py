"""A merge run reuses the catalogue, period and unit lookups until another connection commits."""

from __future__ import annotations

from sqlalchemy import select

from meili_desktop.services import merge as merge_service
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_lookups import CACHE_KEY, LookupCache, merge_run_store
from tests.services.merge_support import (
    COUNT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    set_period_state,
)


def lookup_loads(run_store: Store) -> int:
    with run_store.session_factory() as session:
        cache = session.info[CACHE_KEY]
    assert isinstance(cache, LookupCache)
    return cache.loads


def is_sqlite(store: Store) -> bool:
    return store.engine.dialect.name == "sqlite"


def test_lookups_read_once_per_run(merge_store: Store) -> None:
    packages = [make_package([entry_record(unit=unit, task=task)], sender=unit,
                             sequence=sequence)
                for unit, task, sequence in ((TOWN_A, 13, 1), (TOWN_B, 13, 1),
                                             (TOWN_A, COUNT_TASK, 2))]

    with merge_run_store(merge_store) as run_store:
        results = [merge_service.merge(run_store, package) for package in packages]
        loads = lookup_loads(run_store)

    assert [result.counts["new"] for result in results] == [1, 1, 1]
    # PostgreSQL reads the lookups for every package, so the cache stays unused there.
    assert loads == (1 if is_sqlite(merge_store) else 0)


def test_period_locked_during_run_holds(merge_store: Store) -> None:
    first = make_package([entry_record(unit=TOWN_A)], sender=TOWN_A)
    second = make_package([entry_record(unit=TOWN_B)], sender=TOWN_B)

    with merge_run_store(merge_store) as run_store:
        before = merge_service.merge(run_store, first)
        # Another connection locks the period between two packages of the run.
        set_period_state(merge_store, PERIOD, "locked")
        after = merge_service.merge(run_store, second)
        loads = lookup_loads(run_store)

    assert before.counts["new"] == 1
    assert after.counts["held"] == 1
    assert after.counts["new"] == 0
    assert loads == (2 if is_sqlite(merge_store) else 0)


def test_unknown_sender_known_after_reload(merge_store: Store) -> None:
    unit_id = "330110999"
    package = make_package([entry_record(unit=unit_id)], sender=unit_id)

    with merge_run_store(merge_store) as run_store:
        unknown = merge_service.merge(run_store, make_package(
            [entry_record(unit=unit_id, task=COUNT_TASK)], sender=unit_id, sequence=9))
        with merge_store.session_factory.begin() as session:
            town = session.get(models.ReportingUnit, TOWN_A)
            assert town is not None
            session.add(models.ReportingUnit(id=unit_id, name="新设街道", kind="township",
                                             parent_id=town.parent_id,
                                             created_at=town.created_at))
        known = merge_service.merge(run_store, package)

    assert unknown.counts["held"] == 1
    assert known.counts["new"] == 1


def test_each_package_committed_during_run(merge_store: Store) -> None:
    package = make_package([entry_record()])

    with merge_run_store(merge_store) as run_store:
        merge_service.merge(run_store, package)
        # Read through the ordinary store, which uses other connections.
        with merge_store.session_factory() as session:
            ledger = session.scalars(select(models.ImportedPackage.package_id)).all()

    assert ledger == [package.package_id]
