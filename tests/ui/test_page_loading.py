"""Office pages load off the GUI thread: a notice while loading, only the newest result shown.

The queries run against real data folders. Where a test needs a query to keep running, a
gate makes it wait, either inside the query function given to the loader or in the store's
engine before the SQL statement of the page's own query runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text

from meili_desktop.messages import describe
from meili_desktop.services import conflicts, merge, review, scores
from meili_desktop.store.datafolder import Store
from meili_desktop.store.units_repo import UnitNotFoundError
from meili_desktop.ui.empty_state import EmptyStateLabel
from meili_desktop.ui.office.audit_page import AuditPage
from meili_desktop.ui.office.charts import ChartsPage
from meili_desktop.ui.office.completeness_page import CompletenessPage
from meili_desktop.ui.office.conflicts_page import ConflictsPage
from meili_desktop.ui.office.page_loading import PageLoader, failure_text, is_page_loading
from meili_desktop.ui.office.review_page import ReviewPage
from meili_desktop.ui.office.scores_page import ScoresPage
from meili_desktop.ui.office.summary_page import SummaryPage
from meili_desktop.ui.office.targets_page import TargetsPage
from tests.reports import report_support
from tests.reports.report_support import chinese, english  # noqa: F401 - fixtures
from tests.services.merge_support import (
    TOWN_A,
    entry_record,
    make_package,
    open_office_store,
)
from tests.ui.page_helpers import wait_until_loaded

GATE_TIMEOUT_S = 20


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    merge.merge(store, make_package([entry_record(revision=3, value="70")], sequence=1))
    merge.merge(store, make_package([entry_record(revision=3, value="75")], sequence=2))
    item = conflicts.list_items(store)[0]
    conflicts.discard(store, item.id, actor="clerk", comment="保留办公室数据")
    yield store
    store.dispose()


@pytest.fixture
def two_pool_threads() -> Iterator[None]:
    """Let a held query and a newer one run at once, also on a one-core machine."""
    pool = QThreadPool.globalInstance()
    saved = pool.maxThreadCount()
    pool.setMaxThreadCount(max(saved, 2))
    yield
    pool.waitForDone(GATE_TIMEOUT_S * 1000)
    pool.setMaxThreadCount(saved)


class TablePage(QWidget):
    """A bare page: one table under an empty-state label, filled by a loader."""

    def __init__(self) -> None:
        super().__init__()
        self.table = QTableWidget(0, 1, self)
        self.empty_state = EmptyStateLabel(self.table)
        self.loader = PageLoader(self, self.empty_state, controls=(self.table,))
        self.shown: list[Any] = []
        QVBoxLayout(self).addWidget(self.table)


def make_page(qtbot: QtBot) -> TablePage:
    page = TablePage()
    qtbot.addWidget(page)
    page.resize(400, 300)
    page.show()
    return page


def finish_pool(qtbot: QtBot) -> None:
    """Wait until every pool job has ended and its queued signals have arrived."""
    assert QThreadPool.globalInstance().waitForDone(GATE_TIMEOUT_S * 1000)
    qtbot.wait(50)


@pytest.mark.usefixtures("two_pool_threads")
def test_superseded_result_dropped(qtbot: QtBot, office: Store) -> None:
    page = make_page(qtbot)
    gate = threading.Event()
    cancel_events: list[threading.Event] = []

    def held_query(cancel: threading.Event) -> str:
        cancel_events.append(cancel)
        gate.wait(GATE_TIMEOUT_S)
        return f"old: {len(review.list_periods(office))} periods"

    page.loader.load_cancellable("held", held_query, page.shown.append)
    qtbot.waitUntil(lambda: bool(cancel_events))
    page.loader.load("newer", lambda: f"new: {len(review.list_periods(office))} periods",
                     page.shown.append)
    wait_until_loaded(qtbot, page)
    gate.set()
    finish_pool(qtbot)

    assert len(page.shown) == 1
    assert page.shown[0].startswith("new: ")
    assert cancel_events[0].is_set()
    assert not page.loader.is_loading


@pytest.mark.usefixtures("english", "two_pool_threads")
def test_notice_while_query_runs(qtbot: QtBot, office: Store) -> None:
    page = make_page(qtbot)
    gate = threading.Event()

    def held_query() -> int:
        gate.wait(GATE_TIMEOUT_S)
        return len(review.list_periods(office))

    page.loader.load("held", held_query, page.shown.append)

    assert is_page_loading(page)
    assert page.empty_state.is_shown
    assert page.empty_state.headline == "Loading…"
    assert not page.table.isEnabled()
    gate.set()
    wait_until_loaded(qtbot, page)
    assert page.shown and page.shown[0] > 0
    assert not page.empty_state.is_shown
    assert page.table.isEnabled()


@pytest.mark.usefixtures("two_pool_threads")
def test_audit_search_drops_older_result(qtbot: QtBot, office: Store) -> None:
    page = AuditPage(office)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)
    every_event = page.model.rowCount()
    gate = threading.Event()
    held_statements: list[str] = []

    def hold_first_search(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FROM audit_events" in statement and not held_statements:
            held_statements.append(statement)
            gate.wait(GATE_TIMEOUT_S)

    event.listen(office.engine, "before_cursor_execute", hold_first_search)
    try:
        page.unit_edit.setText(TOWN_A)
        page.package_edit.setText("no such package")
        page.search()
        qtbot.waitUntil(lambda: bool(held_statements))
        page.package_edit.clear()
        page.search()
        wait_until_loaded(qtbot, page)
        gate.set()
        finish_pool(qtbot)
    finally:
        event.remove(office.engine, "before_cursor_execute", hold_first_search)

    # The held search, for a package that does not exist, would have emptied the table.
    # Every event of the fixture is about TOWN_A, so the newer search finds them all.
    assert every_event > 0
    assert page.model.rowCount() == every_event
    assert all(record.unit_id == TOWN_A for record in page.records)
    assert not page.empty_state.is_shown


@pytest.mark.usefixtures("chinese")
def test_failed_search_says_so_in_chinese(qtbot: QtBot, office: Store) -> None:
    with office.session_factory.begin() as session:
        session.execute(text("DROP TABLE audit_events"))

    page = AuditPage(office)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)

    assert page.empty_state.is_shown
    assert page.empty_state.headline == "数据未能加载。"
    assert page.empty_state.detail == \
        "详细信息见日志文件。如需重试，请更改筛选条件，或点击本页的“查询”或“刷新”按钮。"
    assert not page.table.isEnabled()
    assert not page.xlsx_button.isEnabled()
    assert not is_page_loading(page)


@pytest.mark.usefixtures("chinese")
def test_failed_service_described_in_chinese(qtbot: QtBot, office: Store) -> None:
    page = make_page(qtbot)
    failures: list[BaseException] = []
    page.loader.failed.connect(failures.append)

    page.loader.load("scores of a missing county",
                     lambda: scores.county_score_sheet(office, "999999", "2021"),
                     page.shown.append)
    wait_until_loaded(qtbot, page)

    assert page.shown == []
    assert len(failures) == 1
    assert isinstance(failures[0], UnitNotFoundError)
    assert page.empty_state.headline == "数据未能加载。"
    assert page.empty_state.detail == describe(failures[0])
    assert "999999" in page.empty_state.detail


@pytest.mark.postgres
def test_pages_load_on_postgres(qtbot: QtBot, tmp_path: Path, pg_url: str) -> None:
    store = report_support.open_office_store(tmp_path / "server", database_url=pg_url)
    report_support.seed_report_data(store)
    pages: dict[str, QWidget] = {}
    try:
        for page_class in (AuditPage, CompletenessPage, ConflictsPage, ReviewPage, ScoresPage,
                           TargetsPage, SummaryPage, ChartsPage):
            page = page_class(store)
            qtbot.addWidget(page)
            pages[page_class.__name__] = wait_until_loaded(qtbot, page)

        for name, page in pages.items():
            headlines = [label.headline for label in page.findChildren(EmptyStateLabel)]
            assert failure_text() not in headlines, name
        completeness = pages["CompletenessPage"]
        assert isinstance(completeness, CompletenessPage)
        assert completeness.model.rowCount() == 3
        targets_page = pages["TargetsPage"]
        assert isinstance(targets_page, TargetsPage)
        assert targets_page.table.rowCount() == 3
        summary = pages["SummaryPage"]
        assert isinstance(summary, SummaryPage)
        assert summary.model.rowCount() == 3
    finally:
        for page in pages.values():
            page.close()
        store.dispose()
