"""Field-by-field resolution of a merge conflict between the office's and a township's entry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from meili_desktop.domain.catalogue import MeasureType
from meili_desktop.domain.merge_records import (
    CONTENT_FIELDS,
    DECIMAL_FIELDS,
    InvalidContentError,
    check_content,
    same_field,
)
from meili_desktop.errors import MeiliError


class FieldChoice(StrEnum):
    """The side a resolved field takes its value from."""

    OFFICE = "office"
    TOWNSHIP = "township"
    EDIT = "edit"


@dataclass(frozen=True)
class FieldDecision:
    """The office's decision on one content field; ``value`` is used only for EDIT."""

    field: str
    choice: FieldChoice
    value: Any = None


class MissingDecisionError(MeiliError):
    """A field differs between the two sides and no decision names it; details: ``field``."""

    code = "merge.decision_missing"


class InvalidDecisionError(MeiliError):
    """A decision names an unknown field or edits one that cannot be edited.

    Details: ``field``.
    """

    code = "merge.decision_invalid"


def differing_fields(office: Mapping[str, Any], township: Mapping[str, Any]) -> list[str]:
    """Return the content fields whose values differ, in display order."""
    return [name for name in CONTENT_FIELDS
            if not same_field(name, office.get(name), township.get(name))]


def resolve_conflict(office: Mapping[str, Any], township: Mapping[str, Any],
                     decisions: Mapping[str, FieldDecision],
                     measure: MeasureType | None = None) -> dict[str, Any]:
    """Build the entry content the office decided on.

    Fields that are equal on both sides need no decision. Edited decimal fields accept plain
    decimal text such as ``85`` or ``12.5``; an empty edit clears the field.

    Args:
        office: the stored content.
        township: the incoming content.
        decisions: one decision per differing field, by field name.
        measure: the task's measure, to reject a value on a status-only task.

    Returns:
        The resolved content, with every name in CONTENT_FIELDS.

    Raises:
        MissingDecisionError: a differing field has no decision.
        InvalidDecisionError: a decision names an unknown field or edits the attachments.
        InvalidContentError: the resolved content does not fit (bad status or value).
    """
    for name in decisions:
        if name not in CONTENT_FIELDS:
            raise InvalidDecisionError(field=name)

    result: dict[str, Any] = {}
    for name in CONTENT_FIELDS:
        decision = decisions.get(name)
        if decision is None:
            if not same_field(name, office.get(name), township.get(name)):
                raise MissingDecisionError(field=name)
            result[name] = office.get(name)
            continue
        result[name] = _decided_value(decision, office, township)

    problem, problem_field = check_content(result, measure)
    if problem is not None:
        assert problem_field is not None
        raise InvalidContentError(field=problem_field, value=str(result.get(problem_field)))
    return result


def _decided_value(decision: FieldDecision, office: Mapping[str, Any],
                   township: Mapping[str, Any]) -> Any:
    if decision.choice is FieldChoice.OFFICE:
        return office.get(decision.field)
    if decision.choice is FieldChoice.TOWNSHIP:
        return township.get(decision.field)
    if decision.field == "attachments":
        raise InvalidDecisionError(field=decision.field)
    if decision.field in DECIMAL_FIELDS:
        text = "" if decision.value is None else str(decision.value).strip()
        return text or None
    return "" if decision.value is None else str(decision.value)
