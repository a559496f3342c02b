"""Merging report packages at the office, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.merge_records import InvalidEntryRecordError, MalformedEntryError
from meili_desktop.errors import CancelledError
from meili_desktop.services import merge as merge_service
from meili_desktop.services.merge import (
    BlockedAttachmentError,
    PackageReplayError,
    WrongPackageKindError,
)
from meili_desktop.store import models
from meili_desktop.store.attachments import stored_path
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import (
    CITY_TASK,
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    evidence_file,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    set_period_state,
    stored_entry,
    table_counts,
)


def merge_items(store: Store) -> list[models.MergeItem]:
    with store.session_factory() as session:
        return list(session.scalars(select(models.MergeItem).order_by(models.MergeItem.id)))


def test_new_package_stores_entries(merge_store: Store) -> None:
    package = make_package([entry_record(task=PERCENT_TASK), entry_record(task=COUNT_TASK,
                                                                          value="3")])

    result = merge_service.merge(merge_store, package)

    assert result.outcome == "merged"
    assert result.counts["new"] == 2
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "80"
    assert row.origin == package.package_id
    assert row.review_state == "pending"
    counts = table_counts(merge_store)
    assert counts["entry_revisions"] == 2
    assert counts["imported_packages"] == 1


def test_same_package_twice_changes_nothing(merge_store: Store) -> None:
    package = make_package([entry_record(), entry_record(task=COUNT_TASK, value="2")])
    merge_service.merge(merge_store, package)
    before = table_counts(merge_store)

    second = merge_service.merge(merge_store, package)

    assert second.outcome == "duplicate"
    assert sum(second.counts.values()) == 0
    assert table_counts(merge_store) == before
    assert merge_service.preview(merge_store, package).is_duplicate


def test_older_package_after_newer_is_stale(merge_store: Store) -> None:
    older = make_package([entry_record(revision=1, value="50")], sequence=1)
    newer = make_package([entry_record(revision=2, value="90")], sequence=2)
    merge_service.merge(merge_store, newer)

    preview = merge_service.preview(merge_store, older)
    result = merge_service.merge(merge_store, older)

    assert preview.newer_sequence_merged == 2
    assert result.outcome == "merged"
    assert result.counts["stale"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "90"
    assert row.revision == 2


def test_diverging_laptops_conflict_keeps_both(merge_store: Store) -> None:
    laptop_one = make_package([entry_record(revision=3, value="70", narrative="一号机")],
                              sequence=4)
    laptop_two = make_package([entry_record(revision=3, value="75", narrative="二号机")],
                              sequence=5)
    merge_service.merge(merge_store, laptop_one)

    result = merge_service.merge(merge_store, laptop_two)

    assert result.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"
    items = merge_items(merge_store)
    assert len(items) == 1
    assert items[0].kind == "conflict"
    assert items[0].reason == "diverged"
    assert items[0].incoming["value"] == "75"
    assert items[0].incoming["narrative"] == "二号机"
    assert items[0].stored is not None
    assert items[0].stored["value"] == "70"


def test_locked_period_holds_entries(merge_store: Store) -> None:
    set_period_state(merge_store, PERIOD, "locked")
    package = make_package([entry_record()])

    result = merge_service.merge(merge_store, package)

    assert result.counts["held"] == 1
    assert stored_entry(merge_store) is None
    items = merge_items(merge_store)
    assert items[0].kind == "held"
    assert items[0].reason == "period_locked"


def test_closed_period_takes_only_returned(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package(
        [entry_record(task=PERCENT_TASK), entry_record(task=COUNT_TASK, value="1")],
        sequence=1))
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry).where(models.Entry.task_number == COUNT_TASK))
        assert row is not None
        row.review_state = "returned"
    set_period_state(merge_store, PERIOD, "closed")

    result = merge_service.merge(merge_store, make_package(
        [entry_record(task=PERCENT_TASK, revision=2, value="85"),
         entry_record(task=COUNT_TASK, revision=2, value="4")], sequence=2))

    assert result.counts["updated"] == 1
    assert result.counts["held"] == 1
    resubmitted = stored_entry(merge_store, task=COUNT_TASK)
    assert resubmitted is not None
    assert resubmitted.value == "4"
    assert resubmitted.review_state == "pending"
    kept = stored_entry(merge_store, task=PERCENT_TASK)
    assert kept is not None
    assert kept.value == "80"
    assert merge_items(merge_store)[0].reason == "period_closed"


def test_accepted_value_not_overwritten(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package([entry_record(value="60")], sequence=1))
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry))
        assert row is not None
        row.review_state = "accepted"
        row.reviewed_revision = row.revision

    result = merge_service.merge(merge_store, make_package(
        [entry_record(revision=2, value="65")], sequence=2))

    assert result.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "60"
    assert row.review_state == "accepted"
    assert merge_items(merge_store)[0].reason == "reviewed"


def test_accepted_entry_same_content_stays_accepted(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package([entry_record(value="60")], sequence=1))
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry))
        assert row is not None
        row.review_state = "accepted"
        row.reviewed_revision = 1

    result = merge_service.merge(merge_store, make_package(
        [entry_record(revision=2, value="60.0")], sequence=2))

    assert result.counts["updated"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.review_state == "accepted"
    assert row.reviewed_revision == 2


def test_sequence_reuse_is_replay(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package([entry_record()], sequence=7))
    before = table_counts(merge_store)
    forged = make_package([entry_record(revision=9, value="100")], sequence=7)

    with pytest.raises(PackageReplayError) as raised:
        merge_service.merge(merge_store, forged)

    assert raised.value.details["reason"] == "sequence_reused"
    assert table_counts(merge_store) == before
    with pytest.raises(PackageReplayError):
        merge_service.preview(merge_store, forged)


def test_package_id_reuse_is_replay(merge_store: Store) -> None:
    original = make_package([entry_record()], sequence=1, package_id="p-fixed")
    merge_service.merge(merge_store, original)
    reused = make_package([entry_record(revision=2)], sequence=2, package_id="p-fixed",
                          header_hash="f" * 64)

    with pytest.raises(PackageReplayError) as raised:
        merge_service.merge(merge_store, reused)

    assert raised.value.details["reason"] == "package_id_reused"


@pytest.mark.parametrize(("record", "reason"), [
    (entry_record(task=99), "unknown_task"),
    (entry_record(task=CITY_TASK, value=None), "task_level"),
    (entry_record(unit=TOWN_B), "wrong_unit"),
    (entry_record(period="2019Q1"), "unknown_period"),
])
def test_unfit_entries_held_with_reason(merge_store: Store, record: dict, reason: str) -> None:
    result = merge_service.merge(merge_store, make_package([record]))

    assert result.counts["held"] == 1
    assert result.held == ((EntryKey(record["unit_id"], record["task_number"],
                                     record["period"]), reason),)
    items = merge_items(merge_store)
    assert items[0].reason == reason
    assert table_counts(merge_store)["entries"] == 0


@pytest.mark.parametrize(("record", "problem"), [
    (entry_record(status="finished"), "invalid_status"),
    (entry_record(status="hacked"), "invalid_status"),
    (entry_record(value="八十"), "invalid_value"),
    (entry_record(value="1e5"), "invalid_value"),
    (entry_record(value="NaN"), "invalid_value"),
    (entry_record(denominator="0", numerator="1"), "invalid_value"),
    (entry_record(narrative="长" * 20001), "text_too_long"),
    (entry_record(narrative="说" * 3_000_000), "text_too_long"),
    (entry_record(attachments=[{"sha256": "a" * 64, "name": "x.pdf", "size": 3}]),
     "missing_attachment"),
    (entry_record(attachments=[{"sha256": "bad", "name": "x.pdf", "size": 3}]),
     "invalid_attachment"),
])
def test_malformed_entry_rejects_package(merge_store: Store, record: dict,
                                         problem: str) -> None:
    package = make_package([entry_record(task=COUNT_TASK, value="3"), record])
    before = table_counts(merge_store)

    with pytest.raises(MalformedEntryError) as raised:
        merge_service.merge(merge_store, package)

    assert raised.value.details["variant"] == problem
    assert raised.value.details["index"] == 1
    assert table_counts(merge_store) == before
    with pytest.raises(MalformedEntryError):
        merge_service.preview(merge_store, package)


def test_far_entry_times_flag_clock(merge_store: Store) -> None:
    future = make_package([entry_record(updated_at="9999-12-31T23:59:59+00:00")])
    past = make_package([entry_record(task=COUNT_TASK, value="3",
                                      updated_at="1970-01-01T00:00:00+00:00")], sequence=2)
    usual = make_package([entry_record(revision=2)], sequence=3)

    assert merge_service.preview(merge_store, future).is_clock_suspicious
    assert merge_service.merge(merge_store, future).is_clock_suspicious
    assert merge_service.merge(merge_store, past).is_clock_suspicious
    assert not merge_service.merge(merge_store, usual).is_clock_suspicious


def test_value_on_milestone_task_held(merge_store: Store) -> None:
    with merge_store.session_factory.begin() as session:
        unit = session.get(models.ReportingUnit, TOWN_A)
        assert unit is not None
        unit.kind = "department"

    result = merge_service.merge(merge_store, make_package(
        [entry_record(task=CITY_TASK, value="3"), entry_record(task=2, value=None)]))

    assert result.counts["held"] == 1
    assert result.counts["new"] == 1
    assert merge_items(merge_store)[0].reason == "value_on_status_task"


def test_unreadable_record_rejects_package(merge_store: Store) -> None:
    package = make_package([entry_record(), {"type": "entry", "unit_id": TOWN_A}])

    with pytest.raises(InvalidEntryRecordError) as raised:
        merge_service.merge(merge_store, package)

    assert raised.value.details["index"] == 1
    assert table_counts(merge_store)["imported_packages"] == 0


def test_distribution_package_not_merged(merge_store: Store) -> None:
    with pytest.raises(WrongPackageKindError):
        merge_service.merge(merge_store, make_package([entry_record()], kind="distribution"))


def test_attachments_moved_into_store(merge_store: Store, tmp_path: Path) -> None:
    reference, path = evidence_file(tmp_path / "incoming", b"%PDF-1.4 evidence")
    package = make_package([entry_record(attachments=[reference])],
                           attachments={reference["sha256"]: path})

    merge_service.merge(merge_store, package)

    target = stored_path(merge_store.folder.attachments_dir, reference["sha256"])
    assert target.read_bytes() == b"%PDF-1.4 evidence"
    row = stored_entry(merge_store)
    assert row is not None
    assert [link.display_name for link in row.attachments] == ["验收单.pdf"]
    assert table_counts(merge_store)["attachments"] == 1


def test_executable_attachment_rejects_package(merge_store: Store, tmp_path: Path) -> None:
    reference, path = evidence_file(tmp_path / "incoming", b"MZ\x90\x00 program", "报告.pdf")
    package = make_package([entry_record(attachments=[reference])],
                           attachments={reference["sha256"]: path})

    with pytest.raises(BlockedAttachmentError):
        merge_service.merge(merge_store, package)

    assert table_counts(merge_store)["entries"] == 0


def test_preview_writes_nothing(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package([entry_record(value="10")], sequence=1))
    before = table_counts(merge_store)
    package = make_package([entry_record(revision=2, value="20"),
                            entry_record(task=COUNT_TASK, value="1"),
                            entry_record(task=99)], sequence=2)

    preview = merge_service.preview(merge_store, package)

    assert table_counts(merge_store) == before
    assert preview.counts["updated"] == 1
    assert preview.counts["new"] == 1
    assert preview.counts["held"] == 1
    updated = next(item for item in preview.entries if item.kind.value == "updated")
    assert updated.fields == ("value",)
    assert updated.stored_revision == 1
    assert merge_service.merge(merge_store, package).counts == preview.counts


def test_cancel_writes_nothing(merge_store: Store) -> None:
    cancel = threading.Event()
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        cancel.set()

    package = make_package([entry_record(task=task, value="1") for task in range(10, 16)])
    with pytest.raises(CancelledError):
        merge_service.merge(merge_store, package, progress, cancel)

    assert calls == [1]
    assert table_counts(merge_store)["entries"] == 0
    assert table_counts(merge_store)["imported_packages"] == 0


def test_clock_far_in_future_flagged(merge_store: Store) -> None:
    future = datetime.now() + timedelta(days=30)
    result = merge_service.merge(merge_store, make_package([entry_record()], created=future))

    assert result.is_clock_suspicious


def test_clock_against_sequence_order_flagged(merge_store: Store) -> None:
    now = datetime.now()
    merge_service.merge(merge_store, make_package([entry_record()], sequence=1,
                                                  created=now - timedelta(days=2)))

    result = merge_service.merge(merge_store, make_package(
        [entry_record(revision=2)], sequence=2, created=now - timedelta(days=5)))

    assert result.is_clock_suspicious
    assert result.counts["updated"] == 1


def test_audit_events_name_package(merge_store: Store) -> None:
    package = make_package([entry_record()])
    merge_service.merge(merge_store, package)

    with merge_store.session_factory() as session:
        events = session.scalars(select(models.AuditEvent)).all()
    actions = sorted(event.action for event in events)
    assert actions == ["entry.new", "package.merged"]
    assert {event.package_id for event in events} == {package.package_id}
