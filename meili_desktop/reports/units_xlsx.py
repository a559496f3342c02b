"""Read the programme's towns from an Excel list: name, official code, county and town type.

Offices keep such lists by hand, so the reader expects a title above the header row, the
county merged down its towns, stray and full-width spaces, full-width digits in codes and
codes written with 12 digits (the statistical code with its village part ``000``). Every
row that cannot be read becomes a :class:`CellProblem`; matching against stored units is
left to the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from meili_desktop.reports.xlsx_formulas import FormulaCells
from meili_desktop.reports.xlsx_limits import WorkbookLimits
from meili_desktop.reports.xlsx_reading import (
    CellProblem,
    ExcelUnreadableError,
    SheetReader,
    cell_text,
    fold,
    key_formula_problem,
    open_workbook_with_formulas,
    squeeze,
)

HEADERS = {
    "name": {"乡镇", "乡镇名称", "乡镇(街道)", "乡镇(街道)名称", "名称", "城镇名称", "镇名",
             "单位名称", "Town", "Name"},
    "code": {"代码", "区划代码", "统计用区划代码", "行政区划代码", "编码", "Code"},
    "county": {"县(市、区)", "县市区", "区县", "县(市、区)名称", "所属县(市、区)", "所属区县",
               "县区", "County"},
    "town_type": {"类型", "城镇类型", "类别", "创建类型", "Type"},
}
REQUIRED = ("name", "county")
# Columns that identify the town of a row. A formula in one of them rejects the row.
KEY_COLUMNS = ("name", "code", "county")
TOWN_TYPES = ("样板镇", "达标镇")
# Spellings of the two town types that lists use besides the canonical ones.
_TYPE_ALIASES = {"样板": "样板镇", "样板乡镇": "样板镇", "美丽城镇样板镇": "样板镇",
                 "达标": "达标镇", "达标乡镇": "达标镇", "美丽城镇达标镇": "达标镇"}
_CODE = re.compile(r"\d{9}(?:000)?")
# A town list has one row per town: a few hundred for a city, so a sheet of many thousand
# rows is no town list and is rejected while its XML is scanned, before openpyxl loads it.
UNIT_LIST_LIMITS = WorkbookLimits(max_rows=10_000)


@dataclass(frozen=True)
class UnitListRow:
    """One town as the list states it; ``code`` is the 9-digit township code or empty."""

    sheet: str
    row: int
    name: str
    code: str
    county: str
    town_type: str
    columns: dict[str, str] = field(default_factory=dict, compare=False)

    def column(self, name: str) -> str:
        """Return the column letter the list uses for a field, or "" when it has none."""
        return self.columns.get(name, "")


@dataclass(frozen=True)
class UnitListReading:
    rows: tuple[UnitListRow, ...]
    problems: tuple[CellProblem, ...]


def normalize_code(text: str) -> str | None:
    """Return the 9-digit township code written in ``text``, or None when it is not one."""
    digits = squeeze(text)
    if not _CODE.fullmatch(digits):
        return None
    return digits[:9]


def normalize_town_type(text: str) -> str | None:
    """Return 样板镇 or 达标镇 for a town type as lists write it, "" for none, None if unknown."""
    clean = squeeze(text)
    if not clean:
        return ""
    if clean in TOWN_TYPES:
        return clean
    return _TYPE_ALIASES.get(clean)


def read_units_xlsx(path: Path) -> UnitListReading:
    """Read every sheet of the workbook that has a header row naming towns and counties.

    Raises:
        ExcelUnreadableError: the file cannot be opened, or no sheet has a header row.
    """
    workbook, formulas = open_workbook_with_formulas(path, limits=UNIT_LIST_LIMITS)
    rows: list[UnitListRow] = []
    problems: list[CellProblem] = []
    found_header = False
    for sheet in workbook.worksheets:
        reader = SheetReader(sheet)
        header = reader.find_header(HEADERS, REQUIRED)
        if header is None:
            continue
        found_header = True
        header_row, columns = header
        for row in range(header_row + 1, sheet.max_row + 1):
            read = _read_row(reader, row, columns, formulas, problems)
            if read is not None:
                rows.append(read)
    if not found_header:
        raise ExcelUnreadableError("excel.no_header", sheet=workbook.worksheets[0].title,
                                   columns="乡镇, 县（市、区）")
    return UnitListReading(tuple(rows), tuple(problems))


def _read_row(reader: SheetReader, row: int, columns: dict[str, int], formulas: FormulaCells,
              problems: list[CellProblem]) -> UnitListRow | None:
    sheet = reader.sheet.title
    # Checked first, because a formula without a saved result reads as an empty cell.
    keys = {name: columns[name] for name in KEY_COLUMNS if name in columns}
    formula = key_formula_problem(formulas, sheet, row, keys)
    if formula is not None:
        problems.append(formula)
        return None
    own = {name: fold(reader.sheet.cell(row, column).value) for name, column in columns.items()}
    texts = {name: squeeze(reader.value(row, column)) for name, column in columns.items()}
    # A row whose only content comes from merged cells above it is empty.
    if not any(own.values()):
        return None

    def problem(name: str, code: str) -> None:
        problems.append(CellProblem(sheet, row, get_column_letter(columns[name]), code,
                                    texts.get(name, "")))

    if not texts["name"]:
        problem("name", "units_xlsx.missing_name")
        return None
    code = ""
    if "code" in columns and texts["code"]:
        normalized = normalize_code(cell_text(reader.value(row, columns["code"])))
        if normalized is None:
            problem("code", "units_xlsx.bad_code")
            return None
        code = normalized
    town_type = ""
    if "town_type" in columns:
        found_type = normalize_town_type(texts["town_type"])
        if found_type is None:
            problem("town_type", "units_xlsx.unknown_type")
            return None
        town_type = found_type
    if not texts["county"]:
        problem("county", "units_xlsx.unknown_county")
        return None
    letters = {name: get_column_letter(column) for name, column in columns.items()}
    return UnitListRow(sheet, row, texts["name"], code, texts["county"], town_type, letters)
