"""Every older data folder upgrades to the current schema with its rows kept and a backup made.

The databases under ``tests/fixtures/schema`` were written at each schema revision by
``tests/fixtures/make_schema_fixtures.py`` and are committed, so an upgrade is always tested
against a file an older release wrote, not one rebuilt by today's code.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.store import models
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, open_store
from meili_desktop.store.meta_repo import INSTALLATION_KEY
from meili_desktop.store.migrate import DatabaseTooNewError, current_revision, head_revision
from tests.fixtures.make_schema_fixtures import SCHEMA_DIR, revisions_oldest_first
from tests.reliability.helpers import file_digest, folder_listing

Rows = dict[str, list[dict[str, object]]]


def fixture_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.sqlite3"))


def rows_by_column(database: Path) -> Rows:
    """Return every table's rows as dicts of column name to value."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        connection.row_factory = sqlite3.Row
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {table: [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
                for table in tables}


def projected(rows: list[dict[str, object]], columns: set[str]) -> list[dict[str, object]]:
    return sorted(({name: row[name] for name in columns} for row in rows), key=repr)


def copy_into_data_folder(fixture: Path, data_dir: Path) -> Path:
    database = data_dir / DATABASE_FILE_NAME
    shutil.copyfile(fixture, database)
    return database


def test_fixture_for_every_revision() -> None:
    expected = {f"{revision}.sqlite3" for revision in revisions_oldest_first()}
    present = {path.name for path in fixture_files()}

    assert present == expected, (
        "run .venv/bin/python tests/fixtures/make_schema_fixtures.py and commit the new file")


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda path: path.stem)
def test_upgrade_keeps_every_row(fixture: Path, data_dir: Path) -> None:
    database = copy_into_data_folder(fixture, data_dir)
    before = rows_by_column(database)

    store = open_store(data_dir)
    try:
        assert current_revision(store.engine) == head_revision()
    finally:
        store.dispose()
    after = rows_by_column(database)

    for table, rows in before.items():
        assert table in after, f"table {table} was dropped"
        old_columns = set(rows[0]) if rows else set()
        kept = after[table]
        if table == "meta":
            # Opening gives a database without an installation id its own.
            kept = [row for row in kept if row["key"] != INSTALLATION_KEY]
        assert projected(kept, old_columns) == projected(rows, old_columns), table


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda path: path.stem)
def test_upgrade_leaves_backup(fixture: Path, data_dir: Path) -> None:
    database = copy_into_data_folder(fixture, data_dir)
    before = rows_by_column(database)

    store = open_store(data_dir)
    store.dispose()
    backups = sorted((data_dir / "backups").glob("*.sqlite3"))

    if fixture.stem == head_revision():
        assert backups == []
        return
    assert [path.name.startswith(f"pre-migration-{fixture.stem}-") for path in backups] == [True]
    assert rows_by_column(backups[0]) == before
    with closing(sqlite3.connect(backups[0])) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            fixture.stem,)


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda path: path.stem)
def test_upgraded_database_is_sound(fixture: Path, data_dir: Path) -> None:
    database = copy_into_data_folder(fixture, data_dir)

    store = open_store(data_dir)
    try:
        with store.session_factory() as session:
            entries = session.scalars(select(models.Entry).order_by(models.Entry.id)).all()
            narratives = [entry.narrative for entry in entries]
            photo_names = sorted(link.display_name for entry in entries
                                 for link in entry.attachments)
            leads = session.scalars(select(models.TaskLeadUnit)).all()
    finally:
        store.dispose()

    assert narratives[:2] == ["污水管网改造全部完成", "沿街立面改造已完成 7 处，剩余 5 处施工中"]
    assert photo_names == ["污水处理台账.xls", "立面改造现场照片.jpg"]
    assert len(leads) == 3
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_newer_data_folder_refused_untouched(data_dir: Path) -> None:
    database = copy_into_data_folder(SCHEMA_DIR / f"{head_revision()}.sqlite3", data_dir)
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_2030'")
    (data_dir / "attachments").mkdir()
    (data_dir / "attachments" / "kept.bin").write_bytes(b"evidence")
    digest = file_digest(database)
    listing = folder_listing(data_dir)

    with pytest.raises(DatabaseTooNewError) as raised:
        open_store(data_dir)

    assert raised.value.details["revision"] == "ffff_from_2030"
    assert file_digest(database) == digest
    assert folder_listing(data_dir) == listing
