"""The overview grid: every task of the period in a table that edits like a spreadsheet.

Typing starts editing a cell; Enter saves and moves down, Tab saves and moves right, and
arrows move. Ctrl+V pastes a block copied from Excel (tab-separated text) starting at the
current cell, saving the valid cells as one undo step and listing each rejected cell with
its reason. Ctrl+C copies the selection the same way, and Delete clears it.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.entries import Status
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.entries import status_label
from meili_desktop.ui.township.overview_model import (
    TASK_NUMBER_ROLE,
    Column,
    OverviewModel,
)
from meili_desktop.ui.township.state import TownshipState

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PasteOutcome:
    """Outcome of a paste: the count of saved cells and one message per rejected cell."""

    saved_cells: int
    rejected: tuple[str, ...]


def split_clipboard_block(text: str) -> list[list[str]]:
    """Split tab-separated text copied from Excel into rows of cells.

    Excel ends the block with a line break and quotes cells that contain tabs, line breaks
    or quotes, so the csv module reads it with a tab delimiter.
    """
    if text.endswith("\r\n"):
        text = text[:-2]
    elif text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return [row for row in reader]


class FilterProxy(QSortFilterProxyModel):
    """Shows every task, or only those with missing or invalid items."""

    def __init__(self, state: TownshipState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.is_incomplete_only = False
        # Rows stay while the clerk fills them in; the filter applies again on request.
        self.setDynamicSortFilter(False)

    def set_incomplete_only(self, enabled: bool) -> None:
        self.beginFilterChange()
        self.is_incomplete_only = enabled
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def apply_filter(self) -> None:
        """Filter the rows again after entries changed."""
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self.is_incomplete_only:
            return True
        return self.state.is_incomplete(self.state.tasks[row].number)


class OverviewDelegate(QStyledItemDelegate):
    """Cell editors: a status list for the status column, a line edit elsewhere.

    Remembers whether the last editor was closed with Enter, so the view can move down.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.closed_with_enter = False

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        self.closed_with_enter = False
        if index.column() != Column.STATUS:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("statusCellEditor")
        for status in Status:
            combo.addItem(status_label(status), status.value)
        return combo

    def setEditorData(self, editor: QWidget,  # noqa: N802 - Qt override
                      index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.closed_with_enter = True
        return super().eventFilter(editor, event)


class OverviewView(QTableView):
    """The grid with spreadsheet keys: Enter moves down, Delete clears, Ctrl+C/V copy/paste.

    Signals:
        paste_requested(str): the clerk pasted this clipboard text.
        clear_requested(): the clerk pressed Delete on a selection.
    """

    paste_requested = Signal(str)
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewGrid")
        self.delegate = OverviewDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selection_text())
            return
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.clear_requested.emit()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move_down()
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget,  # noqa: N802 - Qt override
                    hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if self.delegate.closed_with_enter:
            self.delegate.closed_with_enter = False
            self._move_down()

    def selection_text(self) -> str:
        """Return the selected block as tab-separated text, as Excel copies it."""
        indexes = self.selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({index.row() for index in indexes})
        columns = sorted({index.column() for index in indexes})
        model = self.model()
        lines = ["\t".join(str(model.index(row, column).data() or "") for column in columns)
                 for row in rows]
        return "\n".join(lines) + "\n"

    def _move_down(self) -> None:
        current = self.currentIndex()
        below = current.siblingAtRow(current.row() + 1)
        if below.isValid():
            self.setCurrentIndex(below)


