"""Messages for errors of the core: data folder, database and periods."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "error.unknown_code": QT_TRANSLATE_NOOP(
        "Errors", "An unexpected error occurred (code {code}). Please send the log file to the "
        "support contact."),
    "cancelled": QT_TRANSLATE_NOOP("Errors", "The operation was cancelled; nothing was changed."),
    "store.too_new": QT_TRANSLATE_NOOP(
        "Errors", "This data folder was written by a newer version of the program (schema "
        "{revision}); this version supports up to {supported}. The data was left untouched: "
        "please install the newer version."),
    "store.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The database file {path} cannot be read: it is not a database of this program "
        "or it is damaged. Nothing was changed; restore it from a backup."),
    "period.invalid": QT_TRANSLATE_NOOP(
        "Errors", "\"{period}\" is not a valid reporting period. Use a year such as 2021, a "
        "quarter such as 2021Q2 or a month such as 2021-06."),
    "grid.read_only_column": QT_TRANSLATE_NOOP(
        "Errors", "The column \"{column}\" cannot be edited here; paste only into the "
        "status, value and text columns."),
}

# Names of the roles of a data folder, for the ``role`` detail of any error. The empty role
# is a data folder that is not set up yet.
ROLE_NAMES: dict[str, str] = {
    "township": QT_TRANSLATE_NOOP("Roles", "township"),
    "county": QT_TRANSLATE_NOOP("Roles", "county office"),
    "city": QT_TRANSLATE_NOOP("Roles", "city office"),
    "": QT_TRANSLATE_NOOP("Roles", "not set up"),
}
