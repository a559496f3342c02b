"""Entry records inside report packages: parsing, validation and content comparison.

A report package carries one JSON object per entry, written by the township laptop::

    {"type": "entry", "unit_id": "330106001", "task_number": 12, "period": "2021Q2",
     "status": "in_progress", "value": "85", "numerator": null, "denominator": null,
     "narrative": "...", "responsible_person": "...", "contact": "...", "revision": 4,
     "updated_at": "2021-06-30T08:00:00+08:00",
     "attachments": [{"sha256": "...", "name": "验收单.pdf", "size": 12345}]}

A record whose identity (unit, task, period, revision) cannot be read makes the whole package
invalid. A readable record whose content does not fit (a bad status or value) is held with a
reason, so the office can decide on it and nothing else in the package is lost.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from meili_desktop.domain import file_names
from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.entries import AttachmentRef, EntryKey, Status
from meili_desktop.errors import MeiliError

# The fields a merge compares and a conflict resolution chooses between, in display order.
CONTENT_FIELDS = ("status", "value", "numerator", "denominator", "narrative",
                  "responsible_person", "contact", "attachments")
DECIMAL_FIELDS = ("value", "numerator", "denominator")
TEXT_LIMITS = {"responsible_person": 50, "contact": 50, "narrative": 20000}

NUMERIC_MEASURES = frozenset({MeasureType.PERCENT, MeasureType.COUNT, MeasureType.RATE,
                              MeasureType.LENGTH})

_STATUS_VALUES = frozenset(status.value for status in Status)
# Surrogate code points, which JSON decoding leaves only where they are unpaired. The search
# runs in C; a Python loop over the characters took 1 ms per package of 34 entries.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 control characters other than tab, line feed and carriage return. PostgreSQL cannot
# store NUL in text, and no township laptop writes any of them.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

# Decimal text as the township laptop writes it: at most 12 integer and 6 fraction digits.
_DECIMAL_TEXT = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,6})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_PERIOD_CODE = re.compile(r"[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?")
_UNIT_ID = re.compile(r"[0-9A-Za-z_-]{1,40}")
# The largest task number and revision the INTEGER columns hold (32-bit in PostgreSQL).
MAX_STORED_INTEGER = 2**31 - 1


class InvalidEntryRecordError(MeiliError):
    """A record in the package cannot be read as an entry.

    Details: ``index`` (0-based position among the package's records), ``field`` and
    ``value`` (shortened).
    """

    code = "merge.invalid_record"
    exit_code = 5


class InvalidContentError(MeiliError):
    """A field of an entry's content does not fit; details: ``field`` and ``value``."""

    code = "merge.invalid_content"


class MalformedEntryError(MeiliError):
    """An entry's content breaks the package format, so the whole package is rejected.

    A township laptop never writes such content (its own checks are stricter), so the
    package was written by a faulty or foreign program and holding the entry would only
    hide that. The ``variant`` detail is the problem (a :class:`ContentProblem` value or
    ``missing_attachment``). Details: ``file``, ``index`` (0-based among the entries),
    ``unit``, ``task``, ``period``, ``field`` and ``value`` (shortened).
    """

    code = "merge.malformed_entry"
    exit_code = 5


class ContentProblem(StrEnum):
    """The problem that keeps a readable entry's content from being stored as it is."""

    INVALID_STATUS = "invalid_status"
    INVALID_VALUE = "invalid_value"
    VALUE_ON_STATUS_TASK = "value_on_status_task"
    TEXT_TOO_LONG = "text_too_long"
    NOT_TEXT = "not_text"
    CONTROL_CHARACTER = "control_character"
    INVALID_TIME = "invalid_time"
    INVALID_ATTACHMENT = "invalid_attachment"


@dataclass(frozen=True)
class IncomingEntry:
    """One entry record of a package, with its identity read and its content kept as sent.

    ``content`` maps every name in :data:`CONTENT_FIELDS` to a plain JSON value;
    ``attachments`` there is the sorted list of SHA-256 digests. ``problem`` is set when the
    content does not fit the rules that need no catalogue. ``is_content_checked`` tells that
    ``problem`` comes from :func:`check_content`, so only the task's measure is left to check.
    """

    index: int
    key: EntryKey
    revision: int
    updated_at: datetime | None
    content: Mapping[str, Any]
    attachments: tuple[AttachmentRef, ...]
    record: Mapping[str, Any]
    problem: ContentProblem | None = None
    problem_field: str | None = None
    is_content_checked: bool = False


def parse_entry_record(index: int, record: Mapping[str, Any]) -> IncomingEntry:
    """Read one entry record of a report package.

    Args:
        index: the record's position in the package, named in errors.
        record: the parsed JSON object.

    Returns:
        The entry; its ``problem`` names the first field whose content does not fit.

    Raises:
        InvalidEntryRecordError: the record is not an entry or its identity is unreadable.
    """
    if not isinstance(record, Mapping) or record.get("type") != "entry":
        raise InvalidEntryRecordError(index=index, field="type", value=_short(record))
    unit_id = _required(index, record, "unit_id", str)
    task_number = _required(index, record, "task_number", int)
    period = _required(index, record, "period", str)
    revision = _required(index, record, "revision", int)
    if not _UNIT_ID.fullmatch(unit_id):
        raise InvalidEntryRecordError(index=index, field="unit_id", value=_short(unit_id))
    if not _PERIOD_CODE.fullmatch(period):
        raise InvalidEntryRecordError(index=index, field="period", value=_short(period))
    if not 1 <= task_number <= MAX_STORED_INTEGER:
        raise InvalidEntryRecordError(index=index, field="task_number",
                                      value=_short(task_number))
    if not 0 <= revision <= MAX_STORED_INTEGER:
        raise InvalidEntryRecordError(index=index, field="revision", value=_short(revision))
    unstorable = _field_with_lone_surrogate(record)
    if unstorable is not None:
        # repr() writes the surrogate as an escape, so the message can show it.
        raise InvalidEntryRecordError(index=index, field=unstorable,
                                      value=_short(record.get(unstorable)))

    updated_at = parse_timestamp(record.get("updated_at"))
    attachments, attachment_ok = _read_attachments(record.get("attachments", []))
    content = {
        "status": record.get("status"),
        "value": record.get("value"),
        "numerator": record.get("numerator"),
        "denominator": record.get("denominator"),
        "narrative": record.get("narrative", ""),
        "responsible_person": record.get("responsible_person", ""),
        "contact": record.get("contact", ""),
        "attachments": sorted(ref.sha256 for ref in attachments),
    }
    problem, problem_field = check_content(content)
    if problem is None and not attachment_ok:
        problem, problem_field = ContentProblem.INVALID_ATTACHMENT, "attachments"
    if problem is None and updated_at is None and record.get("updated_at") is not None:
        problem, problem_field = ContentProblem.INVALID_TIME, "updated_at"
    return IncomingEntry(index, EntryKey(unit_id, task_number, period), revision, updated_at,
                         content, attachments, dict(record), problem, problem_field,
                         is_content_checked=True)


def reject_malformed(entries: Iterable[IncomingEntry], carried_attachments: Iterable[str],
                     file_name: str) -> None:
    """Reject a package whose entry content breaks the format, whatever the catalogue holds.

    Invalid status or decimal text, a text field that is not text, is longer than
    :data:`TEXT_LIMITS` or contains a control character, an unreadable evidence list or
    edit time, or evidence the package does not carry is malformed. A value on a status-only task depends on the office's catalogue, so :func:`check_content` leaves it for the
    merge to hold.

    Raises:
        MalformedEntryError: the first malformed entry.
    """
    carried = frozenset(carried_attachments)
    for position, entry in enumerate(entries):
        problem, field_name = entry.problem, entry.problem_field
        if problem is None:
            missing = [ref for ref in entry.attachments if ref.sha256 not in carried]
            if not missing:
                continue
            problem, field_name = "missing_attachment", "attachments"
            value: Any = missing[0].display_name
        else:
            value = entry.record.get(field_name or "")
        raise MalformedEntryError(
            variant=str(problem), file=file_name, index=position, unit=entry.key.unit_id,
            task=entry.key.task_number, period=entry.key.period_code, field=field_name,
            value=_short(value), limit=TEXT_LIMITS.get(field_name or "", 0))


def check_content(content: Mapping[str, Any],
                  measure: MeasureType | None = None) -> tuple[ContentProblem | None, str | None]:
    """Check entry content against the rules for stored entries.

    Args:
        content: a mapping with the :data:`CONTENT_FIELDS`.
        measure: the task's measure; when given, a value on a status-only task is a problem.

    Returns:
        ``(problem, field)`` for the first field that does not fit, or ``(None, None)``.
    """
    if content.get("status") not in _STATUS_VALUES:
        return ContentProblem.INVALID_STATUS, "status"
    for name in DECIMAL_FIELDS:
        if not is_decimal_text(content.get(name)):
            return ContentProblem.INVALID_VALUE, name
    denominator = content.get("denominator")
    if denominator is not None and Decimal(denominator) == 0:
        return ContentProblem.INVALID_VALUE, "denominator"
    for name, limit in TEXT_LIMITS.items():
        text = content.get(name)
        if not isinstance(text, str):
            return ContentProblem.NOT_TEXT, name
        if len(text) > limit:
            return ContentProblem.TEXT_TOO_LONG, name
        if CONTROL_CHARACTER.search(text):
            return ContentProblem.CONTROL_CHARACTER, name
    return check_measure(content, measure)


def check_measure(content: Mapping[str, Any],
                  measure: MeasureType | None) -> tuple[ContentProblem | None, str | None]:
    """Check the one rule of :func:`check_content` that needs the task: no value on a
    status-only task."""
    if measure is not None and measure not in NUMERIC_MEASURES and content.get("value") is not None:
        return ContentProblem.VALUE_ON_STATUS_TASK, "value"
    return None, None


def is_decimal_text(value: Any) -> bool:
    """Return whether ``value`` is None or decimal text in the form packages carry."""
    return value is None or (isinstance(value, str) and bool(_DECIMAL_TEXT.fullmatch(value)))


def same_content(first: Mapping[str, Any], second: Mapping[str, Any]) -> bool:
    """Return whether two entry contents are equal; decimals compare by value (1.50 = 1.5)."""
    return all(same_field(name, first.get(name), second.get(name)) for name in CONTENT_FIELDS)


def same_field(name: str, first: Any, second: Any) -> bool:
    """Return whether one content field has the same value on both sides."""
    if name in DECIMAL_FIELDS and first is not None and second is not None:
        try:
            return bool(Decimal(first) == Decimal(second))
        except (InvalidOperation, TypeError, ValueError):
            return bool(first == second)
    if name == "attachments":
        return sorted(first or []) == sorted(second or [])
    return bool(first == second)


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> list[str]:
    """Return the content fields whose value differs between ``before`` and ``after``."""
    if before is None:
        return [name for name in CONTENT_FIELDS if after.get(name) not in (None, "", [])]
    return [name for name in CONTENT_FIELDS
            if not same_field(name, before.get(name), after.get(name))]


def parse_timestamp(value: Any) -> datetime | None:
    """Read an ISO-8601 time as naive UTC; None for a missing or unreadable value.

    A time without a zone is taken as UTC. :func:`parse_entry_record` marks an entry whose
    ``updated_at`` is present but unreadable as malformed.
    """
    if not isinstance(value, str):
        return None
    try:
        return to_naive_utc(datetime.fromisoformat(value))
    except (ValueError, OverflowError):
        # OverflowError: a time such as 0001-01-01T00:00+14:00 lies before year 1 in UTC.
        return None


def to_naive_utc(moment: datetime) -> datetime:
    """Convert an aware time to naive UTC, the form the database columns hold."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _field_with_lone_surrogate(record: Mapping[str, Any]) -> str | None:
    """Return the first field holding a lone surrogate, or None.

    JSON can carry ``"\\ud800"``, but no database encoding can store it.
    """
    try:
        # Text without surrogates encodes as UTF-8. Checking that in C first halves the cost
        # for the usual record, which has none.
        json.dumps(record, ensure_ascii=False).encode("utf-8")
        return None
    except (UnicodeEncodeError, TypeError, ValueError):
        pass
    for name, value in record.items():
        if _has_lone_surrogate(name):
            return ascii(name)
        if _has_lone_surrogate(value):
            return str(name)
    return None


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _LONE_SURROGATE.search(value) is not None
    if isinstance(value, Mapping):
        return any(_has_lone_surrogate(key) or _has_lone_surrogate(item)
                   for key, item in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    return False


def clean_display_name(name: str) -> str:
    """Return a sender-supplied file name fit for display only (see :mod:`file_names`).

    Folders, line breaks and hidden characters go; a Windows reserved name such as
    ``CON.jpg`` stays, because a file written out under it gets a Windows-safe name.
    """
    return file_names.clean_display_name(name)


def _required(index: int, record: Mapping[str, Any], name: str, kind: type) -> Any:
    value = record.get(name)
    # bool is an int subclass; a JSON true must not pass as a task number.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InvalidEntryRecordError(index=index, field=name, value=_short(value))
    return value


def _read_attachments(items: Any) -> tuple[tuple[AttachmentRef, ...], bool]:
    """Return the readable attachment references and whether every item was readable."""
    if not isinstance(items, list):
        return (), False
    refs: list[AttachmentRef] = []
    is_valid = True
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, Mapping):
            is_valid = False
            continue
        sha256, name, size = item.get("sha256"), item.get("name"), item.get("size")
        if (not isinstance(sha256, str) or not _SHA256.fullmatch(sha256)
                or not isinstance(name, str) or not isinstance(size, int)
                or isinstance(size, bool) or size < 0 or sha256 in seen):
            is_valid = False
            continue
        seen.add(sha256)
        refs.append(AttachmentRef(sha256, clean_display_name(name), size))
    return tuple(refs), is_valid


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
