"""Value and status parsing: how clerks type numbers, and what is rejected."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.entries import Status
from meili_desktop.domain.values import (
    AmbiguousValue,
    AmbiguousValueError,
    BlankValueError,
    InvalidStatusError,
    InvalidValueError,
    MisplacedSeparatorError,
    NotANumberError,
    ParsedValue,
    PlaceholderValueError,
    StatusOnlyTaskError,
    TooManyDigitsError,
    UnexpectedPercentError,
    format_decimal,
    parse_status,
    parse_value,
    parse_value_strictly,
)
from meili_desktop.errors import MeiliError


@pytest.mark.parametrize("text", ["85%", "85％", "８５", " 85 ", "85", "８５％", "85 %",
                                  "\u300085\u3000", "85.0", "085", "+85"])
def test_percent_forms_mean_85(text: str) -> None:
    assert parse_value(text, MeasureType.PERCENT) == ParsedValue(Decimal(85))


@pytest.mark.parametrize(("text", "expected"), [
    ("1,234", "1234"), ("1，234", "1234"), ("１，２３４", "1234"), ("12,345,678", "12345678"),
    ("1,234.5", "1234.5"), ("3.50", "3.5"), ("0", "0"), ("-0", "0"), (".5", "0.5"),
    ("85。5", "85.5"), ("12个", "12"), ("12 个", "12"), ("\u221212", "-12"), ("－3", "-3"),
])
def test_count_forms(text: str, expected: str) -> None:
    assert parse_value(text, MeasureType.COUNT, unit="个") == ParsedValue(Decimal(expected))


def test_percent_fraction_is_ambiguous() -> None:
    result = parse_value("0.85", MeasureType.PERCENT)
    assert isinstance(result, AmbiguousValue)
    assert result.as_fraction == Decimal(85)
    assert result.as_typed == Decimal("0.85")


def test_fullwidth_fraction_is_ambiguous() -> None:
    result = parse_value("０．５", MeasureType.PERCENT)
    assert isinstance(result, AmbiguousValue)
    assert result.as_fraction == Decimal(50)


@pytest.mark.parametrize("text", ["0.85%", "0.85％", "1", "0", "100"])
def test_percent_explicit_not_ambiguous(text: str) -> None:
    assert isinstance(parse_value(text, MeasureType.PERCENT), ParsedValue)


def test_fraction_in_count_not_ambiguous() -> None:
    assert parse_value("0.85", MeasureType.LENGTH) == ParsedValue(Decimal("0.85"))


def test_strict_parse_rejects_ambiguous() -> None:
    with pytest.raises(AmbiguousValueError) as caught:
        parse_value_strictly("0.85", MeasureType.PERCENT)
    assert caught.value.details["as_fraction"] == "85"
    assert caught.value.details["as_typed"] == "0.85"


def test_strict_parse_returns_decimal() -> None:
    assert parse_value_strictly("85%", MeasureType.PERCENT) == Decimal(85)


@pytest.mark.parametrize("text", ["/", "／", "——", "—", "-", "--", "无", "暂无", "N/A", "n/a",
                                  "...", "…", "、", "x"])
def test_placeholders_rejected(text: str) -> None:
    with pytest.raises(PlaceholderValueError) as caught:
        parse_value(text, MeasureType.PERCENT)
    assert caught.value.details["text"] == text
    assert caught.value.details["example"] == "85%"


@pytest.mark.parametrize("text", ["", " ", "\u3000", "\t\n", "\u200b", " \ufeff "])
def test_blank_rejected(text: str) -> None:
    with pytest.raises(BlankValueError):
        parse_value(text, MeasureType.COUNT)


@pytest.mark.parametrize("text", ["abc", "八十五", "85 6", "1e5", "NaN", "Infinity", "%85", "٣",
                                  "1.2.3", "+", "12公里"])
def test_not_a_number_rejected(text: str) -> None:
    with pytest.raises(NotANumberError):
        parse_value(text, MeasureType.COUNT, unit="个")


@pytest.mark.parametrize("text", ["85%%", "%85", "85% 5", "百分之八十五"])
def test_percent_not_a_number_rejected(text: str) -> None:
    with pytest.raises(NotANumberError):
        parse_value(text, MeasureType.PERCENT)


@pytest.mark.parametrize("text", ["1,23", "12,34,567", ",123", "1,2345", "1,,234"])
def test_misplaced_separator_rejected(text: str) -> None:
    with pytest.raises(MisplacedSeparatorError):
        parse_value(text, MeasureType.COUNT)


def test_percent_in_count_rejected() -> None:
    with pytest.raises(UnexpectedPercentError) as caught:
        parse_value("12%", MeasureType.COUNT, unit="个")
    assert caught.value.details["unit"] == "个"


def test_too_many_digits_rejected() -> None:
    with pytest.raises(TooManyDigitsError):
        parse_value("1234567890123", MeasureType.COUNT)
    with pytest.raises(TooManyDigitsError):
        parse_value("1.1234567", MeasureType.LENGTH)


def test_long_input_rejected() -> None:
    with pytest.raises(NotANumberError):
        parse_value("1" * 200, MeasureType.COUNT)


@pytest.mark.parametrize("measure", [MeasureType.MILESTONE, MeasureType.QUALITATIVE])
def test_status_only_task_rejects_value(measure: MeasureType) -> None:
    with pytest.raises(StatusOnlyTaskError) as caught:
        parse_value("5", measure, task=7)
    assert caught.value.details["task"] == 7


def test_negative_parsed_not_rejected() -> None:
    assert parse_value("-3", MeasureType.COUNT) == ParsedValue(Decimal(-3))


def test_above_100_percent_parsed() -> None:
    assert parse_value("120%", MeasureType.PERCENT) == ParsedValue(Decimal(120))


def test_format_decimal_has_no_exponent() -> None:
    assert format_decimal(Decimal("1E+3")) == "1000"
    assert format_decimal(Decimal("85.500")) == "85.5"
    assert format_decimal(Decimal("0.000001")) == "0.000001"
    assert format_decimal(None) == ""


@pytest.mark.parametrize(("text", "status"), [
    ("未开始", Status.NOT_STARTED), ("推进中", Status.IN_PROGRESS), ("已完成", Status.DONE),
    ("不适用", Status.NOT_APPLICABLE), ("done", Status.DONE), ("in_progress", Status.IN_PROGRESS),
    ("NOT_APPLICABLE", Status.NOT_APPLICABLE), (" 已完成 ", Status.DONE),
    ("Not started", Status.NOT_STARTED),
])
def test_parse_status(text: str, status: Status) -> None:
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["", "完了", "finished", "1"])
def test_parse_status_rejects(text: str) -> None:
    with pytest.raises(InvalidStatusError):
        parse_status(text)


NUMERIC = [MeasureType.PERCENT, MeasureType.COUNT, MeasureType.RATE, MeasureType.LENGTH]


@given(text=st.text(max_size=80), measure=st.sampled_from(list(MeasureType)),
       unit=st.sampled_from(["", "个", "%", "公里", "张/千人"]))
def test_any_text_parses_or_raises_own_error(text: str, measure: MeasureType,
                                             unit: str) -> None:
    try:
        result = parse_value(text, measure, unit)
    except InvalidValueError as error:
        assert isinstance(error, MeiliError)
        assert error.details["text"] == text
        return
    assert measure in NUMERIC
    if isinstance(result, ParsedValue):
        assert format_decimal(result.value) == format(result.value, "f")
    else:
        assert result.as_fraction == result.as_typed * 100


@given(number=st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False,
                          allow_infinity=False))
def test_formatted_value_parses_back(number: Decimal) -> None:
    text = format_decimal(number)
    assert parse_value_strictly(text, MeasureType.LENGTH) == number


@given(number=st.integers(min_value=0, max_value=10**11))
def test_grouped_integer_parses(number: int) -> None:
    assert parse_value(f"{number:,}", MeasureType.COUNT) == ParsedValue(Decimal(number))
    fullwidth = f"{number:,}".translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    assert parse_value(fullwidth, MeasureType.COUNT) == ParsedValue(Decimal(number))
