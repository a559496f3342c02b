"""Summaries (汇总): entries rolled up by town, county, lead unit, category and task.

Every summary starts from the expected pairs (each town in scope times each task in scope)
for one period. A pair is *reported* when an entry exists, and *meets its target* when its
value reaches the unit's target (stays at or under it for lower-is-better tasks); a milestone
or narrative task meets its target when its status is done.

How values roll up over several towns:

- Counts and lengths add up: the group's actual and target are sums.
- Percentages and per-N rates are recomputed from summed counts, ``sum(numerators) /
  sum(denominators)``, and the group's target is the denominator-weighted mean of the towns'
  targets. An unweighted mean of percentages is never taken, because a town with 10 schools
  would weigh as much as one with 200.
- When any reported entry in a group gives only a percentage without its numerator and
  denominator, the group's rate is left empty (``actual`` is None) and ``percent_only``
  counts those entries. The share of towns that meet their own target (``attainment``) is
  still given, because it needs no weights.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Status
from meili_desktop.domain.targets import ADDITIVE_MEASURES, RATIO_MEASURES
from meili_desktop.domain.units import ReportingUnit

PairKey = tuple[str, int]  # (unit id, task number)
HUNDRED = Decimal(100)
# Rates and completions are kept to this many decimal places.
QUANTUM = Decimal("0.0001")


class Grouping(StrEnum):
    """The kind of group each row of a summary covers."""

    TOWN = "town"
    COUNTY = "county"
    LEAD_UNIT = "lead-unit"
    CATEGORY = "category"
    TASK = "task"


@dataclass(frozen=True)
class Fact:
    """The parts of an entry that summaries read."""

    unit_id: str
    task_number: int
    status: Status
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None


@dataclass(frozen=True)
class SummaryScope:
    """The towns and tasks a summary covers, with the counties the towns belong to."""

    towns: Sequence[ReportingUnit]
    tasks: Sequence[Task]
    counties: Mapping[str, ReportingUnit] = field(default_factory=dict)


@dataclass(frozen=True)
class PairResult:
    """One town's result on one task: the line of a detail sheet."""

    unit_id: str
    task_number: int
    fact: Fact | None
    actual: Decimal | None
    target: Decimal | None
    completion: Decimal | None
    is_met: bool


@dataclass(frozen=True)
class SummaryRow:
    """One group of a summary.

    ``attainment`` is the share (0..1) of pairs with a target that meet it. ``actual``,
    ``target`` and ``completion`` are filled only for rows that cover a single task, where
    values can be added or weighted. ``change`` is the difference in ``attainment`` from the
    previous period (or in ``completion`` for task rows); None when there is nothing to
    compare with.
    """

    key: str
    label: str
    parent_label: str
    expected: int
    reported: int
    status_counts: Mapping[Status, int]
    with_target: int
    meeting_target: int
    actual: Decimal | None = None
    target: Decimal | None = None
    completion: Decimal | None = None
    percent_only: int = 0
    change: Decimal | None = None

    @property
    def missing(self) -> int:
        return self.expected - self.reported

    @property
    def attainment(self) -> Decimal | None:
        if self.with_target == 0:
            return None
        return (Decimal(self.meeting_target) / self.with_target).quantize(QUANTUM)


def rate_of(numerator: Decimal, denominator: Decimal, task: Task) -> Decimal | None:
    """Return the value ``numerator / denominator`` means for a percent or per-N rate task."""
    if denominator == 0:
        return None
    scale = HUNDRED if task.measure is MeasureType.PERCENT else Decimal(task.rate_base or 1)
    return (numerator * scale / denominator).quantize(QUANTUM)


def actual_value(fact: Fact, task: Task) -> Decimal | None:
    """Return an entry's actual value, recomputed from its counts when it records them."""
    if task.measure in RATIO_MEASURES and fact.numerator is not None \
            and fact.denominator is not None:
        computed = rate_of(fact.numerator, fact.denominator, task)
        if computed is not None:
            return computed
    return fact.value


