"""Messages for errors of desktop integration: the data folder's instance lock and hand-off."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "desktop.instance_not_responding": QT_TRANSLATE_NOOP(
        "Errors", "The program is already open with the data folder {data_dir}, but that window "
        "does not respond. Close it (or end MeiliDesktop in the Task Manager), then start the "
        "program again."),
    "desktop.lock_failed": QT_TRANSLATE_NOOP(
        "Errors", "The program cannot write to the data folder {path}. Check that the folder "
        "exists, that the disk is not full and that you may write there, or start the program "
        "with another folder (--data-dir)."),
}
