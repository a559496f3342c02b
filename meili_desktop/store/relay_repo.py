"""County relay bookkeeping: which merged township packages still have to go to the city."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from meili_desktop.domain.merge import REPORT_KIND
from meili_desktop.store.ledger_repo import LedgerEntry, to_ledger_entry
from meili_desktop.store.models import ImportedPackage


def merged_not_forwarded(session: Session) -> list[LedgerEntry]:
    """Return the merged report packages not yet forwarded, oldest receipt first."""
    rows = session.scalars(select(ImportedPackage).where(
        ImportedPackage.kind == REPORT_KIND, ImportedPackage.state == "merged")
        .order_by(ImportedPackage.received_at, ImportedPackage.package_id))
    return [to_ledger_entry(row) for row in rows]


def mark_relayed(session: Session, package_ids: Iterable[str]) -> list[str]:
    """Set the ledger state of merged packages to ``relayed``; return the ids it changed.

    Rows are locked first, so two clerks forwarding at once cannot both take a package.
    """
    ids = list(package_ids)
    rows = session.scalars(select(ImportedPackage).where(
        ImportedPackage.package_id.in_(ids), ImportedPackage.state == "merged")
        .order_by(ImportedPackage.package_id).with_for_update())
    changed: list[str] = []
    for row in rows:
        row.state = "relayed"
        changed.append(row.package_id)
    return changed
