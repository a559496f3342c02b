"""Merge decisions for report packages at the office, as pure functions.

Rules:

- An incoming entry replaces the stored one only when its revision is newer. An older revision
  is stale and changes nothing. An equal revision with different content is a conflict, because
  two laptops of one township wrote the same revision differently.
- A value the office has reviewed (accepted, or set by the office when it resolved a conflict)
  is never overwritten by a newer revision without an explicit decision: that is a conflict too.
- Entries for a locked period are held. In a closed period only entries the office returned
  may be resubmitted; other changes are held.
- Entries that no longer fit the catalogue (unknown task, task of another level) or whose
  content is invalid are held with the reason.
- Laptop clocks never order anything. Packages are ordered by the sender's sequence number,
  and a claimed creation time only raises a flag when it looks wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from meili_desktop.domain.catalogue import MeasureType, TaskLevel
from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.merge_records import IncomingEntry, check_content, same_content
from meili_desktop.domain.periods import PeriodState
from meili_desktop.errors import MeiliError

# A package claiming to be created this far after the office received it has a wrong clock.
MAX_CLOCK_LEAD = timedelta(days=1)
# A package claiming to be older than this when it arrives has a wrong clock or was held back.
MAX_PACKAGE_AGE = timedelta(days=180)

# The package kind that carries entries from a township (上报包).
REPORT_KIND = "report"
# Entry.origin of content that the office itself decided.
OFFICE_ORIGIN = "office"


@dataclass(frozen=True)
class IncomingPackage:
    """A verified, decrypted report package, ready to preview and merge.

    ``entries`` are the package's entry records as parsed JSON objects. ``attachment_files``
    maps the SHA-256 of each attachment in the package to a verified temporary file.
    ``claimed_created_at`` is the sender's clock and is only used to flag suspicious times.
    """

    package_id: str
    kind: str
    sender_unit_id: str
    sender_fingerprint: str
    sequence: int
    header_hash: str
    claimed_created_at: datetime | None
    file_name: str
    periods: tuple[str, ...]
    entries: tuple[dict[str, Any], ...]
    attachment_files: Mapping[str, Path] = field(default_factory=dict)


class MergeKind(StrEnum):
    """The outcome of merging one incoming entry."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    STALE = "stale"
    HELD = "held"


# The kinds that write the entry when the package is merged.
APPLIED_KINDS = frozenset({MergeKind.NEW, MergeKind.UPDATED})
# The kinds that leave a merge item for the office to decide.
DECISION_KINDS = frozenset({MergeKind.CONFLICT, MergeKind.HELD})


class ConflictReason(StrEnum):
    """The cause of a conflict between an incoming entry and the stored one."""

    DIVERGED = "diverged"  # same revision, different content
    REVIEWED = "reviewed"  # the stored value was accepted or set by the office


class HoldReason(StrEnum):
    """The cause for holding an incoming entry instead of applying it."""

    PERIOD_LOCKED = "period_locked"
    PERIOD_CLOSED = "period_closed"
    UNKNOWN_PERIOD = "unknown_period"
    UNKNOWN_UNIT = "unknown_unit"
    WRONG_UNIT = "wrong_unit"
    UNKNOWN_TASK = "unknown_task"
    TASK_LEVEL = "task_level"
    INVALID_STATUS = "invalid_status"
    INVALID_VALUE = "invalid_value"
    VALUE_ON_STATUS_TASK = "value_on_status_task"
    TEXT_TOO_LONG = "text_too_long"
    INVALID_ATTACHMENT = "invalid_attachment"
    MISSING_ATTACHMENT = "missing_attachment"


@dataclass(frozen=True)
class TaskRule:
    """The facts about a catalogue task that merge decisions use."""

    number: int
    level: TaskLevel
    measure: MeasureType


