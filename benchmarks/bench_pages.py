"""Benchmark how long opening each office page blocks the GUI thread.

A child process opens the office window on a merged office data folder, offscreen at 1280 ×
800, and waits until its first page (the inbox) is built and idle. It then opens every other
page in the order of the tabs, as a clerk clicking through them does: the page is built when
its tab is shown, and it reads its data. A 10 ms timer ticks throughout. For each page the
figure is the longest gap between two ticks, from the tick before the tab is shown until
200 ms after the page has shown its data. That is the longest time the window did not take
input. The child also reports when the page had shown its data, how long building it took
and when the longest gap ended, in seconds from the tab's showing.

A page counts as loaded when none of its loaders (``PageLoader``) waits for a result and no
job of its own is running (the summary and charts pages of earlier versions computed in
their own workers). The child therefore also measures the code from before the pages read
their data on the read pool: ``--source DIR`` runs the ``meili_desktop`` package in DIR.

Each repetition is a fresh child, and the figure is the median of the repetitions. The
baseline is the longest gap of the same timer over one second in which the window does
nothing, the timer's own jitter on the machine. The target is that no page blocks the GUI
thread for more than 100 ms, "about the limit for having the user feel that the system is
reacting instantaneously" (Jakob Nielsen, Usability Engineering, 1993, chapter 5, quoted at
https://www.nngroup.com/articles/response-times-3-important-limits/).

Usage: python -m benchmarks.bench_pages OFFICE_DIR [--repetitions N] [--source DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, bounded_figure, format_figure, run_child

MAX_STALL_MS = 100.0
# The interval of the timer whose gaps show how long the event loop was blocked.
TICK_MS = 10
# How long the timer keeps ticking after a page has shown its data, for the repaint.
TAIL_MS = 200
IDLE_MS = 1000
PAGE_TIMEOUT_S = 600.0
WINDOW_SIZE = (1280, 800)


def run(office_dir: Path, repetitions: int = 1, label: str = "",
        source: Path | None = None) -> list[Figure]:
    """Open every page of ``office_dir`` in fresh child processes and return a figure each.

    ``source`` is a checkout whose ``meili_desktop`` the children run instead of this one.
    """
    reports = [measure(office_dir, source) for _ in range(repetitions)]
    figures = []
    for index, first in enumerate(reports[0]["pages"]):
        samples = [report["pages"][index] for report in reports]
        stalls = [sample["max_stall_ms"] for sample in samples]
        idle = statistics.median(report["idle_ms"] for report in reports)
        figures.append(bounded_figure(
            f"open {first['name']} page{label}", "ms", statistics.median(stalls), idle,
            MAX_STALL_MS, repetitions=repetitions, max_stall_ms_samples=stalls,
            loaded_s_median=statistics.median(sample["loaded_s"] for sample in samples),
            build_ms_median=statistics.median(sample["build_ms"] for sample in samples),
            max_stall_end_s=[sample["max_stall_end_s"] for sample in samples]))
    return figures


def measure(office_dir: Path, source: Path | None = None) -> dict[str, Any]:
    """Run one child on ``office_dir`` and return its report."""
    env = {"QT_QPA_PLATFORM": "offscreen"}
    if source is not None:
        # The benchmark's modules come from this checkout, the product's from ``source``.
        env["MEILI_BENCH_SOURCE"] = str(source.resolve())
    return run_child(["-m", "benchmarks.bench_pages", "--child", str(office_dir)], env=env,
                     timeout_s=PAGE_TIMEOUT_S * 4)


# --- the child process -------------------------------------------------------------------


class _Heartbeat:
    """A timer that records the longest gap between its ticks while an action runs."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        self._loop = QEventLoop()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._single_shot = QTimer.singleShot
        self._action: Callable[[], object] = lambda: None
        self._is_done: Callable[[], bool] = lambda: True
        self._reset()

    def _reset(self) -> None:
        self.last = self.started = time.perf_counter()
        self.max_gap = self.max_gap_end = self.build_s = 0.0
        self.has_run = False
        self.done_at: float | None = None
        self.deadline = time.monotonic() + PAGE_TIMEOUT_S
        self.timed_out = False

    def measure(self, action: Callable[[], object],
                is_done: Callable[[], bool]) -> dict[str, float]:
        """Run ``action`` from the event loop and tick until ``is_done()`` and the tail.

        Raises:
            TimeoutError: ``is_done()`` was still false after ``PAGE_TIMEOUT_S``.
        """
        self._reset()
        self._action, self._is_done = action, is_done
        self._timer.start()
        self._loop.exec()
        self._timer.stop()
        if self.timed_out or self.done_at is None:
            raise TimeoutError(f"the page showed no data within {PAGE_TIMEOUT_S} s")
        return {"max_stall_ms": round(self.max_gap * 1000, 1),
                "build_ms": round(self.build_s * 1000, 1),
                "loaded_s": round(self.done_at - self.started, 3),
                "max_stall_end_s": round(self.max_gap_end - self.started, 3)}

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.max_gap:
            self.max_gap, self.max_gap_end = now - self.last, now
        self.last = now
        if not self.has_run:
            # The first tick starts the clock, and the action runs in the next loop pass.
            self.has_run = True
            self.started = now
            self._single_shot(0, self._run_action)
            return
        if self.done_at is None and self.build_s and self._is_done():
            self.done_at = now
        if self.done_at is not None and now - self.done_at >= TAIL_MS / 1000:
            self._loop.quit()
        if time.monotonic() > self.deadline:
            self.timed_out = True
            self._loop.quit()

    def _run_action(self) -> None:
        started = time.perf_counter()
        self._action()
        self.build_s = max(time.perf_counter() - started, 1e-9)


