"""Shared steps of reading an .xlsx that a person filled in: open safely, unmerge, fold text.

openpyxl returns a merged range's value only in its top-left cell. :func:`merged_values`
maps every other cell of a range that spans rows in one column to that value, which is
what the person meant by merging (a county name merged down its towns). A range that spans
several columns is reported to the caller, which decides what it means.
"""

from __future__ import annotations

import io
import logging
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from meili_desktop.errors import MeiliError
from meili_desktop.reports.xlsx_formulas import FormulaCells, load_with_formulas
from meili_desktop.reports.xlsx_limits import WorkbookLimits, scan_workbook
from meili_desktop.store.fileio import read_source_bytes

logger = logging.getLogger(__name__)

# Workbooks people fill in are small; these caps reject a wrong or hostile file before
# openpyxl expands it into memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
DEFAULT_LIMITS = WorkbookLimits()
# Problems an import keeps; it counts the rest. The reports list the first 200, and a
# 200,000-row targets sheet that is wrong on every row would otherwise keep 200,000.
MAX_KEPT_PROBLEMS = 1_000
# Characters that render as nothing but survive copying from web pages and Word.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


class ExcelUnreadableError(MeiliError):
    """The file cannot be opened as an .xlsx workbook; the code says why.

    Codes: ``excel.not_found``, ``excel.too_large``, ``excel.too_large_expanded``,
    ``excel.unreadable``, ``excel.too_many_merged`` and the codes of :mod:`xlsx_limits`.
    """

    code = "excel.unreadable"
    exit_code = 4


@dataclass(frozen=True)
class CellProblem:
    """A cell (or row, when ``column`` is empty) that could not be imported.

    ``code`` is a message code; ``details`` fills its template.
    """

    sheet: str
    row: int
    column: str
    code: str
    value: str = ""
    details: tuple[tuple[str, str], ...] = ()

    @property
    def cell(self) -> str:
        return f"{self.column}{self.row}" if self.column else str(self.row)

    def message_details(self) -> dict[str, Any]:
        """Return the values a message template for this problem can use."""
        return {"sheet": self.sheet, "cell": self.cell, "row": self.row,
                "column": self.column, "value": self.value, **dict(self.details)}


class ProblemList:
    """The first problems an import finds, up to ``limit``, and how many it found in all."""

    def __init__(self, limit: int = MAX_KEPT_PROBLEMS) -> None:
        self.limit = limit
        self.kept: list[CellProblem] = []
        self.count = 0

    def append(self, problem: CellProblem) -> None:
        self.count += 1
        if len(self.kept) < self.limit:
            self.kept.append(problem)

    def extend(self, problems: Iterable[CellProblem]) -> None:
        for problem in problems:
            self.append(problem)

    def __bool__(self) -> bool:
        return self.count > 0


def open_workbook(path: Path, *, read_only: bool = False, data_only: bool = True,
                  limits: WorkbookLimits = DEFAULT_LIMITS) -> Workbook:
    """Open an .xlsx for reading, with size checks before openpyxl expands it.

    With ``data_only`` (the default) a formula cell gives the result Excel stored with it;
    without, it gives the formula text. ``limits`` caps rows, columns, cells and texts (see
    :mod:`xlsx_limits`).

    Raises:
        ExcelUnreadableError: the file is missing, too large, passes a limit or is not an
            .xlsx workbook.
    """
    return open_workbook_with_formulas(path, read_only=read_only, data_only=data_only,
                                       limits=limits)[0]


