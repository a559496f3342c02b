"""Merge decisions for report packages at the office, as pure functions.

Rules:

- Each laptop of a township numbers its own revisions, so revisions are compared only between
  versions of one laptop, known by its signing key (see :mod:`meili_desktop.domain.laptops`).
  From the laptop whose content is stored, or one whose earlier version equals it, a newer
  revision replaces the stored entry. An older revision, or one the office already took in, is
  stale and changes nothing. The same revision with different content is a conflict.
- Different content from another laptop of the township, which does not derive from the stored
  content, is a conflict for the office to resolve; equal content from it is unchanged.
- Entries stored before the office kept laptop versions (no laptop is known) follow the
  revision numbers alone: a newer revision replaces, an equal one with different content is a
  conflict.
- A value the office has reviewed (accepted) or changed itself (an edit or a mix of both sides
  when it resolved a conflict, or its own correction) is never overwritten by a newer revision
  without an explicit decision: that is a conflict too. Content equal to the stored one is
  unchanged, and the office's content stays the office's.
- Entries for a locked period are held. In a closed period only entries the office returned
  may be resubmitted; other changes are held.
- Entries that no longer fit the catalogue (unknown task, task of another level) or whose
  content is invalid are held with the reason.
- Laptop clocks never order anything. A laptop's packages are ordered by its sequence number,
  and a claimed creation time only raises a flag when it looks wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from meili_desktop.domain.catalogue import MeasureType, TaskLevel
from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.laptops import (
    LaptopVersion,
    LaptopVersions,
    highest_revision,
    record_version,
)
from meili_desktop.domain.merge_records import (
    IncomingEntry,
    check_content,
    check_measure,
    same_content,
)
from meili_desktop.domain.periods import PeriodState
from meili_desktop.errors import MeiliError

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
    ``earlier_fingerprints`` are earlier signing keys of the same laptop, each of which signed
    a statement naming ``sender_fingerprint`` that the import pipeline verified.
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
    earlier_fingerprints: tuple[str, ...] = ()

    @property
    def laptop_keys(self) -> frozenset[str]:
        """The fingerprints that stand for the sending laptop: its key and proven earlier ones."""
        return frozenset(key for key in (self.sender_fingerprint, *self.earlier_fingerprints)
                         if key)


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
    REVIEWED = "reviewed"  # the stored value was accepted by the office
    OFFICE_CHANGED = "office_changed"  # the stored value was set by the office
    OTHER_LAPTOP = "other_laptop"  # another laptop of the township wrote different content


class StaleReason(StrEnum):
    """The cause of a stale decision for an entry whose revision is not older than seen."""

    # The office took in this revision from this laptop before, and the stored content has
    # changed since, so sending it again must not raise the same question twice.
    SEEN_BEFORE = "seen_before"


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
    NOT_TEXT = "not_text"
    CONTROL_CHARACTER = "control_character"
    INVALID_TIME = "invalid_time"
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
    """The office's current copy of an entry, as far as merge decisions need it.

    ``source_fingerprint`` is the key of the laptop whose content is stored (None when the
    office decided it, or it was stored before laptops were recorded). ``laptops`` are the
    versions taken in from each laptop key.
    """

    revision: int
    content: Mapping[str, Any]
    review_state: ReviewState
    reviewed_revision: int | None
    origin: str
    source_fingerprint: str | None = None
    laptops: LaptopVersions = field(default_factory=dict)

    @property
    def is_reviewed(self) -> bool:
        """Whether the office accepted this content or decided it itself."""
        return self.review_state is ReviewState.ACCEPTED or self.is_office_content

    @property
    def is_office_content(self) -> bool:
        """Whether the office set this content: by an edit, a mixed resolution or a correction."""
        return self.origin == OFFICE_ORIGIN


@dataclass(frozen=True)
class MergeContext:
    """Everything stored that decisions about one package depend on.

    ``period_states`` and ``tasks`` contain only known periods and tasks. ``allowed_levels`` are
    the task levels the sender reports on. ``available_attachments`` are the digests present in
    the package or already stored. ``sender_fingerprint`` is the key that signed the package,
    and its versions are recorded under it. ``laptop_keys`` are all keys of the sending laptop.
    Both are empty when unknown.
    """

    sender_unit_id: str
    is_sender_known: bool
    allowed_levels: frozenset[TaskLevel]
    period_states: Mapping[str, PeriodState]
    tasks: Mapping[int, TaskRule]
    stored: Mapping[EntryKey, StoredEntryState]
    available_attachments: frozenset[str]
    sender_fingerprint: str = ""
    laptop_keys: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EntryDecision:
    """The decision for one incoming entry.

    ``reason`` is set for conflicts, held entries and some stale ones. ``laptops`` are the
    entry's laptop versions to store with the decision, or None when they stay as they are.
    """

    entry: IncomingEntry
    kind: MergeKind
    reason: str | None = None
    stored: StoredEntryState | None = None
    laptops: LaptopVersions | None = None


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

    kind, reason = compare_revisions(entry, stored, context.laptop_keys)
    laptops = laptops_after(kind, entry, stored, context.sender_fingerprint,
                            context.laptop_keys - {context.sender_fingerprint})
    if kind in (MergeKind.UNCHANGED, MergeKind.STALE):
        return EntryDecision(entry, kind, reason, stored, laptops)

    period_state = context.period_states[entry.key.period_code]
    if period_state is PeriodState.LOCKED:
        return EntryDecision(entry, MergeKind.HELD, HoldReason.PERIOD_LOCKED.value, stored)
    is_returned = stored is not None and stored.review_state is ReviewState.RETURNED
    if period_state is PeriodState.CLOSED and not is_returned:
        return EntryDecision(entry, MergeKind.HELD, HoldReason.PERIOD_CLOSED.value, stored)
    return EntryDecision(entry, kind, reason, stored, laptops)


def compare_revisions(entry: IncomingEntry, stored: StoredEntryState | None,
                      laptop_keys: frozenset[str] = frozenset()
                      ) -> tuple[MergeKind, str | None]:
    """Compare an incoming entry with the stored one by laptop, revision and content.

    Args:
        entry: the incoming entry.
        stored: the office's entry, or None.
        laptop_keys: the fingerprints of the laptop that sent ``entry``.

    Returns:
        The kind and, for conflicts and some stale entries, the reason.
    """
    if stored is None:
        return MergeKind.NEW, None
    if stored.source_fingerprint is None and not stored.laptops:
        return _compare_revision_numbers(entry, stored)

    is_same = same_content(entry.content, stored.content)
    is_own = stored.source_fingerprint in laptop_keys
    seen = highest_revision(stored.laptops, laptop_keys)
    holding = highest_revision(stored.laptops, laptop_keys, matching_only=True)
    if is_own:
        # The stored revision is this laptop's own, even where its laptop versions are missing.
        seen = max(seen or 0, stored.revision)
        holding = max(holding or 0, stored.revision)

    if seen is not None and entry.revision < seen:
        return MergeKind.STALE, None
    if seen is not None and entry.revision == seen:
        if is_same:
            return MergeKind.UNCHANGED, None
        if holding == seen:
            return MergeKind.CONFLICT, _same_revision_reason(stored)
        return MergeKind.STALE, StaleReason.SEEN_BEFORE.value

    if is_same:
        return (MergeKind.UPDATED if is_own else MergeKind.UNCHANGED), None
    if stored.is_reviewed:
        return MergeKind.CONFLICT, _protected_reason(stored)
    if holding is not None:
        return MergeKind.UPDATED, None
    return MergeKind.CONFLICT, ConflictReason.OTHER_LAPTOP.value


def _compare_revision_numbers(entry: IncomingEntry,
                              stored: StoredEntryState) -> tuple[MergeKind, str | None]:
    """Compare by revision numbers alone, for an entry whose laptop is not known."""
    if entry.revision < stored.revision:
        return MergeKind.STALE, None
    is_same = same_content(entry.content, stored.content)
    if is_same:
        # Content the office set stays the office's when a township sends the same values.
        if entry.revision == stored.revision or stored.is_office_content:
            return MergeKind.UNCHANGED, None
        return MergeKind.UPDATED, None
    if stored.is_reviewed:
        return MergeKind.CONFLICT, _protected_reason(stored)
    if entry.revision == stored.revision:
        return MergeKind.CONFLICT, ConflictReason.DIVERGED.value
    return MergeKind.UPDATED, None


def _same_revision_reason(stored: StoredEntryState) -> str:
    if stored.is_reviewed:
        return _protected_reason(stored)
    return ConflictReason.DIVERGED.value


def _protected_reason(stored: StoredEntryState) -> str:
    """Return why a reviewed entry conflicts: the office changed it, or accepted it."""
    if stored.is_office_content:
        return ConflictReason.OFFICE_CHANGED.value
    return ConflictReason.REVIEWED.value


def laptops_after(kind: MergeKind, entry: IncomingEntry, stored: StoredEntryState | None,
                  fingerprint: str, earlier_keys: Iterable[str] = ()) -> LaptopVersions | None:
    """Return the entry's laptop versions after a decision, or None when they stay unchanged.

    New and updated entries become the sending laptop's content. A conflict records the
    laptop's revision as taken in without changing the content, so sending the same version
    again is stale. Unchanged content records that the laptop has the stored version.
    Without a fingerprint nothing is recorded.

    The version is recorded under ``earlier_keys`` too, the laptop's earlier keys that
    vouched for ``fingerprint``. A package the laptop signed with an earlier key before it
    changed keys may arrive later, and its revisions must then compare with this one.
    """
    if not fingerprint:
        return None
    before: LaptopVersions = stored.laptops if stored is not None else {}
    after: dict[str, LaptopVersion] | None = None
    if kind is MergeKind.NEW:
        after = {fingerprint: LaptopVersion(entry.revision, True)}
    elif kind is MergeKind.UPDATED:
        assert stored is not None
        is_changed = not same_content(entry.content, stored.content)
        after = record_version(before, fingerprint, entry.revision, matches=True,
                               is_content_changed=is_changed)
    elif kind is MergeKind.CONFLICT:
        after = record_version(before, fingerprint, entry.revision, matches=False,
                               is_content_changed=False)
    elif kind is MergeKind.UNCHANGED:
        known = [before.get(key) for key in (fingerprint, *earlier_keys)]
        if all(version is not None and version.matches and version.revision >= entry.revision
               for version in known):
            return None
        after = record_version(before, fingerprint, entry.revision, matches=True,
                               is_content_changed=False)
    if after is None:
        return None
    for key in earlier_keys:
        if key != fingerprint:
            after = record_version(after, key, entry.revision, matches=after[fingerprint].matches,
                                   is_content_changed=False)
    return after


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
    if entry.is_content_checked:
        problem, _field = check_measure(entry.content, task.measure)
    else:
        problem, _field = check_content(entry.content, task.measure)
    if problem is not None:
        return HoldReason(problem.value)
    if any(ref.sha256 not in context.available_attachments for ref in entry.attachments):
        return HoldReason.MISSING_ATTACHMENT
    return None
