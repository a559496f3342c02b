"""User actions on a township's entries: set fields, attach evidence, read history, check.

Every action is written at once in its own transaction, so the window needs no save button
and a killed process loses at most the field being typed. The command line and the window
call the same functions and get the same validation.
"""

from __future__ import annotations

import getpass
import logging
import shutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from meili_desktop.domain.catalogue import Catalogue, Task, TaskLevel
from meili_desktop.domain.entries import Entry, EntryKey, Status
from meili_desktop.domain.file_names import clean_display_name
from meili_desktop.domain.merge_records import CONTROL_CHARACTER
from meili_desktop.domain.periods import (
    Period,
    PeriodState,
    default_periods,
    opening_period,
    previous_period,
)
from meili_desktop.domain.validation import Finding, check_period, check_value
from meili_desktop.domain.values import EXAMPLES, NUMERIC_MEASURES, StatusOnlyTaskError
from meili_desktop.errors import MeiliError
from meili_desktop.services.evidence_export import writable_file_name
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store import attachments, entries_repo, package_repo, periods_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.entries_repo import CommentRecord, RevisionRecord

logger = logging.getLogger(__name__)

BYTES_PER_MB = 1024 * 1024
# Evidence size limit of the command line; the window reads its limit from the settings.
DEFAULT_MAX_ATTACHMENT_MB = 200
# Column sizes of the entries table; PostgreSQL enforces them, so they are checked first.
MAX_PERSON_CHARS = 50
MAX_CONTACT_CHARS = 50
MAX_NARRATIVE_CHARS = 5000
MAX_FILE_NAME_CHARS = 255
_TEXT_LIMITS = {
    "narrative": (MAX_NARRATIVE_CHARS, "entry.narrative_too_long"),
    "responsible_person": (MAX_PERSON_CHARS, "entry.person_too_long"),
    "contact": (MAX_CONTACT_CHARS, "entry.contact_too_long"),
}


class NotSetUpError(MeiliError):
    """The data folder has no township identity yet."""

    code = "entry.not_set_up"
    exit_code = 3


class NotTownshipDataFolderError(MeiliError):
    """Entries are entered only in a township's data folder; details: ``role`` (city or
    county)."""

    code = "entry.office_data_folder"
    exit_code = 3


class OtherUnitEntryError(MeiliError):
    """A township writes only its own entries; details: ``unit`` and ``own_unit``."""

    code = "entry.other_unit"
    exit_code = 3


class UnknownTaskError(MeiliError):
    """Details: ``task``, and ``first`` and ``last`` of the unit's task numbers; ``variant``
    ``not_in_catalogue`` when the catalogue has no such task at all."""

    code = "entry.unknown_task"


class UnknownPeriodError(MeiliError):
    """Details: ``period``, and ``periods``, the known period codes joined by commas."""

    code = "entry.unknown_period"


class PeriodLockedError(MeiliError):
    """Details: ``period``."""

    code = "entry.period_locked"


class PeriodClosedError(MeiliError):
    """The office closed the period for review and did not return this entry.

    Details: ``period`` and ``task``.
    """

    code = "entry.period_closed"


class TextTooLongError(MeiliError):
    """Details: ``max_chars`` and ``length``; the code names the field."""

    code = "entry.narrative_too_long"


class ControlCharacterError(MeiliError):
    """Entry text contains a C0 control character other than tab or a line break; details:
    ``field`` and ``position`` (1-based)."""

    code = "entry.control_character"


class EvidenceNameError(MeiliError):
    """A new display name for an evidence file is empty or too long; details: ``name``."""

    code = "entry.invalid_file_name"


@dataclass(frozen=True)
class SaveResult:
    """The entry after a change, whether it changed, and the plausibility warnings.

    ``inferred_status`` is the status the change set by :func:`infer_status`, if any.
    """

    entry: Entry
    is_changed: bool
    warnings: tuple[Finding, ...] = ()
    inferred_status: Status | None = None


def local_user() -> str:
    """Return the operating system account name, kept in the history as who made a change."""
    try:
        return getpass.getuser()[:50]
    except (OSError, KeyError):
        return ""


def own_unit_id(store: Store) -> str:
    """Return the reporting unit this data folder enters data for.

    Raises:
        NotSetUpError: the first-run setup has not chosen a unit yet.
        NotTownshipDataFolderError: the data folder is the city's or a county's office.
    """
    identity = load_identity(store)
    if identity is None or identity.unit_id is None:
        raise NotSetUpError()
    if identity.role is not Role.TOWNSHIP:
        raise NotTownshipDataFolderError(role=identity.role.value)
    return identity.unit_id


