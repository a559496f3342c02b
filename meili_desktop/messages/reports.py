"""Messages for errors of targets, scores, Excel imports and exports, templates and reports."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.errors import MeiliError

ProblemT = TypeVar("ProblemT")
# Problems an import report lists before it only counts the rest.
MAX_LISTED_PROBLEMS = 200

MESSAGES: dict[str, str] = {
    # targets and scores
    "target.not_splittable": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is measured as {measure}, which does not add up over towns, so "
        "it cannot be split in proportion to a base. Set each town's target by hand."),
    "target.invalid_base": QT_TRANSLATE_NOOP(
        "Errors", "The base \"{base}\" of {unit} cannot be used for a split: bases must be zero "
        "or more and at least one must be above zero. Correct the bases and split again."),
    "target.invalid_value": QT_TRANSLATE_NOOP(
        "Errors", "The target \"{value}\" of task {task} for {unit} is invalid: a target is a "
        "number of zero or more with at most {max_places} decimal places."),
    "target.unbalanced": QT_TRANSLATE_NOOP(
        "Errors", "The towns' targets of task {task} for {period} come to {allocated}, but the "
        "city target is {city_target}. Nothing was saved: adjust the parts, or confirm the "
        "split with --allow-unbalanced."),
    "target.no_city_target": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} has no city target for {period}. Set it first with \"targets "
        "set --task {task} --period {period} VALUE\"."),
    "target.not_township_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is city-level work and is not split to towns. Split a task "
        "that townships report on."),
    "target.unknown_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is not in the active catalogue. Use a task number from the "
        "catalogue."),
    "target.not_township": QT_TRANSLATE_NOOP(
        "Errors", "{unit} is not a township, so it cannot receive a share of a city target. "
        "Name townships only."),
    "target.bad_part": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is not a town target. Write TOWN=VALUE, for example "
        "330110005=3."),
    "score.invalid_points": QT_TRANSLATE_NOOP(
        "Errors", "{points} points cannot be given on task {task}: its rule allows from 0 to "
        "{limit} discretionary points. Enter a number in that range."),
    "score.unknown_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is not in the active catalogue, so it cannot be scored."),
    "score.not_scored": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} has no scoring rule in the catalogue, so it takes no points."),
    # Excel files
    "excel.not_found": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} was not found. Check the path and try again."),
    "excel.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} is larger than {max_mb} MB, too large for this import. "
        "Remove other sheets or pictures and try again."),
    "excel.too_large_expanded": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} expands to more than {max_mb} MB when opened, far more than "
        "a filled-in workbook needs, so it was not read. Copy the data into a new workbook "
        "and try again."),
    "template.formula_without_value": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the formula {value} but no result, because the program that "
        "saved the file did not calculate it. Open and save the file in Excel or WPS, or type "
        "the number."),
    "template.formula_without_value/status": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the formula {value} but no result, because the program that "
        "saved the file did not calculate it. Open and save the file in Excel or WPS, or type "
        "the status itself: 未开始, 推进中, 已完成 or 不适用."),
    "template.formula_without_value/text": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the formula {value} but no result, because the program that "
        "saved the file did not calculate it. Open and save the file in Excel or WPS, or type "
        "the text itself."),
    "excel.key_formula": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the formula {value}, but this column says which row is "
        "which, so it must hold the value itself; the row was not imported. In Excel or WPS, "
        "copy the column and paste it back as values (Paste Special, Values), save the file "
        "and import it again."),
    "template.too_many_rows": QT_TRANSLATE_NOOP(
        "Errors", "The template lists {tasks} tasks, so its table ends at row {last_task_row}, "
        "and up to {spare_rows} rows below it may hold notes, down to row {limit}. The sheet "
        "uses cell {cell}, further down. Delete the rows below the table, or copy the "
        "filled-in cells into a newly exported template, and import it again. Nothing was "
        "imported."),
    "template.merged_across_tasks": QT_TRANSLATE_NOOP(
        "Errors", "The cells {value} are merged over several tasks, so it is unclear which "
        "task the value belongs to. Unmerge them and fill in each task's row."),
    "template.entry_changed": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} was changed in the program after this template was exported "
        "(revision {exported} then, {current} now), and the cell changes the same field. "
        "Export a new template, or clear this cell to keep the stored value."),
    "excel.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} is not an Excel workbook (.xlsx) or is damaged. Save it "
        "from Excel or WPS as .xlsx and try again."),
    "excel.no_header": QT_TRANSLATE_NOOP(
        "Errors", "No header row with the columns {columns} was found in the first rows of "
        "sheet \"{sheet}\". Add the header row and try again."),
    # templates
    "template.not_template": QT_TRANSLATE_NOOP(
        "Errors", "This workbook is not a fill-in template of this program (its hidden key "
        "sheet is missing). Export a template with \"template\" and fill that in."),
    "template.too_new": QT_TRANSLATE_NOOP(
        "Errors", "This template has format version {version}, but this program reads up to "
        "version {supported}. Install the newer program or export a new template."),
    "template.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The hidden keys of this template were changed (checksum mismatch), so it "
        "cannot be trusted. Export a new template and copy the entries into it."),
    "template.sheet_missing": QT_TRANSLATE_NOOP(
        "Errors", "The template's sheet \"{sheet}\" is missing; the workbook's sheets are "
        "{found}. Rename the sheet back to \"{sheet}\", or export a new template and copy "
        "the values into it."),
    "template.headers_changed": QT_TRANSLATE_NOOP(
        "Errors", "The header of sheet \"{sheet}\" was changed at {cell}: expected \"{expected}\","
        " found \"{found}\". Restore the header or export a new template."),
    "template.other_unit": QT_TRANSLATE_NOOP(
        "Errors", "This template is for {found}, not for {expected}. Import the template of "
        "your own town."),
    "template.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "This template is for {found}, which this data folder does not know. Import "
        "it where that town is set up."),
    "template.other_period": QT_TRANSLATE_NOOP(
        "Errors", "This template is for period {found}, not {expected}. Export the template of "
        "period {expected}."),
    "template.old_catalogue": QT_TRANSLATE_NOOP(
        "Errors", "This template was made with catalogue {found}, but catalogue {expected} is "
        "now in force. Export a new template and copy the entries into it."),
    "template.merged_across": QT_TRANSLATE_NOOP(
        "Errors", "The cells {value} are merged across columns, so their value cannot be "
        "assigned to one field. Unmerge them."),
    "template.unknown_task": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a task number of this template. Leave column A as "
        "exported."),
    "template.missing_task": QT_TRANSLATE_NOOP(
        "Errors", "Row {row} is filled in but has no task number in column A. Put back the "
        "task number as exported, or clear the row's cells."),
    "template.duplicate_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {value} appears again; its first row is {first_row}. Keep one row per "
        "task."),
    # units and targets from Excel
    "units_xlsx.missing_name": QT_TRANSLATE_NOOP(
        "Errors", "The row has no town name. Fill in the name or delete the row."),
    "units_xlsx.unknown_county": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a county of the city. Use a county name such as 余杭区 "
        "or its code such as 330110."),
    "units_xlsx.unknown_code": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not an official division code of the city. Check the code "
        "or leave it empty for a town without a code."),
    "units_xlsx.bad_code": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a division code: a town's code has 9 or 12 digits."),
    "units_xlsx.other_county": QT_TRANSLATE_NOOP(
        "Errors", "Code {code} belongs to {actual}, not to {value}. Correct the county or the "
        "code."),
    "units_xlsx.unknown_type": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a town type. Use 样板镇 or 达标镇, or leave it empty."),
    "units_xlsx.ambiguous_name": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" matches several towns of the county. Add the town's official "
        "code."),
    "units_xlsx.duplicate": QT_TRANSLATE_NOOP(
        "Errors", "This town already appears in row {first_row}. Keep one row per town."),
    "targets_xlsx.bad_task": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a task number of the active catalogue."),
    "targets_xlsx.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" matches no township or the city. Use a town name or its code."),
    "targets_xlsx.ambiguous_unit": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" matches several towns. Use the town's code instead."),
    "targets_xlsx.bad_period": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a year or period such as 2021 or 2021Q2."),
    "targets_xlsx.bad_value": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" is not a target: write a number of zero or more."),
    "targets_xlsx.duplicate": QT_TRANSLATE_NOOP(
        "Errors", "The same task, unit and period already appear in row {first_row}."),
    # reports
    "report.no_data": QT_TRANSLATE_NOOP(
        "Errors", "No period has entries yet, so there is nothing to summarise. Import report "
        "packages first, or name a period with --period."),
    "report.unknown_period": QT_TRANSLATE_NOOP(
        "Errors", "The period {period} is not set up and has no entries. Use a period such "
        "as 2021Q2."),
    "report.pdf_failed": QT_TRANSLATE_NOOP(
        "Errors", "The PDF {path} could not be written. Check that the folder exists and the "
        "file is not open in another program."),
    "report.no_font": QT_TRANSLATE_NOOP(
        "Errors", "No font with Chinese characters was found, so the PDF would be unreadable. "
        "Install a Chinese font (for example 微软雅黑, SimSun or WenQuanYi Micro Hei)."),
}


def problems_to_list(problems: Sequence[ProblemT],
                     total: int | None = None) -> tuple[Sequence[ProblemT], str]:
    """Return the problems a report lists and, when more were found, a line counting the rest.

    A workbook with thousands of bad rows would otherwise print thousands of lines, and the
    first ones are enough to see what to correct. ``total`` is the number of problems found
    when ``problems`` holds only the first of them (an import keeps at most 1,000).
    """
    found = len(problems) if total is None else max(total, len(problems))
    listed = problems[:MAX_LISTED_PROBLEMS]
    if found <= len(listed):
        return listed, ""
    rest = found - len(listed)
    line = QCoreApplication.translate(
        "Errors", "{count} more problems are not listed. Correct the ones above and check the "
        "file again to see the rest.").format(count=rest)
    return listed, line


def describe_problem(code: str, details: dict[str, object]) -> str:
    """Return the translated sentence for one rejected cell or row, with its place first.

    ``details`` needs ``sheet`` and ``cell`` besides the values of the reason's template.
    """
    from meili_desktop.messages import describe

    place = QCoreApplication.translate("Errors", "Sheet \"{sheet}\", cell {cell}: ").format(
        sheet=details.get("sheet", ""), cell=details.get("cell", ""))
    return place + describe(MeiliError(code, **details))
