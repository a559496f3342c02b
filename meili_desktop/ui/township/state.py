"""The township window's data (unit, tasks, period, entries, findings) and how it changes.

Every view reads from one :class:`TownshipState` and writes through it, so a change saved
in the form, the overview grid or by undo reaches the task tree, the grid and the check view
through one signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from meili_desktop.domain.catalogue import Catalogue, Task
from meili_desktop.domain.entries import Entry, EntryKey
from meili_desktop.domain.periods import PeriodState
from meili_desktop.domain.validation import Finding, FindingKind
from meili_desktop.errors import MeiliError
from meili_desktop.services import entries
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import SaveResult
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import unit_names
from meili_desktop.store.attachments import check_file
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.workers import Job, ProgressCallback

logger = logging.getLogger(__name__)


class TownshipState(QObject):
    """The township's data for the chosen period, and the one way to change it.

    Signals:
        period_changed(str): another period was chosen; everything was reloaded.
        entries_changed(list): entries of these task numbers changed (empty: all of them).
    """

    period_changed = Signal(str)
    entries_changed = Signal(list)

    def __init__(self, store: Store, period_code: str = "",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.unit_id = entries.own_unit_id(store)
        identity = load_identity(store)
        self.is_provisional = bool(identity and identity.is_provisional)
        self.unit_name, self.county_name = unit_names(store, self.unit_id)
        self.catalogue: Catalogue = active_catalogue(store)
        self.tasks: tuple[Task, ...] = entries.reported_tasks(self.catalogue)
        self.editor = EntryEditor(store, self.catalogue)
        self.periods = entries.list_periods(store)
        self.period = entries.period_to_open(store, self.unit_id, period_code)
        self.entries: dict[int, Entry] = {}
        self.targets: dict[int, Decimal] = {}
        self.findings: list[Finding] = []
        self.returned: frozenset[int] = frozenset()
        self.reload()

    # --- reading -------------------------------------------------------------------------

    def key(self, task_number: int) -> EntryKey:
        return EntryKey(self.unit_id, task_number, self.period.code)

    def task(self, number: int) -> Task:
        return self.catalogue.task(number)

    def entry(self, number: int) -> Entry | None:
        return self.entries.get(number)

    def findings_for(self, number: int) -> list[Finding]:
        return [finding for finding in self.findings if finding.task_number == number]

    def is_incomplete(self, number: int) -> bool:
        """Tell whether a task has a missing or invalid item in this period."""
        return any(finding.kind is not FindingKind.SUSPICIOUS
                   for finding in self.findings_for(number))

    def is_locked(self) -> bool:
        """Tell whether the office locked the chosen period, so its entries are read-only."""
        return self.period.state is PeriodState.LOCKED

    def is_closed(self) -> bool:
        """Tell whether the office closed the chosen period for review."""
        return self.period.state is PeriodState.CLOSED

    def is_read_only(self, number: int) -> bool:
        """Tell whether a task's entry takes no changes in the chosen period.

        A locked period takes none, and a period closed for review takes changes only to
        the entries the office returned.
        """
        return self.is_locked() or (self.is_closed() and number not in self.returned)

    def is_returned(self, number: int) -> bool:
        return any(finding.code == "check.returned_unrevised"
                   for finding in self.findings_for(number))

    # --- changing ------------------------------------------------------------------------

    def set_period(self, code: str) -> None:
        """Switch to another period and reload its entries."""
        for period in self.periods:
            if period.code == code and period.code != self.period.code:
                self.period = period
                self.reload()
                self.period_changed.emit(code)
                return

    def reload(self) -> None:
        """Read the period's entries, targets and check findings again."""
        self.entries = entries.period_entries(self.store, self.unit_id, self.period.code)
        self.targets = entries.target_values(self.store, self.unit_id, self.period.code)
        self.findings = entries.check_before_submission(self.store, self.catalogue,
                                                        self.unit_id, self.period.code)
        self.returned = entries.returned_tasks(self.store, self.unit_id, self.period.code)

    def save(self, number: int, changes: Mapping[str, Any]) -> SaveResult:
        """Write changes to one task's entry as one undo step.

        Raises:
            MeiliError: the change was rejected; nothing was written.
        """
        result = self.editor.set_fields(self.key(number), changes)
        self._changed([number])
        return result

    def save_many(self, changes: Sequence[tuple[int, Mapping[str, Any]]]) -> list[SaveResult]:
        """Write changes to several entries in one transaction and one undo step."""
        results = self.editor.set_many([(self.key(number), change)
                                        for number, change in changes])
        self._changed([number for number, _change in changes])
        return results

    def attach_job(self, number: int, files: Sequence[Path], max_mb: int) -> Job:
        """Return a job that attaches files to a task's entry as one undo step.

        A file rejected by its type or size is left out and reported, so one bad file does
        not stop the others. The accepted files are then attached together: a fault while
        copying them (a full disk) fails the job and attaches none. The job returns
        (file, None) for each attached file and (file, error) for each rejected one.
        """
        key = self.key(number)
        max_bytes = max_mb * entries.BYTES_PER_MB

        def job(progress: ProgressCallback,
                cancel: threading.Event) -> list[tuple[Path, MeiliError | None]]:
            outcomes: list[tuple[Path, MeiliError | None]] = []
            accepted: list[Path] = []
            for path in files:
                try:
                    check_file(path, max_bytes)
                except MeiliError as error:
                    logger.info("evidence %s rejected for task %d: %s", path, number, error)
                    outcomes.append((path, error))
                else:
                    accepted.append(path)
            if accepted:
                self.editor.attach_many(key, accepted, max_mb, progress, cancel)
            outcomes.extend((path, None) for path in accepted)
            return outcomes

        return job

    def rename_evidence(self, number: int, sha256: str, name: str) -> SaveResult:
        result = self.editor.rename_evidence(self.key(number), sha256, name)
        self._changed([number])
        return result

    def remove_evidence(self, number: int, sha256: str) -> SaveResult:
        result = self.editor.remove_evidence(self.key(number), sha256)
        self._changed([number])
        return result

    def undo(self) -> list[int]:
        """Undo the latest step; return the task numbers it touched."""
        return self._replayed(self.editor.undo)

    def redo(self) -> list[int]:
        """Redo the latest undone step; return the task numbers it touched."""
        return self._replayed(self.editor.redo)

    def refresh(self, numbers: list[int]) -> None:
        """Reload after a change made elsewhere (a finished job) and notify the views."""
        self._changed(numbers)

    def _replayed(self, replay: Any) -> list[int]:
        try:
            keys = replay()
        finally:
            # A conflict drops the step, so the views reload either way.
            self.reload()
        numbers = [key.task_number for key in keys if key.period_code == self.period.code]
        self.entries_changed.emit(numbers if keys else [])
        if any(key.period_code != self.period.code for key in keys):
            logger.info("undo touched entries of another period than %s", self.period.code)
        return numbers

    def _changed(self, numbers: list[int]) -> None:
        self.reload()
        self.entries_changed.emit(numbers)