@dataclass(frozen=True)
class StoredEntryState:
    """The office's current copy of an entry, as far as merge decisions need it."""

    revision: int
    content: Mapping[str, Any]
    review_state: ReviewState
    reviewed_revision: int | None
    origin: str

    @property
    def is_reviewed(self) -> bool:
        """Whether the office accepted this content or decided it itself."""
        return self.review_state is ReviewState.ACCEPTED or self.origin == OFFICE_ORIGIN


@dataclass(frozen=True)
class MergeContext:
    """Everything stored that decisions about one package depend on.

    ``period_states`` and ``tasks`` contain only known periods and tasks. ``allowed_levels`` are
    the task levels the sender reports on. ``available_attachments`` are the digests present in
    the package or already stored.
    """

    sender_unit_id: str
    is_sender_known: bool
    allowed_levels: frozenset[TaskLevel]
    period_states: Mapping[str, PeriodState]
    tasks: Mapping[int, TaskRule]
    stored: Mapping[EntryKey, StoredEntryState]
    available_attachments: frozenset[str]


@dataclass(frozen=True)
class EntryDecision:
    """The decision for one incoming entry; ``reason`` is set for conflicts and held entries."""

    entry: IncomingEntry
    kind: MergeKind
    reason: str | None = None
    stored: StoredEntryState | None = None


class DuplicateEntryError(MeiliError):
    """A package lists the same entry twice; details: ``unit``, ``task``, ``period``."""

    code = "merge.duplicate_entry"
    exit_code = 5


def allowed_levels_for(unit_kind: str | None) -> frozenset[TaskLevel]:
    """Return the task levels a unit of ``unit_kind`` reports on.

    Departments report on city-level work; townships, counties and the city report on the
    tasks split down to townships.
    """
    if unit_kind == "department":
        return frozenset({TaskLevel.CITY})
    return frozenset({TaskLevel.TOWNSHIP})


def decide_entry(entry: IncomingEntry, context: MergeContext) -> EntryDecision:
    """Decide what merging one incoming entry does.

    Fit comes first (unit, catalogue, content), then the revision comparison, then the
    period's state, so that an unchanged or stale entry in a locked period reports as such.
    """
    stored = context.stored.get(entry.key)
    hold = _fit_problem(entry, context)
    if hold is not None:
        return EntryDecision(entry, MergeKind.HELD, hold.value, stored)

    kind, reason = compare_revisions(entry, stored)
    if kind in (MergeKind.UNCHANGED, MergeKind.STALE):
        return EntryDecision(entry, kind, reason, stored)

    period_state = context.period_states[entry.key.period_code]
    if period_state is PeriodState.LOCKED:
        return EntryDecision(entry, MergeKind.HELD, HoldReason.PERIOD_LOCKED.value, stored)
    is_returned = stored is not None and stored.review_state is ReviewState.RETURNED
    if period_state is PeriodState.CLOSED and not is_returned:
        return EntryDecision(entry, MergeKind.HELD, HoldReason.PERIOD_CLOSED.value, stored)
    return EntryDecision(entry, kind, reason, stored)


def compare_revisions(entry: IncomingEntry,
                      stored: StoredEntryState | None) -> tuple[MergeKind, str | None]:
    """Compare an incoming entry with the stored one by revision and content only."""
    if stored is None:
        return MergeKind.NEW, None
    if entry.revision < stored.revision:
        return MergeKind.STALE, None
    is_same = same_content(entry.content, stored.content)
    if is_same:
        if entry.revision == stored.revision:
            return MergeKind.UNCHANGED, None
        return MergeKind.UPDATED, None
    if stored.is_reviewed:
        return MergeKind.CONFLICT, ConflictReason.REVIEWED.value
    if entry.revision == stored.revision:
        return MergeKind.CONFLICT, ConflictReason.DIVERGED.value
    return MergeKind.UPDATED, None


