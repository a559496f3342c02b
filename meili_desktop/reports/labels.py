"""Translated labels that reports print: statuses, groupings, sheet names and column headers.

Every label is an English source string in the "Reports" translation context; zh_CN is the
shipped default, so workbooks and PDFs come out in Chinese unless English is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.domain.entries import Status
from meili_desktop.domain.summary import Grouping

CONTEXT = "Reports"
# Called as translate("Reports", "...") with literals, so that pyside6-lupdate finds the text.
translate = QCoreApplication.translate

STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: QT_TRANSLATE_NOOP("Reports", "Not started"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Reports", "In progress"),
    Status.DONE: QT_TRANSLATE_NOOP("Reports", "Done"),
    Status.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Reports", "Not applicable"),
}

GROUPING_SHEETS: dict[Grouping, str] = {
    Grouping.TOWN: QT_TRANSLATE_NOOP("Reports", "By town"),
    Grouping.COUNTY: QT_TRANSLATE_NOOP("Reports", "By county"),
    Grouping.LEAD_UNIT: QT_TRANSLATE_NOOP("Reports", "By lead unit"),
    Grouping.CATEGORY: QT_TRANSLATE_NOOP("Reports", "By category"),
    Grouping.TASK: QT_TRANSLATE_NOOP("Reports", "By task"),
}

GROUPING_KEYS: dict[Grouping, str] = {
    Grouping.TOWN: QT_TRANSLATE_NOOP("Reports", "Town"),
    Grouping.COUNTY: QT_TRANSLATE_NOOP("Reports", "County"),
    Grouping.LEAD_UNIT: QT_TRANSLATE_NOOP("Reports", "Lead unit"),
    Grouping.CATEGORY: QT_TRANSLATE_NOOP("Reports", "Category"),
    Grouping.TASK: QT_TRANSLATE_NOOP("Reports", "Key task"),
}


def tr(text: str) -> str:
    """Translate a label of the "Reports" context."""
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: Status) -> str:
    return tr(STATUS_LABELS[status])


def status_from_label(text: str) -> Status | None:
    """Return the status whose label (in any shipped language) or code is ``text``."""
    folded = text.strip()
    for status, source in STATUS_LABELS.items():
        if folded in (tr(source), source, status.value):
            return status
    return None


def grouping_sheet_name(grouping: Grouping) -> str:
    return tr(GROUPING_SHEETS[grouping])


def grouping_key_label(grouping: Grouping) -> str:
    return tr(GROUPING_KEYS[grouping])
