"""Task numbers too large for the database's INTEGER columns, in a task table or a catalogue.

The long fuzz run found a task table whose 编号 cell held 9.223372036854776e+18: accepting
its problems stored the task and SQLite raised ``OverflowError``. PostgreSQL keeps INTEGER
in 32 bits, so a number above 2,147,483,647 is now a problem of its row, and a catalogue
document with one is rejected.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.domain.catalogue_document import CatalogueDocumentError, parse_catalogue_json
from meili_desktop.domain.merge_records import MAX_STORED_INTEGER
from meili_desktop.paths import resource_path
from meili_desktop.services.catalogue import (
    active_catalogue,
    import_catalogue_xlsx,
    load_embedded_catalogue,
)
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import open_office_store
from tests.reports.workbooks import clean_notice_table

TOO_LARGE = {41: 9.223372036854776e18, 42: "99999999999", 43: MAX_STORED_INTEGER + 1}


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    yield store
    store.dispose()


def table_with_numbers(path: Path, numbers: dict[int, object]) -> Path:
    table = clean_notice_table()
    for row in table.rows:
        row.number = numbers.get(row.number, row.number)
    return table.save(path)


def test_large_numbers_are_row_problems(office: Store, tmp_path: Path) -> None:
    path = table_with_numbers(tmp_path / "任务.xlsx", {**TOO_LARGE, 40: MAX_STORED_INTEGER})

    result = import_catalogue_xlsx(office, path, dry_run=True)

    assert [problem.code for problem in result.problems] == \
        ["catalogue_xlsx.number_too_large"] * 3
    assert [problem.value for problem in result.problems] == [
        "9223372036854775808", "99999999999", str(MAX_STORED_INTEGER + 1)]
    assert result.new_task_numbers == (MAX_STORED_INTEGER,)


def test_accepted_import_leaves_rows_out(office: Store, tmp_path: Path) -> None:
    path = table_with_numbers(tmp_path / "任务.xlsx", TOO_LARGE)

    result = import_catalogue_xlsx(office, path, accept_problems=True)

    assert result.is_imported
    stored = active_catalogue(office)
    assert [task.number for task in stored.tasks] == list(range(1, 41))


@pytest.mark.parametrize("number", [MAX_STORED_INTEGER + 1, 2**63])
def test_catalogue_document_rejects_large_number(number: int) -> None:
    document = json.loads(resource_path("catalogue", "catalogue-2020.json")
                          .read_text(encoding="utf-8"))
    document["tasks"][0]["number"] = number

    with pytest.raises(CatalogueDocumentError) as raised:
        parse_catalogue_json(json.dumps(document, ensure_ascii=False).encode("utf-8"))

    assert raised.value.code == "catalogue.document.bad_value"
    assert raised.value.details["field"] == "tasks[0].number"


def test_embedded_catalogue_still_reads() -> None:
    assert len(load_embedded_catalogue().tasks) == 43
