"""The benchmarks' quick mode runs end to end and produces figures, so they cannot rot.

Ratios are not checked: at quick sizes fixed costs dominate, and shared CI machines are
noisy. ``python -m benchmarks.run --full`` checks the targets by hand.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run ``benchmarks.run --quick`` once and return its JSON document and exit status."""
    folder = tmp_path_factory.mktemp("benchmarks")
    output = folder / "figures.json"
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--data-dir", str(folder / "data"),
         "--json", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    document = json.loads(output.read_text(encoding="utf-8")) if output.exists() else {}
    return {"status": completed.returncode, "stdout": completed.stdout,
            "stderr": completed.stderr, "document": document}


def figures_named(quick_run: dict[str, Any], prefix: str) -> list[dict[str, Any]]:
    return [figure for figure in quick_run["document"].get("figures", [])
            if figure["name"].startswith(prefix)]


def test_quick_run_finishes(quick_run: dict[str, Any]) -> None:
    # Exit status 1 means a target was missed, which quick sizes may do.
    assert quick_run["status"] in (0, 1), quick_run["stderr"][-4000:]
    assert quick_run["document"]["mode"] == "quick"


@pytest.mark.parametrize("prefix, count", [
    ("merge ", 1),
    ("C1 ", 4),
    ("G1 ", 4),
    ("start office window", 1),
    ("filter summary table", 1),
    ("sort summary table", 1),
    ("open ", 9),
    ("export summary workbook", 1),
])
def test_quick_run_has_figures(quick_run: dict[str, Any], prefix: str, count: int) -> None:
    figures = figures_named(quick_run, prefix)

    assert len(figures) == count, quick_run["stdout"][-4000:]
    for figure in figures:
        assert figure["product"] > 0
        assert figure["baseline"] > 0
        assert figure["ratio"] > 0
        assert figure["is_met"] in (True, False)


def test_quick_run_printed_table(quick_run: dict[str, Any]) -> None:
    lines = quick_run["stdout"].splitlines()

    assert lines[0].split()[:3] == ["benchmark", "product", "baseline"]
    assert any(line.startswith("merge ") for line in lines)
    assert "figures in" in lines[-1]


def test_merge_figure_counts_rows(quick_run: dict[str, Any]) -> None:
    (merge,) = figures_named(quick_run, "merge ")

    assert merge["details"]["outcomes"] == {"merged": merge["details"]["packages"]}
    assert merge["details"]["rows"]["entries"] == merge["details"]["entries"]
    assert merge["details"]["rows"]["entry_revisions"] == merge["details"]["entries"]


def test_machine_recorded(quick_run: dict[str, Any]) -> None:
    machine = quick_run["document"]["machine"]

    assert machine["cores"] >= 1
    assert machine["memory_gib"] > 0


def test_pages_report_loading(quick_run: dict[str, Any]) -> None:
    figures = figures_named(quick_run, "open ")

    assert [figure["name"] for figure in figures] == [
        f"open {name} page" for name in ("completeness", "conflicts", "review", "summary",
                                         "charts", "targets", "scores", "distribution",
                                         "audit")]
    for figure in figures:
        # Each page showed its data, after the tab was shown and its page built.
        assert figure["details"]["loaded_s_median"] > 0
        assert figure["details"]["build_ms_median"] > 0


def test_startup_waits_for_data(quick_run: dict[str, Any]) -> None:
    (startup,) = figures_named(quick_run, "start office window")
    details = startup["details"]

    # The window appears first; its first page is built from the data afterwards.
    assert details["ready_median"] > startup["product"]
    assert details["longest_gap_ms_median"] > 0
    assert len(details["ready_samples"]) == details["repetitions"]


def test_merge_phases_reads_and_merges(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.merge_phases", "--towns", "3", "--packages", "12",
         "--data-dir", str(tmp_path / "data"), "--profile-dir", str(tmp_path / "profiles")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)

    assert completed.returncode == 0, completed.stderr
    assert "read 12 packages:" in completed.stdout
    assert "merge 12 packages:" in completed.stdout
    assert "outcomes: {'merged': 12}" in completed.stdout
    assert (tmp_path / "profiles" / "read.prof").stat().st_size > 0
    assert (tmp_path / "profiles" / "merge.prof").stat().st_size > 0
