"""Read targets from an Excel sheet: one row per task, unit and year (or period).

Columns are found by their header anywhere in the first rows: 编号 (task number), 单位 or
乡镇 (town name or code; 全市, the city's name or code for the city target), 年度 or 填报期
(2021, 2021Q2), 目标值, and optionally 基数 (the base a proportional split used). Merged cells
(a task number merged down its towns) are filled in, and full-width digits and ``90％`` are
read like typed values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.utils import get_column_letter

from meili_desktop.domain.catalogue import Catalogue, MeasureType, Task
from meili_desktop.domain.periods import InvalidPeriodError, parse_period
from meili_desktop.domain.targets import SplitMethod, TargetRecord
from meili_desktop.domain.values import InvalidValueError, parse_value_strictly
from meili_desktop.errors import MeiliError
from meili_desktop.reports.xlsx_formulas import FormulaCells
from meili_desktop.reports.xlsx_reading import (
    CellProblem,
    ExcelUnreadableError,
    ProblemList,
    SheetReader,
    cell_text,
    fold,
    key_formula_problem,
    open_workbook_with_formulas,
)

HEADERS = {
    "task": {"编号", "任务编号", "序号", "No.", "Task"},
    "unit": {"单位", "乡镇", "乡镇(街道)", "填报单位", "单位代码", "乡镇名称", "Unit", "Town"},
    "period": {"年度", "年份", "填报期", "期间", "Period", "Year"},
    "value": {"目标值", "目标", "Target"},
    "base": {"基数", "分解基数", "Base"},
}
REQUIRED = ("task", "unit", "period", "value")
# Columns that identify the target a row sets. A formula in one of them rejects the row,
# while a formula in the value column is read by the result Excel saved with it (and rejects
# the row when no result was saved).
KEY_COLUMNS = ("task", "unit", "period")
# Names that mean the city as a whole in the unit column.
CITY_WORDS = frozenset({"全市", "市级", "合计", "city"})

UnitResolver = Callable[[str], str]


@dataclass(frozen=True)
class TargetsReading:
    """Targets read from a workbook, and the rows that could not be used.

    ``problems`` contains the first rejected rows (``xlsx_reading.MAX_KEPT_PROBLEMS``) and
    ``problem_count`` counts all of them.
    """

    records: tuple[TargetRecord, ...]
    problems: tuple[CellProblem, ...]
    problem_count: int


def read_targets_xlsx(path: Path, catalogue: Catalogue,
                      resolve_unit: UnitResolver) -> TargetsReading:
    """Read every sheet that has a targets header row.

    Args:
        path: the workbook.
        catalogue: the active catalogue, for task numbers and measures.
        resolve_unit: returns the unit id for a name or code; raises a MeiliError whose code
            names the reason (unknown or ambiguous unit).

    Raises:
        ExcelUnreadableError: the file cannot be opened, or no sheet has a header row.
    """
    workbook, formulas = open_workbook_with_formulas(path)
    records: list[TargetRecord] = []
    problems = ProblemList()
    seen: dict[tuple[int, str, str], int] = {}
    found_header = False
    for sheet in workbook.worksheets:
        reader = SheetReader(sheet)
        header = reader.find_header(HEADERS, REQUIRED)
        if header is None:
            continue
        found_header = True
        header_row, columns = header
        for row in range(header_row + 1, sheet.max_row + 1):
            formula = key_formula_problem(formulas, sheet.title, row,
                                          {name: columns[name] for name in KEY_COLUMNS})
            if formula is not None:
                problems.append(formula)
                continue
            unsaved = _formula_without_result(reader, formulas, row, columns)
            if unsaved is not None:
                problems.append(unsaved)
                continue
            record = _read_row(reader, row, columns, catalogue, resolve_unit, problems)
            if record is None:
                continue
            key = (record.task_number, record.unit_id, record.period_code)
            if key in seen:
                problems.append(CellProblem(sheet.title, row, "", "targets_xlsx.duplicate",
                                            details=(("first_row", str(seen[key])),)))
                continue
            seen[key] = row
            records.append(record)
    if not found_header:
        raise ExcelUnreadableError("excel.no_header", sheet=workbook.worksheets[0].title,
                                   columns="编号, 单位, 年度, 目标值")
    return TargetsReading(tuple(records), tuple(problems.kept), problems.count)


def _formula_without_result(reader: SheetReader, formulas: FormulaCells, row: int,
                            columns: dict[str, int]) -> CellProblem | None:
    """Return the problem of a value or base cell whose formula has no saved result.

    openpyxl reads the result the spreadsheet program saved with a formula. A file written by
    a script or by a program that did not calculate has none, and the empty cell would read
    as a missing target.
    """
    for name in ("value", "base"):
        if name not in columns:
            continue
        formula = formulas.at(reader.sheet.title, row, columns[name])
        if formula is not None and reader.value(row, columns[name]) is None:
            return CellProblem(reader.sheet.title, row, get_column_letter(columns[name]),
                               "template.formula_without_value", formula)
    return None


def _read_row(reader: SheetReader, row: int, columns: dict[str, int], catalogue: Catalogue,
              resolve_unit: UnitResolver, problems: ProblemList) -> TargetRecord | None:
    sheet = reader.sheet.title
    texts = {name: fold(reader.value(row, column)) for name, column in columns.items()}
    if not any(texts.values()):
        return None

    def problem(name: str, code: str) -> None:
        problems.append(CellProblem(sheet, row, get_column_letter(columns[name]), code,
                                    texts[name]))

    task = _task(texts["task"], catalogue)
    if task is None:
        problem("task", "targets_xlsx.bad_task")
        return None
    try:
        unit_id = _unit(texts["unit"], resolve_unit)
    except MeiliError as error:
        code = "targets_xlsx.ambiguous_unit" if "ambiguous" in error.code \
            else "targets_xlsx.unknown_unit"
        problem("unit", code)
        return None
    try:
        period_code = parse_period(texts["period"]).code
    except InvalidPeriodError:
        problem("period", "targets_xlsx.bad_period")
        return None
    value = _number(reader.value(row, columns["value"]), task.measure, task)
    if value is None:
        problem("value", "targets_xlsx.bad_value")
        return None
    base = None
    if "base" in columns and texts["base"]:
        base = _number(reader.value(row, columns["base"]), MeasureType.COUNT, task)
        if base is None:
            problem("base", "targets_xlsx.bad_value")
            return None
    return TargetRecord(task.number, unit_id, period_code, value, SplitMethod.EXCEL, base)


def _task(text: str, catalogue: Catalogue) -> Task | None:
    try:
        return catalogue.task(int(Decimal(text)))
    except (ArithmeticError, KeyError, ValueError):
        return None


def _unit(text: str, resolve_unit: UnitResolver) -> str:
    if text.casefold() in CITY_WORDS:
        return resolve_unit("")
    return resolve_unit(text)


def _number(raw: object, measure: MeasureType, task: Task) -> Decimal | None:
    """Parse a target cell; a numeric cell of a percent task below one is read as a fraction."""
    if raw is None or fold(raw) == "":
        return None
    text = cell_text(raw)
    if measure is MeasureType.PERCENT and isinstance(raw, int | float) and 0 < raw < 1:
        text = format((Decimal(repr(raw)) * 100).normalize(), "f") + "%"
    if measure not in (MeasureType.PERCENT, MeasureType.COUNT, MeasureType.RATE,
                       MeasureType.LENGTH):
        measure = MeasureType.COUNT
    try:
        value = parse_value_strictly(text, measure, task.unit, task.number)
    except InvalidValueError:
        return None
    return value if value >= 0 else None
