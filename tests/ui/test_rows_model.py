"""The office lists' row model: cells, colours, sorting, and the review list's kept choice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from meili_desktop.services import merge
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.review_page import ReviewPage
from meili_desktop.ui.office.rows_model import RowsModel, TextRow
from tests.reports.report_support import chinese  # noqa: F401 - fixture
from tests.services.merge_support import (
    COUNT_TASK,
    PERIOD,
    entry_record,
    make_package,
    open_office_store,
)
from tests.ui.page_helpers import wait_until_loaded

ROWS = [TextRow(("仁和街道", "9"), "#fde2e1", ("仁和街道", 9)),
        TextRow(("五常街道", "10"), None, ("五常街道", 10)),
        TextRow(("桐君街道", "2"), "#e2f0d9", ("桐君街道", 2))]


def column_texts(model: RowsModel, column: int) -> list[str]:
    return [model.text(row, column) for row in range(model.rowCount())]


def test_cells_tooltips_and_colours() -> None:
    model = RowsModel(["Township", "Packages"])
    model.set_rows(ROWS)

    assert model.rowCount() == 3
    assert model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Packages"
    index = model.index(0, 1)
    assert model.data(index) == "9"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "9"
    background = model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert background.color().name() == "#fde2e1"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(index, Qt.ItemDataRole.FontRole) is None


def test_numbers_sort_as_numbers() -> None:
    model = RowsModel(["Township", "Packages"])
    model.set_rows(ROWS)

    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert column_texts(model, 1) == ["2", "9", "10"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert column_texts(model, 1) == ["10", "9", "2"]


@pytest.mark.usefixtures("chinese")
def test_chinese_texts_sort_by_pinyin() -> None:
    model = RowsModel(["County"])
    model.set_rows([TextRow((name,)) for name in ("余杭区", "淳安县", "临平区", "桐庐县")])

    model.sort(0, Qt.SortOrder.AscendingOrder)

    # By code point 临 (U+4E34) and 余 (U+4F59) would come first.
    assert column_texts(model, 0) == ["淳安县", "临平区", "桐庐县", "余杭区"]


def test_new_rows_keep_sort_order() -> None:
    model = RowsModel(["Township", "Packages"])
    model.sort(1, Qt.SortOrder.AscendingOrder)

    model.set_rows(ROWS)

    assert column_texts(model, 1) == ["2", "9", "10"]


def test_selection_follows_sort(qtbot: QtBot) -> None:
    model = RowsModel(["Township", "Packages"])
    model.set_rows(ROWS)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectionModel().select(
        model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)

    model.sort(1, Qt.SortOrder.AscendingOrder)

    (chosen,) = view.selectionModel().selectedRows()
    assert model.text(chosen.row(), 0) == "五常街道"


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    merge.merge(store, make_package([entry_record(), entry_record(task=COUNT_TASK,
                                                                  value="2")]))
    yield store
    store.dispose()


def test_review_keeps_chosen_entry(qtbot: QtBot, office: Store) -> None:
    page = ReviewPage(office)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)
    page.period_combo.setCurrentIndex(page.period_combo.findData(PERIOD))
    wait_until_loaded(qtbot, page)
    page.table.selectRow(1)
    chosen = page.selected()
    assert chosen is not None

    page.reload()
    wait_until_loaded(qtbot, page)

    again = page.selected()
    assert again is not None
    assert again.key == chosen.key
    assert page.accept_button.isEnabled()
