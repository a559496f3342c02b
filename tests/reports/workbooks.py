"""Build .xlsx task tables shaped like the 2020 notice's table, for import tests.

The layout follows the notice: a title row, then three printed pages, each starting with
the header row; 分类 and 牵头责任单位 are merged vertically where the notice leaves cells blank.
Titles and requirements come from the embedded catalogue, whose texts are the notice's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from meili_desktop.paths import resource_path

HEADER = ("分类", "编号", "重点工作", "工作要求", "牵头责任单位")
REQUIREMENT_IN_UNIT = "按照设省市下达的总目标分解至重点乡镇。"

# (first task, last task, category written in the merged 分类 cell) per printed page group.
CATEGORY_BLOCKS = [
    (1, 1, "方案编制"),
    (2, 6, "政策保障"),
    (7, 9, "工作推进"),
    (10, 23, "工作 推进"),  # the notice breaks the word over two lines
    (24, 43, "工作推进"),
]

# The 牵头责任单位 column: (first task, last task, cell text). Ranges over several tasks are
# merged cells whose value sits in the top-left cell, as Excel stores them.
UNIT_BLOCKS = [
    (1, 1, "市美丽城镇办"),
    (2, 2, "市财政局、市建委"),
    (3, 3, "市财政局、市建委"),
    (4, 4, "市规划局、市建委"),
    (5, 5, "市发改委、市建委"),
    (6, 6, "各成员单位"),
    (7, 7, "市美丽城镇办"),
    (8, 8, "市美丽城镇办"),
    (9, 9, "市美丽城镇办"),
    (10, 10, "市发改委"),
    (11, 12, "市经信局"),
    (13, 16, "市教育局"),
    (17, 17, "市公安局"),
    (18, 19, "市民政局"),
    (20, 20, "市生态环境局"),
    (21, 21, REQUIREMENT_IN_UNIT),
    (22, 22, REQUIREMENT_IN_UNIT),
    (23, 23, "市城管局"),
    (24, 24, "市园文局"),
    (25, 25, "市建委"),
    (26, 26, "市城管局"),
    (27, 27, "市建委"),
    (28, 28, "市交通运输局"),
    (29, 37, "市文化旅游广电局"),
    (38, 41, "市卫生健康委"),
    (42, 43, "市体育局"),
]

# Tasks that start a new printed page, each page opening with the header row.
PAGE_STARTS = (1, 10, 24)


@dataclass
class TableRow:
    """One task row as it will be written; tests change these to seed faults."""

    number: object
    title: str
    requirement: str


@dataclass
class NoticeTable:
    """The table's content and layout, editable before :meth:`save`."""

    rows: list[TableRow]
    unit_blocks: list[tuple[int, int, str]] = field(default_factory=lambda: list(UNIT_BLOCKS))
    category_blocks: list[tuple[int, int, str]] = field(
        default_factory=lambda: list(CATEGORY_BLOCKS))
    title: str = "杭州市美丽城镇建设重点工作任务分解表"  # empty for a table without a title row
    sheet_title: str = "任务分解表"
    header: tuple[str, ...] = HEADER
    blank_rows_before: int = 0  # empty rows above the title row
    split_sheets: bool = False  # put each printed page on its own sheet
    extra: Callable[[Worksheet, dict[int, int]], None] | None = None

    def save(self, path: Path) -> Path:
        """Write the workbook to ``path`` and return it."""
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = self.sheet_title
        for _ in range(self.blank_rows_before):
            sheet.append([])
        if self.title:
            sheet.append([self.title])
            title_row = self.blank_rows_before + 1
            sheet.merge_cells(start_row=title_row, start_column=1, end_row=title_row,
                              end_column=5)

        row_of: dict[int, int] = {}  # position in self.rows (1-based) -> worksheet row
        sheets_of: dict[int, Worksheet] = {}
        for position, row in enumerate(self.rows, start=1):
            if position in PAGE_STARTS:
                if self.split_sheets and position != 1:
                    sheet = workbook.create_sheet(f"第{PAGE_STARTS.index(position) + 1}页")
                sheet.append(list(self.header))
            sheet.append([None, row.number, row.title, row.requirement, None])
            row_of[position] = sheet.max_row
            sheets_of[position] = sheet

        for column, blocks in ((1, self.category_blocks), (5, self.unit_blocks)):
            for first, last, text in blocks:
                target = sheets_of[first]
                target.cell(row_of[first], column, text)
                if last > first:
                    target.merge_cells(start_row=row_of[first], start_column=column,
                                       end_row=row_of[last], end_column=column)
        if self.extra is not None:
            self.extra(sheet, row_of)
        workbook.save(path)
        return path


def notice_table() -> NoticeTable:
    """Return the notice's table as printed, with its two requirement-filled unit cells."""
    document = json.loads(resource_path("catalogue", "catalogue-2020.json")
                          .read_text(encoding="utf-8"))
    rows = []
    for task in document["tasks"]:
        title = task["title"]
        if task["sub_items"]:
            title = " ".join(f"{item['code']} {item['title']}" for item in task["sub_items"])
        rows.append(TableRow(number=task["number"], title=title,
                             requirement=task["requirement"]))
    return NoticeTable(rows=rows)


def clean_notice_table() -> NoticeTable:
    """Return the notice's table with tasks 21 and 22 naming their units."""
    table = notice_table()
    table.unit_blocks = [(first, last, {21: "市林业水利局", 22: "市城管局"}.get(first, text))
                         for first, last, text in table.unit_blocks]
    return table
