"""Layout of the office's Excel tables in openpyxl's write-only mode.

A table sheet has a title row merged across all columns, a subtitle row, two header rows
(a group header such as 状态 merged over its columns, and columns without a group merged
over both rows), frozen panes below the headers, column widths, per-column number formats,
conditional colours and an A4 landscape print setup that repeats the header rows.

Only features that Excel 2010 and later and WPS Office read are used: merged cells, number
formats, cell fonts, fills and borders, formula conditional formats, print titles and
fit-to-width page setup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from meili_desktop.reports.xlsx_text import row_cells, write_only_cell

HEADER_ROWS = 2
FIRST_DATA_ROW = 5  # title, subtitle, then two header rows

PERCENT_FORMAT = "0.0%"
CHANGE_FORMAT = "+0.0%;-0.0%;0.0%"
INTEGER_FORMAT = "0"
VALUE_FORMAT = "#,##0.####"
TEXT_FORMAT = "@"

BEHIND_FILL = PatternFill(fill_type="solid", start_color="FFF4CCCC", end_color="FFF4CCCC")
BEHIND_FONT = Font(color="FF9C0006")
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
_THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TITLE_FONT = Font(name="宋体", size=16, bold=True)
HEADER_FONT = Font(name="宋体", size=11, bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

# A4 in the paper size codes of the Office Open XML page setup.
PAPER_A4 = 9


@dataclass(frozen=True)
class Column:
    """One column of a table sheet.

    ``group`` is the header merged over consecutive columns that share it; ``behind_below``
    colours a cell whose number is below that value (a share under 100 %, say).
    """

    header: str
    width: float
    number_format: str | None = None
    group: str = ""
    behind_below: float | None = None


class TableWriter:
    """Writes one table sheet row by row in write-only mode."""

    def __init__(self, sheet: WriteOnlyWorksheet, columns: Sequence[Column],
                 frozen_columns: int = 1) -> None:
        self.sheet = sheet
        self.columns = tuple(columns)
        self.frozen_columns = frozen_columns
        self.rows_written = 0
        self._formats = [column.number_format for column in self.columns]

    def start(self, title: str, subtitle: str) -> None:
        """Set up widths, print setup and frozen panes, then write the title and headers.

        Column widths and frozen panes must be set before the first row in write-only mode.
        """
        width = len(self.columns)
        last = get_column_letter(width)
        for index, column in enumerate(self.columns, 1):
            self.sheet.column_dimensions[get_column_letter(index)].width = column.width
        self.sheet.freeze_panes = f"{get_column_letter(self.frozen_columns + 1)}{FIRST_DATA_ROW}"
        self._print_setup()

        self.sheet.append([self._styled(title, font=TITLE_FONT, alignment=CENTER)])
        self.sheet.merged_cells.add(f"A1:{last}1")
        self.sheet.append([self._styled(subtitle)])
        self.sheet.merged_cells.add(f"A2:{last}2")
        self._write_headers()

    def _print_setup(self) -> None:
        self.sheet.page_setup.orientation = "landscape"
        self.sheet.page_setup.paperSize = PAPER_A4
        self.sheet.page_setup.fitToWidth = 1
        self.sheet.page_setup.fitToHeight = 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_options.horizontalCentered = True
        self.sheet.print_title_rows = f"{FIRST_DATA_ROW - HEADER_ROWS}:{FIRST_DATA_ROW - 1}"
        self.sheet.page_margins.left = self.sheet.page_margins.right = 0.4
        self.sheet.oddFooter.center.text = "&P / &N"

    def _write_headers(self) -> None:
        top: list[Any] = []
        bottom: list[Any] = []
        first_row = FIRST_DATA_ROW - HEADER_ROWS
        index = 0
        while index < len(self.columns):
            column = self.columns[index]
            letter = get_column_letter(index + 1)
            if not column.group:
                top.append(self._header(column.header))
                bottom.append(self._header(None))
                self.sheet.merged_cells.add(f"{letter}{first_row}:{letter}{first_row + 1}")
                index += 1
                continue
            span = 1
            while index + span < len(self.columns) and \
                    self.columns[index + span].group == column.group:
                span += 1
            for offset in range(span):
                top.append(self._header(column.group if offset == 0 else None))
                bottom.append(self._header(self.columns[index + offset].header))
            if span > 1:
                end = get_column_letter(index + span)
                self.sheet.merged_cells.add(f"{letter}{first_row}:{end}{first_row}")
            index += span
        self.sheet.append(top)
        self.sheet.append(bottom)

    def _header(self, value: Any) -> WriteOnlyCell:
        return self._styled(value, font=HEADER_FONT, alignment=CENTER, fill=HEADER_FILL,
                            border=BORDER)

    def _styled(self, value: Any, **styles: Any) -> WriteOnlyCell:
        cell = write_only_cell(self.sheet, value)
        for name, style in styles.items():
            setattr(cell, name, style)
        return cell

    def append(self, values: Sequence[Any]) -> None:
        """Write one data row; numbers get their column's number format, text stays text."""
        row: list[Any] = []
        for value, number_format in zip(values, self._formats, strict=True):
            if value is None or number_format is None or isinstance(value, str):
                row.append(value)
                continue
            cell = WriteOnlyCell(self.sheet, value)
            cell.number_format = number_format
            row.append(cell)
        self.sheet.append(row_cells(self.sheet, row))
        self.rows_written += 1

    def append_all(self, rows: Iterable[Sequence[Any]],
                   on_row: Callable[[int], None] | None = None) -> None:
        """Write many rows, calling ``on_row(count)`` after each thousand."""
        for values in rows:
            self.append(values)
            if on_row is not None and self.rows_written % 1000 == 0:
                on_row(self.rows_written)

    def finish(self) -> None:
        """Add the conditional colours and the auto filter over the data rows written."""
        if self.rows_written == 0:
            return
        last_row = FIRST_DATA_ROW + self.rows_written - 1
        for index, column in enumerate(self.columns, 1):
            if column.behind_below is None:
                continue
            letter = get_column_letter(index)
            first = f"{letter}{FIRST_DATA_ROW}"
            # ISNUMBER keeps empty cells, which compare as zero, uncoloured.
            formula = f"AND(ISNUMBER({first}),{first}<{column.behind_below!r})"
            self.sheet.conditional_formatting.add(
                f"{first}:{letter}{last_row}",
                FormulaRule(formula=[formula], fill=BEHIND_FILL, font=BEHIND_FONT))
        last_column = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A{FIRST_DATA_ROW - 1}:{last_column}{last_row}"
