"""Read the office's Excel task table (分类, 编号, 重点工作, 工作要求, 牵头责任单位) into a catalogue.

The office keeps the table as an .xlsx whose 分类 and 牵头责任单位 cells are merged
vertically. openpyxl returns a merged range's value only in its top-left cell, so the other
cells of each range are filled from it. Header rows may sit below a title row and repeat on
every printed page, and the table may span several sheets. Each row that cannot be read
cleanly becomes an :class:`ImportProblem` naming the sheet, row and reason. The catalogue
built alongside resolves each problem with its suggestion, and the caller decides whether
to store it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from meili_desktop.domain.catalogue import (
    Catalogue,
    LeadLink,
    LeadRole,
    MeasureType,
    Provenance,
    SubItem,
    Task,
    TaskLevel,
)
from meili_desktop.domain.catalogue_document import catalogue_from_document, catalogue_to_document
from meili_desktop.domain.lead_cells import (
    LeadCellKind,
    fold,
    read_lead_cell,
    suggest_unit_from_duties,
)
from meili_desktop.domain.merge_records import MAX_STORED_INTEGER
from meili_desktop.reports.catalogue_xlsx_file import CatalogueXlsxError, open_task_workbook
from meili_desktop.reports.xlsx_formulas import FormulaCells

logger = logging.getLogger(__name__)

# Header texts after folding, for each column the import reads.
_HEADERS = {
    "category": {"分类", "类别"},
    "number": {"编号", "序号"},
    "title": {"重点工作", "重点工作任务", "工作任务"},
    "requirement": {"工作要求"},
    "unit": {"牵头责任单位", "牵头单位", "责任单位"},
}
_REQUIRED_COLUMNS = ("number", "title", "requirement", "unit")

_SUB_ITEM = re.compile(r"(\d+\.\d+)\s*")


@dataclass(frozen=True)
class ImportProblem:
    """A row the import could not read cleanly.

    ``code`` names the reason: ``catalogue_xlsx.unknown_unit``, ``.missing_number``,
    ``.bad_number``, ``.number_too_large``, ``.formula_number``, ``.duplicate_number``, ``.requirement_in_unit``,
    ``.missing_unit``, ``.missing_title`` or ``.missing_category``. ``value`` is the
    offending cell text, and ``cell`` its coordinate where the message names the cell.
    ``suggestion`` is what an accepted import uses instead, and is empty when the row or
    name is dropped.
    """

    sheet: str
    row: int
    code: str
    value: str = ""
    suggestion: str = ""
    number: int | None = None
    first_row: int | None = None  # for a duplicate number, the row that used it first
    cell: str = ""

    @property
    def message_code(self) -> str:
        """The key of the message that describes this problem."""
        if self.code == "catalogue_xlsx.requirement_in_unit" and not self.suggestion:
            return f"{self.code}.no_suggestion"
        return self.code

    def details(self) -> dict[str, Any]:
        """Return the values a message template for this problem can use."""
        return {"sheet": self.sheet, "row": self.row, "value": self.value,
                "suggestion": self.suggestion, "number": self.number or "",
                "first_row": self.first_row or "", "cell": self.cell}


@dataclass(frozen=True)
class CatalogueReading:
    """The catalogue read from a workbook, with the problems met on the way."""

    catalogue: Catalogue
    problems: tuple[ImportProblem, ...]
    new_task_numbers: tuple[int, ...] = ()


@dataclass
class _Cell:
    text: str
    is_merged_fill: bool  # the value came from the top-left cell of a merged range


@dataclass
class _Row:
    sheet: str
    row: int
    cells: dict[str, _Cell]
    raw_number: Any
    # The formula in the 编号 cell and the cell's coordinate, when it holds one.
    number_formula: tuple[str, str] | None = None


@dataclass
class _Collected:
    title: str | None = None
    rows: list[_Row] = field(default_factory=list)
    has_header: bool = False


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _merged_values(sheet: Worksheet) -> dict[tuple[int, int], Any]:
    """Map each non-top-left cell of a merged range to the range's top-left value."""
    fills: dict[tuple[int, int], Any] = {}
    for cell_range in sheet.merged_cells.ranges:
        value = sheet.cell(cell_range.min_row, cell_range.min_col).value
        for row in range(cell_range.min_row, cell_range.max_row + 1):
            for column in range(cell_range.min_col, cell_range.max_col + 1):
                if (row, column) != (cell_range.min_row, cell_range.min_col):
                    fills[(row, column)] = value
    return fills


def _header_columns(values: list[Any]) -> dict[str, int] | None:
    """Return the column index of each known heading, or None unless it is a header row."""
    columns: dict[str, int] = {}
    for index, value in enumerate(values):
        heading = fold(_text(value))
        for name, spellings in _HEADERS.items():
            if heading in spellings and name not in columns:
                columns[name] = index
    return columns if all(name in columns for name in _REQUIRED_COLUMNS) else None


