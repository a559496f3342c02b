"""Merge decisions, ledger checks, clock checks and conflict resolution as pure functions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from meili_desktop.domain.catalogue import MeasureType, TaskLevel
from meili_desktop.domain.conflicts import (
    FieldChoice,
    FieldDecision,
    InvalidDecisionError,
    MissingDecisionError,
    differing_fields,
    resolve_conflict,
)
from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.ledger import (
    LedgerRecord,
    LedgerVerdict,
    check_ledger,
    is_clock_suspicious,
)
from meili_desktop.domain.merge import (
    DuplicateEntryError,
    IncomingPackage,
    MergeContext,
    MergeKind,
    StoredEntryState,
    TaskRule,
    count_kinds,
    decide_entry,
    decide_package,
)
from meili_desktop.domain.merge_records import (
    InvalidEntryRecordError,
    clean_display_name,
    parse_entry_record,
    parse_timestamp,
    same_content,
)
from meili_desktop.domain.periods import PeriodState

UNIT = "330110005"
KEY = EntryKey(UNIT, 13, "2021Q2")


def record(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": "entry", "unit_id": UNIT, "task_number": 13, "period": "2021Q2",
        "status": "done", "value": "85", "numerator": None, "denominator": None,
        "narrative": "", "responsible_person": "李", "contact": "1", "revision": 2,
        "updated_at": "2021-06-01T08:00:00+08:00", "attachments": []}
    base.update(fields)
    return base


def stored(revision: int = 2, review: ReviewState = ReviewState.PENDING,
           origin: str = "p-1", **fields: Any) -> StoredEntryState:
    return StoredEntryState(revision, parse_entry_record(0, record(**fields)).content, review,
                            None, origin)


def context(stored_state: StoredEntryState | None = None,
            period: PeriodState = PeriodState.OPEN) -> MergeContext:
    return MergeContext(
        sender_unit_id=UNIT, is_sender_known=True,
        allowed_levels=frozenset({TaskLevel.TOWNSHIP}),
        period_states={"2021Q2": period},
        tasks={13: TaskRule(13, TaskLevel.TOWNSHIP, MeasureType.PERCENT),
               1: TaskRule(1, TaskLevel.CITY, MeasureType.MILESTONE)},
        stored={KEY: stored_state} if stored_state else {},
        available_attachments=frozenset())


def kind_of(incoming: dict[str, Any], state: StoredEntryState | None,
            period: PeriodState = PeriodState.OPEN) -> tuple[MergeKind, str | None]:
    decision = decide_entry(parse_entry_record(0, incoming), context(state, period))
    return decision.kind, decision.reason


@pytest.mark.parametrize(("incoming", "state", "period", "expected"), [
    (record(), None, PeriodState.OPEN, (MergeKind.NEW, None)),
    (record(revision=3, value="90"), stored(), PeriodState.OPEN, (MergeKind.UPDATED, None)),
    (record(value="85.0"), stored(), PeriodState.OPEN, (MergeKind.UNCHANGED, None)),
    (record(value="80"), stored(), PeriodState.OPEN, (MergeKind.CONFLICT, "diverged")),
    (record(revision=1, value="10"), stored(), PeriodState.OPEN, (MergeKind.STALE, None)),
    (record(revision=3, value="90"), stored(review=ReviewState.ACCEPTED), PeriodState.OPEN,
     (MergeKind.CONFLICT, "reviewed")),
    (record(revision=3, value="90"), stored(origin="office"), PeriodState.OPEN,
     (MergeKind.CONFLICT, "office_changed")),
    (record(revision=3), stored(origin="office"), PeriodState.OPEN, (MergeKind.UNCHANGED, None)),
    (record(revision=3, value="90"), stored(), PeriodState.LOCKED,
     (MergeKind.HELD, "period_locked")),
    (record(), stored(), PeriodState.LOCKED, (MergeKind.UNCHANGED, None)),
    (record(revision=1), stored(), PeriodState.LOCKED, (MergeKind.STALE, None)),
    (record(revision=3, value="90"), stored(), PeriodState.CLOSED,
     (MergeKind.HELD, "period_closed")),
    (record(revision=3, value="90"), stored(review=ReviewState.RETURNED), PeriodState.CLOSED,
     (MergeKind.UPDATED, None)),
    (record(task_number=1, value=None), None, PeriodState.OPEN, (MergeKind.HELD, "task_level")),
    (record(task_number=44), None, PeriodState.OPEN, (MergeKind.HELD, "unknown_task")),
    (record(period="2021Q3"), None, PeriodState.OPEN, (MergeKind.HELD, "unknown_period")),
    (record(denominator="0"), None, PeriodState.OPEN, (MergeKind.HELD, "invalid_value")),
    (record(value=85), None, PeriodState.OPEN, (MergeKind.HELD, "invalid_value")),
])
def test_decide_entry(incoming: dict[str, Any], state: StoredEntryState | None,
                      period: PeriodState, expected: tuple[MergeKind, str | None]) -> None:
    assert kind_of(incoming, state, period) == expected


def test_missing_attachment_held() -> None:
    incoming = record(attachments=[{"sha256": "b" * 64, "name": "a.jpg", "size": 1}])

    assert kind_of(incoming, None) == (MergeKind.HELD, "missing_attachment")


def test_duplicate_key_in_package() -> None:
    entries = [parse_entry_record(0, record()), parse_entry_record(1, record(value="1"))]

    with pytest.raises(DuplicateEntryError):
        decide_package(entries, context())


def test_count_kinds_lists_every_kind() -> None:
    counts = count_kinds(decide_package([parse_entry_record(0, record())], context()))

    assert counts == {"new": 1, "updated": 0, "unchanged": 0, "conflict": 0, "stale": 0,
                      "held": 0}


@pytest.mark.parametrize(("bad", "field"), [
    ({"task_number": "13"}, "task_number"),
    ({"task_number": True}, "task_number"),
    ({"revision": -1}, "revision"),
    ({"period": "2021Q5"}, "period"),
    ({"unit_id": "../x"}, "unit_id"),
    ({"type": "comment"}, "type"),
])
def test_unreadable_identity_rejected(bad: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidEntryRecordError) as raised:
        parse_entry_record(4, record(**bad))

    assert raised.value.details["field"] == field
    assert raised.value.details["index"] == 4


def test_display_name_cleaned() -> None:
    assert clean_display_name("..\\..\\Windows\\system.ini") == "system.ini"
    assert clean_display_name("a/b/照片\x00.jpg") == "照片.jpg"
    assert clean_display_name("/") == "attachment"


def test_timestamp_to_utc() -> None:
    assert parse_timestamp("2021-06-01T08:00:00+08:00") == datetime(2021, 6, 1, 0, 0)
    assert parse_timestamp("yesterday") is None


def test_same_content_compares_decimals() -> None:
    first = parse_entry_record(0, record(value="1.50")).content
    second = parse_entry_record(0, record(value="1.5")).content

    assert same_content(first, second)


def package(package_id: str = "p-2", sequence: int = 2, header_hash: str = "h2") -> IncomingPackage:
    return IncomingPackage(package_id, "report", UNIT, "", sequence, header_hash, None, "",
                           ("2021Q2",), ())


def ledger(package_id: str, sequence: int, header_hash: str,
           created: datetime | None = None) -> LedgerRecord:
    return LedgerRecord(package_id, UNIT, "report", sequence, header_hash, created)


def test_ledger_verdicts() -> None:
    assert check_ledger(package(), None, None) == (LedgerVerdict.FRESH, None)
    assert check_ledger(package(), ledger("p-2", 2, "h2"), None)[0] is LedgerVerdict.DUPLICATE
    assert check_ledger(package(), ledger("p-2", 2, "hx"), None) == (
        LedgerVerdict.REPLAY, "package_id_reused")
    assert check_ledger(package(), None, ledger("p-9", 2, "h9")) == (
        LedgerVerdict.REPLAY, "sequence_reused")


def test_clock_checks() -> None:
    now = datetime(2021, 7, 1, 12)

    assert not is_clock_suspicious(None, now, 2, [])
    assert not is_clock_suspicious(now - timedelta(days=20), now, 2, [])
    assert is_clock_suspicious(now + timedelta(days=2), now, 2, [])
    assert is_clock_suspicious(now - timedelta(days=400), now, 2, [])
    earlier = [ledger("p-1", 1, "h1", now - timedelta(days=1))]
    assert is_clock_suspicious(now - timedelta(days=3), now, 2, earlier)
    assert not is_clock_suspicious(now - timedelta(hours=1), now, 2, earlier)


def test_resolve_takes_each_side() -> None:
    office = parse_entry_record(0, record(value="80", narrative="办公室")).content
    township = parse_entry_record(0, record(value="85", narrative="乡镇")).content

    resolved = resolve_conflict(office, township, {
        "value": FieldDecision("value", FieldChoice.TOWNSHIP),
        "narrative": FieldDecision("narrative", FieldChoice.EDIT, "合并说明")})

    assert differing_fields(office, township) == ["value", "narrative"]
    assert resolved["value"] == "85"
    assert resolved["narrative"] == "合并说明"


def test_resolve_needs_every_differing_field() -> None:
    office = parse_entry_record(0, record(value="80")).content
    township = parse_entry_record(0, record(value="85")).content

    with pytest.raises(MissingDecisionError):
        resolve_conflict(office, township, {})
    with pytest.raises(InvalidDecisionError):
        resolve_conflict(office, township, {
            "value": FieldDecision("value", FieldChoice.OFFICE),
            "attachments": FieldDecision("attachments", FieldChoice.EDIT, [])})
