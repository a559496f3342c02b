"""Plausibility warnings on values and the pre-submission check of a period's entries.

A warning never blocks saving: a percentage above 100, a negative count or a sharp drop from
the previous period may be true, so the value is kept and the clerk sees the warning. The
pre-submission check lists, per task, what is missing, invalid or suspicious before a report
package is exported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.domain.values import NUMERIC_MEASURES, format_decimal

# A value this much below the previous period's (as a fraction of it) is a sharp drop.
SHARP_CHANGE_FRACTION = Decimal("0.3")
PERCENT_MAXIMUM = Decimal(100)


class FindingKind(StrEnum):
    """Severity of a finding: missing and invalid items need fixing, suspicious ones a look."""

    MISSING = "missing"
    INVALID = "invalid"
    SUSPICIOUS = "suspicious"


class Field(StrEnum):
    """The entry field a finding points at, so the form can focus it."""

    STATUS = "status"
    VALUE = "value"
    NARRATIVE = "narrative"
    RESPONSIBLE_PERSON = "responsible_person"
    CONTACT = "contact"
    EVIDENCE = "evidence"


@dataclass(frozen=True)
class Finding:
    """One problem with one task's entry.

    ``code`` keys the translated message (``check.value_missing``); ``details`` fill it.
    """

    kind: FindingKind
    code: str
    task_number: int
    field: Field
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ReturnedNote:
    """The office's latest "return" comment on a task and the entry revision it judged."""

    text: str
    entry_revision: int | None


def check_value(task: Task, value: Decimal | None,
                previous_value: Decimal | None = None) -> list[Finding]:
    """List the plausibility warnings on ``value`` for ``task``.

    Args:
        task: the catalogue task, for its measure and direction.
        value: the value to check; None gives no warnings.
        previous_value: the value of the previous period, for the sharp-change check.

    Returns:
        Suspicious findings; the value is still valid and is kept.
    """
    if value is None or task.measure not in NUMERIC_MEASURES:
        return []
    findings: list[Finding] = []
    shown = format_decimal(value)

    if task.measure is MeasureType.PERCENT and value > PERCENT_MAXIMUM:
        findings.append(_suspicious(task, "check.percent_above_100", value=shown))
    if value < 0:
        findings.append(_suspicious(task, "check.negative", value=shown))
    if task.measure is MeasureType.COUNT and value != value.to_integral_value():
        findings.append(_suspicious(task, "check.fractional_count", value=shown))

    if previous_value is not None and previous_value > 0:
        change = (value - previous_value) / previous_value
        if task.higher_is_better and change <= -SHARP_CHANGE_FRACTION:
            findings.append(_suspicious(task, "check.sharp_drop", value=shown,
                                        previous=format_decimal(previous_value)))
        elif not task.higher_is_better and change >= SHARP_CHANGE_FRACTION:
            findings.append(_suspicious(task, "check.sharp_rise", value=shown,
                                        previous=format_decimal(previous_value)))
    return findings


def check_entry(task: Task, entry: Entry | None, *, previous_value: Decimal | None = None,
                target: Decimal | None = None,
                returned: ReturnedNote | None = None) -> list[Finding]:
    """List what is missing, invalid or suspicious in one task's entry for a period.

    Args:
        task: the catalogue task.
        entry: the stored entry, or None when the task was never touched.
        previous_value: the previous period's value, for the sharp-change check.
        target: the task's target for the unit and period, when one is known.
        returned: the office's "return" comment on this task, if any.
    """
    if entry is None:
        return [Finding(FindingKind.MISSING, "check.not_filled", task.number, Field.STATUS)]

    findings: list[Finding] = []
    if returned is not None and (returned.entry_revision is None
                                 or entry.revision <= returned.entry_revision):
        findings.append(Finding(FindingKind.INVALID, "check.returned_unrevised", task.number,
                                Field.STATUS, {"comment": returned.text}))

    if entry.status is Status.NOT_APPLICABLE:
        findings.extend(_check_not_applicable(task, entry))
        return findings

    findings.extend(_check_content(task, entry))
    findings.extend(_check_contact(task, entry))
    findings.extend(check_value(task, entry.value, previous_value))
    if (target is not None and entry.value is not None and entry.status is Status.DONE
            and task.higher_is_better and entry.value < target):
        findings.append(_suspicious(task, "check.done_below_target",
                                    value=format_decimal(entry.value),
                                    target=format_decimal(target)))
    return findings


def check_period(tasks: Iterable[Task], entries: Mapping[int, Entry], *,
                 previous_values: Mapping[int, Decimal] | None = None,
                 targets: Mapping[int, Decimal] | None = None,
                 returned: Mapping[int, ReturnedNote] | None = None) -> list[Finding]:
    """Run :func:`check_entry` over every task, in task order.

    Args:
        tasks: the tasks the unit reports on.
        entries: the unit's entries for the period, by task number.
        previous_values: previous-period values by task number.
        targets: targets by task number.
        returned: the office's "return" comments by task number.
    """
    findings: list[Finding] = []
    for task in sorted(tasks, key=lambda item: item.number):
        findings.extend(check_entry(
            task, entries.get(task.number),
            previous_value=(previous_values or {}).get(task.number),
            target=(targets or {}).get(task.number),
            returned=(returned or {}).get(task.number)))
    return findings


def _check_not_applicable(task: Task, entry: Entry) -> list[Finding]:
    findings: list[Finding] = []
    if not entry.narrative.strip():
        findings.append(Finding(FindingKind.MISSING, "check.reason_missing", task.number,
                                Field.NARRATIVE))
    if entry.value is not None:
        findings.append(Finding(FindingKind.INVALID, "check.value_when_not_applicable",
                                task.number, Field.VALUE,
                                {"value": format_decimal(entry.value)}))
    return findings


def _check_content(task: Task, entry: Entry) -> list[Finding]:
    findings: list[Finding] = []
    is_numeric = task.measure in NUMERIC_MEASURES
    is_started = entry.status in (Status.IN_PROGRESS, Status.DONE)

    if is_numeric and is_started and entry.value is None:
        findings.append(Finding(FindingKind.MISSING, "check.value_missing", task.number,
                                Field.VALUE))
    if not is_numeric and entry.value is not None:
        findings.append(Finding(FindingKind.INVALID, "check.value_on_status_task", task.number,
                                Field.VALUE, {"value": format_decimal(entry.value)}))
    if is_numeric and entry.status is Status.NOT_STARTED and entry.value not in (None, 0):
        findings.append(_suspicious(task, "check.value_but_not_started",
                                    value=format_decimal(entry.value)))
    if task.measure is MeasureType.QUALITATIVE and not entry.narrative.strip():
        findings.append(Finding(FindingKind.MISSING, "check.narrative_missing", task.number,
                                Field.NARRATIVE))
    if entry.status is Status.DONE and not entry.attachments:
        findings.append(Finding(FindingKind.MISSING, "check.evidence_missing", task.number,
                                Field.EVIDENCE))
    return findings


def _check_contact(task: Task, entry: Entry) -> list[Finding]:
    findings: list[Finding] = []
    if not entry.responsible_person.strip():
        findings.append(Finding(FindingKind.MISSING, "check.person_missing", task.number,
                                Field.RESPONSIBLE_PERSON))
    if not entry.contact.strip():
        findings.append(Finding(FindingKind.MISSING, "check.contact_missing", task.number,
                                Field.CONTACT))
    return findings


def _suspicious(task: Task, code: str, **details: object) -> Finding:
    return Finding(FindingKind.SUSPICIOUS, code, task.number, Field.VALUE, details)
