"""Formulas in the key columns of every Excel import: town lists, targets, tables, templates.

A key column identifies the row (a town code, a task number, a period). A formula there
is rejected with the cell named, whether or not the file carries the formula's last result.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.catalogue_document import parse_catalogue_json
from meili_desktop.messages.reports import describe_problem
from meili_desktop.paths import resource_path
from meili_desktop.reports.catalogue_xlsx import read_catalogue_xlsx
from meili_desktop.reports.units_xlsx import read_units_xlsx
from meili_desktop.services import targets
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.services.unit_roster import import_units
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import PERIOD, TOWN_A
from tests.reports.workbooks import clean_notice_table

KEY_FORMULA = "excel.key_formula"


def units_list(path: Path, code: object) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "乡镇名单"
    sheet.append(["序号", "县（市、区）", "乡镇", "统计用区划代码", "类型"])
    sheet.append([1, "余杭区", "五常街道", 330110005, "样板镇"])
    sheet.append([2, "临平区", "新塘栖镇", code, "样板镇"])
    workbook.save(path)
    return path


def with_cached_result(path: Path, cell: str, result: str) -> Path:
    """Give a formula cell the result Excel would save with it, by editing the sheet's XML."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    start = sheet.index(f'<c r="{cell}"')
    end = sheet.index("</c>", start)
    formula = sheet[sheet.index("<f>", start):sheet.index("</f>", start) + 4]
    sheet = sheet[:start] + f'<c r="{cell}" t="str">{formula}<v>{result}</v>' + sheet[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def unit_count(store: Store) -> int:
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(models.ReportingUnit)) or 0


def test_unit_code_formula_named(tmp_path: Path) -> None:
    path = units_list(tmp_path / "名单.xlsx", '="330110199"')

    reading = read_units_xlsx(path)

    assert [row.name for row in reading.rows] == ["五常街道"]
    assert [(problem.cell, problem.code, problem.value) for problem in reading.problems] == [
        ("D3", KEY_FORMULA, '="330110199"')]


def test_cached_formula_still_rejected(tmp_path: Path) -> None:
    path = with_cached_result(units_list(tmp_path / "名单.xlsx", "=LEFT(\"330110199000\",9)"),
                              "D3", "330110199")

    reading = read_units_xlsx(path)

    assert load_workbook(path, data_only=True).active["D3"].value == "330110199"
    assert [(problem.cell, problem.code) for problem in reading.problems] == [
        ("D3", KEY_FORMULA)]


def test_unit_formula_stores_nothing(office_store: Store, tmp_path: Path) -> None:
    path = units_list(tmp_path / "名单.xlsx", '="330110199"')
    before = unit_count(office_store)

    result = import_units(office_store, path)

    assert not result.is_applied
    assert unit_count(office_store) == before
    message = describe_problem(result.problems[0].code, result.problems[0].message_details())
    assert "D3" in message
    assert '="330110199"' in message


def test_target_task_formula_rejected(office_store: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["编号", "单位", "年度", "目标值"])
    sheet.append(["=5+5", TOWN_A, 2021, 4])
    sheet.append([10, TOWN_A, "=2020+1", 4])
    sheet.append([10, TOWN_A, 2021, "=2*2"])
    path = tmp_path / "目标.xlsx"
    workbook.save(path)

    result = targets.import_targets(office_store, path)

    assert not result.is_applied
    # The value column is no key, but its formula has no saved result to read.
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("A2", KEY_FORMULA), ("C3", KEY_FORMULA), ("D4", "template.formula_without_value")]


@pytest.fixture(scope="module")
def base() -> Catalogue:
    return parse_catalogue_json(resource_path("catalogue", "catalogue-2020.json").read_bytes())


def test_task_number_formula_rejected(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()

    def number_as_formula(sheet: object, row_of: dict[int, int]) -> None:
        sheet.cell(row_of[5], 2, "=4+1")  # type: ignore[attr-defined]

    table.extra = number_as_formula
    path = table.save(tmp_path / "分解表.xlsx")

    reading = read_catalogue_xlsx(path, base, "2020.2")

    formula_problems = [problem for problem in reading.problems
                        if problem.code == "catalogue_xlsx.formula_number"]
    assert len(formula_problems) == 1
    assert formula_problems[0].value == "=4+1"
    assert formula_problems[0].cell.startswith("B")
    assert 5 not in {task.number for task in reading.catalogue.tasks}


def test_template_number_formula_rejected(office_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    export_template(office_store, path, TOWN_A, PERIOD)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet["A4"] = "=9+1"
    sheet["I4"] = 3
    workbook.save(path)

    result = import_template(office_store, path, dry_run=True)

    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("A4", KEY_FORMULA)]
