"""Completeness board, receipts, county relay, key approval and the audit view."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import audit, completeness, key_approval, merge, receipts, relay, review
from meili_desktop.services.identity import Identity, Role, save_identity
from meili_desktop.services.keys import InvalidFingerprintError
from meili_desktop.services.receipts import ReceiptWrongUnitError
from meili_desktop.services.relay import NothingToForwardError
from meili_desktop.store import keys_repo, models
from meili_desktop.store.audit_repo import AuditQuery, add_event
from meili_desktop.store.datafolder import Store, open_store
from tests.services.merge_support import (
    COUNT_TASK,
    COUNTY,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    set_period_state,
)

FINGERPRINT = "12345 67890 13579 24680 11111 22222 33333 44444"


def test_board_statuses(merge_store: Store) -> None:
    merge.merge(merge_store, make_package([entry_record(), entry_record(task=COUNT_TASK,
                                                                        value="1")]))
    merge.merge(merge_store, make_package([entry_record(unit=TOWN_B)], sender=TOWN_B))
    review.return_entry(merge_store, EntryKey(TOWN_B, PERCENT_TASK, PERIOD), actor="clerk",
                        comment="请核实")

    before_due = completeness.board(merge_store, PERIOD, county_id=COUNTY,
                                    today=date(2021, 7, 1))
    after_due = completeness.board(merge_store, PERIOD, county_id=COUNTY,
                                   today=date(2021, 8, 1))

    rows = {row.unit.unit_id: row for row in before_due.rows}
    assert rows[TOWN_A].has_reported
    assert rows[TOWN_A].facts.entry_count == 2
    assert rows[TOWN_B].status is completeness.BoardStatus.RETURNED
    assert all(row.unit.county_id == COUNTY for row in before_due.rows)
    assert before_due.counts["missing"] == len(before_due.rows) - 2
    assert after_due.counts["overdue"] == len(after_due.rows) - 2


def test_board_resubmitted_and_late(merge_store: Store) -> None:
    merge.merge(merge_store, make_package([entry_record()], sequence=1))
    review.return_entry(merge_store, EntryKey(TOWN_A, PERCENT_TASK, PERIOD), actor="clerk",
                        comment="请补充")
    merge.merge(merge_store, make_package([entry_record(revision=2, value="90")], sequence=2))
    with merge_store.session_factory.begin() as session:
        period = session.get(models.Period, PERIOD)
        assert period is not None
        period.due_date = date(2021, 1, 1)

    board = completeness.board(merge_store, PERIOD, county_id=COUNTY)

    row = next(row for row in board.rows if row.unit.unit_id == TOWN_A)
    assert row.status is completeness.BoardStatus.RESUBMITTED
    assert row.facts.resubmitted_count == 1
    assert row.is_late


def test_receipt_counts_states(merge_store: Store) -> None:
    package = make_package([entry_record(), entry_record(task=COUNT_TASK, value="2"),
                            entry_record(task=99)])
    merge.merge(merge_store, package)
    review.accept_entry(merge_store, EntryKey(TOWN_A, COUNT_TASK, PERIOD), actor="clerk")

    receipt = receipts.build_receipt(merge_store, package.package_id)

    assert receipt["package_id"] == package.package_id
    assert receipt["sender_unit_id"] == TOWN_A
    assert receipt["counts"]["received"] == 1
    assert receipt["counts"]["accepted"] == 1
    assert receipt["counts"]["held"] == 1
    held = next(item for item in receipt["entries"] if item["state"] == "held")
    assert held["reason"] == "unknown_task"


def test_receipt_marks_township_entries(merge_store: Store, tmp_path: Path) -> None:
    package = make_package([entry_record(revision=2), entry_record(task=COUNT_TASK,
                                                                   revision=1, value="2")])
    merge.merge(merge_store, package)
    receipt = receipts.build_receipt(merge_store, package.package_id)
    township = open_store(tmp_path / "township")
    try:
        save_identity(township, Identity(Role.TOWNSHIP, TOWN_A, False))
        with township.session_factory.begin() as session:
            session.add(models.ReportingUnit(id=TOWN_A, name="五常街道", kind="township",
                                             created_at=datetime(2021, 1, 1)))
            session.flush()
            for task, revision in ((PERCENT_TASK, 2), (COUNT_TASK, 3)):
                session.add(models.Entry(unit_id=TOWN_A, task_number=task, period_code=PERIOD,
                                         revision=revision, updated_at=datetime(2021, 6, 1)))
            # The export of the package, as export_report_package records it.
            add_event(session, "package.exported", unit_id=TOWN_A,
                      package_id=package.package_id, details={"sequence": package.sequence})

        applied = receipts.apply_receipt(township, receipt)
        again = receipts.apply_receipt(township, receipt)

        assert applied.marked == 1
        assert applied.changed_since == 1
        assert again.marked == 1
        with township.session_factory() as session:
            flags = dict(session.execute(select(models.Entry.task_number,
                                                models.Entry.is_received)).all())
        assert flags == {PERCENT_TASK: True, COUNT_TASK: False}
        other = dict(receipt, sender_unit_id=TOWN_B)
        other["entries"] = []
        with pytest.raises(ReceiptWrongUnitError):
            receipts.apply_receipt(township, other)
    finally:
        township.dispose()


def test_relay_selects_and_marks(merge_store: Store, tmp_path: Path) -> None:
    first = make_package([entry_record()], sequence=1)
    second = make_package([entry_record(unit=TOWN_B)], sender=TOWN_B)
    source = tmp_path / "五常街道-2021Q2.package"
    source.write_bytes(b"original signed bytes")
    relay.keep_original(merge_store, first.package_id, source)
    merge.merge(merge_store, first)
    merge.merge(merge_store, second)

    selection = relay.pending_forward(merge_store)
    marked = relay.mark_forwarded(merge_store, [first.package_id], "bundle-1", actor="clerk")

    assert [item.ledger.package_id for item in selection.ready] == [first.package_id]
    assert selection.ready[0].path.read_bytes() == b"original signed bytes"
    assert [item.package_id for item in selection.missing_original] == [second.package_id]
    assert marked == [first.package_id]
    assert relay.pending_forward(merge_store).ready == ()
    with pytest.raises(NothingToForwardError):
        relay.mark_forwarded(merge_store, [first.package_id], "bundle-2", actor="clerk")


def test_relayed_package_still_duplicate(merge_store: Store, tmp_path: Path) -> None:
    package = make_package([entry_record()])
    merge.merge(merge_store, package)
    relay.mark_forwarded(merge_store, [package.package_id], "bundle-1", actor="clerk")

    assert merge.merge(merge_store, package).outcome == "duplicate"


def add_pending_key(store: Store, unit: str = TOWN_A) -> None:
    with store.session_factory.begin() as session:
        keys_repo.add_key(session, fingerprint=FINGERPRINT, owner_unit_id=unit,
                          purpose="signing", suite="C1", public_key=b"\x01" * 32,
                          status=keys_repo.PENDING)


def test_key_approval_accepts_spacing(merge_store: Store) -> None:
    add_pending_key(merge_store)

    previous = key_approval.approve_key(merge_store, TOWN_A, FINGERPRINT.replace(" ", ""),
                                        actor="clerk")

    assert previous == "pending"
    keys = key_approval.list_sender_keys(merge_store)
    assert [(key.unit_name, key.status) for key in keys] == [("五常街道", "approved")]


def test_key_approval_checks_unit(merge_store: Store) -> None:
    add_pending_key(merge_store)

    with pytest.raises(keys_repo.KeyNotFoundError):
        key_approval.approve_key(merge_store, TOWN_B, FINGERPRINT, actor="clerk")
    with pytest.raises(InvalidFingerprintError):
        key_approval.approve_key(merge_store, TOWN_A, "12345 678", actor="clerk")
    assert key_approval.list_sender_keys(merge_store, status="pending")


def test_key_reject_logged(merge_store: Store) -> None:
    add_pending_key(merge_store)

    key_approval.reject_key(merge_store, TOWN_A, FINGERPRINT, actor="clerk")

    events = audit.search(merge_store, AuditQuery(action="keys.rejected"))
    assert len(events) == 1
    assert events[0].details["fingerprint"] == FINGERPRINT


def test_audit_search_filters(merge_store: Store) -> None:
    package = make_package([entry_record(), entry_record(task=COUNT_TASK, value="1")])
    merge.merge(merge_store, package)
    review.return_entry(merge_store, EntryKey(TOWN_A, PERCENT_TASK, PERIOD), actor="王科长",
                        comment="佐证材料不清晰")
    set_period_state(merge_store, PERIOD, "locked")

    by_task = audit.search(merge_store, AuditQuery(task_number=PERCENT_TASK))
    by_text = audit.search(merge_store, AuditQuery(text="佐证材料"))
    by_package = audit.search(merge_store, AuditQuery(package_id=package.package_id))
    by_actor = audit.search(merge_store, AuditQuery(text="王科长"))
    future = audit.search(merge_store, AuditQuery(since=datetime(2100, 1, 1)))

    assert [event.action for event in by_task] == ["entry.returned", "entry.new"]
    assert [event.action for event in by_text] == ["entry.returned"]
    assert len(by_package) == 3
    assert len(by_actor) == 1
    assert future == []


def test_audit_export_files(merge_store: Store, tmp_path: Path) -> None:
    merge.merge(merge_store, make_package([entry_record(narrative="道路“提升”，完成")]))
    records = audit.search(merge_store, AuditQuery())

    audit.export_csv(records, tmp_path / "审计.csv")
    audit.export_xlsx(records, tmp_path / "审计.xlsx")

    raw = (tmp_path / "审计.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "审计.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == len(records) + 1
    assert rows[0][2] == audit.column_titles()[2]
    workbook = load_workbook(tmp_path / "审计.xlsx", read_only=True)
    sheet = workbook.active
    values = [row for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    assert len(values) == len(records) + 1
    assert {row[6] for row in values[1:]} == {records[0].package_id}
