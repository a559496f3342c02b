"""Run every benchmark, quick (small sizes, for the test suite) or full (province scale).

Each benchmark prints the product's figure, the baseline's figure from the same run and
their ratio. ``--quick`` finishes in well under a minute on a quiet machine and only shows
that every benchmark still runs, because ratios mean little at such small sizes. ``--full``
runs the province-scale figures that ``docs/performance.md`` records and, with
``--scaling``, the growth series behind its tables.

Usage:
    python -m benchmarks.run --quick [--json FILE]
    python -m benchmarks.run --full [--scaling] [--data-dir DIR] [--json FILE]

Generated data is cached in ``--data-dir`` (default ``/tmp/meili-bench``), so a second full
run skips the generation. The full run needs about 10 GB free there.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # Lets ``python benchmarks/run.py`` work as well as ``python -m benchmarks.run``.
    sys.path.insert(0, str(ROOT))

from benchmarks import (  # noqa: E402 - after the path set-up
    bench_attachment,
    bench_merge,
    bench_pages,
    bench_startup,
    bench_summary_view,
)
from benchmarks.common import (  # noqa: E402
    Figure,
    figure_document,
    format_figure,
    machine_description,
    time_figure,
)
from benchmarks.generate import ProvinceSpec, generate, province_dir, quarters  # noqa: E402

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sizes:
    """The sizes of one mode."""

    towns: int
    periods: tuple[str, ...]
    evidence_every: int
    attachment_mib: int
    g1_attachment_mib: int
    startup_repetitions: int
    page_repetitions: int
    excel_towns: int
    excel_periods: int


QUICK = Sizes(towns=8, periods=("2021Q1", "2021Q2"), evidence_every=4, attachment_mib=16,
              g1_attachment_mib=4, startup_repetitions=1, page_repetitions=1, excel_towns=20,
              excel_periods=1)
FULL = Sizes(towns=1010, periods=quarters(2021), evidence_every=20, attachment_mib=1024,
             g1_attachment_mib=1024, startup_repetitions=7, page_repetitions=5,
             excel_towns=1010, excel_periods=4)


def run_main(sizes: Sizes, data_dir: Path) -> list[Figure]:
    """Run every benchmark once at ``sizes``; return the figures in a fixed order."""
    figures: list[Figure] = []
    work = data_dir / "work"
    spec = ProvinceSpec(sizes.towns, sizes.periods, sizes.evidence_every)
    province = generate(province_dir(data_dir, spec), spec)
    merged = data_dir / f"merged-{sizes.towns}-{len(sizes.periods)}"
    figures.append(_step("merge", lambda: bench_merge.run(province, work, keep_office=merged)))
    figures += _steps("attachment C1", lambda: bench_attachment.run(
        work, sizes.attachment_mib * 2**20, "C1"))
    figures += _steps("attachment G1", lambda: bench_attachment.run(
        work, sizes.g1_attachment_mib * 2**20, "G1"))
    figures.append(_step("startup", lambda: bench_startup.run(
        merged, sizes.startup_repetitions, f" ({sizes.towns} towns merged)",
        warm_up=sizes.startup_repetitions > 1)))
    figures += _steps("summary view", lambda: bench_summary_view.run(merged))
    figures += _steps("pages", lambda: bench_pages.run(merged, sizes.page_repetitions))
    figures.append(_step("excel export", lambda: excel_figure(sizes.excel_towns,
                                                              sizes.excel_periods)))
    return figures


def run_scaling(data_dir: Path, full: list[Figure]) -> dict[str, list[Figure]]:
    """Measure how merge, start-up, summaries, export and attachments grow with size."""
    work = data_dir / "work"
    series: dict[str, list[Figure]] = {"towns": [], "periods": [], "attachment": [],
                                       "excel": []}
    for towns in (100, 300):
        spec = ProvinceSpec(towns, quarters(2021), 20)
        merged = data_dir / f"merged-{towns}-4"
        series["towns"].append(bench_merge.run(generate(province_dir(data_dir, spec), spec),
                                               work, keep_office=merged))
        series["towns"].append(bench_startup.run(merged, 5, f" ({towns} towns merged)"))
        series["towns"] += bench_summary_view.run(merged, f", {towns} towns")
        series["towns"] += bench_pages.run(merged, 3, f" ({towns} towns)")
    series["towns"] += [figure for figure in full
                        if figure.name.startswith(("merge ", "start ", "filter ", "sort ",
                                                   "open "))]
    for periods in (quarters(2021), quarters(2021) + quarters(2022),
                    quarters(2020) + quarters(2021) + quarters(2022),
                    tuple(f"2021-{month:02d}" for month in range(1, 13))):
        spec = ProvinceSpec(100, periods, 20)
        series["periods"].append(bench_merge.run(
            generate(province_dir(data_dir, spec), spec), work))
    for size_mib in (64, 256):
        series["attachment"] += bench_attachment.run(work, size_mib * 2**20, "C1")
    series["attachment"] += [figure for figure in full if "C1 1024 MiB" in figure.name]
    for towns in (100, 300, 1010):
        series["excel"].append(excel_figure(towns, 4))
    for towns, periods in ((100, 8), (100, 12)):
        series["excel"].append(excel_figure(towns, periods))
    return series


def excel_figure(towns: int, periods: int) -> Figure:
    """Run the summary export benchmark (``bench_excel_export``) and return its figure."""
    from benchmarks import bench_excel_export

    result = bench_excel_export.run(towns, periods)
    return time_figure(f"export summary workbook ({towns} towns x 43 tasks x {periods} "
                       "periods)", result["product_seconds"], result["bare_seconds"],
                       bench_excel_export.RATIO_TARGET, data_rows=result["data_rows"],
                       cells=result["cells"])


def _step(name: str, action: Callable[[], Figure]) -> Figure:
    return _steps(name, lambda: [action()])[0]


def _steps(name: str, action: Callable[[], list[Figure]]) -> list[Figure]:
    started = time.perf_counter()
    logger.info("running %s", name)
    figures = action()
    for figure in figures:
        print(format_figure(figure), flush=True)
    logger.info("%s took %.1f s", name, time.perf_counter() - started)
    return figures


def _document(mode: str, figures: list[Figure], series: dict[str, list[Figure]],
              started: float, load: tuple[float, float, float]) -> dict[str, Any]:
    return {"mode": mode, "machine": machine_description(),
            "load_average_before": load, "load_average_after": os.getloadavg(),
            "seconds": round(time.perf_counter() - started, 1),
            "figures": [figure_document(figure) for figure in figures],
            "scaling": {name: [figure_document(figure) for figure in items]
                        for name, items in series.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    mode.add_argument("--full", action="store_true", help="province scale, run by hand")
    parser.add_argument("--scaling", action="store_true",
                        help="with --full, also measure growth with towns, periods and sizes")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/meili-bench"),
                        help="folder for generated data, reused between runs")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--keep-data", action="store_true",
                        help="keep the merged offices after a quick run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    logging.getLogger("meili_desktop").setLevel(logging.WARNING)

    load = os.getloadavg()
    started = time.perf_counter()
    print(f"{'benchmark':<44} {'product':>12} {'baseline':>12} {'unit':<6} {'ratio':>7} "
          f"target")
    figures = run_main(QUICK if args.quick else FULL, args.data_dir)
    series = run_scaling(args.data_dir, figures) if args.full and args.scaling else {}
    document = _document("quick" if args.quick else "full", figures, series, started, load)
    if args.json:
        args.json.write_text(json.dumps(document, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    if args.quick and not args.keep_data:
        shutil.rmtree(args.data_dir / "work", ignore_errors=True)
    missed = [figure.name for figure in figures if figure.is_met is False]
    print(f"{len(figures)} figures in {document['seconds']} s; "
          f"{len(missed)} missed their target{': ' + ', '.join(missed) if missed else ''}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
