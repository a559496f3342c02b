"""The township window's File menu: Excel templates through real .xlsx files, and backups."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.i18n import install_translators
from meili_desktop.reports.template_xlsx import status_choices
from meili_desktop.services import entries
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.about_dialog import AboutDialog
from meili_desktop.ui.backup_dialog import BackupDialog
from meili_desktop.ui.township.template_actions import PROBLEM, TemplateProblemsDialog
from meili_desktop.ui.township.window import TownshipWindow
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
TIMEOUT_MS = 20000


def row_of(task: int) -> int:
    """Return the template row of a task: task 10 is on row 4."""
    return task - 6


@pytest.fixture(autouse=True)
def chinese_interface() -> Iterator[None]:
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


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


@pytest.fixture
def problem_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[TemplateProblemsDialog]:
    shown: list[TemplateProblemsDialog] = []

    def record(dialog: TemplateProblemsDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(TemplateProblemsDialog, "exec", record)
    return shown


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> TownshipWindow:
    opened = TownshipWindow(store)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    opened.set_period(PERIOD)
    return opened


def run(qtbot: QtBot, worker) -> None:
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS):
        pass


def export(qtbot: QtBot, window: TownshipWindow, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "模板 塘栖镇.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target.with_suffix("")), ""))
    window.export_template_action.trigger()
    worker = window._workers[-1]
    run(qtbot, worker)
    return target


def fill(path: Path, cells: dict[str, object], target: Path) -> Path:
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    workbook.save(target)
    return target


def stored(store: Store, unit_id: str, number: int):
    return entries.load_entry(store, EntryKey(unit_id, number, PERIOD))


def test_file_menu_has_template_and_backup(window: TownshipWindow) -> None:
    names = {action.objectName() for action in window.menuBar().actions()[0].menu().actions()}

    assert {"exportTemplateAction", "importTemplateAction", "backupsAction"} <= names
    assert window.export_template_action.text()
    assert "helpMenu" in {action.menu().objectName() for action in window.menuBar().actions()
                          if action.menu() is not None}


def test_export_writes_template(qtbot: QtBot, window: TownshipWindow, tmp_path: Path,
                                messages: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = export(qtbot, window, tmp_path, monkeypatch)

    assert path.is_file()
    sheet = load_workbook(path).worksheets[0]
    assert sheet["A4"].value == 10
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert path.name in messages[0]
    assert PERIOD in messages[0]


def test_import_changes_entries(qtbot: QtBot, window: TownshipWindow, store: Store,
                                tmp_path: Path, messages: list[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    template = export(qtbot, window, tmp_path, monkeypatch)
    done = status_choices()[list(Status).index(Status.DONE)]
    filled = fill(template, {f"H{row_of(10)}": done, f"I{row_of(10)}": 3,
                             f"J{row_of(10)}": "新建口袋公园 3 处"}, tmp_path / "已填.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(filled), ""))
    messages.clear()

    window.import_template_action.trigger()
    run(qtbot, window._workers[-1])

    entry = stored(store, window.state.unit_id, 10)
    assert entry is not None
    assert entry.status is Status.DONE
    assert entry.narrative == "新建口袋公园 3 处"
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "已填.xlsx" in messages[0]
    assert window.state.entry(10) is not None


def test_import_notes_status_and_warning(qtbot: QtBot, window: TownshipWindow, store: Store,
                                         tmp_path: Path, messages: list[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    template = export(qtbot, window, tmp_path, monkeypatch)
    filled = fill(template, {f"I{row_of(10)}": -5, f"I{row_of(11)}": 2}, tmp_path / "负数.xlsx")
    messages.clear()

    run(qtbot, window.template_actions.import_template(filled))

    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "任务 10, 11 填写了完成值但未填写状态，状态已设为“推进中”" in messages[0]
    assert "请核对以下数值" in messages[0]
    assert "任务 10：数值 -5 为负数" in messages[0]
    assert stored(store, window.state.unit_id, 10).value == -5
    assert stored(store, window.state.unit_id, 11).status is Status.IN_PROGRESS


def test_import_lists_bad_cells(qtbot: QtBot, window: TownshipWindow, store: Store,
                                tmp_path: Path, messages: list[str],
                                problem_dialogs: list[TemplateProblemsDialog],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    template = export(qtbot, window, tmp_path, monkeypatch)
    done = status_choices()[list(Status).index(Status.DONE)]
    filled = fill(template, {f"H{row_of(10)}": done, f"I{row_of(10)}": 3,
                             f"I{row_of(13)}": "八十五", f"H{row_of(19)}": "差不多了"},
                  tmp_path / "有错.xlsx")
    messages.clear()

    worker = window.template_actions.import_template(filled)
    run(qtbot, worker)

    qtbot.waitUntil(lambda: len(problem_dialogs) == 1)
    dialog = problem_dialogs[0]
    qtbot.addWidget(dialog)
    cells = {dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())}
    assert cells == {f"I{row_of(13)}", f"H{row_of(19)}"}
    reasons = [dialog.table.item(row, PROBLEM).text() for row in range(dialog.table.rowCount())]
    assert all(reasons)
    assert any("八十五" in reason for reason in reasons)
    assert stored(store, window.state.unit_id, 10) is None
    assert messages == []


def test_import_unreadable_file(qtbot: QtBot, window: TownshipWindow, store: Store,
                                tmp_path: Path, messages: list[str]) -> None:
    broken = tmp_path / "不是表格.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")

    run(qtbot, window.template_actions.import_template(broken))

    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "不是表格.xlsx" in messages[0]
    assert entries.period_entries(store, window.state.unit_id, PERIOD) == {}


def test_backups_action_opens_dialog(window: TownshipWindow,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[BackupDialog] = []
    monkeypatch.setattr(BackupDialog, "exec", lambda dialog: opened.append(dialog) or 0)

    window.backups_action.trigger()

    assert len(opened) == 1
    assert opened[0].store is window.store


def test_about_action_opens_dialog(window: TownshipWindow,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: opened.append(dialog) or 0)

    window.about_action.trigger()

    assert len(opened) == 1
    assert str(window.store.folder.root) == opened[0].values["data_folder"]
    assert "C1" in opened[0].values["suites"]
