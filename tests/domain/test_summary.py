"""Summaries: status counts, missing reports, weighted rates and change between periods."""

from __future__ import annotations

from decimal import Decimal

from meili_desktop.domain.catalogue import (
    LeadLink,
    LeadRole,
    MeasureType,
    Provenance,
    Task,
    TaskLevel,
)
from meili_desktop.domain.entries import Status
from meili_desktop.domain.summary import Fact, Grouping, SummaryScope, summarize
from meili_desktop.domain.units import ReportingUnit, UnitKind


def make_task(number: int, measure: MeasureType, lead: str = "市教育局",
              category: str = "工作推进", higher_is_better: bool = True,
              rate_base: int | None = None) -> Task:
    return Task(number, category, f"任务{number}", "要求", measure, "", higher_is_better,
                TaskLevel.TOWNSHIP, (LeadLink(lead, LeadRole.LEAD, Provenance.TABLE),),
                rate_base=rate_base)


COUNTIES = {"c1": ReportingUnit("c1", "甲县", UnitKind.COUNTY),
            "c2": ReportingUnit("c2", "乙县", UnitKind.COUNTY)}
TOWNS = [ReportingUnit("t1", "一镇", UnitKind.TOWNSHIP, "c1"),
         ReportingUnit("t2", "二镇", UnitKind.TOWNSHIP, "c1"),
         ReportingUnit("t3", "三镇", UnitKind.TOWNSHIP, "c2")]
PERCENT = make_task(13, MeasureType.PERCENT)
COUNT = make_task(10, MeasureType.COUNT, lead="市发改委", category="产业")


def fact(unit: str, task: int, status: Status = Status.IN_PROGRESS, value: str | None = None,
         numerator: str | None = None, denominator: str | None = None) -> Fact:
    return Fact(unit, task, status, None if value is None else Decimal(value),
                None if numerator is None else Decimal(numerator),
                None if denominator is None else Decimal(denominator))


def by_key(rows: list) -> dict:
    return {row.key: row for row in rows}


def test_rate_rolled_up_from_counts() -> None:
    scope = SummaryScope(TOWNS, [PERCENT], COUNTIES)
    facts = {("t1", 13): fact("t1", 13, value="100", numerator="10", denominator="10"),
             ("t2", 13): fact("t2", 13, value="50", numerator="100", denominator="200")}
    rows = by_key(summarize(Grouping.TASK, scope, facts, {}))
    # (10 + 100) / (10 + 200) = 52.38 %, not the unweighted mean 75 %.
    assert rows["13"].actual == Decimal("52.3810")


def test_rate_target_weighted_by_denominators() -> None:
    scope = SummaryScope(TOWNS[:2], [PERCENT], COUNTIES)
    facts = {("t1", 13): fact("t1", 13, numerator="9", denominator="10"),
             ("t2", 13): fact("t2", 13, numerator="150", denominator="200")}
    targets = {("t1", 13): Decimal(100), ("t2", 13): Decimal(80)}
    row = summarize(Grouping.TASK, scope, facts, targets)[0]
    assert row.target == Decimal("80.9524")
    assert row.actual == Decimal("75.7143")
    assert row.completion == Decimal("0.9353")


def test_percent_only_leaves_rate_empty() -> None:
    scope = SummaryScope(TOWNS, [PERCENT], COUNTIES)
    facts = {("t1", 13): fact("t1", 13, value="90", numerator="9", denominator="10"),
             ("t2", 13): fact("t2", 13, value="60")}
    targets = {("t1", 13): Decimal(80), ("t2", 13): Decimal(80), ("t3", 13): Decimal(80)}
    row = summarize(Grouping.TASK, scope, facts, targets)[0]
    assert row.actual is None
    assert row.percent_only == 1
    assert row.attainment == Decimal("0.3333")


def test_counts_add_up() -> None:
    scope = SummaryScope(TOWNS, [COUNT], COUNTIES)
    facts = {("t1", 10): fact("t1", 10, value="3"), ("t3", 10): fact("t3", 10, value="4")}
    targets = {("t1", 10): Decimal(2), ("t2", 10): Decimal(3), ("t3", 10): Decimal(5)}
    row = summarize(Grouping.TASK, scope, facts, targets)[0]
    assert row.actual == Decimal(7)
    assert row.target == Decimal(10)
    assert row.completion == Decimal("0.7")
    assert row.meeting_target == 1