def open_workbook_with_formulas(path: Path, *, read_only: bool = False, data_only: bool = True,
                                limits: WorkbookLimits = DEFAULT_LIMITS
                                ) -> tuple[Workbook, FormulaCells]:
    """Open an .xlsx as :func:`open_workbook` does; also return where its formulas are.

    Raises:
        ExcelUnreadableError: see :func:`open_workbook`.
    """
    if not path.is_file():
        raise ExcelUnreadableError("excel.not_found", path=str(path))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ExcelUnreadableError("excel.too_large", path=str(path),
                                   max_mb=MAX_FILE_BYTES // (1024 * 1024))
    # Reading the bytes once means a file that vanishes or changes afterwards cannot break
    # the parse half way; a change during this read raises io.source_vanished.
    data = read_source_bytes(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded > MAX_UNCOMPRESSED_BYTES:
                raise ExcelUnreadableError("excel.too_large_expanded", path=str(path),
                                           max_mb=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
            scan = scan_workbook(archive, limits)
            violation = scan.violation
            if violation is not None:
                logger.info("workbook %s rejected: %s %s", path, violation.code,
                            violation.details)
                raise ExcelUnreadableError(violation.code, path=str(path), **violation.details)
        workbook, formulas = load_with_formulas(data, scan.formulas, read_only=read_only,
                                                data_only=data_only)
    except ExcelUnreadableError:
        raise
    except Exception as error:
        # A damaged file makes zipfile, zlib, the XML parser and openpyxl's object model
        # raise errors of many types (ParseError, zlib.error, TypeError, ...); each means the
        # file is not a readable workbook.
        logger.info("cannot open %s as a workbook: %r", path, error)
        raise ExcelUnreadableError("excel.unreadable", path=str(path)) from error
    if not workbook.worksheets:
        raise ExcelUnreadableError("excel.unreadable", path=str(path))
    return workbook, formulas


def key_formula_problem(formulas: FormulaCells, sheet: str, row: int,
                        columns: Mapping[str, int]) -> CellProblem | None:
    """Return a problem for the first formula among a row's key cells, or None.

    Args:
        formulas: where the workbook has formulas.
        sheet: the sheet's title.
        row: the row number.
        columns: the key columns' numbers (1-based) by field name, in the order to check.
    """
    for column in columns.values():
        formula = formulas.at(sheet, row, column)
        if formula is not None:
            return CellProblem(sheet, row, get_column_letter(column), "excel.key_formula",
                               formula)
    return None


def fold(value: Any) -> str:
    """Return a cell's value as folded text: NFKC (full-width to ASCII), no invisible
    characters, inner runs of whitespace (full-width spaces and line breaks too) as one
    space, stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = unicodedata.normalize("NFKC", str(value))
    for character in _INVISIBLE:
        text = text.replace(character, "")
    return " ".join(text.split())


def squeeze(value: Any) -> str:
    """Return folded text without any whitespace, for comparing names and headers."""
    return fold(value).replace(" ", "")


def cell_text(value: Any) -> str:
    """Return a cell value as the text a person would see, for parsing numbers.

    Numbers become plain digits without exponent (``1e-05`` becomes ``0.00001``).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def merged_values(sheet: Worksheet) -> tuple[dict[tuple[int, int], Any], list[str]]:
    """Map each non-top-left cell of a one-column merged range to the range's value.

    Returns:
        The filled values by (row, column), and the ranges that span several columns.
    """
    filled: dict[tuple[int, int], Any] = {}
    wide: list[str] = []
    for merged in sheet.merged_cells.ranges:
        if merged.min_col != merged.max_col:
            wide.append(merged.coord)
            continue
        value = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row + 1, merged.max_row + 1):
            filled[(row, merged.min_col)] = value
    return filled, wide


class SheetReader:
    """Reads cell values of one sheet with merged ranges filled in."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.filled, self.wide_ranges = merged_values(sheet)

    def value(self, row: int, column: int) -> Any:
        if (row, column) in self.filled:
            return self.filled[(row, column)]
        return self.sheet.cell(row, column).value

    def is_merged_fill(self, row: int, column: int) -> bool:
        return (row, column) in self.filled

    def find_header(self, names: dict[str, set[str]], required: tuple[str, ...],
                    max_rows: int = 10) -> tuple[int, dict[str, int]] | None:
        """Find the header row among the first rows: the first row naming every required column.

        Args:
            names: for each field, the header texts (squeezed) that name it.
            required: fields that must be present.
            max_rows: how many rows from the top to search.

        Returns:
            The header row number and each found field's column, or None.
        """
        for row in range(1, min(max_rows, self.sheet.max_row) + 1):
            columns: dict[str, int] = {}
            for column in range(1, self.sheet.max_column + 1):
                text = squeeze(self.value(row, column))
                for field_name, texts in names.items():
                    if text in texts and field_name not in columns:
                        columns[field_name] = column
            if all(field_name in columns for field_name in required):
                return row, columns
        return None
