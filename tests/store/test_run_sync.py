"""A merge run commits without a disk flush each and flushes once at its end."""

from __future__ import annotations

import sqlite3

import pytest

from meili_desktop.services import merge as merge_service
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_lookups import merge_run_store
from meili_desktop.store.meta_repo import get_meta
from meili_desktop.store.run_sync import FLUSHED_AT_KEY
from tests.services.merge_support import (
    TOWN_A,
    TOWN_B,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
)

FULL = 2
NORMAL = 1


def run_connection(run_store: Store) -> sqlite3.Connection:
    with run_store.session_factory() as session:
        raw = session.connection().connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def synchronous(raw: sqlite3.Connection) -> int:
    return int(raw.execute("PRAGMA synchronous").fetchone()[0])


def flushed_at(store: Store) -> str | None:
    with store.session_factory() as session:
        return get_meta(session, FLUSHED_AT_KEY)


def two_packages() -> list:
    return [make_package([entry_record(unit=unit)], sender=unit) for unit in (TOWN_A, TOWN_B)]


def sqlite_only(store: Store) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("synchronous is a SQLite setting")


def test_run_commits_at_normal(merge_store: Store) -> None:
    sqlite_only(merge_store)

    with merge_run_store(merge_store) as run_store:
        raw = run_connection(run_store)
        during = synchronous(raw)
        results = [merge_service.merge(run_store, package) for package in two_packages()]
        after_merges = synchronous(raw)

    assert during == NORMAL
    assert after_merges == NORMAL
    assert [result.outcome for result in results] == ["merged", "merged"]


def test_run_end_flushes_with_full_commit(merge_store: Store) -> None:
    sqlite_only(merge_store)
    statements: list[str] = []

    with merge_run_store(merge_store) as run_store:
        raw = run_connection(run_store)
        for package in two_packages():
            merge_service.merge(run_store, package)
        # From here on the trace records only what the end of the block runs.
        raw.set_trace_callback(lambda statement: statements.append(statement.split("\n")[0]))
    raw.set_trace_callback(None)

    assert statements[0] == "PRAGMA synchronous = FULL"
    assert statements[1] == "BEGIN IMMEDIATE"
    assert any(statement.startswith(("INSERT INTO meta", "UPDATE meta"))
               for statement in statements)
    assert statements[-1] == "COMMIT"
    assert flushed_at(merge_store) is not None


def test_connection_returns_at_full(merge_store: Store) -> None:
    sqlite_only(merge_store)

    with merge_run_store(merge_store) as run_store:
        raw = run_connection(run_store)
        merge_service.merge(run_store, two_packages()[0])

    assert synchronous(raw) == FULL


def test_preview_run_writes_nothing(merge_store: Store) -> None:
    with merge_run_store(merge_store) as run_store:
        preview = merge_service.preview(run_store, two_packages()[0])

    assert preview.counts["new"] == 1
    assert flushed_at(merge_store) is None


def test_failed_run_still_flushes(merge_store: Store) -> None:
    sqlite_only(merge_store)

    with pytest.raises(RuntimeError, match="stopped"):
        with merge_run_store(merge_store) as run_store:
            raw = run_connection(run_store)
            merge_service.merge(run_store, two_packages()[0])
            raise RuntimeError("stopped")

    assert flushed_at(merge_store) is not None
    assert synchronous(raw) == FULL


def test_postgres_run_writes_no_flush_row(merge_store: Store) -> None:
    if merge_store.engine.dialect.name == "sqlite":
        pytest.skip("covers the PostgreSQL path")

    with merge_run_store(merge_store) as run_store:
        results = [merge_service.merge(run_store, package) for package in two_packages()]

    assert [result.outcome for result in results] == ["merged", "merged"]
    assert flushed_at(merge_store) is None
