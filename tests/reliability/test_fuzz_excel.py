"""Fuzz the Excel importers with mutated real workbooks.

Seeds: the fill-in template this program exports, the office's task table, a town list and
a targets sheet. Each case edits cells, corrupts one XML part inside the zip, or changes raw
bytes. Every importer must return a reading or raise the project's own error, and every
problem it lists must have a message. The service-level imports must also leave the
database unchanged whenever they reject the file.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.errors import MeiliError
from meili_desktop.messages import known_codes
from meili_desktop.reports.catalogue_xlsx import read_catalogue_xlsx
from meili_desktop.reports.targets_xlsx import read_targets_xlsx
from meili_desktop.reports.template_reading import read_template
from meili_desktop.reports.units_xlsx import read_units_xlsx
from meili_desktop.services.catalogue import import_catalogue_xlsx, load_embedded_catalogue
from meili_desktop.services.templates import import_template
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.units_repo import UnitNotFoundError
from tests.reliability.excel_seeds import (
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
from tests.reliability.helpers import table_rows

CODES = known_codes()
UNITS = {"塘栖镇": "330110102", "330110102": "330110102", "径山镇": "330110105",
         "全市": "330100"}


class Seeds:
    """The seed workbooks and a township data folder, made once per module."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store = open_store(folder / "data")
        self.files = {
            "template": township_template(self.store, folder),
            "task_table": task_table(folder),
            "town_list": town_list(folder),
            "targets": targets_sheet(folder),
        }
        self.catalogue: Catalogue = load_embedded_catalogue()
        self.counter = 0

    def case_path(self) -> Path:
        self.counter += 1
        return self.folder / f"case-{self.counter % 8}.xlsx"


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
@fuzz_settings(share=0.25)
@given(change=mutation)
def test_fuzz_excel_reader(reader: str, change: tuple[str, Any, Any], seeds: Seeds) -> None:
    path = mutated(seeds, reader, change)

    try:
        reading = read_with(reader, seeds, path)
    except MeiliError as error:
        assert error.code in CODES, error.code
        return
    check_problems(reading)


def rejected_leaves_database(seeds: Seeds, run: Any) -> None:
    database = seeds.store.folder.database_file
    before = table_rows(database)
    try:
        with program_warnings():
            result = run()
    except MeiliError as error:
        assert error.code in CODES, error.code
        assert table_rows(database) == before
        return
    check_problems(result)
    stored = getattr(result, "is_applied", getattr(result, "is_stored", True))
    if not stored:
        assert table_rows(database) == before


@fuzz_settings(share=0.1)
@given(change=mutation)
def test_fuzz_import_template(change: tuple[str, Any, Any], seeds: Seeds) -> None:
    path = mutated(seeds, "template", change)
    rejected_leaves_database(seeds, lambda: import_template(seeds.store, path))


@fuzz_settings(share=0.05)
@given(change=mutation)
def test_fuzz_import_catalogue(change: tuple[str, Any, Any], seeds: Seeds) -> None:
    path = mutated(seeds, "task_table", change)
    rejected_leaves_database(seeds, lambda: import_catalogue_xlsx(seeds.store, path))
