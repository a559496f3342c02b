"""Table model of a summary: the same columns and values as the summary workbook's sheets.

Rows are computed once per period and grouping in a worker. The model formats each cell once
when it gets the rows, and :class:`SummaryProxyModel` filters and sorts with Python lists
over those cells. A plain QSortFilterProxyModel called ``data()`` once per cell to filter
and twice per comparison to sort, which took 40 to 120 ms for 1,010 towns. Sorting uses
:data:`SORT_ROLE`, which gives numbers as numbers and empty cells as lowest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from meili_desktop.domain.summary import Grouping
from meili_desktop.reports.summary_document import SummaryDocument
from meili_desktop.reports.summary_xlsx import summary_columns, summary_values
from meili_desktop.reports.xlsx_layout import CHANGE_FORMAT, PERCENT_FORMAT, Column

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
ModelIndex = QModelIndex | QPersistentModelIndex
_BEHIND = QBrush(QColor("#9c0006"))
_BEHIND_BACKGROUND = QBrush(QColor("#f4cccc"))
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, KEY_ROLE,
                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.BackgroundRole})
# Joins a row's cell texts for filtering; no filter text contains it.
_CELL_SEPARATOR = "\x1f"


def format_value(value: Any, number_format: str | None) -> str:
    """Format a cell value the way the workbook's number format shows it."""
    if value is None:
        return ""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        if number_format == PERCENT_FORMAT:
            return f"{Decimal(value) * 100:.1f}%"
        if number_format == CHANGE_FORMAT:
            return f"{Decimal(value) * 100:+.1f}%"
        if isinstance(value, Decimal):
            return format(value.normalize(), "f")
    return str(value)


class SummaryTableModel(QAbstractTableModel):
    """Rows of one summary in one grouping."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grouping = Grouping.TOWN
        self._columns: list[Column] = summary_columns(self.grouping)
        self._rows: list[list[Any]] = []
        self._keys: list[str] = []
        self._texts: list[list[str]] = []
        self._row_texts: list[str] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    def set_document(self, document: SummaryDocument, grouping: Grouping) -> None:
        """Show the rows of ``grouping`` from the document's first period, in the last sort."""
        self.beginResetModel()
        self.grouping = grouping
        self._columns = summary_columns(grouping)
        rows = document.periods[0].rows.get(grouping, ()) if document.periods else ()
        self._rows = [summary_values(grouping, index, row, document)
                      for index, row in enumerate(rows, 1)]
        self._keys = [row.key for row in rows]
        self._texts = [[format_value(value, column.number_format)
                        for value, column in zip(row, self._columns, strict=True)]
                       for row in self._rows]
        self._row_texts = [_CELL_SEPARATOR.join(texts).casefold() for texts in self._texts]
        if 0 <= self._sort_column < len(self._columns):
            self._reorder(self._sort_column, self._sort_order)
        self.endResetModel()

    def row_text(self, row: int) -> str:
        """Return the case-folded texts of a row's cells, for filtering."""
        return self._row_texts[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column``'s :data:`SORT_ROLE` values, keeping equal rows in order.

        The order is kept for the next document, as a sorting proxy would keep it.
        """
        self._sort_column, self._sort_order = column, order
        if not 0 <= column < len(self._columns) or not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        positions = self._reorder(column, order)
        self.changePersistentIndexList(
            persistent, [self.index(positions[index.row()], index.column())
                         for index in persistent])
        self.layoutChanged.emit()

    def _reorder(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Sort every row list in place; return each old row's new position."""
        keys = [_sort_key(row[column]) for row in self._rows]
        new_order = sorted(range(len(self._rows)), key=keys.__getitem__,
                           reverse=order is Qt.SortOrder.DescendingOrder)
        for name in ("_rows", "_keys", "_texts", "_row_texts"):
            values = getattr(self, name)
            setattr(self, name, [values[old] for old in new_order])
        positions = [0] * len(new_order)
        for new, old in enumerate(new_order):
            positions[old] = new
        return positions

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self._columns[section]
        return f"{column.group}\n{column.header}" if column.group else column.header

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting requests about seven roles of every visible cell, so the roles this model
        # leaves empty return before any other work.
        if role not in _ROLES or not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        value = self._rows[index.row()][index.column()]
        column = self._columns[index.column()]
        if role == SORT_ROLE:
            return sort_value(value)
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.number_format:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) \
                and self._is_behind(value, column):
            return _BEHIND if role == Qt.ItemDataRole.ForegroundRole else _BEHIND_BACKGROUND
        return None

    @staticmethod
    def _is_behind(value: Any, column: Column) -> bool:
        if column.behind_below is None or value is None or isinstance(value, str):
            return False
        return float(value) < column.behind_below


def sort_value(value: Any) -> Any:
    """Return the :data:`SORT_ROLE` value of a cell: numbers as floats, empty as lowest."""
    if isinstance(value, Decimal):
        return float(value)
    return value if value is not None else float("-inf")


def _sort_key(value: Any) -> tuple[int, Any]:
    # A column contains numbers or texts, and the rank keeps Python from comparing the two.
    value = sort_value(value)
    return (1, value) if isinstance(value, str) else (0, value)


class SummaryProxyModel(QSortFilterProxyModel):
    """Filters summary rows by a text in any cell, ignoring case; sorting goes to the source.

    Set the source with ``setSourceModel`` to a :class:`SummaryTableModel`. Sorting calls
    :meth:`SummaryTableModel.sort`, so this proxy keeps the source's row order.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        """Show only the rows with ``text`` in a cell; an empty text shows every row."""
        self.beginFilterChange()
        self._needle = text.casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, SummaryTableModel)
        return self._needle in model.row_text(source_row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        assert isinstance(model, SummaryTableModel)
        model.sort(column, order)
