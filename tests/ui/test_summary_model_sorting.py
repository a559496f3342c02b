"""The summary model sorts its own rows and the proxy filters on cached cell texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from meili_desktop.domain.summary import Grouping
from meili_desktop.services import reports
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.summary_model import (
    KEY_ROLE,
    SORT_ROLE,
    SummaryProxyModel,
    SummaryTableModel,
)
from tests.reports.report_support import (
    PERIOD,
    TOWN_A,
    TOWN_C,
    open_office_store,
    seed_report_data,
)

TOWN_COLUMN = 2
ATTAINMENT_COLUMN = 13


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    seed_report_data(opened)
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def models(store: Store) -> tuple[SummaryTableModel, SummaryProxyModel]:
    document = reports.build_summary_document(store, [PERIOD], [Grouping.TOWN],
                                              include_details=False)
    model = SummaryTableModel()
    model.set_document(document, Grouping.TOWN)
    proxy = SummaryProxyModel()
    proxy.setSourceModel(model)
    return model, proxy


def column_texts(model: SummaryTableModel | SummaryProxyModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_sort_by_text_column(models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    model, proxy = models

    proxy.sort(TOWN_COLUMN, Qt.SortOrder.DescendingOrder)

    names = column_texts(proxy, TOWN_COLUMN)
    assert names == sorted(names, reverse=True)
    assert column_texts(model, TOWN_COLUMN) == names


def test_sort_by_number_column(models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    _, proxy = models

    proxy.sort(ATTAINMENT_COLUMN, Qt.SortOrder.AscendingOrder)

    values = [proxy.index(row, ATTAINMENT_COLUMN).data(SORT_ROLE)
              for row in range(proxy.rowCount())]
    assert values == sorted(values)


def test_sort_moves_keys_with_rows(models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    model, _ = models
    before = {model.index(row, TOWN_COLUMN).data(): model.index(row, 0).data(KEY_ROLE)
              for row in range(model.rowCount())}

    model.sort(TOWN_COLUMN, Qt.SortOrder.DescendingOrder)

    after = {model.index(row, TOWN_COLUMN).data(): model.index(row, 0).data(KEY_ROLE)
             for row in range(model.rowCount())}
    assert after == before


def test_sort_keeps_persistent_index(
        models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    model, _ = models
    row = next(row for row in range(model.rowCount())
               if model.index(row, 0).data(KEY_ROLE) == TOWN_C)
    persistent = QPersistentModelIndex(model.index(row, TOWN_COLUMN))

    model.sort(TOWN_COLUMN, Qt.SortOrder.AscendingOrder)
    model.sort(TOWN_COLUMN, Qt.SortOrder.DescendingOrder)

    assert model.index(persistent.row(), 0).data(KEY_ROLE) == TOWN_C


def test_sort_survives_new_document(store: Store,
                                    models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    model, proxy = models
    proxy.sort(TOWN_COLUMN, Qt.SortOrder.DescendingOrder)
    document = reports.build_summary_document(store, [PERIOD], [Grouping.TOWN],
                                              include_details=False)

    model.set_document(document, Grouping.TOWN)

    names = column_texts(proxy, TOWN_COLUMN)
    assert names == sorted(names, reverse=True)


def test_filter_ignores_case_and_columns(
        models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    _, proxy = models

    proxy.set_filter_text("桐君")
    assert column_texts(proxy, TOWN_COLUMN) == ["桐君街道"]

    proxy.set_filter_text("余杭")
    assert len(column_texts(proxy, TOWN_COLUMN)) == 2

    proxy.set_filter_text("")
    assert proxy.rowCount() == 3


def test_filter_misses_unit_ids(models: tuple[SummaryTableModel, SummaryProxyModel]) -> None:
    _, proxy = models

    proxy.set_filter_text(TOWN_A)

    assert proxy.rowCount() == 0
