"""Write a summary report as an Excel workbook in openpyxl's write-only mode.

One sheet per period and grouping (按乡镇, 按县（市、区）, ...) and, when the report carries the
town-by-task pairs, one detail sheet per period. Every sheet follows :mod:`xlsx_layout`:
title row, merged two-row headers, frozen panes, widths, number formats, red cells for values
behind target, A4 landscape printing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from meili_desktop.domain.entries import Status
from meili_desktop.domain.summary import Grouping, PairResult, SummaryRow
from meili_desktop.errors import CancelledError
from meili_desktop.reports.labels import (
    grouping_key_label,
    grouping_sheet_name,
    status_label,
    translate,
)
from meili_desktop.reports.summary_document import PeriodSummary, SummaryDocument
from meili_desktop.reports.xlsx_layout import (
    CHANGE_FORMAT,
    INTEGER_FORMAT,
    PERCENT_FORMAT,
    VALUE_FORMAT,
    Column,
    TableWriter,
)
from meili_desktop.store.fileio import atomic_write

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
# Excel allows 31 characters in a sheet name.
MAX_SHEET_NAME = 31
STATUS_ORDER = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_APPLICABLE)


def _key_columns(grouping: Grouping) -> list[Column]:
    number = Column(translate("Reports", "No."), 6, INTEGER_FORMAT)
    if grouping is Grouping.TOWN:
        return [number,
                Column(translate("Reports", "County"), 12),
                Column(translate("Reports", "Town"), 16),
                Column(translate("Reports", "Town type"), 9)]
    if grouping is Grouping.TASK:
        return [number,
                Column(translate("Reports", "Key task"), 36),
                Column(translate("Reports", "Lead unit"), 16),
                Column(translate("Reports", "Measure unit"), 9)]
    return [number, Column(grouping_key_label(grouping), 22)]


def summary_columns(grouping: Grouping) -> list[Column]:
    """Return the columns of a grouping's sheet, key columns first."""
    reports = translate("Reports", "Reports")
    status = translate("Reports", "Status")
    attainment = translate("Reports", "Target attainment")
    columns = _key_columns(grouping) + [
        Column(translate("Reports", "Expected"), 8, INTEGER_FORMAT, reports),
        Column(translate("Reports", "Reported"), 8, INTEGER_FORMAT, reports),
        Column(translate("Reports", "Missing"), 8, INTEGER_FORMAT, reports),
    ]
    columns += [Column(status_label(item), 8, INTEGER_FORMAT, status) for item in STATUS_ORDER]
    columns += [
        Column(translate("Reports", "With target"), 8, INTEGER_FORMAT, attainment),
        Column(translate("Reports", "Meeting target"), 8, INTEGER_FORMAT, attainment),
        Column(translate("Reports", "Attainment"), 9, PERCENT_FORMAT, attainment,
               behind_below=1.0),
    ]
    if grouping is Grouping.TASK:
        value_group = translate("Reports", "Completion")
        columns += [
            Column(translate("Reports", "Actual"), 11, VALUE_FORMAT, value_group),
            Column(translate("Reports", "Target"), 11, VALUE_FORMAT, value_group),
            Column(translate("Reports", "Completion rate"), 9, PERCENT_FORMAT, value_group,
                   behind_below=1.0),
            Column(translate("Reports", "Percent only"), 8, INTEGER_FORMAT, value_group),
        ]
    columns.append(Column(translate("Reports", "Change since previous period"), 11,
                          CHANGE_FORMAT, behind_below=0.0))
    return columns


def summary_values(grouping: Grouping, index: int, row: SummaryRow,
                   document: SummaryDocument) -> list[Any]:
    """Return the cell values of one summary row, in the order of :func:`summary_columns`."""
    if grouping is Grouping.TOWN:
        keys: list[Any] = [index, row.parent_label, row.label,
                           document.town_types.get(row.key, "")]
    elif grouping is Grouping.TASK:
        task = document.task(int(row.key))
        keys = [task.number, task.title, row.parent_label, task.unit]
    else:
        keys = [index, row.label]
    values = keys + [row.expected, row.reported, row.missing]
    values += [row.status_counts.get(status, 0) for status in STATUS_ORDER]
    values += [row.with_target, row.meeting_target, row.attainment]
    if grouping is Grouping.TASK:
        values += [row.actual, row.target, row.completion, row.percent_only]
    values.append(row.change)
    return values


def detail_columns() -> list[Column]:
    """Return the columns of a period's town-by-task detail sheet."""
    value_group = translate("Reports", "Completion")
    return [
        Column(translate("Reports", "County"), 12),
        Column(translate("Reports", "Town"), 16),
        Column(translate("Reports", "No."), 6, INTEGER_FORMAT),
        Column(translate("Reports", "Key task"), 36),
        Column(translate("Reports", "Status"), 9),
        Column(translate("Reports", "Actual"), 11, VALUE_FORMAT, value_group),
        Column(translate("Reports", "Numerator"), 10, VALUE_FORMAT, value_group),
        Column(translate("Reports", "Denominator"), 10, VALUE_FORMAT, value_group),
        Column(translate("Reports", "Target"), 11, VALUE_FORMAT, value_group),
        Column(translate("Reports", "Completion rate"), 9, PERCENT_FORMAT, value_group,
               behind_below=1.0),
        Column(translate("Reports", "Meets target"), 8),
        Column(translate("Reports", "Responsible person"), 12),
        Column(translate("Reports", "Updated"), 17),
    ]


