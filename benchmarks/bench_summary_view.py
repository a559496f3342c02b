"""Benchmark filtering and sorting the office's summary table against a bare Qt table.

The office's summary page (``SummaryPage``) is built on a merged office data folder and shown
offscreen at 1280 x 800. Its background job computes the summary by town of the latest
period, one row per town. Then, timed each, with the view's repaint included:

- filtering: typing each of several texts into the filter box (a county name, a town name,
  a common suffix such as 镇, text that matches nothing) and clearing it;
- sorting: clicking every column, ascending and descending.

One filter and one sort run untimed first, on both tables. Each time runs from the change
to the end of the repaint it causes. The time until the proxy model has filtered or sorted,
before any painting, is kept as ``max_model_ms``.

The target is that every single operation finishes within 50 ms. For scale, the same
operations run on a bare ``QTableView`` of the same size over a ``QStandardItemModel`` of
the same display texts and sort values, behind a plain ``QSortFilterProxyModel``. The ratio
of the slowest operations is reported without a target.

Usage: python -m benchmarks.bench_summary_view OFFICE_DIR
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, bounded_figure, format_figure, run_child

MAX_MS = 50.0
_DOCUMENT_TIMEOUT_S = 300.0


def run(office_dir: Path, label: str = "") -> list[Figure]:
    """Filter and sort the summary of ``office_dir`` in a child process; return both figures."""
    result = run_child(["-m", "benchmarks.bench_summary_view", "--child", str(office_dir)],
                       env={"QT_QPA_PLATFORM": "offscreen"})
    shape = f"{result['rows']} rows x {result['columns']} columns"
    return [
        bounded_figure(f"filter summary table ({shape}){label}", "ms",
                       max(result["filter_ms"]), max(result["bare_filter_ms"]), MAX_MS,
                       operations=len(result["filter_ms"]),
                       median_ms=round(statistics.median(result["filter_ms"]), 2),
                       max_model_ms=round(max(result["filter_model_ms"]), 2),
                       towns=result["towns"], tasks=result["tasks"]),
        bounded_figure(f"sort summary table ({shape}){label}", "ms",
                       max(result["sort_ms"]), max(result["bare_sort_ms"]), MAX_MS,
                       operations=len(result["sort_ms"]),
                       median_ms=round(statistics.median(result["sort_ms"]), 2),
                       max_model_ms=round(max(result["sort_model_ms"]), 2),
                       towns=result["towns"], tasks=result["tasks"]),
    ]


def _child(office_dir: Path) -> dict[str, Any]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from meili_desktop.store.datafolder import open_store
    from meili_desktop.ui.office.summary_model import SORT_ROLE
    from meili_desktop.ui.office.summary_page import SummaryPage

    app = QApplication(sys.argv[:1])
    store = open_store(office_dir)
    page = SummaryPage(store)
    page.resize(1280, 800)
    page.show()
    deadline = time.monotonic() + _DOCUMENT_TIMEOUT_S
    while page.document is None:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no summary after {_DOCUMENT_TIMEOUT_S} s: "
                               f"{page.status_label.text()}")
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()

    model = page.model
    rows, columns = model.rowCount(), model.columnCount()
    display = [[model.data(model.index(row, column)) for column in range(columns)]
               for row in range(rows)]
    sort_values = [[model.data(model.index(row, column), SORT_ROLE) for column in range(columns)]
                   for row in range(rows)]
    texts = _filter_texts(display)

    model_ms: dict[str, list[float]] = {"filter": [], "sort": []}

    def timed(kind: str, action: Any) -> float:
        started = time.perf_counter()
        action()
        model_ms[kind].append((time.perf_counter() - started) * 1000)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    _warm_up(app, lambda: page.filter_edit.setText(texts[0]), lambda: page.filter_edit.clear(),
             lambda: page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder))
    filter_ms = [timed("filter", lambda text=text: page.filter_edit.setText(text))
                 for text in texts]
    sort_ms = [timed("sort", lambda column=column, order=order:
                     page.table.sortByColumn(column, order))
               for column in range(columns)
               for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
    document = page.document
    bare_filter_ms, bare_sort_ms = _bare_qt_ms(app, display, sort_values, texts)
    result = {"rows": rows, "columns": columns, "filter_ms": filter_ms, "sort_ms": sort_ms,
              "filter_model_ms": model_ms["filter"], "sort_model_ms": model_ms["sort"],
              "towns": len(document.scope.towns), "tasks": len(document.scope.tasks),
              "bare_filter_ms": bare_filter_ms, "bare_sort_ms": bare_sort_ms}
    page.close()
    store.dispose()
    return result


def _filter_texts(display: list[list[str]]) -> list[str]:
    """Return filter texts: a county, a town, common suffixes, no match, and clearing."""
    county = display[len(display) // 2][1] if display else ""
    town = display[len(display) // 3][2] if display else ""
    return [county, "", town, "", "镇", "街道", "", "不存在的名称", "", "1", ""]


def _bare_qt_ms(app: Any, display: list[list[str]], sort_values: list[list[Any]],
                texts: list[str]) -> tuple[list[float], list[float]]:
    """Time the same operations on a bare QTableView over a QStandardItemModel."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    columns = len(display[0]) if display else 0
    model = QStandardItemModel(len(display), columns)
    for row, (texts_row, values_row) in enumerate(zip(display, sort_values, strict=True)):
        for column, (text, value) in enumerate(zip(texts_row, values_row, strict=True)):
            item = QStandardItem(text)
            item.setData(value, _BARE_SORT_ROLE)
            model.setItem(row, column, item)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(_BARE_SORT_ROLE)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    _warm_up(app, lambda: proxy.setFilterFixedString(texts[0]),
             lambda: proxy.setFilterFixedString(""),
             lambda: view.sortByColumn(1, Qt.SortOrder.AscendingOrder))

    def timed(action: Any) -> float:
        started = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    filter_ms = [timed(lambda text=text: proxy.setFilterFixedString(text)) for text in texts]
    sort_ms = [timed(lambda column=column, order=order: view.sortByColumn(column, order))
               for column in range(columns)
               for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
    view.close()
    return filter_ms, sort_ms


_BARE_SORT_ROLE = 257  # Qt.ItemDataRole.UserRole + 1


def _warm_up(app: Any, *actions: Any) -> None:
    """Run ``actions`` untimed, so that one-time costs (first layout, glyph caches) of the
    table and of the bare table do not land on the first timed operation."""
    for action in actions:
        action()
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("office_dir", type=Path, help="a merged office data folder")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.office_dir)))
        return 0
    figures = run(args.office_dir)
    for figure in figures:
        print(format_figure(figure))
    return 0 if all(figure.is_met is not False for figure in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
