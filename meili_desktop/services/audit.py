"""The audit view: search who changed what, when and from which package; export to CSV or Excel.

Times are stored in UTC and shown in China Standard Time, the office's zone.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.messages.merge_labels import (
    CHOICE_LABELS,
    FIELD_LABELS,
    KIND_LABELS,
    PERIOD_STATE_LABELS,
    REASON_LABELS,
    REVIEW_LABELS,
    label,
)
from meili_desktop.store import audit_repo
from meili_desktop.store.audit_repo import AuditQuery, AuditRecord
from meili_desktop.store.datafolder import Store
from meili_desktop.store.fileio import atomic_write

logger = logging.getLogger(__name__)

OFFICE_TIMEZONE = timezone(timedelta(hours=8))
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# Labels of the actions. An action without one is shown by its code, which a test rejects.
ACTION_LABELS: dict[str, str] = {
    "package.merged": QT_TRANSLATE_NOOP("Audit", "Package merged"),
    "package.relayed": QT_TRANSLATE_NOOP("Audit", "Package forwarded to the city"),
    "entry.new": QT_TRANSLATE_NOOP("Audit", "Entry added from package"),
    "entry.updated": QT_TRANSLATE_NOOP("Audit", "Entry updated from package"),
    "entry.conflict": QT_TRANSLATE_NOOP("Audit", "Conflict recorded"),
    "entry.held": QT_TRANSLATE_NOOP("Audit", "Entry held"),
    "entry.accepted": QT_TRANSLATE_NOOP("Audit", "Entry accepted"),
    "entry.returned": QT_TRANSLATE_NOOP("Audit", "Entry returned"),
    "entry.office_changed": QT_TRANSLATE_NOOP("Audit", "Entry corrected by the office"),
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
    "receipt.issued": QT_TRANSLATE_NOOP("Audit", "Receipt written"),
    "package.distributed": QT_TRANSLATE_NOOP("Audit", "Distribution package written"),
    "package.distribution_imported": QT_TRANSLATE_NOOP("Audit",
                                                       "Distribution package imported"),
    "package.exported": QT_TRANSLATE_NOOP("Audit", "Report package exported"),
    "keys.city_created": QT_TRANSLATE_NOOP("Audit", "City keys created"),
    "keys.county_created": QT_TRANSLATE_NOOP("Audit", "County keys created"),
    "keys.county_suite_changed": QT_TRANSLATE_NOOP(
        "Audit", "County keys replaced for the city's new cipher suite"),
    "keys.township_created": QT_TRANSLATE_NOOP("Audit", "Laptop signing key created"),
    "keys.county_encryption": QT_TRANSLATE_NOOP("Audit", "County encryption key recorded"),
    "keys.backup_restored": QT_TRANSLATE_NOOP("Audit", "Keys restored from a backup"),
    "keys.escrow_restored": QT_TRANSLATE_NOOP("Audit", "Keys restored from the escrow file"),
    "keys.rotated": QT_TRANSLATE_NOOP("Audit", "City keys replaced"),
    "keys.rotation_finished": QT_TRANSLATE_NOOP("Audit", "Old city keys retired"),
    "score.set": QT_TRANSLATE_NOOP("Audit", "Score set"),
    "target.set": QT_TRANSLATE_NOOP("Audit", "Target set"),
    "target.clear": QT_TRANSLATE_NOOP("Audit", "Target removed"),
    "target.receive": QT_TRANSLATE_NOOP("Audit", "Target received"),
    "unit.programme_town": QT_TRANSLATE_NOOP("Audit", "Marked as programme town"),
    "unit.create": QT_TRANSLATE_NOOP("Audit", "Reporting unit added"),
    "unit.rename": QT_TRANSLATE_NOOP("Audit", "Reporting unit renamed"),
    "unit.move": QT_TRANSLATE_NOOP("Audit", "Reporting unit moved"),
    "unit.merge": QT_TRANSLATE_NOOP("Audit", "Reporting units merged"),
    "setup.provisional_township": QT_TRANSLATE_NOOP("Audit", "Set up as provisional township"),
    "setup.bind_township": QT_TRANSLATE_NOOP("Audit", "Bound to the township"),
}

# Labels of the detail keys the audit view explains, in the order it shows them.
DETAIL_LABELS: dict[str, str] = {
    "revision": QT_TRANSLATE_NOOP("Audit", "revision"),
    "previous_revision": QT_TRANSLATE_NOOP("Audit", "previous revision"),
    "field": QT_TRANSLATE_NOOP("Audit", "field"),
    "fields": QT_TRANSLATE_NOOP("Audit", "changed"),
    "choice": QT_TRANSLATE_NOOP("Audit", "decision"),
    "office": QT_TRANSLATE_NOOP("Audit", "office value"),
    "township": QT_TRANSLATE_NOOP("Audit", "township value"),
    "result": QT_TRANSLATE_NOOP("Audit", "result"),
    "reason": QT_TRANSLATE_NOOP("Audit", "reason"),
    "comment": QT_TRANSLATE_NOOP("Audit", "comment"),
    "previous_state": QT_TRANSLATE_NOOP("Audit", "before"),
    "file_name": QT_TRANSLATE_NOOP("Audit", "file"),
    "sequence": QT_TRANSLATE_NOOP("Audit", "sequence"),
    "periods": QT_TRANSLATE_NOOP("Audit", "periods"),
    "counts": QT_TRANSLATE_NOOP("Audit", "entries"),
    "fingerprint": QT_TRANSLATE_NOOP("Audit", "key fingerprint"),
    "previous_laptop": QT_TRANSLATE_NOOP("Audit", "laptop key of the previous content"),
    "office_laptop": QT_TRANSLATE_NOOP("Audit", "laptop key of the office value"),
    "township_laptop": QT_TRANSLATE_NOOP("Audit", "laptop key of the township value"),
    "is_clock_suspicious": QT_TRANSLATE_NOOP("Audit", "sender clock suspicious"),
    "item": QT_TRANSLATE_NOOP("Audit", "item"),
    "bundle_id": QT_TRANSLATE_NOOP("Audit", "bundle"),
    "file": QT_TRANSLATE_NOOP("Audit", "file"),
    "source": QT_TRANSLATE_NOOP("Audit", "from"),
    "old": QT_TRANSLATE_NOOP("Audit", "previous value"),
    "new": QT_TRANSLATE_NOOP("Audit", "after"),
    "points": QT_TRANSLATE_NOOP("Audit", "points"),
    "mechanism_established": QT_TRANSLATE_NOOP("Audit", "mechanism established"),
    "method": QT_TRANSLATE_NOOP("Audit", "set by"),
    "base": QT_TRANSLATE_NOOP("Audit", "base"),
    "version": QT_TRANSLATE_NOOP("Audit", "version"),
    "old_type": QT_TRANSLATE_NOOP("Audit", "town type before"),
    "new_type": QT_TRANSLATE_NOOP("Audit", "town type"),
    "was_programme_town": QT_TRANSLATE_NOOP("Audit", "programme town before"),
    "signing": QT_TRANSLATE_NOOP("Audit", "signing key fingerprint"),
    "new_signing": QT_TRANSLATE_NOOP("Audit", "new signing key fingerprint"),
    "new_escrow": QT_TRANSLATE_NOOP("Audit", "new escrow key fingerprint"),
    "city_key": QT_TRANSLATE_NOOP("Audit", "city key fingerprint"),
    "suite": QT_TRANSLATE_NOOP("Audit", "cipher suite"),
    "retired": QT_TRANSLATE_NOOP("Audit", "keys retired"),
    "added": QT_TRANSLATE_NOOP("Audit", "keys added"),
    "receipt": QT_TRANSLATE_NOOP("Audit", "receipt"),
    "name": QT_TRANSLATE_NOOP("Audit", "name"),
    "is_market_town": QT_TRANSLATE_NOOP("Audit", "market town"),
    "from_unit_id": QT_TRANSLATE_NOOP("Audit", "previous unit"),
    "moved_entries": QT_TRANSLATE_NOOP("Audit", "entries moved"),
}
# Labels of the ways a target was set (``method`` of target events).
METHOD_LABELS: dict[str, str] = {
    "manual": QT_TRANSLATE_NOOP("Audit", "typed in"),
    "proportional": QT_TRANSLATE_NOOP("Audit", "in proportion to base"),
    "excel": QT_TRANSLATE_NOOP("Audit", "imported from Excel"),
    "received": QT_TRANSLATE_NOOP("Audit", "distribution package"),
}
# Labels of where an office's correction came from (``source`` of entry events).
SOURCE_LABELS: dict[str, str] = {
    "excel": QT_TRANSLATE_NOOP("Audit", "Excel template"),
    "office": QT_TRANSLATE_NOOP("Audit", "correction dialog"),
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
    """Return an event's details as readable text: known facts labelled, others as JSON."""
    details = dict(record.details)
    parts: list[str] = []
    for key, title in DETAIL_LABELS.items():
        if key not in details:
            continue
        value = _detail_value(key, details.pop(key))
        if value != "":
            parts.append(f"{QCoreApplication.translate('Audit', title)}: {value}")
    details.pop("entries", None)
    if details:
        parts.append(json.dumps(details, ensure_ascii=False, sort_keys=True, default=str))
    return "; ".join(parts)


