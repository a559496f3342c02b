"""Entries: one reporting unit's progress on one task in one period."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class Status(StrEnum):
    """Progress status of an entry (未开始 / 推进中 / 已完成 / 不适用)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"


class ReviewState(StrEnum):
    """The office's verdict on an entry."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    RETURNED = "returned"


@dataclass(frozen=True)
class EntryKey:
    """Identity of an entry: (reporting unit, task, period)."""

    unit_id: str
    task_number: int
    period_code: str


@dataclass(frozen=True)
class AttachmentRef:
    """An evidence file linked to an entry, stored once under its SHA-256."""

    sha256: str
    display_name: str
    size: int


@dataclass(frozen=True)
class Entry:
    """One entry with its current content.

    ``revision`` is owned by the unit that writes the entry and grows by one with each change;
    the office orders incoming data by it, never by laptop clocks. ``numerator`` and
    ``denominator`` are optional raw counts behind a rate, so roll-ups can sum them.
    """

    key: EntryKey
    status: Status = Status.NOT_STARTED
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    narrative: str = ""
    responsible_person: str = ""
    contact: str = ""
    revision: int = 0
    updated_at: datetime | None = None
    review_state: ReviewState = ReviewState.PENDING
    attachments: tuple[AttachmentRef, ...] = field(default=())

    def content(self) -> dict[str, object]:
        """Return the fields that a merge compares, as plain values."""
        return {
            "status": self.status.value,
            "value": None if self.value is None else str(self.value),
            "numerator": None if self.numerator is None else str(self.numerator),
            "denominator": None if self.denominator is None else str(self.denominator),
            "narrative": self.narrative,
            "responsible_person": self.responsible_person,
            "contact": self.contact,
            "attachments": sorted(ref.sha256 for ref in self.attachments),
        }
