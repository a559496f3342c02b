"""The office corrects a merged entry from its window, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.domain.periods import PeriodState
from meili_desktop.services import merge as merge_service
from meili_desktop.services import audit, review
from meili_desktop.services.entries import PeriodLockedError, load_entry
from meili_desktop.services.office_corrections import (
    CorrectionEntryChangedError,
    CorrectionOpenConflictError,
    CorrectionReasonRequiredError,
    correct_entry,
)
from meili_desktop.store import models
from meili_desktop.store.audit_repo import AuditQuery
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

KEY = EntryKey(TOWN_A, PERCENT_TASK, PERIOD)
CHANGES: dict[str, Any] = {"status": Status.DONE, "value": Decimal("72"),
                           "narrative": "按台账核实", "responsible_person": "李娜"}


def merge_a(store: Store, revision: int, value: str, sequence: int) -> dict[str, int]:
    return merge_service.merge(store, from_laptop(LAPTOP_A, [entry_record(
        revision=revision, value=value)], sequence=sequence)).counts


def events(store: Store, action: str) -> list[dict[str, Any]]:
    with store.session_factory() as session:
        return [row.details for row in session.scalars(
            select(models.AuditEvent).where(models.AuditEvent.action == action)
            .order_by(models.AuditEvent.id))]


def revision_rows(store: Store) -> int:
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(models.EntryRevision)) or 0


def test_correction_becomes_office_content(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    seen = load_entry(merge_store, KEY)

    result = correct_entry(merge_store, KEY, CHANGES, reason="  台账为72%  ", actor="clerk1",
                           expected=seen)

    assert result.fields == ("narrative", "responsible_person", "status", "value")
    row = stored_entry(merge_store)
    assert row is not None
    assert (row.value, row.status, row.narrative, row.responsible_person) == (
        "72", "done", "按台账核实", "李娜")
    assert row.origin == "office"
    assert row.revision == 3
    logged = events(merge_store, "entry.office_changed")
    assert len(logged) == 1
    assert logged[0]["reason"] == "台账为72%"
    assert logged[0]["source"] == "office"
    assert logged[0]["old"]["value"] == "70"
    assert logged[0]["new"]["value"] == "72"


def test_newer_township_revision_then_conflicts(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    correct_entry(merge_store, KEY, {"value": Decimal("72")}, reason="核实", actor="clerk1")

    counts = merge_a(merge_store, 4, "80", 2)

    assert counts["conflict"] == 1
    with merge_store.session_factory() as session:
        item = session.scalar(select(models.MergeItem).where(models.MergeItem.state == "open"))
    assert item is not None
    assert item.reason == "office_changed"
    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "72"


def test_same_values_change_nothing(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    before = revision_rows(merge_store)

    result = correct_entry(merge_store, KEY, {"value": Decimal("70")}, reason="复核",
                           actor="clerk1")

    assert result.fields == ()
    assert revision_rows(merge_store) == before
    assert events(merge_store, "entry.office_changed") == []
    row = stored_entry(merge_store)
    assert row is not None
    assert row.origin != "office"


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_reason_required(merge_store: Store, reason: str) -> None:
    merge_a(merge_store, 3, "70", 1)

    with pytest.raises(CorrectionReasonRequiredError):
        correct_entry(merge_store, KEY, CHANGES, reason=reason, actor="clerk1")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"


def test_entry_changed_since_opened_refused(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    seen = load_entry(merge_store, KEY)
    merge_a(merge_store, 4, "75", 2)

    with pytest.raises(CorrectionEntryChangedError):
        correct_entry(merge_store, KEY, CHANGES, reason="核实", actor="clerk1", expected=seen)

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "75"


def test_open_conflict_refused(merge_store: Store) -> None:
    merge_a(merge_store, 1, "70", 1)
    merge_service.merge(merge_store, from_laptop(LAPTOP_B, [entry_record(
        revision=1, value="75")], sequence=1))

    with pytest.raises(CorrectionOpenConflictError):
        correct_entry(merge_store, KEY, CHANGES, reason="核实", actor="clerk1")

    assert events(merge_store, "entry.office_changed") == []


def test_locked_period_refused(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    review.set_period_state(merge_store, PERIOD, PeriodState.LOCKED, actor="clerk1")

    with pytest.raises(PeriodLockedError):
        correct_entry(merge_store, KEY, CHANGES, reason="核实", actor="clerk1")

    row = stored_entry(merge_store)
    assert row is not None
    assert row.value == "70"


def test_audit_text_names_reason_and_source(merge_store: Store) -> None:
    merge_a(merge_store, 3, "70", 1)
    correct_entry(merge_store, KEY, {"value": Decimal("72")}, reason="台账为72%", actor="clerk1")

    records = [record for record in audit.search(merge_store, AuditQuery())
               if record.action == "entry.office_changed"]

    assert len(records) == 1
    text = audit.details_text(records[0])
    assert "台账为72%" in text
    assert "correction dialog" in text
