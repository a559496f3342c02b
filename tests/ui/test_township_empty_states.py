"""Township screens with nothing to list, period names and the export message's layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.i18n import install_translators
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import reported_tasks, set_entry_fields
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.window import CHECK_TAB, TownshipWindow
from tests.services.package_chain import fill_entries, make_city, make_township
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
UNIT = "330110102"  # 塘栖镇


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


def test_check_names_period(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    window.tabs.setCurrentIndex(CHECK_TAB)
    window.check.run_check()
    assert window.check.summary.text().startswith("2021年第2季度：")
    assert "2021Q2" not in window.check.summary.text()
    assert not window.check.empty_state.is_shown


def test_check_task_column_fits_titles(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    window.check.run_check()
    tree = window.check.tree
    longest = max(tree.fontMetrics().horizontalAdvance(group.child(index).text(0))
                  for group in (tree.topLevelItem(0),)
                  for index in range(group.childCount()))
    assert tree.columnWidth(0) >= min(longest, 560 - tree.indentation() - 24)


def test_check_without_findings_says_ready(qtbot: QtBot, store: Store) -> None:
    catalogue = active_catalogue(store)
    for task in reported_tasks(catalogue):
        set_entry_fields(store, catalogue, EntryKey(UNIT, task.number, PERIOD),
                         {"status": Status.NOT_APPLICABLE, "narrative": "本镇无此项工作。"})
    window = open_window(qtbot, store)
    window.check.run_check()
    assert window.check.tree.topLevelItemCount() == 0
    assert window.check.empty_state.is_shown
    assert window.check.empty_state.headline == "2021年第2季度没有缺漏项。"


def test_history_without_changes_says_so(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store)
    dialog = window.show_history(10)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog.empty_state.is_shown
    assert "2021年第2季度" in dialog.empty_state.headline
    assert "2021Q2" not in dialog.windowTitle()


def test_history_with_changes_shows_table(qtbot: QtBot, store: Store) -> None:
    catalogue = active_catalogue(store)
    set_entry_fields(store, catalogue, EntryKey(UNIT, 10, PERIOD), {"status": Status.DONE})
    window = open_window(qtbot, store)
    dialog = window.show_history(10)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert not dialog.empty_state.is_shown


def test_export_message_puts_name_on_own_line(qtbot: QtBot, tmp_path: Path,
                                              isolated_settings: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    city = make_city(tmp_path)
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, PERIOD)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *args, **kwargs: shown.append(text))
    window = open_window(qtbot, township)
    target = tmp_path / "上报 文件夹" / "塘栖镇_2021Q2.mlrp"
    target.parent.mkdir()
    worker = window.export_report_package(target)
    assert worker is not None
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    lines = shown[0].splitlines()
    assert "塘栖镇_2021Q2.mlrp" in lines
    assert str(target.parent) in lines
    window.close()
    township.dispose()
    city.store.dispose()
