"""The actual-value editor: reads values as clerks type them, offers a choice when in doubt.

The field shows the task's unit, the target and the progress toward it. Input is parsed when
the clerk leaves the field or presses Enter. A value with two readings (``0.85`` in a percent
field) is not saved until the clerk picks one of two buttons. A rejected value stays in the
field with the reason under it, and the stored value is unchanged.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.validation import Finding
from meili_desktop.domain.values import (
    EXAMPLES,
    AmbiguousValue,
    InvalidValueError,
    format_decimal,
    parse_value,
)
from meili_desktop.messages import describe
from meili_desktop.messages.entries import describe_finding

ERROR_STYLE = "color: #b71c1c;"
WARNING_STYLE = "color: #8a5300;"


class ValueEditor(QWidget):
    """Line edit for the actual value, with unit, target, progress, warnings and a choice bar.

    Signals:
        value_committed(object): a Decimal, or None when the field was cleared.
    """

    value_committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self._stored: Decimal | None = None
        self._pending: AmbiguousValue | None = None

        self.line = QLineEdit(self)
        self.line.setObjectName("valueEdit")
        self.line.setMaxLength(60)
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("valueUnit")
        self.target_label = QLabel(self)
        self.target_label.setObjectName("targetLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progressBar")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.unit_label)
        row.addSpacing(12)
        row.addWidget(self.target_label)
        row.addWidget(self.progress)

        self.error_label = _message_label(self, "valueError", ERROR_STYLE)
        self.warning_label = _message_label(self, "valueWarning", WARNING_STYLE)
        self.choice_bar = self._build_choice_bar()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.choice_bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.warning_label)
        self.line.editingFinished.connect(self._parse)

    def _build_choice_bar(self) -> QFrame:
        bar = QFrame(self)
        bar.setObjectName("ambiguityBar")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.choice_label = QLabel(bar)
        self.choice_label.setWordWrap(True)
        self.fraction_button = QPushButton(bar)
        self.fraction_button.setObjectName("choiceAsFraction")
        self.typed_button = QPushButton(bar)
        self.typed_button.setObjectName("choiceAsTyped")
        layout = QHBoxLayout(bar)
        layout.addWidget(self.choice_label, 1)
        layout.addWidget(self.fraction_button)
        layout.addWidget(self.typed_button)
        self.fraction_button.clicked.connect(lambda: self._choose(as_fraction=True))
        self.typed_button.clicked.connect(lambda: self._choose(as_fraction=False))
        bar.hide()
        return bar

    def show_task(self, task: Task, value: Decimal | None, target: Decimal | None) -> None:
        """Show a task's stored value, unit and target; clears any message."""
        self._task = task
        self._stored = value
        self._pending = None
        self.line.setText(format_decimal(value))
        self.line.setPlaceholderText(self.tr("e.g. {example}").format(
            example=EXAMPLES.get(task.measure, "")))
        self.unit_label.setText(task.unit)
        self._show_target(value, target)
        self.choice_bar.hide()
        self._set_error("")
        self.show_warnings([])

    def show_warnings(self, warnings: list[Finding]) -> None:
        """Show plausibility warnings under the field; an empty list hides them."""
        text = "\n".join("⚠ " + describe_finding(finding) for finding in warnings)
        self.warning_label.setText(text)
        self.warning_label.setVisible(bool(text))

    def has_pending_choice(self) -> bool:
        return self._pending is not None

    def _show_target(self, value: Decimal | None, target: Decimal | None) -> None:
        if target is None or self._task is None:
            self.target_label.setText(self.tr("No target set"))
            self.progress.hide()
            return
        shown = format_decimal(target) + ("%" if self._task.measure is MeasureType.PERCENT
                                          else f" {self._task.unit}")
        self.target_label.setText(self.tr("Target: {target}").format(target=shown.strip()))
        self.progress.setVisible(target > 0)
        if target > 0:
            percent = 0 if value is None else int(value * 100 / target)
            self.progress.setValue(max(0, min(100, percent)))
            self.progress.setFormat(f"{percent}%")

    def _parse(self) -> None:
        if self._task is None:
            return
        text = self.line.text()
        if text == "":
            self._commit(None)
            return
        try:
            result = parse_value(text, self._task.measure, self._task.unit, self._task.number)
        except InvalidValueError as error:
            self._set_error(describe(error))
            return
        if isinstance(result, AmbiguousValue):
            self._ask(result)
            return
        self._commit(result.value)

    def _ask(self, ambiguous: AmbiguousValue) -> None:
        self._pending = ambiguous
        self._set_error("")
        fraction = format_decimal(ambiguous.as_fraction)
        typed = format_decimal(ambiguous.as_typed)
        self.choice_label.setText(self.tr(
            "\"{text}\" can mean {fraction}% or {typed}%. Which one did you mean?").format(
            text=ambiguous.text.strip(), fraction=fraction, typed=typed))
        self.fraction_button.setText(f"{fraction}%")
        self.typed_button.setText(f"{typed}%")
        self.choice_bar.show()

    def _choose(self, as_fraction: bool) -> None:
        if self._pending is None:
            return
        value = self._pending.as_fraction if as_fraction else self._pending.as_typed
        self._pending = None
        self.choice_bar.hide()
        self._commit(value)

    def _commit(self, value: Decimal | None) -> None:
        self._set_error("")
        self.choice_bar.hide()
        self._pending = None
        self.line.setText(format_decimal(value))
        self.value_committed.emit(value)

    def set_saved(self, value: Decimal | None, target: Decimal | None) -> None:
        """Record that ``value`` was stored and update the progress toward the target."""
        self._stored = value
        self._show_target(value, target)

    def show_error(self, text: str) -> None:
        """Show a reason the last value was rejected."""
        self._set_error(text)

    def _set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        self.line.setProperty("invalid", bool(text))
        self.line.setStyleSheet("border: 1px solid #c62828;" if text else "")


def _message_label(parent: QWidget, name: str, style: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label
