"""Read a filled-in entry template back and turn its cells into entry changes.

The file as a whole is rejected (:class:`TemplateRejectedError`) when it is not one of our
templates, its keys were edited, or its header row was changed. Otherwise every cell that
cannot be read becomes a :class:`CellProblem` naming the sheet, cell and reason, and the
readable cells become changes. A blank cell means "no change", never "erase".
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Status
from meili_desktop.domain.values import (
    InvalidStatusError,
    check_number_range,
    parse_status,
    parse_value_strictly,
    short_number_text,
)
from meili_desktop.errors import MeiliError
from meili_desktop.reports.labels import status_from_label
from meili_desktop.reports.template_xlsx import (
    EDITABLE,
    FIELDS,
    FIRST_ROW,
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER_ROW,
    KEYS_SHEET,
    TemplateKeys,
)
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

_QUOTED = re.compile(r'"[^"]*"|\\.')
# Message variants of template.formula_without_value by field; other fields take text.
FORMULA_VARIANTS = {"value": "number", "status": "status"}
# Fields whose cell merged down several tasks gives each of those tasks the same value.
FILL_DOWN_FIELDS = frozenset({"responsible_person", "contact"})
# Tasks a template has when the caller gives no count; the 2020 catalogue's lists 34.
DEFAULT_MAX_TASKS = 500
# Rows below the task rows that a template may use, for a note such as 填表人 or a signature.
SPARE_ROWS = 50


class TemplateRejectedError(MeiliError):
    """The workbook cannot be imported as a whole; the code names the reason.

    Codes: ``template.not_template``, ``template.too_new``, ``template.damaged``,
    ``template.sheet_missing``, ``template.headers_changed``, ``template.other_unit``,
    ``template.other_period``, ``template.old_catalogue``, ``template.unknown_unit``,
    ``template.too_many_rows``.
    """

    code = "template.not_template"
    exit_code = 4


@dataclass(frozen=True)
class TemplateCell:
    """One editable cell as read: where it is, its value and its number format."""

    coordinate: str
    value: Any
    number_format: str


@dataclass(frozen=True)
class TemplateRow:
    """The editable cells of one task's row."""

    task_number: int
    row: int
    cells: Mapping[str, TemplateCell]


@dataclass(frozen=True)
class TemplateReading:
    """A template's keys, its task rows and the cells that could not be read."""

    keys: TemplateKeys
    rows: tuple[TemplateRow, ...]
    problems: tuple[CellProblem, ...] = ()


@dataclass
class TemplateChanges:
    """Entry changes by task number, with the cell each change came from."""

    changes: dict[int, dict[str, Any]] = field(default_factory=dict)
    sources: dict[int, dict[str, str]] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)


def is_percent_format(number_format: str) -> bool:
    """Return whether a number format shows the value times 100 (a ``%`` outside quotes)."""
    return "%" in _QUOTED.sub("", number_format or "")


def read_keys(workbook: Any) -> TemplateKeys:
    """Read and verify the hidden keys sheet.

    Raises:
        TemplateRejectedError: the sheet is missing or malformed (``not_template``), was
            written by a newer program (``too_new``) or fails its checksum (``damaged``).
    """
    if KEYS_SHEET not in workbook.sheetnames:
        raise TemplateRejectedError("template.not_template")
    pairs = {str(row[0]): row[1] for row in workbook[KEYS_SHEET].iter_rows(values_only=True)
             if row and row[0] is not None}
    if pairs.get("format") != FORMAT_NAME:
        raise TemplateRejectedError("template.not_template")
    try:
        version = int(pairs.get("format_version") or 0)
        keys = TemplateKeys(
            str(pairs["unit_id"]), str(pairs["unit_name"]), str(pairs["period"]),
            str(pairs["catalogue_version"]), str(pairs["catalogue_hash"]), str(pairs["sheet"]),
            tuple(json.loads(pairs["fields"])), tuple(json.loads(pairs["headers"])),
            tuple(int(number) for number in json.loads(pairs["tasks"])),
            {int(number): {str(name): str(text) for name, text in values.items()}
             for number, values in json.loads(pairs.get("prefilled") or "{}").items()},
            {int(number): int(revision)
             for number, revision in json.loads(pairs.get("revisions") or "{}").items()})
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise TemplateRejectedError("template.damaged") from error
    if version > FORMAT_VERSION:
        raise TemplateRejectedError("template.too_new", version=version,
                                    supported=FORMAT_VERSION)
    if pairs.get("checksum") != keys.checksum() or keys.fields != FIELDS:
        raise TemplateRejectedError("template.damaged")
    return keys