def require_own_entry(store: Store, key: EntryKey) -> None:
    """Check that this data folder is a township's and ``key`` is one of its own entries.

    The office receives entries in report packages and templates, never by data entry, so
    every entry change of a clerk passes this check first.

    Raises:
        NotSetUpError, NotTownshipDataFolderError: see :func:`own_unit_id`.
        OtherUnitEntryError: ``key`` belongs to another reporting unit.
    """
    own = own_unit_id(store)
    if key.unit_id != own:
        raise OtherUnitEntryError(unit=key.unit_id, own_unit=own)


def reported_tasks(catalogue: Catalogue) -> tuple[Task, ...]:
    """Return the tasks a township reports on: the township-level ones (10-43 in 2020)."""
    return catalogue.tasks_for_level(TaskLevel.TOWNSHIP)


def find_reported_task(catalogue: Catalogue, number: int) -> Task:
    """Return the township task ``number``.

    Raises:
        UnknownTaskError: the township does not report on that task.
    """
    tasks = reported_tasks(catalogue)
    for task in tasks:
        if task.number == number:
            return task
    numbers = [task.number for task in tasks]
    extra = {} if any(task.number == number for task in catalogue.tasks) \
        else {"variant": "not_in_catalogue"}
    raise UnknownTaskError(task=number, first=min(numbers, default=0),
                           last=max(numbers, default=0), **extra)


def list_periods(store: Store) -> list[Period]:
    """Return the reporting periods: the stored ones, or the programme's defaults."""
    with store.session_factory() as session:
        stored = periods_repo.list_periods(session)
    return stored or default_periods()


def period_to_open(store: Store, unit_id: str, remembered: str = "",
                   today: date | None = None) -> Period:
    """Return the period a township window opens on (see ``periods.opening_period``)."""
    with store.session_factory() as session:
        filled = package_repo.periods_with_entries(session, unit_id)
    return opening_period(list_periods(store), today or date.today(), filled, remembered)


def find_period(store: Store, code: str) -> Period:
    """Return the reporting period ``code``.

    Raises:
        UnknownPeriodError: no such period is known.
    """
    wanted = code.strip().upper()
    periods = list_periods(store)
    for period in periods:
        if period.code == wanted:
            return period
    raise UnknownPeriodError(period=code,
                             periods=", ".join(period.code for period in periods))


def period_entries(store: Store, unit_id: str, period_code: str) -> dict[int, Entry]:
    """Return a unit's entries for a period, by task number."""
    with store.session_factory() as session:
        return entries_repo.list_entries(session, unit_id, period_code)


def load_entry(store: Store, key: EntryKey) -> Entry | None:
    """Return one entry, or None when it was never written."""
    with store.session_factory() as session:
        return entries_repo.load_entry(session, key)


