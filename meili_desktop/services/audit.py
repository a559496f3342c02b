"""The audit view: search who changed what, when and from which package; export to CSV or Excel.

Times are stored in UTC and shown in China Standard Time, the office's zone.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.store import audit_repo
from meili_desktop.store.audit_repo import AuditQuery, AuditRecord
from meili_desktop.store.datafolder import Store
from meili_desktop.store.fileio import atomic_write

logger = logging.getLogger(__name__)

OFFICE_TIMEZONE = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# Labels of the actions the office sees most; other actions are shown by their code.
ACTION_LABELS: dict[str, str] = {
    "package.merged": QT_TRANSLATE_NOOP("Audit", "Package merged"),
    "package.relayed": QT_TRANSLATE_NOOP("Audit", "Package forwarded to the city"),
    "entry.new": QT_TRANSLATE_NOOP("Audit", "Entry added from package"),
    "entry.updated": QT_TRANSLATE_NOOP("Audit", "Entry updated from package"),
    "entry.conflict": QT_TRANSLATE_NOOP("Audit", "Conflict recorded"),
    "entry.held": QT_TRANSLATE_NOOP("Audit", "Entry held"),
    "entry.accepted": QT_TRANSLATE_NOOP("Audit", "Entry accepted"),
    "entry.returned": QT_TRANSLATE_NOOP("Audit", "Entry returned"),
    "conflict.decision": QT_TRANSLATE_NOOP("Audit", "Conflict field decided"),
    "conflict.resolved": QT_TRANSLATE_NOOP("Audit", "Conflict resolved"),
    "conflict.discarded": QT_TRANSLATE_NOOP("Audit", "Conflict discarded"),
    "held.released": QT_TRANSLATE_NOOP("Audit", "Held entry released"),
    "held.discarded": QT_TRANSLATE_NOOP("Audit", "Held entry discarded"),
    "period.open": QT_TRANSLATE_NOOP("Audit", "Period opened"),
    "period.closed": QT_TRANSLATE_NOOP("Audit", "Period closed for review"),
    "period.locked": QT_TRANSLATE_NOOP("Audit", "Period locked"),
    "keys.pending": QT_TRANSLATE_NOOP("Audit", "New signing key waits for approval"),
    "keys.approved": QT_TRANSLATE_NOOP("Audit", "Signing key approved"),
    "keys.rejected": QT_TRANSLATE_NOOP("Audit", "Signing key rejected"),
    "receipt.applied": QT_TRANSLATE_NOOP("Audit", "Receipt applied"),
}

COLUMNS = (
    QT_TRANSLATE_NOOP("Audit", "Time"),
    QT_TRANSLATE_NOOP("Audit", "By"),
    QT_TRANSLATE_NOOP("Audit", "Action"),
    QT_TRANSLATE_NOOP("Audit", "Reporting unit"),
    QT_TRANSLATE_NOOP("Audit", "Task"),
    QT_TRANSLATE_NOOP("Audit", "Period"),
    QT_TRANSLATE_NOOP("Audit", "Package"),
    QT_TRANSLATE_NOOP("Audit", "Details"),
)


def search(store: Store, query: AuditQuery) -> list[AuditRecord]:
    """Return the audit events matching ``query``, newest first."""
    with store.session_factory() as session:
        return audit_repo.search_events(session, query)


def action_label(action: str) -> str:
    """Return the translated label of an action, or the action code when it has none."""
    label = ACTION_LABELS.get(action)
    return QCoreApplication.translate("Audit", label) if label else action


def local_time(moment: datetime) -> datetime:
    """Convert a stored naive UTC time to naive China Standard Time for display."""
    return moment.replace(tzinfo=UTC).astimezone(OFFICE_TIMEZONE).replace(tzinfo=None)


def details_text(record: AuditRecord) -> str:
    """Return an event's details as compact JSON, Chinese kept readable."""
    return json.dumps(record.details, ensure_ascii=False, sort_keys=True, default=str)


def record_row(record: AuditRecord) -> list[str | int | None]:
    """Return the cells of one event as the view and the exports show them."""
    return [local_time(record.at).strftime(TIME_FORMAT), record.actor,
            action_label(record.action), record.unit_id or "", record.task_number,
            record.period_code or "", record.package_id or "", details_text(record)]


def column_titles() -> list[str]:
    """Return the translated column titles of the audit table."""
    return [QCoreApplication.translate("Audit", title) for title in COLUMNS]


def export_csv(records: Sequence[AuditRecord], path: Path) -> None:
    """Write events to a CSV file that Excel opens with Chinese intact (UTF-8 with BOM).

    Raises:
        StorageFaultError: the file cannot be written.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column_titles())
    for record in records:
        writer.writerow(["" if cell is None else cell for cell in record_row(record)])
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))
    logger.info("exported %d audit events to %s", len(records), path)


def export_xlsx(records: Sequence[AuditRecord], path: Path) -> None:
    """Write events to an Excel workbook with one sheet.

    Raises:
        StorageFaultError: the file cannot be written.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(QCoreApplication.translate("Audit", "Audit log"))
    for letter, width in zip("ABCDEFGH", (20, 14, 22, 12, 6, 9, 34, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in column_titles():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for record in records:
        sheet.append(record_row(record))
    with atomic_write(path) as handle:
        workbook.save(handle)
    logger.info("exported %d audit events to %s", len(records), path)

