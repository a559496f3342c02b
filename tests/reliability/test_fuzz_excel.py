"""Fuzz the Excel importers with mutated real workbooks.

Seeds: the fill-in template this program exports, the office's task table, a town list and
a targets sheet. Each case edits cells, corrupts one XML part inside the zip, or changes raw
bytes. Every importer must return a reading or raise the project's own error, and every
problem it lists must have a message. The service-level imports must also commit nothing
to the database and make no backup whenever they reject the file.
"""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, event, given
from hypothesis import strategies as st
from sqlalchemy import text

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.errors import MeiliError
from meili_desktop.messages import known_codes
from meili_desktop.reports.catalogue_xlsx import read_catalogue_xlsx
from meili_desktop.reports.targets_xlsx import read_targets_xlsx
from meili_desktop.reports.template_reading import read_template
from meili_desktop.reports.units_xlsx import read_units_xlsx
from meili_desktop.services.catalogue import import_catalogue_xlsx, load_embedded_catalogue
from meili_desktop.services.templates import import_template
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.units_repo import UnitNotFoundError
from tests.reliability.excel_seeds import (
    SeedWorkbook,
    byte_edits,
    cell_edits,
    corrupt_bytes,
    corrupt_part,
    edit_cells,
    sheet_actions,
    targets_sheet,
    task_table,
    town_list,
    township_template,
)
from tests.reliability.fuzzing import fuzz_settings

CODES = known_codes()
UNITS = {"塘栖镇": "330110102", "330110102": "330110102", "径山镇": "330110105",
         "全市": "330100"}