def _collect_sheet(sheet: Worksheet, collected: _Collected, formulas: FormulaCells) -> None:
    fills = _merged_values(sheet)
    columns: dict[str, int] | None = None
    title: str | None = None  # a single text above the sheet's first header
    for row_number, row_cells in enumerate(sheet.iter_rows(), start=1):
        values = [cell.value for cell in row_cells]
        header = _header_columns(values)
        if header is not None:
            if columns is None and collected.title is None:
                collected.title = title
            columns = header
            collected.has_header = True
            continue
        if columns is None:
            texts = [_text(value) for value in values if _text(value)]
            if title is None and len(texts) == 1:
                title = texts[0]
            continue

        cells: dict[str, _Cell] = {}
        for name, column in columns.items():
            own = values[column] if column < len(values) else None
            if own is None and (row_number, column + 1) in fills:
                cells[name] = _Cell(_text(fills[(row_number, column + 1)]), True)
            else:
                cells[name] = _Cell(_text(own), False)
        raw_number = values[columns["number"]] if columns["number"] < len(values) else None
        if raw_number is None:
            raw_number = fills.get((row_number, columns["number"] + 1))
        number_column = columns["number"] + 1
        formula = formulas.at(sheet.title, row_number, number_column)
        number_formula = None
        if formula is not None:
            number_formula = (formula, f"{get_column_letter(number_column)}{row_number}")
        elif not any(cells[name].text for name in ("number", "title", "requirement")):
            continue  # a row that only continues a merged range, such as a blank spacer
        collected.rows.append(_Row(sheet.title, row_number, cells, raw_number, number_formula))


# --- rows to tasks ---------------------------------------------------------------------------


