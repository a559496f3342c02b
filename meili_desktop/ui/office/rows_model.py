"""A read-only table model of preformatted rows, for office lists of thousands of rows.

A ``QTableWidget`` creates an item object per cell on the GUI thread. Filling the review
list of a 1,010-town office that way (34,340 entries of 7 cells) kept the GUI thread busy
for 1.8 s. :class:`RowsModel` keeps the rows as Python tuples, formatted off the GUI thread,
so that showing them is one model reset. The view then requests only the cells it paints and
the rows it measures to size its columns (see :data:`MEASURED_ROWS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cmp_to_key
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

ModelIndex = QModelIndex | QPersistentModelIndex
# Rows, besides those on screen, that a view measures for a column sized to its contents.
# With Qt's default of 1000, sizing five columns of the 34,340-entry review list took 240 ms
# of Python ``data()`` calls per reset, and 62 ms with 200 (the benchmark machine of
# docs/performance.md, under load). A longer text further down is elided, with a tooltip.
MEASURED_ROWS = 200
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.BackgroundRole})


@dataclass(frozen=True)
class TextRow:
    """One row: its cell texts, a background colour and the values it sorts by.

    ``sort_keys`` has one value per cell, all numbers or all texts within a column. Without
    it a row sorts by its texts. Texts sort in the order of the application's language, by
    pinyin in Chinese, as a ``QTableWidget`` sorts them.
    """

    cells: tuple[str, ...]
    background: str | None = None
    sort_keys: tuple[Any, ...] | None = None


class RowsModel(QAbstractTableModel):
    """Rows of texts under fixed column titles. Each cell's tooltip is its text."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[TextRow] = []
        self._brushes: dict[str, QBrush] = {}
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_rows(self, rows: Sequence[TextRow]) -> None:
        """Show ``rows``, in the order of the last sort if the view sorted before."""
        self.beginResetModel()
        self._rows = list(rows)
        for row in self._rows:
            if row.background is not None and row.background not in self._brushes:
                self._brushes[row.background] = QBrush(QColor(row.background))
        if 0 <= self._sort_column < len(self._headers):
            self._reorder(self._sort_column, self._sort_order)
        self.endResetModel()

    def row(self, index: int) -> TextRow:
        return self._rows[index]

    def text(self, row: int, column: int) -> str:
        return self._rows[row].cells[column]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view requests about seven roles of every cell it paints or measures, so the
        # roles this model leaves empty return before any other work.
        if role not in _ROLES or not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if row.background is None else self._brushes[row.background]
        return row.cells[index.column()]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column``, keeping equal rows in their order and the selection."""
        self._sort_column, self._sort_order = column, order
        if not 0 <= column < len(self._headers) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        positions = self._reorder(column, order)
        self.changePersistentIndexList(
            persistent, [self.index(positions[index.row()], index.column())
                         for index in persistent])
        self.layoutChanged.emit()

    def _reorder(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Sort the rows in place and return each old row's new position."""
        keys = [row.sort_keys[column] if row.sort_keys is not None else row.cells[column]
                for row in self._rows]
        if keys and isinstance(keys[0], str):
            collated = cmp_to_key(QCollator().compare)
            keys = [collated(text) for text in keys]
        new_order = sorted(range(len(self._rows)), key=keys.__getitem__,
                           reverse=order is Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[old] for old in new_order]
        positions = [0] * len(new_order)
        for new, old in enumerate(new_order):
            positions[old] = new
        return positions
