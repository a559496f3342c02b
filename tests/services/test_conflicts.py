"""Resolving conflicts field by field, and releasing or discarding held entries."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from meili_desktop.domain.conflicts import FieldChoice, FieldDecision, MissingDecisionError
from meili_desktop.domain.merge_records import InvalidContentError
from meili_desktop.services import conflicts, merge
from meili_desktop.services.conflicts import PeriodLockedError, StillHeldError
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_items_repo import MergeItemClosedError
from tests.services.merge_support import (
    PERIOD,
    TOWN_B,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    set_period_state,
    stored_entry,
)


def make_conflict(store: Store) -> int:
    merge.merge(store, make_package([entry_record(revision=3, value="70", narrative="一号机",
                                                  contact="111")], sequence=1))
    merge.merge(store, make_package([entry_record(revision=3, value="75", narrative="二号机",
                                                  contact="111")], sequence=2))
    items = conflicts.list_items(store, kind="conflict")
    assert len(items) == 1
    return items[0].id


def audit_actions(store: Store) -> list[tuple[str, dict]]:
    with store.session_factory() as session:
        return [(row.action, row.details) for row in session.scalars(
            select(models.AuditEvent).order_by(models.AuditEvent.id))]


def test_item_shows_both_sides(merge_store: Store) -> None:
    item = conflicts.get_item(merge_store, make_conflict(merge_store))

    assert item.incoming["value"] == "75"
    assert item.current is not None
    assert item.current["value"] == "70"
    assert item.reason == "diverged"


def test_resolve_field_by_field(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)

    resolved = conflicts.resolve(merge_store, item_id, [
        FieldDecision("value", FieldChoice.TOWNSHIP),
        FieldDecision("narrative", FieldChoice.EDIT, "两台电脑合并后的说明"),
    ], actor="clerk1")

    assert resolved["value"] == "75"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "75"
    assert row.narrative == "两台电脑合并后的说明"
    assert row.origin == "office"
    assert row.revision == 3
    item = conflicts.get_item(merge_store, item_id)
    assert item.state == "resolved"
    assert item.resolution is not None
    assert item.resolution["decisions"]["value"]["choice"] == "township"
    decisions = [details for action, details in audit_actions(merge_store)
                 if action == "conflict.decision"]
    assert sorted(details["field"] for details in decisions) == ["narrative", "value"]
    assert {details["choice"] for details in decisions} == {"township", "edit"}


def test_take_township_everywhere_waits_for_review(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)

    conflicts.resolve(merge_store, item_id, [
        FieldDecision("value", FieldChoice.TOWNSHIP),
        FieldDecision("narrative", FieldChoice.TOWNSHIP)], actor="clerk1")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.narrative == "二号机"
    assert row.origin != "office"
    assert row.review_state == "pending"


def test_office_edit_protected_from_later_package(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)
    conflicts.resolve(merge_store, item_id, [
        FieldDecision("value", FieldChoice.OFFICE),
        FieldDecision("narrative", FieldChoice.EDIT, "办公室核定")], actor="clerk1")

    result = merge.merge(merge_store, make_package([entry_record(revision=4, value="99")],
                                                   sequence=3))

    assert result.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"


def test_missing_decision_rejected(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)

    with pytest.raises(MissingDecisionError) as raised:
        conflicts.resolve(merge_store, item_id, [FieldDecision("value", FieldChoice.OFFICE)],
                          actor="clerk1")

    assert raised.value.details["field"] == "narrative"
    assert conflicts.get_item(merge_store, item_id).state == "open"


def test_invalid_edit_rejected(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)

    with pytest.raises(InvalidContentError):
        conflicts.resolve(merge_store, item_id, [
            FieldDecision("value", FieldChoice.EDIT, "七十五"),
            FieldDecision("narrative", FieldChoice.OFFICE)], actor="clerk1")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"


def test_resolve_twice_rejected(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)
    decisions = [FieldDecision("value", FieldChoice.OFFICE),
                 FieldDecision("narrative", FieldChoice.OFFICE)]
    conflicts.resolve(merge_store, item_id, decisions, actor="clerk1")

    with pytest.raises(MergeItemClosedError):
        conflicts.resolve(merge_store, item_id, decisions, actor="clerk2")


def test_resolve_in_locked_period_rejected(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)
    set_period_state(merge_store, PERIOD, "locked")

    with pytest.raises(PeriodLockedError):
        conflicts.resolve(merge_store, item_id, [
            FieldDecision("value", FieldChoice.OFFICE),
            FieldDecision("narrative", FieldChoice.OFFICE)], actor="clerk1")


def test_release_after_unlock_applies(merge_store: Store) -> None:
    set_period_state(merge_store, PERIOD, "locked")
    merge.merge(merge_store, make_package([entry_record(value="42")]))
    item_id = conflicts.list_items(merge_store, kind="held")[0].id

    with pytest.raises(StillHeldError):
        conflicts.release(merge_store, item_id, actor="clerk1")
    set_period_state(merge_store, PERIOD, "open")
    result = conflicts.release(merge_store, item_id, actor="clerk1")

    assert result.kind == "new"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "42"
    assert conflicts.get_item(merge_store, item_id).state == "resolved"


def test_discard_keeps_record(merge_store: Store) -> None:
    merge.merge(merge_store, make_package([entry_record(unit=TOWN_B)]))
    item_id = conflicts.list_items(merge_store, kind="held")[0].id

    conflicts.discard(merge_store, item_id, actor="clerk1", comment="不是本镇数据")

    item = conflicts.get_item(merge_store, item_id)
    assert item.state == "resolved"
    assert item.incoming["unit_id"] == TOWN_B
    assert ("held.discarded", {"item": item_id, "kind": "held", "reason": "wrong_unit",
                               "comment": "不是本镇数据"}) in audit_actions(merge_store)
