"""The schema check without Alembic: it recognises an up-to-date database and nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from meili_desktop.paths import alembic_script_path
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, open_store
from meili_desktop.store.engine import make_engine, sqlite_url
from meili_desktop.store.migrate import current_revision, head_revision
from meili_desktop.store.schema_check import is_at_scripts_head, scripts_head
from tests.store.test_migrations import all_revisions, create_at_revision

VERSIONS = alembic_script_path() / "versions"
ROOT = Path(__file__).resolve().parents[2]


def write_script(folder: Path, name: str, revision: str, down_revision: str | None) -> None:
    down = "None" if down_revision is None else f'"{down_revision}"'
    (folder / name).write_text(
        f'"""A migration."""\n\nrevision = "{revision}"\ndown_revision = {down}\n'
        "branch_labels = None\n\n\ndef upgrade() -> None:\n    pass\n", encoding="utf-8")


def test_scripts_head_is_alembics_head() -> None:
    assert scripts_head(VERSIONS) == head_revision()


def test_scripts_head_of_a_chain(tmp_path: Path) -> None:
    write_script(tmp_path, "0002_b.py", "0002", "0001")
    write_script(tmp_path, "0001_a.py", "0001", None)
    write_script(tmp_path, "0003_c.py", "0003", "0002")
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")

    assert scripts_head(tmp_path) == "0003"


def test_two_heads_are_unknown(tmp_path: Path) -> None:
    write_script(tmp_path, "0001_a.py", "0001", None)
    write_script(tmp_path, "0002_b.py", "0002", "0001")
    write_script(tmp_path, "0002_c.py", "0003", "0001")

    assert scripts_head(tmp_path) is None


def test_unusual_script_is_unknown(tmp_path: Path) -> None:
    write_script(tmp_path, "0001_a.py", "0001", None)
    (tmp_path / "0002_b.py").write_text(
        'revision = make_id()\ndown_revision = "0001"\n', encoding="utf-8")

    assert scripts_head(tmp_path) is None


def test_merge_script_is_unknown(tmp_path: Path) -> None:
    write_script(tmp_path, "0001_a.py", "0001", None)
    (tmp_path / "0002_b.py").write_text(
        'revision = "0002"\ndown_revision = ("0001", "0009")\n', encoding="utf-8")

    assert scripts_head(tmp_path) is None


def test_new_database_is_at_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    try:
        assert is_at_scripts_head(store.engine, VERSIONS)
    finally:
        store.dispose()


def test_empty_database_is_not_at_head(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "empty.sqlite3"))
    try:
        assert not is_at_scripts_head(engine, VERSIONS)
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", all_revisions()[:-1])
def test_older_database_is_upgraded(tmp_path: Path, revision: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    url = sqlite_url(data_dir / DATABASE_FILE_NAME)
    create_at_revision(url, revision)
    engine = make_engine(url)
    try:
        assert not is_at_scripts_head(engine, VERSIONS)
    finally:
        engine.dispose()

    store = open_store(data_dir)
    try:
        assert current_revision(store.engine) == head_revision()
        assert store.migration_backup is not None
    finally:
        store.dispose()


def test_two_stored_revisions_are_not_at_head(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    try:
        with store.engine.begin() as connection:
            connection.execute(text("INSERT INTO alembic_version (version_num) VALUES ('x')"))
        assert not is_at_scripts_head(store.engine, VERSIONS)
    finally:
        store.dispose()


def test_up_to_date_folder_opens_without_alembic(tmp_path: Path) -> None:
    open_store(tmp_path / "data").dispose()
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from meili_desktop.store.datafolder import open_store\n"
        "open_store(Path(sys.argv[1])).dispose()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n")

    completed = subprocess.run([sys.executable, "-c", program, str(tmp_path / "data")],
                               cwd=ROOT, capture_output=True, text=True, timeout=120,
                               check=True)

    assert completed.stdout.strip() == "[]"
