"""Merge decisions on content the office set, and laptop versions under earlier keys."""

from __future__ import annotations

from typing import Any

import pytest

from meili_desktop.domain.entries import ReviewState
from meili_desktop.domain.laptops import LaptopVersion
from meili_desktop.domain.merge import (
    MergeKind,
    StoredEntryState,
    compare_revisions,
    laptops_after,
)
from meili_desktop.domain.merge_records import parse_entry_record

A, B, A_OLD = "key-a", "key-b", "key-a-old"


def record(revision: int, value: str = "85") -> dict[str, Any]:
    return {"type": "entry", "unit_id": "330110005", "task_number": 13, "period": "2021Q2",
            "status": "done", "value": value, "revision": revision, "attachments": []}


def office_state(revision: int, laptops: dict[str, LaptopVersion], *, value: str = "85",
                 review: ReviewState = ReviewState.PENDING) -> StoredEntryState:
    """Return an entry whose content the office set over the township's ``revision``."""
    return StoredEntryState(revision, parse_entry_record(0, record(revision, value)).content,
                            review, None, "office", None, laptops)


CORRECTED = {A: LaptopVersion(3, False)}


@pytest.mark.parametrize(("incoming", "state", "keys", "expected"), [
    (record(4, "90"), office_state(3, CORRECTED), {A}, (MergeKind.CONFLICT, "office_changed")),
    (record(4), office_state(3, CORRECTED), {A}, (MergeKind.UNCHANGED, None)),
    (record(3, "70"), office_state(3, CORRECTED), {A}, (MergeKind.STALE, "seen_before")),
    (record(2, "70"), office_state(3, CORRECTED), {A}, (MergeKind.STALE, None)),
    (record(1, "90"), office_state(3, CORRECTED), {B}, (MergeKind.CONFLICT, "office_changed")),
    (record(4, "90"), office_state(3, CORRECTED, review=ReviewState.ACCEPTED), {A},
     (MergeKind.CONFLICT, "office_changed")),
    (record(4, "90"), office_state(3, {}), {A}, (MergeKind.CONFLICT, "office_changed")),
    (record(4), office_state(3, {}), {A}, (MergeKind.UNCHANGED, None)),
    (record(3, "90"), office_state(3, {}), {A}, (MergeKind.CONFLICT, "office_changed")),
    (record(1, "90"), office_state(0, {}), {A}, (MergeKind.CONFLICT, "office_changed")),
])
def test_office_content_protected(incoming: dict[str, Any], state: StoredEntryState,
                                  keys: set[str], expected: tuple[MergeKind, str | None]) -> None:
    entry = parse_entry_record(0, incoming)

    assert compare_revisions(entry, state, frozenset(keys)) == expected


def test_update_recorded_under_earlier_key() -> None:
    entry = parse_entry_record(0, record(4, "90"))
    stored = StoredEntryState(3, parse_entry_record(0, record(3)).content,
                              ReviewState.PENDING, None, "p-1", A_OLD,
                              {A_OLD: LaptopVersion(3, True), B: LaptopVersion(1, True)})

    after = laptops_after(MergeKind.UPDATED, entry, stored, A, {A_OLD})

    assert after == {A: LaptopVersion(4, True), A_OLD: LaptopVersion(4, True),
                     B: LaptopVersion(1, False)}


def test_new_entry_recorded_under_earlier_key() -> None:
    entry = parse_entry_record(0, record(2))

    after = laptops_after(MergeKind.NEW, entry, None, A, {A_OLD})

    assert after == {A: LaptopVersion(2, True), A_OLD: LaptopVersion(2, True)}


def test_unchanged_recorded_when_earlier_key_behind() -> None:
    entry = parse_entry_record(0, record(3))
    stored = StoredEntryState(3, parse_entry_record(0, record(3)).content,
                              ReviewState.PENDING, None, "p-1", A,
                              {A: LaptopVersion(3, True)})

    after = laptops_after(MergeKind.UNCHANGED, entry, stored, A, {A_OLD})

    assert after == {A: LaptopVersion(3, True), A_OLD: LaptopVersion(3, True)}


def test_old_key_package_after_new_key_stale() -> None:
    """A package signed with the old key before the change arrives after the new key's."""
    stored = StoredEntryState(4, parse_entry_record(0, record(4, "90")).content,
                              ReviewState.PENDING, None, "p-2", A,
                              {A: LaptopVersion(4, True), A_OLD: LaptopVersion(4, True)})

    decision = compare_revisions(parse_entry_record(0, record(3, "70")), stored,
                                 frozenset({A_OLD}))

    assert decision == (MergeKind.STALE, None)
