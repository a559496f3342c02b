"""The conflicts list shows its kind column whole in a 1024-pixel-wide office window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from meili_desktop.i18n import install_translators
from meili_desktop.services import merge
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.conflicts_page import KIND, UNIT, ConflictsPage
from meili_desktop.ui.office.window import OfficeWindow
from tests.services.merge_support import (
    PERIOD,
    TOWN_A,
    TOWN_B,
    entry_record,
    make_package,
    open_office_store,
)
from tests.ui.page_helpers import wait_until_loaded

LONG_NAME = "余杭区五常街道美丽城镇建设综合服务中心"


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    package = make_package([entry_record(task=1000 + number) for number in range(3)])
    merge.merge(store, package)
    rows = [{"package_id": package.package_id, "kind": kind, "reason": "unknown_task",
             "unit_id": unit, "task_number": 2000 + number, "period_code": PERIOD,
             "incoming": entry_record(unit=unit, task=2000 + number), "stored": None,
             "state": "open", "created_at": datetime(2021, 7, 1)}
            for number, (unit, kind) in enumerate([(TOWN_A, "held"), (TOWN_B, "conflict")])]
    with store.session_factory.begin() as session:
        session.execute(insert(models.MergeItem), rows)
        # A unit with a very long name must not push the kind column out of sight.
        session.get(models.ReportingUnit, TOWN_B).name = LONG_NAME
    yield store
    store.dispose()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_kind_column_visible_at_1024(qtbot: QtBot, office: Store, language: str) -> None:
    install_translators(QApplication.instance(), language)
    window = OfficeWindow(office)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    page = window.show_page("conflicts_page")
    assert isinstance(page, ConflictsPage)
    wait_until_loaded(qtbot, page)
    table = page.table
    header = table.horizontalHeader()

    assert table.rowCount() == 5
    kind_right = header.sectionViewportPosition(KIND) + header.sectionSize(KIND)
    assert kind_right <= table.viewport().width()
    for row in range(table.rowCount()):
        text = table.item(row, KIND).text()
        assert table.fontMetrics().horizontalAdvance(text) < header.sectionSize(KIND), text
    assert header.sectionSize(UNIT) < table.fontMetrics().horizontalAdvance(LONG_NAME)
    long_rows = [row for row in range(table.rowCount())
                 if table.item(row, UNIT).text() == LONG_NAME]
    assert long_rows
    assert table.item(long_rows[0], UNIT).toolTip() == LONG_NAME
