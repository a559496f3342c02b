"""Write text into openpyxl cells as text, never as a formula or an error value.

openpyxl 3.1.5 infers a cell's type from a string: one that starts with "=" becomes a formula
(data type ``f``) and one such as ``#N/A`` an error value (``e``). Township clerks type the
narrative, responsible person and contact freely, so without these helpers a text such as
``=HYPERLINK("http://…","点我")`` would reach the office's summary workbook as a live formula.
Every workbook writer in the program sets string values through :func:`text_safe`,
:func:`set_value` or :func:`row_cells`; a test writes each workbook with such texts and finds
no formula cell.

Excel also turns a text cell that starts with ``=``, ``+``, ``-`` or ``@`` into a formula
when someone edits it and presses Enter. Such cells get the "quote prefix" style, which is
what Excel itself sets when a user types a leading apostrophe, so the text stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

# First characters that make Excel read what follows as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@")

TEXT_TYPE = "s"


def needs_guard(value: Any) -> bool:
    """Return whether openpyxl or Excel would read the string ``value`` as something but text."""
    return isinstance(value, str) and (value.startswith(FORMULA_TRIGGERS)
                                       or value.startswith("#"))


def text_safe(cell: Cell) -> Cell:
    """Force a cell holding a string to the text type; return the cell.

    Numbers, dates and empty cells are left as they are.
    """
    if isinstance(cell.value, str):
        cell.data_type = TEXT_TYPE
        if cell.value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    return cell


def set_value(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Set the value of a cell in a normal worksheet, keeping a string as text."""
    cell = sheet.cell(row, column)
    cell.value = value
    text_safe(cell)
    return cell


def write_only_cell(sheet: WriteOnlyWorksheet, value: Any) -> Cell:
    """Return a cell for a write-only sheet, keeping a string as text."""
    # openpyxl's WriteOnlyCell is a factory function that returns a Cell.
    cell = WriteOnlyCell(sheet, value)
    text_safe(cell)
    return cell


def row_cells(sheet: WriteOnlyWorksheet | Worksheet, values: Iterable[Any]) -> list[Any]:
    """Return ``values`` ready for ``sheet.append``: strings that need it become text cells.

    Plain values stay plain, because openpyxl writes them faster than cell objects; only a
    string that openpyxl or Excel would misread is wrapped.
    """
    row: list[Any] = []
    for value in values:
        if isinstance(value, Cell):
            row.append(text_safe(value))
        elif not needs_guard(value):
            row.append(value)
        elif isinstance(sheet, WriteOnlyWorksheet):
            row.append(write_only_cell(sheet, value))
        else:
            row.append(text_safe(Cell(sheet, value=value)))
    return row
