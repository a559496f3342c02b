"""The completeness board: for a period, who reported, who is late, returned or resubmitted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.services import completeness, review
from meili_desktop.services.audit import local_time
from meili_desktop.services.completeness import BoardRow, BoardStatus, CompletenessBoard
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.page_choices import county_choices, opening_choice, refill
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.office.rows_model import MEASURED_ROWS, RowsModel, TextRow
from meili_desktop.ui.period_names import period_name

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Completeness")

STATUS_LABELS = {
    BoardStatus.RETURNED: QT_TRANSLATE_NOOP("CompletenessPage", "Returned"),
    BoardStatus.OVERDUE: QT_TRANSLATE_NOOP("CompletenessPage", "Overdue"),
    BoardStatus.MISSING: QT_TRANSLATE_NOOP("CompletenessPage", "Not yet reported"),
    BoardStatus.RESUBMITTED: QT_TRANSLATE_NOOP("CompletenessPage", "Resubmitted"),
    BoardStatus.LATE: QT_TRANSLATE_NOOP("CompletenessPage", "Reported late"),
    BoardStatus.REPORTED: QT_TRANSLATE_NOOP("CompletenessPage", "Reported"),
}
STATUS_COLOURS = {
    BoardStatus.RETURNED: "#fde2e1", BoardStatus.OVERDUE: "#fbe5d6",
    BoardStatus.MISSING: "#ffffff", BoardStatus.RESUBMITTED: "#deebf7",
    BoardStatus.LATE: "#fff2cc", BoardStatus.REPORTED: "#e2f0d9",
}
TIME_FORMAT = "%Y-%m-%d %H:%M"


def status_label(status: BoardStatus) -> str:
    return QCoreApplication.translate("CompletenessPage", STATUS_LABELS[status])


def board_row(row: BoardRow) -> TextRow:
    """Return one township's cells, coloured by its status, with numbers sorting as numbers."""
    facts = row.facts
    values: tuple[str | int, ...] = (
        row.unit.county_name, row.unit.name, status_label(row.status), facts.package_count,
        _time(facts.first_received_at), _time(facts.last_received_at), facts.entry_count,
        facts.accepted_count, facts.returned_count, facts.resubmitted_count,
        facts.open_item_count)
    return TextRow(tuple(str(value) for value in values), STATUS_COLOURS[row.status], values)


@dataclass(frozen=True)
class BoardChoices:
    """The periods and counties the board's lists offer, and the period it opens on."""

    periods: list[str]
    opening: str | None
    counties: list[tuple[str, str]]


def read_board_choices(store: Store) -> BoardChoices:
    """Read the board's choices, off the GUI thread."""
    periods = [code for code, _state in review.list_periods(store)]
    return BoardChoices(periods, opening_choice(periods, review.period_to_open(store)),
                        county_choices(store))


class CompletenessPage(QWidget):
    """One row per township: status, packages, first and last receipt and review counts."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("completenessPage")
        self.store = store
        self.has_choices = False
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("boardPeriod")
        self.county_combo = QComboBox(self)
        self.county_combo.setObjectName("boardCounty")
        self.county_combo.addItem(self.tr("All counties"), None)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.summary = QLabel(self)
        self.summary.setObjectName("boardSummary")
        self.summary.setWordWrap(True)
        self.model = RowsModel([
            self.tr("County"), self.tr("Township"), self.tr("Status"), self.tr("Packages"),
            self.tr("First received"), self.tr("Last received"), self.tr("Entries"),
            self.tr("Accepted"), self.tr("Returned"), self.tr("Resubmitted"),
            self.tr("Open items")], self)
        self.table = QTableView(self)
        self.table.setObjectName("boardTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(MEASURED_ROWS)
        # Every column fits its text; a stretched township column was squeezed to a few
        # letters by the English headers in a 1024-pixel window.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state, controls=(self.table,))

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Period"), self))
        bar.addWidget(self.period_combo)
        bar.addWidget(QLabel(self.tr("County"), self))
        bar.addWidget(self.county_combo)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self.period_combo.currentIndexChanged.connect(self.reload)
        self.county_combo.currentIndexChanged.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        self.rows: list[BoardRow] = []
        self.loader.load("completeness choices", lambda: read_board_choices(store),
                         self._show_choices)

    def _show_choices(self, choices: BoardChoices) -> None:
        # The board opens on the current open period, else the latest one with entries.
        refill(self.period_combo, [(period_name(code), code) for code in choices.periods],
               choices.opening)
        refill(self.county_combo, choices.counties, None, fixed=1)
        self.has_choices = True
        self.reload()

    def reload(self) -> None:
        """Build the board of the chosen period and county again, in the background."""
        if not self.has_choices:
            return
        period = self.period_combo.currentData()
        if period is None:
            self.loader.cancel()
            self.summary.setText(self.tr("No reporting periods are set up."))
            self.empty_state.show_message(self.tr("No reporting periods are set up."))
            return
        store, county_id = self.store, self.county_combo.currentData()
        self.summary.setText("")
        self.loader.load(f"completeness board {period}",
                         lambda: completeness.board(store, period, county_id=county_id),
                         self._show_board)

    def _show_board(self, board: CompletenessBoard) -> None:
        self.rows = list(board.rows)

        counts = "  ·  ".join(f"{status_label(status)} {board.counts[status.value]}"
                              for status in BoardStatus)
        if board.due_date is None:
            due = self.tr("No due date is set for this period.")
        else:
            due = self.tr("Due date {due}.").format(due=board.due_date.isoformat())
        self.summary.setText(f"{due} {counts}")

        self.model.set_rows([board_row(row) for row in self.rows])
        if self.rows:
            self.empty_state.clear_message()
        else:
            self.empty_state.show_message(
                self.tr("{county} has no towns expected to report.").format(
                    county=self.county_combo.currentText()),
                self.tr("Choose \"All counties\", or import the programme's towns with the "
                        "command \"meili-desktop units import FILE.xlsx\"."))


def _time(moment: Any) -> str:
    return local_time(moment).strftime(TIME_FORMAT) if moment is not None else ""


def create_page(store: Store, window: Any) -> QWidget:
    """Build the completeness page for the office window."""
    return CompletenessPage(store, window)
