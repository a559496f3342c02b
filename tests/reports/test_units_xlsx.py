"""Town lists from Excel: merged county cells, stray spaces, full-width text, rejected rows."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from meili_desktop.reports.units_xlsx import normalize_code, normalize_town_type, read_units_xlsx
from meili_desktop.services.unit_roster import import_units
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store


def write_list(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "乡镇名单"
    sheet.append(["杭州市美丽城镇建设乡镇名单"])
    sheet.append(["序号", "县（市、区）", "乡镇 名称", "统计用区划代码", "类型"])
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def programme_towns(store: Store) -> dict[str, str]:
    with store.session_factory() as session:
        rows = session.execute(select(models.ReportingUnit.name, models.ReportingUnit.town_type)
                               .where(models.ReportingUnit.is_programme_town.is_(True)))
        return dict(rows.all())


def test_normalize_code() -> None:
    assert normalize_code("３３０１１０００５") == "330110005"
    assert normalize_code("330110005000") == "330110005"
    assert normalize_code(" 330110 005 ") == "330110005"
    assert normalize_code("33011") is None


def test_normalize_town_type() -> None:
    assert normalize_town_type("样板") == "样板镇"
    assert normalize_town_type(" 达标镇 ") == "达标镇"
    assert normalize_town_type("") == ""
    assert normalize_town_type("示范镇") is None


def test_merged_county_and_messy_text(office_store: Store, tmp_path: Path) -> None:
    path = write_list(tmp_path / "名单.xlsx", [
        [1, "余杭区", "五常街道", "330110005000", "样板镇"],
        [2, None, " 仁和\u3000街道 ", "３３０１１０００９", "达标"],
        [3, None, "良渚街道", None, ""],
        [4, "桐庐县", "桐君街道", 330122003, "达标镇"],
    ], merges=("B3:B5",))
    reading = read_units_xlsx(path)
    assert reading.problems == ()
    assert [(row.county, row.name, row.code) for row in reading.rows] == [
        ("余杭区", "五常街道", "330110005"), ("余杭区", "仁和街道", "330110009"),
        ("余杭区", "良渚街道", ""), ("桐庐县", "桐君街道", "330122003")]
    result = import_units(office_store, path)
    assert result.is_applied
    assert result.added == ()
    towns = programme_towns(office_store)
    assert towns["仁和街道"] == "达标镇"
    assert towns["良渚街道"] == ""


def test_new_market_town_added(office_store: Store, tmp_path: Path) -> None:
    path = write_list(tmp_path / "集镇.xlsx", [[1, "桐庐县", "新合集镇", None, "达标镇"]])
    result = import_units(office_store, path)
    assert result.added == ("新合集镇",)
    with office_store.session_factory() as session:
        added = session.scalar(select(models.ReportingUnit).where(
            models.ReportingUnit.name == "新合集镇"))
        assert added.parent_id == "330122"
        assert added.id.startswith("X")
        assert added.is_programme_town


def test_rejected_rows_listed(office_store: Store, tmp_path: Path) -> None:
    path = write_list(tmp_path / "错误.xlsx", [
        [1, "余杭区", "五常街道", "330110005", "样板镇"],
        [2, "不存在区", "某镇", None, None],
        [3, "余杭区", "某街道", "339999999", None],
        [4, "余杭区", "仁和街道", "3301100", None],
        [5, "余杭区", "良渚街道", None, "示范镇"],
        [6, "桐庐县", "五常街道", "330110005", None],
        [7, "余杭区", None, None, None],
        [8, "余杭区", "五常街道", "330110005", "样板镇"],
    ])
    result = import_units(office_store, path)
    assert not result.is_applied
    found = [(problem.row, problem.cell, problem.code) for problem in result.problems]
    assert found == [
        (6, "D6", "units_xlsx.bad_code"),
        (7, "E7", "units_xlsx.unknown_type"),
        (9, "C9", "units_xlsx.missing_name"),
        (4, "B4", "units_xlsx.unknown_county"),
        (5, "D5", "units_xlsx.unknown_code"),
        (8, "B8", "units_xlsx.other_county"),
        (10, "C10", "units_xlsx.duplicate"),
    ]
    # Nothing was written: only the fixture's three towns are programme towns.
    assert set(programme_towns(office_store)) == {"五常街道", "仁和街道", "桐君街道"}


def test_dry_run_writes_nothing(office_store: Store, tmp_path: Path) -> None:
    path = write_list(tmp_path / "名单.xlsx", [[1, "余杭区", "良渚街道", None, "样板镇"]])
    result = import_units(office_store, path, dry_run=True)
    assert result.matched == 1
    assert "良渚街道" not in programme_towns(office_store)
