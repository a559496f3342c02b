"""The task list: the township's tasks grouped by category, with a status mark each."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from meili_desktop.messages.entries import status_label
from meili_desktop.ui.township.marks import status_icon
from meili_desktop.ui.township.state import TownshipState

TASK_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class TaskTreeModel(QStandardItemModel):
    """Categories as top-level rows, tasks below them: number, title, lead unit."""

    def __init__(self, state: TownshipState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._rows: dict[int, QStandardItem] = {}
        self.setHorizontalHeaderLabels([self.tr("No."), self.tr("Task"), self.tr("Lead unit")])
        self._build()

    def _build(self) -> None:
        categories: dict[str, QStandardItem] = {}
        for task in self.state.tasks:
            category = categories.get(task.category)
            if category is None:
                category = QStandardItem(task.category)
                bold = QFont()
                bold.setBold(True)
                category.setFont(bold)
                category.setFlags(Qt.ItemFlag.ItemIsEnabled)
                categories[task.category] = category
                self.appendRow([category, _plain(""), _plain("")])
            lead = task.lead.unit if task.lead is not None else ""
            number_item = _plain(str(task.number))
            number_item.setData(task.number, TASK_NUMBER_ROLE)
            title_item = _plain(task.title)
            title_item.setData(task.number, TASK_NUMBER_ROLE)
            title_item.setToolTip(task.title)
            lead_item = _plain(lead)
            lead_item.setData(task.number, TASK_NUMBER_ROLE)
            category.appendRow([number_item, title_item, lead_item])
            self._rows[task.number] = number_item
        self.refresh([])

    def refresh(self, numbers: list[int]) -> None:
        """Update the status marks of these tasks (all when the list is empty)."""
        for number in numbers or list(self._rows):
            item = self._rows.get(number)
            if item is None:
                continue
            entry = self.state.entry(number)
            status = entry.status if entry is not None else None
            item.setIcon(status_icon(status, self.state.is_returned(number)))
            tip = status_label(status) if status is not None else self.tr("Not filled in")
            if self.state.is_returned(number):
                tip = self.tr("Returned by the office: {status}").format(status=tip)
            item.setToolTip(tip)

    def index_of_task(self, number: int) -> QModelIndex:
        item = self._rows.get(number)
        return QModelIndex() if item is None else item.index()


class TaskTreeWidget(QWidget):
    """The tree of tasks with a search box.

    Signals:
        task_selected(int): the clerk selected a task.
    """

    task_selected = Signal(int)

    def __init__(self, state: TownshipState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = TaskTreeModel(state, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setObjectName("taskSearch")
        self.search.setPlaceholderText(self.tr("Search tasks by number, title or lead unit"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)

        self.view = QTreeView(self)
        self.view.setObjectName("taskTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.expandAll()
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        state.entries_changed.connect(self.model.refresh)
        state.period_changed.connect(lambda _code: self.model.refresh([]))

    def select_task(self, number: int) -> None:
        """Make ``number`` the current task and scroll to it."""
        index = self.proxy.mapFromSource(self.model.index_of_task(number))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index_of_task(number))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)

    def current_task(self) -> int | None:
        value = self.view.currentIndex().data(TASK_NUMBER_ROLE)
        return int(value) if value is not None else None

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        number = current.data(TASK_NUMBER_ROLE)
        if number is not None:
            self.task_selected.emit(int(number))


def _plain(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item
