"""Plain snapshots of stored entries, in the same shape as entry records in report packages."""

from __future__ import annotations

from typing import Any

from meili_desktop.store import models


def entry_content(row: models.Entry) -> dict[str, Any]:
    """Return the fields of a stored entry that merges compare."""
    return {
        "status": row.status,
        "value": row.value,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "narrative": row.narrative,
        "responsible_person": row.responsible_person,
        "contact": row.contact,
        "attachments": sorted(link.sha256 for link in row.attachments),
    }


def entry_snapshot(row: models.Entry) -> dict[str, Any]:
    """Return a stored entry as a package entry record, for revisions and merge items."""
    attachments = [
        {"sha256": link.sha256, "name": link.display_name,
         "size": link.attachment.size if link.attachment is not None else 0}
        for link in sorted(row.attachments, key=lambda link: link.sha256)]
    return {
        "type": "entry",
        "unit_id": row.unit_id,
        "task_number": row.task_number,
        "period": row.period_code,
        "status": row.status,
        "value": row.value,
        "numerator": row.numerator,
        "denominator": row.denominator,
        "narrative": row.narrative,
        "responsible_person": row.responsible_person,
        "contact": row.contact,
        "revision": row.revision,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
        "attachments": attachments,
    }
