"""Hostile workbooks: merge bombs that would exhaust memory, and files that vanish mid-read.

Each import runs in a child process with a time limit, so a guard that fails shows as a
failed test instead of a run that never ends.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from meili_desktop.errors import MeiliError
from meili_desktop.reports.units_xlsx import read_units_xlsx
from meili_desktop.store.faults import SourceVanishedError
from tests.reliability.excel_seeds import targets_sheet, task_table, town_list

ROOT = Path(__file__).resolve().parents[2]
WHOLE_SHEET = "A1:XFD1048576"

# The child reads one workbook and prints the error code, or "ok".
_CHILD = """
import sys
from pathlib import Path
from meili_desktop.errors import MeiliError
from meili_desktop.reports.catalogue_xlsx import read_catalogue_xlsx
from meili_desktop.reports.targets_xlsx import read_targets_xlsx
from meili_desktop.reports.units_xlsx import read_units_xlsx
from meili_desktop.services.catalogue import load_embedded_catalogue

reader, path = sys.argv[1], Path(sys.argv[2])
catalogue = load_embedded_catalogue()
def unit(text):
    return "330110102"
try:
    if reader == "task_table":
        read_catalogue_xlsx(path, catalogue, "2020.9")
    elif reader == "town_list":
        read_units_xlsx(path)
    else:
        read_targets_xlsx(path, catalogue, unit)
except MeiliError as error:
    print(error.code)
else:
    print("ok")
"""


def with_sheet_xml(seed: Path, target: Path, change: str, sheet_name: str | None = None) -> Path:
    """Copy ``seed`` with ``change`` applied to its first sheet's XML, optionally renamed."""
    with zipfile.ZipFile(seed) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            if name == "xl/worksheets/sheet1.xml":
                data = _add_merge(data, change)
                if sheet_name is not None:
                    name = sheet_name
            elif sheet_name is not None and name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"worksheets/sheet1.xml", sheet_name[3:].encode())
            archive.writestr(name, data)
    target.write_bytes(output.getvalue())
    return target


def _add_merge(sheet_xml: bytes, merge: str) -> bytes:
    text = sheet_xml.decode("utf-8")
    if "<mergeCells" in text:
        start = text.index("<mergeCells")
        end = text.index("</mergeCells>") + len("</mergeCells>")
        text = text[:start] + text[end:]
    element = f'<mergeCells count="1"><mergeCell {merge}/></mergeCells>'
    anchor = "</sheetData>" if "</sheetData>" in text else "<sheetData/>"
    text = text.replace(anchor, anchor + element, 1)
    return text.encode("utf-8")


SEEDS = {"task_table": task_table, "town_list": town_list, "targets": targets_sheet}
VARIANTS = {
    "plain": (f'ref="{WHOLE_SHEET}"', None),
    "single quotes": (f"ref='{WHOLE_SHEET}'", None),
    "character references": ('ref="&#65;1:&#88;FD1048576"', None),
    "renamed sheet part": (f'ref="{WHOLE_SHEET}"', "xl/data/grid.xml"),
    "sheet part not named .xml": (f'ref="{WHOLE_SHEET}"', "xl/worksheets/sheet1.bin"),
    "whole rows": ('ref="1:1048576"', None),
}


@pytest.mark.parametrize("reader", sorted(SEEDS))
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_merge_bomb_rejected(reader: str, variant: str, tmp_path: Path) -> None:
    merge, sheet_name = VARIANTS[variant]
    seed = SEEDS[reader](tmp_path)
    bomb = with_sheet_xml(seed, tmp_path / "bomb.xlsx", merge, sheet_name)

    result = subprocess.run([sys.executable, "-c", _CHILD, reader, str(bomb)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() in {"excel.too_many_merged", "catalogue_xlsx.too_many_merged",
                                     "excel.unreadable", "catalogue_xlsx.unreadable"}


def test_workbook_vanished_before_read(tmp_path: Path) -> None:
    path = town_list(tmp_path)
    path.unlink()

    with pytest.raises(MeiliError) as raised:
        read_units_xlsx(path)

    assert raised.value.code == "excel.not_found"


def test_workbook_changing_while_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = town_list(tmp_path)
    real_fstat = os.fstat

    def fstat_then_truncate(descriptor: int) -> os.stat_result:
        # The file shrinks right after its size was taken, as when a chat app rewrites it.
        result = real_fstat(descriptor)
        os.truncate(path, result.st_size // 2)
        return result

    monkeypatch.setattr(os, "fstat", fstat_then_truncate)
    with pytest.raises(SourceVanishedError):
        read_units_xlsx(path)


def with_zip_header_change(seed: Path, target: Path, change: str) -> Path:
    """Copy ``seed`` with the first member marked encrypted, patched or of a new zip version."""
    data = bytearray(seed.read_bytes())
    central = data.find(b"PK\x01\x02")
    local = data.find(b"PK\x03\x04")
    if change == "encrypted":
        data[central + 8] |= 0x01
        data[local + 6] |= 0x01
    elif change == "patched":
        data[central + 8] |= 0x20
        data[local + 6] |= 0x20
    else:
        data[central + 6] = 64
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("reader", sorted(SEEDS))
@pytest.mark.parametrize("change", ["encrypted", "patched", "zip version 6.4"])
def test_unsupported_zip_member_rejected(reader: str, change: str, tmp_path: Path) -> None:
    seed = SEEDS[reader](tmp_path)
    odd = with_zip_header_change(seed, tmp_path / "odd.xlsx", change)

    result = subprocess.run([sys.executable, "-c", _CHILD, reader, str(odd)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() in {"excel.unreadable", "catalogue_xlsx.unreadable"}
