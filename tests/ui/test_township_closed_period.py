"""The township window in a period closed for review: returned tasks open, the rest read-only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meili_desktop.i18n import install_translators
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo, models
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.overview_model import Column
from meili_desktop.ui.township.window import TownshipWindow
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
UNIT = "330110102"
RETURNED_TASK = 14


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
    # What importing the office's distribution package leaves: the period closed and one
    # entry returned with a comment.
    with opened.session_factory.begin() as session:
        session.get(models.Period, PERIOD).state = "closed"
        session.add(models.ReviewComment(unit_id=UNIT, task_number=RETURNED_TASK,
                                         period_code=PERIOD, action="return",
                                         text="请补充结对名单", entry_revision=0,
                                         created_at=entries_repo.utc_now()))
    yield opened
    opened.dispose()


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> TownshipWindow:
    opened = TownshipWindow(store)
    qtbot.addWidget(opened)
    opened.resize(1280, 800)
    opened.show()
    qtbot.waitExposed(opened)
    opened.set_period(PERIOD)
    return opened


def grid_row(window: TownshipWindow, number: int) -> int:
    proxy = window.overview.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.NUMBER).data(Qt.ItemDataRole.DisplayRole) in (number,
                                                                                 str(number)):
            return row
    raise AssertionError(f"task {number} not in the grid")


def test_closed_task_read_only(window: TownshipWindow) -> None:
    window.open_task(13)

    assert window.form.closed_banner.isVisible()
    assert not window.form.locked_banner.isVisible()
    assert not window.form.narrative_edit.isEnabled()
    assert not window.form.evidence.add_button.isEnabled()
    proxy = window.overview.proxy
    flags = proxy.flags(proxy.index(grid_row(window, 13), Column.VALUE))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    if os.environ.get("MEILI_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["MEILI_SCREENSHOTS"]) / "closed-period.png"))


def test_returned_task_editable(window: TownshipWindow) -> None:
    window.open_task(RETURNED_TASK)

    assert not window.form.closed_banner.isVisible()
    assert window.form.narrative_edit.isEnabled()
    proxy = window.overview.proxy
    flags = proxy.flags(proxy.index(grid_row(window, RETURNED_TASK), Column.VALUE))
    assert flags & Qt.ItemFlag.ItemIsEditable
