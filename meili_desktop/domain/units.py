"""Reporting units (填报单位): the city, counties, townships and departments that report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class UnitKind(StrEnum):
    CITY = "city"
    COUNTY = "county"
    TOWNSHIP = "township"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class UnitCode:
    """An official statistical division code that a unit held in one edition of the code list."""

    edition: str  # the code list's reference date, e.g. "2020-06-30"
    code: str
    parent_code: str | None


@dataclass(frozen=True)
class ReportingUnit:
    """A unit that reports, with a stable ``id`` that survives code and boundary changes.

    ``id`` is the unit's earliest official code, or a generated ``X...`` id for units without
    one (market towns, 集镇). ``town_type`` holds labels such as 样板镇 or 达标镇.
    """

    id: str
    name: str
    kind: UnitKind
    parent_id: str | None = None
    codes: tuple[UnitCode, ...] = ()
    town_type: str = ""
    is_provisional: bool = False
    merged_into_id: str | None = None  # set when the office merged this unit into another

    @property
    def current_code(self) -> str | None:
        """Return the code of the latest edition, or None for a unit without a code."""
        if not self.codes:
            return None
        return max(self.codes, key=lambda code: code.edition).code

    def code_on(self, day: date) -> UnitCode | None:
        """Return the code of the latest edition dated on or before ``day``.

        A day before every edition gets the earliest edition's code; a unit without a code
        gets None. Editions are dated by their reference date, not by when a boundary change
        took effect, so a day between a change and the next edition still gets the old code.
        """
        if not self.codes:
            return None
        ordered = sorted(self.codes, key=lambda code: code.edition)
        chosen = ordered[0]
        for code in ordered:
            if code.edition <= day.isoformat():
                chosen = code
        return chosen
