"""Review: accept or return the entries of a period, and open, close or lock the period.

Returning needs a comment, which goes to the township in its next distribution package. The
verdict is recorded against the revision the clerk looked at, so an entry that changed
meanwhile is not judged unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.periods import PeriodState
from meili_desktop.messages.merge_labels import (
    PERIOD_STATE_LABELS,
    REVIEW_LABELS,
    STATUS_LABELS,
    label,
)
from meili_desktop.services import review
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import load_entry
from meili_desktop.services.evidence_export import EvidenceExport, export_evidence
from meili_desktop.services.office_corrections import correct_entry
from meili_desktop.services.review import current_actor
from meili_desktop.store.datafolder import Store
from meili_desktop.store.review_repo import ReviewRow
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.correction_dialog import CorrectionDialog
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.page_choices import county_choices, opening_choice, refill
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.office.rows_model import MEASURED_ROWS, RowsModel, TextRow
from meili_desktop.ui.period_names import period_name

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Review")
REVIEW_COLOURS = {"accepted": "#e2f0d9", "returned": "#fde2e1"}


def value_text(row: ReviewRow, units: dict[int, str]) -> str:
    """Return the value with its unit: "93.8%", "14 公里".

    ``units`` contains the unit of each task not measured in percent.
    """
    if not row.value:
        return ""
    unit = units.get(row.key.task_number, "%")
    return f"{row.value}%" if unit == "%" else f"{row.value} {unit}".strip()


def text_row(row: ReviewRow, units: dict[int, str]) -> TextRow:
    """Return the cells of one entry as the list shows them, also on a pool thread."""
    review_text = label(REVIEW_LABELS, row.review_state)
    if row.has_open_item:
        review_text = QCoreApplication.translate("ReviewPage", "{state}, open conflict").format(
            state=review_text)
    cells = (row.unit_name, f"{row.key.task_number} {row.task_title}",
             label(STATUS_LABELS, row.status), value_text(row, units),
             str(row.revision), review_text, row.last_comment)
    return TextRow(cells, REVIEW_COLOURS.get(row.review_state))


def read_review_rows(store: Store, period: str, county_id: str | None,
                     review_state: str | None,
                     units: dict[int, str]) -> tuple[list[ReviewRow], list[TextRow]]:
    """Read the entries a review list shows and format their cells, off the GUI thread."""
    rows = review.list_for_review(store, period, county_id=county_id,
                                  review_state=review_state)
    return rows, [text_row(row, units) for row in rows]


@dataclass(frozen=True)
class ReviewChoices:
    """The catalogue's tasks, the counties, and the periods with their states."""

    tasks: dict[int, Task]
    counties: list[tuple[str, str]]
    period_states: dict[str, PeriodState]
    opening: str | None


def read_review_choices(store: Store) -> ReviewChoices:
    """Read the review page's choices, off the GUI thread."""
    period_states = dict(review.list_periods(store))
    return ReviewChoices({task.number: task for task in active_catalogue(store).tasks},
                         county_choices(store), period_states,
                         opening_choice(list(period_states), review.period_to_open(store)))


