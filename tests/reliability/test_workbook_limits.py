"""Hostile workbooks through the four Excel imports: a clear message, no write, no backup.

Every import (template, task table, town list, targets) reads each hostile file in a child
process with a time limit, so a guard that stops working shows as a failed test instead of a
run that takes minutes and gigabytes. The data folder is compared row for row afterwards.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from meili_desktop.reports.xlsx_limits import find_limit_violation
from meili_desktop.services.backups import list_backups
from meili_desktop.store.datafolder import open_store
from tests.reliability import hostile_workbooks
from tests.reliability.excel_seeds import targets_sheet, task_table, town_list, township_template
from tests.reliability.helpers import table_rows
from tests.reports.report_support import open_office_store

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")

# The child runs one import on each file and prints one JSON line per file.
_CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from meili_desktop.errors import MeiliError
from meili_desktop.i18n import install_translators
from meili_desktop.messages import describe
from meili_desktop.services.catalogue import import_catalogue_xlsx
from meili_desktop.services.targets import import_targets
from meili_desktop.services.templates import import_template
from meili_desktop.services.unit_roster import import_units
from meili_desktop.store.datafolder import open_store

application = QCoreApplication([])
install_translators(application, "zh_CN")
importers = {"template": import_template, "task_table": import_catalogue_xlsx,
             "town_list": import_units, "targets": import_targets}
importer, data_dir, files = importers[sys.argv[1]], Path(sys.argv[2]), sys.argv[3:]
store = open_store(data_dir)
for name in files:
    try:
        importer(store, Path(name))
    except MeiliError as error:
        print(json.dumps({"code": error.code, "message": describe(error)}), flush=True)
    else:
        print(json.dumps({"code": "ok", "message": ""}), flush=True)
store.dispose()
"""

HOSTILE = {
    "far_cell": hostile_workbooks.far_cell,
    "far_cell_in_binary_name": hostile_workbooks.far_cell_in_binary_name,
    "wide_cell": hostile_workbooks.wide_cell,
    "long_cell": hostile_workbooks.long_cell,
    "huge_shared_strings": hostile_workbooks.huge_shared_strings,
    "zip_bomb": hostile_workbooks.zip_bomb,
    "lying_zip_bomb": hostile_workbooks.lying_zip_bomb,
    "many_parts": hostile_workbooks.many_parts,
}
EXPECTED = {
    # A template ends a few rows below its tasks, so a far cell passes its own row cap.
    "far_cell": {"excel.too_many_rows", "template.too_many_rows"},
    "far_cell_in_binary_name": {"excel.too_many_rows", "template.too_many_rows"},
    "wide_cell": {"excel.too_many_columns"},
    "long_cell": {"excel.cell_too_long"},
    # The task table's reader caps the unpacked size at 20 MB, below the 50 MB table.
    "huge_shared_strings": {"excel.too_much_text", "catalogue_xlsx.too_large"},
    "zip_bomb": {"excel.too_large_expanded", "catalogue_xlsx.too_large"},
    # zipfile stops at the claimed size and fails the CRC check.
    "lying_zip_bomb": {"excel.unreadable", "catalogue_xlsx.unreadable"},
    "many_parts": {"excel.too_many_parts"},
}
LIMIT_CODES = set().union(*EXPECTED.values())


def run_imports(importer: str, data_dir: Path, files: list[Path],
                timeout_s: int = 300) -> list[dict[str, str]]:
    result = subprocess.run([sys.executable, "-c", _CHILD, importer, str(data_dir),
                             *map(str, files)], cwd=ROOT, capture_output=True, text=True,
                            timeout=timeout_s, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return [json.loads(line) for line in result.stdout.splitlines()]


def prepared(importer: str, tmp_path: Path) -> tuple[Path, Path]:
    """Return a data folder for ``importer`` and a workbook that it accepts."""
    data_dir = tmp_path / "data"
    if importer == "template":
        store = open_store(data_dir)
        seed = township_template(store, tmp_path)
    else:
        store = open_office_store(data_dir)
        seeds: dict[str, Callable[[Path], Path]] = {
            "task_table": task_table, "town_list": town_list, "targets": targets_sheet}
        seed = seeds[importer](tmp_path)
    store.dispose()
    return data_dir, seed


@pytest.mark.parametrize("importer", ["template", "task_table", "town_list", "targets"])
def test_hostile_workbooks_rejected(importer: str, tmp_path: Path) -> None:
    data_dir, seed = prepared(importer, tmp_path)
    files = [make(seed, tmp_path / f"{name}.xlsx") for name, make in HOSTILE.items()]
    rows = table_rows(data_dir / "meili.sqlite3")

    outcomes = run_imports(importer, data_dir, files)

    assert len(outcomes) == len(HOSTILE)
    for name, outcome in zip(HOSTILE, outcomes, strict=True):
        assert outcome["code"] in EXPECTED[name], (name, outcome)
        assert CJK.search(outcome["message"]), (name, outcome)
        assert "{" not in outcome["message"], (name, outcome)
    assert table_rows(data_dir / "meili.sqlite3") == rows
    assert list_backups(data_dir) == []


@pytest.mark.parametrize("importer", ["template", "task_table", "town_list", "targets"])
def test_whole_sheet_dimension_accepted(importer: str, tmp_path: Path) -> None:
    """Control case: a dimension claiming the whole sheet creates no cells and is harmless."""
    data_dir, seed = prepared(importer, tmp_path)
    claimed = hostile_workbooks.whole_sheet_dimension(seed, tmp_path / "dimension.xlsx")

    outcomes = run_imports(importer, data_dir, [seed, claimed], timeout_s=120)

    assert outcomes[1]["code"] not in LIMIT_CODES
    assert outcomes[1]["code"] == outcomes[0]["code"]


def test_renamed_sheet_part_scanned(tmp_path: Path) -> None:
    """A sheet is known by its root element, not its name, and a long comment hides nothing."""
    seed = town_list(tmp_path)

    def rename(members: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        renamed = []
        for name, data in members:
            if name == hostile_workbooks.SHEET_PART:
                name = "xl/data/grid.xml"
                text = data.decode("utf-8").replace(
                    "</sheetData>", '<row r="1048576"><c r="A1048576" s="0"/></row></sheetData>')
                declaration_end = text.index("?>") + 2 if text.startswith("<?xml") else 0
                data = (text[:declaration_end] + "<!--" + " <row/>" * 20_000 + "-->"
                        + text[declaration_end:]).encode("utf-8")
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"worksheets/sheet1.xml", b"data/grid.xml")
            renamed.append((name, data))
        return renamed

    hidden = hostile_workbooks.rewrite(seed, tmp_path / "hidden.xlsx", rename)

    with zipfile.ZipFile(hidden) as archive:
        violation = find_limit_violation(archive)
    assert violation is not None
    assert violation.code == "excel.too_many_rows"
    assert violation.details["cell"] == "A1048576"
