"""The township window driven offscreen: form, evidence, grid, undo, check, restart, language."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.i18n import install_translators
from meili_desktop.services import entries
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo, models
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.overview_model import Column
from meili_desktop.ui.township.window import CHECK_TAB, OVERVIEW_TAB, TownshipWindow
from tests.ui.township_helpers import choose, isolated_settings, replace_text, type_text

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"


@pytest.fixture(autouse=True)
def chinese_interface() -> Iterator[None]:
    """Run each test in Chinese, the default, and leave Chinese installed afterwards."""
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    yield
    install_translators(app, "zh_CN")


@pytest.fixture
def store(data_dir: Path, isolated_settings: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    setup_provisional_township(opened, "临平区", "塘栖镇")
    yield opened
    opened.dispose()


def open_window(qtbot: QtBot, store: Store) -> TownshipWindow:
    window = TownshipWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_period(PERIOD)
    return window


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> TownshipWindow:
    return open_window(qtbot, store)


def stored(store: Store, number: int):
    return entries.load_entry(store, EntryKey("330110102", number, PERIOD))


def enter_value(qtbot: QtBot, window: TownshipWindow, text: str) -> None:
    line = window.form.value_editor.line
    replace_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def attach(qtbot: QtBot, window: TownshipWindow, monkeypatch: pytest.MonkeyPatch,
           *files: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(path) for path in files], ""))
    count = window.form.evidence.list.count()
    qtbot.mouseClick(window.form.evidence.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window._workers, timeout=10000)
    qtbot.waitUntil(lambda: window.form.evidence.list.count() >= count, timeout=5000)


def test_fill_tasks_and_restart(qtbot: QtBot, window: TownshipWindow, store: Store,
                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    form = window.form

    window.open_task(13)
    choose(form.status_combo, Status.IN_PROGRESS.value)
    enter_value(qtbot, window, "８５")
    type_text(form.narrative_edit, "已完成标准化改造三所学校")
    replace_text(form.person_edit, "张三")
    qtbot.keyClick(form.person_edit, Qt.Key.Key_Return)
    form.contact_edit.setFocus()
    qtbot.keyClicks(form.contact_edit, "0571-86000000")
    qtbot.keyClick(form.contact_edit, Qt.Key.Key_Return)
    photo = tmp_path / "验收 照片.png"
    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#7cb342"))
    assert image.save(str(photo))
    attach(qtbot, window, monkeypatch, photo)
    qtbot.waitUntil(lambda: stored(store, 13).narrative == "已完成标准化改造三所学校",
                    timeout=5000)

    window.open_task(11)
    enter_value(qtbot, window, "1，234")
    window.open_task(16)
    enter_value(qtbot, window, "85％")
    window.open_task(17)
    enter_value(qtbot, window, " 85 ")
    window.open_task(15)
    enter_value(qtbot, window, "0.85")
    assert form.value_editor.choice_bar.isVisible()
    assert stored(store, 15) is None
    qtbot.mouseClick(form.value_editor.fraction_button, Qt.MouseButton.LeftButton)
    window.open_task(18)
    enter_value(qtbot, window, "120%")
    assert form.value_editor.warning_label.isVisible()
    window.open_task(19)
    enter_value(qtbot, window, "/")
    assert form.value_editor.error_label.isVisible()
    assert "85%" not in form.value_editor.error_label.text()
    window.open_task(20)
    choose(form.status_combo, Status.NOT_APPLICABLE.value)

    window.close()
    store.dispose()
    reopened = open_store(store.folder.root)
    try:
        again = open_window(qtbot, reopened)
        values = {number: entry.value for number, entry in again.state.entries.items()}
        assert values[13] == Decimal(85)
        assert values[11] == Decimal(1234)
        assert values[16] == Decimal(85)
        assert values[17] == Decimal(85)
        assert values[15] == Decimal(85)
        assert values[18] == Decimal(120)
        assert 19 not in values
        assert again.state.entries[20].status is Status.NOT_APPLICABLE
        again.open_task(13)
        assert again.form.status_combo.currentData() == Status.IN_PROGRESS.value
        assert again.form.value_editor.line.text() == "85"
        assert again.form.narrative_edit.toPlainText() == "已完成标准化改造三所学校"
        assert again.form.person_edit.text() == "张三"
        assert again.form.contact_edit.text() == "0571-86000000"
        assert again.form.evidence.list.count() == 1
        assert "验收 照片.png" in again.form.evidence.list.item(0).text()
        again.close()
    finally:
        reopened.dispose()


def test_narrative_saved_on_focus_out(qtbot: QtBot, window: TownshipWindow,
                                      store: Store) -> None:
    window.open_task(21)
    type_text(window.form.narrative_edit, "水质检测全部达标")
    window.form.person_edit.setFocus()
    qtbot.waitUntil(lambda: stored(store, 21) is not None, timeout=3000)
    assert stored(store, 21).narrative == "水质检测全部达标"


def test_title_and_reference(window: TownshipWindow) -> None:
    window.open_task(17)
    assert "17" in window.form.title_label.text()
    assert "市公安局" in window.form.reference.lead_label.text()
    assert window.form.reference.duties_label.text().startswith("市公安局")
    assert window.form.value_editor.unit_label.text() == "%"


def test_ambiguous_second_reading(qtbot: QtBot, window: TownshipWindow, store: Store) -> None:
    window.open_task(15)
    enter_value(qtbot, window, "0.5")
    assert window.form.value_editor.typed_button.text() == "0.5%"
    qtbot.mouseClick(window.form.value_editor.typed_button, Qt.MouseButton.LeftButton)
    assert stored(store, 15).value == Decimal("0.5")
    assert not window.form.value_editor.choice_bar.isVisible()


def test_undo_redo_from_menu(qtbot: QtBot, window: TownshipWindow, store: Store) -> None:
    window.open_task(23)
    enter_value(qtbot, window, "4")
    enter_value(qtbot, window, "6")
    window.undo_action.trigger()
    assert stored(store, 23).value == Decimal(4)
    assert window.form.value_editor.line.text() == "4"
    window.redo_action.trigger()
    assert window.form.value_editor.line.text() == "6"
    assert window.undo_action.isEnabled()


def test_paste_block_reports_rejected(qtbot: QtBot, window: TownshipWindow,
                                      store: Store) -> None:
    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    view = window.overview.view
    view.setCurrentIndex(window.overview.proxy.index(0, Column.STATUS))
    block = ("推进中\t5\t张三\t0571-1\r\n"
             "已完成\t/\t李四\t0571-2\r\n"
             "不适用\tabc\t王五\t0571-3\r\n")
    QApplication.clipboard().setText(block)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    report = window.overview.report
    assert report.count() == 2
    assert "11" in report.item(0).text()
    assert "12" in report.item(1).text()
    assert stored(store, 10).value == Decimal(5)
    assert stored(store, 10).status is Status.IN_PROGRESS
    assert stored(store, 11).status is Status.DONE
    assert stored(store, 11).value is None
    assert stored(store, 12).responsible_person == "王五"
    assert stored(store, 12).contact == "0571-3"

    window.undo_action.trigger()
    for number in (10, 11, 12):
        assert stored(store, number).status is Status.NOT_STARTED
        assert stored(store, number).responsible_person == ""
    window.redo_action.trigger()
    assert stored(store, 12).status is Status.NOT_APPLICABLE


def test_paste_ambiguous_cell_rejected(window: TownshipWindow, store: Store) -> None:
    row = [task.number for task in window.state.tasks].index(13)
    window.overview.view.setCurrentIndex(window.overview.proxy.index(row, Column.VALUE))
    outcome = window.overview.paste_text("0.85\n")
    assert outcome.saved_cells == 0
    assert "85%" in outcome.rejected[0]
    assert stored(store, 13) is None


def test_paste_outside_table_rejected(window: TownshipWindow) -> None:
    last = window.overview.proxy.rowCount() - 1
    window.overview.view.setCurrentIndex(window.overview.proxy.index(last, Column.MISSING))
    outcome = window.overview.paste_text("a\tb\nc\n")
    assert len(outcome.rejected) == 3


def test_grid_keyboard_editing(qtbot: QtBot, window: TownshipWindow, store: Store) -> None:
    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    view = window.overview.view
    view.setFocus()
    view.setCurrentIndex(window.overview.proxy.index(2, Column.VALUE))
    for key in "42":
        qtbot.keyClicks(QApplication.focusWidget() or view, key)
    assert view.state() == view.State.EditingState
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    # The delegate commits a Return through a queued call.
    qtbot.waitUntil(lambda: stored(store, 12) is not None, timeout=3000)
    assert stored(store, 12).value == Decimal(42)
    assert view.currentIndex().row() == 3
    assert view.currentIndex().column() == Column.VALUE
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stored(store, 12).value is None


def test_grid_cell_rejection_listed(qtbot: QtBot, window: TownshipWindow) -> None:
    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    model = window.overview.proxy
    assert not model.setData(model.index(0, Column.VALUE), "无")
    assert window.overview.report.count() == 1
    assert "10" in window.overview.report.item(0).text()


def test_incomplete_only_filter(qtbot: QtBot, window: TownshipWindow, tmp_path: Path) -> None:
    complete = {"status": Status.DONE, "value": Decimal(3), "responsible_person": "张三",
                "contact": "1"}
    window.state.save(10, complete)
    photo = tmp_path / "a.pdf"
    photo.write_bytes(b"%PDF-1.4 a")
    window.state.editor.attach(window.state.key(10), photo, 10)
    window.state.refresh([10])
    window.overview.incomplete_only.setChecked(True)
    shown = [window.overview.proxy.index(row, Column.NUMBER).data()
             for row in range(window.overview.proxy.rowCount())]
    assert "10" not in shown
    assert len(shown) == len(window.state.tasks) - 1


def test_check_lists_left_out(qtbot: QtBot, window: TownshipWindow) -> None:
    window.state.save(13, {"status": Status.DONE, "value": Decimal(90)})
    window.tabs.setCurrentIndex(CHECK_TAB)
    tree = window.check.tree
    texts = []
    for group in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(group)
        texts.extend(item.child(index).text(2) for index in range(item.childCount()))
    assert any("13" in text and "佐证材料" in text for text in texts)
    assert any("10" in text for text in texts)
    # 33 untouched tasks, and task 13 lacks evidence, responsible person and contact.
    assert "36" in window.check.summary.text()
    first = tree.topLevelItem(0).child(0)
    tree.itemActivated.emit(first, 0)
    assert window.tabs.currentIndex() == 0
    assert window.task_tree.current_task() == 10


def test_attach_drop_and_remove(qtbot: QtBot, window: TownshipWindow, store: Store,
                                tmp_path: Path) -> None:
    window.open_task(27)
    document = tmp_path / "绿道 验收.pdf"
    document.write_bytes(b"%PDF-1.4 greenway")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(document))])
    # Qt delivers a drop only to the widget that accepted the drag's entry.
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.form.evidence, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.form.evidence, drop)
    qtbot.waitUntil(lambda: window.form.evidence.list.count() == 1, timeout=10000)
    window.form.evidence.list.setCurrentRow(0)
    qtbot.mouseClick(window.form.evidence.remove_button, Qt.MouseButton.LeftButton)
    assert window.form.evidence.list.count() == 0
    assert stored(store, 27).attachments == ()
    window.undo_action.trigger()
    assert window.form.evidence.list.count() == 1


def test_blocked_file_shows_reason(qtbot: QtBot, window: TownshipWindow, store: Store,
                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_task(27)
    program = tmp_path / "安装.exe"
    program.write_bytes(b"MZ program")
    attach(qtbot, window, monkeypatch, program)
    qtbot.waitUntil(lambda: window.form.form_error.isVisible(), timeout=5000)
    assert "安装.exe" in window.form.form_error.text()
    assert stored(store, 27) is None


def test_rename_evidence(qtbot: QtBot, window: TownshipWindow, store: Store, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_task(28)
    photo = tmp_path / "p.jpg"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#4a90d9"))
    assert image.save(str(photo))
    attach(qtbot, window, monkeypatch, photo)
    qtbot.waitUntil(lambda: window.form.evidence.list.count() == 1, timeout=5000)
    window.form.evidence.list.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("道路照片.jpg", True))
    qtbot.mouseClick(window.form.evidence.rename_button, Qt.MouseButton.LeftButton)
    assert stored(store, 28).attachments[0].display_name == "道路照片.jpg"


def test_history_dialog_lists_revisions(qtbot: QtBot, window: TownshipWindow) -> None:
    window.open_task(24)
    enter_value(qtbot, window, "1")
    enter_value(qtbot, window, "2")
    qtbot.mouseClick(window.form.history_button, Qt.MouseButton.LeftButton)
    dialog = window._history_dialogs[-1]
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 4).text() == "2 个"
    dialog.close()


def test_returned_task_banner(qtbot: QtBot, store: Store) -> None:
    entries.set_entry_fields(store, active_catalogue(store), EntryKey("330110102", 14, PERIOD),
                             {"value": Decimal(2)})
    with store.session_factory.begin() as session:
        session.add(models.ReviewComment(unit_id="330110102", task_number=14,
                                         period_code=PERIOD, action="return",
                                         text="请补充结对名单", entry_revision=1,
                                         created_at=entries_repo.utc_now()))
    window = open_window(qtbot, store)
    window.open_task(14)
    assert window.form.returned_banner.isVisible()
    assert "请补充结对名单" in window.form.returned_banner.text()
    assert window.form.comments_box.isVisible()


def test_language_switch(window: TownshipWindow) -> None:
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    english = window.findChild(type(window.undo_action), "language_en")
    english.trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.tabs.tabText(0) == "Tasks"
    chinese = window.findChild(type(window.undo_action), "language_zh_CN")
    chinese.trigger()
    assert window.tabs.tabText(0) == "任务填报"


def test_period_switch_reloads(qtbot: QtBot, window: TownshipWindow, store: Store) -> None:
    window.open_task(13)
    enter_value(qtbot, window, "50")
    window.set_period("2021Q1")
    assert window.form.value_editor.line.text() == ""
    window.set_period(PERIOD)
    assert window.form.value_editor.line.text() == "50"


def test_attach_worker_reports_progress(qtbot: QtBot, window: TownshipWindow,
                                        tmp_path: Path) -> None:
    scan = tmp_path / "会议纪要 扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 " + b"x" * (3 * 1024 * 1024))
    window.open_task(30)
    # The progress bar is connected before the job starts, so it sees every report.
    worker = window.attach_files(30, [scan])
    with qtbot.waitSignal(worker.succeeded, timeout=10000) as blocker:
        pass
    outcomes = blocker.args[0]
    assert [error for _path, error in outcomes] == [None]
    qtbot.waitUntil(lambda: window.form.evidence.list.count() == 1, timeout=5000)
    assert window.job_progress.bar.maximum() == scan.stat().st_size
    assert window.job_progress.bar.value() == scan.stat().st_size


def test_typing_survives_attach_job(qtbot: QtBot, window: TownshipWindow, store: Store,
                                    tmp_path: Path) -> None:
    window.open_task(31)
    type_text(window.form.narrative_edit, "景区创建材料已上报")
    document = tmp_path / "创建材料.pdf"
    document.write_bytes(b"%PDF-1.4 scenic")
    worker = window.attach_files(31, [document])
    with qtbot.waitSignal(worker.succeeded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: window.form.evidence.list.count() == 1, timeout=5000)
    assert window.form.narrative_edit.toPlainText() == "景区创建材料已上报"
    assert stored(store, 31).narrative == "景区创建材料已上报"


def test_grid_cell_takes_chinese_input(qtbot: QtBot, window: TownshipWindow,
                                       store: Store) -> None:
    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    view = window.overview.view
    index = window.overview.proxy.index(3, Column.NARRATIVE)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not view
    type_text(editor, "已完成学校标准化改造")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(store, 13) is not None, timeout=3000)
    assert stored(store, 13).narrative == "已完成学校标准化改造"


def test_locked_period_is_read_only(qtbot: QtBot, store: Store) -> None:
    with store.session_factory.begin() as session:
        session.get(models.Period, "2021Q1").state = "locked"
    window = open_window(qtbot, store)
    window.set_period("2021Q1")
    window.open_task(13)
    assert window.form.locked_banner.isVisible()
    assert not window.form.narrative_edit.isEnabled()
    assert not window.form.evidence.add_button.isEnabled()
    grid = window.overview.proxy
    assert not grid.flags(grid.index(0, Column.VALUE)) & Qt.ItemFlag.ItemIsEditable
    window.set_period(PERIOD)
    assert not window.form.locked_banner.isVisible()
    assert window.form.narrative_edit.isEnabled()


def test_value_sets_status_in_progress(qtbot: QtBot, window: TownshipWindow,
                                       store: Store) -> None:
    shown: list[str] = []
    window.form.message.connect(shown.append)
    window.open_task(11)
    assert window.form.status_combo.currentData() == Status.NOT_STARTED.value

    enter_value(qtbot, window, "3")

    assert stored(store, 11).status is Status.IN_PROGRESS
    assert window.form.status_combo.currentData() == Status.IN_PROGRESS.value
    assert shown[-1] == "已保存任务 11；因为填写了完成值，状态已改为“推进中”。"
    window.open_task(12)
    choose(window.form.status_combo, Status.DONE.value)
    enter_value(qtbot, window, "4")
    assert stored(store, 12).status is Status.DONE


def test_opens_latest_period_with_entries(qtbot: QtBot, store: Store) -> None:
    catalogue = active_catalogue(store)
    entries.set_entry_fields(store, catalogue, EntryKey("330110102", 13, "2021Q1"),
                             {"value": Decimal(5)})

    window = TownshipWindow(store)
    qtbot.addWidget(window)

    # The programme's periods ended in 2022, so no open period contains today.
    assert window.state.period.code == "2021Q1"
    assert window.period_combo.currentData() == "2021Q1"
    assert window.period_combo.currentText() == "2021年第1季度"