def detail_rows(document: SummaryDocument, period: PeriodSummary) -> Iterator[list[Any]]:
    """Yield the detail sheet's rows: one per town and task, in scope order."""
    towns = {town.id: town for town in document.scope.towns}
    titles = {task.number: task.title for task in document.scope.tasks}
    counties = document.scope.counties
    yes, no = translate("Reports", "Yes"), translate("Reports", "No")
    not_reported = translate("Reports", "Not reported")
    status_names = {status: status_label(status) for status in Status}
    for pair in period.pairs:
        town = towns[pair.unit_id]
        county = counties.get(town.parent_id or "")
        entry = period.entries.get((pair.unit_id, pair.task_number))
        yield [county.name if county is not None else "", town.name, pair.task_number,
               titles[pair.task_number],
               status_names[entry.status] if entry is not None else not_reported,
               pair.actual,
               entry.numerator if entry is not None else None,
               entry.denominator if entry is not None else None,
               pair.target, pair.completion,
               _met_text(pair, yes, no),
               entry.responsible_person if entry is not None else "",
               entry.updated_at.strftime("%Y-%m-%d %H:%M") if entry is not None
               and entry.updated_at is not None else ""]


def _met_text(pair: PairResult, yes: str, no: str) -> str:
    if pair.target is None:
        return ""
    return yes if pair.is_met else no


def sheet_name(text: str, taken: set[str]) -> str:
    """Return ``text`` made into a unique sheet name of at most 31 allowed characters."""
    clean = "".join("_" if character in "[]:*?/\\" else character for character in text)
    clean = clean[:MAX_SHEET_NAME]
    name, counter = clean, 2
    while name in taken:
        suffix = f"({counter})"
        name = clean[:MAX_SHEET_NAME - len(suffix)] + suffix
        counter += 1
    taken.add(name)
    return name


def _title(document: SummaryDocument, sheet_title: str, period_code: str) -> str:
    return translate("Reports", "{city} Beautiful Towns key tasks: {sheet}, {period}").format(
        city=document.city_name, sheet=sheet_title, period=period_code)


def _subtitle(document: SummaryDocument, period: PeriodSummary) -> str:
    text = translate("Reports", "Catalogue {version}; generated {time}").format(
        version=document.catalogue_version,
        time=document.generated_at.strftime("%Y-%m-%d %H:%M"))
    if period.previous_code:
        text += translate("Reports",
                          "; change compared with {period}").format(period=period.previous_code)
    return text


def write_summary_workbook(document: SummaryDocument, path: Path,
                           progress: ProgressCallback | None = None,
                           cancel: threading.Event | None = None) -> int:
    """Write the summary workbook to ``path``, replacing it only when complete.

    Returns:
        The number of data rows written over all sheets.

    Raises:
        CancelledError: ``cancel`` was set; no file is left at ``path``.
        StorageFaultError: the file cannot be written.
    """
    total = sum(len(period.pairs) + sum(len(rows) for rows in period.rows.values())
                for period in document.periods)
    report = progress or (lambda done, total: None)
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    done = 0

    def on_row(count: int) -> None:
        if cancel is not None and cancel.is_set():
            raise CancelledError()
        report(done + count, total)

    for period in document.periods:
        for grouping in document.groupings:
            done += _write_grouping_sheet(workbook, document, period, grouping, taken, on_row)
        if period.pairs:
            done += _write_detail_sheet(workbook, document, period, taken, on_row)
    with atomic_write(path) as handle:
        workbook.save(handle)
    report(total, total)
    logger.info("wrote summary workbook %s with %d rows", path, done)
    return done


def _new_sheet(workbook: Workbook, title: str, taken: set[str]) -> Any:
    return workbook.create_sheet(sheet_name(title, taken))


def _write_grouping_sheet(workbook: Workbook, document: SummaryDocument, period: PeriodSummary,
                          grouping: Grouping, taken: set[str],
                          on_row: Callable[[int], None]) -> int:
    rows: Sequence[SummaryRow] = period.rows.get(grouping, ())
    label = grouping_sheet_name(grouping)
    many = len(document.periods) > 1
    sheet = _new_sheet(workbook, f"{label} {period.period_code}" if many else label, taken)
    frozen = 4 if grouping in (Grouping.TOWN, Grouping.TASK) else 2
    writer = TableWriter(sheet, summary_columns(grouping), frozen_columns=frozen)
    writer.start(_title(document, label, period.period_code), _subtitle(document, period))
    writer.append_all((summary_values(grouping, index, row, document)
                       for index, row in enumerate(rows, 1)), on_row)
    writer.finish()
    return writer.rows_written


def _write_detail_sheet(workbook: Workbook, document: SummaryDocument, period: PeriodSummary,
                        taken: set[str], on_row: Callable[[int], None]) -> int:
    label = translate("Reports", "Details")
    sheet = _new_sheet(workbook, f"{label} {period.period_code}", taken)
    writer = TableWriter(sheet, detail_columns(), frozen_columns=4)
    writer.start(_title(document, label, period.period_code), _subtitle(document, period))
    writer.append_all(detail_rows(document, period), on_row)
    writer.finish()
    return writer.rows_written