def completion_of(actual: Decimal | None, target: Decimal | None,
                  higher_is_better: bool) -> Decimal | None:
    """Return actual over target (target over actual when lower is better), or None."""
    if actual is None or target is None:
        return None
    if higher_is_better:
        return None if target == 0 else (actual / target).quantize(QUANTUM)
    return None if actual == 0 else (target / actual).quantize(QUANTUM)


def evaluate_pair(unit_id: str, task: Task, fact: Fact | None,
                  target: Decimal | None) -> PairResult:
    """Compare one town's entry on one task with its target."""
    if fact is None:
        return PairResult(unit_id, task.number, None, None, target, None, is_met=False)
    if task.measure not in ADDITIVE_MEASURES and task.measure not in RATIO_MEASURES:
        return PairResult(unit_id, task.number, fact, None, target, None,
                          is_met=fact.status is Status.DONE)

    actual = actual_value(fact, task)
    is_met = False
    if actual is not None and target is not None:
        is_met = actual >= target if task.higher_is_better else actual <= target
    completion = completion_of(actual, target, task.higher_is_better)
    return PairResult(unit_id, task.number, fact, actual, target, completion, is_met)


def evaluate_pairs(scope: SummaryScope, facts: Mapping[PairKey, Fact],
                   targets: Mapping[PairKey, Decimal]) -> list[PairResult]:
    """Evaluate every expected pair of ``scope``, towns in order, then tasks in order."""
    results: list[PairResult] = []
    for town in scope.towns:
        for task in scope.tasks:
            key = (town.id, task.number)
            results.append(evaluate_pair(town.id, task, facts.get(key), targets.get(key)))
    return results


def summarize(grouping: Grouping, scope: SummaryScope, facts: Mapping[PairKey, Fact],
              targets: Mapping[PairKey, Decimal],
              previous_facts: Mapping[PairKey, Fact] | None = None,
              previous_targets: Mapping[PairKey, Decimal] | None = None, *,
              pairs: list[PairResult] | None = None,
              previous_pairs: list[PairResult] | None = None) -> list[SummaryRow]:
    """Roll the pairs of one period up into rows of ``grouping``.

    Args:
        grouping: what each row stands for.
        scope: towns and tasks expected to report.
        facts: the period's entries by (unit id, task number).
        targets: each pair's target for the period's year or the period itself.
        previous_facts: the previous period's entries, for the ``change`` column.
        previous_targets: the previous period's targets when they differ from ``targets``
            (the previous period falls in another year).
        pairs: ``evaluate_pairs(scope, facts, targets)`` when the caller has it already, so
            that several groupings of one period share one evaluation.
        previous_pairs: the same for the previous period.

    Returns:
        Rows in the order of ``scope`` (towns, counties, tasks) or of first appearance.
    """
    if pairs is None:
        pairs = evaluate_pairs(scope, facts, targets)
    rows = _roll_up(grouping, scope, pairs)
    if previous_facts is None:
        return rows
    if previous_pairs is None:
        previous_pairs = evaluate_pairs(scope, previous_facts,
                                        targets if previous_targets is None else previous_targets)
    previous = {row.key: row for row in _roll_up(grouping, scope, previous_pairs)}
    return [_with_change(row, previous.get(row.key), grouping) for row in rows]


