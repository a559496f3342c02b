"""The merge's ledger reads and writes, with Core statements, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from meili_desktop.store import ledger_repo, models
from meili_desktop.store.datafolder import Store
from tests.services.merge_support import (
    TOWN_A,
    entry_record,
    make_package,
    merge_store,  # noqa: F401 - pytest fixture
)

RECEIVED = datetime(2021, 7, 1, 8, 30)
COUNTS = {"new": 1, "updated": 0, "unchanged": 0, "conflict": 0, "stale": 0, "held": 0}


def test_record_takes_over_other_state(merge_store: Store) -> None:
    package = make_package([entry_record()], sequence=4)
    with merge_store.session_factory.begin() as session:
        session.add(models.ImportedPackage(
            package_id=package.package_id, kind="report", sender_unit_id=TOWN_A,
            sequence=4, header_hash="0" * 64, received_at=RECEIVED, state="waiting-key"))

    with merge_store.session_factory.begin() as session:
        before = ledger_repo.find_in_ledger(session, package)
        ledger_repo.record_package(session, package, received_at=RECEIVED, counts=COUNTS,
                                   is_clock_suspicious=True)

    with merge_store.session_factory() as session:
        rows = session.scalars(select(models.ImportedPackage)).all()
        after = ledger_repo.find_in_ledger(session, package)
    assert before == (None, None)
    assert len(rows) == 1
    assert rows[0].state == "merged"
    assert rows[0].header_hash == package.header_hash
    assert rows[0].sender_fingerprint == package.sender_fingerprint
    assert rows[0].counts == COUNTS
    assert rows[0].periods == list(package.periods)
    assert rows[0].is_clock_suspicious is True
    assert after[0] is not None
    assert after[0] == after[1]


def test_find_by_id_and_by_sequence(merge_store: Store) -> None:
    merged = make_package([entry_record()], sequence=1)
    same_sequence = make_package([entry_record()], sequence=1)
    other_laptop = replace(make_package([entry_record()], sequence=1),
                           sender_fingerprint="99999 88888")
    with merge_store.session_factory.begin() as session:
        ledger_repo.record_package(session, merged, received_at=RECEIVED, counts=COUNTS,
                                   is_clock_suspicious=False)

    with merge_store.session_factory() as session:
        by_id = ledger_repo.find_in_ledger(session, merged)
        by_sequence = ledger_repo.find_in_ledger(session, same_sequence)
        unrelated = ledger_repo.find_in_ledger(session, other_laptop)
        history = ledger_repo.laptop_history(session, TOWN_A, "report",
                                             [merged.sender_fingerprint])

    assert by_id[0] is not None
    assert by_id[0].package_id == merged.package_id
    assert by_sequence[0] is None
    assert by_sequence[1] is not None
    assert by_sequence[1].package_id == merged.package_id
    assert unrelated == (None, None)
    assert [record.package_id for record in history] == [merged.package_id]
