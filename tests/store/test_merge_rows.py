"""Core reads and inserts of entry rows give what the ORM reads and writes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.laptops import versions_from_json
from meili_desktop.domain.merge import StoredEntryState
from meili_desktop.services import merge as merge_service
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_rows import insert_entry_rows, load_stored_states
from meili_desktop.store.snapshots import entry_content
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    evidence_file,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
)

NOW = datetime(2021, 6, 30, 8, 0)


def entry_values(unit: str, task: int, period: str = PERIOD) -> dict[str, object]:
    return {"unit_id": unit, "task_number": task, "period_code": period,
            "status": "in_progress", "value": str(task), "narrative": f"任务{task}",
            "revision": 1, "updated_at": NOW, "updated_by": unit, "origin": "test"}


def test_insert_ids_follow_rows(merge_store: Store) -> None:
    values = [entry_values(TOWN_B, 27), entry_values(TOWN_A, 19), entry_values(TOWN_A, 13),
              entry_values(TOWN_A, 13, "2021Q3")]

    with merge_store.session_factory.begin() as session:
        ids = insert_entry_rows(session, values)

    with merge_store.session_factory() as session:
        rows = {row.id: row for row in session.scalars(select(models.Entry))}
    assert len(set(ids)) == 4
    for entry_id, value in zip(ids, values, strict=True):
        row = rows[entry_id]
        assert (row.unit_id, row.task_number, row.period_code) == \
            (value["unit_id"], value["task_number"], value["period_code"])
        assert row.value == value["value"]


def test_insert_nothing_returns_nothing(merge_store: Store) -> None:
    with merge_store.session_factory.begin() as session:
        assert insert_entry_rows(session, []) == []


def test_stored_states_match_rows(merge_store: Store, tmp_path: Path) -> None:
    scan, scan_path = evidence_file(tmp_path / "in", b"%PDF-1.4 scan")
    photo, photo_path = evidence_file(tmp_path / "in", b"\xff\xd8\xff photo", "现场.jpg")
    merge_service.merge(merge_store, make_package(
        [entry_record(attachments=[scan, photo], value="85.50"),
         entry_record(task=COUNT_TASK, value="4")],
        attachments={scan["sha256"]: scan_path, photo["sha256"]: photo_path}))
    keys = [EntryKey(TOWN_A, PERCENT_TASK, PERIOD), EntryKey(TOWN_A, COUNT_TASK, PERIOD),
            EntryKey(TOWN_A, 27, PERIOD), EntryKey(TOWN_B, PERCENT_TASK, PERIOD)]

    with merge_store.session_factory() as session:
        states = load_stored_states(session, keys)
        rows = session.scalars(select(models.Entry)).all()
        expected = {EntryKey(row.unit_id, row.task_number, row.period_code): StoredEntryState(
            row.revision, entry_content(row), ReviewState(row.review_state),
            row.reviewed_revision, row.origin, row.source_fingerprint,
            versions_from_json(row.laptop_versions)) for row in rows}

    assert states == expected
    assert set(states) == set(keys[:2])
    assert states[keys[0]].content["attachments"] == sorted([scan["sha256"], photo["sha256"]])
    # The sending laptop's key and version are part of the state the decisions read.
    assert states[keys[0]].source_fingerprint
    assert states[keys[0]].laptops


def test_stored_states_lock_rows(merge_store: Store) -> None:
    merge_service.merge(merge_store, make_package([entry_record()]))
    key = EntryKey(TOWN_A, PERCENT_TASK, PERIOD)

    with merge_store.session_factory.begin() as session:
        states = load_stored_states(session, [key], for_update=True)

    assert states[key].revision == 1
