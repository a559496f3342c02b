"""The conflicts page lists a flood of held entries a page at a time, without stalling.

Listing 50,000 held entries row by row took the GUI thread 22 s. The page now reads one page
of at most ``PAGE_SIZE`` items, off the GUI thread, and steps through the rest with its page
buttons.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from meili_desktop.services import merge
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.conflicts_page import PAGE_SIZE, ConflictsPage
from tests.services.merge_support import (
    PERIOD,
    TOWN_A,
    entry_record,
    make_package,
    open_office_store,
)
from tests.ui.page_helpers import wait_until_loaded

HELD = 20_000


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    package = make_package([entry_record(task=1000 + number) for number in range(3)])
    merge.merge(store, package)
    # Many packages' worth of held entries, written directly to keep the test short.
    rows = [{"package_id": package.package_id, "kind": "held", "reason": "unknown_task",
             "unit_id": TOWN_A, "task_number": 2000 + number, "period_code": PERIOD,
             "incoming": entry_record(task=2000 + number), "stored": None, "state": "open",
             "created_at": datetime(2021, 7, 1)} for number in range(HELD)]
    with store.session_factory.begin() as session:
        session.execute(insert(models.MergeItem), rows)
    yield store
    store.dispose()


def test_flood_listed_one_page(qtbot: QtBot, office: Store) -> None:
    started = time.perf_counter()
    page = ConflictsPage(office)
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    wait_until_loaded(qtbot, page)
    elapsed_s = time.perf_counter() - started

    assert elapsed_s < 3, elapsed_s
    assert page.table.rowCount() == PAGE_SIZE
    assert page.total == HELD + 3
    assert page.page_label.isVisible()
    assert str(HELD + 3) in page.page_label.text()
    assert not page.previous_button.isEnabled()
    assert page.next_button.isEnabled()
    if os.environ.get("MEILI_SCREENSHOTS"):
        page.grab().save(str(Path(os.environ["MEILI_SCREENSHOTS"]) / "conflicts-paged.png"))


def test_pages_step_to_the_end(qtbot: QtBot, office: Store) -> None:
    page = ConflictsPage(office)
    qtbot.addWidget(page)
    wait_until_loaded(qtbot, page)

    page.next_button.click()
    wait_until_loaded(qtbot, page)
    second = page.items[0].key.task_number
    page.show_page(HELD * 2)
    wait_until_loaded(qtbot, page)

    assert second == 2000 + PAGE_SIZE - 3
    assert page.offset == (HELD + 3 - 1) // PAGE_SIZE * PAGE_SIZE
    assert page.table.rowCount() == (HELD + 3) - page.offset
    assert not page.next_button.isEnabled()
    assert page.previous_button.isEnabled()


def test_few_items_hide_page_bar(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_office_store(tmp_path / "small")
    merge.merge(store, make_package([entry_record(task=1001)]))
    page = ConflictsPage(store)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)

    assert page.table.rowCount() == 1
    assert not page.page_label.isVisible()
    store.dispose()
