"""Messages for the catalogue, its Excel import and the reporting units."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    # The catalogue document (embedded file or distribution package content).
    "catalogue.document.bad_json": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data is not valid JSON ({value}). Nothing was changed; "
        "obtain an undamaged copy from the city office."),
    "catalogue.document.missing_field": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data lacks the field {field}. Nothing was changed; obtain a "
        "complete copy from the city office."),
    "catalogue.document.unknown_field": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data has an unknown field {field}; it may come from a newer "
        "version of the program. Nothing was changed; install the newer version."),
    "catalogue.document.bad_value": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data has an invalid value at {field}: \"{value}\". Nothing "
        "was changed; correct the value or obtain a valid copy from the city office."),
    "catalogue.document.duplicate": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data repeats \"{value}\" at {field}. Nothing was changed; "
        "remove the duplicate."),
    "catalogue.document.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data names the lead unit \"{value}\" at {field}, which is not "
        "one of its member units. Nothing was changed; add the unit to the member units or "
        "correct the name."),
    "catalogue.document.unsupported_format": QT_TRANSLATE_NOOP(
        "Errors", "The catalogue data has the format \"{value}\", which this version of the "
        "program cannot read. Nothing was changed; install the newest version."),
    # Stored catalogue versions.
    "catalogue.version_exists": QT_TRANSLATE_NOOP(
        "Errors", "A different catalogue is already stored as version {version}. Nothing was "
        "changed; choose another version id."),
    "catalogue.version_not_found": QT_TRANSLATE_NOOP(
        "Errors", "No catalogue version {version} is stored. Run \"catalog\" to list the "
        "stored catalogue."),
    "catalogue.none_active": QT_TRANSLATE_NOOP(
        "Errors", "This data folder has no active task catalogue. Open it once with the "
        "program so that the built-in catalogue is set up, or import one."),
    # Reading the Excel task table.
    "catalogue_xlsx.not_found": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} does not exist. Check the path and try again."),
    "catalogue_xlsx.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} is too large for a task table ({size_mb} MB; at most "
        "{limit_mb} MB). Nothing was imported; save only the task table in a new workbook."),
    "catalogue_xlsx.too_many_merged": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} merges the cells {range}, more than the {limit} merged "
        "cells a task table may have. Nothing was imported; unmerge that range and save the "
        "file again."),
    "catalogue_xlsx.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} cannot be read as an Excel workbook (.xlsx). Nothing was "
        "imported; open it in Excel and save it again as .xlsx."),
    "catalogue_xlsx.no_header": QT_TRANSLATE_NOOP(
        "Errors", "No sheet of {path} has a header row with the columns 编号, 重点工作, 工作要求 "
        "and 牵头责任单位. Nothing was imported; add the header row above the tasks."),
    "catalogue_xlsx.no_tasks": QT_TRANSLATE_NOOP(
        "Errors", "The task table in {path} has a header row but no task below it. Nothing "
        "was imported."),
    # Problems with single rows of the Excel task table.
    "catalogue_xlsx.unknown_unit": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the lead unit \"{value}\" is not a "
        "member unit or a known alias. Correct the name; if accepted, the name is left out."),
    "catalogue_xlsx.missing_number": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row}: the task number (编号) is missing. Fill it in; if "
        "accepted, the row is left out."),
    "catalogue_xlsx.formula_number": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, cell {cell}: the task number (编号) is the formula {value}, "
        "but a task number must be typed as a number. In Excel or WPS, paste the column back "
        "as values (Paste Special, Values); if accepted, the row is left out."),
    "catalogue_xlsx.bad_number": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row}: the task number \"{value}\" is not a whole number "
        "above zero. Correct it; if accepted, the row is left out."),
    "catalogue_xlsx.number_too_large": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row}: the task number \"{value}\" is too large; task "
        "numbers are those of the notice's table, such as 13. Correct it; if accepted, the "
        "row is left out."),
    "catalogue_xlsx.duplicate_number": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row}: task number {number} is already used in row "
        "{first_row}. Renumber one of the rows; if accepted, this row is left out."),
    "catalogue_xlsx.requirement_in_unit": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the lead-unit column contains "
        "requirement text (\"{value}\") instead of a unit. By the member units' duties the "
        "lead unit is probably {suggestion}, which is used if accepted."),
    "catalogue_xlsx.requirement_in_unit.no_suggestion": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the lead-unit column contains "
        "requirement text (\"{value}\") instead of a unit, and no member unit's duties match "
        "the task. Enter the lead unit; if accepted, the task has no lead unit."),
    "catalogue_xlsx.missing_unit": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the lead unit is missing. Enter "
        "it; if accepted, the task has no lead unit."),
    "catalogue_xlsx.missing_title": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the key task (重点工作) is empty. "
        "Fill it in; if accepted, the row is left out."),
    "catalogue_xlsx.missing_category": QT_TRANSLATE_NOOP(
        "Errors", "Sheet {sheet}, row {row} (task {number}): the category (分类) is empty. "
        "Fill it in or merge the cell with the category above; if accepted, the category "
        "\"{suggestion}\" is used."),
    # Reporting units.
    "units.not_found": QT_TRANSLATE_NOOP(
        "Errors", "No reporting unit has the name or code \"{value}\". Check the spelling or "
        "use the official statistical code."),
    "units.town_not_found": QT_TRANSLATE_NOOP(
        "Errors", "{county} has no township with the name or code \"{town}\". Check the "
        "spelling, or ask the city office to add the township."),
    "units.ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "\"{value}\" matches several reporting units: {candidates}. Use the code "
        "instead of the name."),
    "units.invalid_name": QT_TRANSLATE_NOOP(
        "Errors", "\"{name}\" is not a valid unit name: it must have 1 to 100 characters. "
        "Enter another name."),
    "units.duplicate_name": QT_TRANSLATE_NOOP(
        "Errors", "Another unit under the same parent is already named \"{name}\" (id "
        "{unit_id}). Choose another name, or merge the two units."),
    "units.invalid_parent": QT_TRANSLATE_NOOP(
        "Errors", "\"{unit}\" cannot be placed under \"{parent}\": a township belongs under a "
        "county, a county or department under the city, and the parent must exist and not be "
        "merged. Choose another parent."),
    "units.invalid_merge": QT_TRANSLATE_NOOP(
        "Errors", "\"{source}\" cannot be merged into \"{target}\": both units must be "
        "different, of the same kind and not merged already. Choose other units."),
}
