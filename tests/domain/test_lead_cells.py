"""Reading lead-unit cells and suggesting a lead unit from the member units' duties."""

from __future__ import annotations

import pytest

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.catalogue_document import parse_catalogue_json
from meili_desktop.domain.lead_cells import (
    LeadCellKind,
    read_lead_cell,
    suggest_unit_from_duties,
)
from meili_desktop.paths import resource_path

REQUIREMENT = "按照设省市下达的总目标分解至重点乡镇。"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return parse_catalogue_json(resource_path("catalogue", "catalogue-2020.json").read_bytes())


@pytest.mark.parametrize(("text", "names"), [
    ("市财政局、市建委", ("市财政局", "市建委")),
    ("市财政局，市建委", ("市财政局", "市建委")),
    ("市财政局; 市建委", ("市财政局", "市建委")),
    ("市财政局\n市建委", ("市财政局", "市建委")),
    ("市财政局 市建委", ("市财政局", "市建委")),
    ("　市 建委　", ("市建委",)),
    ("市财政局 市 建委", ("市财政局", "市建委")),
    ("市规划局、市建委", ("市规划和自然资源局", "市建委")),
    ("市文化旅游广电局", ("市文化广电旅游局",)),
    ("各成员单位", ("各成员单位",)),
])
def test_known_units(catalogue: Catalogue, text: str, names: tuple[str, ...]) -> None:
    cell = read_lead_cell(text, REQUIREMENT, catalogue)
    assert cell.kind is LeadCellKind.UNITS
    assert cell.names == names


def test_written_form_kept(catalogue: Catalogue) -> None:
    cell = read_lead_cell("市规划局、市建委", REQUIREMENT, catalogue)
    assert cell.written == ("市规划局", "市建委")


def test_empty_cell(catalogue: Catalogue) -> None:
    assert read_lead_cell("  ", REQUIREMENT, catalogue).kind is LeadCellKind.EMPTY


def test_requirement_repeated(catalogue: Catalogue) -> None:
    cell = read_lead_cell(" " + REQUIREMENT, REQUIREMENT, catalogue)
    assert cell.kind is LeadCellKind.REQUIREMENT


def test_other_requirement_text(catalogue: Catalogue) -> None:
    cell = read_lead_cell("视评估开展情况酌情给分，最高1分。", REQUIREMENT, catalogue)
    assert cell.kind is LeadCellKind.REQUIREMENT


@pytest.mark.parametrize("text", ["市公安厅", "市 水利局", "杭州市数据资源管理局"])
def test_unknown_single_unit(catalogue: Catalogue, text: str) -> None:
    cell = read_lead_cell(text, REQUIREMENT, catalogue)
    assert cell.kind is LeadCellKind.UNKNOWN
    assert cell.unknown == (text,)


def test_unknown_unit(catalogue: Catalogue) -> None:
    cell = read_lead_cell("市水利局、市建委", REQUIREMENT, catalogue)
    assert cell.kind is LeadCellKind.UNKNOWN
    assert cell.unknown == ("市水利局",)
    assert cell.names == ("市建委",)


@pytest.mark.parametrize(("title", "unit"), [
    ("饮用水水质达标率。", "市林业水利局"),
    ("城镇生活垃圾分类覆盖面。", "市城市管理局"),
    ("建设提升小微企业园。", "市经信局"),
    ("运动休闲小镇创建。", "市体育局"),
])
def test_suggest_from_duties(catalogue: Catalogue, title: str, unit: str) -> None:
    assert suggest_unit_from_duties(title, catalogue) == unit


def test_no_suggestion_without_evidence(catalogue: Catalogue) -> None:
    assert suggest_unit_from_duties("每万服务人口拥有卫生人员数。", catalogue) is None
