"""The catalog command: the embedded catalogue as JSON and text, and the Excel import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.cli import main
from tests.reports.workbooks import clean_notice_table, notice_table

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENT_10_TO_43 = "按照设省市下达的总目标分解至重点乡镇。"

CATEGORY_OF = {1: "方案编制", **{n: "政策保障" for n in range(2, 7)},
               **{n: "工作推进" for n in range(7, 44)}}

LEAD_UNITS: dict[int, list[str]] = {
    1: ["市美丽城镇办"], 7: ["市美丽城镇办"], 8: ["市美丽城镇办"], 9: ["市美丽城镇办"],
    2: ["市财政局", "市建委"], 3: ["市财政局", "市建委"],
    4: ["市规划和自然资源局", "市建委"], 5: ["市发改委", "市建委"], 6: ["各成员单位"],
    10: ["市发改委"], 11: ["市经信局"], 12: ["市经信局"],
    **{n: ["市教育局"] for n in range(13, 17)},
    17: ["市公安局"], 18: ["市民政局"], 19: ["市民政局"], 20: ["市生态环境局"],
    21: ["市林业水利局"], 22: ["市城市管理局"], 23: ["市城市管理局"], 26: ["市城市管理局"],
    24: ["市园文局"], 25: ["市建委"], 27: ["市建委"], 28: ["市交通运输局"],
    **{n: ["市文化广电旅游局"] for n in range(29, 38)},
    **{n: ["市卫生健康委"] for n in range(38, 42)},
    42: ["市体育局"], 43: ["市体育局"],
}

# Rows whose lead-unit cell in the notice is blank, filled from the merged cell that holds
# the value; tasks 21 and 22 repeat the requirement and get their unit from the duties.
MERGED = {12, 13, 14, 16, 18, *range(29, 33), *range(34, 38), 38, 39, 41, 42}
FROM_DUTIES = {21, 22}

ALIASES = {"市规划局": "市规划和自然资源局", "市城管局": "市城市管理局",
           "市文化旅游广电局": "市文化广电旅游局"}

MEMBER_UNITS = ["市发改委", "市建委", "市拥江办", "市经信局", "市教育局", "市公安局", "市民政局",
                "市财政局", "市规划和自然资源局", "市生态环境局", "市交通运输局", "市农业农村局",
                "市商务局", "市文化广电旅游局", "市园文局", "市林业水利局", "市卫生健康委",
                "市体育局", "市城市管理局", "市通信发展办公室"]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def catalogue_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The output of ``catalog --json`` on a fresh data folder, run as a separate process."""
    data_dir = tmp_path_factory.mktemp("cli") / "数据 目录"
    result = subprocess.run(
        [sys.executable, "-m", "meili_desktop", "--data-dir", str(data_dir), "catalog",
         "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def task_of(document: dict[str, Any], number: int) -> dict[str, Any]:
    return next(task for task in document["tasks"] if task["number"] == number)


def test_json_lists_43_tasks_in_order(catalogue_json: dict[str, Any]) -> None:
    assert [task["number"] for task in catalogue_json["tasks"]] == list(range(1, 44))


def test_json_categories(catalogue_json: dict[str, Any]) -> None:
    assert catalogue_json["categories"] == ["方案编制", "政策保障", "工作推进"]


def test_json_version(catalogue_json: dict[str, Any]) -> None:
    assert catalogue_json["version"] == "2020.1"


@pytest.mark.parametrize("number", range(1, 44))
def test_json_task_category(catalogue_json: dict[str, Any], number: int) -> None:
    assert task_of(catalogue_json, number)["category"] == CATEGORY_OF[number]


@pytest.mark.parametrize("number", range(1, 44))
def test_json_task_lead_units(catalogue_json: dict[str, Any], number: int) -> None:
    names = [link["name"] for link in task_of(catalogue_json, number)["lead_units"]]
    assert names == LEAD_UNITS[number]


@pytest.mark.parametrize("number", range(1, 44))
def test_json_task_roles(catalogue_json: dict[str, Any], number: int) -> None:
    roles = [link["role"] for link in task_of(catalogue_json, number)["lead_units"]]
    assert roles == ["lead"] + ["co-lead"] * (len(LEAD_UNITS[number]) - 1)


@pytest.mark.parametrize("number", range(1, 44))
def test_json_task_provenance(catalogue_json: dict[str, Any], number: int) -> None:
    expected = "duties" if number in FROM_DUTIES else \
        "merged-cell" if number in MERGED else "table"
    provenances = {link["provenance"] for link in task_of(catalogue_json, number)["lead_units"]}
    assert provenances == {expected}


@pytest.mark.parametrize("number", range(10, 44))
def test_json_requirement_verbatim(catalogue_json: dict[str, Any], number: int) -> None:
    assert task_of(catalogue_json, number)["requirement"] == REQUIREMENT_10_TO_43


@pytest.mark.parametrize(("alias", "official"), sorted(ALIASES.items()))
def test_json_alias(catalogue_json: dict[str, Any], alias: str, official: str) -> None:
    owners = [unit["name"] for unit in catalogue_json["member_units"]
              if alias in unit["aliases"]]
    assert owners == [official]


@pytest.mark.parametrize(("number", "written"), [(4, "市规划局"), (23, "市城管局"),
                                                 (26, "市城管局"), (33, "市文化旅游广电局")])
def test_json_keeps_name_as_written(catalogue_json: dict[str, Any], number: int,
                                    written: str) -> None:
    assert task_of(catalogue_json, number)["lead_units"][0]["written_as"] == written


@pytest.mark.parametrize("name", MEMBER_UNITS)
def test_json_member_unit_has_duties(catalogue_json: dict[str, Any], name: str) -> None:
    unit = next(unit for unit in catalogue_json["member_units"] if unit["name"] == name)
    assert unit["duties"]


def test_json_member_unit_count(catalogue_json: dict[str, Any]) -> None:
    regular = [unit["name"] for unit in catalogue_json["member_units"]
               if not unit["is_office"] and not unit["is_all_members"]]
    assert regular == MEMBER_UNITS


def test_json_office_flag(catalogue_json: dict[str, Any]) -> None:
    offices = [unit["name"] for unit in catalogue_json["member_units"] if unit["is_office"]]
    assert offices == ["市美丽城镇办"]


def test_json_all_members_flag(catalogue_json: dict[str, Any]) -> None:
    collective = [unit["name"] for unit in catalogue_json["member_units"]
                  if unit["is_all_members"]]
    assert collective == ["各成员单位"]


def test_json_task_1_sub_items(catalogue_json: dict[str, Any]) -> None:
    codes = [item["code"] for item in task_of(catalogue_json, 1)["sub_items"]]
    assert codes == ["1.1", "1.2", "1.3", "1.4"]


@pytest.mark.parametrize(("number", "measure", "unit"), [
    (13, "percent", "%"), (19, "rate", "张/千人"), (40, "rate", "人/万人"),
    (27, "length", "公里"), (10, "count", "个"), (12, "count", "家"),
])
def test_json_measure(catalogue_json: dict[str, Any], number: int, measure: str,
                      unit: str) -> None:
    task = task_of(catalogue_json, number)
    assert (task["measure"], task["unit"]) == (measure, unit)


def test_json_scoring_task_6(catalogue_json: dict[str, Any]) -> None:
    scoring = task_of(catalogue_json, 6)["scoring"]
    assert (scoring["kind"], scoring["fixed_points"], scoring["max_points"]) == \
        ("mechanism-plus-discretionary", "0.5", "1")


def test_json_scoring_task_8(catalogue_json: dict[str, Any]) -> None:
    scoring = task_of(catalogue_json, 8)["scoring"]
    assert (scoring["kind"], scoring["fixed_points"], scoring["max_points"]) == \
        ("discretionary", None, "1")


def test_json_higher_is_better_is_boolean(catalogue_json: dict[str, Any]) -> None:
    assert all(task["higher_is_better"] is True for task in catalogue_json["tasks"])


def test_text_output_in_chinese(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog")
    assert code == 0
    assert "【政策保障】" in out
    assert "牵头责任单位：市财政局、市建委" in out
    assert "市经信局（取自合并单元格）" in out
    assert "市林业水利局（据职责分工推断）" in out


def test_in_process_json_matches(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                 catalogue_json: dict[str, Any]) -> None:
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "--json")
    assert code == 0
    assert json.loads(out) == catalogue_json


def test_import_lists_problems(capsys: pytest.CaptureFixture[str], data_dir: Path,
                               tmp_path: Path) -> None:
    workbook = notice_table().save(tmp_path / "分解表.xlsx")
    code, out, err = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import",
                             str(workbook))
    assert code == 1
    assert "工作表“任务分解表”第 24 行（第 21 项任务）" in out
    assert "市林业水利局" in out
    assert "未导入任何内容" in err


def test_import_problems_store_nothing(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                       tmp_path: Path) -> None:
    workbook = notice_table().save(tmp_path / "分解表.xlsx")
    run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import", str(workbook))
    _, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "--json")
    assert json.loads(out)["version"] == "2020.1"


