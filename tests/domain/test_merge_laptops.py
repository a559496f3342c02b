"""Merge decisions between laptops of one township, and their bookkeeping, as pure functions."""

from __future__ import annotations

from typing import Any

import pytest

from meili_desktop.domain.entries import ReviewState
from meili_desktop.domain.laptops import (
    LaptopVersion,
    highest_revision,
    record_version,
    versions_from_json,
    versions_to_json,
)
from meili_desktop.domain.merge import MergeKind, StoredEntryState, compare_revisions, laptops_after
from meili_desktop.domain.merge_records import parse_entry_record

A, B, A2 = "key-a", "key-b", "key-a2"


def record(revision: int, value: str = "85") -> dict[str, Any]:
    return {"type": "entry", "unit_id": "330110005", "task_number": 13, "period": "2021Q2",
            "status": "done", "value": value, "revision": revision, "attachments": []}


def stored(revision: int, laptops: dict[str, LaptopVersion], *, source: str | None = A,
           value: str = "85", review: ReviewState = ReviewState.PENDING,
           origin: str = "p-1") -> StoredEntryState:
    return StoredEntryState(revision, parse_entry_record(0, record(revision, value)).content,
                            review, None, origin, source, laptops)


OWN = {A: LaptopVersion(3, True)}
SHARED = {A: LaptopVersion(3, True), B: LaptopVersion(1, True)}
OVERTAKEN = {A: LaptopVersion(3, False), B: LaptopVersion(2, True)}


@pytest.mark.parametrize(("incoming", "state", "keys", "expected"), [
    (record(4, "90"), stored(3, OWN), {A}, (MergeKind.UPDATED, None)),
    (record(4), stored(3, OWN), {A}, (MergeKind.UPDATED, None)),
    (record(3), stored(3, OWN), {A}, (MergeKind.UNCHANGED, None)),
    (record(3, "90"), stored(3, OWN), {A}, (MergeKind.CONFLICT, "diverged")),
    (record(2, "90"), stored(3, OWN), {A}, (MergeKind.STALE, None)),
    (record(1, "90"), stored(3, OWN), {B}, (MergeKind.CONFLICT, "other_laptop")),
    (record(9, "90"), stored(3, OWN), {B}, (MergeKind.CONFLICT, "other_laptop")),
    (record(1), stored(3, OWN), {B}, (MergeKind.UNCHANGED, None)),
    (record(2, "90"), stored(3, SHARED), {B}, (MergeKind.UPDATED, None)),
    (record(1, "90"), stored(3, SHARED), {B}, (MergeKind.CONFLICT, "diverged")),
    (record(3, "90"), stored(2, OVERTAKEN, source=B), {A}, (MergeKind.STALE, "seen_before")),
    (record(4, "91"), stored(2, OVERTAKEN, source=B), {A}, (MergeKind.CONFLICT,
                                                            "other_laptop")),
    (record(4, "90"), stored(3, OWN), {A2, A}, (MergeKind.UPDATED, None)),
    (record(4, "90"), stored(3, OWN), {A2}, (MergeKind.CONFLICT, "other_laptop")),
    (record(2, "90"), stored(3, SHARED, review=ReviewState.ACCEPTED), {B},
     (MergeKind.CONFLICT, "reviewed")),
    (record(2, "90"), stored(3, SHARED, source=None, origin="office"), {B},
     (MergeKind.CONFLICT, "office_changed")),
    (record(4, "90"), stored(3, {}, source=None), {B}, (MergeKind.UPDATED, None)),
    (record(3, "90"), stored(3, {}, source=None), {B}, (MergeKind.CONFLICT, "diverged")),
])
def test_compare_between_laptops(incoming: dict[str, Any], state: StoredEntryState,
                                 keys: set[str], expected: tuple[MergeKind, str | None]) -> None:
    entry = parse_entry_record(0, incoming)

    assert compare_revisions(entry, state, frozenset(keys)) == expected


def test_update_resets_other_laptops() -> None:
    entry = parse_entry_record(0, record(2, "90"))

    after = laptops_after(MergeKind.UPDATED, entry, stored(3, SHARED), B)

    assert after == {A: LaptopVersion(3, False), B: LaptopVersion(2, True)}


def test_conflict_records_revision_only() -> None:
    entry = parse_entry_record(0, record(5, "90"))

    after = laptops_after(MergeKind.CONFLICT, entry, stored(3, OWN), B)

    assert after == {A: LaptopVersion(3, True), B: LaptopVersion(5, False)}


def test_unchanged_known_version_writes_nothing() -> None:
    entry = parse_entry_record(0, record(1))

    assert laptops_after(MergeKind.UNCHANGED, entry, stored(3, SHARED), B) is None
    assert laptops_after(MergeKind.UNCHANGED, entry, stored(3, OWN), B) == {
        A: LaptopVersion(3, True), B: LaptopVersion(1, True)}


def test_no_fingerprint_records_nothing() -> None:
    entry = parse_entry_record(0, record(4, "90"))

    assert laptops_after(MergeKind.UPDATED, entry, stored(3, OWN), "") is None


def test_record_keeps_higher_revision() -> None:
    versions = record_version(OWN, A, 2, matches=False, is_content_changed=False)

    assert versions[A] == LaptopVersion(3, False)


def test_highest_revision_of_laptop_keys() -> None:
    assert highest_revision(OVERTAKEN, {A, A2}) == 3
    assert highest_revision(OVERTAKEN, {A}, matching_only=True) is None
    assert highest_revision(OVERTAKEN, {"key-c"}) is None


def test_versions_json_round_trip() -> None:
    assert versions_from_json(versions_to_json(OVERTAKEN)) == OVERTAKEN


def test_damaged_versions_json_skipped() -> None:
    data = {A: {"revision": "3", "matches": True}, B: {"revision": 2, "matches": True},
            "x": [1], 7: {"revision": 1}}

    assert versions_from_json(data) == {B: LaptopVersion(2, True)}
    assert versions_from_json(None) == {}