def test_missing_and_status_counts_by_town() -> None:
    scope = SummaryScope(TOWNS, [PERCENT, COUNT], COUNTIES)
    facts = {("t1", 13): fact("t1", 13, Status.DONE, value="95"),
             ("t1", 10): fact("t1", 10, Status.NOT_STARTED)}
    rows = by_key(summarize(Grouping.TOWN, scope, facts, {}))
    assert rows["t1"].reported == 2
    assert rows["t1"].missing == 0
    assert rows["t1"].status_counts[Status.DONE] == 1
    assert rows["t2"].missing == 2
    assert rows["t2"].label == "二镇"
    assert rows["t2"].parent_label == "甲县"


def test_county_rows_cover_their_towns() -> None:
    scope = SummaryScope(TOWNS, [COUNT], COUNTIES)
    facts = {("t1", 10): fact("t1", 10, value="3"), ("t2", 10): fact("t2", 10, value="1")}
    targets = {("t1", 10): Decimal(2), ("t2", 10): Decimal(2), ("t3", 10): Decimal(2)}
    rows = by_key(summarize(Grouping.COUNTY, scope, facts, targets))
    assert rows["c1"].label == "甲县"
    assert rows["c1"].expected == 2
    assert rows["c1"].attainment == Decimal("0.5")
    assert rows["c2"].missing == 1


def test_lead_unit_and_category_groups() -> None:
    scope = SummaryScope(TOWNS, [PERCENT, COUNT], COUNTIES)
    lead_rows = by_key(summarize(Grouping.LEAD_UNIT, scope, {}, {}))
    assert set(lead_rows) == {"市教育局", "市发改委"}
    assert lead_rows["市教育局"].expected == 3
    category_rows = by_key(summarize(Grouping.CATEGORY, scope, {}, {}))
    assert set(category_rows) == {"工作推进", "产业"}


def test_lower_is_better_meets_below_target() -> None:
    task = make_task(50, MeasureType.COUNT, higher_is_better=False)
    scope = SummaryScope(TOWNS[:1], [task], COUNTIES)
    facts = {("t1", 50): fact("t1", 50, value="3")}
    row = summarize(Grouping.TASK, scope, facts, {("t1", 50): Decimal(5)})[0]
    assert row.meeting_target == 1
    assert row.completion == Decimal("1.6667")


def test_per_thousand_rate() -> None:
    task = make_task(19, MeasureType.RATE, rate_base=1000)
    scope = SummaryScope(TOWNS[:2], [task], COUNTIES)
    facts = {("t1", 19): fact("t1", 19, numerator="30", denominator="1000"),
             ("t2", 19): fact("t2", 19, numerator="90", denominator="2000")}
    row = summarize(Grouping.TASK, scope, facts, {})[0]
    assert row.actual == Decimal(40)


def test_milestone_met_when_done() -> None:
    task = make_task(60, MeasureType.MILESTONE)
    scope = SummaryScope(TOWNS[:2], [task], COUNTIES)
    facts = {("t1", 60): fact("t1", 60, Status.DONE), ("t2", 60): fact("t2", 60)}
    targets = {("t1", 60): Decimal(1), ("t2", 60): Decimal(1)}
    row = summarize(Grouping.TASK, scope, facts, targets)[0]
    assert row.meeting_target == 1
    assert row.actual is None


def test_change_since_previous_period() -> None:
    scope = SummaryScope(TOWNS, [COUNT], COUNTIES)
    targets = {(town.id, 10): Decimal(2) for town in TOWNS}
    before = {("t1", 10): fact("t1", 10, value="2")}
    now = {("t1", 10): fact("t1", 10, value="2"), ("t2", 10): fact("t2", 10, value="2")}
    rows = by_key(summarize(Grouping.COUNTY, scope, now, targets, before))
    assert rows["c1"].change == Decimal("0.5")
    assert rows["c2"].change == Decimal(0)
    task_row = summarize(Grouping.TASK, scope, now, targets, before)[0]
    # Completion went from 2/6 to 4/6, each rounded to four places first.
    assert task_row.change == Decimal("0.3334")


def test_no_previous_period_no_change() -> None:
    scope = SummaryScope(TOWNS, [COUNT], COUNTIES)
    rows = summarize(Grouping.TOWN, scope, {}, {})
    assert all(row.change is None for row in rows)
