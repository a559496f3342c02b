"""The form of one task's entry: status, value, narrative, contact, evidence and reference.

There is no save button. The status is saved when it is picked, a line when the clerk
leaves it or presses Enter, and the narrative shortly after typing pauses and when it
loses focus. Each save is its own transaction, so a killed process loses at most the
field being typed.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.domain.validation import Field, FindingKind
from meili_desktop.domain.values import NUMERIC_MEASURES
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.entries import status_label
from meili_desktop.services import entries
from meili_desktop.services.entries import SaveResult
from meili_desktop.ui.township.evidence import EvidenceWidget
from meili_desktop.ui.township.marks import local_time_text
from meili_desktop.ui.township.reference import ReferencePanel
from meili_desktop.ui.township.state import TownshipState
from meili_desktop.ui.township.value_editor import ERROR_STYLE, ValueEditor

logger = logging.getLogger(__name__)

# The narrative is saved this long after the last keystroke.
NARRATIVE_SAVE_DELAY_MS = 800


class EntryFormWidget(QWidget):
    """Edits the selected task's entry and saves each change at once.

    Signals:
        attach_requested(int, list): task number and files to attach (``Path`` objects).
        history_requested(int): the clerk asked for the task's change history.
        evidence_open_requested(int, str, str): task number, SHA-256 and display name.
        evidence_export_requested(int): task number whose evidence to copy into a folder.
        message(str): a short note for the status bar.
    """

    attach_requested = Signal(int, list)
    history_requested = Signal(int)
    evidence_open_requested = Signal(int, str, str)
    evidence_export_requested = Signal(int)
    message = Signal(str)

    def __init__(self, state: TownshipState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryForm")
        self.state = state
        self.number: int | None = None
        self._is_saving = False
        # Text of each free-text field as last shown or saved; a field differs from it
        # only while the clerk is editing it.
        self._last_text: dict[str, str] = {}
        self._narrative_timer = QTimer(self)
        self._narrative_timer.setSingleShot(True)
        self._narrative_timer.setInterval(NARRATIVE_SAVE_DELAY_MS)
        self._narrative_timer.timeout.connect(self._save_narrative)
        self._build()
        self._connect()
        state.entries_changed.connect(self._on_entries_changed)
        state.period_changed.connect(lambda _code: self._reshow())
        self.setEnabled(False)

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("taskTitle")
        self.title_label.setWordWrap(True)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.returned_banner = QLabel(self)
        self.returned_banner.setObjectName("returnedBanner")
        self.returned_banner.setWordWrap(True)
        self.returned_banner.setStyleSheet(
            "background: #fdecea; color: #8e1c1c; border: 1px solid #e57373; "
            "border-radius: 4px; padding: 8px; font-weight: bold;")
        self.returned_banner.hide()

        self.locked_banner = QLabel(self.tr(
            "The office has locked this reporting period. Its entries can be read but not "
            "changed."), self)
        self.locked_banner.setObjectName("lockedBanner")
        self.locked_banner.setWordWrap(True)
        self.locked_banner.setStyleSheet(
            "background: #eef1f5; color: #37474f; border: 1px solid #b0bec5; "
            "border-radius: 4px; padding: 8px;")
        self.locked_banner.hide()

        self.closed_banner = QLabel(self.tr(
            "The office has closed this reporting period for review. Only the tasks it "
            "returned for correction can be changed, so this task can be read but not "
            "changed."), self)
        self.closed_banner.setObjectName("closedBanner")
        self.closed_banner.setWordWrap(True)
        self.closed_banner.setStyleSheet(self.locked_banner.styleSheet())
        self.closed_banner.hide()

        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.hide()

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        for status in Status:
            self.status_combo.addItem(status_label(status), status.value)
        self.value_editor = ValueEditor(self)
        self.narrative_edit = QPlainTextEdit(self)
        self.narrative_edit.setObjectName("narrativeEdit")
        self.narrative_edit.setPlaceholderText(self.tr(
            "What was done this period, and what remains"))
        lines = self.narrative_edit.fontMetrics().lineSpacing()
        self.narrative_edit.setFixedHeight(lines * 6 + 12)
        self.narrative_edit.setTabChangesFocus(True)
        self.person_edit = _line(self, "personEdit", entries.MAX_PERSON_CHARS)
        self.contact_edit = _line(self, "contactEdit", entries.MAX_CONTACT_CHARS)
        self.contact_edit.setPlaceholderText(self.tr("Phone number"))
        self.last_change_label = QLabel(self)
        self.last_change_label.setObjectName("lastChangeLabel")
        self.history_button = QPushButton(self.tr("History…"), self)
        self.history_button.setObjectName("historyButton")
        change_row = QHBoxLayout()
        change_row.addWidget(self.last_change_label, 1)
        change_row.addWidget(self.history_button)
        self.evidence = EvidenceWidget(self)

        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Status"), self.status_combo)
        self.form.addRow(self.tr("Actual value"), self.value_editor)
        self.form.addRow(self.tr("Narrative"), self.narrative_edit)
        self.form.addRow(self.tr("Responsible person"), self.person_edit)
        self.form.addRow(self.tr("Contact"), self.contact_edit)
        self.form.addRow(self.tr("Last change"), change_row)
        self.form.addRow(self.tr("Evidence"), self.evidence)

        self.reference = ReferencePanel(self)
        self.comments_box = QGroupBox(self.tr("Office review comments"), self)
        self.comments_box.setObjectName("commentsBox")
        self.comments_label = QLabel(self.comments_box)
        self.comments_label.setObjectName("reviewComments")
        self.comments_label.setWordWrap(True)
        self.comments_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.comments_box).addWidget(self.comments_label)
        self.comments_box.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.locked_banner)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.returned_banner)
        layout.addWidget(self.comments_box)
        layout.addWidget(self.form_error)
        layout.addLayout(self.form)
        layout.addWidget(self.reference)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.status_combo.activated.connect(self._save_status)
        self.value_editor.value_committed.connect(self._save_value)
        self.narrative_edit.textChanged.connect(self._narrative_typed)
        self.narrative_edit.installEventFilter(self)
        self.person_edit.editingFinished.connect(
            lambda: self._save_line("responsible_person", self.person_edit))
        self.contact_edit.editingFinished.connect(
            lambda: self._save_line("contact", self.contact_edit))
        self.history_button.clicked.connect(self._request_history)
        self.evidence.files_chosen.connect(self._request_attach)
        self.evidence.rename_requested.connect(self._rename_evidence)
        self.evidence.remove_requested.connect(self._remove_evidence)
        self.evidence.open_requested.connect(self._request_open)
        self.evidence.export_requested.connect(self._request_export)
        self.evidence.set_preview_source(self._stored_path)

    # --- showing -------------------------------------------------------------------------

    def show_task(self, number: int) -> None:
        """Save what is pending for the current task, then show task ``number``."""
        self.flush()
        self.number = number
        self.setEnabled(True)
        self._reshow()

    def _reshow(self) -> None:
        if self.number is None:
            return
        task = self.state.task(self.number)
        entry = self.state.entry(self.number)
        self.title_label.setText(self.tr("Task {number}: {title}").format(
            number=task.number, title=task.title))
        self._show_status(entry)
        self._show_value_row(task, entry)
        self._last_text = {
            "narrative": entry.narrative if entry else "",
            "responsible_person": entry.responsible_person if entry else "",
            "contact": entry.contact if entry else "",
        }
        self._set_text(self.narrative_edit, self._last_text["narrative"])
        self._set_text(self.person_edit, self._last_text["responsible_person"])
        self._set_text(self.contact_edit, self._last_text["contact"])
        self._show_meta(entry)
        self.reference.show_task(self.state.catalogue, task)
        self._set_form_error("")
        self._show_lock()

    def _show_lock(self) -> None:
        """Make the editors read-only while the period takes no changes to this task."""
        assert self.number is not None
        is_locked = self.state.is_locked()
        is_read_only = self.state.is_read_only(self.number)
        self.locked_banner.setVisible(is_locked)
        self.closed_banner.setVisible(is_read_only and not is_locked)
        for widget in (self.status_combo, self.value_editor, self.narrative_edit,
                       self.person_edit, self.contact_edit):
            widget.setEnabled(not is_read_only)
        self.evidence.set_read_only(is_read_only)

    def _show_status(self, entry: Entry | None) -> None:
        status = entry.status if entry is not None else Status.NOT_STARTED
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))

    def _show_value_row(self, task: Task, entry: Entry | None) -> None:
        takes_value = task.measure in NUMERIC_MEASURES
        self.form.setRowVisible(self.value_editor, takes_value)
        if not takes_value:
            return
        value = entry.value if entry is not None else None
        self.value_editor.show_task(task, value, self.state.targets.get(task.number))
        self.value_editor.show_warnings(self._value_warnings())

    def _value_warnings(self) -> list[Any]:
        assert self.number is not None
        return [finding for finding in self.state.findings_for(self.number)
                if finding.kind is FindingKind.SUSPICIOUS and finding.field is Field.VALUE]

    def _show_meta(self, entry: Entry | None) -> None:
        """Show what the clerk does not edit: last change, evidence, office comments."""
        assert self.number is not None
        if entry is None or entry.revision == 0:
            self.last_change_label.setText(self.tr("Not filled in yet"))
        else:
            self.last_change_label.setText(self.tr("{time} (revision {revision})").format(
                time=local_time_text(entry.updated_at), revision=entry.revision))
        self.history_button.setEnabled(entry is not None and entry.revision > 0)
        self.evidence.show_files(entry.attachments if entry is not None else ())
        self._show_comments()

    def _show_comments(self) -> None:
        assert self.number is not None
        comments = entries.review_comments(self.state.store, self.state.key(self.number))
        returned = [finding for finding in self.state.findings_for(self.number)
                    if finding.code == "check.returned_unrevised"]
        if returned:
            self.returned_banner.setText(self.tr(
                "Returned by the office. Revise this task before the next report: "
                "{comment}").format(comment=returned[0].details.get("comment", "")))
        self.returned_banner.setVisible(bool(returned))
        lines = [self.tr("{time}  {action}: {text}").format(
            time=local_time_text(comment.created_at), action=_action_label(comment.action),
            text=comment.text) for comment in comments]
        self.comments_label.setText("\n".join(lines))
        self.comments_box.setVisible(bool(comments))

    def focus_field(self, field: Field) -> None:
        """Put the keyboard focus on the editor of an entry field."""
        widgets = {
            Field.STATUS: self.status_combo, Field.VALUE: self.value_editor.line,
            Field.NARRATIVE: self.narrative_edit, Field.RESPONSIBLE_PERSON: self.person_edit,
            Field.CONTACT: self.contact_edit, Field.EVIDENCE: self.evidence.add_button,
        }
        widgets[field].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving --------------------------------------------------------------------------

    def flush(self) -> None:
        """Save every field whose text differs from the stored entry."""
        if self.number is None:
            return
        if self._narrative_timer.isActive():
            self._narrative_timer.stop()
            self._save_narrative()
        self._save_line("responsible_person", self.person_edit)
        self._save_line("contact", self.contact_edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.narrative_edit and event.type() == QEvent.Type.FocusOut:
            if self._narrative_timer.isActive():
                self._narrative_timer.stop()
                self._save_narrative()
        return super().eventFilter(watched, event)

    def _save(self, changes: dict[str, Any]) -> SaveResult | None:
        if self.number is None:
            return None
        self._is_saving = True
        try:
            result = self.state.save(self.number, changes)
        except MeiliError as error:
            logger.info("change to task %s rejected: %s", self.number, error)
            self._set_form_error(describe(error))
            return None
        finally:
            self._is_saving = False
        self._set_form_error("")
        if result.inferred_status is not None:
            self._show_status(result.entry)
            self.message.emit(self.tr(
                "Saved task {number}; its status is now {status} because a value was "
                "entered.").format(number=self.number,
                                   status=status_label(result.inferred_status)))
        elif result.is_changed:
            self.message.emit(self.tr("Saved task {number}").format(number=self.number))
        self._show_meta(result.entry)
        return result

    def _save_status(self, _index: int) -> None:
        self._save({"status": Status(self.status_combo.currentData())})

    def _save_value(self, value: Decimal | None) -> None:
        result = self._save({"value": value})
        if result is not None:
            self.value_editor.set_saved(result.entry.value,
                                        self.state.targets.get(result.entry.key.task_number))
            self.value_editor.show_warnings(list(result.warnings))
        else:
            # The reason belongs under the value field, not at the top of the form.
            self.value_editor.show_error(self.form_error.text())
            self._set_form_error("")

    def _narrative_typed(self) -> None:
        if not self.signalsBlocked() and not self.narrative_edit.signalsBlocked():
            self._narrative_timer.start()

    def _save_narrative(self) -> None:
        text = self.narrative_edit.toPlainText()
        if text != self._last_text.get("narrative", "") and self._save({"narrative": text}):
            self._last_text["narrative"] = text

    def _save_line(self, name: str, line: QLineEdit) -> None:
        text = line.text().strip()
        if text != self._last_text.get(name, "") and self._save({name: text}):
            self._last_text[name] = text

    def _on_entries_changed(self, numbers: list[int]) -> None:
        if self.number is None or (numbers and self.number not in numbers):
            return
        if self._is_saving:
            return
        # A change made elsewhere (undo, the grid, a finished attach job): save what the
        # clerk is typing first, so showing the stored entry does not overwrite it.
        self.flush()
        self._reshow()

    # --- evidence ------------------------------------------------------------------------

    def _request_attach(self, files: list[Path]) -> None:
        if self.number is not None:
            self.attach_requested.emit(self.number, files)

    def _request_open(self, sha256: str, name: str) -> None:
        if self.number is not None:
            self.evidence_open_requested.emit(self.number, sha256, name)

    def _request_export(self) -> None:
        if self.number is not None:
            self.evidence_export_requested.emit(self.number)

    def _request_history(self) -> None:
        if self.number is not None:
            self.history_requested.emit(self.number)

    def _rename_evidence(self, sha256: str, name: str) -> None:
        self._evidence_action(lambda: self.state.rename_evidence(self.number, sha256, name))

    def _remove_evidence(self, sha256: str) -> None:
        if self._evidence_action(lambda: self.state.remove_evidence(self.number, sha256)):
            self.message.emit(self.tr("Evidence removed. Use Undo to bring it back."))

    def _evidence_action(self, action: Any) -> bool:
        if self.number is None:
            return False
        self._is_saving = True
        try:
            result = action()
        except MeiliError as error:
            self._set_form_error(describe(error))
            return False
        finally:
            self._is_saving = False
        self._show_meta(result.entry)
        return True

    def _stored_path(self, sha256: str, name: str) -> Path | None:
        try:
            return entries.evidence_path(self.state.store, sha256, name)
        except MeiliError:
            return None

    def show_error(self, text: str) -> None:
        """Show why a change was not saved at the top of the form."""
        self._set_form_error(text)

    def _set_form_error(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.setVisible(bool(text))

    def _set_text(self, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
        widget.blockSignals(True)
        if isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != text:
                widget.setPlainText(text)
        else:
            widget.setText(text)
        widget.blockSignals(False)


def _line(parent: QWidget, name: str, max_length: int) -> QLineEdit:
    line = QLineEdit(parent)
    line.setObjectName(name)
    line.setMaxLength(max_length)
    return line


def _action_label(action: str) -> str:
    labels = {
        "return": QCoreApplication.translate("EntryFormWidget", "Returned"),
        "accept": QCoreApplication.translate("EntryFormWidget", "Accepted"),
        "note": QCoreApplication.translate("EntryFormWidget", "Note"),
    }
    return labels.get(action, action)
