"""The preview dialog and the conflicts page name packages by file, sender and period."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from meili_desktop.services import merge
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.conflicts_page import ConflictsPage
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.period_names import period_name
from tests.services.merge_support import PERIOD, entry_record, make_package, open_office_store
from tests.ui.page_helpers import wait_until_loaded


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    yield store
    store.dispose()


def diverging(store: Store) -> str:
    """Merge two packages that conflict; return the second package's id."""
    merge.merge(store, make_package([entry_record(revision=3, value="70")], sequence=1))
    second = make_package([entry_record(revision=3, value="75")], sequence=2)
    merge.merge(store, second)
    return second.package_id


def stray_widgets(page: ConflictsPage) -> list[QWidget]:
    """Return shown widgets on the field table that are not in its grid."""
    children = page.grid_host.findChildren(QWidget,
                                           options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [widget for widget in children
            if widget.isVisible() and page.grid.indexOf(widget) < 0]


def test_preview_names_file_and_period(qtbot: QtBot, office: Store) -> None:
    package = make_package([entry_record(value="70")], sequence=4)

    dialog = PreviewDialog(office, package, merge.preview(office, package), "五常街道")
    qtbot.addWidget(dialog)

    text = dialog.summary.text()
    assert package.file_name in text
    assert "五常街道" in text
    assert period_name(PERIOD) in text
    assert package.package_id not in text
    assert package.package_id in dialog.summary.toolTip()


def test_conflict_title_names_file(qtbot: QtBot, office: Store) -> None:
    package_id = diverging(office)

    page = ConflictsPage(office)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)

    title = page.title.text()
    assert "330110005-2.mlpkg" in title
    assert period_name(PERIOD) in title
    assert package_id not in title
    assert package_id in page.title.toolTip()


def test_conflict_table_has_no_stray_labels(qtbot: QtBot, office: Store) -> None:
    diverging(office)

    page = ConflictsPage(office)
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    wait_until_loaded(qtbot, page)
    page.reload()
    wait_until_loaded(qtbot, page)

    assert page.field_rows
    assert stray_widgets(page) == []
