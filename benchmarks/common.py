"""What every benchmark shares: the result record, timers, child-process memory, formatting.

A benchmark compares the product with a baseline measured in the same run on the same bytes,
so the ratio holds on a slow or noisy machine even when the absolute figures do not.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass
class Figure:
    """One comparison: the product's figure, the baseline's and their ratio.

    ``ratio`` is product over baseline for times and baseline over product for throughputs,
    so a ratio above 1 always means the product is slower. ``limit`` is the largest ratio
    that meets the target and ``max_product`` the largest product figure that does; either
    is None when the target does not bound it.
    """

    name: str
    unit: str
    product: float
    baseline: float | None
    ratio: float | None
    limit: float | None
    details: dict[str, Any] = field(default_factory=dict)
    max_product: float | None = None

    @property
    def is_met(self) -> bool | None:
        """Whether every bound holds; None when the figure has no bound."""
        checks = []
        if self.limit is not None and self.ratio is not None:
            checks.append(self.ratio <= self.limit)
        if self.max_product is not None:
            checks.append(self.product <= self.max_product)
        return all(checks) if checks else None


def time_figure(name: str, product_seconds: float, baseline_seconds: float,
                limit: float | None, **details: Any) -> Figure:
    """Return a figure comparing two durations in seconds."""
    return Figure(name, "s", product_seconds, baseline_seconds,
                  product_seconds / baseline_seconds if baseline_seconds > 0 else None,
                  limit, details)


def throughput_figure(name: str, size_bytes: int, product_seconds: float,
                      baseline_seconds: float, limit: float | None, **details: Any) -> Figure:
    """Return a figure comparing two throughputs in MiB/s over the same bytes."""
    product = size_bytes / 2**20 / product_seconds
    baseline = size_bytes / 2**20 / baseline_seconds
    return Figure(name, "MiB/s", product, baseline, baseline / product, limit, details)


def bounded_figure(name: str, unit: str, product: float, baseline: float,
                   max_product: float, **details: Any) -> Figure:
    """Return a figure whose target is an absolute bound on the product's figure."""
    return Figure(name, unit, product, baseline, product / baseline if baseline > 0 else None,
                  None, details, max_product)


class Stopwatch:
    """Measure the wall-clock time of a ``with`` block in seconds."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __enter__(self) -> Stopwatch:
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.seconds = time.perf_counter() - self._started


def run_child(arguments: Sequence[str], *, env: dict[str, str] | None = None,
              timeout_s: float = 3600.0) -> dict[str, Any]:
    """Run ``python arguments...`` from the repository root; return the JSON it prints last.

    The child prints one JSON object as its last line of output.

    Raises:
        RuntimeError: the child failed; the message has its output.
    """
    child_env = dict(os.environ)
    child_env.update(env or {})
    child_env["PYTHONPATH"] = str(ROOT)
    completed = subprocess.run([PYTHON, *arguments], cwd=ROOT, env=child_env,
                               capture_output=True, text=True, timeout=timeout_s, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed with {completed.returncode}:\n"
                           f"{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def own_peak_rss_mib() -> float:
    """Return this process's resident-memory high-water mark in MiB.

    On Linux this is ``VmHWM`` from ``/proc/self/status``, which starts afresh when the
    process executes a new program. ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` does not:
    Linux carries it over from the forked copy of the parent, so a child started by a large
    parent would report the parent's size. Elsewhere ``ru_maxrss`` is used (bytes on macOS,
    KiB on other systems).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def machine_description() -> dict[str, Any]:
    """Return the CPU model, core count, memory and software versions of this machine."""
    model = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_kib = int(line.split()[1])
    except OSError:
        pass
    import cryptography
    import PySide6
    import sqlalchemy

    return {"cpu": model, "cores": os.cpu_count(), "memory_gib": round(memory_kib / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "sqlite": __import__("sqlite3").sqlite_version, "sqlalchemy": sqlalchemy.__version__,
            "cryptography": cryptography.__version__, "pyside6": PySide6.__version__}


def format_figure(figure: Figure) -> str:
    """Return one aligned line: name, product, baseline, ratio and whether the target holds."""
    baseline = "" if figure.baseline is None else f"{figure.baseline:12.3f}"
    ratio = "" if figure.ratio is None else f"{figure.ratio:7.2f}"
    limit = "" if figure.limit is None else f"<= {figure.limit:g}"
    if figure.max_product is not None:
        limit = f"<= {figure.max_product:g} {figure.unit}"
    verdict = {True: "met", False: "MISSED", None: ""}[figure.is_met]
    return (f"{figure.name:<44} {figure.product:12.3f} {baseline:>12} {figure.unit:<6} "
            f"{ratio:>7} {limit:<7} {verdict}")


def figure_document(figure: Figure) -> dict[str, Any]:
    """Return the figure as a JSON-ready dict, with ``is_met``."""
    document = asdict(figure)
    document["is_met"] = figure.is_met
    return document