def read_template(path: Path, max_tasks: int = DEFAULT_MAX_TASKS) -> TemplateReading:
    """Read a filled-in template: verify keys and headers, then collect the task rows.

    Args:
        path: the .xlsx file.
        max_tasks: the number of tasks a template lists (the active catalogue's township
            tasks). A sheet with rows far below them is rejected while its XML is scanned,
            before openpyxl loads it.

    Raises:
        ExcelUnreadableError: the file is not an .xlsx workbook or passes a size limit.
        TemplateRejectedError: see :func:`read_keys`; ``headers_changed`` when a header cell
            differs from the one written; ``too_many_rows`` when a sheet has rows below
            ``max_tasks`` task rows and the spare rows.
    """
    last_row = FIRST_ROW - 1 + max_tasks + SPARE_ROWS
    try:
        workbook, formulas = open_workbook_with_formulas(
            path, limits=WorkbookLimits(max_rows=last_row))
    except ExcelUnreadableError as error:
        if error.code != "excel.too_many_rows":
            raise
        raise TemplateRejectedError("template.too_many_rows", cell=error.details["cell"],
                                    tasks=max_tasks, last_task_row=FIRST_ROW - 1 + max_tasks,
                                    spare_rows=SPARE_ROWS, limit=last_row) from error
    keys = read_keys(workbook)
    if keys.sheet not in workbook.sheetnames:
        others = [name for name in workbook.sheetnames if name != KEYS_SHEET]
        raise TemplateRejectedError("template.sheet_missing", sheet=keys.sheet,
                                    found=", ".join(others))
    sheet = workbook[keys.sheet]
    reader = SheetReader(sheet)
    _check_headers(reader, keys)
    problems = _merge_problems(reader)
    problems += _formula_problems(formulas, keys.sheet, reader)

    rows: list[TemplateRow] = []
    seen: dict[int, int] = {}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        number_formula = key_formula_problem(formulas, sheet.title, row, {"number": 1})
        if number_formula is not None:
            problems.append(number_formula)
            continue
        read = _read_row(reader, row, keys, seen, problems)
        if read is not None:
            rows.append(read)
    return TemplateReading(keys, tuple(rows), tuple(problems))


def _merge_problems(reader: SheetReader) -> list[CellProblem]:
    """List merged ranges over editable cells that cannot be read, and unfill the rest.

    A responsible person or contact merged down several tasks means the same person for each
    of them, so those ranges stay filled. A status, value or narrative merged down several
    tasks has no such reading (the tasks have different measures and units), and a range
    across columns mixes fields; both are rejected.
    """
    sheet = reader.sheet
    editable_columns = {FIELDS.index(name) + 1: name for name in EDITABLE}
    problems: list[CellProblem] = []
    for span in sheet.merged_cells.ranges:
        columns = range(span.min_col, span.max_col + 1)
        if span.max_row < FIRST_ROW or not any(column in editable_columns for column in columns):
            continue
        if span.min_col != span.max_col:
            code = "template.merged_across"
        elif editable_columns[span.min_col] in FILL_DOWN_FIELDS or span.max_row == span.min_row:
            continue
        else:
            code = "template.merged_across_tasks"
            for row in range(span.min_row + 1, span.max_row + 1):
                reader.filled.pop((row, span.min_col), None)
        problems.append(CellProblem(sheet.title, span.min_row, get_column_letter(span.min_col),
                                    code, span.coord))
    return problems


def _formula_problems(formulas: FormulaCells, sheet_name: str,
                      reader: SheetReader) -> list[CellProblem]:
    """List editable cells that hold a formula without a stored result.

    Excel and WPS store each formula's last result, which the import reads. A workbook saved
    by a program that does not calculate (openpyxl, some converters) has none, and such a
    cell would otherwise look blank and be skipped without a word.
    """
    editable_columns = {FIELDS.index(name) + 1: name for name in EDITABLE}
    problems: list[CellProblem] = []
    cells = formulas.by_sheet.get(sheet_name, {})
    for (row, column), formula in sorted(cells.items()):
        if row < FIRST_ROW or column not in editable_columns:
            continue
        if reader.sheet.cell(row, column).value is None:
            # The advice names what the column takes instead: a number, a status or text.
            variant = FORMULA_VARIANTS.get(editable_columns[column], "text")
            problems.append(CellProblem(sheet_name, row, get_column_letter(column),
                                        "template.formula_without_value", formula,
                                        (("variant", variant),)))
    return problems