def _idle_gap_ms(milliseconds: int) -> float:
    """Return the longest gap between the timer's ticks while the window does nothing."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(TICK_MS)
    state = {"last": time.perf_counter(), "max_gap": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        state["max_gap"] = max(state["max_gap"], now - state["last"])
        state["last"] = now

    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    timer.stop()
    return round(state["max_gap"] * 1000, 1)


def _child(office_dir: Path) -> dict[str, Any]:
    """Open each page of the office window in turn and return the stall figures."""
    source = os.environ.get("MEILI_BENCH_SOURCE")
    if source:
        sys.path.insert(0, source)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from meili_desktop.store.datafolder import open_store
    from meili_desktop.ui.office.window import OfficeWindow

    try:
        from meili_desktop.ui.office.page_loading import is_page_loading
    except ImportError:  # code from before the page loader: pages load while being built

        def is_page_loading(_page: QWidget) -> bool:
            return False

    def is_loaded(page: QWidget) -> bool:
        return not is_page_loading(page) and not getattr(page, "_workers", None)

    app = QApplication(sys.argv[:1])
    settings_dir = tempfile.mkdtemp(prefix="meili-bench-pages-")
    # The window reads and writes its geometry through QSettings; keep the user's own apart.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    store = open_store(office_dir)
    window = OfficeWindow(store)
    window.resize(*WINDOW_SIZE)
    window.show()
    heartbeat = _Heartbeat()
    # The inbox, built with the window, first finishes what it started.
    first = window.pages[window.page_modules[0].rsplit(".", 1)[-1]]
    heartbeat.measure(lambda: None, lambda: is_loaded(first))
    idle_ms = _idle_gap_ms(IDLE_MS)
    pages = []
    for module_name in window.page_modules[1:]:
        name = module_name.rsplit(".", 1)[-1]
        result: dict[str, Any] = dict(heartbeat.measure(
            lambda name=name: window.show_page(name),
            lambda name=name: is_loaded(window.pages[name])))
        result["name"] = name.removesuffix("_page")
        pages.append(result)
    window.close()
    store.dispose()
    app.processEvents()
    shutil.rmtree(settings_dir, ignore_errors=True)
    return {"idle_ms": idle_ms, "pages": pages}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("office_dir", type=Path, help="a merged office data folder")
    parser.add_argument("--repetitions", type=int, default=3,
                        help="fresh windows to open every page in (default 3)")
    parser.add_argument("--source", type=Path,
                        help="a checkout whose meili_desktop package to measure instead")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.office_dir)))
        sys.stdout.flush()
        # Skip the interpreter's teardown of Qt and the thread pools, which is not measured.
        os._exit(0)
    figures = run(args.office_dir, args.repetitions, source=args.source)
    for figure in figures:
        print(format_figure(figure))
        print(f"    {json.dumps(figure.details)}")
    return 1 if any(figure.is_met is False for figure in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
