"""Fuzz the value and status parsers with what clerks might type or paste.

Any input either parses or raises the parser's own error with a registered message; a parsed
value written back out parses to the same number.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.values import (
    AmbiguousValue,
    InvalidStatusError,
    InvalidValueError,
    ParsedValue,
    format_decimal,
    parse_status,
    parse_value,
    parse_value_strictly,
)
from meili_desktop.errors import MeiliError
from meili_desktop.messages import known_codes
from tests.reliability.fuzzing import fuzz_settings

# Characters clerks type on Chinese input methods or paste from Excel and Word.
_TYPED = "0123456789０１２３４５６７８９.,，。%％+-−－ 　\u200b\ufeff个处公里万元亿eE/—无"
typed_text = st.text(alphabet=st.sampled_from(_TYPED), max_size=24)
number_like = st.builds(
    lambda sign, integer, fraction, suffix: f"{sign}{integer}{fraction}{suffix}",
    st.sampled_from(["", "-", "+", "－"]), st.integers(0, 10**14).map(str),
    st.one_of(st.just(""), st.integers(0, 10**8).map(lambda n: f".{n}")),
    st.sampled_from(["", "%", "％", "个", " 处", "公里"]))
any_text = st.one_of(typed_text, number_like, st.text(max_size=80))
measures = st.sampled_from(list(MeasureType))
units = st.sampled_from(["", "%", "个", "处", "公里", "万元"])
CODES = known_codes()


@fuzz_settings()
@given(text=any_text, measure=measures, unit=units)
def test_fuzz_parse_value(text: str, measure: MeasureType, unit: str) -> None:
    try:
        result = parse_value(text, measure, unit, task=13)
    except InvalidValueError as error:
        assert error.code in CODES
        return
    assert isinstance(result, ParsedValue | AmbiguousValue)
    number = result.value if isinstance(result, ParsedValue) else result.as_typed
    assert isinstance(number, Decimal)
    assert number.is_finite()


@fuzz_settings()
@given(text=any_text, measure=measures, unit=units)
def test_fuzz_parse_strictly(text: str, measure: MeasureType, unit: str) -> None:
    try:
        number = parse_value_strictly(text, measure, unit)
    except MeiliError as error:
        assert isinstance(error, InvalidValueError)
        assert error.code in CODES
        return
    suffix = "%" if measure is MeasureType.PERCENT else ""
    again = parse_value_strictly(format_decimal(number) + suffix, measure, unit)
    assert again == number


@fuzz_settings()
@given(text=st.one_of(st.text(max_size=30), st.sampled_from(
    ["已完成", "推进中", "done", "Not Started", "ＤＯＮＥ", " 不适用 ", "in_progress"])))
def test_fuzz_parse_status(text: str) -> None:
    try:
        parse_status(text)
    except InvalidStatusError as error:
        assert error.code in CODES
