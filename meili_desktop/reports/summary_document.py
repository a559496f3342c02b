"""The content of a summary report, shared by the Excel workbook and the printed city summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.entries import Entry
from meili_desktop.domain.summary import Grouping, PairKey, PairResult, SummaryRow, SummaryScope


@dataclass(frozen=True)
class PeriodSummary:
    """Every summary of one period, and the town-by-task pairs behind them.

    ``pairs`` and ``entries`` are empty when the report leaves out the detail sheet.
    """

    period_code: str
    previous_code: str | None
    rows: Mapping[Grouping, Sequence[SummaryRow]]
    pairs: Sequence[PairResult] = ()
    entries: Mapping[PairKey, Entry] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryDocument:
    """A summary report over one or more periods."""

    city_name: str
    catalogue_version: str
    generated_at: datetime
    scope: SummaryScope
    periods: Sequence[PeriodSummary]
    groupings: Sequence[Grouping]
    town_types: Mapping[str, str] = field(default_factory=dict)

    def task(self, number: int) -> Task:
        for task in self.scope.tasks:
            if task.number == number:
                return task
        raise KeyError(number)
