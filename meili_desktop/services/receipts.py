"""Receipts (回执): the office's report to a township on a package it merged.

The office builds the receipt content here; the exchange layer signs it and packs it as a
receipt package. On the township laptop :func:`apply_receipt` marks the entries the office
received as received, as long as the clerk has not changed them since.

Receipt content::

    {"type": "receipt", "format": 1, "package_id": "...", "sender_unit_id": "330110005",
     "sequence": 4, "received_at": "2021-07-02T03:04:05", "issued_at": "...",
     "counts": {"received": 30, "accepted": 10, "returned": 1, "held": 2, "conflict": 0,
                "stale": 0, "rejected": 0},
     "entries": [{"unit_id": "330110005", "task_number": 13, "period": "2021Q2",
                  "revision": 4, "state": "accepted"}, ...]}

Entry states: ``received`` (taken in, not reviewed yet), ``accepted``, ``returned``, ``held``
and ``conflict`` (waiting for the office's decision, with ``reason``), ``stale`` (the office
already had a newer revision) and ``rejected`` (the office discarded it).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.errors import MeiliError
from meili_desktop.services.identity import UNIT_KEY
from meili_desktop.store import ledger_repo, receipts_repo
from meili_desktop.store.audit_repo import add_event
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta

logger = logging.getLogger(__name__)

RECEIPT_FORMAT = 1
RECEIPT_STATES = ("received", "accepted", "returned", "held", "conflict", "stale", "rejected")
# States in which the office keeps the township's revision.
HELD_BY_OFFICE = frozenset({"received", "accepted", "returned"})


class PackageNotMergedError(MeiliError):
    """No receipt exists for a package the office never merged; details: ``package_id``."""

    code = "receipt.not_merged"
    exit_code = 4


class InvalidReceiptError(MeiliError):
    """The receipt content is not readable; details: ``field``."""

    code = "receipt.invalid"
    exit_code = 5


class ReceiptWrongUnitError(MeiliError):
    """The receipt is for another township; details: ``unit`` (the receipt's) and ``own``."""

    code = "receipt.wrong_unit"
    exit_code = 5


class ReceiptNotSentHereError(MeiliError):
    """The receipt confirms a report package that this laptop did not export; details:
    ``package`` (the start of its id) and ``sequence``."""

    code = "receipt.not_sent_here"
    exit_code = 5


class ReceiptAlreadyImportedError(MeiliError):
    """This receipt package was imported before; nothing changed. Details: ``file``."""

    code = "receipt.already_imported"
    exit_code = 0


@dataclass(frozen=True)
class ReceiptPackage:
    """The verified header facts of a receipt package, recorded in the ledger when applied."""

    package_id: str
    sender_unit_id: str
    sequence: int
    header_hash: str
    file_name: str


@dataclass(frozen=True)
class ReceiptApplied:
    """The result of applying a receipt: entries marked received, and entries changed since."""

    package_id: str
    marked: int
    changed_since: int


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def build_receipt(store: Store, package_id: str) -> dict[str, Any]:
    """Build the receipt content for a merged package, with every entry's state today.

    Raises:
        PackageNotMergedError: the package is not in the ledger.
    """
    with store.session_factory() as session:
        ledger = ledger_repo.get_ledger_entry(session, package_id)
        outcomes = receipts_repo.package_outcomes(session, package_id)
        if ledger is None or outcomes is None:
            raise PackageNotMergedError(package_id=package_id)
        current = receipts_repo.current_states(session, [item.key for item in outcomes])
        items = receipts_repo.item_states(session, package_id)

    entries: list[dict[str, Any]] = []
    counts = {state: 0 for state in RECEIPT_STATES}
    for outcome in outcomes:
        state, reason = _entry_state(outcome, current.get(outcome.key), items.get(outcome.key))
        counts[state] += 1
        record: dict[str, Any] = {"unit_id": outcome.key.unit_id,
                                  "task_number": outcome.key.task_number,
                                  "period": outcome.key.period_code,
                                  "revision": outcome.revision, "state": state}
        if reason:
            record["reason"] = reason
        entries.append(record)
    logger.info("built receipt for package %s: %s", package_id, counts)
    return {"type": "receipt", "format": RECEIPT_FORMAT, "package_id": package_id,
            "sender_unit_id": ledger.sender_unit_id, "sequence": ledger.sequence,
            "received_at": ledger.received_at.isoformat(), "issued_at": utc_now().isoformat(),
            "counts": counts, "entries": entries}


def _entry_state(outcome: receipts_repo.EntryOutcome, current: tuple[int, str] | None,
                 item: receipts_repo.ItemState | None) -> tuple[str, str | None]:
    if outcome.kind == "stale":
        return "stale", None
    if item is not None and outcome.kind in ("conflict", "held"):
        if item.state == "open":
            return item.kind, item.reason
        if item.action == "discarded":
            return "rejected", item.reason
        if item.released_as == "stale":
            return "stale", None
    if current is None:
        return "received", None
    revision, review_state = current
    if revision == outcome.revision and review_state in ("accepted", "returned"):
        return review_state, None
    return "received", None


def apply_receipt(store: Store, receipt: Mapping[str, Any],
                  package: ReceiptPackage | None = None) -> ReceiptApplied:
    """Mark this township's entries that the office received, from a verified receipt.

    The receipt must confirm a report package that this laptop exported, with the same
    sequence number. Only entries whose local revision equals the receipt's are marked: an
    entry edited since still has to be sent. Applying the same content again changes nothing
    more. With ``package``, the receipt package is recorded in the ledger in the same
    transaction, and a package recorded before is rejected as already imported.

    Raises:
        InvalidReceiptError: the content is not a receipt, or another receipt package was
            imported under the same package id.
        ReceiptWrongUnitError: the receipt is for another township.
        ReceiptNotSentHereError: this laptop did not export the confirmed package.
        ReceiptAlreadyImportedError: ``package`` was imported before; nothing changed.
    """
    package_id, unit_id, sequence, entries = _read_receipt(receipt)
    marked = changed = 0
    with store.session_factory.begin() as session:
        own_unit = get_meta(session, UNIT_KEY)
        if own_unit != unit_id:
            raise ReceiptWrongUnitError(unit=unit_id, own=own_unit or "")
        # Two laptops of one township share the unit, tasks, periods and revision numbers,
        # so only the package id and its sequence tell whose export the receipt confirms.
        if receipts_repo.exported_sequence(session, unit_id, package_id) != sequence:
            logger.warning("receipt for package %s (sequence %s) rejected: not exported here",
                           package_id, sequence)
            raise ReceiptNotSentHereError(package=package_id[:8], sequence=sequence)
        if package is not None:
            _check_not_imported(session, package)
        for key, revision, state in entries:
            if state not in HELD_BY_OFFICE:
                continue
            if receipts_repo.mark_received(session, key, revision):
                marked += 1
            else:
                changed += 1
        add_event(session, "receipt.applied", unit_id=unit_id, package_id=package_id,
                  details={"marked": marked, "changed_since": changed,
                           "counts": dict(receipt.get("counts") or {}),
                           "receipt": package.package_id if package else None})
        if package is not None:
            receipts_repo.record_receipt(
                session, package_id=package.package_id, sender_unit_id=package.sender_unit_id,
                sequence=package.sequence, header_hash=package.header_hash,
                file_name=package.file_name, received_at=utc_now(),
                counts={"marked": marked, "changed_since": changed})
    logger.info("receipt for package %s: %d entries marked received", package_id, marked)
    return ReceiptApplied(package_id, marked, changed)


def _check_not_imported(session: Session, package: ReceiptPackage) -> None:
    recorded_hash = receipts_repo.imported_receipt_hash(session, package.package_id)
    if recorded_hash is None:
        return
    if recorded_hash != package.header_hash:
        logger.warning("receipt package id %s was imported before with another header",
                       package.package_id)
        raise InvalidReceiptError(field="package_id")
    raise ReceiptAlreadyImportedError(file=package.file_name)


def _read_receipt(receipt: Mapping[str, Any]
                  ) -> tuple[str, str, int, list[tuple[EntryKey, int, str]]]:
    if not isinstance(receipt, Mapping) or receipt.get("type") != "receipt":
        raise InvalidReceiptError(field="type")
    if receipt.get("format") != RECEIPT_FORMAT:
        raise InvalidReceiptError(field="format")
    package_id, unit_id = receipt.get("package_id"), receipt.get("sender_unit_id")
    if not isinstance(package_id, str) or not isinstance(unit_id, str):
        raise InvalidReceiptError(field="package_id")
    sequence = receipt.get("sequence")
    if not isinstance(sequence, int) or isinstance(sequence, bool):
        raise InvalidReceiptError(field="sequence")
    items = receipt.get("entries")
    if not isinstance(items, list):
        raise InvalidReceiptError(field="entries")
    entries: list[tuple[EntryKey, int, str]] = []
    for item in items:
        try:
            key = EntryKey(str(item["unit_id"]), int(item["task_number"]), str(item["period"]))
            entries.append((key, int(item["revision"]), str(item["state"])))
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidReceiptError(field="entries") from error
        if key.unit_id != unit_id:
            raise InvalidReceiptError(field="entries")
    return package_id, unit_id, sequence, entries