def validate_changes(task: Task, period: Period, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Check a set of field changes for a task and return them normalised.

    Args:
        task: the task the entry is for.
        period: the entry's period; a locked period takes no changes.
        changes: field name to new value: ``status`` (Status or code), ``value`` (Decimal or
            None), ``narrative``, ``responsible_person``, ``contact`` (strings).

    Raises:
        PeriodLockedError, StatusOnlyTaskError, TextTooLongError, ControlCharacterError,
            ValueError (a field name that is not editable, which is a programming error).
    """
    if period.state is PeriodState.LOCKED:
        raise PeriodLockedError(period=period.code)
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "status":
            clean[name] = Status(value)
        elif name == "value":
            if value is not None and task.measure not in NUMERIC_MEASURES:
                raise StatusOnlyTaskError(text=str(value), task=task.number,
                                          measure=task.measure.value, example="", unit="")
            clean[name] = None if value is None else Decimal(value)
        elif name in ("narrative", "responsible_person", "contact"):
            clean[name] = _checked_text(name, value)
        else:
            raise ValueError(f"not an editable field: {name}")
    return clean


def infer_status(stored: Entry | None, clean: dict[str, Any]) -> Status | None:
    """Add the status 推进中 to changes that enter a value other than 0 without a status.

    A clerk who reports progress on a task not started yet means it is in progress. Only an
    entry that is not started, or not stored yet, changes. The window, ``entry set`` and the
    Excel template import all apply this rule before writing. Returns the status added.
    """
    value = clean.get("value")
    if "status" in clean or value is None or value == 0:
        return None
    if stored is not None and stored.status is not Status.NOT_STARTED:
        return None
    clean["status"] = Status.IN_PROGRESS
    return Status.IN_PROGRESS


def set_entry_fields(store: Store, catalogue: Catalogue, key: EntryKey,
                     changes: Mapping[str, Any]) -> SaveResult:
    """Validate and write changes to one entry in one transaction.

    A value entered without a status may set the status (see :func:`infer_status`).

    Returns:
        The entry, whether it changed, and plausibility warnings on its value.
    """
    require_open_entry(store, key)
    task = find_reported_task(catalogue, key.task_number)
    period = find_period(store, key.period_code)
    clean = validate_changes(task, period, changes)
    with store.session_factory.begin() as session:
        inferred = infer_status(entries_repo.load_entry(session, key), clean)
        entry, is_changed = entries_repo.apply_change(session, key, clean,
                                                      changed_by=local_user())
    if is_changed:
        logger.info("entry %s/%d/%s set %s, revision %d", key.unit_id, key.task_number,
                    key.period_code, sorted(clean), entry.revision)
    return SaveResult(entry, is_changed, tuple(value_warnings(store, task, key, entry.value)),
                      inferred)


def value_warnings(store: Store, task: Task, key: EntryKey,
                   value: Decimal | None) -> list[Finding]:
    """Return the plausibility warnings on a value, against the previous period's value."""
    return check_value(task, value, previous_value(store, key))


def previous_value(store: Store, key: EntryKey) -> Decimal | None:
    """Return the value of the same task in the period of the same kind just before."""
    try:
        before = previous_period(find_period(store, key.period_code))
    except UnknownPeriodError:
        return None
    if before is None:
        return None
    entry = load_entry(store, EntryKey(key.unit_id, key.task_number, before.code))
    return None if entry is None else entry.value


def entry_history(store: Store, key: EntryKey) -> list[RevisionRecord]:
    """Return an entry's changes, newest first."""
    with store.session_factory() as session:
        return entries_repo.entry_history(session, key)


def review_comments(store: Store, key: EntryKey) -> list[CommentRecord]:
    """Return the office's comments on one task and period, newest first."""
    with store.session_factory() as session:
        return entries_repo.review_comments(session, key)


def attach_evidence(store: Store, key: EntryKey, source: Path, max_mb: int,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> SaveResult:
    """Copy an evidence file into the data folder and link it to an entry.

    A job function: ``progress`` gets bytes copied and ``cancel`` stops the copy.

    Raises:
        PeriodLockedError: the period takes no changes.
        AttachmentTooLargeError, BlockedFileTypeError, AttachmentUnreadableError: the file
            was rejected; nothing was written.
        CancelledError: ``cancel`` was set.
    """
    stored = store_evidence_file(store, key, source, max_mb, progress, cancel)
    return link_evidence(store, key, stored, source.name)


def store_evidence_file(store: Store, key: EntryKey, source: Path, max_mb: int,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: threading.Event | None = None) -> attachments.StoredFile:
    """Copy an evidence file into the data folder without linking it (the slow half).

    Raises:
        PeriodLockedError, AttachmentTooLargeError, BlockedFileTypeError,
            AttachmentUnreadableError, CancelledError: as :func:`attach_evidence`.
    """
    require_open_entry(store, key)
    return attachments.store_file(store.folder, source, max_mb * BYTES_PER_MB, progress, cancel)


def link_evidence(store: Store, key: EntryKey, stored: attachments.StoredFile,
                  name: str) -> SaveResult:
    """Link a stored evidence file to an entry under ``name`` in one transaction."""
    display_name = clean_display_name(name, MAX_FILE_NAME_CHARS)
    with store.session_factory.begin() as session:
        attachments.record_attachment(session, stored)
        entry, is_changed = entries_repo.link_attachment(session, key, stored.sha256,
                                                         display_name, changed_by=local_user())
    logger.info("attached %s (%s) to entry %s/%d/%s", display_name, stored.sha256[:12],
                key.unit_id, key.task_number, key.period_code)
    return SaveResult(entry, is_changed)


def rename_evidence(store: Store, key: EntryKey, sha256: str, new_name: str) -> SaveResult:
    """Change the name an evidence file is listed under.

    Raises:
        EvidenceNameError: the name is empty or longer than 255 characters.
    """
    require_open_entry(store, key)
    if not new_name.strip() or len(new_name.strip()) > MAX_FILE_NAME_CHARS:
        raise EvidenceNameError(name=new_name, max_chars=MAX_FILE_NAME_CHARS)
    clean = clean_display_name(new_name, MAX_FILE_NAME_CHARS)
    with store.session_factory.begin() as session:
        entry = entries_repo.rename_attachment(session, key, sha256, clean,
                                               changed_by=local_user())
    return SaveResult(entry, True)


def remove_evidence(store: Store, key: EntryKey, sha256: str) -> SaveResult:
    """Unlink an evidence file from an entry; the stored copy stays for undo and history."""
    require_open_entry(store, key)
    with store.session_factory.begin() as session:
        entry = entries_repo.unlink_attachment(session, key, sha256, changed_by=local_user())
    return SaveResult(entry, True)


def evidence_path(store: Store, sha256: str, name: str) -> Path:
    """Return the stored file of an evidence item, for preview or the system viewer.

    Raises:
        AttachmentMissingError: the file is gone from the data folder.
    """
    return attachments.open_stored_file(store.folder.attachments_dir, sha256, name)


def evidence_copy_for_viewing(store: Store, sha256: str, name: str) -> Path:
    """Copy a stored evidence file under its display name, for the system's viewer.

    Stored files are named by their SHA-256 and have no extension, so the viewer could not
    tell their type. The copy goes to ``tmp/view`` in the data folder and is replaced on the
    next view.

    Raises:
        AttachmentMissingError: the stored file is gone from the data folder.
        AttachmentUnreadableError: the copy cannot be written.
    """
    source = evidence_path(store, sha256, name)
    folder = store.folder.temp_dir / "view" / sha256[:12]
    # The display name may be CON.jpg or contain ':', which Windows cannot use as a name.
    target = folder / writable_file_name(name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as error:
        raise attachments.AttachmentUnreadableError(
            file=name, reason=error.strerror or str(error)) from error
    return target


def target_values(store: Store, unit_id: str, period_code: str) -> dict[int, Decimal]:
    """Return the unit's targets for a period by task number (the year's when none is set)."""
    period = find_period(store, period_code)
    with store.session_factory() as session:
        return entries_repo.target_values(session, unit_id, period.code, period.year_code)


def check_before_submission(store: Store, catalogue: Catalogue, unit_id: str,
                            period_code: str) -> list[Finding]:
    """List everything missing, invalid or suspicious in a unit's entries for a period."""
    period = find_period(store, period_code)
    before = previous_period(period)
    with store.session_factory() as session:
        entries = entries_repo.list_entries(session, unit_id, period.code)
        earlier = {} if before is None else entries_repo.list_entries(session, unit_id,
                                                                       before.code)
        targets = entries_repo.target_values(session, unit_id, period.code, period.year_code)
        returned = entries_repo.returned_notes(session, unit_id, period.code)
    previous_values = {number: entry.value for number, entry in earlier.items()
                       if entry.value is not None}
    findings = check_period(reported_tasks(catalogue), entries, previous_values=previous_values,
                            targets=targets, returned=returned)
    logger.info("pre-submission check of %s for %s: %d findings", unit_id, period.code,
                len(findings))
    return findings


def value_example(task: Task) -> str:
    """Return an example of a valid value for the task, for hints and messages."""
    return EXAMPLES.get(task.measure, "")


def require_open_entry(store: Store, key: EntryKey) -> None:
    """Check that ``key`` is this township's own entry and that its period takes changes.

    Raises:
        NotSetUpError, NotTownshipDataFolderError, OtherUnitEntryError: see
            :func:`require_own_entry`.
        PeriodLockedError: the office locked the period.
        PeriodClosedError: the office closed the period for review and did not return
            this entry.
    """
    require_own_entry(store, key)
    period = find_period(store, key.period_code)
    if period.state is PeriodState.LOCKED:
        raise PeriodLockedError(period=period.code)
    if period.state is PeriodState.CLOSED and \
            key.task_number not in returned_tasks(store, key.unit_id, period.code):
        raise PeriodClosedError(period=period.code, task=key.task_number)


def returned_tasks(store: Store, unit_id: str, period_code: str) -> frozenset[int]:
    """Return the tasks whose latest office comment in the period returned the entry.

    In a period closed for review these are the only entries the township may change, and
    they stay open until the office's next comment on them accepts the entry.
    """
    with store.session_factory() as session:
        return frozenset(entries_repo.returned_notes(session, unit_id, period_code))


def _checked_text(name: str, value: Any) -> str:
    text = "" if value is None else str(value)
    limit, code = _TEXT_LIMITS[name]
    if name != "narrative":
        text = text.strip()
    if len(text) > limit:
        raise TextTooLongError(code, max_chars=limit, length=len(text))
    # PostgreSQL cannot store NUL, and an office rejects any package carrying these.
    control = CONTROL_CHARACTER.search(text)
    if control is not None:
        raise ControlCharacterError(field=name, position=control.start() + 1)
    return text