def _detail_value(key: str, value: Any) -> str:
    if key in ("fields", "field"):
        names = value if isinstance(value, list) else [value]
        return "、".join(label(FIELD_LABELS, str(name)) for name in names)
    if key == "reason":
        return label(REASON_LABELS, str(value))
    if key == "choice":
        return label(CHOICE_LABELS, str(value))
    if key == "source" and value in SOURCE_LABELS:
        return QCoreApplication.translate("Audit", SOURCE_LABELS[value])
    if key == "method" and value in METHOD_LABELS:
        return QCoreApplication.translate("Audit", METHOD_LABELS[value])
    if key == "previous_state":
        return label(REVIEW_LABELS, str(value)) if value in REVIEW_LABELS else \
            label(PERIOD_STATE_LABELS, str(value))
    if key == "counts" and isinstance(value, dict):
        return "，".join(f"{label(KIND_LABELS, kind)} {count}"
                         for kind, count in value.items() if count)
    if isinstance(value, dict):
        return ", ".join(f"{_detail_title(name)} {_detail_value(name, item)}"
                         for name, item in value.items())
    if isinstance(value, bool):
        # Two literal calls, because lupdate extracts no text from a conditional expression.
        if value:
            return QCoreApplication.translate("Audit", "yes")
        return QCoreApplication.translate("Audit", "no")
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    if value is None:
        return "—"
    return str(value)


