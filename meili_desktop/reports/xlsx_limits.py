"""Size limits of workbooks people send in, checked on the raw XML before openpyxl loads them.

openpyxl 3.1.5 (without ``read_only``) creates an object for every cell a sheet lists, even an
empty one with only a style, and one for every cell of every merged range. The importers loop
from row 1 to the sheet's last row. One styled cell at ``XFD1048576`` or one range merged over
the whole sheet therefore costs minutes and gigabytes, and a shared-strings table of millions
of entries is held in memory whole. :func:`find_limit_violation` streams every XML part once
with the same defused parser and stops at the first limit passed, so a hostile file is
rejected after reading only as much as the limit allows.

Only cells count: a ``<dimension>`` that claims the whole sheet, or an empty ``<row>`` far
down (a row height set there), creates no cell in openpyxl and is accepted.

A part is known by its root element, not its name, because openpyxl finds sheets through the
workbook's relationships and parses whatever part they name. Members whose names do not end
in ``.xml`` are scanned too, as far as they parse as XML: a sheet stored as ``sheet1.bin``
is still a sheet to openpyxl, while an image stops the parser at its first byte.

The same pass records where formulas are (:func:`scan_workbook`), because the importers load
workbooks with cached results only and would otherwise read a formula in a key column as
its last result, or as an empty cell when it has none.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import ParseError, iterparse
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries
from openpyxl.utils.exceptions import CellCoordinatesException

# Excel's own limit on the characters of one cell.
EXCEL_MAX_CELL_CHARS = 32_767


@dataclass(frozen=True)
class WorkbookLimits:
    """The largest workbook an importer reads.

    The defaults fit the largest table imported here with room to spare: a targets sheet
    with one row per task, town and year (for 1,500 towns, 34 tasks and 3 years about
    153,000 rows of 5 columns).
    """

    max_rows: int = 200_000
    max_columns: int = 1_024
    max_cells: int = 1_000_000
    max_cell_chars: int = EXCEL_MAX_CELL_CHARS
    max_shared_strings: int = 100_000
    max_shared_string_chars: int = 8_000_000
    max_parts: int = 2_000
    # Cells covered by merged ranges, over all parts. Filled-in lists merge a few hundred.
    max_merged_cells: int = 100_000


@dataclass(frozen=True)
class LimitViolation:
    """The first limit a workbook passes.

    Attributes:
        code: the message code, ``excel.too_many_rows`` and so on.
        details: the values its message names: ``cell``, ``count``, ``length``, ``range``,
            ``limit``.
    """

    code: str
    details: dict[str, object]


# Formulas by worksheet part name (``xl/worksheets/sheet1.xml``), then by (row, column).
PartFormulas = dict[str, dict[tuple[int, int], str]]


@dataclass(frozen=True)
class WorkbookScan:
    """The result of one pass over a workbook's XML parts.

    Attributes:
        violation: the first limit passed, or None; the scan stops there, so ``formulas``
            is then incomplete.
        formulas: the formula text of every formula cell, by worksheet part and cell.
    """

    violation: LimitViolation | None
    formulas: PartFormulas = field(default_factory=dict)


class _LimitPassed(Exception):
    """Stops the scan of a part at the first limit passed."""

    def __init__(self, violation: LimitViolation) -> None:
        super().__init__(violation.code)
        self.violation = violation


def find_limit_violation(archive: zipfile.ZipFile,
                         limits: WorkbookLimits = WorkbookLimits()) -> LimitViolation | None:
    """Return the first limit the workbook in ``archive`` passes, or None.

    Raises:
        xml.etree.ElementTree.ParseError: a part named ``*.xml`` is not well-formed XML.
        ValueError: a cell reference or merged range is malformed.
        zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError: a member cannot
            be decompressed.
    """
    return scan_workbook(archive, limits).violation


def scan_workbook(archive: zipfile.ZipFile,
                  limits: WorkbookLimits = WorkbookLimits()) -> WorkbookScan:
    """Check the workbook in ``archive`` against ``limits`` and find its formula cells.

    Raises:
        The errors of :func:`find_limit_violation`.
    """
    members = archive.infolist()
    if len(members) > limits.max_parts:
        return WorkbookScan(LimitViolation("excel.too_many_parts",
                                           {"count": len(members), "limit": limits.max_parts}))
    scanner = _Scanner(limits)
    try:
        for info in members:
            if info.is_dir():
                continue
            with archive.open(info) as part:
                try:
                    scanner.scan(part, info.filename)
                except ParseError:
                    # Parts named *.xml must be XML. Other members (images, vbaProject.bin)
                    # are not, and whatever they held before the error was counted.
                    if info.filename.lower().endswith(".xml"):
                        raise
    except _LimitPassed as passed:
        return WorkbookScan(passed.violation, scanner.formulas)
    return WorkbookScan(None, scanner.formulas)


class _Scanner:
    """Counts cells, shared strings and merged cells over all parts of one workbook.

    Cells and strings are checked when their element ends, because a cell's reference and
    text are complete then.
    """

    def __init__(self, limits: WorkbookLimits) -> None:
        self.limits = limits
        self.cells = 0
        self.strings = 0
        self.string_chars = 0
        self.merged_cells = 0
        self.formulas: PartFormulas = {}
        self._part_formulas: dict[tuple[int, int], str] = {}
        # Formula cells of the current row written without a reference; their row number
        # is known only when the row ends.
        self._unplaced: list[tuple[int, str]] = []

    def scan(self, part: IO[bytes], name: str = "") -> None:
        """Scan one XML part: the cells of a worksheet, the shared strings, and the merged
        ranges of any part.

        The parser reports where each element starts only to find the root element, which
        says what the part is, whatever its name in the archive. openpyxl takes a merged
        range from any part it reads as a sheet, so merged ranges count in every part.
        """
        events = iterparse(part, events=("start", "end"))
        first = next(events, None)
        if first is None:
            return
        kind = _local(first[1].tag)
        ends = ((event, element) for event, element in events if event == "end")
        if kind == "worksheet":
            self._part_formulas = {}
            self._scan_sheet(ends)
            if self._part_formulas:
                self.formulas[name] = self._part_formulas
        elif kind == "sst":
            self._scan_shared_strings(ends)
        else:
            self._scan_merged_ranges(ends)

    def _scan_sheet(self, events: Iterator[tuple[str, Element]]) -> None:
        row = 0
        cells_in_row = 0
        for _event, element in events:
            name = _local(element.tag)
            if name == "c":
                cells_in_row += 1
                self._check_cell(element, cells_in_row)
            elif name == "row":
                row = _row_number(element.get("r"), row)
                for column, text in self._unplaced:
                    self._part_formulas[(row, column)] = text
                self._unplaced.clear()
                if cells_in_row and row > self.limits.max_rows:
                    raise _LimitPassed(LimitViolation("excel.too_many_rows", {
                        "cell": f"A{row}", "row": row, "limit": self.limits.max_rows}))
                cells_in_row = 0
                # Drop the finished row's cells, so memory stays flat over long sheets.
                element.clear()
            elif name == "mergeCell":
                self._count_merged_range(element)

    def _check_cell(self, element: Element, cells_in_row: int) -> None:
        self.cells += 1
        reference = element.get("r") or ""
        if self.cells > self.limits.max_cells:
            raise _LimitPassed(LimitViolation("excel.too_many_cells", {
                "limit": self.limits.max_cells}))
        column = cells_in_row
        row = 0
        if reference:
            try:
                letters, row = coordinate_from_string(reference)
                column = column_index_from_string(letters)
            except CellCoordinatesException as error:
                raise ValueError(f"invalid cell reference {reference!r}") from error
            if row > self.limits.max_rows:
                raise _LimitPassed(LimitViolation("excel.too_many_rows", {
                    "cell": reference, "row": row, "limit": self.limits.max_rows}))
        if max(column, cells_in_row) > self.limits.max_columns:
            raise _LimitPassed(LimitViolation("excel.too_many_columns", {
                "cell": reference or "?", "limit": self.limits.max_columns}))
        for child in element.iter():
            tag = _local(child.tag)
            if tag == "f":
                self._add_formula(row, column, child.text or "")
            length = len(child.text or "") if tag in ("v", "t", "f") else 0
            if length > self.limits.max_cell_chars:
                raise _LimitPassed(LimitViolation("excel.cell_too_long", {
                    "cell": reference or "?", "length": length,
                    "limit": self.limits.max_cell_chars}))

    def _add_formula(self, row: int, column: int, text: str) -> None:
        # A cell of a shared formula other than its first has an empty <f si="..."/>.
        formula = "=" + text if text else "="
        if row:
            self._part_formulas[(row, column)] = formula
        else:
            self._unplaced.append((column, formula))

    def _scan_shared_strings(self, events: Iterator[tuple[str, Element]]) -> None:
        length = 0
        for _event, element in events:
            name = _local(element.tag)
            if name == "t":
                length += len(element.text or "")
            elif name == "si":
                self._count_string(length)
                length = 0
                element.clear()
            elif name == "mergeCell":
                self._count_merged_range(element)

    def _scan_merged_ranges(self, events: Iterator[tuple[str, Element]]) -> None:
        for _event, element in events:
            if _local(element.tag) == "mergeCell":
                self._count_merged_range(element)
            element.clear()

    def _count_merged_range(self, element: Element) -> None:
        reference = element.get("ref", "")
        min_col, min_row, max_col, max_row = range_boundaries(reference)
        if min_col is None or min_row is None or max_col is None or max_row is None:
            # Whole rows or columns ("1:3", "A:C") have no bounds to count, so the caller
            # rejects the workbook as unreadable.
            raise ValueError(f"invalid merged range {reference!r}")
        self.merged_cells += (max_col - min_col + 1) * (max_row - min_row + 1)
        element.clear()
        if self.merged_cells > self.limits.max_merged_cells:
            raise _LimitPassed(LimitViolation("excel.too_many_merged", {
                "range": reference, "limit": self.limits.max_merged_cells}))

    def _count_string(self, length: int) -> None:
        self.strings += 1
        self.string_chars += length
        if length > self.limits.max_cell_chars:
            raise _LimitPassed(LimitViolation("excel.text_too_long", {
                "length": length, "limit": self.limits.max_cell_chars}))
        if self.strings > self.limits.max_shared_strings or \
                self.string_chars > self.limits.max_shared_string_chars:
            raise _LimitPassed(LimitViolation("excel.too_much_text", {
                "count": self.limits.max_shared_strings,
                "chars": self.limits.max_shared_string_chars}))


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _row_number(reference: str | None, previous: int) -> int:
    if reference and reference.isdigit():
        return int(reference)
    return previous + 1