def _check_headers(reader: SheetReader, keys: TemplateKeys) -> None:
    sheet = reader.sheet
    last = max(len(keys.headers), sheet.max_column)
    for column in range(1, last + 1):
        expected = keys.headers[column - 1] if column <= len(keys.headers) else ""
        found = fold(sheet.cell(HEADER_ROW, column).value)
        if squeeze(found) != squeeze(expected):
            raise TemplateRejectedError(
                "template.headers_changed", sheet=sheet.title,
                cell=f"{get_column_letter(column)}{HEADER_ROW}", expected=expected, found=found)


def _read_row(reader: SheetReader, row: int, keys: TemplateKeys, seen: dict[int, int],
              problems: list[CellProblem]) -> TemplateRow | None:
    sheet = reader.sheet
    cells: dict[str, TemplateCell] = {}
    for name in EDITABLE:
        column = FIELDS.index(name) + 1
        value = reader.value(row, column)
        if fold(value) == "":
            continue
        origin = sheet.cell(row, column)
        cells[name] = TemplateCell(origin.coordinate, value, origin.number_format)
    number_text = fold(reader.value(row, 1))
    if not number_text and not cells:
        return None
    if not number_text:
        problems.append(CellProblem(sheet.title, row, "A", "template.missing_task"))
        return None

    try:
        number = int(Decimal(number_text))
    except ArithmeticError:
        number = -1
    if number not in keys.tasks:
        problems.append(CellProblem(sheet.title, row, "A", "template.unknown_task", number_text))
        return None
    if number in seen:
        problems.append(CellProblem(sheet.title, row, "A", "template.duplicate_task",
                                    number_text, (("first_row", str(seen[number])),)))
        return None
    seen[number] = row
    return TemplateRow(number, row, cells)


def stored_value(name: str, text: str) -> Any:
    """Return the value of an entry field from the text the keys sheet records for it."""
    if name == "status":
        return Status(text) if text else Status.NOT_STARTED
    if name == "value":
        return Decimal(text) if text else None
    return text


def template_changes(reading: TemplateReading, tasks: Mapping[int, Task]) -> TemplateChanges:
    """Turn the rows of a template into entry changes; unreadable cells become problems."""
    result = TemplateChanges(problems=list(reading.problems))
    sheet = reading.keys.sheet
    for row in reading.rows:
        task = tasks[row.task_number]
        changes: dict[str, Any] = {}
        sources: dict[str, str] = {}
        for name, cell in row.cells.items():
            try:
                changes[name] = _cell_value(name, cell, task)
            except MeiliError as error:
                column = "".join(character for character in cell.coordinate
                                 if character.isalpha())
                details = tuple((key, str(value)) for key, value in error.details.items())
                result.problems.append(CellProblem(sheet, row.row, column, error.code,
                                                   _shown_value(cell.value), details))
                continue
            sources[name] = cell.coordinate
        if changes:
            result.changes[row.task_number] = changes
            result.sources[row.task_number] = sources
    return result


def _cell_value(name: str, cell: TemplateCell, task: Task) -> Any:
    if name == "status":
        return _status(cell.value)
    if name == "value":
        return _number(cell, task)
    text = cell_text(cell.value)
    return text if name == "narrative" else text.strip()


def _status(value: Any) -> Status:
    text = fold(value)
    status = status_from_label(text)
    if status is not None:
        return status
    try:
        return parse_status(text)
    except InvalidStatusError:
        raise InvalidStatusError(text=text) from None


def _shown_value(value: Any) -> str:
    """Return a cell's value as a problem lists it; a long number in E notation."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return short_number_text(Decimal(repr(value)))
    return fold(value)


def _number(cell: TemplateCell, task: Task) -> Decimal:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = Decimal(repr(value))
        # A number cell can hold 1E+308, whose plain digits no message should print.
        check_number_range(number, task.measure, task.unit)
        if task.measure is MeasureType.PERCENT and is_percent_format(cell.number_format):
            # Excel stores 85% as 0.85 in a cell formatted as a percentage.
            percent = format((number * 100).normalize(), "f")
            return parse_value_strictly(percent + "%", task.measure, task.unit, task.number)
        return parse_value_strictly(cell_text(value), task.measure, task.unit, task.number)
    return parse_value_strictly(str(value), task.measure, task.unit, task.number)
