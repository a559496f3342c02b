"""The period a township window opens on, for a laptop used during and after the programme."""

from __future__ import annotations

from datetime import date

import pytest

from meili_desktop.domain.periods import (
    PeriodState,
    default_periods,
    opening_period,
    parse_period,
)

PERIODS = default_periods()


def test_remembered_period_first() -> None:
    chosen = opening_period(PERIODS, date(2021, 5, 10), {"2021Q1"}, remembered="2020Q3")
    assert chosen.code == "2020Q3"


def test_quarter_containing_today() -> None:
    chosen = opening_period(PERIODS, date(2021, 5, 10), {"2021Q1"})
    assert chosen.code == "2021Q2"


def test_locked_quarter_skipped() -> None:
    periods = [parse_period(period.code, PeriodState.LOCKED) if period.code in
               {"2021Q2", "2021"} else period for period in PERIODS]
    chosen = opening_period(periods, date(2021, 5, 10), {"2021Q1"})
    assert chosen.code == "2021Q1"


def test_after_programme_latest_with_entries() -> None:
    chosen = opening_period(PERIODS, date(2026, 12, 5), {"2021Q1", "2021Q2", "2021"})
    assert chosen.code == "2021Q2"


def test_after_programme_without_entries() -> None:
    chosen = opening_period(PERIODS, date(2026, 12, 5))
    assert chosen.code == "2022Q4"


def test_before_programme_first_period() -> None:
    chosen = opening_period(PERIODS, date(2019, 6, 1))
    assert chosen.code == PERIODS[0].code


def test_no_periods_rejected() -> None:
    with pytest.raises(ValueError):
        opening_period([], date(2021, 5, 10))
