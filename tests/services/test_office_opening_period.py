"""The period the office pages open on: the current open one, else the latest with entries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from meili_desktop.domain.periods import PeriodState
from meili_desktop.services import review
from meili_desktop.store.datafolder import Store, open_store
from tests.reports.report_support import open_office_store, seed_report_data

DURING_PROGRAMME = date(2021, 5, 10)
AFTER_PROGRAMME = date(2026, 12, 5)


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "fresh")
    yield store
    store.dispose()


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "seeded")
    seed_report_data(store)
    yield store
    store.dispose()


def test_fresh_office_opens_current_quarter(fresh: Store) -> None:
    assert review.period_to_open(fresh, DURING_PROGRAMME) == "2021Q2"


def test_current_quarter_before_latest_entries(seeded: Store) -> None:
    assert review.period_to_open(seeded, date(2021, 8, 2)) == "2021Q3"


def test_locked_current_quarter_skipped(seeded: Store) -> None:
    review.set_period_state(seeded, "2021Q3", PeriodState.LOCKED, actor="test")
    review.set_period_state(seeded, "2021", PeriodState.LOCKED, actor="test")

    assert review.period_to_open(seeded, date(2021, 8, 2)) == "2021Q2"


def test_after_programme_latest_with_entries(seeded: Store) -> None:
    assert review.period_to_open(seeded, AFTER_PROGRAMME) == "2021Q2"


def test_after_programme_without_entries(fresh: Store) -> None:
    assert review.period_to_open(fresh, AFTER_PROGRAMME) == "2022Q4"


def test_no_periods_stored(tmp_path: Path) -> None:
    store = open_store(tmp_path / "bare")
    try:
        assert review.period_to_open(store, DURING_PROGRAMME) is None
    finally:
        store.dispose()