class ReviewPage(QWidget):
    """The period's entries with their review state; a comment box and the verdict buttons."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("reviewPage")
        self.store = store
        self.jobs = JobRunner(self)
        self.rows: list[ReviewRow] = []
        self._tasks: dict[int, Task] = {}
        self._units: dict[int, str] = {}
        self._period_states: dict[str, PeriodState] = {}
        self.has_choices = False

        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("reviewPeriod")
        self.county_combo = QComboBox(self)
        self.county_combo.setObjectName("reviewCounty")
        self.county_combo.addItem(self.tr("All counties"), None)
        self.state_combo = QComboBox(self)
        self.state_combo.setObjectName("reviewState")
        self.state_combo.addItem(self.tr("All entries"), None)
        for state in ("pending", "returned", "accepted"):
            self.state_combo.addItem(label(REVIEW_LABELS, state), state)
        self.period_state = QLabel(self)
        self.period_state.setObjectName("periodState")
        self.open_button = QPushButton(self.tr("Open period"), self)
        self.open_button.setObjectName("openPeriod")
        self.close_button = QPushButton(self.tr("Close for review"), self)
        self.close_button.setObjectName("closePeriod")
        self.lock_button = QPushButton(self.tr("Lock period"), self)
        self.lock_button.setObjectName("lockPeriod")
        self.model = RowsModel([
            self.tr("Township"), self.tr("Task"), self.tr("Status"), self.tr("Actual value"),
            self.tr("Revision"), self.tr("Review"), self.tr("Latest comment")], self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.empty_state = EmptyStateLabel(self.table)
        self.narrative = QLabel(self)
        self.narrative.setObjectName("reviewNarrative")
        self.narrative.setWordWrap(True)
        self.narrative.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr(
            "Comment for the township: what is wrong and what to send again. Required to "
            "return an entry."))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptEntry")
        self.return_button = QPushButton(self.tr("Return with comment"), self)
        self.return_button.setObjectName("returnEntry")
        self.correct_button = QPushButton(self.tr("Correct…"), self)
        self.correct_button.setObjectName("correctEntry")
        self.correct_button.setToolTip(self.tr(
            "Change the entry's values as the office, with a reason for the audit log"))
        self.evidence_button = QPushButton(self.tr("Export evidence…"), self)
        self.evidence_button.setObjectName("exportEvidence")
        self.evidence_button.setToolTip(self.tr(
            "Copy the evidence files of the chosen entry's township for this period into a "
            "folder"))
        self.loader = PageLoader(self, self.empty_state, controls=(
            self.table, self.accept_button, self.return_button, self.correct_button,
            self.evidence_button))
        self.loader.failed.connect(self._forget_rows)
        self._lay_out()

        for combo in (self.period_combo, self.county_combo, self.state_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.comment.textChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.correct_button.clicked.connect(self.correct_selected)
        self.evidence_button.clicked.connect(self.export_selected_evidence)
        self.open_button.clicked.connect(lambda: self.set_period_state(PeriodState.OPEN))
        self.close_button.clicked.connect(lambda: self.set_period_state(PeriodState.CLOSED))
        self.lock_button.clicked.connect(lambda: self.set_period_state(PeriodState.LOCKED))
        self.load_periods()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for text, widget in ((self.tr("Period"), self.period_combo),
                             (self.tr("County"), self.county_combo),
                             (self.tr("Show"), self.state_combo)):
            bar.addWidget(QLabel(text, self))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.period_state)
        for button in (self.open_button, self.close_button, self.lock_button):
            bar.addWidget(button)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.narrative)
        detail_layout.addWidget(QLabel(self.tr("Comment for the township"), self))
        detail_layout.addWidget(self.comment, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.evidence_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.return_button)
        detail_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([520, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def load_periods(self) -> None:
        """Read the periods, counties and tasks again in the background, then the entries.

        The chosen period and county stay chosen while they exist. The page opens on the
        current open period, else the latest period with entries.
        """
        store = self.store
        self.loader.load("review choices", lambda: read_review_choices(store),
                         self._show_choices)

    def _show_choices(self, choices: ReviewChoices) -> None:
        self._tasks = choices.tasks
        self._units = {number: task.unit for number, task in choices.tasks.items()
                       if task.measure is not MeasureType.PERCENT}
        self._period_states = choices.period_states
        chosen = self.period_combo.currentData() or choices.opening
        refill(self.period_combo, [(period_name(code), code) for code in self._period_states],
               chosen)
        refill(self.county_combo, choices.counties, self.county_combo.currentData(), fixed=1)
        self.has_choices = True
        self.reload()

    def reload(self) -> None:
        """Show the entries of the chosen period, county and review state.

        The entries are read in the background.
        """
        if not self.has_choices:
            return
        period = self.period_combo.currentData()
        state = self._period_states.get(period) if period else None
        self.period_state.setText(self.tr("State: {state}").format(
            state=label(PERIOD_STATE_LABELS, state.value if state else None)))
        self.open_button.setEnabled(state is not None and state is not PeriodState.OPEN)
        self.close_button.setEnabled(state is PeriodState.OPEN)
        self.lock_button.setEnabled(state is not None and state is not PeriodState.LOCKED)
        if period is None:
            self.loader.cancel()
            self._show_rows(None, [], [])
            return
        store, county_id, units = self.store, self.county_combo.currentData(), self._units
        review_state = self.state_combo.currentData()
        self.loader.load(f"review list {period}",
                         lambda: read_review_rows(store, period, county_id, review_state, units),
                         lambda result: self._show_rows(period, *result))

    def _show_rows(self, period: str | None, rows: list[ReviewRow],
                   texts: list[TextRow]) -> None:
        """Show ``rows``. The entry chosen before stays chosen if it is still listed."""
        chosen = self.selected()
        self.rows = rows
        self.model.set_rows(texts)
        if chosen is not None:
            for index, row in enumerate(rows):
                if row.key == chosen.key:
                    self.table.selectRow(index)
                    break
        self._update_empty_state(period)
        self._show_selected()

    def _forget_rows(self) -> None:
        """Empty the list after a failed load, so no button acts on the previous filters."""
        self.rows = []
        self.model.set_rows([])
        self._update_buttons()

    def _update_empty_state(self, period: str | None) -> None:
        if self.rows:
            self.empty_state.clear_message()
        elif period is None:
            self.empty_state.show_message(self.tr("No reporting periods are set up."))
        elif self.county_combo.currentData() is None and self.state_combo.currentData() is None:
            self.empty_state.show_message(
                self.tr("No township has reported for {period} yet.").format(
                    period=period_name(period)),
                self.tr("Entries appear here once the townships' report packages are merged "
                        "on the Inbox page. Choose another period to review earlier entries."))
        else:
            self.empty_state.show_message(
                self.tr("No entry matches the chosen county and review state."),
                self.tr("Choose \"All counties\" and \"All entries\" to see every entry of "
                        "{period}.").format(period=period_name(period)))

    def selected(self) -> ReviewRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.rows[indexes[0].row()] if indexes else None

    def _show_selected(self) -> None:
        row = self.selected()
        if row is None:
            self.narrative.setText(self.tr("Choose an entry to review."))
        else:
            note = self.tr(" (an open conflict or held entry waits on the Conflicts page)") \
                if row.has_open_item else ""
            self.narrative.setText(self.tr("{unit}, task {task}: {narrative}{note}").format(
                unit=row.unit_name, task=row.key.task_number,
                narrative=row.narrative or self.tr("no narrative"), note=note))
        self._update_buttons()

    def _update_buttons(self) -> None:
        # The loader disables the buttons while the list loads. Typing a comment must not
        # enable them for a row of the previous filters.
        row = None if self.loader.is_loading else self.selected()
        state = self._period_states.get(self.period_combo.currentData())
        can_review = (row is not None and not row.has_open_item
                      and state is not PeriodState.LOCKED)
        self.accept_button.setEnabled(can_review)
        self.return_button.setEnabled(can_review and bool(self.comment.toPlainText().strip()))
        self.correct_button.setEnabled(can_review and row is not None
                                       and row.key.task_number in self._tasks)
        self.evidence_button.setEnabled(row is not None)

    def accept_selected(self) -> None:
        self._decide(accept=True)

    def return_selected(self) -> None:
        self._decide(accept=False)

    def _decide(self, *, accept: bool) -> None:
        row = self.selected()
        if row is None:
            return
        comment = self.comment.toPlainText()
        key, revision = row.key, row.revision

        def job(progress: Any, cancel: Any) -> None:
            if accept:
                review.accept_entry(self.store, key, actor=current_actor(), comment=comment,
                                    expected_revision=revision)
            else:
                review.return_entry(self.store, key, actor=current_actor(), comment=comment,
                                    expected_revision=revision)

        self.accept_button.setEnabled(False)
        self.return_button.setEnabled(False)
        self.jobs.start(f"review {key}", job, lambda _result: self._after_decision(),
                        on_failure=self._on_failed)

    def correct_selected(self) -> None:
        """Open the correction dialog on the chosen entry and save it as a job."""
        row = self.selected()
        if row is None:
            return
        entry = load_entry(self.store, row.key)
        if entry is None:
            self.reload()
            return
        dialog = CorrectionDialog(row.unit_name, self._tasks[row.key.task_number], entry, self)
        if dialog.exec() != CorrectionDialog.DialogCode.Accepted:
            return
        changes, reason, key = dialog.changes(), dialog.reason(), row.key
        self.correct_button.setEnabled(False)
        self.jobs.start(f"correct {key}",
                        lambda progress, cancel: correct_entry(
                            self.store, key, changes, reason=reason, actor=current_actor(),
                            expected=entry),
                        lambda _result: self.reload(), on_failure=self._on_failed)

    def export_selected_evidence(self) -> None:
        """Copy the evidence of the chosen entry's township and period into a folder."""
        row = self.selected()
        if row is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the evidence of {unit}").format(unit=row.unit_name))
        if not folder:
            return
        unit_id, period = row.key.unit_id, row.key.period_code
        self.evidence_button.setEnabled(False)
        self.jobs.start(f"evidence {unit_id} {period}",
                        lambda progress, cancel: export_evidence(
                            self.store, unit_id, period, Path(folder), progress, cancel),
                        self._after_evidence_export,
                        title=self.tr("Exporting the evidence of {unit}…").format(
                            unit=row.unit_name),
                        on_failure=self._on_failed, on_cancel=self._update_buttons,
                        read_only=True)

    def _after_evidence_export(self, result: EvidenceExport) -> None:
        self._update_buttons()
        QMessageBox.information(
            self, self.tr("Export evidence"),
            self.tr("{count} evidence files were written to {folder}.").format(
                count=len(result.files), folder=result.folder))

    def _on_failed(self, error: BaseException) -> None:
        self.jobs.show_failure(error)
        self.reload()

    def _after_decision(self) -> None:
        self.comment.clear()
        self.reload()

    def set_period_state(self, state: PeriodState) -> None:
        """Change the chosen period's state after the clerk confirms."""
        period = self.period_combo.currentData()
        if period is None or not self.confirm_period_change(period, state):
            return
        self.jobs.start(f"period {period} {state.value}",
                        lambda progress, cancel: review.set_period_state(
                            self.store, period, state, actor=current_actor()),
                        lambda _previous: self.load_periods())

    def confirm_period_change(self, period: str, state: PeriodState) -> bool:
        texts = {
            PeriodState.OPEN: self.tr("Open {period}? Townships' packages will be merged "
                                      "into it again."),
            PeriodState.CLOSED: self.tr("Close {period} for review? Only returned entries "
                                        "can then be resubmitted; other changes are held."),
            PeriodState.LOCKED: self.tr("Lock {period}? No entry of it can change any more; "
                                        "incoming changes are held."),
        }
        answer = QMessageBox.question(self, self.tr("Period"), texts[state].format(period=period))
        return answer == QMessageBox.StandardButton.Yes


def create_page(store: Store, window: Any) -> QWidget:
    """Build the review page for the office window."""
    return ReviewPage(store, window)
