"""Conflicts and held entries: decide each conflict field by field, release or discard held ones.

A conflict shows the office's current entry beside the township's incoming one. For every
field that differs, the clerk keeps the office value, takes the township value or types a new
one. The decisions are applied together, and each one is logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.conflicts import FieldChoice, FieldDecision
from meili_desktop.domain.merge_records import CONTENT_FIELDS, same_field
from meili_desktop.messages.merge_labels import (
    FIELD_LABELS,
    KIND_LABELS,
    REASON_LABELS,
    STATUS_LABELS,
    label,
)
from meili_desktop.services import conflicts
from meili_desktop.services.review import current_actor
from meili_desktop.store import ledger_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.ledger_repo import LedgerEntry
from meili_desktop.store.merge_items_repo import MergeItemRecord
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.office_jobs import JobRunner
from meili_desktop.ui.office.page_loading import PageLoader
from meili_desktop.ui.period_names import period_name

PAGE_TITLE = QT_TRANSLATE_NOOP("OfficePages", "Conflicts")
UNIT, TASK, PERIOD, KIND, REASON = range(5)
CHOOSE = QT_TRANSLATE_NOOP("ConflictsPage", "Choose...")
KEEP_OFFICE = QT_TRANSLATE_NOOP("ConflictsPage", "Keep office value")
TAKE_TOWNSHIP = QT_TRANSLATE_NOOP("ConflictsPage", "Take township value")
EDIT = QT_TRANSLATE_NOOP("ConflictsPage", "Edit")
SAME = QT_TRANSLATE_NOOP("ConflictsPage", "Same on both sides")
# Items the list shows at once. A flood of held entries would otherwise take the GUI thread
# tens of seconds to list; the page buttons step through the rest.
PAGE_SIZE = 200
# The widest the unit column grows, in CJK characters: a town's name such as "临平区塘栖镇".
UNIT_COLUMN_MAX_CHARACTERS = 6


@dataclass(frozen=True)
class ItemsPage:
    """One page of open items, with the packages they came in and the units' names."""

    total: int
    offset: int
    items: list[MergeItemRecord]
    packages: dict[str, LedgerEntry | None]
    names: dict[str, str]


