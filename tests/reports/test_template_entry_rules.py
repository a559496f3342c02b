"""The Excel template import follows the same entry rules as the window and ``entry set``.

Each case fills a real template exported from a township's data folder, saves it with
openpyxl and imports it. The other ways of entering data run through the command line and
the window's entry editor on the same kind of data folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.messages import describe
from meili_desktop.messages.reports import describe_problem
from meili_desktop.reports.template_reading import TemplateRejectedError
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import load_entry, period_entries
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.services.identity import Role
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import PERIOD, TOWN_A, open_office_store

COUNT_TASK = 10  # counted in 个, on row 4
COUNT_ROW = 4
LAST_TASK_ROW = 37  # the template lists the 34 township tasks 10 to 43


@pytest.fixture
def township(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "township", Role.TOWNSHIP, TOWN_A)
    yield store
    store.dispose()


@pytest.fixture
def template(township: Store, tmp_path: Path) -> Path:
    path = tmp_path / "模板.xlsx"
    export_template(township, path, TOWN_A, PERIOD)
    return path


def fill(path: Path, cells: dict[str, object], target: Path) -> Path:
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    workbook.save(target)
    return target


def by_excel(store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": 5}, tmp_path / "filled.xlsx")
    result = import_template(store, filled)
    assert result.inferred_status == (COUNT_TASK,)


def by_command_line(store: Store, template: Path, tmp_path: Path) -> None:
    assert main(["--data-dir", str(store.folder.root), "entry", "set", "--task",
                 str(COUNT_TASK), "--period", PERIOD, "--value", "5"]) == 0


def by_window_editor(store: Store, template: Path, tmp_path: Path) -> None:
    editor = EntryEditor(store, active_catalogue(store))
    result = editor.set_fields(EntryKey(TOWN_A, COUNT_TASK, PERIOD), {"value": Decimal(5)})
    assert result.inferred_status is Status.IN_PROGRESS


@pytest.mark.parametrize("enter", [by_excel, by_command_line, by_window_editor],
                         ids=["excel", "entry_set", "window"])
def test_value_without_status_starts_task(township: Store, template: Path, tmp_path: Path,
                                          enter: Callable[[Store, Path, Path], None]) -> None:
    enter(township, template, tmp_path)

    entry = load_entry(township, EntryKey(TOWN_A, COUNT_TASK, PERIOD))
    assert entry is not None
    assert entry.value == Decimal(5)
    assert entry.status is Status.IN_PROGRESS


def test_explicit_status_kept(township: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"H{COUNT_ROW}": "Not started", f"I{COUNT_ROW}": 5},
                  tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert result.inferred_status == ()
    assert period_entries(township, TOWN_A, PERIOD)[COUNT_TASK].status is Status.NOT_STARTED


def test_zero_value_keeps_status(township: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": 0}, tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert result.inferred_status == ()
    assert period_entries(township, TOWN_A, PERIOD)[COUNT_TASK].status is Status.NOT_STARTED


def test_negative_value_warned(township: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": -5}, tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert result.is_applied
    assert [(finding.task_number, finding.code) for finding in result.warnings] == [
        (COUNT_TASK, "check.negative")]
    assert period_entries(township, TOWN_A, PERIOD)[COUNT_TASK].value == Decimal(-5)


def test_negative_value_warned_on_cli(capsys: pytest.CaptureFixture[str], township: Store,
                                      template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": -5}, tmp_path / "filled.xlsx")
    capsys.readouterr()

    status = main(["--data-dir", str(township.folder.root), "--lang", "zh_CN", "import-excel",
                   str(filled)])

    captured = capsys.readouterr()
    assert status == 0
    assert "警告：任务 10" in captured.err
    assert "-5" in captured.err
    assert "任务 10 填写了完成值但未填写状态" in captured.out


def test_huge_number_out_of_range(township: Store, template: Path, tmp_path: Path,
                                  chinese: object) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": 1e308}, tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert [(problem.cell, problem.code, problem.value) for problem in result.problems] == [
        (f"I{COUNT_ROW}", "value.out_of_range", "1E+308")]
    text = describe_problem(result.problems[0].code, result.problems[0].message_details())
    assert "1E+308 超出了范围" in text
    assert "0" * 20 not in text
    assert period_entries(township, TOWN_A, PERIOD) == {}


def test_large_count_in_range(township: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": 999_999_999_999}, tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert result.problems == ()
    assert period_entries(township, TOWN_A, PERIOD)[COUNT_TASK].value == Decimal(999_999_999_999)


@pytest.mark.parametrize(("column", "variant"), [("I", "number"), ("H", "status"),
                                                 ("J", "text"), ("K", "text"), ("L", "text")])
def test_formula_advice_fits_column(township: Store, template: Path, tmp_path: Path,
                                    column: str, variant: str) -> None:
    filled = fill(template, {f"{column}{COUNT_ROW}": '=CONCATENATE("a","b")'},
                  tmp_path / "formula.xlsx")

    result = import_template(township, filled)

    assert [(problem.cell, problem.code) for problem in result.problems] == [
        (f"{column}{COUNT_ROW}", "template.formula_without_value")]
    assert dict(result.problems[0].details)["variant"] == variant


def test_formula_in_text_column_chinese(township: Store, template: Path, tmp_path: Path,
                                        chinese: object) -> None:
    filled = fill(template, {f"J{COUNT_ROW}": '=CONCATENATE("已完成","3个")'},
                  tmp_path / "formula.xlsx")

    problem = import_template(township, filled).problems[0]

    text = describe_problem(problem.code, problem.message_details())
    assert "直接填写文字内容" in text
    assert "数字" not in text


def test_row_limit_message_counts_template(township: Store, template: Path,
                                           tmp_path: Path, chinese: object) -> None:
    filled = fill(template, {"J200": "备注"}, tmp_path / "far.xlsx")

    with pytest.raises(TemplateRejectedError) as raised:
        import_template(township, filled)

    assert raised.value.details["tasks"] == 34
    assert raised.value.details["last_task_row"] == LAST_TASK_ROW
    text = describe(raised.value)
    assert "34 项任务" in text
    assert f"第 {LAST_TASK_ROW} 行结束" in text
    assert "J200" in text
    assert "43" not in text


def test_note_below_table_allowed(township: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {f"I{COUNT_ROW}": 5}, tmp_path / "filled.xlsx")

    result = import_template(township, filled)

    assert result.problems == ()


def test_missing_task_number_named(township: Store, template: Path, tmp_path: Path,
                                   chinese: object) -> None:
    filled = fill(template, {f"A{COUNT_ROW}": None, f"I{COUNT_ROW}": 5},
                  tmp_path / "no-number.xlsx")

    result = import_template(township, filled)

    assert [(problem.cell, problem.code) for problem in result.problems] == [
        (f"A{COUNT_ROW}", "template.missing_task")]
    text = describe_problem(result.problems[0].code, result.problems[0].message_details())
    assert f"第 {COUNT_ROW} 行" in text
    assert "没有任务编号" in text
    assert "“”" not in text