class Seeds:
    """The seed workbooks and a township data folder, made once per module."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_store(folder / "data")
        self.files = {
            "template": SeedWorkbook.read(township_template(self.store, folder)),
            "task_table": SeedWorkbook.read(task_table(folder)),
            "town_list": SeedWorkbook.read(town_list(folder)),
            "targets": SeedWorkbook.read(targets_sheet(folder)),
        }
        self.catalogue: Catalogue = load_embedded_catalogue()
        self.counter = 0

    def case_path(self) -> Path:
        self.counter += 1
        return self.folder / f"case-{self.counter % 8}.xlsx"


class CommitWatch:
    """Detects commits to a store's database by any other connection.

    SQLite changes ``PRAGMA data_version`` on a connection when another connection has
    committed a change since the last read of it (https://sqlite.org/pragma.html). The test
    below checks that this holds for the store's WAL database. One query replaces reading
    every table before and after each case.
    """

    def __init__(self, store: Store) -> None:
        uri = f"{store.folder.database_file.resolve().as_uri()}?mode=ro"
        self.connection = sqlite3.connect(uri, uri=True, isolation_level=None)
        self.version = self._read()

    def _read(self) -> int:
        row = self.connection.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def has_commits(self) -> bool:
        """Return whether a commit happened since the last call (or since the start)."""
        version = self._read()
        changed = version != self.version
        self.version = version
        return changed


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Seeds]:
    made = Seeds(tmp_path_factory.mktemp("excel-seeds"))
    yield made
    made.store.dispose()


mutation = st.one_of(
    st.tuples(st.just("cells"), cell_edits, sheet_actions),
    st.tuples(st.just("part"), st.integers(0, 50), byte_edits),
    st.tuples(st.just("bytes"), byte_edits, st.just([])),
)


def mutated(seeds: Seeds, seed_name: str, change: tuple[str, Any, Any]) -> Path:
    seed = seeds.files[seed_name]
    target = seeds.case_path()
    kind, first, second = change
    event(f"mutation: {kind}")
    if kind == "cells":
        assume(edit_cells(seed, target, first, second))
    elif kind == "part":
        corrupt_part(seed, target, first, second)
    else:
        corrupt_bytes(seed, target, first)
    return target


@contextmanager
def program_warnings() -> Iterator[None]:
    """Let openpyxl's warnings pass as they do in the program.

    openpyxl warns about some damaged parts and reads on; the test settings turn warnings
    into errors, which the program does not do.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        yield


def resolve_unit(text: str) -> str:
    if text in UNITS:
        return UNITS[text]
    raise UnitNotFoundError(name=text)


def read_with(reader: str, seeds: Seeds, path: Path) -> Any:
    with program_warnings():
        return _read(reader, seeds, path)


def _read(reader: str, seeds: Seeds, path: Path) -> Any:
    if reader == "template":
        return read_template(path)
    if reader == "task_table":
        return read_catalogue_xlsx(path, seeds.catalogue, "2020.9")
    if reader == "town_list":
        return read_units_xlsx(path)
    return read_targets_xlsx(path, seeds.catalogue, resolve_unit)


def check_problems(reading: Any) -> None:
    for problem in getattr(reading, "problems", ()):
        assert problem.code in CODES, problem.code


@pytest.mark.parametrize("reader", ["template", "task_table", "town_list", "targets"])
@fuzz_settings()
@given(change=mutation)
def test_fuzz_excel_reader(reader: str, change: tuple[str, Any, Any], seeds: Seeds) -> None:
    path = mutated(seeds, reader, change)

    try:
        reading = read_with(reader, seeds, path)
    except MeiliError as error:
        assert error.code in CODES, error.code
        event(f"rejected: {error.code}")
        return
    check_problems(reading)
    event("read")


def backup_names(store: Store) -> set[str]:
    folder = store.folder.backups_dir
    return {path.name for path in folder.iterdir()} if folder.is_dir() else set()


def rejected_leaves_database(seeds: Seeds, watch: CommitWatch, run: Any) -> None:
    """Run an import; when it rejects the file, check it committed nothing and backed up
    nothing."""
    backups = backup_names(seeds.store)
    watch.has_commits()
    try:
        with program_warnings():
            result = run()
    except MeiliError as error:
        assert error.code in CODES, error.code
        assert not watch.has_commits(), f"{error.code} after a commit"
        assert backup_names(seeds.store) == backups
        event(f"rejected: {error.code}")
        return
    check_problems(result)
    stored = getattr(result, "is_applied", getattr(result, "is_imported", True))
    if not stored:
        assert not watch.has_commits(), "a rejected file was committed"
        assert backup_names(seeds.store) == backups
    event("stored" if stored else "problems listed, nothing stored")


@pytest.fixture(scope="module")
def commit_watch(seeds: Seeds) -> Iterator[CommitWatch]:
    watch = CommitWatch(seeds.store)
    with closing(watch.connection):
        yield watch


def test_commit_watch_sees_commit(seeds: Seeds, commit_watch: CommitWatch) -> None:
    commit_watch.has_commits()
    with seeds.store.engine.begin() as connection:
        connection.execute(text("SELECT COUNT(*) FROM entries"))
    assert not commit_watch.has_commits()

    with seeds.store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE fuzz_watch_probe (id INTEGER)"))
        connection.execute(text("DROP TABLE fuzz_watch_probe"))
    assert commit_watch.has_commits()


@fuzz_settings()
@given(change=mutation)
def test_fuzz_import_template(change: tuple[str, Any, Any], seeds: Seeds,
                              commit_watch: CommitWatch) -> None:
    path = mutated(seeds, "template", change)
    rejected_leaves_database(seeds, commit_watch, lambda: import_template(seeds.store, path))


@fuzz_settings()
@given(change=mutation, accept_problems=st.booleans())
def test_fuzz_import_catalogue(change: tuple[str, Any, Any], accept_problems: bool,
                               seeds: Seeds, commit_watch: CommitWatch) -> None:
    # The unchanged task table has two problems, so without accept_problems no case would
    # reach the step that stores the catalogue.
    path = mutated(seeds, "task_table", change)
    rejected_leaves_database(seeds, commit_watch, lambda: import_catalogue_xlsx(
        seeds.store, path, accept_problems=accept_problems))
