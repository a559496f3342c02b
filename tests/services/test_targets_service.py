"""Target actions: city targets, splits by hand and in proportion, and Excel imports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from meili_desktop.domain.targets import InvalidTargetError, SplitMethod, TargetNotSplittableError
from meili_desktop.services import targets
from meili_desktop.services.targets import TargetError
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import (
    COUNT_TASK,
    PERCENT_TASK,
    TOWN_A,
    TOWN_B,
    TOWN_C,
    office_store,  # noqa: F401 - fixture
)


def test_proportional_split_sums(office_store: Store) -> None:  # noqa: F811
    targets.set_city_target(office_store, COUNT_TASK, "2021", Decimal(10))
    outcome = targets.split_target(office_store, COUNT_TASK, "2021",
                                   bases={TOWN_A: Decimal(1), "仁和街道": Decimal(1),
                                          TOWN_C: Decimal(1)})
    assert sum(outcome.parts.values()) == Decimal(10)
    assert sorted(outcome.parts.values()) == [Decimal(3), Decimal(3), Decimal(4)]
    assert outcome.check.is_balanced
    stored = targets.town_targets(office_store, COUNT_TASK, "2021")
    assert {record.method for record in stored.values()} == {SplitMethod.PROPORTIONAL}
    assert stored[TOWN_B].base == Decimal(1)


def test_unbalanced_manual_split_rejected(office_store: Store) -> None:  # noqa: F811
    targets.set_city_target(office_store, COUNT_TASK, "2021", Decimal(10))
    with pytest.raises(TargetError) as raised:
        targets.split_target(office_store, COUNT_TASK, "2021",
                             parts={TOWN_A: Decimal(3), TOWN_B: Decimal(3)})
    assert raised.value.code == "target.unbalanced"
    assert raised.value.details["allocated"] == "6"
    assert targets.town_targets(office_store, COUNT_TASK, "2021") == {}


def test_unbalanced_split_allowed(office_store: Store) -> None:  # noqa: F811
    targets.set_city_target(office_store, COUNT_TASK, "2021", Decimal(10))
    outcome = targets.split_target(office_store, COUNT_TASK, "2021",
                                   parts={TOWN_A: Decimal(3)}, allow_unbalanced=True)
    assert outcome.is_written
    assert outcome.check.difference == Decimal(-7)


def test_percent_split_needs_hand(office_store: Store) -> None:  # noqa: F811
    targets.set_city_target(office_store, PERCENT_TASK, "2021", Decimal(90))
    with pytest.raises(TargetNotSplittableError):
        targets.split_target(office_store, PERCENT_TASK, "2021", bases={TOWN_A: Decimal(1)})
    outcome = targets.split_target(office_store, PERCENT_TASK, "2021",
                                   parts={TOWN_A: Decimal(95), TOWN_B: Decimal(85)})
    assert outcome.check.allocated is None


def test_split_without_city_target(office_store: Store) -> None:  # noqa: F811
    with pytest.raises(TargetError) as raised:
        targets.split_target(office_store, COUNT_TASK, "2021", parts={TOWN_A: Decimal(1)})
    assert raised.value.code == "target.no_city_target"


def test_split_rejects_county(office_store: Store) -> None:  # noqa: F811
    targets.set_city_target(office_store, COUNT_TASK, "2021", Decimal(10))
    with pytest.raises(TargetError) as raised:
        targets.split_target(office_store, COUNT_TASK, "2021", parts={"余杭区": Decimal(10)})
    assert raised.value.code == "target.not_township"


def test_city_task_not_split(office_store: Store) -> None:  # noqa: F811
    with pytest.raises(TargetError) as raised:
        targets.split_target(office_store, 1, "2021", parts={TOWN_A: Decimal(1)})
    assert raised.value.code == "target.not_township_task"


def test_negative_target_rejected(office_store: Store) -> None:  # noqa: F811
    with pytest.raises(InvalidTargetError):
        targets.set_city_target(office_store, COUNT_TASK, "2021", Decimal(-1))


def targets_sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["2021年美丽城镇建设目标分解表"])
    sheet.append(["编号", "单位", "年度", "目标值", "基数"])
    for row in rows:
        sheet.append(row)
    for merged in merges:
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def test_import_targets(office_store: Store, tmp_path: Path) -> None:  # noqa: F811
    path = targets_sheet(tmp_path / "目标.xlsx", [
        [10, "全市", 2021, 10, None],
        [None, "五常街道", "２０２１", "４", 40],
        [None, "330110009", 2021, 6, 60],
        [13, TOWN_A, 2021, "95％", None],
        [None, TOWN_B, 2021, 0.9, None],
    ], merges=("A3:A5", "A6:A7"))
    result = targets.import_targets(office_store, path)
    assert result.problems == ()
    assert result.is_applied
    assert result.checks[(COUNT_TASK, "2021")].is_balanced
    assert targets.city_target(office_store, COUNT_TASK, "2021").value == Decimal(10)
    towns = targets.town_targets(office_store, COUNT_TASK, "2021")
    assert towns[TOWN_A].value == Decimal(4)
    assert towns[TOWN_A].base == Decimal(40)
    percent = targets.town_targets(office_store, PERCENT_TASK, "2021")
    assert percent[TOWN_A].value == Decimal(95)
    assert percent[TOWN_B].value == Decimal(90)


def test_import_rejects_rows(office_store: Store, tmp_path: Path) -> None:  # noqa: F811
    path = targets_sheet(tmp_path / "错.xlsx", [
        [99, TOWN_A, 2021, 1, None],
        [10, "不存在镇", 2021, 1, None],
        [10, TOWN_A, "明年", 1, None],
        [10, TOWN_A, 2021, "很多", None],
        [10, TOWN_B, 2021, 2, None],
        [10, TOWN_B, 2021, 3, None],
    ])
    result = targets.import_targets(office_store, path)
    assert not result.is_applied
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("A3", "targets_xlsx.bad_task"), ("B4", "targets_xlsx.unknown_unit"),
        ("C5", "targets_xlsx.bad_period"), ("D6", "targets_xlsx.bad_value"),
        ("8", "targets_xlsx.duplicate")]
    assert targets.town_targets(office_store, COUNT_TASK, "2021") == {}
