"""The pre-submission check: everything missing, invalid or suspicious, each linked to its task."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.validation import Field, FindingKind
from meili_desktop.messages.entries import describe_finding, finding_label, kind_label
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.township.marks import period_label
from meili_desktop.ui.township.state import TownshipState

TASK_ROLE = Qt.ItemDataRole.UserRole + 1
FIELD_ROLE = Qt.ItemDataRole.UserRole + 2
# The task column grows with the longest task title up to this width, in device-independent
# pixels.
TASK_COLUMN_MAX = 560
KIND_COLOURS = {
    FindingKind.MISSING: QColor("#b71c1c"),
    FindingKind.INVALID: QColor("#6a1b9a"),
    FindingKind.SUSPICIOUS: QColor("#8a5300"),
}


class CheckWidget(QWidget):
    """Lists the findings of the period by kind; activating one opens its task and field.

    Signals:
        finding_activated(int, str): task number and the field's code to focus.
    """

    finding_activated = Signal(int, str)

    def __init__(self, state: TownshipState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Check again"), self)
        self.run_button.setObjectName("runCheckButton")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.run_button)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checkList")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Task"), self.tr("Field"), self.tr("Problem")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.header().setStretchLastSection(True)
        self.empty_state = EmptyStateLabel(self.tree)

        hint = QLabel(self.tr("Double-click an item to open the task."), self)
        hint.setStyleSheet("color: #606060;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)

        self.run_button.clicked.connect(self.run_check)
        self.tree.itemActivated.connect(self._on_activated)
        state.entries_changed.connect(lambda _numbers: self.show_findings())
        state.period_changed.connect(lambda _code: self.show_findings())
        self.show_findings()

    def run_check(self) -> None:
        """Read the period again and list its findings."""
        self.state.reload()
        self.show_findings()

    def show_findings(self) -> None:
        """List the state's findings grouped by kind, missing first."""
        self.tree.clear()
        findings = self.state.findings
        counts = {kind: 0 for kind in FindingKind}
        for kind in FindingKind:
            of_kind = [finding for finding in findings if finding.kind is kind]
            counts[kind] = len(of_kind)
            if not of_kind:
                continue
            group = QTreeWidgetItem(self.tree, [f"{kind_label(kind)} ({len(of_kind)})"])
            bold = QFont(group.font(0))
            bold.setBold(True)
            group.setFont(0, bold)
            group.setForeground(0, QBrush(KIND_COLOURS[kind]))
            group.setFirstColumnSpanned(True)
            for finding in of_kind:
                title = self.state.task(finding.task_number).title
                item = QTreeWidgetItem(group, [
                    self.tr("Task {number}").format(number=finding.task_number) + "  " + title,
                    finding_label(finding), describe_finding(finding)])
                item.setData(0, TASK_ROLE, finding.task_number)
                item.setData(0, FIELD_ROLE, finding.field.value)
                item.setToolTip(0, item.text(0))
                item.setToolTip(2, describe_finding(finding))
            group.setExpanded(True)
        self._size_task_column()
        self.tree.resizeColumnToContents(1)
        period = period_label(self.state.period)
        if not findings:
            self.summary.setText(self.tr("Nothing is missing for {period}. The report is ready "
                                         "to send.").format(period=period))
            self.empty_state.show_message(
                self.tr("Nothing is missing for {period}.").format(period=period),
                self.tr("Send the report with \"Export report package\" in the toolbar."))
        else:
            self.empty_state.clear_message()
            self.summary.setText(self.tr(
                "{period}: {missing} missing, {invalid} invalid, {suspicious} to verify.").format(
                period=period, missing=counts[FindingKind.MISSING],
                invalid=counts[FindingKind.INVALID],
                suspicious=counts[FindingKind.SUSPICIOUS]))

    def _size_task_column(self) -> None:
        """Fit the task column to the longest "Task N  title" shown, within a maximum."""
        metrics = self.tree.fontMetrics()
        widest = 0
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                widest = max(widest, metrics.horizontalAdvance(group.child(child).text(0)))
        # The indentation of the child rows and the cell's margins come on top of the text.
        self.tree.setColumnWidth(0, min(widest + self.tree.indentation() + 24,
                                        TASK_COLUMN_MAX) if widest else 300)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        number = item.data(0, TASK_ROLE)
        if number is not None:
            self.finding_activated.emit(int(number), str(item.data(0, FIELD_ROLE)))


def field_from_code(code: str) -> Field:
    """Return the Field for a code carried by a check item."""
    return Field(code)
