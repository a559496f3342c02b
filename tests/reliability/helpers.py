"""Snapshots of a data folder's database and a second process that locks it."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import text

from meili_desktop.store.datafolder import Store

# Run by a second Python process: lock the database, report, and hold the lock until stdin
# closes, the way another program in the middle of a long write would.
_HOLDER_SCRIPT = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


def table_rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Return every row of every table, sorted, read through a read-only connection."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(),
                              key=repr)
                for table in tables}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_listing(folder: Path) -> list[str]:
    """Return the relative paths of every file under ``folder``, sorted."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def add_sample_rows(store: Store, marker: str) -> None:
    """Store a reporting unit and an entry whose narrative is ``marker``."""
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT OR IGNORE INTO reporting_units (id, name, kind, town_type, is_provisional, "
            "is_programme_town, created_at) VALUES ('330110102', '塘栖镇', 'township', "
            "'', 0, 1, :now)"), {"now": datetime(2021, 1, 1)})
        connection.execute(text(
            "INSERT INTO entries (unit_id, task_number, period_code, status, value, narrative, "
            "responsible_person, contact, revision, updated_at, updated_by, origin, "
            "review_state, is_received) SELECT '330110102', COALESCE(MAX(task_number), 9) + 1, "
            "'2021Q1', 'done', '85', :narrative, '王芳', '0571-1234', 1, :now, '王芳', 'local', "
            "'pending', 0 FROM entries"), {"narrative": marker, "now": datetime(2021, 3, 1)})


def narratives(database: Path) -> list[str]:
    """Return the narratives of every entry in ``database``, sorted."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as connection:
        return sorted(row[0] for row in connection.execute("SELECT narrative FROM entries"))


@contextmanager
def database_held_exclusively(database: Path) -> Iterator[subprocess.Popen[str]]:
    """Hold ``BEGIN EXCLUSIVE`` on ``database`` in a second process while the block runs."""
    with subprocess.Popen([sys.executable, "-c", _HOLDER_SCRIPT, str(database)],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdin is not None
        assert holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "locked"
            yield holder
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)
