"""Values the office changed stay until the office decides, on SQLite and PostgreSQL.

The office changes a township's entry by importing a filled-in Excel template, or by editing
or mixing values when it resolves a conflict. A newer revision from the township that differs
from such content becomes a conflict that keeps both values; equal content changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from meili_desktop.domain.conflicts import FieldChoice, FieldDecision
from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import conflicts, review
from meili_desktop.services import merge as merge_service
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import (
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    merge_store,  # noqa: F401 - pytest fixture
    stored_entry,
)
from tests.services.test_merge_laptops import LAPTOP_A, LAPTOP_B, from_laptop

# The template's entry sheet lists task 10 on row 4 and the following tasks below it.
TEMPLATE_FIRST_TASK = 10
TEMPLATE_FIRST_ROW = 4
KEY = EntryKey(TOWN_A, PERCENT_TASK, PERIOD)


def export_for_office(store: Store, folder: Path, name: str = "模板.xlsx") -> Path:
    path = folder / name
    export_template(store, path, TOWN_A, PERIOD)
    return path


def correct_value(store: Store, template: Path, value: object, name: str) -> tuple[int, ...]:
    """Type ``value`` into the template's value cell of the percentage task; import it."""
    workbook = load_workbook(template)
    row = TEMPLATE_FIRST_ROW + PERCENT_TASK - TEMPLATE_FIRST_TASK
    workbook.worksheets[0][f"I{row}"] = value
    filled = template.with_name(name)
    workbook.save(filled)
    result = import_template(store, filled, unit=TOWN_A)
    assert not result.problems, result.problems
    return result.changed


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


def merge_a(store: Store, revision: int, value: str, sequence: int) -> dict[str, int]:
    return merge_service.merge(store, from_laptop(LAPTOP_A, [entry_record(
        revision=revision, value=value)], sequence=sequence)).counts


@pytest.fixture
def corrected(merge_store: Store, tmp_path: Path) -> Store:
    """An office store whose entry from laptop A (revision 3, 70) the office set to 72."""
    merge_a(merge_store, 3, "70", 1)
    assert correct_value(merge_store, export_for_office(merge_store, tmp_path), 72,
                         "改正.xlsx") == (PERCENT_TASK,)
    return merge_store


def test_correction_is_office_content(corrected: Store) -> None:
    row = stored_entry(corrected)
    assert row is not None
    assert row.value == "72"
    assert row.origin == "office"
    assert row.revision == 3
    assert row.source_fingerprint is None
    assert row.laptop_versions == {LAPTOP_A: {"revision": 3, "matches": False}}
    events = audit(corrected, "entry.office_changed")
    assert len(events) == 1
    assert events[0]["fields"] == ["value"]
    assert events[0]["old"] == {"value": "70"}
    assert events[0]["new"] == {"value": "72"}
    assert events[0]["source"] == "excel"


def test_newer_revision_after_correction_conflicts(corrected: Store) -> None:
    counts = merge_a(corrected, 4, "80", 2)

    assert counts["conflict"] == 1
    assert counts["updated"] == 0
    row = stored_entry(corrected)
    assert row is not None
    assert row.value == "72"
    assert row.origin == "office"
    items = open_items(corrected)
    assert len(items) == 1
    assert items[0].reason == "office_changed"
    assert items[0].incoming["value"] == "80"
    assert items[0].stored is not None
    assert items[0].stored["value"] == "72"
    logged = audit(corrected, "entry.conflict")
    assert logged[-1]["reason"] == "office_changed"
    assert logged[-1]["fields"] == ["value"]


def test_conflict_after_correction_decided(corrected: Store) -> None:
    merge_a(corrected, 4, "80", 2)
    item_id = open_items(corrected)[0].id

    conflicts.resolve(corrected, item_id, [FieldDecision("value", FieldChoice.TOWNSHIP)],
                      actor="clerk1")

    row = stored_entry(corrected)
    assert row is not None
    assert row.value == "80"
    assert row.revision == 4
    assert row.source_fingerprint == LAPTOP_A
    decisions = audit(corrected, "conflict.decision")
    assert len(decisions) == 1
    assert decisions[0]["office"] == "72"
    assert decisions[0]["township"] == "80"
    assert decisions[0]["choice"] == "township"
    assert audit(corrected, "conflict.resolved")[0]["reason"] == "office_changed"


