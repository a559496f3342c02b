"""Where a workbook that people filled in has formulas, for the importers' key columns.

The importers load workbooks with ``data_only``, so a formula cell reads as the result Excel
saved with it, or as an empty cell when the program that saved the file did not calculate
(openpyxl, some converters). A key column (a town code, a task number, a period) must not
depend on either: an empty code would add a town without its code, and a stale result
would file a row under another key. :func:`load_with_formulas` loads the workbook and returns
which cells contain formulas, found by the scan that :mod:`xlsx_limits` makes anyway.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from openpyxl.reader.excel import ExcelReader
from openpyxl.workbook.workbook import Workbook

from meili_desktop.reports.xlsx_limits import PartFormulas


@dataclass(frozen=True)
class FormulaCells:
    """The formula text of every formula cell, by sheet title and then (row, column)."""

    by_sheet: Mapping[str, Mapping[tuple[int, int], str]] = field(default_factory=dict)

    def at(self, sheet: str, row: int, column: int) -> str | None:
        """Return the formula in a cell (``=...``), or None when the cell contains none."""
        return self.by_sheet.get(sheet, {}).get((row, column))


def load_with_formulas(data: bytes, part_formulas: PartFormulas, *, read_only: bool = False,
                       data_only: bool = True) -> tuple[Workbook, FormulaCells]:
    """Load a workbook as ``openpyxl.load_workbook`` does and name its formula cells by sheet.

    ``part_formulas`` comes from :func:`xlsx_limits.scan_workbook` over the same bytes.

    NOTE: This drives openpyxl's ``ExcelReader`` as ``load_workbook`` does in openpyxl
    3.1.5, to learn which archive part holds which sheet; check it when upgrading openpyxl.

    Raises:
        Whatever ``openpyxl.load_workbook`` raises for a damaged or foreign file.
    """
    reader = ExcelReader(io.BytesIO(data), read_only=read_only, data_only=data_only)
    reader.read()
    titles = {rel.target: sheet.name for sheet, rel in reader.parser.find_sheets()}
    by_sheet = {titles[part]: cells for part, cells in part_formulas.items() if part in titles}
    return reader.wb, FormulaCells(by_sheet)
