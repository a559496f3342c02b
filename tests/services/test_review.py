"""Accepting and returning entries, comments for townships, and period states."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.periods import PeriodState
from meili_desktop.services import conflicts, merge, review
from meili_desktop.services.review import (
    CommentRequiredError,
    EntryChangedError,
    EntryNotFoundError,
    OpenConflictError,
    PeriodNotFoundError,
    ReviewPeriodLockedError,
)
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    stored_entry,
)

KEY = EntryKey(TOWN_A, PERCENT_TASK, PERIOD)


def merged(store: Store, sequence: int = 1, revision: int = 1, value: str = "80") -> None:
    merge.merge(store, make_package([entry_record(revision=revision, value=value),
                                     entry_record(task=COUNT_TASK, value="2",
                                                  revision=revision)],
                                    sequence=sequence))


def test_accept_records_verdict(merge_store: Store) -> None:
    merged(merge_store)

    review.accept_entry(merge_store, KEY, actor="clerk1", comment="数据核实无误")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.review_state == "accepted"
    assert row.reviewed_revision == 1


def test_return_needs_comment(merge_store: Store) -> None:
    merged(merge_store)

    with pytest.raises(CommentRequiredError):
        review.return_entry(merge_store, KEY, actor="clerk1", comment="   ")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.review_state == "pending"


def test_returned_comment_pending_for_unit(merge_store: Store) -> None:
    merged(merge_store)
    review.return_entry(merge_store, KEY, actor="clerk1", comment="请补充佐证材料")
    review.accept_entry(merge_store, EntryKey(TOWN_A, COUNT_TASK, PERIOD), actor="clerk1")

    with merge_store.session_factory.begin() as session:
        comments = review.pending_comments_for_unit(session, TOWN_A)
        changed = review.mark_comments_delivered(session, [c["id"] for c in comments], "d-1")

    assert len(comments) == 1
    assert comments[0]["action"] == "return"
    assert comments[0]["text"] == "请补充佐证材料"
    assert comments[0]["task_number"] == PERCENT_TASK
    assert comments[0]["period"] == PERIOD
    assert comments[0]["entry_revision"] == 1
    assert changed == 1
    with merge_store.session_factory() as session:
        assert review.pending_comments_for_unit(session, TOWN_A) == []


def test_resubmission_after_return_reopens_review(merge_store: Store) -> None:
    merged(merge_store)
    review.return_entry(merge_store, KEY, actor="clerk1", comment="数值偏低，请核实")
    review.set_period_state(merge_store, PERIOD, PeriodState.CLOSED, actor="clerk1")

    result = merge.merge(merge_store, make_package(
        [entry_record(revision=2, value="88"), entry_record(task=COUNT_TASK, value="5",
                                                            revision=2)], sequence=2))

    assert result.counts["updated"] == 1
    assert result.counts["held"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "88"
    assert row.review_state == "pending"


def test_expected_revision_guards_review(merge_store: Store) -> None:
    merged(merge_store)
    merged(merge_store, sequence=2, revision=2, value="81")

    with pytest.raises(EntryChangedError):
        review.accept_entry(merge_store, KEY, actor="clerk1", expected_revision=1)


def test_open_conflict_blocks_review(merge_store: Store) -> None:
    merged(merge_store)
    merge.merge(merge_store, make_package([entry_record(revision=1, value="79")], sequence=2))

    with pytest.raises(OpenConflictError):
        review.accept_entry(merge_store, KEY, actor="clerk1")
    assert conflicts.list_items(merge_store, kind="conflict")


def test_locked_period_blocks_review(merge_store: Store) -> None:
    merged(merge_store)
    review.set_period_state(merge_store, PERIOD, PeriodState.LOCKED, actor="clerk1")

    with pytest.raises(ReviewPeriodLockedError):
        review.return_entry(merge_store, KEY, actor="clerk1", comment="请核实")


def test_missing_entry_reported(merge_store: Store) -> None:
    with pytest.raises(EntryNotFoundError):
        review.accept_entry(merge_store, KEY, actor="clerk1")


def test_period_state_changes_logged(merge_store: Store) -> None:
    previous = review.set_period_state(merge_store, PERIOD, PeriodState.LOCKED, actor="clerk1")
    again = review.set_period_state(merge_store, PERIOD, PeriodState.LOCKED, actor="clerk1")

    assert previous is PeriodState.OPEN
    assert again is PeriodState.LOCKED
    assert dict(review.list_periods(merge_store))[PERIOD] is PeriodState.LOCKED
    with merge_store.session_factory() as session:
        actions = session.scalars(select(models.AuditEvent.action)).all()
    assert actions == ["period.locked"]


def test_unknown_period_rejected(merge_store: Store) -> None:
    with pytest.raises(PeriodNotFoundError):
        review.set_period_state(merge_store, "2030Q1", PeriodState.OPEN, actor="clerk1")


def test_review_list_shows_state_and_comment(merge_store: Store) -> None:
    merged(merge_store)
    review.return_entry(merge_store, KEY, actor="clerk1", comment="请补充佐证材料")

    rows = review.list_for_review(merge_store, PERIOD)
    returned = review.list_for_review(merge_store, PERIOD, review_state="returned")

    assert len(rows) == 2
    assert [row.key for row in returned] == [KEY]
    assert returned[0].last_comment == "请补充佐证材料"
    assert returned[0].unit_name == "五常街道"
    assert returned[0].task_title
