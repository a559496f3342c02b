"""Schema migrations: upgrades keep data and leave a backup; newer databases stay untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from meili_desktop.store.datafolder import DATABASE_FILE_NAME, open_store
from meili_desktop.store.engine import make_engine, sqlite_url
from meili_desktop.store.migrate import (
    DatabaseTooNewError,
    DatabaseUnreadableError,
    alembic_config,
    current_revision,
    head_revision,
)


def all_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def create_at_revision(url: str, revision: str) -> None:
    engine = make_engine(url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def insert_sample_meta(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO meta (key, value) VALUES ('role', 'township')"))
        connection.execute(text(
            "INSERT INTO reporting_units (id, name, kind, town_type, is_provisional, "
            "is_programme_town, created_at) VALUES ('330110102', '塘栖镇', 'township', '', "
            ":false, :false, :now)"), {"false": False, "now": datetime(2021, 1, 1)})
    engine.dispose()


def test_single_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1


@pytest.mark.parametrize("revision", all_revisions())
def test_upgrade_from_each_revision_keeps_data(data_dir: Path, revision: str) -> None:
    db_file = data_dir / DATABASE_FILE_NAME
    create_at_revision(sqlite_url(db_file), revision)
    insert_sample_meta(sqlite_url(db_file))

    store = open_store(data_dir)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.engine.connect() as connection:
            role = connection.execute(text("SELECT value FROM meta WHERE key = 'role'")).scalar()
            town = connection.execute(text(
                "SELECT name FROM reporting_units WHERE id = '330110102'")).scalar()
        assert role == "township"
        assert town == "塘栖镇"
    finally:
        store.dispose()

    backups = list((data_dir / "backups").glob("pre-migration-*.sqlite3"))
    if revision != head_revision():
        assert len(backups) == 1
        with sqlite3.connect(backups[0]) as backup:
            assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (
                revision,)
    else:
        assert backups == []


def test_newer_database_refused_untouched(data_dir: Path) -> None:
    store = open_store(data_dir)
    store.dispose()
    db_file = data_dir / DATABASE_FILE_NAME
    with sqlite3.connect(db_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    digest_before = hashlib.sha256(db_file.read_bytes()).hexdigest()

    with pytest.raises(DatabaseTooNewError) as raised:
        open_store(data_dir)

    assert raised.value.details["revision"] == "9999_future"
    assert hashlib.sha256(db_file.read_bytes()).hexdigest() == digest_before
    assert list((data_dir / "backups").iterdir()) == []


def test_not_a_database_refused(data_dir: Path) -> None:
    db_file = data_dir / DATABASE_FILE_NAME
    db_file.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 20)
    content_before = db_file.read_bytes()

    with pytest.raises(DatabaseUnreadableError):
        open_store(data_dir)

    assert db_file.read_bytes() == content_before


def test_sqlite_pragmas(data_dir: Path) -> None:
    store = open_store(data_dir)
    try:
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.dispose()


@pytest.mark.postgres
def test_postgres_upgrade_and_refuse_newer(pg_url: str, tmp_path: Path) -> None:
    store = open_store(tmp_path / "pg-folder", pg_url)
    try:
        assert current_revision(store.engine) == head_revision()
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    finally:
        store.dispose()
    with pytest.raises(DatabaseTooNewError):
        open_store(tmp_path / "pg-folder", pg_url)
