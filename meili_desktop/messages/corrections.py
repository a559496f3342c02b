"""Messages for the office's corrections of township entries."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "correction.reason_required": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} of unit {unit} in {period} was not corrected: the reason is "
        "empty. Write why the office changes the values, then save again."),
    "correction.reason_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The reason has {length} characters; at most {maximum} are allowed. Nothing "
        "was changed; shorten the reason and save again."),
    "correction.entry_changed": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} of unit {unit} in {period} changed while you corrected it. "
        "Nothing was changed; open the entry again and check the new values."),
    "correction.open_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} of unit {unit} in {period} has an open conflict. Nothing was "
        "changed; decide the conflict on the Conflicts page first."),
}
