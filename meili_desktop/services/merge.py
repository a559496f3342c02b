"""Preview and merge verified report packages at the office, one transaction per package.

:func:`preview` reads and writes nothing. :func:`merge` takes the sender's merge lock, decides
every entry again inside its transaction (another clerk may have merged meanwhile), moves the
evidence files into the data folder, and writes the entries, merge items, audit events and the
ledger row together. Evidence files are stored before the commit. A killed process can leave
such a file behind, but never a database row for it: the file is content-addressed, so the
next merge reuses it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.ledger import (
    LedgerRecord,
    LedgerVerdict,
    check_ledger,
    is_clock_suspicious,
    is_entry_time_suspicious,
)
from meili_desktop.domain.merge import (
    REPORT_KIND,
    EntryDecision,
    IncomingPackage,
    MergeKind,
    count_kinds,
    decide_package,
)
from meili_desktop.domain.merge_records import (
    IncomingEntry,
    changed_fields,
    parse_entry_record,
    reject_malformed,
)
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.services.backups import BackupBeforeWrite
from meili_desktop.store import ledger_repo, merge_repo, periods_repo
from meili_desktop.store.attachments import (
    BLOCKED_EXTENSIONS,
    BlockedFileTypeError,
    check_file,
    media_type_for,
    store_linked_file,
)
from meili_desktop.store.audit_repo import insert_event
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_lookups import load_task_rules

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# Incoming evidence files are capped by the package reader; this only bounds the copy.
MAX_INCOMING_ATTACHMENT_BYTES = 4 * 1024 * 1024 * 1024
# Entries a report package may carry beyond one per catalogue task and period it names, for
# tasks of a newer catalogue that the office will hold until it has that catalogue.
ENTRY_COUNT_MARGIN = 100


class PackageReplayError(MeiliError):
    """A different package reuses a merged package's id, or the sequence number of a merged
    package signed by the same key.

    Details: ``package_id``, ``sender`` (unit id), ``fingerprint`` (the signing key),
    ``sequence`` and ``reason`` (``package_id_reused`` or ``sequence_reused``).
    """

    code = "merge.replay"
    exit_code = 7


class WrongPackageKindError(MeiliError):
    """Only report packages can be merged; details: ``package_id``, ``kind``."""

    code = "merge.wrong_kind"
    exit_code = 5


class NoCatalogueError(MeiliError):
    """No catalogue is active, so no entry can be checked."""

    code = "merge.no_catalogue"
    exit_code = 5


class TooManyEntriesError(MeiliError):
    """The package carries more entries than its unit can report.

    A unit reports at most one entry per task of the catalogue and period of the package, so
    more would only flood the office with held entries. Details: ``package_id``, ``sender``,
    ``count``, ``limit``, ``tasks`` (the catalogue's) and ``periods`` (the package's periods
    the office stores).
    """

    code = "merge.too_many_entries"
    exit_code = 5


class BlockedAttachmentError(MeiliError):
    """A package carries a program or script as evidence; details: ``name``, ``unit``,
    ``task``, ``period``."""

    code = "merge.blocked_attachment"
    exit_code = 5


class AttachmentChangedError(MeiliError):
    """An evidence file no longer matches the digest the package reader verified.

    Details: ``name`` and ``sha256``.
    """

    code = "merge.attachment_changed"
    exit_code = 5


@dataclass(frozen=True)
class EntryPreview:
    """The effect of merging on one entry; ``fields`` are the content fields that would change.

    ``stored_fingerprint`` is the key of the laptop whose content the office stores (None when
    the office decided it or the laptop is unknown), and ``is_other_laptop`` is whether
    that laptop is another one than the sender's.
    """

    key: EntryKey
    kind: MergeKind
    reason: str | None
    revision: int
    stored_revision: int | None
    fields: tuple[str, ...]
    stored_fingerprint: str | None = None
    is_other_laptop: bool = False


@dataclass(frozen=True)
class MergePreview:
    """The effect of merging a package, computed without writing anything.

    ``is_duplicate`` means this very package was merged before and merging changes nothing.
    ``newer_sequence_merged`` is the highest sequence already merged from the same laptop
    when it is above this package's. ``sender_fingerprint`` is the key that signed it.
    """

    package_id: str
    sender_unit_id: str
    sequence: int
    file_name: str
    periods: tuple[str, ...]
    is_duplicate: bool
    is_clock_suspicious: bool
    newer_sequence_merged: int | None
    entries: tuple[EntryPreview, ...]
    counts: dict[str, int] = field(default_factory=dict)
    sender_fingerprint: str = ""


@dataclass(frozen=True)
class MergeResult:
    """The outcome of merging one package: ``merged`` or ``duplicate`` (nothing changed)."""

    package_id: str
    sender_unit_id: str
    outcome: str
    counts: dict[str, int]
    is_clock_suspicious: bool
    received_at: datetime
    # The held entries and the reason of each, in the package's order.
    held: tuple[tuple[EntryKey, str | None], ...] = ()


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def preview(store: Store, incoming: IncomingPackage) -> MergePreview:
    """Show what merging ``incoming`` would do, without writing anything.

    Raises:
        PackageReplayError: a different package already used this id or sequence number.
        InvalidEntryRecordError, DuplicateEntryError, MalformedEntryError: the package's
            records are unusable.
        WrongPackageKindError, NoCatalogueError, BlockedAttachmentError,
            TooManyEntriesError: see their classes.
    """
    check_entry_count(store, incoming)
    entries = _parse_entries(incoming)
    _check_attachment_types(incoming, entries)
    with store.session_factory() as session:
        verdict = _ledger_verdict(session, incoming)
        decisions = _decide(session, incoming, entries, for_update=False)
        history = _laptop_history(session, incoming)
        session.rollback()

    newest = max((record.sequence for record in history), default=None)
    is_duplicate = verdict is LedgerVerdict.DUPLICATE
    now = utc_now()
    suspicious = is_clock_suspicious(incoming.claimed_created_at, now, incoming.sequence,
                                     [record for record in history
                                      if record.package_id != incoming.package_id]) or \
        _has_suspicious_entry_time(entries, now)
    return MergePreview(
        package_id=incoming.package_id, sender_unit_id=incoming.sender_unit_id,
        sequence=incoming.sequence, file_name=incoming.file_name, periods=incoming.periods,
        is_duplicate=is_duplicate, is_clock_suspicious=suspicious,
        newer_sequence_merged=newest if newest is not None and newest > incoming.sequence
        else None,
        entries=tuple(_entry_preview(decision, incoming.laptop_keys)
                      for decision in decisions),
        counts=count_kinds(decisions) if not is_duplicate else _zero_counts(),
        sender_fingerprint=incoming.sender_fingerprint)


def merge(store: Store, incoming: IncomingPackage, progress: ProgressCallback | None = None,
          cancel: threading.Event | None = None, *,
          backup: BackupBeforeWrite | None = None,
          on_lock_wait: Callable[[], None] | None = None) -> MergeResult:
    """Merge one verified report package in one transaction.

    Merging a package that is already in the ledger changes nothing and returns the outcome
    ``duplicate``.

    Args:
        store: the open data folder.
        incoming: the verified package.
        progress: called with (entries done, total entries).
        cancel: set to stop; nothing of the package is written then.
        backup: the pre-merge backup, made only once the package passed the checks that
            need no transaction and is not a duplicate. A rejected or repeated package
            therefore rotates no useful backup away.
        on_lock_wait: called once when another merge holds the database or the sender's
            lock, before this merge waits for it.

    Raises:
        PackageReplayError: a different package already used this id or sequence number.
        CancelledError: ``cancel`` was set.
        MergeBusyError: another merge held the database too long.
        InvalidEntryRecordError, DuplicateEntryError, MalformedEntryError,
            WrongPackageKindError, NoCatalogueError, BlockedAttachmentError,
            TooManyEntriesError: the package cannot be merged.
    """
    check_entry_count(store, incoming)
    entries = _parse_entries(incoming)
    _check_attachment_types(incoming, entries)
    if backup is not None and not _is_duplicate(store, incoming):
        backup.ensure()
    logger.info("merging package %s from %s (sequence %d, %d entries)", incoming.package_id,
                incoming.sender_unit_id, incoming.sequence, len(entries))
    try:
        with store.session_factory.begin() as session:
            result = _merge_in_transaction(store, session, incoming, entries, progress, cancel,
                                           on_lock_wait)
    except CancelledError:
        logger.info("merge of package %s cancelled; nothing written", incoming.package_id)
        raise
    logger.info("package %s: %s %s", incoming.package_id, result.outcome, result.counts)
    return result


def _merge_in_transaction(store: Store, session: Session, incoming: IncomingPackage,
                          entries: list[IncomingEntry], progress: ProgressCallback | None,
                          cancel: threading.Event | None,
                          on_lock_wait: Callable[[], None] | None) -> MergeResult:
    ledger_repo.lock_for_merge(session, incoming.sender_unit_id, cancel, on_wait=on_lock_wait)
    received_at = utc_now()
    if _ledger_verdict(session, incoming) is LedgerVerdict.DUPLICATE:
        return MergeResult(incoming.package_id, incoming.sender_unit_id, "duplicate",
                           _zero_counts(), False, received_at)

    decisions = _decide(session, incoming, entries, for_update=True)
    history = _laptop_history(session, incoming)
    suspicious = is_clock_suspicious(incoming.claimed_created_at, received_at,
                                     incoming.sequence, history) or \
        _has_suspicious_entry_time(entries, received_at)
    _store_attachments(store, session, incoming, entries, cancel)
    merge_repo.apply_decisions(session, incoming, decisions, received_at=received_at,
                               progress=progress, cancel=cancel)
    counts = count_kinds(decisions)
    ledger_repo.record_package(session, incoming, received_at=received_at, counts=counts,
                               is_clock_suspicious=suspicious)
    insert_event(session, "package.merged", actor=incoming.sender_unit_id,
                 unit_id=incoming.sender_unit_id, package_id=incoming.package_id, at=received_at,
                 details={"file_name": incoming.file_name, "sequence": incoming.sequence,
                          "fingerprint": incoming.sender_fingerprint, "counts": counts,
                          "periods": list(incoming.periods),
                          "is_clock_suspicious": suspicious,
                          # Every entry's outcome, which receipts report back to the township.
                          "entries": [[decision.entry.key.unit_id, decision.entry.key.task_number,
                                       decision.entry.key.period_code, decision.entry.revision,
                                       decision.kind.value] for decision in decisions]})
    if cancel is not None and cancel.is_set():
        raise CancelledError()
    held = tuple((decision.entry.key, decision.reason) for decision in decisions
                 if decision.kind is MergeKind.HELD)
    return MergeResult(incoming.package_id, incoming.sender_unit_id, "merged", counts,
                       suspicious, received_at, held)


def _is_duplicate(store: Store, incoming: IncomingPackage) -> bool:
    """Return whether the ledger already contains the package, and raise if it is a replay."""
    with store.session_factory() as session:
        return _ledger_verdict(session, incoming) is LedgerVerdict.DUPLICATE


def check_entry_count(store: Store, incoming: IncomingPackage) -> None:
    """Reject a package with more entries than one per catalogue task and period, plus a margin.

    Runs before the entries are parsed, so a flooding package costs only this count.

    Raises:
        TooManyEntriesError: see the class.
    """
    count = len(incoming.entries)
    if count <= ENTRY_COUNT_MARGIN:
        return
    with store.session_factory() as session:
        tasks = len(load_task_rules(session))
        known = {period.code for period in periods_repo.list_periods(session)}
    periods = len(set(incoming.periods) & known)
    limit = tasks * max(periods, 1) + ENTRY_COUNT_MARGIN
    if count > limit:
        logger.warning("package %s from %s rejected: %d entries, at most %d for %d tasks and "
                       "%d periods", incoming.package_id, incoming.sender_unit_id, count, limit,
                       tasks, periods)
        raise TooManyEntriesError(package_id=incoming.package_id,
                                  sender=incoming.sender_unit_id, count=count, limit=limit,
                                  tasks=tasks, periods=periods)


def _parse_entries(incoming: IncomingPackage) -> list[IncomingEntry]:
    if incoming.kind != REPORT_KIND:
        raise WrongPackageKindError(package_id=incoming.package_id, kind=incoming.kind)
    entries = [parse_entry_record(index, record)
               for index, record in enumerate(incoming.entries)]
    reject_malformed(entries, incoming.attachment_files, incoming.file_name)
    return entries


def _has_suspicious_entry_time(entries: list[IncomingEntry], received_at: datetime) -> bool:
    return any(is_entry_time_suspicious(entry.updated_at, received_at) for entry in entries)


def _ledger_verdict(session: Session, incoming: IncomingPackage) -> LedgerVerdict:
    same_id, same_sequence = ledger_repo.find_in_ledger(session, incoming)
    verdict, reason = check_ledger(incoming, same_id, same_sequence)
    if verdict is LedgerVerdict.REPLAY:
        logger.warning("package %s from %s rejected as a replay: %s", incoming.package_id,
                       incoming.sender_unit_id, reason)
        raise PackageReplayError(package_id=incoming.package_id,
                                 sender=incoming.sender_unit_id,
                                 fingerprint=incoming.sender_fingerprint,
                                 sequence=incoming.sequence, reason=reason)
    return verdict


def _laptop_history(session: Session, incoming: IncomingPackage) -> list[LedgerRecord]:
    """Return the merged packages of the sending laptop; its sequence numbers order them."""
    return ledger_repo.laptop_history(session, incoming.sender_unit_id, incoming.kind,
                                      incoming.laptop_keys)


def _decide(session: Session, incoming: IncomingPackage, entries: list[IncomingEntry], *,
            for_update: bool) -> list[EntryDecision]:
    context = merge_repo.load_context(session, incoming, entries, for_update=for_update)
    if not context.tasks:
        raise NoCatalogueError()
    return decide_package(entries, context)


def _check_attachment_types(incoming: IncomingPackage, entries: list[IncomingEntry]) -> None:
    """Reject a package whose evidence includes a program, before anything is written."""
    for entry in entries:
        for ref in entry.attachments:
            path = incoming.attachment_files.get(ref.sha256)
            if path is None:
                continue
            try:
                if Path(ref.display_name).suffix.lower() in BLOCKED_EXTENSIONS:
                    raise BlockedFileTypeError(file=ref.display_name, kind="name")
                check_file(path, MAX_INCOMING_ATTACHMENT_BYTES)
            except BlockedFileTypeError as error:
                raise BlockedAttachmentError(name=ref.display_name, unit=entry.key.unit_id,
                                             task=entry.key.task_number,
                                             period=entry.key.period_code) from error


def _store_attachments(store: Store, session: Session, incoming: IncomingPackage,
                       entries: list[IncomingEntry], cancel: threading.Event | None) -> None:
    names = {ref.sha256: ref.display_name for entry in entries for ref in entry.attachments}
    rows = []
    for sha256 in sorted(set(names) & set(incoming.attachment_files)):
        # The reader's verified files lie in the data folder, so they are linked, not copied.
        stored = store_linked_file(store.folder, incoming.attachment_files[sha256],
                                   MAX_INCOMING_ATTACHMENT_BYTES, cancel=cancel)
        if stored.sha256 != sha256:
            raise AttachmentChangedError(name=names[sha256], sha256=sha256)
        rows.append({"sha256": sha256, "size": stored.size,
                     "media_type": media_type_for(names[sha256]), "stored_at": utc_now()})
    merge_repo.store_attachment_rows(session, rows)


def _entry_preview(decision: EntryDecision, laptop_keys: frozenset[str]) -> EntryPreview:
    stored = decision.stored
    fields = changed_fields(stored.content if stored else None, decision.entry.content)
    source = stored.source_fingerprint if stored else None
    return EntryPreview(decision.entry.key, decision.kind, decision.reason,
                        decision.entry.revision, stored.revision if stored else None,
                        tuple(fields), source,
                        source is not None and source not in laptop_keys)


def _zero_counts() -> dict[str, int]:
    return {kind.value: 0 for kind in MergeKind}