class OverviewWidget(QWidget):
    """The grid with its filter and the list of cells that were not saved.

    Signals:
        task_activated(int): the clerk double-clicked a task's number or title.
        message(str): a short note for the status bar.
    """

    task_activated = Signal(int)
    message = Signal(str)

    def __init__(self, state: TownshipState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = OverviewModel(state, self)
        self.proxy = FilterProxy(state, self)
        self.proxy.setSourceModel(self.model)

        self.incomplete_only = QCheckBox(self.tr("Incomplete tasks only"), self)
        self.incomplete_only.setObjectName("incompleteOnly")
        hint = QLabel(self.tr("Type to edit. Enter moves down, Tab moves right. Ctrl+V pastes "
                              "a block copied from Excel."), self)
        hint.setStyleSheet("color: #606060;")
        top = QHBoxLayout()
        top.addWidget(self.incomplete_only)
        top.addSpacing(16)
        top.addWidget(hint, 1)

        self.view = OverviewView(self)
        self.view.setModel(self.proxy)
        self._size_columns()

        self.report_label = QLabel(self.tr("Cells that were not saved:"), self)
        self.report = QListWidget(self)
        self.report.setObjectName("pasteReport")
        self.report.setMaximumHeight(self.report.fontMetrics().lineSpacing() * 5 + 8)
        self.report_label.hide()
        self.report.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.report_label)
        layout.addWidget(self.report)

        self.incomplete_only.toggled.connect(self.proxy.set_incomplete_only)
        self.view.paste_requested.connect(self.paste_text)
        self.view.clear_requested.connect(self.clear_selection)
        self.model.cell_rejected.connect(lambda text: self.show_rejections([text]))
        self.view.doubleClicked.connect(self._on_double_click)
        state.period_changed.connect(lambda _code: self.proxy.apply_filter())

    def _size_columns(self) -> None:
        """Size each column for typical content in the current font; the narrative stretches."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        icon_room = self.view.iconSize().width() + 8
        samples = {
            Column.NUMBER: "编号", Column.TASK: "农村义务教育标准化学校达标率。",
            Column.STATUS: "不适用", Column.VALUE: "1,234.5 张/千人",
            Column.PERSON: "欧阳晓明", Column.CONTACT: "0571-88886666",
            Column.TARGET: "1,234 张/千人", Column.COMPLETION: "完成率",
            Column.MISSING: "责任人、联系电话",
        }
        for column, sample in samples.items():
            extra = icon_room if column is Column.STATUS else 0
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24 + extra)
        header.setSectionResizeMode(Column.NARRATIVE, QHeaderView.ResizeMode.Stretch)

    def paste_text(self, text: str) -> PasteOutcome:
        """Paste a tab-separated block at the current cell and report rejected cells."""
        block = split_clipboard_block(text)
        start = self.view.currentIndex()
        if not block or not start.isValid():
            return PasteOutcome(0, ())
        changes: dict[int, dict[str, Any]] = {}
        rejected: list[str] = []
        saved_cells = 0
        for row_offset, cells in enumerate(block):
            for column_offset, cell in enumerate(cells):
                problem = self._collect_cell(start.row() + row_offset,
                                             start.column() + column_offset, cell, changes)
                if problem:
                    rejected.append(problem)
                else:
                    saved_cells += 1
        saved_cells -= self._save(list(changes.items()), rejected)
        outcome = PasteOutcome(saved_cells, tuple(rejected))
        self.show_rejections(list(outcome.rejected))
        self.message.emit(self.tr("Pasted {saved} cells; {rejected} not saved.").format(
            saved=outcome.saved_cells, rejected=len(outcome.rejected)))
        logger.info("pasted a %dx%d block: %d cells saved, %d rejected", len(block),
                    max(len(cells) for cells in block), outcome.saved_cells,
                    len(outcome.rejected))
        return outcome

    def clear_selection(self) -> None:
        """Clear the selected editable cells as one undo step (statuses are kept)."""
        changes: dict[int, dict[str, Any]] = {}
        for index in self.view.selectedIndexes():
            column = Column(index.column())
            source_row = self.proxy.mapToSource(index).row()
            if column is not Column.STATUS and self.model.is_editable(source_row, column):
                number = self.state.tasks[source_row].number
                changes.setdefault(number, {}).update(
                    self.model.cell_change(source_row, column, ""))
        rejected: list[str] = []
        self._save(list(changes.items()), rejected)
        self.show_rejections(rejected)

    def show_rejections(self, messages: list[str]) -> None:
        """List rejected cells under the grid; an empty list hides the list."""
        self.report.clear()
        self.report.addItems(messages)
        self.report.setVisible(bool(messages))
        self.report_label.setVisible(bool(messages))

    def _collect_cell(self, proxy_row: int, column: int, text: str,
                      changes: dict[int, dict[str, Any]]) -> str:
        """Add one pasted cell's change; return why it was rejected, or an empty string."""
        headers = self.model.headers()
        if proxy_row >= self.proxy.rowCount() or column >= len(Column):
            return self.tr("\"{text}\" falls outside the table and was not pasted.").format(
                text=text)
        source_row = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
        number = self.state.tasks[source_row].number
        try:
            change = self.model.cell_change(source_row, Column(column), text)
        except MeiliError as error:
            return self.tr("Task {number}, {column}: {reason}").format(
                number=number, column=headers[column], reason=describe(error))
        changes.setdefault(number, {}).update(change)
        return ""

    def _save(self, changes: list[tuple[int, dict[str, Any]]], rejected: list[str]) -> int:
        """Save the collected changes as one step; return how many cells failed with it."""
        changes = [(number, change) for number, change in changes if change]
        if not changes:
            return 0
        try:
            self.state.save_many(changes)
        except MeiliError as error:
            rejected.append(describe(error))
            return sum(len(change) for _number, change in changes)
        return 0

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() in (Column.NUMBER, Column.TASK):
            self.task_activated.emit(int(index.data(TASK_NUMBER_ROLE)))