def test_import_json_report(capsys: pytest.CaptureFixture[str], data_dir: Path,
                            tmp_path: Path) -> None:
    workbook = notice_table().save(tmp_path / "分解表.xlsx")
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import",
                           str(workbook), "--json", "--dry-run")
    report = json.loads(out)
    assert code == 1
    assert report["imported"] is False
    assert [(p["sheet"], p["row"], p["code"], p["suggestion"]) for p in report["problems"]] == [
        ("任务分解表", 24, "catalogue_xlsx.requirement_in_unit", "市林业水利局"),
        ("任务分解表", 25, "catalogue_xlsx.requirement_in_unit", "市城市管理局"),
    ]


def test_import_accept_problems(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                tmp_path: Path) -> None:
    workbook = notice_table().save(tmp_path / "分解表.xlsx")
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import",
                           str(workbook), "--accept-problems")
    assert code == 0
    assert "导入目录版本 2020.2" in out
    _, shown, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "--json")
    assert json.loads(shown)["version"] == "2020.2"


def test_import_clean_dry_run(capsys: pytest.CaptureFixture[str], data_dir: Path,
                              tmp_path: Path) -> None:
    workbook = clean_notice_table().save(tmp_path / "clean.xlsx")
    code, out, _ = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import",
                           str(workbook), "--dry-run")
    assert code == 0
    assert "试运行：已读取 43 项任务" in out


def test_import_missing_file(capsys: pytest.CaptureFixture[str], data_dir: Path,
                             tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import",
                           str(tmp_path / "没有.xlsx"))
    assert code == 4
    assert "不存在" in err


def test_import_not_a_workbook(capsys: pytest.CaptureFixture[str], data_dir: Path,
                               tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("分类,编号\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "--data-dir", str(data_dir), "catalog", "import", str(fake))
    assert code == 4
    assert "无法将文件" in err
