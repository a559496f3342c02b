"""The overview grid's table model: one row per task of the period, spreadsheet-like cells.

Editable cells (status, actual value, responsible person, contact, narrative) are parsed
exactly as the form and the command line parse them. Where the form would ask which
reading was meant, a cell cannot, so ``0.85`` in a percent cell is rejected with a note to
write ``85%`` or ``0.85%``.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.validation import FindingKind
from meili_desktop.domain.values import (
    NUMERIC_MEASURES,
    StatusOnlyTaskError,
    format_decimal,
    parse_status,
    parse_value_strictly,
)
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.entries import describe_finding, finding_label, status_label
from meili_desktop.ui.township.marks import progress_percent, status_icon, value_text
from meili_desktop.ui.township.state import TownshipState

TASK_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    TASK = 1
    STATUS = 2
    VALUE = 3
    PERSON = 4
    CONTACT = 5
    NARRATIVE = 6
    TARGET = 7
    COMPLETION = 8
    MISSING = 9


# Editable columns and the entry field each one writes.
EDITABLE_COLUMNS = {
    Column.STATUS: "status",
    Column.VALUE: "value",
    Column.PERSON: "responsible_person",
    Column.CONTACT: "contact",
    Column.NARRATIVE: "narrative",
}
_READ_ONLY_BACKGROUND = QBrush(QColor("#f3f4f6"))
_MISSING_COLOUR = QBrush(QColor("#b71c1c"))
_WARNING_COLOUR = QBrush(QColor("#8a5300"))


class ReadOnlyCellError(MeiliError):
    """A pasted cell fell on a column that cannot be edited; details: ``column``."""

    code = "grid.read_only_column"


class OverviewModel(QAbstractTableModel):
    """All tasks of the period with status, value, target, completion and missing items.

    Signals:
        cell_rejected(str): a typed cell was not saved; the text gives the reason.
    """

    cell_rejected = Signal(str)

    def __init__(self, state: TownshipState, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = state
        state.entries_changed.connect(self.refresh)
        state.period_changed.connect(lambda _code: self.refresh([]))

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Task"), self.tr("Status"), self.tr("Actual value"),
                self.tr("Responsible person"), self.tr("Contact"), self.tr("Narrative"),
                self.tr("Target"), self.tr("Completion"), self.tr("Missing items")]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.state.tasks)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.is_editable(index.row(), Column(index.column())):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def is_editable(self, row: int, column: Column) -> bool:
        if column not in EDITABLE_COLUMNS or self.state.is_read_only(self.task_at(row).number):
            return False
        return column is not Column.VALUE or self.task_at(row).measure in NUMERIC_MEASURES

    def task_at(self, row: int) -> Task:
        return self.state.tasks[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        task = self.task_at(index.row())
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(task, column)
        if role == TASK_NUMBER_ROLE:
            return task.number
        return self._decoration(task, column, role)

    def _display(self, task: Task, column: Column) -> str:
        entry = self.state.entry(task.number)
        if column is Column.NUMBER:
            return str(task.number)
        if column is Column.TASK:
            return task.title
        if column is Column.STATUS:
            return status_label(entry.status) if entry is not None else ""
        if column is Column.VALUE:
            return value_text(task, entry.value) if entry is not None else ""
        if column in (Column.PERSON, Column.CONTACT, Column.NARRATIVE):
            text = self._edit_text(task, column)
            return text.splitlines()[0] if text else ""
        if column is Column.TARGET:
            return value_text(task, self.state.targets.get(task.number))
        if column is Column.COMPLETION:
            percent = progress_percent(entry, self.state.targets.get(task.number))
            return "" if percent is None else f"{percent}%"
        return "、".join(dict.fromkeys(
            finding_label(finding) for finding in self.state.findings_for(task.number)
            if finding.kind is not FindingKind.SUSPICIOUS))

    def _edit_text(self, task: Task, column: Column) -> str:
        entry = self.state.entry(task.number)
        if entry is None:
            return ""
        if column is Column.STATUS:
            return entry.status.value
        if column is Column.VALUE:
            return format_decimal(entry.value)
        field = EDITABLE_COLUMNS.get(column)
        return str(getattr(entry, field)) if field else self._display(task, column)

    def _decoration(self, task: Task, column: Column, role: int) -> Any:
        findings = self.state.findings_for(task.number)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS:
            entry = self.state.entry(task.number)
            return status_icon(entry.status if entry else None,
                               self.state.is_returned(task.number))
        if role == Qt.ItemDataRole.BackgroundRole and column not in EDITABLE_COLUMNS:
            return _READ_ONLY_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if column is Column.MISSING:
                return _MISSING_COLOUR
            if column is Column.VALUE and any(
                    finding.kind is FindingKind.SUSPICIOUS for finding in findings):
                return _WARNING_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.MISSING, Column.VALUE) and findings:
                return "\n".join(describe_finding(finding) for finding in findings)
            if column in (Column.TASK, Column.NARRATIVE):
                return self._edit_text(task, column) or task.title
        return None

    def cell_change(self, row: int, column: Column, text: str) -> dict[str, Any]:
        """Parse a typed or pasted cell into entry changes; an empty dict changes nothing.

        Raises:
            ReadOnlyCellError: the column cannot be edited.
            MeiliError: the text is not valid for the column (see the value parser).
        """
        task = self.task_at(row)
        if column not in EDITABLE_COLUMNS:
            raise ReadOnlyCellError(column=self.headers()[column])
        field = EDITABLE_COLUMNS[column]
        if column is Column.STATUS:
            # An empty status cell leaves the status as it is: every entry has one.
            return {} if not text.strip() else {field: parse_status(text)}
        if column is Column.VALUE:
            if task.measure not in NUMERIC_MEASURES:
                raise StatusOnlyTaskError(text=text, task=task.number,
                                          measure=task.measure.value, example="", unit="")
            if not text.strip():
                return {field: None}
            return {field: parse_value_strictly(text, task.measure, task.unit, task.number)}
        return {field: text}

    def setData(self, index: ModelIndex, value: Any,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        task = self.task_at(index.row())
        text = "" if value is None else str(value)
        if text == self._edit_text(task, Column(index.column())):
            return False
        try:
            change = self.cell_change(index.row(), Column(index.column()), text)
            if change:
                self.state.save(task.number, change)
        except MeiliError as error:
            self.cell_rejected.emit(self.tr("Task {number}, {column}: {reason}").format(
                number=task.number, column=self.headers()[index.column()],
                reason=describe(error)))
            return False
        return True

    def refresh(self, _numbers: list[int]) -> None:
        """Repaint every row after entries changed; the row set itself never changes."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, len(Column) - 1))
