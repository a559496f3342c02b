"""Table model of a summary: the same columns and values as the summary workbook's sheets.

Rows are computed once per period and grouping in a worker; the model only formats them,
so sorting and filtering 1,010 towns through a QSortFilterProxyModel stay instant. Sorting
uses :data:`SORT_ROLE`, which gives numbers as numbers and empty cells as lowest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
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

    def set_document(self, document: SummaryDocument, grouping: Grouping) -> None:
        """Show the rows of ``grouping`` from the document's first period."""
        self.beginResetModel()
        self.grouping = grouping
        self._columns = summary_columns(grouping)
        rows = document.periods[0].rows.get(grouping, ()) if document.periods else ()
        self._rows = [summary_values(grouping, index, row, document)
                      for index, row in enumerate(rows, 1)]
        self._keys = [row.key for row in rows]
        self.endResetModel()

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
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value, column.number_format)
        if role == SORT_ROLE:
            if isinstance(value, Decimal):
                return float(value)
            return value if value is not None else float("-inf")
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
