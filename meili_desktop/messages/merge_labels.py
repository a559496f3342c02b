"""Translated labels of merge kinds, reasons, entry fields and review states.

The office pages and the audit log show these instead of the codes stored in the database.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "MergeLabels"

KIND_LABELS = {
    "new": QT_TRANSLATE_NOOP("MergeLabels", "New"),
    "updated": QT_TRANSLATE_NOOP("MergeLabels", "Updated"),
    "unchanged": QT_TRANSLATE_NOOP("MergeLabels", "Unchanged"),
    "conflict": QT_TRANSLATE_NOOP("MergeLabels", "Conflict"),
    "stale": QT_TRANSLATE_NOOP("MergeLabels", "Stale"),
    "held": QT_TRANSLATE_NOOP("MergeLabels", "Held"),
}

REASON_LABELS = {
    "diverged": QT_TRANSLATE_NOOP(
        "MergeLabels", "Same revision with different content (two laptops?)"),
    "reviewed": QT_TRANSLATE_NOOP("MergeLabels", "The office already reviewed this value"),
    "office_changed": QT_TRANSLATE_NOOP(
        "MergeLabels", "The office changed this value after the township's last version"),
    "other_laptop": QT_TRANSLATE_NOOP(
        "MergeLabels", "Another laptop of this township wrote different content"),
    "seen_before": QT_TRANSLATE_NOOP(
        "MergeLabels", "This laptop sent this revision before; the office entry has changed "
        "since"),
    "period_locked": QT_TRANSLATE_NOOP("MergeLabels", "Period is locked"),
    "period_closed": QT_TRANSLATE_NOOP(
        "MergeLabels", "Period is closed for review and the entry was not returned"),
    "unknown_period": QT_TRANSLATE_NOOP("MergeLabels", "Unknown period"),
    "unknown_unit": QT_TRANSLATE_NOOP("MergeLabels", "Unknown reporting unit"),
    "wrong_unit": QT_TRANSLATE_NOOP("MergeLabels", "Entry of another unit"),
    "unknown_task": QT_TRANSLATE_NOOP("MergeLabels", "Task not in the catalogue"),
    "task_level": QT_TRANSLATE_NOOP("MergeLabels", "Task is not reported by this unit"),
    "invalid_status": QT_TRANSLATE_NOOP("MergeLabels", "Invalid status"),
    "invalid_value": QT_TRANSLATE_NOOP("MergeLabels", "Invalid value"),
    "value_on_status_task": QT_TRANSLATE_NOOP("MergeLabels", "Value given for a status task"),
    "text_too_long": QT_TRANSLATE_NOOP("MergeLabels", "Text too long"),
    "not_text": QT_TRANSLATE_NOOP("MergeLabels", "Value is not text"),
    "control_character": QT_TRANSLATE_NOOP("MergeLabels", "Control character in text"),
    "invalid_time": QT_TRANSLATE_NOOP("MergeLabels", "Unreadable edit time"),
    "invalid_attachment": QT_TRANSLATE_NOOP("MergeLabels", "Unreadable evidence list"),
    "missing_attachment": QT_TRANSLATE_NOOP("MergeLabels", "Evidence file missing"),
}

FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("MergeLabels", "Status"),
    "value": QT_TRANSLATE_NOOP("MergeLabels", "Value"),
    "numerator": QT_TRANSLATE_NOOP("MergeLabels", "Numerator"),
    "denominator": QT_TRANSLATE_NOOP("MergeLabels", "Denominator"),
    "narrative": QT_TRANSLATE_NOOP("MergeLabels", "Progress narrative"),
    "responsible_person": QT_TRANSLATE_NOOP("MergeLabels", "Responsible person"),
    "contact": QT_TRANSLATE_NOOP("MergeLabels", "Contact"),
    "updated_at": QT_TRANSLATE_NOOP("MergeLabels", "Edit time"),
    "attachments": QT_TRANSLATE_NOOP("MergeLabels", "Evidence files"),
}

STATUS_LABELS = {
    "not_started": QT_TRANSLATE_NOOP("MergeLabels", "Not started"),
    "in_progress": QT_TRANSLATE_NOOP("MergeLabels", "In progress"),
    "done": QT_TRANSLATE_NOOP("MergeLabels", "Done"),
    "not_applicable": QT_TRANSLATE_NOOP("MergeLabels", "Not applicable"),
}

REVIEW_LABELS = {
    "pending": QT_TRANSLATE_NOOP("MergeLabels", "To review"),
    "accepted": QT_TRANSLATE_NOOP("MergeLabels", "Accepted"),
    "returned": QT_TRANSLATE_NOOP("MergeLabels", "Returned"),
}

PERIOD_STATE_LABELS = {
    "open": QT_TRANSLATE_NOOP("MergeLabels", "Open"),
    "closed": QT_TRANSLATE_NOOP("MergeLabels", "Closed for review"),
    "locked": QT_TRANSLATE_NOOP("MergeLabels", "Locked"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """Return the translated label for ``code`` from ``table``, or the code itself."""
    if not code:
        return ""
    text = table.get(code)
    return QCoreApplication.translate(CONTEXT, text) if text else code

CHOICE_LABELS = {
    "office": QT_TRANSLATE_NOOP("MergeLabels", "kept the office value"),
    "township": QT_TRANSLATE_NOOP("MergeLabels", "took the township value"),
    "edit": QT_TRANSLATE_NOOP("MergeLabels", "entered a new value"),
}
