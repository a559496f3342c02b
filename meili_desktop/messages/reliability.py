"""Messages for disk, device and database-lock faults, and for backups and restores."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "io.failed": QT_TRANSLATE_NOOP(
        "Errors", "Reading or writing {path} failed ({reason}). The data on this computer was "
        "not changed; check the disk or folder and try again."),
    "io.failed/is_directory": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder, not a file. The data on this computer was not changed; "
        "choose the file itself."),
    "io.failed/name_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The name or path {path} is too long for the disk. The data on this "
        "computer was not changed; choose a shorter name or a folder nearer the top of the "
        "disk."),
    "io.failed/invalid_name": QT_TRANSLATE_NOOP(
        "Errors", "The name {path} contains characters that the disk does not allow. The "
        "data on this computer was not changed; choose another name."),
    "io.failed/in_use": QT_TRANSLATE_NOOP(
        "Errors", "{path} is in use by another program. The data on this computer was not "
        "changed; close the program that has it open, for example Excel, and try again."),
    "io.failed/too_many_files": QT_TRANSLATE_NOOP(
        "Errors", "The computer has too many files open to use {path}. The data on this "
        "computer was not changed; close some programs and try again."),
    "io.failed/exists": QT_TRANSLATE_NOOP(
        "Errors", "{path} exists already. The data on this computer was not changed; choose "
        "another name."),
    "io.failed/not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The folder {path} is not empty. The data on this computer was not "
        "changed; choose an empty folder."),
    "io.disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk holding {folder} is full. Free some space on it or choose another "
        "folder, then try again; the data on this computer was not changed and no incomplete "
        "file was left behind."),
    "io.target_gone": QT_TRANSLATE_NOOP(
        "Errors", "The USB stick was pulled out or the target folder no longer exists: "
        "{folder}. Insert the stick again (or choose another folder) and repeat the operation; "
        "the data on this computer was not changed."),
    "io.read_only": QT_TRANSLATE_NOOP(
        "Errors", "{folder} cannot be written to: the disk is read-only or the USB stick's "
        "write-protect switch is on. Switch the protection off or choose another folder; "
        "nothing was written."),
    "io.access_denied": QT_TRANSLATE_NOOP(
        "Errors", "You have no permission to use {path}. Choose another folder or ask the "
        "computer's administrator for access; the data on this computer was not changed."),
    "io.device_error": QT_TRANSLATE_NOOP(
        "Errors", "The disk or USB stick holding {path} reported a read or write error, "
        "perhaps because it was removed during the operation. Reconnect it and try again; the "
        "data on this computer was not changed."),
    "output.invalid_name": QT_TRANSLATE_NOOP(
        "Errors", "The file name \"{name}\" cannot be used on Windows. Nothing was written; "
        "choose another name."),
    "output.invalid_name/character": QT_TRANSLATE_NOOP(
        "Errors", "The file name \"{name}\" contains {character}. Windows does not allow "
        "the characters < > : \" | ? * or control characters in file names. Nothing was "
        "written; choose another name."),
    "output.invalid_name/device": QT_TRANSLATE_NOOP(
        "Errors", "The file name \"{name}\" starts with {device}, which Windows reserves for "
        "a device (as CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9, with any "
        "extension). Nothing was written; choose another name."),
    "output.invalid_name/trailing": QT_TRANSLATE_NOOP(
        "Errors", "The file name \"{name}\" ends in a dot or a space, which Windows drops "
        "from file names. Nothing was written; choose another name."),
    "io.source_not_found": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} was not found. Check the file name and folder, or choose "
        "the file again; the data on this computer was not changed."),
    "io.source_vanished": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} disappeared or changed while it was being read: it may have "
        "been moved or deleted, still be downloading, or be on a USB stick that was pulled out. "
        "Make sure the complete file is in place (best copied to this computer) and try again; "
        "the data on this computer was not changed."),
    "entry.office_data_folder": QT_TRANSLATE_NOOP(
        "Errors", "This data folder belongs to the city or a county office, which receives "
        "entries in report packages and templates but does not enter them. Enter a "
        "township's progress in the township's own data folder (on its laptop, or with "
        "--data-dir); nothing was changed."),
    "entry.other_unit": QT_TRANSLATE_NOOP(
        "Errors", "The entry belongs to the reporting unit {unit}, but this data folder enters "
        "data only for {own_unit}. Nothing was changed."),
    "cli.unexpected": QT_TRANSLATE_NOOP(
        "Errors", "The command stopped because of an unexpected error in the program. The "
        "details were written to the log file {log_file}; please send that file to the "
        "program's maintainers. Work completed before the error is kept, so check the result "
        "before repeating the command."),
    "receipt.already_imported": QT_TRANSLATE_NOOP(
        "Errors", "The receipt {file} was imported before, so nothing was changed. The entries "
        "it confirmed were marked as received by the city office at that time."),
    "store.locked": QT_TRANSLATE_NOOP(
        "Errors", "The database {path} is in use by another program, perhaps a second window "
        "of this program. Close the other program and try again; nothing was changed."),
    "store.io_error": QT_TRANSLATE_NOOP(
        "Errors", "A disk error occurred while using the database {path}; this operation saved "
        "nothing. Check the disk, and if the error comes back, restore the latest backup."),
    "excel.too_many_merged": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} merges too many cells (the range {range} alone, more than "
        "{limit} cells in all), so it would take too much memory to open. Unmerge the large "
        "ranges in Excel or WPS, save the file and try again."),
    "excel.too_many_rows": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} uses rows down to row {row} (cell {cell}), more than the "
        "{limit} rows an import reads. This often comes from formatting applied to whole "
        "columns: delete the empty rows below the table in Excel or WPS, save the file and try "
        "again. Nothing was imported."),
    "excel.too_many_columns": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} uses columns as far as cell {cell}, more than the {limit} "
        "columns an import reads. Delete the empty columns to the right of the table in Excel "
        "or WPS, save the file and try again. Nothing was imported."),
    "excel.too_many_cells": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} lists more than {limit} filled or formatted cells, far more "
        "than any table this program imports. Copy only the table into a new workbook, save it "
        "and try again. Nothing was imported."),
    "excel.cell_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The cell {cell} in {path} holds {length} characters, but a cell holds at "
        "most {limit} (Excel's own limit). Shorten the text, save the file and try again. "
        "Nothing was imported."),
    "excel.text_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} contains a text of {length} characters, but a cell holds "
        "at most {limit} (Excel's own limit). Shorten the text, save the file and try again. "
        "Nothing was imported."),
    "excel.too_much_text": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} contains more than {count} different texts or {chars} "
        "characters of text, far more than any table this program imports. Copy only the "
        "table into a new workbook, save it and try again. Nothing was imported."),
    "excel.too_many_parts": QT_TRANSLATE_NOOP(
        "Errors", "The file {path} consists of {count} parts, more than the {limit} a "
        "workbook needs. Copy the table into a new workbook, save it as .xlsx and try again. "
        "Nothing was imported."),
    "evidence.none": QT_TRANSLATE_NOOP(
        "Errors", "The entries of {unit} for {period} carry no evidence files, so nothing was "
        "exported. Check the unit and the period."),
    "backup.not_found": QT_TRANSLATE_NOOP(
        "Errors", "No backup named {name} was found in {folder}. List the available backups "
        "with \"backup list\" or give the path of a backup file."),
    "backup.not_a_database": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a database backup of this program and cannot be restored. "
        "Choose another backup; the current data was not changed."),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The backup {name} is damaged and cannot be restored (SQLite integrity "
        "check: {problem}). Choose another backup; the current data was not changed."),
    "backup.too_new": QT_TRANSLATE_NOOP(
        "Errors", "The backup {name} was made by a newer version of the program (schema "
        "{revision}; this version supports up to {supported}). Install the newer version to "
        "restore it; the current data was not changed."),
    "backup.other_installation": QT_TRANSLATE_NOOP(
        "Errors", "The backup {name} belongs to another installation ({backup_unit}), not to "
        "this data folder ({current_unit}). Restore it into its own data folder; the current "
        "data was not changed."),
    "backup.foreign_installation": QT_TRANSLATE_NOOP(
        "Errors", "The backup {name} was made by another installation of {unit} (installation "
        "{backup_installation}; this data folder is installation {current_installation}), for "
        "example on another computer. Restoring it would bring that installation's keys and "
        "data here, so it was not restored and the current data was not changed. Restore a "
        "backup of this data folder instead. Only if this computer replaces the one the "
        "backup came from, and that one is no longer used, restore it with \"backup restore "
        "--force-other-installation\"."),
    "backup.is_current_database": QT_TRANSLATE_NOOP(
        "Errors", "{name} is the database of this data folder itself, not a backup. Choose a "
        "backup from \"backup list\"; nothing was changed."),
    "backup.unsupported": QT_TRANSLATE_NOOP(
        "Errors", "The data is kept in the database server {url}, which this program does not "
        "back up. Use the server's own backups, for example pg_dump."),
    "backup.no_database": QT_TRANSLATE_NOOP(
        "Errors", "There is no database to back up at {path}. Open the data folder with the "
        "program once to create it."),
}
