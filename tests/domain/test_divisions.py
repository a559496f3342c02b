"""Matching counties and townships across editions of the division code list."""

from __future__ import annotations

from datetime import date

import pytest

from meili_desktop.domain.divisions import (
    CITY_ID,
    DivisionRow,
    PlannedUnit,
    plan_units,
    read_divisions_csv,
)
from meili_desktop.domain.units import ReportingUnit, UnitCode, UnitKind
from meili_desktop.paths import resource_path

OLD, NEW = "2020-06-30", "2021-10-31"


@pytest.fixture(scope="module")
def hangzhou() -> dict[str, PlannedUnit]:
    rows = read_divisions_csv(resource_path("divisions", "hangzhou-divisions.csv"))
    return {unit.id: unit for unit in plan_units(rows)}


def by_name(units: dict[str, PlannedUnit], name: str) -> list[PlannedUnit]:
    return [unit for unit in units.values() if unit.name == name]


def test_counts(hangzhou: dict[str, PlannedUnit]) -> None:
    kinds = [unit.kind for unit in hangzhou.values()]
    assert kinds.count(UnitKind.CITY) == 1
    assert kinds.count(UnitKind.COUNTY) == 15
    assert kinds.count(UnitKind.TOWNSHIP) == 196


def test_city(hangzhou: dict[str, PlannedUnit]) -> None:
    assert hangzhou[CITY_ID].name == "杭州市"


def test_tangqi_one_unit(hangzhou: dict[str, PlannedUnit]) -> None:
    assert [unit.id for unit in by_name(hangzhou, "塘栖镇")] == ["330110102"]


def test_tangqi_codes(hangzhou: dict[str, PlannedUnit]) -> None:
    assert hangzhou["330110102"].codes == [
        UnitCode(edition=OLD, code="330110102", parent_code="330110"),
        UnitCode(edition=NEW, code="330113100", parent_code="330113"),
    ]


def test_tangqi_parents(hangzhou: dict[str, PlannedUnit]) -> None:
    assert hangzhou["330110102"].parents == {OLD: "330110", NEW: "330113"}


def test_moved_street_keeps_identity(hangzhou: dict[str, PlannedUnit]) -> None:
    kaixuan = by_name(hangzhou, "凯旋街道")
    assert [(unit.id, unit.parent_id) for unit in kaixuan] == [("330104005", "330102")]


def test_abolished_counties_keep_one_code(hangzhou: dict[str, PlannedUnit]) -> None:
    assert [code.code for code in hangzhou["330104"].codes] == ["330104"]


def test_new_counties(hangzhou: dict[str, PlannedUnit]) -> None:
    assert (hangzhou["330113"].name, hangzhou["330114"].name) == ("临平区", "钱塘区")


def test_unchanged_town(hangzhou: dict[str, PlannedUnit]) -> None:
    assert [code.code for code in hangzhou["330102001"].codes] == ["330102001", "330102001"]


def test_rename_with_same_code() -> None:
    rows = [DivisionRow(OLD, "330100", "甲县", "county", "", "3301"),
            DivisionRow(OLD, "330100101", "旧名镇", "township", "镇", "330100"),
            DivisionRow(NEW, "330100", "甲县", "county", "", "3301"),
            DivisionRow(NEW, "330100101", "新名镇", "township", "镇", "330100")]
    towns = [unit for unit in plan_units(rows) if unit.kind is UnitKind.TOWNSHIP]
    assert [(unit.id, unit.name, unit.names[OLD]) for unit in towns] == \
        [("330100101", "新名镇", "旧名镇")]


def test_reused_code_gets_new_id() -> None:
    rows = [DivisionRow(OLD, "330100", "甲县", "county", "", "3301"),
            DivisionRow(OLD, "330100101", "甲镇", "township", "镇", "330100"),
            DivisionRow(OLD, "330100102", "乙镇", "township", "镇", "330100"),
            DivisionRow(NEW, "330100", "甲县", "county", "", "3301"),
            DivisionRow(NEW, "330100101", "乙镇", "township", "镇", "330100"),
            DivisionRow(NEW, "330100102", "丙镇", "township", "镇", "330100")]
    towns = {unit.name: unit.id for unit in plan_units(rows) if unit.kind is UnitKind.TOWNSHIP}
    assert towns == {"甲镇": "330100101", "乙镇": "330100102", "丙镇": "330100102-2021"}


@pytest.mark.parametrize(("day", "code"), [
    (date(2020, 1, 1), "330110102"),
    (date(2020, 12, 31), "330110102"),
    (date(2021, 10, 31), "330113100"),
    (date(2022, 6, 30), "330113100"),
])
def test_code_on(day: date, code: str) -> None:
    unit = ReportingUnit(id="330110102", name="塘栖镇", kind=UnitKind.TOWNSHIP, codes=(
        UnitCode(edition=NEW, code="330113100", parent_code="330113"),
        UnitCode(edition=OLD, code="330110102", parent_code="330110")))
    found = unit.code_on(day)
    assert found is not None
    assert found.code == code


def test_code_on_without_codes() -> None:
    unit = ReportingUnit(id="XAB12CD34", name="某集镇", kind=UnitKind.TOWNSHIP)
    assert unit.code_on(date(2021, 1, 1)) is None
