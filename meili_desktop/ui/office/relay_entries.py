"""The relay page's lower half: the entries one township package brought, with review buttons.

Accepting takes every entry of the package; returning takes the selected entries and needs a
comment. A package with a returned entry is held back from forwarding.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.messages.merge_labels import REVIEW_LABELS, STATUS_LABELS, label
from meili_desktop.services.relay_review import RelayPackage
from meili_desktop.store.review_repo import ReviewRow

REVIEW_COLOURS = {"accepted": "#e2f0d9", "returned": "#fde2e1"}
PERIOD, TASK, TITLE, STATUS, VALUE, REVIEW, COMMENT = range(7)


class RelayEntriesWidget(QWidget):
    """Lists a package's entries and asks for the county's verdict.

    Signals:
        accept_requested(): accept every entry of the shown package.
        return_requested(object, str): return these ReviewRows with this comment.
    """

    accept_requested = Signal()
    return_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayEntries")
        self.rows: list[ReviewRow] = []
        self.package: RelayPackage | None = None

        self.caption = QLabel(self.tr("Select a package to see its entries."), self)
        self.caption.setObjectName("relayEntriesCaption")
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("relayEntryTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Period"), self.tr("Task"), self.tr("Key task"), self.tr("Status"),
            self.tr("Value"), self.tr("Review"), self.tr("Latest comment")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PERIOD, 80), (TASK, 50), (TITLE, 320), (STATUS, 80),
                              (VALUE, 80), (REVIEW, 80)):
            self.table.setColumnWidth(column, width)

        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("relayComment")
        self.comment.setPlaceholderText(self.tr(
            "Comment for the township: what is wrong and what to send again (needed to "
            "return entries)"))
        self.comment.setMaximumHeight(70)
        self.accept_button = QPushButton(self.tr("Accept Package"), self)
        self.accept_button.setObjectName("acceptPackage")
        self.return_button = QPushButton(self.tr("Return Selected Entries"), self)
        self.return_button.setObjectName("returnEntries")

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)

        self.accept_button.clicked.connect(self.accept_requested)
        self.return_button.clicked.connect(self._request_return)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.comment.textChanged.connect(self.update_buttons)
        self.set_busy(False)

    def show_package(self, package: RelayPackage | None, rows: list[ReviewRow]) -> None:
        """Show the entries of ``package`` (None clears the table)."""
        self.package = package
        self.rows = rows
        if package is None:
            self.caption.setText(self.tr("Select a package to see its entries."))
        else:
            self.caption.setText(self.tr(
                "Entries of {town}, package {sequence}: {count} still current (entries that "
                "a later package replaced are not shown).").format(
                town=package.unit_name, sequence=package.ledger.sequence, count=len(rows)))
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            cells = [row.key.period_code, str(row.key.task_number), row.task_title,
                     label(STATUS_LABELS, row.status), row.value or "",
                     label(REVIEW_LABELS, row.review_state), row.last_comment]
            colour = REVIEW_COLOURS.get(row.review_state)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if colour:
                    item.setBackground(QColor(colour))
                if column == TASK:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)
        self.update_buttons()

    def selected_rows(self) -> list[ReviewRow]:
        """Return the entries selected in the table, in table order."""
        indexes = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[index] for index in indexes]

    def set_busy(self, is_busy: bool) -> None:
        self._is_busy = is_busy
        self.update_buttons()

    def update_buttons(self) -> None:
        is_idle = not self._is_busy and self.package is not None
        self.accept_button.setEnabled(is_idle and bool(self.rows))
        self.return_button.setEnabled(is_idle and bool(self.selected_rows())
                                      and bool(self.comment.toPlainText().strip()))

    def _request_return(self) -> None:
        rows = self.selected_rows()
        text = self.comment.toPlainText().strip()
        if rows and text:
            self.return_requested.emit(rows, text)
