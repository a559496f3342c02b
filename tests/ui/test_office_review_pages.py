"""Conflict resolution, review with a returned comment, the completeness board and audit view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meili_desktop.services import conflicts, merge
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.audit_page import AuditPage
from meili_desktop.ui.office.completeness_page import CompletenessPage
from meili_desktop.ui.office.conflicts_page import ConflictsPage
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.office.review_page import ReviewPage
from tests.services.merge_support import (
    COUNT_TASK,
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    make_package,
    open_office_store,
    stored_entry,
)
from tests.ui.page_helpers import wait_until_loaded

TIMEOUT_MS = 30000


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    return shown


def type_text(widget: QWidget, text: str) -> None:
    """Type text the way an input method commits it, which works for Chinese."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)


def show(qtbot: QtBot, widget: QWidget) -> QWidget:
    """Show a page at a readable size and wait until its data is in its widgets."""
    qtbot.addWidget(widget)
    widget.resize(1300, 720)
    widget.show()
    return wait_until_loaded(qtbot, widget)


def diverging_laptops(store: Store) -> None:
    merge.merge(store, make_package([entry_record(revision=3, value="70", narrative="一号机")],
                                    sequence=1))
    merge.merge(store, make_package([entry_record(revision=3, value="75", narrative="二号机")],
                                    sequence=2))


def test_conflict_resolved_field_by_field(qtbot: QtBot, office: Store) -> None:
    diverging_laptops(office)
    page = show(qtbot, ConflictsPage(office))
    assert isinstance(page, ConflictsPage)

    assert page.table.rowCount() == 1
    assert not page.apply_button.isEnabled()
    differing = {row.name: row for row in page.field_rows if row.differs}
    assert sorted(differing) == ["narrative", "value"]
    assert differing["value"].office.text() == "70"
    assert differing["value"].township.text() == "75"
    value_choice = differing["value"].choice
    value_choice.setCurrentIndex(value_choice.findData("township"))
    narrative_choice = differing["narrative"].choice
    narrative_choice.setCurrentIndex(narrative_choice.findData("edit"))
    differing["narrative"].edit.clear()
    type_text(differing["narrative"].edit, "两台电脑的说明已合并")
    assert page.apply_button.isEnabled()
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=TIMEOUT_MS)
    row = stored_entry(office)
    assert row is not None
    assert row.value == "75"
    assert row.narrative == "两台电脑的说明已合并"
    with office.session_factory() as session:
        decisions = session.scalars(select(models.AuditEvent).where(
            models.AuditEvent.action == "conflict.decision")).all()
    assert sorted(event.details["choice"] for event in decisions) == ["edit", "township"]


def test_held_entry_released_after_unlock(qtbot: QtBot, office: Store) -> None:
    from meili_desktop.domain.periods import PeriodState
    from meili_desktop.services import review

    review.set_period_state(office, PERIOD, PeriodState.LOCKED, actor="clerk")
    merge.merge(office, make_package([entry_record(value="42")]))
    page = show(qtbot, ConflictsPage(office))
    assert isinstance(page, ConflictsPage)
    assert page.release_button.isVisible()
    review.set_period_state(office, PERIOD, PeriodState.OPEN, actor="clerk")

    qtbot.mouseClick(page.release_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=TIMEOUT_MS)
    row = stored_entry(office)
    assert row is not None
    assert row.value == "42"


def test_return_needs_comment_then_reaches_township(qtbot: QtBot, office: Store) -> None:
    merge.merge(office, make_package([entry_record(), entry_record(task=COUNT_TASK,
                                                                   value="2")]))
    page = show(qtbot, ReviewPage(office))
    assert isinstance(page, ReviewPage)
    page.period_combo.setCurrentIndex(page.period_combo.findData(PERIOD))
    wait_until_loaded(qtbot, page)
    assert page.model.rowCount() == 2
    page.table.selectRow(0)
    assert page.accept_button.isEnabled()
    assert not page.return_button.isEnabled()

    type_text(page.comment, "请补充佐证材料")
    assert page.return_button.isEnabled()
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.rows and page.rows[0].review_state == "returned",
                    timeout=TIMEOUT_MS)
    assert page.rows[0].last_comment == "请补充佐证材料"
    assert page.comment.toPlainText() == ""
    from meili_desktop.services.review import pending_comments_for_unit

    with office.session_factory() as session:
        comments = pending_comments_for_unit(session, TOWN_A)
    assert [comment["text"] for comment in comments] == ["请补充佐证材料"]
    assert comments[0]["task_number"] == COUNT_TASK


def test_lock_period_from_review_page(qtbot: QtBot, office: Store) -> None:
    page = show(qtbot, ReviewPage(office))
    assert isinstance(page, ReviewPage)
    page.period_combo.setCurrentIndex(page.period_combo.findData(PERIOD))
    wait_until_loaded(qtbot, page)

    qtbot.mouseClick(page.lock_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not page.lock_button.isEnabled(), timeout=TIMEOUT_MS)
    with office.session_factory() as session:
        period = session.get(models.Period, PERIOD)
        assert period is not None
        assert period.state == "locked"


def test_board_lists_reported_and_returned(qtbot: QtBot, office: Store) -> None:
    merge.merge(office, make_package([entry_record()]))
    merge.merge(office, make_package([entry_record(unit=TOWN_B)], sender=TOWN_B))
    from meili_desktop.domain.entries import EntryKey
    from meili_desktop.services import review

    review.return_entry(office, EntryKey(TOWN_B, PERCENT_TASK, PERIOD), actor="clerk",
                        comment="请核实")
    page = show(qtbot, CompletenessPage(office))
    assert isinstance(page, CompletenessPage)
    page.period_combo.setCurrentIndex(page.period_combo.findData(PERIOD))
    page.county_combo.setCurrentIndex(page.county_combo.findData("330110"))
    wait_until_loaded(qtbot, page)

    statuses = {page.model.text(row, 1): page.model.text(row, 2)
                for row in range(page.model.rowCount())}
    # The test periods fell due in 2021, so a package merged today is late.
    assert statuses["五常街道"] == "Reported late"
    assert statuses["仁和街道"] == "Returned"


def test_audit_search_and_export(qtbot: QtBot, office: Store, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    diverging_laptops(office)
    item = conflicts.list_items(office)[0]
    conflicts.discard(office, item.id, actor="clerk", comment="保留办公室数据")
    page = show(qtbot, AuditPage(office))
    assert isinstance(page, AuditPage)
    total = page.model.rowCount()

    type_text(page.text_edit, "保留办公室")
    qtbot.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    wait_until_loaded(qtbot, page)
    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(page.xlsx_button, Qt.MouseButton.LeftButton)

    assert total >= 4
    assert page.model.rowCount() == 1
    qtbot.waitUntil(target.exists, timeout=TIMEOUT_MS)
    from openpyxl import load_workbook

    workbook = load_workbook(target, read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    workbook.close()
    assert len(rows) == 2


def test_preview_dialog_filter_and_cancel(qtbot: QtBot, office: Store) -> None:
    merge.merge(office, make_package([entry_record(value="10")], sequence=1))
    package = make_package([entry_record(revision=2, value="20"),
                            entry_record(task=COUNT_TASK, value="1"),
                            entry_record(task=99)], sequence=2)
    dialog = PreviewDialog(office, package, merge.preview(office, package), "五常街道")
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.filter.setCurrentIndex(dialog.filter.findData("held"))
    visible = [row for row in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(row)]
    assert len(visible) == 1
    assert dialog.table.item(visible[0], 3).text() == "Task not in the catalogue"
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    row = stored_entry(office)
    assert row is not None
    assert row.value == "10"
