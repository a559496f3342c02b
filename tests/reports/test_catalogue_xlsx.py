"""Reading the office's Excel task table: merged cells, repeated headers and seeded faults."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl.xml
import pytest
from openpyxl import Workbook

from meili_desktop.domain.catalogue import Catalogue, MeasureType, Provenance
from meili_desktop.domain.catalogue_document import parse_catalogue_json
from meili_desktop.paths import resource_path
from meili_desktop.reports import catalogue_xlsx_file
from meili_desktop.reports.catalogue_xlsx import (
    CatalogueReading,
    CatalogueXlsxError,
    read_catalogue_xlsx,
)
from tests.reports.workbooks import (
    HEADER,
    REQUIREMENT_IN_UNIT,
    TableRow,
    clean_notice_table,
    notice_table,
)

REQUIREMENT = "catalogue_xlsx.requirement_in_unit"
SHEET = "任务分解表"


@pytest.fixture(scope="module")
def base() -> Catalogue:
    return parse_catalogue_json(resource_path("catalogue", "catalogue-2020.json").read_bytes())


@pytest.fixture(scope="module")
def notice(base: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> CatalogueReading:
    path = notice_table().save(tmp_path_factory.mktemp("xlsx") / "分解表.xlsx")
    return read_catalogue_xlsx(path, base, "2020.2")


def problem_rows(reading: CatalogueReading) -> list[tuple[str, int, str, str, str]]:
    return [(problem.sheet, problem.row, problem.code, problem.value, problem.suggestion)
            for problem in reading.problems]


def lead_names(catalogue: Catalogue, number: int) -> list[str]:
    return [link.unit for link in catalogue.task(number).lead_units]


def test_defusedxml_in_use() -> None:
    assert openpyxl.xml.DEFUSEDXML is True


# --- the notice's table ----------------------------------------------------------------------


def test_notice_lists_two_bad_cells(notice: CatalogueReading) -> None:
    assert problem_rows(notice) == [
        (SHEET, 24, REQUIREMENT, REQUIREMENT_IN_UNIT, "市林业水利局"),
        (SHEET, 25, REQUIREMENT, REQUIREMENT_IN_UNIT, "市城市管理局"),
    ]


def test_notice_problem_numbers(notice: CatalogueReading) -> None:
    assert [problem.number for problem in notice.problems] == [21, 22]


def test_notice_reads_43_tasks(notice: CatalogueReading) -> None:
    assert [task.number for task in notice.catalogue.tasks] == list(range(1, 44))


@pytest.mark.parametrize("number", range(1, 44))
def test_notice_lead_units(notice: CatalogueReading, base: Catalogue, number: int) -> None:
    assert lead_names(notice.catalogue, number) == lead_names(base, number)


@pytest.mark.parametrize("number", range(1, 44))
def test_notice_categories(notice: CatalogueReading, base: Catalogue, number: int) -> None:
    assert notice.catalogue.task(number).category == base.task(number).category


@pytest.mark.parametrize("number", range(1, 44))
def test_notice_titles(notice: CatalogueReading, base: Catalogue, number: int) -> None:
    assert notice.catalogue.task(number).title == base.task(number).title


def test_notice_categories_in_order(notice: CatalogueReading) -> None:
    assert notice.catalogue.categories == ("方案编制", "政策保障", "工作推进")


@pytest.mark.parametrize(("number", "provenance"), [
    (11, Provenance.TABLE), (12, Provenance.MERGED_CELL),
    (13, Provenance.TABLE), (16, Provenance.MERGED_CELL),
    (29, Provenance.TABLE), (37, Provenance.MERGED_CELL),
    (21, Provenance.DUTIES), (22, Provenance.DUTIES), (23, Provenance.TABLE),
])
def test_notice_provenance(notice: CatalogueReading, number: int,
                           provenance: Provenance) -> None:
    assert notice.catalogue.task(number).lead_units[0].provenance is provenance


def test_notice_alias_written_as(notice: CatalogueReading) -> None:
    link = notice.catalogue.task(4).lead_units[0]
    assert (link.unit, link.written_as) == ("市规划和自然资源局", "市规划局")


def test_notice_co_lead(notice: CatalogueReading) -> None:
    roles = [link.role.value for link in notice.catalogue.task(2).lead_units]
    assert roles == ["lead", "co-lead"]


def test_notice_sub_items(notice: CatalogueReading, base: Catalogue) -> None:
    assert notice.catalogue.task(1).sub_items == base.task(1).sub_items


def test_notice_measures_carried_over(notice: CatalogueReading) -> None:
    task = notice.catalogue.task(19)
    assert (task.measure, task.rate_base, task.unit) == (MeasureType.RATE, 1000, "张/千人")


def test_notice_scoring_carried_over(notice: CatalogueReading, base: Catalogue) -> None:
    assert notice.catalogue.task(6).scoring == base.task(6).scoring


def test_notice_title_row(notice: CatalogueReading) -> None:
    assert notice.catalogue.title == "杭州市美丽城镇建设重点工作任务分解表"


def test_notice_source_names_file(notice: CatalogueReading) -> None:
    assert notice.catalogue.source.startswith("分解表.xlsx（SHA-256 ")


def test_notice_version(notice: CatalogueReading) -> None:
    assert notice.catalogue.version == "2020.2"


# --- layouts that must read cleanly ----------------------------------------------------------


def test_clean_table_has_no_problems(base: Catalogue, tmp_path: Path) -> None:
    reading = read_catalogue_xlsx(clean_notice_table().save(tmp_path / "t.xlsx"), base, "2")
    assert reading.problems == ()
    assert lead_names(reading.catalogue, 21) == ["市林业水利局"]


def test_pages_on_separate_sheets(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()
    table.split_sheets = True
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert reading.problems == ()
    assert len(reading.catalogue.tasks) == 43
    assert lead_names(reading.catalogue, 42) == ["市体育局"]


def test_problem_names_second_sheet(base: Catalogue, tmp_path: Path) -> None:
    table = notice_table()
    table.split_sheets = True
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert [(problem.sheet, problem.row) for problem in reading.problems] == \
        [("第2页", 13), ("第2页", 14)]


def test_full_width_and_spaces(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()
    table.header = ("分　类", " 编 号 ", "重点工作", "工作要求 ", "牵头责任单位")
    table.blank_rows_before = 3
    for row in table.rows:
        row.number = "".join(chr(ord(digit) + 0xFEE0) for digit in str(row.number))
    table.unit_blocks = [(first, last, {2: "市财政局，市建委", 3: "　市财政局 市 建委 ",
                                        10: " 市发改委\n"}.get(first, text))
                         for first, last, text in table.unit_blocks]
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert reading.problems == ()
    assert lead_names(reading.catalogue, 2) == ["市财政局", "市建委"]
    assert lead_names(reading.catalogue, 3) == ["市财政局", "市建委"]
    assert lead_names(reading.catalogue, 10) == ["市发改委"]
    assert [task.number for task in reading.catalogue.tasks] == list(range(1, 44))


def test_merged_requirement_column(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()

    def merge_requirements(sheet, row_of: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
        for position in range(11, 24):
            sheet.cell(row_of[position], 4).value = None
        sheet.merge_cells(start_row=row_of[10], start_column=4, end_row=row_of[23],
                          end_column=4)

    table.extra = merge_requirements
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert reading.problems == ()
    assert reading.catalogue.task(17).requirement == REQUIREMENT_IN_UNIT


def test_sheet_without_header_ignored(base: Catalogue, tmp_path: Path) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    workbook = openpyxl.load_workbook(path)
    notes = workbook.create_sheet("说明", 0)
    notes.append(["本表由市美丽城镇办维护。"])
    workbook.save(path)
    reading = read_catalogue_xlsx(path, base, "2")
    assert reading.problems == ()
    assert len(reading.catalogue.tasks) == 43
    assert reading.catalogue.title == "杭州市美丽城镇建设重点工作任务分解表"


def test_merge_over_whole_sheet(base: Catalogue, tmp_path: Path) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r'<mergeCell ref="A1:E1"\s*/>', '<mergeCell ref="A1:XFD1048576"/>', sheet).encode("utf-8")
    assert parts["xl/worksheets/sheet1.xml"] != sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(path, base, "2")
    assert caught.value.code == "catalogue_xlsx.too_many_merged"
    assert caught.value.details["range"] == "A1:XFD1048576"


def test_no_title_row(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()
    table.title = ""
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert reading.catalogue.title == base.title
    assert reading.problems == ()


def test_new_task_number(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()
    table.rows.append(TableRow(number=44, title="新增任务。", requirement="新增要求。"))
    table.unit_blocks.append((44, 44, "市商务局"))
    table.category_blocks[-1] = (24, 44, "工作推进")
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert reading.new_task_numbers == (44,)
    assert reading.catalogue.task(44).measure is MeasureType.QUALITATIVE
    assert lead_names(reading.catalogue, 44) == ["市商务局"]


# --- a table seeded with every fault ---------------------------------------------------------


@pytest.fixture(scope="module")
def faulty(base: Catalogue, tmp_path_factory: pytest.TempPathFactory) -> CatalogueReading:
    table = notice_table()
    table.rows[19].number = None  # task 20
    table.rows[24].number = 24  # task 25 repeats 24
    table.rows[29].number = "三十"  # task 30
    table.rows[39].number = "40.5"  # task 40
    table.unit_blocks = [(first, last, {17: "市公安局、市水利局", 10: ""}.get(first, text))
                         for first, last, text in table.unit_blocks]
    table.category_blocks[0] = (1, 1, "")
    path = table.save(tmp_path_factory.mktemp("xlsx") / "有错.xlsx")
    return read_catalogue_xlsx(path, base, "2020.2")


def test_faults_listed_row_by_row(faulty: CatalogueReading) -> None:
    assert problem_rows(faulty) == [
        (SHEET, 3, "catalogue_xlsx.missing_category", "", "方案编制"),
        (SHEET, 13, "catalogue_xlsx.missing_unit", "", ""),
        (SHEET, 20, "catalogue_xlsx.unknown_unit", "市水利局", ""),
        (SHEET, 23, "catalogue_xlsx.missing_number", "", ""),
        (SHEET, 24, REQUIREMENT, REQUIREMENT_IN_UNIT, "市林业水利局"),
        (SHEET, 25, REQUIREMENT, REQUIREMENT_IN_UNIT, "市城市管理局"),
        (SHEET, 29, "catalogue_xlsx.duplicate_number", "24", ""),
        (SHEET, 34, "catalogue_xlsx.bad_number", "三十", ""),
        (SHEET, 44, "catalogue_xlsx.bad_number", "40.5", ""),
    ]


def test_duplicate_names_first_row(faulty: CatalogueReading) -> None:
    duplicate = next(problem for problem in faulty.problems
                     if problem.code == "catalogue_xlsx.duplicate_number")
    assert duplicate.first_row == 28


def test_faulty_rows_left_out(faulty: CatalogueReading) -> None:
    numbers = [task.number for task in faulty.catalogue.tasks]
    assert numbers == [number for number in range(1, 44) if number not in {20, 25, 30, 40}]


def test_unknown_unit_left_out(faulty: CatalogueReading) -> None:
    assert lead_names(faulty.catalogue, 17) == ["市公安局"]


def test_missing_unit_leaves_no_lead(faulty: CatalogueReading) -> None:
    assert lead_names(faulty.catalogue, 10) == []


def test_missing_category_suggested(faulty: CatalogueReading) -> None:
    assert faulty.catalogue.task(1).category == "方案编制"


def test_problem_without_duty_match(base: Catalogue, tmp_path: Path) -> None:
    table = clean_notice_table()
    table.unit_blocks = [(first, last, REQUIREMENT_IN_UNIT if first == 25 else text)
                         for first, last, text in table.unit_blocks]
    reading = read_catalogue_xlsx(table.save(tmp_path / "t.xlsx"), base, "2")
    assert [(problem.code, problem.suggestion, problem.message_code)
            for problem in reading.problems] == [
        (REQUIREMENT, "", f"{REQUIREMENT}.no_suggestion")]
    assert lead_names(reading.catalogue, 25) == []


# --- files that are not task tables ----------------------------------------------------------


def test_missing_file(base: Catalogue, tmp_path: Path) -> None:
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(tmp_path / "none.xlsx", base, "2")
    assert caught.value.code == "catalogue_xlsx.not_found"


def test_text_file(base: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_text("分类\t编号\n", encoding="utf-8")
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(path, base, "2")
    assert caught.value.code == "catalogue_xlsx.unreadable"


def test_zip_without_workbook(base: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "no workbook here")
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(path, base, "2")
    assert caught.value.code == "catalogue_xlsx.unreadable"


def test_file_too_large(base: Catalogue, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = clean_notice_table().save(tmp_path / "t.xlsx")
    monkeypatch.setattr(catalogue_xlsx_file, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(path, base, "2")
    assert caught.value.code == "catalogue_xlsx.too_large"


def test_unpacks_too_large(base: Catalogue, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/filler.bin", b"\0" * (catalogue_xlsx_file.MAX_UNCOMPRESSED_BYTES + 1))
    assert path.stat().st_size < catalogue_xlsx_file.MAX_FILE_BYTES
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(path, base, "2")
    assert caught.value.code == "catalogue_xlsx.too_large"


def test_no_header(base: Catalogue, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["编号", "任务"])
    sheet.append([1, "某项任务"])
    workbook.save(tmp_path / "t.xlsx")
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(tmp_path / "t.xlsx", base, "2")
    assert caught.value.code == "catalogue_xlsx.no_header"


def test_header_only(base: Catalogue, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(HEADER))
    workbook.save(tmp_path / "t.xlsx")
    with pytest.raises(CatalogueXlsxError) as caught:
        read_catalogue_xlsx(tmp_path / "t.xlsx", base, "2")
    assert caught.value.code == "catalogue_xlsx.no_tasks"
