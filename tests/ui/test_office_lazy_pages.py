"""The office window builds a page only when its tab is first shown or the page is asked for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.window import PAGE_MODULES, OfficeWindow
from tests.reports.report_support import open_office_store, seed_report_data

NAMES = [module.rsplit(".", 1)[-1] for module in PAGE_MODULES]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    seed_report_data(opened)
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def window(store: Store, qtbot) -> OfficeWindow:
    built = OfficeWindow(store)
    qtbot.addWidget(built)
    return built


def test_only_first_page_built(window: OfficeWindow) -> None:
    assert list(window.pages) == NAMES
    assert window.pages.is_built(NAMES[0])
    assert [name for name in NAMES if window.pages.is_built(name)] == [NAMES[0]]


def test_every_tab_has_title(window: OfficeWindow) -> None:
    titles = [window.tabs.tabText(index) for index in range(window.tabs.count())]

    assert len(titles) == len(NAMES)
    assert all(titles)


def test_tab_switch_builds_page(window: OfficeWindow) -> None:
    index = NAMES.index("summary_page")

    window.tabs.setCurrentIndex(index)

    assert window.pages.is_built("summary_page")
    page = window.pages["summary_page"]
    assert page.objectName() == "summaryPage"
    assert window.tabs.widget(index).isAncestorOf(page)


def test_lookup_builds_page_once(window: OfficeWindow) -> None:
    first = window.pages["targets_page"]

    second = window.pages["targets_page"]

    assert first is second
    assert window.pages.is_built("targets_page")
    assert window.tabs.currentIndex() == 0


def test_unknown_page_raises(window: OfficeWindow) -> None:
    with pytest.raises(KeyError):
        window.pages["no_such_page"]
