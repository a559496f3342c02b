"""Merging packages from several laptops of one township, on SQLite and PostgreSQL.

Each laptop signs with its own key and numbers its own packages and revisions from 1, so the
office compares revisions only between versions of one laptop.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from meili_desktop.domain.conflicts import FieldChoice, FieldDecision
from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.services import conflicts
from meili_desktop.services import merge as merge_service
from meili_desktop.services.merge import PackageReplayError
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
    stored_entry,
    table_counts,
)

LAPTOP_A = "11111 11111 11111 11111 11111 11111 11111 11111"
LAPTOP_B = "22222 22222 22222 22222 22222 22222 22222 22222"
LAPTOP_A_NEW = "33333 33333 33333 33333 33333 33333 33333 33333"


def from_laptop(fingerprint: str, entries: list[dict[str, Any]], sequence: int,
                earlier: tuple[str, ...] = ()) -> IncomingPackage:
    package = make_package(entries, sequence=sequence)
    return IncomingPackage(**{**package.__dict__, "sender_fingerprint": fingerprint,
                              "earlier_fingerprints": earlier})


def open_items(store: Store) -> list[models.MergeItem]:
    with store.session_factory() as session:
        return list(session.scalars(select(models.MergeItem)
                                    .where(models.MergeItem.state == "open")
                                    .order_by(models.MergeItem.id)))


def audit(store: Store, action: str) -> list[dict[str, Any]]:
    with store.session_factory() as session:
        return [row.details for row in session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == action)
            .order_by(models.AuditEvent.id))]


def make_conflict(store: Store) -> int:
    """Merge diverging edits of one entry from laptops A and B; return the conflict's id."""
    merge_service.merge(store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="70", narrative="一号机")], sequence=1))
    merge_service.merge(store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75", narrative="二号机")], sequence=1))
    items = open_items(store)
    assert len(items) == 1
    return items[0].id


def test_second_laptop_same_sequence_accepted(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(task=PERCENT_TASK)],
                                                 sequence=1))

    result = merge_service.merge(merge_store, from_laptop(
        LAPTOP_B, [entry_record(task=COUNT_TASK, value="3")], sequence=1))

    assert result.outcome == "merged"
    assert result.counts["new"] == 1
    assert table_counts(merge_store)["imported_packages"] == 2


def test_reinstalled_laptop_restarts_sequence(merge_store: Store) -> None:
    for sequence in (1, 2, 3):
        merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
            task=PERCENT_TASK, revision=sequence, value=str(60 + sequence))], sequence))

    result = merge_service.merge(merge_store, from_laptop(
        LAPTOP_A_NEW, [entry_record(task=COUNT_TASK, value="3")], sequence=1))

    assert result.counts["new"] == 1
    preview = merge_service.preview(merge_store, from_laptop(
        LAPTOP_A_NEW, [entry_record(task=COUNT_TASK, value="4", revision=2)], sequence=2))
    assert preview.newer_sequence_merged is None


def test_same_key_sequence_reuse_rejected(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record()], sequence=4))
    before = table_counts(merge_store)

    with pytest.raises(PackageReplayError) as raised:
        merge_service.merge(merge_store, from_laptop(
            LAPTOP_A, [entry_record(revision=9, value="100")], sequence=4))

    assert raised.value.details["reason"] == "sequence_reused"
    assert raised.value.details["fingerprint"] == LAPTOP_A
    assert table_counts(merge_store) == before


def test_same_file_again_changes_nothing(merge_store: Store) -> None:
    package = from_laptop(LAPTOP_B, [entry_record()], sequence=1)
    merge_service.merge(merge_store, package)
    before = table_counts(merge_store)

    result = merge_service.merge(merge_store, package)

    assert result.outcome == "duplicate"
    assert table_counts(merge_store) == before


def test_older_package_same_laptop_stale(merge_store: Store) -> None:
    older = from_laptop(LAPTOP_A, [entry_record(revision=1, value="50")], sequence=1)
    newer = from_laptop(LAPTOP_A, [entry_record(revision=2, value="90")], sequence=2)
    merge_service.merge(merge_store, newer)

    preview = merge_service.preview(merge_store, older)
    result = merge_service.merge(merge_store, older)

    assert preview.newer_sequence_merged == 2
    assert result.counts["stale"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "90"
    assert open_items(merge_store) == []


def test_higher_revision_other_laptop_not_applied(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="70")], sequence=1))

    result = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=5, value="75")], sequence=1))

    assert result.counts["conflict"] == 1
    assert result.counts["updated"] == 0
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"
    assert row.source_fingerprint == LAPTOP_A


def test_diverging_laptops_keep_both(merge_store: Store) -> None:
    make_conflict(merge_store)

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"
    assert row.narrative == "一号机"
    item = open_items(merge_store)[0]
    assert item.kind == "conflict"
    assert item.reason == "other_laptop"
    assert item.incoming["value"] == "75"
    assert item.incoming["narrative"] == "二号机"
    assert item.stored is not None
    assert item.stored["value"] == "70"
    events = audit(merge_store, "entry.conflict")
    assert events[0]["reason"] == "other_laptop"
    assert events[0]["previous_laptop"] == LAPTOP_A


def test_conflict_item_names_both_laptops(merge_store: Store) -> None:
    item = conflicts.get_item(merge_store, make_conflict(merge_store))

    assert item.incoming_fingerprint == LAPTOP_B
    assert item.current_fingerprint == LAPTOP_A