@dataclass
class _Accumulator:
    label: str
    parent_label: str
    task: Task | None
    expected: int = 0
    reported: int = 0
    statuses: Counter[Status] = field(default_factory=Counter)
    with_target: int = 0
    meeting: int = 0
    value_sum: Decimal = Decimal(0)
    target_sum: Decimal = Decimal(0)
    numerator_sum: Decimal = Decimal(0)
    denominator_sum: Decimal = Decimal(0)
    weighted_target_sum: Decimal = Decimal(0)
    target_weight: Decimal = Decimal(0)
    unweighted_targets: int = 0
    percent_only: int = 0
    valued: int = 0

    def add(self, pair: PairResult) -> None:
        self.expected += 1
        if pair.target is not None:
            self.with_target += 1
            self.meeting += pair.is_met
            # A town's target counts towards the group's even when the town has not reported.
            self.target_sum += pair.target
        if pair.fact is None:
            return
        self.reported += 1
        self.statuses[pair.fact.status] += 1
        if self.task is not None:
            self._add_value(pair)

    def _add_value(self, pair: PairResult) -> None:
        assert self.task is not None and pair.fact is not None
        fact = pair.fact
        if self.task.measure in ADDITIVE_MEASURES:
            if fact.value is not None:
                self.value_sum += fact.value
                self.valued += 1
            return
        if self.task.measure not in RATIO_MEASURES:
            return
        if fact.numerator is not None and fact.denominator is not None:
            self.numerator_sum += fact.numerator
            self.denominator_sum += fact.denominator
            self.valued += 1
            if pair.target is not None:
                self.weighted_target_sum += pair.target * fact.denominator
                self.target_weight += fact.denominator
            elif fact.denominator:
                self.unweighted_targets += 1
        elif fact.value is not None:
            self.percent_only += 1

    def row(self, key: str) -> SummaryRow:
        actual, target = self._values()
        completion = None
        if self.task is not None:
            completion = completion_of(actual, target, self.task.higher_is_better)
        return SummaryRow(key, self.label, self.parent_label, self.expected, self.reported,
                          dict(self.statuses), self.with_target, self.meeting, actual, target,
                          completion, self.percent_only)

    def _values(self) -> tuple[Decimal | None, Decimal | None]:
        task = self.task
        if task is None:
            return None, None
        if task.measure in ADDITIVE_MEASURES:
            actual = self.value_sum if self.valued else None
            return actual, (self.target_sum if self.with_target else None)
        if self.percent_only or self.valued == 0:
            return None, None
        actual = rate_of(self.numerator_sum, self.denominator_sum, task)
        target = None
        if self.target_weight and not self.unweighted_targets:
            target = (self.weighted_target_sum / self.target_weight).quantize(QUANTUM)
        return actual, target


def _group_keys(grouping: Grouping, town: ReportingUnit, task: Task) -> Iterable[str]:
    if grouping is Grouping.TOWN:
        return (town.id,)
    if grouping is Grouping.COUNTY:
        return (town.parent_id or "",)
    if grouping is Grouping.CATEGORY:
        return (task.category,)
    if grouping is Grouping.TASK:
        return (str(task.number),)
    # A task counts for its lead unit and for each co-lead unit.
    return tuple(link.unit for link in task.lead_units) or ("",)


def _roll_up(grouping: Grouping, scope: SummaryScope,
             pairs: list[PairResult]) -> list[SummaryRow]:
    towns = {town.id: town for town in scope.towns}
    tasks = {task.number: task for task in scope.tasks}
    groups: dict[str, _Accumulator] = {}
    for pair in pairs:
        town, task = towns[pair.unit_id], tasks[pair.task_number]
        for key in _group_keys(grouping, town, task):
            accumulator = groups.get(key)
            if accumulator is None:
                accumulator = _new_accumulator(grouping, key, town, task, scope)
                groups[key] = accumulator
            accumulator.add(pair)
    return [accumulator.row(key) for key, accumulator in groups.items()]


def _new_accumulator(grouping: Grouping, key: str, town: ReportingUnit, task: Task,
                     scope: SummaryScope) -> _Accumulator:
    county = scope.counties.get(town.parent_id or "")
    county_name = county.name if county is not None else ""
    if grouping is Grouping.TOWN:
        return _Accumulator(town.name, county_name, None)
    if grouping is Grouping.COUNTY:
        return _Accumulator(county_name or key, "", None)
    if grouping is Grouping.TASK:
        lead = task.lead
        return _Accumulator(task.title, lead.unit if lead is not None else "", task)
    return _Accumulator(key, "", None)


def _with_change(row: SummaryRow, previous: SummaryRow | None,
                 grouping: Grouping) -> SummaryRow:
    if previous is None:
        return row
    now, before = row.attainment, previous.attainment
    if grouping is Grouping.TASK and row.completion is not None:
        now, before = row.completion, previous.completion
    if now is None or before is None:
        return row
    return replace(row, change=now - before)
