"""The migration that records township laptops, on SQLite and PostgreSQL.

It fills in the signing key of every merged package from the package's audit event, and the
laptop of every entry that came from such a package, so merges after the upgrade can tell the
laptops of one township apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from meili_desktop.store.datafolder import DATABASE_FILE_NAME
from meili_desktop.store.engine import make_engine, sqlite_url
from meili_desktop.store.migrate import alembic_config, current_revision

UNIT = "330110102"
KEY_A = "11111 22222 33333 44444 55555 66666 77777 88888"
KEY_B = "99999 88888 77777 66666 55555 44444 33333 22222"
NOW = datetime(2021, 6, 21, 8, 0)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[Engine]:
    """An engine on an empty database, SQLite or PostgreSQL."""
    if request.param == "postgres":
        url = request.getfixturevalue("pg_url")
    else:
        url = sqlite_url(data_dir / DATABASE_FILE_NAME)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


def migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        if down:
            command.downgrade(config, revision)
        else:
            command.upgrade(config, revision)


def add_package(engine: Engine, package_id: str, sequence: int, fingerprint: str | None) -> None:
    """Insert a merged report package at revision 0003, with its audit event when keyed."""
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO imported_packages (package_id, kind, sender_unit_id, sequence, "
            "header_hash, file_name, received_at, state, periods, counts, "
            "is_clock_suspicious) VALUES (:id, 'report', :unit, :sequence, :hash, 'a.mlrp', "
            ":now, 'merged', '[]', '{}', :false)"),
            {"id": package_id, "unit": UNIT, "sequence": sequence, "hash": "h" * 64,
             "now": NOW, "false": False})
        if fingerprint is not None:
            connection.execute(text(
                "INSERT INTO audit_events (at, actor, action, unit_id, package_id, details) "
                "VALUES (:now, :unit, 'package.merged', :unit, :id, :details)"),
                {"now": NOW, "unit": UNIT, "id": package_id,
                 "details": json.dumps({"sequence": sequence, "fingerprint": fingerprint})})


def add_entry(engine: Engine, entry_id: int, task: int, origin: str, revision: int) -> None:
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO entries (id, unit_id, task_number, period_code, status, narrative, "
            "responsible_person, contact, revision, updated_at, updated_by, origin, "
            "review_state, is_received) VALUES (:id, :unit, :task, '2021Q2', 'done', '', '', "
            "'', :revision, :now, '', :origin, 'pending', :false)"),
            {"id": entry_id, "unit": UNIT, "task": task, "revision": revision, "now": NOW,
             "origin": origin, "false": False})


def prepare_0003(engine: Engine) -> None:
    migrate(engine, "0003")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO reporting_units (id, name, kind, town_type, is_provisional, "
            "is_programme_town, created_at) VALUES (:unit, '塘栖镇', 'township', '', :false, "
            ":false, :now)"), {"unit": UNIT, "false": False, "now": NOW})
    add_package(engine, "rep-1", 1, KEY_A)
    add_package(engine, "rep-2", 2, None)
    add_entry(engine, 1, 13, "rep-1", 4)
    add_entry(engine, 2, 19, "rep-2", 1)
    add_entry(engine, 3, 27, "office", 2)


def ledger_keys(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text(
            "SELECT package_id, sender_fingerprint FROM imported_packages")).all())


def entry_sources(engine: Engine) -> dict[int, tuple[str | None, object]]:
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT id, source_fingerprint, laptop_versions FROM entries")).all()
    return {row[0]: (row[1], json.loads(row[2]) if isinstance(row[2], str) else row[2])
            for row in rows}


def test_upgrade_fills_package_keys(engine: Engine) -> None:
    prepare_0003(engine)

    migrate(engine, "head")

    assert current_revision(engine) == "0004"
    assert ledger_keys(engine) == {"rep-1": KEY_A, "rep-2": ""}


def test_upgrade_fills_entry_laptops(engine: Engine) -> None:
    prepare_0003(engine)

    migrate(engine, "head")

    sources = entry_sources(engine)
    assert sources[1] == (KEY_A, {KEY_A: {"revision": 4, "matches": True}})
    assert sources[2] == (None, None)
    assert sources[3] == (None, None)


def test_sequence_unique_per_key(engine: Engine) -> None:
    prepare_0003(engine)
    migrate(engine, "head")
    insert = text(
        "INSERT INTO imported_packages (package_id, kind, sender_unit_id, sender_fingerprint, "
        "sequence, header_hash, file_name, received_at, state, periods, counts, "
        "is_clock_suspicious) VALUES (:id, 'report', :unit, :key, 1, :hash, 'b.mlrp', :now, "
        "'merged', '[]', '{}', :false)")
    values = {"unit": UNIT, "hash": "g" * 64, "now": NOW, "false": False}

    with engine.begin() as connection:
        connection.execute(insert, {**values, "id": "rep-b1", "key": KEY_B})
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert, {**values, "id": "rep-a1", "key": KEY_A})

    assert ledger_keys(engine)["rep-b1"] == KEY_B


def test_downgrade_refuses_shared_sequence(engine: Engine) -> None:
    prepare_0003(engine)
    migrate(engine, "head")
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE imported_packages SET sender_fingerprint = :key WHERE package_id = 'rep-2'"),
            {"key": KEY_B})
        connection.execute(text(
            "UPDATE imported_packages SET sequence = 1 WHERE package_id = 'rep-2'"))

    with pytest.raises(RuntimeError, match="cannot downgrade"):
        migrate(engine, "0003", down=True)

    assert current_revision(engine) == "0004"


def test_downgrade_keeps_packages(engine: Engine) -> None:
    prepare_0003(engine)
    migrate(engine, "head")

    migrate(engine, "0003", down=True)

    assert current_revision(engine) == "0003"
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM imported_packages")).scalar()
    assert count == 2