def _parse_number(raw: Any) -> tuple[int | None, str | None]:
    """Return the task number of a 编号 cell, or None and the problem code."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, "catalogue_xlsx.missing_number"
    if isinstance(raw, bool):
        return None, "catalogue_xlsx.bad_number"
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, int):
        text = fold(str(raw)).rstrip(".")
        if not (text.isascii() and text.isdigit()):
            return None, "catalogue_xlsx.bad_number"
        raw = int(text)
    if raw <= 0:
        return None, "catalogue_xlsx.bad_number"
    if raw > MAX_STORED_INTEGER:
        # The tasks table stores the number in an INTEGER column.
        return None, "catalogue_xlsx.number_too_large"
    return raw, None


def _split_sub_items(title: str) -> tuple[SubItem, ...]:
    """Return the numbered parts of a title such as "1.1 ...； 1.2 ...", or none."""
    matches = list(_SUB_ITEM.finditer(title))
    if len(matches) < 2 or matches[0].start() != 0:
        return ()
    items = []
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(title)
        text = title[match.end():end].strip()
        if not text:
            return ()
        items.append(SubItem(code=match.group(1), title=text))
    return tuple(items)


class _TaskBuilder:
    """Turn table rows into tasks, collecting a problem for each row it must guess on."""

    def __init__(self, base: Catalogue) -> None:
        self.base = base
        self.tasks: dict[int, Task] = {}
        self.first_rows: dict[int, _Row] = {}
        self.problems: list[ImportProblem] = []
        self.new_numbers: list[int] = []
        self.last_category = ""

    def _problem(self, row: _Row, code: str, **values: Any) -> None:
        self.problems.append(ImportProblem(sheet=row.sheet, row=row.row, code=code, **values))

    def add(self, row: _Row) -> None:
        if row.number_formula is not None:
            formula, cell = row.number_formula
            self._problem(row, "catalogue_xlsx.formula_number", value=formula, cell=cell)
            return
        number, number_problem = _parse_number(row.raw_number)
        if number is None:
            self._problem(row, number_problem or "catalogue_xlsx.bad_number",
                          value=_text(row.raw_number))
            return
        if number in self.first_rows:
            first = self.first_rows[number]
            self._problem(row, "catalogue_xlsx.duplicate_number", value=str(number),
                          number=number, first_row=first.row)
            return
        title = row.cells["title"].text
        if not title:
            self._problem(row, "catalogue_xlsx.missing_title", number=number)
            return

        self.first_rows[number] = row
        category = self._category(row, number)
        requirement = row.cells["requirement"].text
        links = self._links(row, number, title, requirement)
        self.tasks[number] = self._task(number, category, title, requirement, links)

    def _category(self, row: _Row, number: int) -> str:
        cell = row.cells.get("category")
        category = fold(cell.text) if cell is not None else ""
        if not category:
            category = self.last_category or self._base_category(number)
            self._problem(row, "catalogue_xlsx.missing_category", number=number,
                          suggestion=category)
        self.last_category = category
        return category

    def _base_category(self, number: int) -> str:
        try:
            return self.base.task(number).category
        except KeyError:
            return self.base.categories[0] if self.base.categories else ""

    def _links(self, row: _Row, number: int, title: str,
               requirement: str) -> tuple[LeadLink, ...]:
        cell = row.cells["unit"]
        lead = read_lead_cell(cell.text, requirement, self.base)
        if lead.kind is LeadCellKind.EMPTY:
            self._problem(row, "catalogue_xlsx.missing_unit", number=number)
            return ()
        if lead.kind is LeadCellKind.REQUIREMENT:
            suggestion = suggest_unit_from_duties(title, self.base)
            self._problem(row, "catalogue_xlsx.requirement_in_unit", number=number,
                          value=cell.text, suggestion=suggestion or "")
            if suggestion is None:
                return ()
            return (LeadLink(unit=suggestion, role=LeadRole.LEAD,
                             provenance=Provenance.DUTIES, written_as=cell.text),)

        for name in lead.unknown:
            self._problem(row, "catalogue_xlsx.unknown_unit", number=number, value=name)
        provenance = Provenance.MERGED_CELL if cell.is_merged_fill else Provenance.TABLE
        return tuple(LeadLink(unit=name, role=LeadRole.LEAD if index == 0 else LeadRole.CO_LEAD,
                              provenance=provenance, written_as=written)
                     for index, (name, written) in enumerate(zip(lead.names, lead.written,
                                                                 strict=True)))

    def _task(self, number: int, category: str, title: str, requirement: str,
              links: tuple[LeadLink, ...]) -> Task:
        """Build the task; how it is measured and scored comes from the base catalogue."""
        sub_items = _split_sub_items(title)
        try:
            prior: Task | None = self.base.task(number)
        except KeyError:
            prior = None
        if prior is None:
            self.new_numbers.append(number)
            return Task(number=number, category=category, title=title,
                        requirement=requirement, measure=MeasureType.QUALITATIVE, unit="",
                        higher_is_better=True, level=TaskLevel.TOWNSHIP, lead_units=links,
                        sub_items=sub_items)
        if sub_items and prior.sub_items:
            title = prior.title  # the short title stands for the numbered parts
        return Task(number=number, category=category, title=title, requirement=requirement,
                    measure=prior.measure, unit=prior.unit,
                    higher_is_better=prior.higher_is_better, level=prior.level,
                    lead_units=links, scoring=prior.scoring, sub_items=sub_items,
                    rate_base=prior.rate_base)


# --- the whole workbook ----------------------------------------------------------------------


def read_catalogue_xlsx(path: Path, base: Catalogue, version: str) -> CatalogueReading:
    """Read the task table of an .xlsx file into a new catalogue version.

    Args:
        path: the workbook.
        base: the current catalogue, which supplies the member units, their aliases and
            duties, and each task's measure, unit, level and scoring by task number.
        version: the version id of the new catalogue.

    Returns:
        The catalogue with every problem resolved by its suggestion, and the problems.

    Raises:
        CatalogueXlsxError: the file is missing, too large, merges too many cells or is not
            a workbook, or no sheet has a header row with 编号, 重点工作, 工作要求 and 牵头责任单位, or no row holds a task.
        CatalogueDocumentError: a cell is longer than the catalogue format allows.
    """
    workbook, data, formulas = open_task_workbook(path)
    collected = _Collected()
    for sheet in workbook.worksheets:
        _collect_sheet(sheet, collected, formulas)
    workbook.close()
    if not collected.has_header:
        raise CatalogueXlsxError("catalogue_xlsx.no_header", path=str(path))

    builder = _TaskBuilder(base)
    for row in collected.rows:
        builder.add(row)
    if not builder.tasks:
        raise CatalogueXlsxError("catalogue_xlsx.no_tasks", path=str(path))

    tasks = tuple(builder.tasks[number] for number in sorted(builder.tasks))
    categories = tuple(dict.fromkeys(task.category for task in tasks))
    digest = hashlib.sha256(data).hexdigest()
    catalogue = Catalogue(version=version, title=(collected.title or base.title)[:200],
                          categories=categories, member_units=base.member_units, tasks=tasks,
                          source=f"{path.name}（SHA-256 {digest[:16]}）"[-200:])
    # A round trip through the document format applies its checks (lengths, roles) now,
    # before anything is stored.
    catalogue = catalogue_from_document(catalogue_to_document(catalogue))
    logger.info("read %d tasks with %d problems from %s", len(tasks), len(builder.problems),
                path)
    return CatalogueReading(catalogue=catalogue, problems=tuple(builder.problems),
                            new_task_numbers=tuple(builder.new_numbers))
