"""Target splits: largest-remainder rounding, sum checks and refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.targets import (
    InvalidBaseError,
    InvalidTargetError,
    TargetNotSplittableError,
    check_split,
    places_of,
    require_splittable,
    split_proportionally,
    validate_target,
)


def test_split_sums_to_total() -> None:
    parts = split_proportionally(Decimal(10), {"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)})
    assert sum(parts.values()) == Decimal(10)


def test_split_gives_remainder_to_largest() -> None:
    parts = split_proportionally(Decimal(10), {"a": Decimal(5), "b": Decimal(3),
                                               "c": Decimal(2)})
    assert parts == {"a": Decimal(5), "b": Decimal(3), "c": Decimal(2)}
    parts = split_proportionally(Decimal(7), {"a": Decimal(1), "b": Decimal(1), "c": Decimal(1)})
    assert sorted(parts.values()) == [Decimal(2), Decimal(2), Decimal(3)]


def test_split_ties_resolved_by_unit_id() -> None:
    parts = split_proportionally(Decimal(1), {"b": Decimal(1), "a": Decimal(1)})
    assert parts["a"] == Decimal(1)
    assert parts["b"] == Decimal(0)


def test_split_keeps_total_precision() -> None:
    parts = split_proportionally(Decimal("12.5"), {"a": Decimal(1), "b": Decimal(2)})
    assert parts == {"a": Decimal("4.2"), "b": Decimal("8.3")}
    assert all(places_of(part) == 1 for part in parts.values())


def test_split_explicit_places() -> None:
    parts = split_proportionally(Decimal(10), {"a": Decimal(1), "b": Decimal(2)}, places=2)
    assert parts == {"a": Decimal("3.33"), "b": Decimal("6.67")}


def test_split_zero_base_gets_zero() -> None:
    parts = split_proportionally(Decimal(9), {"a": Decimal(0), "b": Decimal(3)})
    assert parts == {"a": Decimal(0), "b": Decimal(9)}


def test_split_rejects_negative_base() -> None:
    with pytest.raises(InvalidBaseError) as raised:
        split_proportionally(Decimal(9), {"a": Decimal(-1), "b": Decimal(3)})
    assert raised.value.details["unit"] == "a"


def test_split_rejects_all_zero_bases() -> None:
    with pytest.raises(InvalidBaseError):
        split_proportionally(Decimal(9), {"a": Decimal(0)})


@given(total=st.decimals(min_value=0, max_value=100000, places=2),
       bases=st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=40)
       .filter(lambda values: sum(values) > 0))
def test_split_always_sums(total: Decimal, bases: list[int]) -> None:
    parts = split_proportionally(total, {f"u{index:03d}": Decimal(base)
                                         for index, base in enumerate(bases)}, places=2)
    assert sum(parts.values()) == total
    assert all(part >= 0 for part in parts.values())


@given(bases=st.lists(st.integers(min_value=1, max_value=1000), min_size=2, max_size=20))
def test_split_within_one_step_of_quota(bases: list[int]) -> None:
    total = Decimal(100)
    base_map = {f"u{index:03d}": Decimal(base) for index, base in enumerate(bases)}
    parts = split_proportionally(total, base_map)
    base_sum = sum(base_map.values())
    for unit, base in base_map.items():
        assert abs(parts[unit] - total * base / base_sum) < 1


def test_check_additive_balanced() -> None:
    check = check_split(MeasureType.COUNT, Decimal(10), {"a": Decimal(4), "b": Decimal(6)})
    assert check.is_balanced
    assert check.difference == 0


def test_check_additive_short() -> None:
    check = check_split(MeasureType.LENGTH, Decimal(10), {"a": Decimal(4), "b": Decimal(5)})
    assert not check.is_balanced
    assert check.allocated == Decimal(9)
    assert check.difference == Decimal(-1)


def test_check_percent_weighted_mean() -> None:
    check = check_split(MeasureType.PERCENT, Decimal(90), {"a": Decimal(80), "b": Decimal(100)},
                        bases={"a": Decimal(1), "b": Decimal(3)})
    assert check.allocated == Decimal(95)
    assert check.is_balanced


def test_check_percent_below_city_target() -> None:
    check = check_split(MeasureType.PERCENT, Decimal(90), {"a": Decimal(80), "b": Decimal(100)},
                        bases={"a": Decimal(3), "b": Decimal(1)})
    assert check.allocated == Decimal(85)
    assert not check.is_balanced


def test_check_percent_without_bases() -> None:
    check = check_split(MeasureType.PERCENT, Decimal(90), {"a": Decimal(95)})
    assert check.allocated is None
    assert not check.is_balanced


def test_require_splittable_rejects_percent() -> None:
    with pytest.raises(TargetNotSplittableError) as raised:
        require_splittable(MeasureType.PERCENT, 13)
    assert raised.value.details == {"task": 13, "measure": "percent"}


def test_validate_target_rejects_negative() -> None:
    with pytest.raises(InvalidTargetError):
        validate_target(Decimal(-1), 10, "330110001")


def test_validate_target_rejects_many_places() -> None:
    with pytest.raises(InvalidTargetError):
        validate_target(Decimal("1.00001"), 10, "330110001")