def _detail_title(key: str) -> str:
    if key in FIELD_LABELS:
        return label(FIELD_LABELS, key)
    title = DETAIL_LABELS.get(key)
    return QCoreApplication.translate("Audit", title) if title else key


def unit_names(store: Store) -> dict[str, str]:
    """Return every reporting unit's name by id, for the unit column."""
    with store.session_factory() as session:
        return audit_repo.unit_names(session)


def record_row(record: AuditRecord,
               names: Mapping[str, str] | None = None) -> list[str | int | None]:
    """Return the cells of one event as the view and the exports show them.

    Args:
        record: the event.
        names: unit names by id; a known unit is shown as "name (id)".
    """
    unit = record.unit_id or ""
    if unit and names and unit in names:
        unit = f"{names[unit]} ({unit})"
    # A merge is recorded with the sending unit's id as its author.
    actor = names.get(record.actor, record.actor) if names else record.actor
    return [local_time(record.at).strftime(TIME_FORMAT), actor,
            action_label(record.action), unit, record.task_number,
            record.period_code or "", record.package_id or "", details_text(record)]


def column_titles() -> list[str]:
    """Return the translated column titles of the audit table."""
    return [QCoreApplication.translate("Audit", title) for title in COLUMNS]


def export_csv(records: Sequence[AuditRecord], path: Path,
               names: Mapping[str, str] | None = None) -> None:
    """Write events to a CSV file that Excel opens with Chinese intact (UTF-8 with BOM).

    Raises:
        StorageFaultError: the file cannot be written.
    """
    # The exports import openpyxl when they run: opening the audit and completeness pages
    # does not need it, and importing it took 80 ms (python -X importtime, loaded machine).
    from meili_desktop.reports.xlsx_text import FORMULA_TRIGGERS

    triggers = (*FORMULA_TRIGGERS, "\t", "\r")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column_titles())
    for record in records:
        writer.writerow([_csv_text(cell, triggers) for cell in record_row(record, names)])
    with atomic_write(path) as handle:
        handle.write(buffer.getvalue().encode("utf-8-sig"))
    logger.info("exported %d audit events to %s", len(records), path)


def _csv_text(cell: str | int | None, triggers: tuple[str, ...]) -> str | int:
    """Return a CSV cell that Excel shows as typed.

    Excel runs a CSV cell that starts with "=", "+", "-" or "@" as a formula, and audit
    details repeat texts a township typed, so a cell that starts with one of ``triggers``
    gets a leading apostrophe, the usual guard against CSV formula injection.
    """
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(triggers):
        return "'" + cell
    return cell


def export_xlsx(records: Sequence[AuditRecord], path: Path,
                names: Mapping[str, str] | None = None) -> None:
    """Write events to an Excel workbook with one sheet.

    Raises:
        StorageFaultError: the file cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from meili_desktop.reports.xlsx_text import row_cells

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
        sheet.append(row_cells(sheet, record_row(record, names)))
    with atomic_write(path) as handle:
        workbook.save(handle)
    logger.info("exported %d audit events to %s", len(records), path)

