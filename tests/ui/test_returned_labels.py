"""The township's check tab and overview name a returned or unfilled entry, not its status."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
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
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
TASK = 14


@pytest.fixture(autouse=True)
def chinese_interface() -> Iterator[None]:
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    yield
    install_translators(app, "en")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path, isolated_settings: Path) -> Iterator[TownshipWindow]:
    """A township window whose task 14 is complete but returned by the office."""
    store: Store = open_store(data_dir)
    identity = setup_provisional_township(store, "临平区", "塘栖镇")
    assert identity.unit_id is not None
    entries.set_entry_fields(store, active_catalogue(store),
                             EntryKey(identity.unit_id, TASK, PERIOD),
                             {"status": Status.IN_PROGRESS, "value": Decimal(2),
                              "responsible_person": "王晓明", "contact": "0571-88886666"})
    with store.session_factory.begin() as session:
        session.add(models.ReviewComment(unit_id=identity.unit_id, task_number=TASK,
                                         period_code=PERIOD, action="return",
                                         text="请补充结对名单", entry_revision=1,
                                         created_at=entries_repo.utc_now()))
    built = TownshipWindow(store)
    qtbot.addWidget(built)
    built.show()
    qtbot.waitExposed(built)
    built.set_period(PERIOD)
    yield built
    built.close()
    store.dispose()


def test_check_names_returned_entry(window: TownshipWindow) -> None:
    window.tabs.setCurrentIndex(CHECK_TAB)
    tree = window.check.tree
    rows = [tree.topLevelItem(group).child(index)
            for group in range(tree.topLevelItemCount())
            for index in range(tree.topLevelItem(group).childCount())]
    returned = [row for row in rows if "请补充结对名单" in row.text(2)]

    assert len(returned) == 1
    assert returned[0].text(1) == "已被市办退回"


def test_overview_names_returned_entry(window: TownshipWindow) -> None:
    window.tabs.setCurrentIndex(OVERVIEW_TAB)
    proxy = window.overview.proxy
    row = next(index for index in range(proxy.rowCount())
               if proxy.index(index, Column.NUMBER).data() == str(TASK))

    missing = proxy.index(row, Column.MISSING).data()

    assert "已被市办退回" in missing
    assert "状态" not in missing


def test_check_names_unfilled_task(window: TownshipWindow) -> None:
    window.tabs.setCurrentIndex(CHECK_TAB)
    tree = window.check.tree
    rows = [tree.topLevelItem(group).child(index)
            for group in range(tree.topLevelItemCount())
            for index in range(tree.topLevelItem(group).childCount())]
    unfilled = [row for row in rows if row.text(0).startswith("任务 10 ")]

    assert len(unfilled) == 1
    assert unfilled[0].text(1) == "未填报"
