"""Reporting periods (填报期): years, quarters and months, identified by a short code."""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from meili_desktop.errors import MeiliError


class PeriodKind(StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"


class PeriodState(StrEnum):
    """Lifecycle of a period at the office: entries flow in while open, none after locking."""

    OPEN = "open"
    CLOSED = "closed"  # closed for review: townships may still resubmit returned entries
    LOCKED = "locked"


class InvalidPeriodError(MeiliError):
    code = "period.invalid"


_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

# The programme's default years, 2020 to 2022.
PROGRAMME_YEARS = (2020, 2021, 2022)


@dataclass(frozen=True)
class Period:
    """A reporting period such as ``2020``, ``2020Q1`` or ``2020-03``."""

    code: str
    kind: PeriodKind
    start: date
    end: date
    state: PeriodState = PeriodState.OPEN

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def year_code(self) -> str:
        """Return the code of the year that contains this period."""
        return str(self.start.year)


def parse_period(code: str, state: PeriodState = PeriodState.OPEN) -> Period:
    """Parse a period code into a Period.

    Raises:
        InvalidPeriodError: the code is not ``YYYY``, ``YYYYQn`` or ``YYYY-MM``.
    """
    text = code.strip().upper()
    if match := _YEAR.match(text):
        year = int(match.group(1))
        return Period(text, PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31), state)
    if match := _QUARTER.match(text):
        year, quarter = int(match.group(1)), int(match.group(2))
        first_month = 3 * quarter - 2
        last_month = first_month + 2
        last_day = calendar.monthrange(year, last_month)[1]
        return Period(text, PeriodKind.QUARTER, date(year, first_month, 1),
                      date(year, last_month, last_day), state)
    if match := _MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
        last_day = calendar.monthrange(year, month)[1]
        return Period(text, PeriodKind.MONTH, date(year, month, 1),
                      date(year, month, last_day), state)
    raise InvalidPeriodError(period=code)


def default_periods() -> list[Period]:
    """Return the programme's default periods: each year 2020-2022 and its four quarters."""
    periods: list[Period] = []
    for year in PROGRAMME_YEARS:
        periods.append(parse_period(str(year)))
        periods.extend(parse_period(f"{year}Q{quarter}") for quarter in range(1, 5))
    return periods


def previous_period(period: Period) -> Period | None:
    """Return the period of the same kind just before ``period``."""
    if period.kind is PeriodKind.YEAR:
        return parse_period(str(period.year - 1))
    if period.kind is PeriodKind.QUARTER:
        quarter = int(period.code[-1])
        if quarter == 1:
            return parse_period(f"{period.year - 1}Q4")
        return parse_period(f"{period.year}Q{quarter - 1}")
    month = period.start.month
    if month == 1:
        return parse_period(f"{period.year - 1}-12")
    return parse_period(f"{period.year}-{month - 1:02d}")


def opening_period(periods: Sequence[Period], today: date, filled: Collection[str] = (),
                   remembered: str = "") -> Period:
    """Choose the period a township window opens on.

    In order: the ``remembered`` period; the open period that contains ``today`` (the
    shortest, so a quarter before its year); the latest period in ``filled``, the codes of
    periods with entries; the latest quarter that has started; the first period.

    Raises:
        ValueError: ``periods`` is empty.
    """
    if not periods:
        raise ValueError("no reporting periods to choose from")
    for period in periods:
        if period.code == remembered:
            return period

    def length(period: Period) -> int:
        return (period.end - period.start).days

    current = [period for period in periods if period.state is PeriodState.OPEN
               and period.start <= today <= period.end]
    if current:
        return min(current, key=length)
    with_entries = [period for period in periods if period.code in filled]
    if with_entries:
        return max(with_entries, key=lambda period: (period.start, -length(period)))
    started = [period for period in periods
               if period.kind is PeriodKind.QUARTER and period.start <= today]
    if started:
        return max(started, key=lambda period: period.start)
    return periods[0]
