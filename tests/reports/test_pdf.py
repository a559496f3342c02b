"""Printed reports: Chinese text present and its font embedded, as poppler reads the PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from meili_desktop.services.printing import print_city_summary, print_town_report
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import PERIOD, TOWN_A, seed_report_data

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext, pdffonts) is not installed")


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    command = ["pdftotext", "-layout"]
    if first is not None:
        command += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*command, str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def embedded_fonts(path: Path) -> list[list[str]]:
    output = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                            text=True).stdout
    return [line.split() for line in output.splitlines()[2:] if line.strip()]


def test_town_report(office_store: Store, tmp_path: Path, chinese: object) -> None:
    seed_report_data(office_store)
    path = tmp_path / "报告 五常.pdf"
    pages = print_town_report(office_store, path, TOWN_A, PERIOD)
    assert pages >= 2
    cover = pdf_text(path, 1)
    assert "重点工作进展情况报告" in cover
    assert "余杭区五常街道" in cover
    assert "2021Q2" in cover
    assert "单位负责人（签字）" in cover
    assert "（盖章）" in cover
    assert "张三" in cover
    assert "第 1 页，共" in cover
    tasks = pdf_text(path, 2, pages)
    assert "开展“未来社区”试点。" in tasks
    assert "运动休闲小镇创建。" in tasks  # the last task, 43
    assert "未上报" in tasks


def test_fonts_embedded(office_store: Store, tmp_path: Path, chinese: object) -> None:
    seed_report_data(office_store)
    path = tmp_path / "town.pdf"
    print_town_report(office_store, path, TOWN_A, PERIOD)
    fonts = embedded_fonts(path)
    assert fonts
    # pdffonts columns: name, type..., encoding, emb, sub, uni, object, generation.
    assert all(row[-5] == "yes" for row in fonts)


def test_city_summary(office_store: Store, tmp_path: Path, chinese: object) -> None:
    seed_report_data(office_store)
    path = tmp_path / "city.pdf"
    pages = print_city_summary(office_store, path, PERIOD)
    text = pdf_text(path)
    assert pages >= 1
    assert "杭州市美丽城镇建设重点工作汇总" in text
    assert "余杭区" in text
    assert "桐庐县" in text
    assert "市发改委" in text
    assert "达标率" in text
