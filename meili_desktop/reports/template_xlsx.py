"""Fill-in Excel templates for one town and period, for colleagues who only use spreadsheets.

The entry sheet lists the town's tasks with their targets; catalogue cells are locked under
sheet protection and the clerk fills status (a drop-down list), value, narrative,
responsible person and contact. A very hidden sheet holds the keys the import checks: unit,
period, catalogue version, column layout and task rows, with a SHA-256 checksum over them.

NOTE: The checksum detects edits to the keys by hand; anyone can recompute it, so it is a
consistency check, not a signature. Sheet protection has no password for the same reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from PySide6.QtCore import QT_TRANSLATE_NOOP

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.reports.labels import status_label, tr, translate
from meili_desktop.reports.xlsx_layout import (
    BORDER,
    CENTER,
    HEADER_FILL,
    HEADER_FONT,
    PAPER_A4,
)
from meili_desktop.reports.xlsx_text import row_cells, set_value
from meili_desktop.store.fileio import atomic_write

FORMAT_NAME = "meili-desktop-entry-template"
FORMAT_VERSION = 1
KEYS_SHEET = "_keys"
HEADER_ROW = 3
FIRST_ROW = 4

# Field keys of the entry sheet, in column order; the first seven are catalogue cells.
FIELDS = ("number", "category", "title", "requirement", "lead_unit", "unit", "target",
          "status", "value", "narrative", "responsible_person", "contact")
EDITABLE = ("status", "value", "narrative", "responsible_person", "contact")
_HEADERS = {
    "number": (QT_TRANSLATE_NOOP("Reports", "No."), 6),
    "category": (QT_TRANSLATE_NOOP("Reports", "Category"), 10),
    "title": (QT_TRANSLATE_NOOP("Reports", "Key task"), 34),
    "requirement": (QT_TRANSLATE_NOOP("Reports", "Requirement"), 30),
    "lead_unit": (QT_TRANSLATE_NOOP("Reports", "Lead unit"), 14),
    "unit": (QT_TRANSLATE_NOOP("Reports", "Measure unit"), 8),
    "target": (QT_TRANSLATE_NOOP("Reports", "Target"), 9),
    "status": (QT_TRANSLATE_NOOP("Reports", "Status"), 10),
    "value": (QT_TRANSLATE_NOOP("Reports", "Actual"), 11),
    "narrative": (QT_TRANSLATE_NOOP("Reports", "Progress narrative"), 40),
    "responsible_person": (QT_TRANSLATE_NOOP("Reports", "Responsible person"), 11),
    "contact": (QT_TRANSLATE_NOOP("Reports", "Contact"), 14),
}
# A percent task's value is typed in percent (85 means 85 %); the sign is a literal suffix,
# so typing 85 keeps the number 85, while typing 85% still arrives as 0.85 in a % format.
VALUE_FORMATS = {MeasureType.PERCENT: '0.0#"%"', MeasureType.COUNT: "General",
                 MeasureType.LENGTH: "General", MeasureType.RATE: "General"}
EDITABLE_FILL = PatternFill(fill_type="solid", start_color="FFFFF9E6", end_color="FFFFF9E6")
LOCKED_FILL = PatternFill(fill_type="solid", start_color="FFF2F2F2", end_color="FFF2F2F2")


@dataclass(frozen=True)
class TemplateSpec:
    """The content of a template: one town, one period, the active catalogue."""

    unit_id: str
    unit_name: str
    county_name: str
    period_code: str
    catalogue_version: str
    catalogue_hash: str
    tasks: Sequence[Task]
    targets: Mapping[int, Decimal]
    entries: Mapping[int, Entry]


@dataclass(frozen=True)
class TemplateKeys:
    """The keys stored in a template's hidden sheet."""

    unit_id: str
    unit_name: str
    period_code: str
    catalogue_version: str
    catalogue_hash: str
    sheet: str
    fields: tuple[str, ...]
    headers: tuple[str, ...]
    tasks: tuple[int, ...]
    # The entry content pre-filled at export, by task number and field, as stored text; and
    # each entry's revision then. An import skips cells the clerk left as exported, so an
    # old template cannot undo a later change made in the program.
    prefilled: Mapping[int, Mapping[str, str]] = field(default_factory=dict)
    revisions: Mapping[int, int] = field(default_factory=dict)

    def payload(self) -> dict[str, Any]:
        return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION,
                "unit_id": self.unit_id, "unit_name": self.unit_name,
                "period": self.period_code, "catalogue_version": self.catalogue_version,
                "catalogue_hash": self.catalogue_hash, "sheet": self.sheet,
                "fields": list(self.fields), "headers": list(self.headers),
                "tasks": list(self.tasks),
                "prefilled": {str(number): dict(values)
                              for number, values in sorted(self.prefilled.items())},
                "revisions": {str(number): revision
                              for number, revision in sorted(self.revisions.items())}}

    def checksum(self) -> str:
        canonical = json.dumps(self.payload(), ensure_ascii=False, sort_keys=True,
                               separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def stored_texts(entry: Entry) -> dict[str, str]:
    """Return an entry's editable fields as the text the keys sheet records."""
    return {"status": entry.status.value,
            "value": "" if entry.value is None else format(entry.value, "f"),
            "narrative": entry.narrative, "responsible_person": entry.responsible_person,
            "contact": entry.contact}


def status_choices() -> list[str]:
    """Return the status labels the drop-down offers, in the current language."""
    return [status_label(status) for status in Status]


def write_template(spec: TemplateSpec, path: Path) -> TemplateKeys:
    """Write the fill-in template to ``path``, replacing it only when complete.

    Returns:
        The keys written into the hidden sheet.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = translate("Reports", "Entries")
    headers = tuple(tr(_HEADERS[field][0]) for field in FIELDS)
    keys = TemplateKeys(spec.unit_id, spec.unit_name, spec.period_code, spec.catalogue_version,
                        spec.catalogue_hash, sheet.title, FIELDS, headers,
                        tuple(task.number for task in spec.tasks),
                        {number: stored_texts(entry) for number, entry in spec.entries.items()},
                        {number: entry.revision for number, entry in spec.entries.items()})

    _write_title(sheet, spec)
    _write_header_row(sheet, headers)
    for offset, task in enumerate(spec.tasks):
        _write_task_row(sheet, FIRST_ROW + offset, task, spec.targets.get(task.number),
                        spec.entries.get(task.number))
    last_row = FIRST_ROW + len(spec.tasks) - 1
    _add_validations(sheet, last_row)
    _protect_and_print(sheet, last_row)
    _write_keys(workbook, keys)
    workbook.security = WorkbookProtection(lockStructure=True)
    with atomic_write(path) as handle:
        workbook.save(handle)
    return keys


def _write_title(sheet: Worksheet, spec: TemplateSpec) -> None:
    last = get_column_letter(len(FIELDS))
    title = translate("Reports",
                      "{county}{town} {period} Beautiful Towns key tasks: progress form")
    set_value(sheet, 1, 1, title.format(county=spec.county_name, town=spec.unit_name,
                                        period=spec.period_code))
    sheet["A1"].font = Font(name="宋体", size=16, bold=True)
    sheet["A1"].alignment = CENTER
    sheet.merge_cells(f"A1:{last}1")
    note = translate("Reports",
                     "Reporting unit: {town} ({code})   Period: {period}   Catalogue: "
                     "{version}   Fill in the yellow cells; blank cells leave stored data "
                     "unchanged.")
    set_value(sheet, 2, 1, note.format(town=spec.unit_name, code=spec.unit_id,
                                       period=spec.period_code,
                                       version=spec.catalogue_version))
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="center")
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[1].height = 30
    sheet.row_dimensions[2].height = 32


def _write_header_row(sheet: Worksheet, headers: Sequence[str]) -> None:
    for column, (name, header) in enumerate(zip(FIELDS, headers, strict=True), 1):
        cell = set_value(sheet, HEADER_ROW, column, header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = CENTER
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(column)].width = _HEADERS[name][1]
    sheet.freeze_panes = f"D{FIRST_ROW}"


def _write_task_row(sheet: Worksheet, row: int, task: Task, target: Decimal | None,
                    entry: Entry | None) -> None:
    lead = task.lead
    values: dict[str, Any] = {
        "number": task.number, "category": task.category, "title": task.title,
        "requirement": task.requirement, "lead_unit": lead.unit if lead is not None else "",
        "unit": task.unit, "target": target,
    }
    if entry is not None:
        values.update(status=status_label(entry.status), value=entry.value,
                      narrative=entry.narrative, responsible_person=entry.responsible_person,
                      contact=entry.contact)
    for column, name in enumerate(FIELDS, 1):
        # The clerk's own texts may start with "=", which must come back as typed.
        cell = set_value(sheet, row, column, values.get(name))
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if name in EDITABLE:
            cell.protection = Protection(locked=False)
            cell.fill = EDITABLE_FILL
        else:
            cell.fill = LOCKED_FILL
        if name in ("value", "target"):
            cell.number_format = VALUE_FORMATS.get(task.measure, "General")
        elif name in ("responsible_person", "contact", "narrative"):
            cell.number_format = "@"


def _add_validations(sheet: Worksheet, last_row: int) -> None:
    status_column = get_column_letter(FIELDS.index("status") + 1)
    statuses = DataValidation(type="list", formula1='"' + ",".join(status_choices()) + '"',
                              allow_blank=True, showErrorMessage=True,
                              errorTitle=translate("Reports", "Status"),
                              error=translate("Reports", "Choose a status from the list."))
    statuses.add(f"{status_column}{FIRST_ROW}:{status_column}{last_row}")
    value_column = get_column_letter(FIELDS.index("value") + 1)
    # A warning, not a stop: text such as 85％ pasted from elsewhere is still read on import.
    values = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                            allow_blank=True, showErrorMessage=True, errorStyle="warning",
                            errorTitle=translate("Reports", "Actual"),
                            error=translate("Reports", "Type a number, such as 12 or 85 for 85%."))
    values.add(f"{value_column}{FIRST_ROW}:{value_column}{last_row}")
    sheet.add_data_validation(statuses)
    sheet.add_data_validation(values)


def _protect_and_print(sheet: Worksheet, last_row: int) -> None:
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(len(FIELDS))}{last_row}"


def _write_keys(workbook: Workbook, keys: TemplateKeys) -> None:
    sheet = workbook.create_sheet(KEYS_SHEET)
    for key, value in keys.payload().items():
        is_structured = isinstance(value, list | dict)
        stored = json.dumps(value, ensure_ascii=False) if is_structured else value
        sheet.append(row_cells(sheet, [key, stored]))
    sheet.append(["checksum", keys.checksum()])
    sheet.protection.sheet = True
    sheet.sheet_state = "veryHidden"
