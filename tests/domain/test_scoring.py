"""Scoring rules: fixed points for a mechanism, discretionary points up to a maximum."""

from __future__ import annotations

from decimal import Decimal

import pytest

from meili_desktop.domain.catalogue import (
    LeadLink,
    LeadRole,
    MeasureType,
    Provenance,
    ScoringKind,
    ScoringRule,
    Task,
    TaskLevel,
)
from meili_desktop.domain.scoring import (
    Assessment,
    CountyScoreSheet,
    InvalidScoreError,
    TaskNotScoredError,
    score_sheet,
    score_task,
)


def make_task(number: int, scoring: ScoringRule | None) -> Task:
    return Task(number, "工作推进", f"任务{number}", "要求", MeasureType.QUALITATIVE, "", True,
                TaskLevel.CITY, (LeadLink("市美丽城镇办", LeadRole.LEAD, Provenance.TABLE),),
                scoring=scoring)


MECHANISM = ScoringRule(ScoringKind.MECHANISM_PLUS_DISCRETIONARY, Decimal(1), Decimal("0.5"))
DISCRETIONARY = ScoringRule(ScoringKind.DISCRETIONARY, Decimal(1))


def test_mechanism_grants_fixed_points() -> None:
    score = score_task(make_task(6, MECHANISM), Assessment(6, True, Decimal("0.3")))
    assert score.fixed_points == Decimal("0.5")
    assert score.total == Decimal("0.8")


def test_no_mechanism_no_fixed_points() -> None:
    score = score_task(make_task(6, MECHANISM), Assessment(6, False, Decimal("0.3")))
    assert score.fixed_points == 0
    assert score.total == Decimal("0.3")


def test_discretionary_capped_by_fixed_part() -> None:
    with pytest.raises(InvalidScoreError) as raised:
        score_task(make_task(6, MECHANISM), Assessment(6, True, Decimal("0.6")))
    assert raised.value.details["limit"] == "0.5"


def test_discretionary_rule_allows_max() -> None:
    score = score_task(make_task(8, DISCRETIONARY), Assessment(8, False, Decimal(1)))
    assert score.total == Decimal(1)


def test_negative_points_rejected() -> None:
    with pytest.raises(InvalidScoreError):
        score_task(make_task(8, DISCRETIONARY), Assessment(8, False, Decimal("-0.1")))


def test_unscored_task_rejected() -> None:
    with pytest.raises(TaskNotScoredError):
        score_task(make_task(7, None), Assessment(7))


def test_unassessed_task_scores_zero() -> None:
    score = score_task(make_task(8, DISCRETIONARY), None)
    assert score.total == 0
    assert not score.is_assessed


def test_sheet_covers_scored_tasks_only() -> None:
    tasks = [make_task(6, MECHANISM), make_task(7, None), make_task(8, DISCRETIONARY)]
    sheet = score_sheet("330110001", "某镇", "2021", tasks,
                        {6: Assessment(6, True, Decimal("0.5")), 8: Assessment(8, False,
                                                                             Decimal("0.7"))})
    assert [score.task_number for score in sheet.scores] == [6, 8]
    assert sheet.total == Decimal("1.7")
    assert sheet.max_total == Decimal(2)


def test_county_sheet_town_mean() -> None:
    tasks = [make_task(8, DISCRETIONARY)]
    towns = tuple(score_sheet(f"t{index}", f"镇{index}", "2021", tasks,
                              {8: Assessment(8, False, Decimal(points))})
                  for index, points in enumerate(["1", "0.5", "0"]))
    county = CountyScoreSheet(score_sheet("c", "县", "2021", tasks, {}), towns)
    assert county.town_total == Decimal("1.5")
    assert county.town_mean == Decimal("0.50")
