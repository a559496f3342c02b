"""Real workbooks for the Excel fuzz tests and the ways a fuzz case mutates them.

Seeds are the files the program itself writes (the fill-in template) or that offices send
(the task table, a town list, a targets sheet). A mutation changes cells through openpyxl,
corrupts one XML part inside the zip, or changes raw bytes of the file. Each seed is parsed
once (:class:`SeedWorkbook`), so a case pays only for its own mutation and the import.
"""

from __future__ import annotations

import io
import pickle
import zipfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.services.templates import export_template
from meili_desktop.store.datafolder import Store
from tests.reports.workbooks import notice_table

PERIOD = "2021Q2"

cell_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(["已完成", "推进中", "未开始", "不适用", "85%", "８５％", "1,234", "/", "——",
                     "=1/0", "=A1", "#REF!", "塘栖镇", "余杭区", "330110102", "2021Q2", "2021",
                     "样板镇", "编号", "重点工作", "目标值", "市建委、市规划局"]),
    st.integers(-10**16, 10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(date(1900, 1, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)),
    st.times(),
)
CellEdit = tuple[int, int, Any]
cell_edits = st.lists(st.tuples(st.integers(1, 60), st.integers(1, 12), cell_values),
                      min_size=1, max_size=12)
sheet_actions = st.lists(st.sampled_from(
    ["merge", "unmerge_all", "delete_row", "insert_row", "rename", "add_sheet", "drop_sheet",
     "hide_sheet"]), max_size=3)
byte_edits = st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)),
                      min_size=1, max_size=8)


@dataclass(frozen=True)
class SeedWorkbook:
    """A seed file held in memory: its bytes, its zip members and its pickled openpyxl model."""

    path: Path
    data: bytes
    members: tuple[tuple[zipfile.ZipInfo, bytes], ...]
    pickled_model: bytes

    @classmethod
    def read(cls, path: Path) -> SeedWorkbook:
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = tuple((info, archive.read(info)) for info in archive.infolist())
        model = pickle.dumps(load_workbook(io.BytesIO(data)))
        return cls(path, data, members, model)

    def workbook(self) -> Workbook:
        """Return a fresh copy of the seed as openpyxl loads it.

        Unpickling the template took 1.4 ms where loading it took 16 ms (openpyxl 3.1.5, on
        the 2-core test machine).
        The copy saves to the same parts as a loaded workbook, except that merged ranges
        may come out in another order, because openpyxl keeps them in a set.
        """
        workbook = pickle.loads(self.pickled_model)
        assert isinstance(workbook, Workbook)
        return workbook


def township_template(store: Store, folder: Path) -> Path:
    """Set the store up as 塘栖镇 and export its template for the second quarter of 2021."""
    identity = setup_provisional_township(store, "余杭区", "塘栖镇")
    assert identity.unit_id is not None
    path = folder / "塘栖镇-2021Q2-填报模板.xlsx"
    export_template(store, path, identity.unit_id, PERIOD)
    return path


def task_table(folder: Path) -> Path:
    return notice_table().save(folder / "重点工作任务分解表.xlsx")


def town_list(folder: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "美丽城镇名单"
    sheet.append(["杭州市美丽城镇建设名单"])
    sheet.append(["序号", "县(市、区)", "乡镇", "统计用区划代码", "类型"])
    towns = [("余杭区", "塘栖镇", "330110102000", "样板镇"),
             ("余杭区", "径山镇", "330110105", "达标镇"),
             (None, "黄湖镇", "", "达标"),
             ("临安区", "於潜镇", "330112103", "样板")]
    for number, (county, town, code, kind) in enumerate(towns, start=1):
        sheet.append([number, county, town, code, kind])
    sheet.merge_cells("B3:B5")
    path = folder / "城镇名单.xlsx"
    workbook.save(path)
    return path


def targets_sheet(folder: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "目标分解"
    sheet.append(["编号", "单位", "年度", "目标值", "基数"])
    sheet.append([13, "塘栖镇", "2021", 12, 40])
    sheet.append([11, "330110102", "2021", "95%", None])
    sheet.append([13, "全市", "2021", 120, None])
    sheet.append(["第13项", "径山镇", 2021, "１２", None])
    path = folder / "目标分解表.xlsx"
    workbook.save(path)
    return path


def edit_cells(seed: SeedWorkbook, target: Path, edits: list[CellEdit],
               actions: list[str]) -> bool:
    """Write ``seed`` with ``edits`` applied to ``target``; False when openpyxl cannot save it."""
    workbook = seed.workbook()
    sheet = workbook.worksheets[0]
    for action in actions:
        try:
            _apply_action(workbook, sheet, action)
        except (KeyError, ValueError, IndexError):
            # openpyxl's own editing fails on some layouts (unmerging after deleted rows);
            # that is a limit of the test's editor, not of the importer.
            continue
    sheet = workbook.worksheets[0]
    for row, column, value in edits:
        cell = sheet.cell(row, column)
        try:
            cell.value = value
        except (IllegalCharacterError, ValueError, AttributeError):
            # openpyxl refuses some values (control characters, a cell inside a merged
            # range), as Excel would, so such a file cannot exist. A refused value can leave
            # the cell's type half changed (openpyxl 3.1.5), so the cell is emptied.
            with suppress(AttributeError):
                cell.value = None
    try:
        workbook.save(target)
    except (IllegalCharacterError, ValueError, TypeError, IndexError, AttributeError):
        # A value openpyxl cannot write, or no visible sheet left, which Excel forbids too.
        return False
    return True


def _apply_action(workbook: Workbook, sheet: Any, action: str) -> None:
    if action == "merge":
        sheet.merge_cells("A5:C7")
    elif action == "unmerge_all":
        for merged in list(sheet.merged_cells.ranges):
            sheet.unmerge_cells(str(merged))
    elif action == "delete_row":
        sheet.delete_rows(3, 2)
    elif action == "insert_row":
        sheet.insert_rows(2)
    elif action == "rename":
        sheet.title = "Sheet 已改名"
    elif action == "add_sheet":
        workbook.create_sheet("附表", 0)
    elif action == "drop_sheet" and len(workbook.worksheets) > 1:
        workbook.remove(workbook.worksheets[-1])
    elif action == "hide_sheet" and len(workbook.worksheets) > 1:
        workbook.worksheets[0].sheet_state = "hidden"


def corrupt_part(seed: SeedWorkbook, target: Path, member_index: int,
                 edits: list[tuple[int, int]]) -> str:
    """Copy the zip ``seed`` to ``target`` with bytes of one member changed; return its name."""
    members = seed.members
    name = members[member_index % len(members)][0].filename
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == name:
                data = _edit_bytes(data, edits)
            archive.writestr(info.filename, data)
    target.write_bytes(output.getvalue())
    return name


def corrupt_bytes(seed: SeedWorkbook, target: Path, edits: list[tuple[int, int]]) -> None:
    target.write_bytes(_edit_bytes(seed.data, edits))


def _edit_bytes(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    result = bytearray(data)
    for position, value in edits:
        if not result:
            break
        index = position % len(result)
        if value < 16:
            del result[index:index + 1 + value * 7]
        else:
            result[index] = value
    return bytes(result)
