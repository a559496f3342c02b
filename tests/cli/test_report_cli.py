"""Report, PDF, template, import-excel, targets and units commands end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from meili_desktop.cli import main
from meili_desktop.services.identity import Role
from tests.reports.report_support import (
    COUNT_TASK,
    PERIOD,
    TOWN_A,
    TOWN_B,
    open_office_store,
    seed_report_data,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "office 数据"
    store = open_office_store(root)
    seed_report_data(store)
    store.dispose()
    return root


def run(folder: Path, *arguments: str) -> int:
    return main(["--data-dir", str(folder), "--lang", "en", *arguments])


def test_report_by_county(folder: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "summary.xlsx"
    assert run(folder, "report", "-o", str(output), "--period", PERIOD, "--by", "county",
               "--no-details") == 0
    assert "summary.xlsx" in capsys.readouterr().out
    assert load_workbook(output).sheetnames == ["By county"]


def test_report_on_township_covers_it(tmp_path: Path, capsys) -> None:
    township = tmp_path / "乡镇"
    store = open_office_store(township, Role.TOWNSHIP, TOWN_A)
    seed_report_data(store)
    store.dispose()
    output = tmp_path / "本镇.xlsx"

    assert main(["--data-dir", str(township), "--lang", "zh_CN", "report", "-o", str(output),
                 "--period", PERIOD]) == 0

    assert "只含余杭区五常街道" in capsys.readouterr().out
    workbook = load_workbook(output)
    assert workbook.sheetnames == ["按任务", "按分类", "按牵头单位", f"明细 {PERIOD}"]
    assert workbook["按任务"]["A1"].value.startswith("余杭区五常街道")
    details = workbook[f"明细 {PERIOD}"]
    towns = {row[1] for row in details.iter_rows(min_row=5, values_only=True) if row[1]}
    assert towns == {"五常街道"}


def test_report_unknown_period(folder: Path, tmp_path: Path, capsys) -> None:
    assert run(folder, "report", "-o", str(tmp_path / "x.xlsx"), "--period", "2030Q1") == 4
    assert "2030Q1" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_template_round_trip_json(folder: Path, tmp_path: Path, capsys) -> None:
    template = tmp_path / "template.xlsx"
    assert run(folder, "template", "-o", str(template), "--unit", TOWN_A, "--period",
               PERIOD) == 0
    workbook = load_workbook(template)
    workbook.worksheets[0]["I5"] = "２"
    workbook.worksheets[0]["H5"] = "In progress"
    workbook.save(template)
    capsys.readouterr()
    assert run(folder, "import-excel", str(template), "--dry-run", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["changed"] == [11]
    assert result["applied"] is False
    assert run(folder, "import-excel", str(template), "--json") == 0
    assert json.loads(capsys.readouterr().out)["applied"] is True


def test_import_excel_lists_cells(folder: Path, tmp_path: Path, capsys) -> None:
    template = tmp_path / "template.xlsx"
    run(folder, "template", "-o", str(template), "--unit", TOWN_A, "--period", PERIOD)
    workbook = load_workbook(template)
    workbook.worksheets[0]["I5"] = "十二"
    workbook.save(template)
    capsys.readouterr()
    assert run(folder, "import-excel", str(template)) == 3
    error = capsys.readouterr().err
    assert "cell I5" in error
    assert "十二" in error


def test_import_excel_other_town(folder: Path, tmp_path: Path, capsys) -> None:
    template = tmp_path / "template.xlsx"
    run(folder, "template", "-o", str(template), "--unit", TOWN_A, "--period", PERIOD)
    capsys.readouterr()
    assert run(folder, "import-excel", str(template), "--unit", TOWN_B) == 4
    assert "五常街道" in capsys.readouterr().err


def test_targets_split_and_list(folder: Path, capsys) -> None:
    assert run(folder, "targets", "set", "--task", str(COUNT_TASK), "--period", "2022",
               "９") == 0
    assert run(folder, "targets", "split", "--task", str(COUNT_TASK), "--period", "2022",
               "--base", f"{TOWN_A}=1", "--base", f"{TOWN_B}=2") == 0
    capsys.readouterr()
    assert run(folder, "targets", "list", "--task", str(COUNT_TASK), "--period", "2022") == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{COUNT_TASK}\t{TOWN_A}\t2022\t3\tproportional\t1" in lines
    assert f"{COUNT_TASK}\t{TOWN_B}\t2022\t6\tproportional\t1" in lines


def test_targets_unbalanced_rejected(folder: Path, capsys) -> None:
    run(folder, "targets", "set", "--task", str(COUNT_TASK), "--period", "2022", "9")
    capsys.readouterr()
    assert run(folder, "targets", "split", "--task", str(COUNT_TASK), "--period", "2022",
               "--part", f"{TOWN_A}=1") == 4
    assert "--allow-unbalanced" in capsys.readouterr().err


def test_units_import(folder: Path, tmp_path: Path, capsys) -> None:
    workbook = Workbook()
    workbook.active.append(["县（市、区）", "乡镇", "类型"])
    workbook.active.append(["余杭区", "良渚街道", "样板镇"])
    workbook.save(tmp_path / "towns.xlsx")
    assert run(folder, "units", "import", str(tmp_path / "towns.xlsx")) == 0
    assert "1 matched" in capsys.readouterr().out


def test_pdf_command_headless(folder: Path, tmp_path: Path) -> None:
    """The pdf command runs in a fresh process without a display, as a scheduled job would."""
    output = tmp_path / "town.pdf"
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    completed = subprocess.run(
        [sys.executable, "-m", "meili_desktop", "--data-dir", str(folder), "pdf", "town",
         "--unit", TOWN_A, "--period", PERIOD, "-o", str(output)],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert output.read_bytes().startswith(b"%PDF")
    assert "页" in completed.stdout


def test_scores_set_and_sheet(folder: Path, capsys) -> None:
    assert run(folder, "scores", "set", "--unit", TOWN_A, "--period", "2021", "--task", "6",
               "--points", "0.3", "--mechanism") == 0
    assert run(folder, "scores", "set", "--unit", TOWN_B, "--period", "2021", "--task", "8",
               "--points", "1") == 0
    capsys.readouterr()
    assert run(folder, "scores", "set", "--unit", TOWN_A, "--period", "2021", "--task", "6",
               "--points", "0.6") == 1
    assert "0.5" in capsys.readouterr().err
    assert run(folder, "scores", "sheet", "--unit", "余杭区", "--period", "2021") == 0
    output = capsys.readouterr().out
    assert "五常街道\t0.8\t2" in output
    assert "仁和街道\t1\t2" in output
    assert "2 towns; town total 1.8; mean 0.90." in output
