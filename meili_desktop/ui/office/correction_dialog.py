"""The office corrects a township's entry: status, value, narrative, responsible person.

The dialog only collects and checks the input; the review page saves it as a job through
:func:`meili_desktop.services.office_corrections.correct_entry`. A reason is required: it
goes into the audit log next to the old and new values.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.domain.values import (
    NUMERIC_MEASURES,
    InvalidValueError,
    format_decimal,
    parse_value_strictly,
)
from meili_desktop.messages import describe
from meili_desktop.messages.merge_labels import STATUS_LABELS, label
from meili_desktop.ui.period_names import period_name


class CorrectionDialog(QDialog):
    """Edit one entry's fields as the office's correction; a reason is required."""

    def __init__(self, unit_name: str, task: Task, entry: Entry,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        self.setWindowTitle(self.tr("Correct entry"))
        self.setMinimumWidth(520)
        self.task = task
        self.entry = entry
        self._parsed_value: Decimal | None = entry.value

        heading = QLabel(self.tr("{unit}, task {task} {title}, {period}").format(
            unit=unit_name, task=task.number, title=task.title.rstrip("。."),
            period=period_name(entry.key.period_code)), self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold")
        note = QLabel(self.tr(
            "The corrected values become the office's. A later report from the township that "
            "differs from them waits on the Conflicts page for your decision."), self)
        note.setWordWrap(True)

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("correctionStatus")
        for status in Status:
            self.status_combo.addItem(label(STATUS_LABELS, status.value), status)
        self.status_combo.setCurrentIndex(self.status_combo.findData(entry.status))
        self.value_edit = QLineEdit(format_decimal(entry.value), self)
        self.value_edit.setObjectName("correctionValue")
        unit_text = task.unit or ""
        self.value_unit = QLabel(unit_text, self)
        has_value = task.measure in NUMERIC_MEASURES
        self.value_edit.setEnabled(has_value)
        if not has_value:
            self.value_edit.setPlaceholderText(self.tr("This task takes no value"))
        self.narrative_edit = QPlainTextEdit(entry.narrative, self)
        self.narrative_edit.setObjectName("correctionNarrative")
        self.narrative_edit.setTabChangesFocus(True)
        self.person_edit = QLineEdit(entry.responsible_person, self)
        self.person_edit.setObjectName("correctionPerson")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("correctionReason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr(
            "Why the office changes the values, e.g. the ledger shows 72%. Required."))
        self.reason_edit.setMaximumHeight(80)
        self.problem = QLabel(self)
        self.problem.setObjectName("correctionProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.value_unit)
        form = QFormLayout()
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.tr("Actual value"), value_row)
        form.addRow(self.tr("Narrative"), self.narrative_edit)
        form.addRow(self.tr("Responsible person"), self.person_edit)
        form.addRow(self.tr("Reason for the correction"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_save)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button().setEnabled(bool(self.reason_edit.toPlainText().strip()))

    def save_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def save(self) -> None:
        """Check the value with the same reader as the township's window, then close."""
        text = self.value_edit.text()
        try:
            if self.task.measure not in NUMERIC_MEASURES or not text.strip():
                self._parsed_value = None
            else:
                self._parsed_value = parse_value_strictly(text, self.task.measure,
                                                          self.task.unit, self.task.number)
        except InvalidValueError as error:
            self.problem.setText(describe(error))
            self.problem.show()
            self.value_edit.setFocus()
            return
        self.accept()

    def changes(self) -> dict[str, Any]:
        """Return the edited fields by name, ready for the correction service."""
        return {"status": self.status_combo.currentData(), "value": self._parsed_value,
                "narrative": self.narrative_edit.toPlainText(),
                "responsible_person": self.person_edit.text()}

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()
