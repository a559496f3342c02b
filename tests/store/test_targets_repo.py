"""Versioned targets: each change bumps the version and writes an audit event."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from meili_desktop.domain.targets import SplitMethod, TargetRecord
from meili_desktop.store import models, targets_repo
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import TOWN_A, TOWN_B, open_office_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    try:
        yield opened
    finally:
        opened.dispose()


def audit_count(store: Store) -> int:
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(models.AuditEvent).where(
            models.AuditEvent.action.like("target.%"))) or 0


def test_change_bumps_version(store: Store) -> None:
    with store.session_factory.begin() as session:
        first = targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(3), actor="li")
        second = targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(4), actor="li")
    assert first.version == 1
    assert second.version == 2
    assert audit_count(store) == 2


def test_same_value_no_new_version(store: Store) -> None:
    with store.session_factory.begin() as session:
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(3))
        again = targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal("3.0"))
    assert again.version == 1
    assert audit_count(store) == 1


def test_history_records_changes(store: Store) -> None:
    with store.session_factory.begin() as session:
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(3), actor="li")
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(5), actor="wang",
                                method=SplitMethod.PROPORTIONAL, base=Decimal(100))
        targets_repo.clear_target(session, 10, TOWN_A, "2021", actor="wang")
        history = targets_repo.target_history(session, 10, TOWN_A, "2021")
    assert [(change.action, change.old_value, change.new_value, change.version)
            for change in history] == [("target.set", None, "3", 1),
                                       ("target.set", "3", "5", 2),
                                       ("target.clear", "5", None, 2)]
    assert history[1].actor == "wang"


def test_targets_for_unit(store: Store) -> None:
    with store.session_factory.begin() as session:
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(3))
        targets_repo.set_target(session, 13, TOWN_A, "2022", Decimal(95))
        targets_repo.set_target(session, 10, TOWN_B, "2021", Decimal(4))
        records = targets_repo.targets_for_unit(session, TOWN_A)
    assert [(record.task_number, record.period_code, record.value) for record in records] == [
        (10, "2021", Decimal(3)), (13, "2022", Decimal(95))]


def test_received_keeps_newer_only(store: Store) -> None:
    with store.session_factory.begin() as session:
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(3))
        targets_repo.set_target(session, 10, TOWN_A, "2021", Decimal(4))
        older = TargetRecord(10, TOWN_A, "2021", Decimal(9), version=1)
        newer = TargetRecord(10, TOWN_A, "2021", Decimal(7), version=3)
        other = TargetRecord(13, TOWN_A, "2021", Decimal(90), version=1)
        assert targets_repo.store_received_targets(session, [older]) == 0
        assert targets_repo.store_received_targets(session, [newer, other]) == 2
        assert targets_repo.store_received_targets(session, [newer, other]) == 0
        stored = targets_repo.get_target(session, 10, TOWN_A, "2021")
    assert stored.value == Decimal(7)
    assert stored.version == 3
    assert stored.method is SplitMethod.RECEIVED