def test_equal_revision_after_correction_unchanged(corrected: Store) -> None:
    counts = merge_a(corrected, 4, "72", 2)

    assert counts["unchanged"] == 1
    assert open_items(corrected) == []
    row = stored_entry(corrected)
    assert row is not None
    assert row.origin == "office"
    assert row.value == "72"


def test_resent_version_after_correction_stale(corrected: Store) -> None:
    counts = merge_a(corrected, 3, "70", 2)

    assert counts["stale"] == 1
    assert open_items(corrected) == []


def test_other_laptop_after_correction_conflicts(corrected: Store) -> None:
    counts = merge_service.merge(corrected, from_laptop(LAPTOP_B, [entry_record(
        revision=9, value="90")], sequence=1)).counts

    assert counts["conflict"] == 1
    assert open_items(corrected)[0].reason == "office_changed"
    row = stored_entry(corrected)
    assert row is not None
    assert row.value == "72"


def test_stale_template_after_correction_rejected(corrected: Store, tmp_path: Path) -> None:
    # The template exported before the correction still shows 70, so typing another value
    # into it would silently undo the office's own correction.
    template = tmp_path / "模板.xlsx"

    workbook = load_workbook(template)
    workbook.worksheets[0][f"I{TEMPLATE_FIRST_ROW + PERCENT_TASK - TEMPLATE_FIRST_TASK}"] = 65
    workbook.save(tmp_path / "旧模板.xlsx")
    result = import_template(corrected, tmp_path / "旧模板.xlsx", unit=TOWN_A)

    assert [problem.code for problem in result.problems] == ["template.entry_changed"]
    row = stored_entry(corrected)
    assert row is not None
    assert row.value == "72"


def test_entry_created_by_office_then_township(merge_store: Store, tmp_path: Path) -> None:
    correct_value(merge_store, export_for_office(merge_store, tmp_path), 55, "新建.xlsx")
    created = stored_entry(merge_store)
    assert created is not None
    assert created.revision == 0
    assert created.origin == "office"

    counts = merge_a(merge_store, 1, "60", 1)

    assert counts["conflict"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "55"


def test_correction_without_laptop_record(merge_store: Store, tmp_path: Path) -> None:
    """An entry stored before laptops were recorded is protected by the same rule."""
    merge_a(merge_store, 2, "70", 1)
    with merge_store.session_factory.begin() as session:
        row = session.scalar(select(models.Entry))
        assert row is not None
        row.source_fingerprint = None
        row.laptop_versions = None
    correct_value(merge_store, export_for_office(merge_store, tmp_path), 72, "改正.xlsx")

    equal = merge_a(merge_store, 3, "72", 2)
    newer = merge_a(merge_store, 4, "80", 3)

    assert equal["unchanged"] == 1
    assert newer["conflict"] == 1
    assert open_items(merge_store)[0].reason == "office_changed"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "72"
    assert row.origin == "office"


def test_mixed_resolution_then_newer_conflicts(merge_store: Store) -> None:
    merge_a(merge_store, 1, "70", 1)
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75", narrative="二号机")], sequence=1))
    conflicts.resolve(merge_store, open_items(merge_store)[0].id, [
        FieldDecision("value", FieldChoice.EDIT, "73"),
        FieldDecision("narrative", FieldChoice.TOWNSHIP)], actor="clerk1")

    counts = merge_a(merge_store, 2, "71", 2)

    assert counts["conflict"] == 1
    items = open_items(merge_store)
    assert items[0].reason == "office_changed"
    assert items[0].incoming["value"] == "71"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "73"


def test_township_choice_then_newer_updates(merge_store: Store) -> None:
    """Taking the township's values everywhere is no office change, so the laptop updates."""
    merge_a(merge_store, 1, "70", 1)
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75")], sequence=1))
    conflicts.resolve(merge_store, open_items(merge_store)[0].id,
                      [FieldDecision("value", FieldChoice.TOWNSHIP)], actor="clerk1")

    counts = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=2, value="78")], sequence=2)).counts

    assert counts["updated"] == 1
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "78"


def test_township_choice_accepted_then_conflicts(merge_store: Store) -> None:
    merge_a(merge_store, 1, "70", 1)
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75")], sequence=1))
    conflicts.resolve(merge_store, open_items(merge_store)[0].id,
                      [FieldDecision("value", FieldChoice.TOWNSHIP)], actor="clerk1")
    review.accept_entry(merge_store, KEY, actor="clerk1")

    counts = merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=2, value="78")], sequence=2)).counts

    assert counts["conflict"] == 1
    assert open_items(merge_store)[0].reason == "reviewed"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "75"
