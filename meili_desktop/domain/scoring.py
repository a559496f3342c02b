"""Scoring (评分): the catalogue's scoring rules applied to the office's assessments.

A rule of kind mechanism-plus-discretionary grants ``fixed_points`` when the unit has
established the mechanism, and the office may add discretionary points so that the task's
total stays within ``max_points``. A discretionary rule leaves all points up to ``max_points``
to the office. Score sheets list a unit's scored tasks with their totals; a county's sheet
adds the totals of its towns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from meili_desktop.domain.catalogue import ScoringKind, ScoringRule, Task
from meili_desktop.errors import MeiliError

ZERO = Decimal(0)


class InvalidScoreError(MeiliError):
    """Discretionary points are negative or exceed what the task's rule allows."""

    code = "score.invalid_points"


class TaskNotScoredError(MeiliError):
    """Points were given on a task whose catalogue entry has no scoring rule."""

    code = "score.not_scored"


@dataclass(frozen=True)
class Assessment:
    """The office's assessment of one unit on one task: the input of a score."""

    task_number: int
    mechanism_established: bool = False
    discretionary_points: Decimal = ZERO
    note: str = ""


@dataclass(frozen=True)
class TaskScore:
    """A computed score of one unit on one task."""

    task_number: int
    task_title: str
    fixed_points: Decimal
    discretionary_points: Decimal
    max_points: Decimal
    is_assessed: bool
    note: str = ""

    @property
    def total(self) -> Decimal:
        return self.fixed_points + self.discretionary_points


@dataclass(frozen=True)
class ScoreSheet:
    """The scores of one reporting unit in one year or period."""

    unit_id: str
    unit_name: str
    period_code: str
    scores: tuple[TaskScore, ...]

    @property
    def total(self) -> Decimal:
        return sum((score.total for score in self.scores), ZERO)

    @property
    def max_total(self) -> Decimal:
        return sum((score.max_points for score in self.scores), ZERO)


@dataclass(frozen=True)
class CountyScoreSheet:
    """A county's own score sheet followed by the sheets of its towns."""

    county: ScoreSheet
    towns: tuple[ScoreSheet, ...]

    @property
    def town_total(self) -> Decimal:
        return sum((sheet.total for sheet in self.towns), ZERO)

    @property
    def town_mean(self) -> Decimal | None:
        """Return the mean town total, or None for a county without towns."""
        if not self.towns:
            return None
        return (self.town_total / len(self.towns)).quantize(Decimal("0.01"))


def discretionary_limit(rule: ScoringRule) -> Decimal:
    """Return the most discretionary points a rule allows on top of its fixed points."""
    if rule.kind is ScoringKind.MECHANISM_PLUS_DISCRETIONARY:
        return rule.max_points - (rule.fixed_points or ZERO)
    return rule.max_points


def score_task(task: Task, assessment: Assessment | None) -> TaskScore:
    """Compute the score of a task under its rule from the office's assessment.

    A task without an assessment scores zero and is marked as not assessed.

    Raises:
        TaskNotScoredError: the task has no scoring rule.
        InvalidScoreError: the discretionary points are negative or above the rule's limit.
    """
    rule = task.scoring
    if rule is None:
        raise TaskNotScoredError(task=task.number)
    if assessment is None:
        return TaskScore(task.number, task.title, ZERO, ZERO, rule.max_points, is_assessed=False)

    validate_points(task, assessment.discretionary_points)
    fixed = ZERO
    if rule.kind is ScoringKind.MECHANISM_PLUS_DISCRETIONARY and assessment.mechanism_established:
        fixed = rule.fixed_points or ZERO
    return TaskScore(task.number, task.title, fixed, assessment.discretionary_points,
                     rule.max_points, is_assessed=True, note=assessment.note)


def validate_points(task: Task, points: Decimal) -> Decimal:
    """Check discretionary ``points`` against the task's rule and return them.

    Raises:
        TaskNotScoredError: the task has no scoring rule.
        InvalidScoreError: the points are negative, not a number or above the limit.
    """
    if task.scoring is None:
        raise TaskNotScoredError(task=task.number)
    limit = discretionary_limit(task.scoring)
    if not points.is_finite() or points < 0 or points > limit:
        raise InvalidScoreError(task=task.number, points=str(points), limit=str(limit))
    return points


def score_sheet(unit_id: str, unit_name: str, period_code: str, tasks: Iterable[Task],
                assessments: Mapping[int, Assessment]) -> ScoreSheet:
    """Build a unit's score sheet over every task that has a scoring rule."""
    scores = tuple(score_task(task, assessments.get(task.number))
                   for task in tasks if task.scoring is not None)
    return ScoreSheet(unit_id, unit_name, period_code, scores)
