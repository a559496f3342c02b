"""Workbooks just under the general row cap: templates and town lists stop early, lists stay short.

A template lists one period's tasks, and a town list one row per town, so a sheet with far
more rows is rejected while its XML is scanned. Every import report lists at most
:data:`MAX_LISTED_PROBLEMS` problems and counts the rest in one line.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from meili_desktop.cli import main
from meili_desktop.messages.reports import MAX_LISTED_PROBLEMS, problems_to_list
from meili_desktop.reports.template_reading import TemplateRejectedError
from meili_desktop.reports.xlsx_reading import ExcelUnreadableError
from meili_desktop.services.templates import import_template
from meili_desktop.services.unit_roster import import_units
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability import hostile_workbooks
from tests.reliability.excel_seeds import township_template
from tests.reliability.helpers import table_rows
from tests.reports.report_support import open_office_store

LONG_SHEET_ROWS = 190_000


def with_rows_below(seed: Path, target: Path, count: int) -> Path:
    """Add ``count`` rows below the table, each with one text cell in the narrative column."""
    rows = "".join(f'<row r="{row}"><c r="J{row}" t="inlineStr"><is><t>x</t></is></c></row>'
                   for row in range(100, 100 + count))

    def add(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(name, data.replace(b"</sheetData>", rows.encode() + b"</sheetData>", 1)
                 if name == hostile_workbooks.SHEET_PART else data) for name, data in members]

    return hostile_workbooks.rewrite(seed, target, add)


@pytest.fixture
def township(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "township")
    yield store
    store.dispose()


def test_long_template_rejected_early(township: Store, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    seed = township_template(township, tmp_path)
    path = with_rows_below(seed, tmp_path / "长模板.xlsx", LONG_SHEET_ROWS)
    rows = table_rows(township.folder.database_file)
    capsys.readouterr()

    started = time.perf_counter()
    status = main(["--data-dir", str(township.folder.root), "import-excel", "--dry-run",
                   str(path)])
    elapsed_s = time.perf_counter() - started
    output = capsys.readouterr()

    assert status != 0
    # Loading the whole sheet took 22 s and 420 MB on the 2-core test machine.
    assert elapsed_s < 8, elapsed_s
    assert len(output.err.splitlines()) == 1, output.err[:2000]
    assert "J100" in output.err
    assert table_rows(township.folder.database_file) == rows


def test_template_row_cap_follows_tasks(township: Store, tmp_path: Path) -> None:
    seed = township_template(township, tmp_path)
    # The template's 34 township tasks end at row 37, and 50 spare rows may follow.
    within = hostile_workbooks.far_cell(seed, tmp_path / "备注.xlsx", "J87")
    beyond = hostile_workbooks.far_cell(seed, tmp_path / "远.xlsx", "J88")

    assert import_template(township, within, dry_run=True).problems == ()
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(township, beyond, dry_run=True)
    assert raised.value.code == "template.too_many_rows"
    assert raised.value.details["cell"] == "J88"
    assert raised.value.details["tasks"] == 34
    assert raised.value.details["last_task_row"] == 37
    assert raised.value.details["limit"] == 87


def town_list(path: Path, rows: int, code: str) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["序号", "县(市、区)", "乡镇", "统计用区划代码", "类型"])
    for number in range(1, rows + 1):
        sheet.append([number, "余杭区", f"新{number}镇", code, "达标镇"])
    workbook.save(path)
    return path


def test_long_town_list_rejected(tmp_path: Path) -> None:
    store = open_office_store(tmp_path / "office")
    path = town_list(tmp_path / "名单.xlsx", 10_000, "")

    try:
        with pytest.raises(ExcelUnreadableError) as raised:
            import_units(store, path, dry_run=True)
    finally:
        store.dispose()
    assert raised.value.code == "excel.too_many_rows"


def test_problem_list_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_office_store(tmp_path / "office")
    store.dispose()
    path = town_list(tmp_path / "名单.xlsx", 300, "12345")
    capsys.readouterr()

    status = main(["--data-dir", str(tmp_path / "office"), "units", "import", "--dry-run",
                   str(path)])
    lines = capsys.readouterr().err.splitlines()

    assert status != 0
    # A heading, the listed problems and the line that counts the rest.
    assert len(lines) == 1 + MAX_LISTED_PROBLEMS + 1
    assert "300" in lines[0]
    assert "100" in lines[-1]
    assert "D201" in lines[-2]


def test_short_problem_list_whole() -> None:
    listed, rest = problems_to_list(list(range(MAX_LISTED_PROBLEMS)))

    assert len(listed) == MAX_LISTED_PROBLEMS
    assert rest == ""