def decide_package(entries: Iterable[IncomingEntry],
                   context: MergeContext) -> list[EntryDecision]:
    """Decide every entry of a package.

    Raises:
        DuplicateEntryError: two records of the package have the same identity.
    """
    decisions: list[EntryDecision] = []
    seen: set[EntryKey] = set()
    for entry in entries:
        if entry.key in seen:
            raise DuplicateEntryError(unit=entry.key.unit_id, task=entry.key.task_number,
                                      period=entry.key.period_code)
        seen.add(entry.key)
        decisions.append(decide_entry(entry, context))
    return decisions


def count_kinds(decisions: Iterable[EntryDecision]) -> dict[str, int]:
    """Return the number of decisions of each kind, with every kind present."""
    counts = {kind.value: 0 for kind in MergeKind}
    for decision in decisions:
        counts[decision.kind.value] += 1
    return counts


def _fit_problem(entry: IncomingEntry, context: MergeContext) -> HoldReason | None:
    if not context.is_sender_known:
        return HoldReason.UNKNOWN_UNIT
    if entry.key.unit_id != context.sender_unit_id:
        return HoldReason.WRONG_UNIT
    if entry.key.period_code not in context.period_states:
        return HoldReason.UNKNOWN_PERIOD
    task = context.tasks.get(entry.key.task_number)
    if task is None:
        return HoldReason.UNKNOWN_TASK
    if task.level not in context.allowed_levels:
        return HoldReason.TASK_LEVEL
    if entry.problem is not None:
        return HoldReason(entry.problem.value)
    problem, _field = check_content(entry.content, task.measure)
    if problem is not None:
        return HoldReason(problem.value)
    if any(ref.sha256 not in context.available_attachments for ref in entry.attachments):
        return HoldReason.MISSING_ATTACHMENT
    return None


# --- the package ledger ----------------------------------------------------------------------


class LedgerVerdict(StrEnum):
    """The ledger's verdict on a package, before any entry is looked at."""

    FRESH = "fresh"
    DUPLICATE = "duplicate"  # this very package was merged before
    REPLAY = "replay"  # another package with this id or this sender's sequence number


@dataclass(frozen=True)
class LedgerRecord:
    """A package the office has already merged."""

    package_id: str
    sender_unit_id: str
    kind: str
    sequence: int
    header_hash: str
    claimed_created_at: datetime | None


def check_ledger(package: IncomingPackage, same_id: LedgerRecord | None,
                 same_sequence: LedgerRecord | None) -> tuple[LedgerVerdict, str | None]:
    """Classify a package against the ledger rows with its id and its sender's sequence.

    Returns:
        The verdict and, for a replay, the reason: ``package_id_reused`` or
        ``sequence_reused``.
    """
    if same_id is not None:
        if same_id.header_hash == package.header_hash:
            return LedgerVerdict.DUPLICATE, None
        return LedgerVerdict.REPLAY, "package_id_reused"
    if same_sequence is not None:
        if same_sequence.header_hash == package.header_hash:
            return LedgerVerdict.DUPLICATE, None
        return LedgerVerdict.REPLAY, "sequence_reused"
    return LedgerVerdict.FRESH, None


def is_clock_suspicious(claimed_created_at: datetime | None, received_at: datetime,
                        sequence: int, earlier: Iterable[LedgerRecord]) -> bool:
    """Return whether a package's claimed creation time looks wrong.

    Args:
        claimed_created_at: the sender's clock, naive UTC; None is never suspicious.
        received_at: the office's clock when the package arrived, naive UTC.
        sequence: the package's sequence number.
        earlier: other packages from the same sender in the ledger.

    Returns:
        True when the time is far from the receipt time, or contradicts the order of the
        sender's sequence numbers.
    """
    if claimed_created_at is None:
        return False
    if claimed_created_at > received_at + MAX_CLOCK_LEAD:
        return True
    if claimed_created_at < received_at - MAX_PACKAGE_AGE:
        return True
    for record in earlier:
        if record.claimed_created_at is None:
            continue
        if record.sequence < sequence and record.claimed_created_at > claimed_created_at:
            return True
        if record.sequence > sequence and record.claimed_created_at < claimed_created_at:
            return True
    return False
