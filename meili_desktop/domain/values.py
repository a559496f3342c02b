"""Parse the values and statuses clerks type, the way they type them.

Clerks copy numbers out of Excel sheets and type on Chinese input methods. The parser
therefore accepts full-width digits and signs (``８５``, ``85％``), thousands separators
(``1,234``, ``1，234``) and surrounding spaces. It also accepts a trailing percent sign on
percent tasks and the task's own unit (``12个``). It rejects what is not a number (``/``,
``——``, ``无``) with the reason. Input with two plausible readings is reported instead of
guessed: ``0.85`` in a percent field may be 85 % written as a fraction or 0.85 %.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.entries import Status
from meili_desktop.errors import MeiliError

NUMERIC_MEASURES = frozenset({MeasureType.PERCENT, MeasureType.COUNT, MeasureType.RATE,
                              MeasureType.LENGTH})

# Limits that keep a value inside the database column and far beyond any real figure.
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 6
MAX_INPUT_LENGTH = 60
# Numbers longer than this are shown in E notation in messages.
SHORT_NUMBER_CHARS = 20

# Words clerks write in a spreadsheet cell to mean "nothing to report" (after NFKC folding).
PLACEHOLDER_WORDS = frozenset({
    "无", "暂无", "没有", "空", "未填", "不详", "未知", "待定", "待填", "n/a", "na", "nil", "null",
    "none", "x", "×", "?", "？",
})
# A text made only of these characters is a dash or slash placeholder (``/``, ``——``, ``-``).
_PLACEHOLDER_CHARACTERS = frozenset("-‐‑‒–—―─━/\\_.…·、~〜")
# Characters that render as nothing; a text made only of them and spaces looks empty.
_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"
# Minus signs and decimal marks that NFKC leaves alone but clerks type.
_EXTRA_FOLDING = str.maketrans({"\u2212": "-", "。": ".", "﹒": "."})

# ASCII digits only: Decimal would also read Arabic-Indic and other scripts' digits.
_NUMBER = re.compile(r"(?P<sign>[+-]?)(?P<integer>[0-9]*)(?:\.(?P<fraction>[0-9]*))?")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")

# The example each measure's error message shows, so the clerk sees what is expected.
EXAMPLES = {
    MeasureType.PERCENT: "85%",
    MeasureType.COUNT: "12",
    MeasureType.RATE: "3.5",
    MeasureType.LENGTH: "2.5",
}

# Status words accepted from the command line and from pasted cells, besides the codes.
STATUS_WORDS: dict[str, Status] = {
    "未开始": Status.NOT_STARTED,
    "推进中": Status.IN_PROGRESS,
    "进行中": Status.IN_PROGRESS,
    "已完成": Status.DONE,
    "完成": Status.DONE,
    "不适用": Status.NOT_APPLICABLE,
    "not started": Status.NOT_STARTED,
    "in progress": Status.IN_PROGRESS,
    "done": Status.DONE,
    "not applicable": Status.NOT_APPLICABLE,
}


class InvalidValueError(MeiliError):
    """A typed value cannot be read as a number for the task.

    Details: ``text`` (what was typed), ``example`` (a valid input for the measure) and
    ``unit`` (the task's unit).
    """

    code = "value.invalid"


class BlankValueError(InvalidValueError):
    code = "value.blank"


class PlaceholderValueError(InvalidValueError):
    code = "value.placeholder"


class NotANumberError(InvalidValueError):
    code = "value.not_a_number"


class MisplacedSeparatorError(InvalidValueError):
    code = "value.misplaced_separator"


class UnexpectedPercentError(InvalidValueError):
    code = "value.unexpected_percent"


class TooManyDigitsError(InvalidValueError):
    """Details add ``max_integer_digits`` and ``max_fraction_digits``."""

    code = "value.too_many_digits"


class ValueOutOfRangeError(InvalidValueError):
    """A number read from a cell has more integer digits than a value may have; ``text`` is
    the number in short form (:func:`short_number_text`). Details add
    ``max_integer_digits``."""

    code = "value.out_of_range"


class AmbiguousValueError(InvalidValueError):
    """Input with two readings where the caller cannot ask which one was meant.

    Details add ``as_fraction`` (the reading as a fraction of one, in percent) and
    ``as_typed`` (the number as written).
    """

    code = "value.ambiguous"


class StatusOnlyTaskError(InvalidValueError):
    """A number was given for a milestone or qualitative task; details: ``task``, ``measure``."""

    code = "value.status_only_task"


class InvalidStatusError(MeiliError):
    """Details: ``text`` (what was typed)."""

    code = "status.invalid"


@dataclass(frozen=True)
class ParsedValue:
    """A value read without doubt."""

    value: Decimal


@dataclass(frozen=True)
class AmbiguousValue:
    """A percent-field value below one that was typed without a percent sign.

    ``as_fraction`` reads it as a fraction of one (``0.85`` → 85 %); ``as_typed`` keeps the
    number as written (0.85 %).
    """

    text: str
    as_fraction: Decimal
    as_typed: Decimal


def fold_text(text: str) -> str:
    """Fold full-width forms and invisible characters to plain ASCII-like text, stripped."""
    folded = unicodedata.normalize("NFKC", text).translate(_EXTRA_FOLDING)
    for character in _INVISIBLE_CHARACTERS:
        folded = folded.replace(character, "")
    return folded.strip()


def tidy_decimal(value: Decimal) -> Decimal:
    """Drop trailing zeros and negative zero without switching to exponent notation."""
    if value == 0:
        return Decimal(0)
    return Decimal(format(value.normalize(), "f"))


def format_decimal(value: Decimal | None) -> str:
    """Format a value for display and storage: plain digits, no exponent, no trailing zeros."""
    if value is None:
        return ""
    return format(tidy_decimal(value), "f")


def short_number_text(number: Decimal, max_chars: int = SHORT_NUMBER_CHARS) -> str:
    """Return a number as plain digits, or in Excel's E notation (1E+308) when that is long.

    A cell may hold any number up to about 1.8E+308, which as plain digits fills a screen.
    """
    plain = format_decimal(number)
    if len(plain) <= max_chars:
        return plain
    mantissa, exponent = format(number, ".6E").split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{int(exponent):+d}"


def check_number_range(number: Decimal, measure: MeasureType, unit: str = "") -> None:
    """Check that a number read from a cell fits the integer digits a value may have.

    Raises:
        ValueOutOfRangeError: the integer part is longer than :data:`MAX_INTEGER_DIGITS`.
    """
    if number != 0 and number.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValueOutOfRangeError(text=short_number_text(number),
                                   example=EXAMPLES.get(measure, ""), unit=unit,
                                   max_integer_digits=MAX_INTEGER_DIGITS)


def is_placeholder(folded: str) -> bool:
    """Return whether folded text is a "nothing to report" mark such as ``/`` or ``无``."""
    if folded.casefold() in PLACEHOLDER_WORDS:
        return True
    return bool(folded) and all(character in _PLACEHOLDER_CHARACTERS for character in folded)


def parse_value(text: str, measure: MeasureType, unit: str = "",
                task: int | None = None) -> ParsedValue | AmbiguousValue:
    """Parse what a clerk typed into a task's value field.

    Args:
        text: the raw input, possibly with full-width characters, separators and a unit.
        measure: the task's measure; only numeric measures take a value.
        unit: the task's unit, accepted as a suffix (``12个`` for a task counted in 个).
        task: the task number, named in the error for a status-only task.

    Returns:
        A ParsedValue, or an AmbiguousValue when the input has two plausible readings.

    Raises:
        InvalidValueError: a subclass naming why the text is not a value for the measure.
    """
    example = EXAMPLES.get(measure, "")
    details = {"text": text, "example": example, "unit": unit}
    if measure not in NUMERIC_MEASURES:
        raise StatusOnlyTaskError(text=text, task=task if task is not None else "",
                                  measure=measure.value, example=example, unit=unit)
    if len(text) > MAX_INPUT_LENGTH:
        raise NotANumberError(**details)

    folded = fold_text(text)
    if not folded:
        raise BlankValueError(**details)
    if is_placeholder(folded):
        raise PlaceholderValueError(**details)

    body = _strip_unit(folded, unit)
    has_percent = body.endswith("%")
    if has_percent:
        body = body[:-1].rstrip()
        if measure is not MeasureType.PERCENT:
            raise UnexpectedPercentError(**details)
    number = _parse_number(body, details)

    if measure is MeasureType.PERCENT and not has_percent and 0 < abs(number) < 1:
        return AmbiguousValue(text, tidy_decimal(number * 100), number)
    return ParsedValue(number)


def parse_value_strictly(text: str, measure: MeasureType, unit: str = "",
                         task: int | None = None) -> Decimal:
    """Parse a value where the clerk cannot be asked which reading was meant (CLI, paste).

    Raises:
        AmbiguousValueError: the input has two readings; the clerk must write ``85%`` or
            ``0.85%`` explicitly.
        InvalidValueError: as :func:`parse_value`.
    """
    result = parse_value(text, measure, unit, task)
    if isinstance(result, AmbiguousValue):
        raise AmbiguousValueError(text=text, example=EXAMPLES[measure], unit=unit,
                                  as_fraction=format_decimal(result.as_fraction),
                                  as_typed=format_decimal(result.as_typed))
    return result.value


def parse_status(text: str) -> Status:
    """Parse a status from its code (``done``), its Chinese word (已完成) or English label.

    Raises:
        InvalidStatusError: the text names no status.
    """
    folded = fold_text(text).casefold().replace("_", " ")
    for status in Status:
        if folded == status.value.replace("_", " "):
            return status
    if folded in STATUS_WORDS:
        return STATUS_WORDS[folded]
    raise InvalidStatusError(text=text)


def _strip_unit(folded: str, unit: str) -> str:
    folded_unit = fold_text(unit)
    if folded_unit and folded_unit != "%" and folded.endswith(folded_unit):
        return folded[: -len(folded_unit)].rstrip()
    return folded


def _parse_number(body: str, details: dict[str, object]) -> Decimal:
    if "," in body:
        if not _GROUPED.fullmatch(body):
            raise MisplacedSeparatorError(**details)
        body = body.replace(",", "")
    match = _NUMBER.fullmatch(body)
    if match is None or not (match.group("integer") or match.group("fraction")):
        raise NotANumberError(**details)

    integer_digits = match.group("integer").lstrip("0")
    fraction_digits = match.group("fraction") or ""
    if len(integer_digits) > MAX_INTEGER_DIGITS or len(fraction_digits) > MAX_FRACTION_DIGITS:
        raise TooManyDigitsError(**details, max_integer_digits=MAX_INTEGER_DIGITS,
                                 max_fraction_digits=MAX_FRACTION_DIGITS)
    digits = f"{integer_digits or '0'}.{fraction_digits or '0'}"
    return tidy_decimal(Decimal(match.group("sign") + digits))
