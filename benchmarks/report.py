"""Print the Markdown tables of ``docs/performance.md`` from a ``benchmarks.run --json`` file.

Usage: python -m benchmarks.report FIGURES.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def figure_row(figure: dict[str, Any]) -> str:
    """Return one table row: name, product, baseline, ratio, target and verdict."""
    unit = figure["unit"]
    baseline = "" if figure["baseline"] is None else f"{figure['baseline']:.3g} {unit}"
    ratio = "" if figure["ratio"] is None else f"{figure['ratio']:.2f}"
    target = ""
    if figure["limit"] is not None:
        target = f"ratio ≤ {figure['limit']:g}"
    if figure.get("max_product") is not None:
        target = f"≤ {figure['max_product']:.4g} {unit}"
    verdict = {True: "met", False: "**missed**", None: ""}[figure["is_met"]]
    return (f"| {figure['name']} | {figure['product']:.3g} {unit} | {baseline} | {ratio} | "
            f"{target} | {verdict} |")


def table(figures: list[dict[str, Any]]) -> str:
    """Return a Markdown table of figures."""
    lines = ["| benchmark | product | baseline | ratio | target | |",
             "| --- | --- | --- | --- | --- | --- |"]
    lines += [figure_row(figure) for figure in figures]
    return "\n".join(lines)


def machine_text(document: dict[str, Any]) -> str:
    """Return the machine and load as one paragraph."""
    machine = document["machine"]
    before = ", ".join(f"{value:.1f}" for value in document["load_average_before"])
    after = ", ".join(f"{value:.1f}" for value in document["load_average_after"])
    return (f"{machine['cpu']}, {machine['cores']} cores (`nproc`), "
            f"{machine['memory_gib']} GiB memory; {machine['platform']}; Python "
            f"{machine['python']}, SQLite {machine['sqlite']}, SQLAlchemy "
            f"{machine['sqlalchemy']}, cryptography {machine['cryptography']}, PySide6 "
            f"{machine['pyside6']}. Load average (1, 5, 15 min) {before} before and {after} "
            f"after the run, which took {document['seconds']:.0f} s.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("figures", type=Path, help="JSON written by benchmarks.run --json")
    args = parser.parse_args()
    document = json.loads(args.figures.read_text(encoding="utf-8"))
    print(machine_text(document))
    print()
    print(table(document["figures"]))
    for name, figures in document.get("scaling", {}).items():
        print()
        print(f"Growth with {name}:")
        print()
        print(table(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
