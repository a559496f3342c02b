"""Benchmark the province-scale summary export against bare openpyxl writing the same cells.

Builds a synthetic office database in a temporary SQLite file: ``--towns`` towns in 90
counties, every task of the embedded catalogue reported by towns (43 tasks), ``--periods``
quarters of entries with year targets. Then it times

1. the product: ``services.reports.export_summary`` (queries, roll-ups in every grouping,
   one detail sheet per period, layout and formats), and
2. bare openpyxl in write-only mode writing the same cell values with the same number
   formats, read back from the product's workbook beforehand (not timed),

and prints both times and their ratio. The target is a ratio of at most 1.5.

Usage: python benchmarks/bench_excel_export.py [--quick] [--towns N] [--periods N] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook, load_workbook  # noqa: E402 - after the path set-up
from openpyxl.cell import WriteOnlyCell  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from meili_desktop.domain.catalogue import MeasureType, TaskLevel  # noqa: E402
from meili_desktop.services.catalogue import load_embedded_catalogue  # noqa: E402
from meili_desktop.services.reports import ALL_GROUPINGS, export_summary  # noqa: E402
from meili_desktop.store import catalogue_repo, models  # noqa: E402
from meili_desktop.store.datafolder import Store, open_store  # noqa: E402

COUNTIES = 90
STATUSES = ("not_started", "in_progress", "done", "not_applicable")
RATIO_TARGET = 1.5


def quarter_codes(count: int) -> list[str]:
    return [f"{2021 + index // 4}Q{index % 4 + 1}" for index in range(count)]


def build_database(root: Path, towns: int, periods: list[str], seed: int = 7) -> Store:
    """Create the synthetic data folder: catalogue, units, periods, targets and entries."""
    store = open_store(root)
    catalogue = load_embedded_catalogue()
    tasks = tuple(dataclasses.replace(task, level=TaskLevel.TOWNSHIP) for task in catalogue.tasks)
    bench_catalogue = dataclasses.replace(catalogue, version="bench", tasks=tasks)
    random_numbers = random.Random(seed)
    now = datetime(2021, 12, 31, 12, 0)
    with store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, bench_catalogue, activate=True)
        session.execute(insert(models.ReportingUnit), [
            {"id": "33", "name": "浙江省", "kind": "city", "parent_id": None, "created_at": now}])
        session.execute(insert(models.ReportingUnit), [
            {"id": f"33{index:04d}", "name": f"第{index}县", "kind": "county", "parent_id": "33",
             "created_at": now} for index in range(COUNTIES)])
        town_ids = [f"33{index % COUNTIES:04d}{index:03d}" for index in range(towns)]
        session.execute(insert(models.ReportingUnit), [
            {"id": town_id, "name": f"第{index}镇", "kind": "township",
             "parent_id": town_id[:6], "town_type": "样板镇" if index % 5 == 0 else "达标镇",
             "is_programme_town": True, "created_at": now}
            for index, town_id in enumerate(town_ids)])
        session.execute(insert(models.Period), [
            {"code": code, "kind": "quarter", "start_date": date(int(code[:4]), 1, 1),
             "end_date": date(int(code[:4]), 12, 31), "state": "open"} for code in periods])
        session.execute(insert(models.Target), [
            {"task_number": task.number, "unit_id": town_id, "period_code": code[:4],
             "value": str(random_numbers.randint(1, 100)), "method": "manual", "version": 1,
             "updated_at": now}
            for code in sorted({period[:4] for period in periods})
            for town_id in town_ids for task in tasks
            if task.measure not in (MeasureType.MILESTONE, MeasureType.QUALITATIVE)])
        for code in periods:
            session.execute(insert(models.Entry), [
                _entry(random_numbers, town_id, task.number, task.measure, code, now)
                for town_id in town_ids for task in tasks])
    return store


def _entry(random_numbers: random.Random, unit_id: str, task: int, measure: MeasureType,
           period: str, now: datetime) -> dict[str, Any]:
    row: dict[str, Any] = {"unit_id": unit_id, "task_number": task, "period_code": period,
                           "status": random_numbers.choice(STATUSES), "narrative": "按计划推进",
                           "responsible_person": "张三", "revision": 1, "updated_at": now}
    if measure in (MeasureType.PERCENT, MeasureType.RATE):
        denominator = random_numbers.randint(10, 500)
        numerator = random_numbers.randint(0, denominator)
        row.update(numerator=str(numerator), denominator=str(denominator),
                   value=str(round(100 * numerator / denominator, 2)))
    elif measure in (MeasureType.COUNT, MeasureType.LENGTH):
        row["value"] = str(random_numbers.randint(0, 120))
    return row


def read_cells(path: Path) -> list[tuple[str, list[list[tuple[Any, str | None]]]]]:
    """Return every sheet's rows of (value, number format) from the product's workbook."""
    workbook = load_workbook(path, read_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            rows.append([(cell.value, cell.number_format if cell.value is not None and
                          cell.number_format != "General" else None) for cell in row])
        sheets.append((sheet.title, rows))
    workbook.close()
    return sheets


def write_bare(path: Path, sheets: list[tuple[str, list[list[tuple[Any, str | None]]]]]) -> int:
    """Write the cells with bare openpyxl in write-only mode; return the number of cells."""
    workbook = Workbook(write_only=True)
    cells = 0
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            out: list[Any] = []
            for value, number_format in row:
                if number_format is None:
                    out.append(value)
                else:
                    cell = WriteOnlyCell(sheet, value)
                    cell.number_format = number_format
                    out.append(cell)
                cells += value is not None
            sheet.append(out)
    workbook.save(path)
    return cells


def run(towns: int, period_count: int) -> dict[str, Any]:
    periods = quarter_codes(period_count)
    with tempfile.TemporaryDirectory(prefix="meili-bench-") as folder:
        root = Path(folder)
        started = time.perf_counter()
        store = build_database(root / "data", towns, periods)
        build_seconds = time.perf_counter() - started
        try:
            product_path = root / "product.xlsx"
            started = time.perf_counter()
            rows = export_summary(store, product_path, periods, ALL_GROUPINGS)
            product_seconds = time.perf_counter() - started
        finally:
            store.dispose()
        sheets = read_cells(product_path)
        started = time.perf_counter()
        cells = write_bare(root / "bare.xlsx", sheets)
        bare_seconds = time.perf_counter() - started
    return {"towns": towns, "tasks": 43, "periods": period_count, "data_rows": rows,
            "cells": cells, "build_seconds": round(build_seconds, 2),
            "product_seconds": round(product_seconds, 2), "bare_seconds": round(bare_seconds, 2),
            "ratio": round(product_seconds / bare_seconds, 3), "target_ratio": RATIO_TARGET}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 towns and 2 periods")
    parser.add_argument("--towns", type=int, default=1010, help="number of towns")
    parser.add_argument("--periods", type=int, default=4, help="number of quarters")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    towns, periods = (50, 2) if args.quick else (args.towns, args.periods)
    result = run(towns, periods)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['towns']} towns x 43 tasks x {result['periods']} periods: "
              f"{result['data_rows']} data rows, {result['cells']} cells")
        print(f"product export: {result['product_seconds']:.2f} s")
        print(f"bare openpyxl:  {result['bare_seconds']:.2f} s")
        print(f"ratio: {result['ratio']:.3f} (target <= {RATIO_TARGET})")
    return 0 if result["ratio"] <= RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
