"""The summary workbook: values against the database, layout, formats and print setup."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from meili_desktop.services.reports import NoReportDataError, export_summary
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import PERIOD, seed_report_data


@pytest.fixture
def workbook_path(office_store: Store, tmp_path: Path, chinese: object) -> Path:
    seed_report_data(office_store)
    path = tmp_path / "汇总 表.xlsx"
    export_summary(office_store, path, [PERIOD])
    return path


def rows_by_label(sheet, label_column: int) -> dict:
    rows = {}
    for row in sheet.iter_rows(min_row=5, values_only=True):
        if row[label_column] is not None:
            rows[row[label_column]] = row
    return rows


def test_sheet_names_chinese(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["按乡镇", "按县（市、区）", "按牵头单位", "按分类", "按任务",
                                   "明细 2021Q2"]


def test_title_and_headers_merged(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按乡镇"]
    merged = {str(item) for item in sheet.merged_cells.ranges}
    assert "A1:O1" in merged
    assert "A3:A4" in merged
    assert "E3:G3" in merged  # 上报情况 over expected, reported, missing
    assert sheet["E3"].value == "上报情况"
    assert sheet["E4"].value == "应报"
    assert sheet["A1"].value.startswith("杭州市")


def test_town_rows_match_database(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按乡镇"]
    rows = rows_by_label(sheet, 2)
    first = rows["五常街道"]
    assert first[1] == "余杭区"
    assert first[3] == "样板镇"
    assert first[4] == 34  # township tasks 10 to 43
    assert first[5] == 2
    assert first[6] == 32
    assert first[9] == 2  # done
    assert first[12] == 2  # meets both targets
    assert rows["桐君街道"][5] == 0


def test_task_rate_from_counts(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按任务"]
    rows = rows_by_label(sheet, 0)
    percent = rows[13]
    # (10 + 100) / (10 + 200) of the two towns with counts, not the mean of 100 % and 50 %.
    assert Decimal(str(percent[14])) == Decimal("52.381")
    count = rows[10]
    assert count[14] == 4
    assert count[15] == 10
    assert count[16] == pytest.approx(0.4)


def test_number_formats(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按乡镇"]
    assert sheet["N5"].number_format == "0.0%"
    assert sheet["E5"].number_format == "0"
    assert sheet["O5"].number_format == "+0.0%;-0.0%;0.0%"


def test_frozen_panes_widths_print(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按乡镇"]
    assert sheet.freeze_panes == "E5"
    assert sheet.column_dimensions["C"].width == 16
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$3:$4"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage


def test_behind_target_colours(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按乡镇"]
    ranges = {str(item.sqref): item.rules for item in sheet.conditional_formatting}
    assert "N5:N7" in ranges
    rule = ranges["N5:N7"][0]
    assert rule.formula == ["AND(ISNUMBER(N5),N5<1.0)"]
    assert rule.dxf.fill.fgColor.rgb == "FFF4CCCC" or rule.dxf.fill.bgColor.rgb == "FFF4CCCC"


def test_detail_sheet_rows(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["明细 2021Q2"]
    data = [row for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert len(data) == 3 * 34
    first = data[0]
    assert first[:5] == ("余杭区", "五常街道", 10, "开展“未来社区”试点。", "已完成")
    assert first[5] == 3
    assert first[8] == 2
    assert first[10] == "是"
    missing = [row for row in data if row[1] == "桐君街道" and row[2] == 10][0]
    assert missing[4] == "未上报"
    assert missing[10] == "否"


def test_change_since_previous(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["按县（市、区）"]
    rows = rows_by_label(sheet, 1)
    # 余杭区 met 2 of 4 targets in Q2 and none in Q1.
    assert rows["余杭区"][-1] == 0.5


def test_several_periods_and_groupings(office_store: Store, tmp_path: Path) -> None:
    seed_report_data(office_store)
    path = tmp_path / "two.xlsx"
    from meili_desktop.domain.summary import Grouping

    export_summary(office_store, path, ["2021Q1", "2021Q2"], [Grouping.COUNTY],
                   include_details=False)
    assert load_workbook(path).sheetnames == ["By county 2021Q1", "By county 2021Q2"]


def test_no_entries_rejected(office_store: Store, tmp_path: Path) -> None:
    with pytest.raises(NoReportDataError):
        export_summary(office_store, tmp_path / "none.xlsx")
    assert not (tmp_path / "none.xlsx").exists()


@pytest.mark.postgres
def test_export_on_postgres(pg_url: str, tmp_path: Path) -> None:
    from tests.reports.report_support import open_office_store

    store = open_office_store(tmp_path / "pg office", database_url=pg_url)
    try:
        seed_report_data(store)
        path = tmp_path / "pg.xlsx"
        export_summary(store, path, [PERIOD])
    finally:
        store.dispose()
    sheet = load_workbook(path)["By task"]
    rows = rows_by_label(sheet, 0)
    assert Decimal(str(rows[13][14])) == Decimal("52.381")
    assert rows[10][14] == 4