def test_preview_shows_other_laptop_conflict(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="70")], sequence=1))

    preview = merge_service.preview(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75")], sequence=1))

    assert preview.counts["conflict"] == 1
    entry = preview.entries[0]
    assert entry.reason == "other_laptop"
    assert entry.is_other_laptop
    assert entry.stored_fingerprint == LAPTOP_A
    assert entry.fields == ("value",)
    assert preview.sender_fingerprint == LAPTOP_B


def test_same_content_two_laptops_unchanged(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=2, value="70")], sequence=1))
    revisions = table_counts(merge_store)["entry_revisions"]

    result = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="70.0")], sequence=1))

    assert result.counts["unchanged"] == 1
    assert result.counts["conflict"] == 0
    assert table_counts(merge_store)["entry_revisions"] == revisions
    row = stored_entry(merge_store)
    assert row is not None
    assert row.source_fingerprint == LAPTOP_A
    assert row.revision == 2


def test_edit_of_held_version_updates(merge_store: Store) -> None:
    """Laptop B's version equalled the stored one, so B's next edit derives from it."""
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=2, value="70")], sequence=1))
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="70")], sequence=1))

    result = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=2, value="88")], sequence=2))

    assert result.counts["updated"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "88"
    assert row.source_fingerprint == LAPTOP_B


def test_superseded_laptop_resend_stale(merge_store: Store) -> None:
    """Once B took over, A sending its old revision again is stale, its next edit a conflict."""
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="70")], sequence=1))
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="70")], sequence=1))
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=2, value="88")], sequence=2))

    resent = merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="70")], sequence=2))
    edited = merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=2, value="71")], sequence=3))

    assert resent.counts["stale"] == 1
    assert edited.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "88"


def test_conflicting_version_resent_stale(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)
    conflicts.discard(merge_store, item_id, actor="clerk1")

    result = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75", narrative="二号机")], sequence=2))
    preview = merge_service.preview(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75", narrative="二号机")], sequence=3))

    assert result.counts["stale"] == 1
    assert open_items(merge_store) == []
    assert preview.entries[0].reason == "seen_before"


def test_resolution_logged_with_laptops(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)

    conflicts.resolve(merge_store, item_id, [
        FieldDecision("value", FieldChoice.TOWNSHIP),
        FieldDecision("narrative", FieldChoice.OFFICE)], actor="clerk1")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "75"
    assert row.narrative == "一号机"
    assert row.origin == "office"
    decisions = {details["field"]: details for details in audit(merge_store,
                                                                "conflict.decision")}
    assert decisions["value"]["choice"] == "township"
    assert decisions["value"]["office"] == "70"
    assert decisions["value"]["township"] == "75"
    assert decisions["narrative"]["township"] == "二号机"
    assert decisions["narrative"]["result"] == "一号机"
    assert decisions["value"]["office_laptop"] == LAPTOP_A
    assert decisions["value"]["township_laptop"] == LAPTOP_B
    resolved = audit(merge_store, "conflict.resolved")
    assert resolved[0]["reason"] == "other_laptop"


def test_take_other_laptop_moves_ownership(merge_store: Store) -> None:
    item_id = make_conflict(merge_store)
    conflicts.resolve(merge_store, item_id, [
        FieldDecision("value", FieldChoice.TOWNSHIP),
        FieldDecision("narrative", FieldChoice.TOWNSHIP)], actor="clerk1")

    from_b = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=2, value="80", narrative="二号机")], sequence=2))
    from_a = merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=2, value="72", narrative="一号机")], sequence=2))

    assert from_b.counts["updated"] == 1
    assert from_a.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "80"
    assert row.source_fingerprint == LAPTOP_B


def test_accepted_entry_other_laptop_conflict(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=1, value="60")], sequence=1))
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry))
        assert row is not None
        row.review_state = "accepted"
        row.reviewed_revision = 1

    same = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=3, value="60")], sequence=1))
    different = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=4, value="65")], sequence=2))

    assert same.counts["unchanged"] == 1
    assert different.counts["conflict"] == 1
    stored = stored_entry(merge_store)
    assert stored is not None
    assert stored.value == "60"
    assert stored.review_state == "accepted"
    assert open_items(merge_store)[0].reason == "reviewed"


def test_proven_earlier_key_same_laptop(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=3, value="70")], sequence=5))

    result = merge_service.merge(merge_store, from_laptop(
        LAPTOP_A_NEW, [entry_record(revision=4, value="77")], sequence=6,
        earlier=(LAPTOP_A,)))
    stale = merge_service.merge(merge_store, from_laptop(
        LAPTOP_A_NEW, [entry_record(revision=3, value="70")], sequence=7,
        earlier=(LAPTOP_A,)))

    assert result.counts["updated"] == 1
    assert stale.counts["stale"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "77"
    assert row.source_fingerprint == LAPTOP_A_NEW


def test_unproven_new_key_is_other_laptop(merge_store: Store) -> None:
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=3, value="70")], sequence=5))

    result = merge_service.merge(merge_store, from_laptop(
        LAPTOP_A_NEW, [entry_record(revision=4, value="77")], sequence=6))

    assert result.counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"


def test_entry_from_before_upgrade_follows_revision(merge_store: Store) -> None:
    """An entry without laptop bookkeeping compares by revision numbers, as before."""
    merge_service.merge(merge_store, from_laptop(LAPTOP_A, [entry_record(
        revision=2, value="70")], sequence=1))
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry))
        assert row is not None
        row.source_fingerprint = None
        row.laptop_versions = None

    older = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75")], sequence=1))
    newer = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=3, value="76")], sequence=2))

    assert older.counts["stale"] == 1
    assert newer.counts["updated"] == 1
    stored = stored_entry(merge_store)
    assert stored is not None
    assert stored.source_fingerprint == LAPTOP_B
