"""The change history of one entry: every stored revision, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.entries import Status
from meili_desktop.messages.entries import status_label
from meili_desktop.services.entries import RevisionRecord
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.period_names import period_name
from meili_desktop.ui.township.marks import local_time_text


class HistoryDialog(QDialog):
    """Lists an entry's revisions; opened without blocking the window."""

    def __init__(self, task: Task, period_code: str, records: list[RevisionRecord],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of task {number} ({period})").format(
            number=task.number, period=period_name(period_code)))
        title = QLabel(task.title, self)
        title.setWordWrap(True)

        headers = [self.tr("Revision"), self.tr("Time"), self.tr("By"), self.tr("Status"),
                   self.tr("Actual value"), self.tr("Narrative"), self.tr("Responsible person"),
                   self.tr("Contact"), self.tr("Evidence")]
        self.table = QTableWidget(len(records), len(headers), self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, record in enumerate(records):
            for column, text in enumerate(self._cells(task, record)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.empty_state = EmptyStateLabel(self.table)
        if not records:
            self.empty_state.show_message(
                self.tr("Nothing has been entered for this task in {period} yet.").format(
                    period=period_name(period_code)),
                self.tr("Each change to the form is listed here once it is saved."))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _cells(self, task: Task, record: RevisionRecord) -> list[str]:
        snapshot = record.snapshot
        value = snapshot.get("value")
        unit = "%" if task.unit == "%" else f" {task.unit}"
        source = "" if record.source == "local" else self.tr(" (from {source})").format(
            source=record.source)
        names = "、".join(item["display_name"] for item in snapshot.get("attachments", []))
        return [
            str(record.revision),
            local_time_text(record.changed_at),
            record.changed_by + source,
            status_label(Status(snapshot.get("status", Status.NOT_STARTED.value))),
            "" if value is None else f"{value}{unit}".strip(),
            str(snapshot.get("narrative", "")),
            str(snapshot.get("responsible_person", "")),
            str(snapshot.get("contact", "")),
            names,
        ]
