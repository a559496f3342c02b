"""Messages of data entry: value and status input, evidence, setup, and check findings.

Error templates are in the "Errors" context like every area's. Findings of the plausibility
and pre-submission checks are not errors, so they have their own table and context, and
:func:`describe_finding` turns one into a sentence.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.domain.entries import Status
from meili_desktop.domain.validation import Field, Finding, FindingKind

logger = logging.getLogger(__name__)

MESSAGES: dict[str, str] = {
    # value input
    "value.invalid": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is not a valid value. Type a number such as {example}."),
    "value.blank": QT_TRANSLATE_NOOP(
        "Errors", "The value contains only spaces. Type a number such as {example}, or clear "
        "the field if there is nothing to report."),
    "value.placeholder": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is not a number. This field takes a number such as {example}. If "
        "there is nothing to report, leave it empty or set the status to \"Not applicable\"."),
    "value.not_a_number": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is not a number. Type digits only, such as {example}, with an "
        "optional unit \"{unit}\"."),
    "value.misplaced_separator": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" has a thousands separator in the wrong place. Write it as 1,234 "
        "or without separators as 1234."),
    "value.unexpected_percent": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" has a percent sign, but this task is counted in \"{unit}\". "
        "Type the number only, such as {example}."),
    "value.too_many_digits": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" has too many digits: at most {max_integer_digits} before and "
        "{max_fraction_digits} after the decimal point are accepted."),
    "value.out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "{text} is out of range: a value has at most {max_integer_digits} digits "
        "before the decimal point. Check the cell and enter the actual value."),
    "value.ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is ambiguous in a percent field: it may mean {as_fraction}% or "
        "{as_typed}%. Write the percent sign explicitly, for example {as_fraction}% or "
        "{as_typed}%."),
    "value.status_only_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is recorded by its status and narrative only and takes no "
        "value. Set its status instead."),
    "status.invalid": QT_TRANSLATE_NOOP(
        "Errors", "\"{text}\" is not a status. Use 未开始, 推进中, 已完成 or 不适用 (or "
        "not_started, in_progress, done, not_applicable)."),
    # evidence
    "attachment.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file \"{file}\" is {size_mb} MB, larger than the limit of {max_mb} MB. "
        "Reduce its size (for example, compress the photo or split the PDF) and add it again."),
    "attachment.blocked_type": QT_TRANSLATE_NOOP(
        "Errors", "The file \"{file}\" was rejected because it is a program or script "
        "({kind}), which cannot be sent as evidence. Add photos, PDF or Office documents."),
    "attachment.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The file \"{file}\" cannot be read ({reason}). Check that it still exists "
        "and is not open in another program, then add it again."),
    "attachment.missing": QT_TRANSLATE_NOOP(
        "Errors", "The evidence file \"{name}\" is missing from the data folder. Remove it from "
        "the list and add the original file again."),
    # entries
    "entry.not_set_up": QT_TRANSLATE_NOOP(
        "Errors", "This data folder is not set up yet. Run \"init township\" first, or start "
        "the program to choose the township."),
    "entry.unknown_task": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} is not reported by townships. Use a task number from {first} "
        "to {last}."),
    "entry.unknown_task/not_in_catalogue": QT_TRANSLATE_NOOP(
        "Errors", "There is no task {task} in the catalogue. Townships report on tasks "
        "{first} to {last}."),
    "entry.unknown_period": QT_TRANSLATE_NOOP(
        "Errors", "The reporting period \"{period}\" is not in this data folder. Use one of "
        "these periods: {periods}."),
    "entry.period_locked": QT_TRANSLATE_NOOP(
        "Errors", "The reporting period {period} is locked by the office, so its entries can no "
        "longer be changed."),
    "entry.period_closed": QT_TRANSLATE_NOOP(
        "Errors", "The office has closed the reporting period {period} for review, so task "
        "{task} can no longer be changed here; nothing was saved. Only entries the office "
        "returned for correction can be changed now. Ask the office to return this entry "
        "if it needs a change."),
    "entry.narrative_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The narrative has {length} characters, but at most {max_chars} fit. Shorten "
        "it or attach the details as a document."),
    "entry.person_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The responsible person's name has {length} characters, but at most "
        "{max_chars} fit."),
    "entry.contact_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The contact has {length} characters, but at most {max_chars} fit. Give one "
        "phone number."),
    "entry.control_character": QT_TRANSLATE_NOOP(
        "Errors", "\"{field}\" contains a control character (such as NUL) at position "
        "{position}, which cannot be stored or sent. Nothing was saved; delete that character "
        "or type the text again."),
    "entry.invalid_file_name": QT_TRANSLATE_NOOP(
        "Errors", "\"{name}\" is not a usable file name: it must not be empty and may have at "
        "most {max_chars} characters."),
    "entry.nothing_to_set": QT_TRANSLATE_NOOP(
        "Errors", "Nothing to change: give at least one of --value, --status, --note, "
        "--person, --contact or --attach."),
    "entry.undo_conflict": QT_TRANSLATE_NOOP(
        "Errors", "Task {task} was changed elsewhere after this step, so the step cannot be "
        "undone or redone. Nothing was changed. Edit the task directly."),
    # setup
    "setup.already_set_up": QT_TRANSLATE_NOOP(
        "Errors", "This data folder is already set up (role {role}, unit {unit}). Use another "
        "data folder with --data-dir to set up a different unit."),
    "setup.not_provisional": QT_TRANSLATE_NOOP(
        "Errors", "This data folder is already bound to the unit {unit}, so a distribution "
        "package for another unit cannot be applied to it."),
    "setup.missing_option": QT_TRANSLATE_NOOP(
        "Errors", "The option {option} is missing. Set up a township without a distribution "
        "package with: init township --provisional --county NAME_OR_CODE --town NAME_OR_CODE."),
    "setup.not_township": QT_TRANSLATE_NOOP(
        "Errors", "This data folder is not set up as a township, so it cannot be bound to a "
        "township."),
}

# Templates of check findings, filled from Finding.details and the task number as {task}.
FINDINGS: dict[str, str] = {
    "check.not_filled": QT_TRANSLATE_NOOP("Findings", "Task {task} has not been filled in."),
    "check.returned_unrevised": QT_TRANSLATE_NOOP(
        "Findings", "The office returned task {task} and it has not been revised since: "
        "\"{comment}\""),
    "check.reason_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} is marked not applicable without a reason in the narrative."),
    "check.value_when_not_applicable": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} is marked not applicable but has the value {value}."),
    "check.value_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} has no actual value."),
    "check.value_on_status_task": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} takes no value but has {value}."),
    "check.value_but_not_started": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} has the value {value} but its status is \"Not started\"."),
    "check.narrative_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} has no narrative."),
    "check.evidence_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} is done but has no evidence attached."),
    "check.person_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} has no responsible person."),
    "check.contact_missing": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} has no contact."),
    "check.percent_above_100": QT_TRANSLATE_NOOP(
        "Findings", "Task {task}: {value}% is above 100%."),
    "check.negative": QT_TRANSLATE_NOOP(
        "Findings", "Task {task}: the value {value} is negative."),
    "check.fractional_count": QT_TRANSLATE_NOOP(
        "Findings", "Task {task}: the count {value} is not a whole number."),
    "check.sharp_drop": QT_TRANSLATE_NOOP(
        "Findings", "Task {task}: {value} is much lower than the previous period's {previous}."),
    "check.sharp_rise": QT_TRANSLATE_NOOP(
        "Findings", "Task {task}: {value} is much higher than the previous period's "
        "{previous}."),
    "check.done_below_target": QT_TRANSLATE_NOOP(
        "Findings", "Task {task} is marked done, but {value} is below the target {target}."),
}

STATUS_LABELS: dict[Status, str] = {
    Status.NOT_STARTED: QT_TRANSLATE_NOOP("Status", "Not started"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("Status", "In progress"),
    Status.DONE: QT_TRANSLATE_NOOP("Status", "Done"),
    Status.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Status", "Not applicable"),
}

KIND_LABELS: dict[FindingKind, str] = {
    FindingKind.MISSING: QT_TRANSLATE_NOOP("Findings", "Missing"),
    FindingKind.INVALID: QT_TRANSLATE_NOOP("Findings", "Invalid"),
    FindingKind.SUSPICIOUS: QT_TRANSLATE_NOOP("Findings", "Suspicious"),
}

FIELD_LABELS: dict[Field, str] = {
    Field.STATUS: QT_TRANSLATE_NOOP("Fields", "Status"),
    Field.VALUE: QT_TRANSLATE_NOOP("Fields", "Actual value"),
    Field.NARRATIVE: QT_TRANSLATE_NOOP("Fields", "Narrative"),
    Field.RESPONSIBLE_PERSON: QT_TRANSLATE_NOOP("Fields", "Responsible person"),
    Field.CONTACT: QT_TRANSLATE_NOOP("Fields", "Contact"),
    Field.EVIDENCE: QT_TRANSLATE_NOOP("Fields", "Evidence"),
}


def status_label(status: Status) -> str:
    """Return the translated label of a status (未开始 in Chinese)."""
    return QCoreApplication.translate("Status", STATUS_LABELS[status])


def kind_label(kind: FindingKind) -> str:
    """Return the translated label of a finding kind."""
    return QCoreApplication.translate("Findings", KIND_LABELS[kind])


def field_label(field: Field) -> str:
    """Return the translated label of an entry field."""
    return QCoreApplication.translate("Fields", FIELD_LABELS[field])


def finding_label(finding: Finding) -> str:
    """Return what a check list names as the item of a finding: usually the field's label.

    A task not filled in and a returned entry lack the whole entry, or its revision, not
    only their status field, so they are named as such.
    """
    if finding.code == "check.not_filled":
        return QCoreApplication.translate("Fields", "Not filled in")
    if finding.code == "check.returned_unrevised":
        return QCoreApplication.translate("Fields", "Returned by the office")
    return field_label(finding.field)


def describe_finding(finding: Finding) -> str:
    """Return the translated sentence for a check finding."""
    template = FINDINGS.get(finding.code)
    if template is None:
        logger.warning("no message for finding %s", finding.code)
        return f"{finding.code} ({finding.task_number})"
    text = QCoreApplication.translate("Findings", template)
    try:
        return text.format(task=finding.task_number, **finding.details)
    except (KeyError, IndexError, ValueError):
        logger.exception("message for %s does not fit details %s", finding.code,
                         finding.details)
        return text
