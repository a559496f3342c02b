"""Targets (目标值): a city-wide target per task and year, and its split to key towns.

A split is made by hand or in proportion to a base (population, number of enterprises, last
year's value). Proportional splits use the largest-remainder method, so the parts are rounded to
the target's precision and still add up exactly to the city target. Only additive measures
(counts and lengths) can be split in proportion or checked by sum; percentages and per-N rates
are checked against the city target as a base-weighted mean when every town has a base.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.errors import MeiliError

ADDITIVE_MEASURES = frozenset({MeasureType.COUNT, MeasureType.LENGTH})
RATIO_MEASURES = frozenset({MeasureType.PERCENT, MeasureType.RATE})
# The most decimal places a target may carry; more is almost certainly a typing error.
MAX_PLACES = 4


class SplitMethod(StrEnum):
    """How a unit's target was set."""

    MANUAL = "manual"  # typed by the office
    PROPORTIONAL = "proportional"  # computed from a base with largest-remainder rounding
    EXCEL = "excel"  # imported from a spreadsheet
    RECEIVED = "received"  # arrived in a distribution package


class TargetNotSplittableError(MeiliError):
    """A proportional split was asked for a task whose measure does not add up over towns."""

    code = "target.not_splittable"


class InvalidBaseError(MeiliError):
    """A base used for a proportional split is negative or all bases are zero."""

    code = "target.invalid_base"


class InvalidTargetError(MeiliError):
    """A target value is negative, not a number or carries too many decimal places."""

    code = "target.invalid_value"


@dataclass(frozen=True)
class TargetRecord:
    """A stored target of one task for one unit in one year or period.

    ``version`` grows by one with each change, so a township can tell a newer target
    from the one it already has.
    """

    task_number: int
    unit_id: str
    period_code: str
    value: Decimal
    method: SplitMethod = SplitMethod.MANUAL
    base: Decimal | None = None
    version: int = 1


@dataclass(frozen=True)
class TargetChange:
    """One change in a target's history: who set which value when."""

    at: datetime
    actor: str
    action: str
    old_value: str | None
    new_value: str | None
    version: int | None


@dataclass(frozen=True)
class SplitCheck:
    """How a split compares with the city target.

    ``allocated`` is the sum of the parts for additive measures and the base-weighted mean for
    percentages and rates; it is None when it cannot be computed (a ratio target without bases).
    """

    city_target: Decimal
    allocated: Decimal | None
    difference: Decimal | None
    is_additive: bool

    @property
    def is_balanced(self) -> bool:
        """Return True when the parts add up to the city target (or meet it, for ratios)."""
        if self.difference is None:
            return False
        if self.is_additive:
            return self.difference == 0
        return self.difference >= 0


def places_of(value: Decimal) -> int:
    """Return the number of decimal places ``value`` is written with (0 for integers)."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    return -exponent


def validate_target(value: Decimal, task_number: int, unit_id: str) -> Decimal:
    """Check that ``value`` is a usable target and return it.

    Raises:
        InvalidTargetError: the value is not finite, negative or has more than four decimals.
    """
    if not value.is_finite() or value < 0 or places_of(value) > MAX_PLACES:
        raise InvalidTargetError(task=task_number, unit=unit_id, value=str(value),
                                 max_places=MAX_PLACES)
    return value


def split_proportionally(total: Decimal, bases: Mapping[str, Decimal],
                         places: int | None = None) -> dict[str, Decimal]:
    """Split ``total`` over units in proportion to their ``bases``.

    Each quota ``total * base / sum(bases)`` is rounded down to ``places`` decimals (the
    precision of ``total`` by default), and the units with the largest remainders get one more
    step each until the parts add up to ``total`` exactly (Hamilton's method). Ties go to the
    larger base, then to the unit id in sorted order, so the result is reproducible.

    Args:
        total: the city target.
        bases: each unit's base, such as its population; zero bases receive zero.
        places: decimal places of the parts.

    Returns:
        The part of each unit, keyed like ``bases``.

    Raises:
        InvalidBaseError: a base is negative or every base is zero.
    """
    for unit_id, base in bases.items():
        if not base.is_finite() or base < 0:
            raise InvalidBaseError(unit=unit_id, base=str(base))
    base_sum = sum(bases.values(), Decimal(0))
    if base_sum == 0:
        raise InvalidBaseError(unit="", base="0")

    step = Decimal(1).scaleb(-(places_of(total) if places is None else places))
    total_steps = (total / step).to_integral_value(rounding=ROUND_FLOOR)
    floors: dict[str, Decimal] = {}
    remainders: dict[str, Decimal] = {}
    for unit_id, base in bases.items():
        quota = total_steps * base / base_sum
        floors[unit_id] = quota.to_integral_value(rounding=ROUND_FLOOR)
        remainders[unit_id] = quota - floors[unit_id]

    left_over = int(total_steps - sum(floors.values(), Decimal(0)))
    ranking = sorted(bases, key=lambda unit: (-remainders[unit], -bases[unit], unit))
    for unit_id in ranking[:left_over]:
        floors[unit_id] += 1
    return {unit_id: (steps * step).quantize(step) for unit_id, steps in floors.items()}


def check_split(measure: MeasureType, city_target: Decimal, parts: Mapping[str, Decimal],
                bases: Mapping[str, Decimal] | None = None,
                higher_is_better: bool = True) -> SplitCheck:
    """Compare the towns' targets with the city target.

    For counts and lengths the parts must add up to the city target. For percentages and
    rates the base-weighted mean of the parts is compared instead, because a rate over the
    city is the rate over all towns' bases together; it must reach the city target (or stay
    under it when lower is better). Without a base for every town no mean can be computed.
    """
    if measure in ADDITIVE_MEASURES or measure not in RATIO_MEASURES:
        allocated = sum(parts.values(), Decimal(0))
        return SplitCheck(city_target, allocated, allocated - city_target, is_additive=True)

    if not parts or bases is None or any(unit not in bases for unit in parts):
        return SplitCheck(city_target, None, None, is_additive=False)
    weight = sum((bases[unit] for unit in parts), Decimal(0))
    if weight == 0:
        return SplitCheck(city_target, None, None, is_additive=False)
    mean = sum((parts[unit] * bases[unit] for unit in parts), Decimal(0)) / weight
    mean = mean.quantize(Decimal(1).scaleb(-MAX_PLACES))
    difference = mean - city_target if higher_is_better else city_target - mean
    return SplitCheck(city_target, mean, difference, is_additive=False)


def require_splittable(measure: MeasureType, task_number: int) -> None:
    """Raise unless a task with ``measure`` can be split in proportion to a base.

    Raises:
        TargetNotSplittableError: the measure is a percentage, rate, milestone or narrative.
    """
    if measure not in ADDITIVE_MEASURES:
        raise TargetNotSplittableError(task=task_number, measure=measure.value)