def read_items_page(store: Store, kind: str | None, offset: int) -> ItemsPage:
    """Read the page of open items at ``offset``, moved back to the last page if past it."""
    total = conflicts.count_items(store, kind=kind)
    last_page = max(0, (total - 1) // PAGE_SIZE * PAGE_SIZE)
    offset = min(offset, last_page)
    items = conflicts.list_items(store, kind=kind, limit=PAGE_SIZE, offset=offset)
    # Each unit and package is read once, however many of the items name it.
    with store.session_factory() as session:
        packages = {package_id: ledger_repo.get_ledger_entry(session, package_id)
                    for package_id in {item.package_id for item in items}}
        unit_ids = {item.key.unit_id for item in items}
        unit_ids |= {package.sender_unit_id for package in packages.values()
                     if package is not None}
        names = {}
        for unit_id in unit_ids:
            unit = units_repo.get_unit(session, unit_id)
            names[unit_id] = unit.name if unit is not None else unit_id
    return ItemsPage(total, offset, items, packages, names)


def field_text(name: str, record: dict[str, Any] | None) -> str:
    """Return one field of an entry record as the side-by-side view shows it."""
    if record is None:
        return "—"
    value = record.get(name)
    if name == "status":
        return label(STATUS_LABELS, value)
    if name == "attachments":
        names = [str(item.get("name", "")) for item in value or []]
        return "、".join(names) if names else "—"
    return "—" if value in (None, "") else str(value)


class FieldRow:
    """The widgets of one field in the side-by-side view."""

    def __init__(self, page: QWidget, name: str, office: str, township: str,
                 differs: bool) -> None:
        self.name = name
        self.differs = differs
        self.office = QLabel(office, page)
        self.township = QLabel(township, page)
        for widget in (self.office, self.township):
            widget.setWordWrap(True)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = QComboBox(page)
        self.choice.setObjectName(f"choice_{name}")
        self.edit = QLineEdit(page)
        self.edit.setObjectName(f"edit_{name}")
        self.edit.setEnabled(False)
        if differs:
            self.township.setStyleSheet("background: #fff2cc;")
            choices = [(CHOOSE, None), (KEEP_OFFICE, FieldChoice.OFFICE.value),
                       (TAKE_TOWNSHIP, FieldChoice.TOWNSHIP.value)]
            if name not in ("attachments", "status"):
                choices.append((EDIT, FieldChoice.EDIT.value))
        else:
            choices = [(SAME, None)]
            self.choice.setEnabled(False)
        for text, data in choices:
            self.choice.addItem(QCoreApplication.translate("ConflictsPage", text), data)
        self.choice.currentIndexChanged.connect(self._on_choice)

    def _on_choice(self) -> None:
        self.edit.setEnabled(self.choice.currentData() == FieldChoice.EDIT.value)

    def decision(self) -> FieldDecision | None:
        choice = self.choice.currentData()
        if choice is None:
            return None
        value = self.edit.text() if choice == FieldChoice.EDIT.value else None
        return FieldDecision(self.name, FieldChoice(choice), value)


class ConflictsPage(QWidget):
    """Open merge items on the left, the selected item side by side on the right."""

    def __init__(self, store: Store, window: Any = None) -> None:
        super().__init__(window)
        self.setObjectName("conflictsPage")
        self.store = store
        self.jobs = JobRunner(self)
        self.items: list[MergeItemRecord] = []
        self.field_rows: list[FieldRow] = []
        self.current: MergeItemRecord | None = None
        self.total = 0
        self.offset = 0
        self._packages: dict[str, LedgerEntry | None] = {}
        self._names: dict[str, str] = {}

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("itemKindFilter")
        self.kind_filter.addItem(self.tr("Conflicts and held entries"), None)
        self.kind_filter.addItem(label(KIND_LABELS, "conflict"), "conflict")
        self.kind_filter.addItem(label(KIND_LABELS, "held"), "held")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("itemsPageLabel")
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.previous_button.setObjectName("previousItems")
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setObjectName("nextItems")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("itemsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Task"),
                                              self.tr("Period"), self.tr("Kind"),
                                              self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for column in (TASK, PERIOD, KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.title = QLabel(self.tr("Choose an item on the left."), self)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.apply_button = QPushButton(self.tr("Apply decisions"), self)
        self.apply_button.setObjectName("applyDecisions")
        self.keep_button = QPushButton(self.tr("Keep office entry"), self)
        self.keep_button.setObjectName("keepOffice")
        self.release_button = QPushButton(self.tr("Apply held entry"), self)
        self.release_button.setObjectName("releaseHeld")
        self.discard_button = QPushButton(self.tr("Discard held entry"), self)
        self.discard_button.setObjectName("discardHeld")
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state, controls=(
            self.table, self.grid_host, self.apply_button, self.keep_button,
            self.release_button, self.discard_button))
        self.loader.failed.connect(self._forget_items)
        self._lay_out(scroll)

        self.kind_filter.currentIndexChanged.connect(self.show_first_page)
        self.refresh_button.clicked.connect(self.reload)
        self.previous_button.clicked.connect(lambda: self.show_page(self.offset - PAGE_SIZE))
        self.next_button.clicked.connect(lambda: self.show_page(self.offset + PAGE_SIZE))
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.apply_button.clicked.connect(self.apply_decisions)
        self.keep_button.clicked.connect(self.discard_current)
        self.discard_button.clicked.connect(self.discard_current)
        self.release_button.clicked.connect(self.release_current)
        self.reload()

    def _lay_out(self, scroll: QScrollArea) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        bar = QHBoxLayout()
        bar.addWidget(self.kind_filter, 1)
        bar.addWidget(self.refresh_button)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        pages = QHBoxLayout()
        pages.addWidget(self.page_label, 1)
        pages.addWidget(self.previous_button)
        pages.addWidget(self.next_button)
        left_layout.addLayout(pages)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.apply_button, self.keep_button, self.release_button,
                       self.discard_button):
            buttons.addWidget(button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 780])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_first_page(self) -> None:
        """Show the first page of the items of the chosen kind."""
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        """Show the page of items that starts at ``offset`` (clamped to the pages there are)."""
        self.offset = max(0, offset)
        self.reload()

    def reload(self) -> None:
        """Read the current page of open items again in the background, then show its first."""
        store, kind, offset = self.store, self.kind_filter.currentData(), self.offset
        self.loader.load(f"open items from {offset}",
                         lambda: read_items_page(store, kind, offset), self._show_items)

    def _show_items(self, page: ItemsPage) -> None:
        self.total, self.offset, self.items = page.total, page.offset, page.items
        self._packages, self._names = page.packages, page.names
        self._show_page_bar()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = [self._names[item.key.unit_id], str(item.key.task_number),
                     item.key.period_code, label(KIND_LABELS, item.kind),
                     label(REASON_LABELS, item.reason)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self._fit_unit_column()
        if self.items:
            self.table.selectRow(0)
        self._show_selected()

    def _fit_unit_column(self) -> None:
        """Size the unit column to its names, but at most UNIT_COLUMN_MAX_CHARACTERS wide.

        A long unit name would otherwise push the kind column out of the narrow list; the
        full name stays in the cell's tooltip.
        """
        self.table.resizeColumnToContents(UNIT)
        limit = self.table.fontMetrics().horizontalAdvance("镇" * UNIT_COLUMN_MAX_CHARACTERS)
        if self.table.columnWidth(UNIT) > limit:
            self.table.setColumnWidth(UNIT, limit)

    def _forget_items(self) -> None:
        """Empty the list after a failed load, so no button acts on an item no longer shown."""
        self.items = []
        self.table.setRowCount(0)
        self._show_selected()
        self.title.setText("")

    def _show_page_bar(self) -> None:
        has_pages = self.total > PAGE_SIZE
        for widget in (self.page_label, self.previous_button, self.next_button):
            widget.setVisible(has_pages)
        self.page_label.setText(self.tr("Items {first} to {last} of {total}").format(
            first=self.offset + 1, last=self.offset + len(self.items), total=self.total))
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(self.offset + PAGE_SIZE < self.total)

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.current = self.items[rows[0].row()] if rows else None
        self._clear_grid()
        item = self.current
        is_conflict = item is not None and item.kind == "conflict"
        for button in (self.apply_button, self.keep_button):
            button.setVisible(is_conflict)
        for button in (self.release_button, self.discard_button):
            button.setVisible(item is not None and not is_conflict)
        if item is None:
            self.title.setText(self.tr("No open conflicts or held entries."))
            self.title.setToolTip("")
            return
        title = self.tr("{unit} · task {task} · {period} · {kind}: {reason}").format(
            unit=self._names.get(item.key.unit_id, item.key.unit_id),
            task=item.key.task_number, period=item.key.period_code,
            kind=label(KIND_LABELS, item.kind), reason=label(REASON_LABELS, item.reason))
        title += "\n" + self._package_text(item.package_id)
        self.title.setToolTip(self.tr("Package ID: {package}").format(package=item.package_id))
        if is_conflict:
            title += "\n" + self._laptop_text(item)
        self.title.setText(title)
        self._fill_grid(item)

    def _package_text(self, package_id: str) -> str:
        """Return the file the item came in, its sender and periods, as the clerk saw them."""
        package = self._packages.get(package_id)
        if package is None:
            return self.tr("From package {package}").format(package=package_id)
        return self.tr("From {file}, sent by {sender} for {periods}").format(
            file=package.file_name or package_id,
            sender=self._names.get(package.sender_unit_id, package.sender_unit_id),
            periods="、".join(period_name(code) for code in package.periods) or "—")

    def _laptop_text(self, item: MergeItemRecord) -> str:
        """Return which laptop wrote each side, to distinguish two laptops of one township."""
        incoming = self.tr("Township: laptop key {key}, revision {revision}.").format(
            key=item.incoming_fingerprint or self.tr("unknown"),
            revision=item.incoming.get("revision", "—"))
        current = item.current or {}
        if item.current_fingerprint:
            office = self.tr("Office: from laptop key {key}, revision {revision}.").format(
                key=item.current_fingerprint, revision=current.get("revision", "—"))
        else:
            office = self.tr("Office: decided by the office or from an unrecorded laptop, "
                             "revision {revision}.").format(
                revision=current.get("revision", "—"))
        return f"{office}\n{incoming}"

    def _fill_grid(self, item: MergeItemRecord) -> None:
        headers = [self.tr("Field"), self.tr("Office (now)"), self.tr("Township (incoming)")]
        if item.kind == "conflict":
            headers += [self.tr("Decision"), self.tr("New value")]
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(header, 0, column)
        current = dict(item.current) if item.current else None
        incoming = dict(item.incoming)
        for row, name in enumerate(CONTENT_FIELDS, start=1):
            office_value = None if current is None else current.get(name)
            differs = current is None or not same_field(
                name, _comparable(name, office_value), _comparable(name, incoming.get(name)))
            field = FieldRow(self.grid_host, name, field_text(name, current),
                             field_text(name, incoming), differs)
            if name not in ("attachments", "status"):
                field.edit.setText("" if incoming.get(name) is None else str(incoming[name]))
            self.grid.addWidget(QLabel(label(FIELD_LABELS, name), self.grid_host), row, 0)
            self.grid.addWidget(field.office, row, 1)
            self.grid.addWidget(field.township, row, 2)
            if item.kind == "conflict":
                self.grid.addWidget(field.choice, row, 3)
                self.grid.addWidget(field.edit, row, 4)
                field.edit.setVisible(differs)
                field.choice.currentIndexChanged.connect(self._update_apply)
            else:
                field.choice.hide()
                field.edit.hide()
            self.field_rows.append(field)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 2)
        self.grid.setColumnStretch(4, 2)
        self.grid.setRowStretch(len(CONTENT_FIELDS) + 1, 1)
        self._update_apply()

    def _clear_grid(self) -> None:
        while self.grid.count():
            self.grid.takeAt(0)
        # Hide before deleting, because deletion waits for the event loop. A widget still
        # shown until then sits at the top left over the new table, and a held item's
        # choice and edit boxes are never in the grid at all.
        for widget in self.grid_host.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            widget.hide()
            widget.deleteLater()
        self.field_rows = []

    def _update_apply(self) -> None:
        chosen = all(row.decision() is not None for row in self.field_rows if row.differs)
        self.apply_button.setEnabled(chosen)

    def decisions(self) -> list[FieldDecision]:
        """Return the decisions chosen for the differing fields."""
        return [decision for row in self.field_rows if row.differs
                and (decision := row.decision()) is not None]

    def apply_decisions(self) -> None:
        item = self.current
        if item is None:
            return
        decisions = self.decisions()
        self.jobs.start(f"resolve {item.id}",
                        lambda progress, cancel: conflicts.resolve(
                            self.store, item.id, decisions, current_actor()),
                        lambda _resolved: self.reload())

    def discard_current(self) -> None:
        item = self.current
        if item is None:
            return
        self.jobs.start(f"discard {item.id}",
                        lambda progress, cancel: conflicts.discard(self.store, item.id,
                                                                   current_actor()),
                        lambda _result: self.reload())

    def release_current(self) -> None:
        item = self.current
        if item is None:
            return
        self.jobs.start(f"release {item.id}",
                        lambda progress, cancel: conflicts.release(self.store, item.id,
                                                                   current_actor()),
                        lambda _result: self.reload())


def _comparable(name: str, value: Any) -> Any:
    if name == "attachments":
        return sorted(str(item.get("sha256", "")) for item in value or [])
    return value


def create_page(store: Store, window: Any) -> QWidget:
    """Build the conflicts page for the office window."""
    return ConflictsPage(store, window)
