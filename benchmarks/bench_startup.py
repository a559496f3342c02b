"""Benchmark starting the app to an interactive office window against a bare QMainWindow.

Both start as fresh processes on the offscreen platform. The product child runs the real
entry point (``meili_desktop.cli.main`` with ``--data-dir``, as ``python -m meili_desktop``
does) on a populated office data folder. The baseline child creates a ``QApplication`` and
shows an empty ``QMainWindow``. Each child queues a zero-time timer before its event loop
starts. The timer fires once the loop has shown the window and handled the events that
were waiting, so it marks the first moment the window takes input. The child prints the
wall-clock time of that moment. The startup time is that moment minus the parent's time
just before it started the child.

The office window appears before its data folder is open and opens it off the GUI thread,
so the product child goes on until the window's ``data_ready`` signal: the store is open and
the first page is built. It reports that moment too, and the longest gap between the ticks
of a 10 ms timer from the first event-loop pass until then. That gap shows how long the
event loop was blocked while the data folder was opening, which input would wait for too.

One run of each is made first and discarded: it fills the operating system's file cache and
makes the day's automatic backup of the office database, which a clerk's later starts that
day do not repeat. Then each child runs ``--repetitions`` times, alternating, and the medians
are compared. The target is a ratio of at most 1.5.

A third child, reported in the details only, imports the libraries that the product imported
before its window appeared until the window came to appear ahead of its data (SQLAlchemy,
Alembic, openpyxl, cryptography), and then shows the bare window. It is the least a start
that imports them first can take.

Usage: python -m benchmarks.bench_startup DATA_DIR [--repetitions N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import Figure, format_figure, run_child, time_figure

RATIO_LIMIT = 1.5
# The interval of the timer whose gaps show how long the event loop was blocked.
GAP_TIMER_MS = 10
PYCACHE = Path(tempfile.gettempdir()) / "meili-bench-pycache"


def run(office_dir: Path, repetitions: int, label: str = "", *,
        warm_up: bool = True) -> Figure:
    """Start the app on ``office_dir`` and a bare window; compare the median start times.

    ``warm_up`` runs each child once first, untimed (see the module's description).
    """
    with tempfile.TemporaryDirectory(prefix="meili-startup-") as settings_dir:
        # Window geometry and language are read from QSettings; a private folder keeps the
        # runs from reading or changing the user's own settings.
        # The installed program runs compiled modules, so the children may cache bytecode
        # (in a folder of their own, not beside the sources) even where the environment
        # turns that off.
        env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": settings_dir,
               "PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(PYCACHE)}
        if warm_up:
            _start("product", office_dir, env)
            _start("bare", office_dir, env)
        product, bare, libraries, ready, gaps = [], [], [], [], []
        for _ in range(repetitions):
            started = _start("product", office_dir, env)
            product.append(started["interactive"])
            ready.append(started["ready"])
            gaps.append(started["longest_gap_ms"])
            bare.append(_start("bare", office_dir, env)["interactive"])
            libraries.append(_start("libraries", office_dir, env)["interactive"])
    name = f"start office window{label}"
    return time_figure(name, statistics.median(product), statistics.median(bare), RATIO_LIMIT,
                       repetitions=repetitions, product_samples=[round(x, 3) for x in product],
                       bare_samples=[round(x, 3) for x in bare],
                       libraries_median=round(statistics.median(libraries), 3),
                       libraries_samples=[round(x, 3) for x in libraries],
                       ready_median=round(statistics.median(ready), 3),
                       ready_samples=[round(x, 3) for x in ready],
                       longest_gap_ms_median=round(statistics.median(gaps), 1),
                       longest_gap_ms_samples=[round(x, 1) for x in gaps])


def _start(kind: str, office_dir: Path, env: dict[str, str]) -> dict[str, float]:
    """Start one child; return its times in seconds from the start and its longest gap."""
    started = time.time()
    result = run_child(["-m", "benchmarks.bench_startup", "--child", kind, str(office_dir)],
                       env=env, timeout_s=300)
    if kind == "product" and not result["is_office_window"]:
        raise RuntimeError(f"the app did not open the office window: {result}")
    times = {"interactive": float(result["interactive_at"]) - started}
    if kind == "product":
        times["ready"] = float(result["ready_at"]) - started
        times["longest_gap_ms"] = float(result["longest_gap_ms"])
    return times


# --- the child processes -----------------------------------------------------------------


def _child(kind: str, office_dir: Path) -> int:
    """Start the product or the bare window; print when its event loop first ran."""
    if kind == "libraries":
        # For comparison only: the bare window after importing the libraries that the
        # product imported before its window, in the product's former order (PySide6 last).
        import alembic.runtime.migration  # noqa: F401
        import alembic.script  # noqa: F401
        import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401
        import openpyxl  # noqa: F401
        import sqlalchemy.orm  # noqa: F401
    if kind == "product":
        # The entry point is imported before this child touches Qt, so every module is
        # imported in the order ``python -m meili_desktop`` imports it. The order matters
        # when running from source: once PySide6 is loaded, its import hook reads the source
        # of every module imported after it.
        from meili_desktop.cli import main
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    report: dict[str, Any] = {}
    ticks = QTimer()
    ticks.setInterval(GAP_TIMER_MS)
    last_tick = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        report["longest_gap_ms"] = max(report.get("longest_gap_ms", 0.0),
                                       (now - last_tick[0]) * 1000)
        last_tick[0] = now
        if "ready_at" in report:
            # This tick came after everything the ready signal set off had run.
            app.quit()

    def ready() -> None:
        report.setdefault("ready_at", time.time())

    def interactive() -> None:
        report["interactive_at"] = time.time()
        windows = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
        report["windows"] = [widget.objectName() or type(widget).__name__
                             for widget in windows]
        office = [widget for widget in windows if widget.objectName() == "officeWindow"]
        report["is_office_window"] = bool(office)
        if not office:
            app.quit()
            return
        office[0].data_ready.connect(ready)
        if office[0].store is not None:
            ready()
        last_tick[0] = time.perf_counter()
        ticks.timeout.connect(tick)
        ticks.start()

    # Queued now, the timer can fire only inside the event loop started after the window
    # is shown.
    QTimer.singleShot(0, interactive)
    if kind in ("bare", "libraries"):
        window = QMainWindow()
        window.show()
        app.exec()
    else:
        status = main(["--data-dir", str(office_dir)])
        if status != 0:
            raise SystemExit(f"the app exited with status {status}")
    print(json.dumps(report))
    sys.stdout.flush()
    # Skip the interpreter's teardown of Qt and the thread pools; it is not part of starting.
    os._exit(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("office_dir", type=Path, help="a populated office data folder")
    parser.add_argument("--repetitions", type=int, default=7, help="starts of each kind")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.office_dir)
    figure = run(args.office_dir, args.repetitions)
    print(format_figure(figure))
    print(json.dumps(figure.details))
    return 0 if figure.is_met is not False else 1


if __name__ == "__main__":
    sys.exit(main())
