"""Adversarial cases on the Excel template import: stale templates, formulas, merges, bombs.

A provisional township fills its entries through the command line, exports its fill-in
template, and a colleague edits the workbook with openpyxl as Excel or WPS would save it.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from meili_desktop.cli import main

VALUE_COLUMN = 9
PERIOD = "2021Q2"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def township(capsys: pytest.CaptureFixture[str], data_dir: Path) -> Path:
    status, output = run(capsys, data_dir, "init", "township", "--provisional", "--county",
                         "临平区", "--town", "塘栖镇")
    assert status == 0, output
    return data_dir


def set_value(capsys: pytest.CaptureFixture[str], township: Path, task: int, value: str) -> None:
    status, output = run(capsys, township, "entry", "set", "--task", str(task), "--period",
                         PERIOD, "--value", value)
    assert status == 0, output


def stored_values(capsys: pytest.CaptureFixture[str], township: Path) -> dict[int, str]:
    status, output = run(capsys, township, "entry", "list", "--period", PERIOD, "--json")
    assert status == 0, output
    return {item["task"]: item["value"] for item in json.loads(output)["entries"]}


def template(capsys: pytest.CaptureFixture[str], township: Path, path: Path) -> Path:
    status, output = run(capsys, township, "template", "--unit", "塘栖镇", "--period", PERIOD,
                         "-o", str(path))
    assert status == 0, output
    return path


def row_of(sheet: openpyxl.worksheet.worksheet.Worksheet, task: int) -> int:
    for row in range(1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == task:
            return row
    raise AssertionError(f"task {task} is not in the template")


def test_old_template_keeps_newer_entry(
        capsys: pytest.CaptureFixture[str], township: Path, tmp_path: Path) -> None:
    set_value(capsys, township, 15, "40")
    path = template(capsys, township, tmp_path / "template.xlsx")
    set_value(capsys, township, 15, "77")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.cell(row_of(sheet, 16), VALUE_COLUMN).value = 33
    workbook.save(path)

    run(capsys, township, "import-excel", str(path))

    assert stored_values(capsys, township)[15] == "77"


def test_formula_cell_not_silently_dropped(
        capsys: pytest.CaptureFixture[str], township: Path, tmp_path: Path) -> None:
    path = template(capsys, township, tmp_path / "template.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet.cell(row_of(sheet, 17), VALUE_COLUMN).value = "=50+35"
    workbook.save(path)

    status, _output = run(capsys, township, "import-excel", str(path))

    assert status != 0 or stored_values(capsys, township).get(17) == "85"


def test_merged_value_cell_fills_one_task(
        capsys: pytest.CaptureFixture[str], township: Path, tmp_path: Path) -> None:
    path = template(capsys, township, tmp_path / "template.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    row = row_of(sheet, 18)
    sheet.cell(row, VALUE_COLUMN).value = 60
    sheet.merge_cells(start_row=row, start_column=VALUE_COLUMN, end_row=row + 2,
                      end_column=VALUE_COLUMN)
    workbook.save(path)

    run(capsys, township, "import-excel", str(path))

    stored = stored_values(capsys, township)
    assert 19 not in stored
    assert 20 not in stored


def test_zip_bomb_message_states_limit(
        capsys: pytest.CaptureFixture[str], township: Path, tmp_path: Path) -> None:
    path = template(capsys, township, tmp_path / "template.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                head, tail = data.split(b"<sheetData>", 1)
                with out.open(name, "w", force_zip64=True) as part:
                    part.write(head + b"<sheetData>")
                    for _ in range(210):
                        part.write(b" " * (1 << 20))
                    part.write(tail)
            else:
                out.writestr(name, data)
    assert bomb.stat().st_size < 2 * 1024 * 1024

    status, output = run(capsys, township, "import-excel", str(bomb))

    assert status != 0
    assert "20 MB" not in output
