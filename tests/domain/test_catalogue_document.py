"""The catalogue document: the embedded file, exact round trips and validation."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from meili_desktop.domain.catalogue import (
    LeadRole,
    MeasureType,
    Provenance,
    ScoringKind,
    TaskLevel,
)
from meili_desktop.domain.catalogue_document import (
    CatalogueDocumentError,
    catalogue_from_document,
    catalogue_hash,
    catalogue_to_document,
    document_hash,
    dump_catalogue_json,
    parse_catalogue_json,
)
from meili_desktop.paths import resource_path

EMBEDDED = resource_path("catalogue", "catalogue-2020.json")


@pytest.fixture
def document() -> dict[str, Any]:
    return json.loads(EMBEDDED.read_text(encoding="utf-8"))


def test_round_trip_exact(document: dict[str, Any]) -> None:
    assert catalogue_to_document(catalogue_from_document(document)) == document


def test_dump_reproduces_file(document: dict[str, Any]) -> None:
    text = EMBEDDED.read_text(encoding="utf-8")
    assert dump_catalogue_json(parse_catalogue_json(text)) == text


def test_hash_ignores_key_order(document: dict[str, Any]) -> None:
    reordered = dict(reversed(list(document.items())))
    assert document_hash(reordered) == document_hash(document)


def test_hash_changes_with_content(document: dict[str, Any]) -> None:
    changed = copy.deepcopy(document)
    changed["tasks"][20]["unit"] = "‰"
    assert document_hash(changed) != document_hash(document)


def test_catalogue_hash_matches_document(document: dict[str, Any]) -> None:
    assert catalogue_hash(catalogue_from_document(document)) == document_hash(document)


def test_source_names_notice(document: dict[str, Any]) -> None:
    assert "杭美镇办〔2020〕1号" in catalogue_from_document(document).source


def test_levels(document: dict[str, Any]) -> None:
    catalogue = catalogue_from_document(document)
    assert [task.number for task in catalogue.tasks_for_level(TaskLevel.CITY)] == \
        list(range(1, 10))
    assert [task.number for task in catalogue.tasks_for_level(TaskLevel.TOWNSHIP)] == \
        list(range(10, 44))


@pytest.mark.parametrize(("number", "measure", "rate_base"), [
    (13, MeasureType.PERCENT, None), (19, MeasureType.RATE, 1000),
    (40, MeasureType.RATE, 10000), (27, MeasureType.LENGTH, None),
    *[(number, MeasureType.COUNT, None) for number in (10, 11, 12, 23, 29, 30)],
])
def test_measures(document: dict[str, Any], number: int, measure: MeasureType,
                  rate_base: int | None) -> None:
    task = catalogue_from_document(document).task(number)
    assert (task.measure, task.rate_base) == (measure, rate_base)


@pytest.mark.parametrize("number", range(1, 10))
def test_city_tasks_are_milestones_or_qualitative(document: dict[str, Any],
                                                  number: int) -> None:
    measure = catalogue_from_document(document).task(number).measure
    assert measure in {MeasureType.MILESTONE, MeasureType.QUALITATIVE}


def test_task_6_scoring(document: dict[str, Any]) -> None:
    scoring = catalogue_from_document(document).task(6).scoring
    assert scoring is not None
    assert scoring.kind is ScoringKind.MECHANISM_PLUS_DISCRETIONARY
    assert scoring.fixed_points == Decimal("0.5")
    assert scoring.max_points == Decimal("1")


def test_task_8_scoring(document: dict[str, Any]) -> None:
    scoring = catalogue_from_document(document).task(8).scoring
    assert scoring is not None
    assert scoring.kind is ScoringKind.DISCRETIONARY
    assert scoring.fixed_points is None
    assert scoring.max_points == Decimal("1")


def test_only_tasks_6_and_8_score(document: dict[str, Any]) -> None:
    catalogue = catalogue_from_document(document)
    assert [task.number for task in catalogue.tasks if task.scoring] == [6, 8]


def test_task_1_sub_items(document: dict[str, Any]) -> None:
    task = catalogue_from_document(document).task(1)
    assert [item.code for item in task.sub_items] == ["1.1", "1.2", "1.3", "1.4"]
    assert task.sub_items[2].title == "所辖各县（市、区）编制完成美丽城镇建设行动方案；"


def test_aliases_resolve(document: dict[str, Any]) -> None:
    catalogue = catalogue_from_document(document)
    assert catalogue.resolve_unit("市规划局") == "市规划和自然资源局"
    assert catalogue.resolve_unit("市城管局") == "市城市管理局"
    assert catalogue.resolve_unit("市文化旅游广电局") == "市文化广电旅游局"


def test_duties_joined_across_page_break(document: dict[str, Any]) -> None:
    unit = catalogue_from_document(document).member_unit("市建委")
    assert unit is not None
    assert "推动城镇有机更新和老旧小区改造" in unit.duties


def test_lead_property(document: dict[str, Any]) -> None:
    task = catalogue_from_document(document).task(4)
    assert task.lead is not None
    assert (task.lead.unit, task.lead.role, task.lead.provenance) == \
        ("市规划和自然资源局", LeadRole.LEAD, Provenance.TABLE)


# --- validation ------------------------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Return a change that sets the value at a dotted path such as "tasks.3.measure"."""
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return change


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        del target[last]
    return change


def _swap_roles(document: dict[str, Any]) -> None:
    links = document["tasks"][1]["lead_units"]
    links[0]["role"], links[1]["role"] = links[1]["role"], links[0]["role"]


def _duplicate_task(document: dict[str, Any]) -> None:
    document["tasks"].append(copy.deepcopy(document["tasks"][0]))


def _alias_taken(document: dict[str, Any]) -> None:
    document["member_units"][1]["aliases"].append("市城管局")


INVALID = [
    ("missing field", _delete("tasks.0.measure"), "missing_field", "tasks[0].measure"),
    ("unknown field", _set("tasks.0.colour", "red"), "unknown_field", "tasks[0].colour"),
    ("bad measure", _set("tasks.12.measure", "ratio"), "bad_value", "tasks[12].measure"),
    ("rate without base", _set("tasks.18.rate_base", None), "bad_value", "tasks[18].rate_base"),
    ("base on percent", _set("tasks.12.rate_base", 100), "bad_value", "tasks[12].rate_base"),
    ("number as text", _set("tasks.0.number", "1"), "bad_value", "tasks[0].number"),
    ("number as bool", _set("tasks.0.number", True), "bad_value", "tasks[0].number"),
    ("unlisted category", _set("tasks.0.category", "其他"), "bad_value", "tasks[0].category"),
    ("alias as lead", _set("tasks.3.lead_units.0.name", "市规划局"), "unknown_unit",
     "tasks[3].lead_units[0].name"),
    ("co-lead first", _swap_roles, "bad_value", "tasks[1].lead_units[0].role"),
    ("bad provenance", _set("tasks.0.lead_units.0.provenance", "guess"), "bad_value",
     "tasks[0].lead_units[0].provenance"),
    ("fixed above max", _set("tasks.5.scoring.fixed_points", "2"), "bad_value",
     "tasks[5].scoring.fixed_points"),
    ("points exponent", _set("tasks.5.scoring.max_points", "1e0"), "bad_value",
     "tasks[5].scoring.max_points"),
    ("fixed on discretionary", _set("tasks.7.scoring.fixed_points", "0.5"), "bad_value",
     "tasks[7].scoring.fixed_points"),
    ("duplicate number", _duplicate_task, "duplicate", "tasks.number"),
    ("duplicate alias", _alias_taken, "duplicate", "member_units[19].name"),
    ("newer format", _set("format_version", 2), "unsupported_format", "format_version"),
    ("empty version", _set("version", " "), "bad_value", "version"),
    ("long unit", _set("tasks.12.unit", "个" * 31), "bad_value", "tasks[12].unit"),
]


@pytest.mark.parametrize(("change", "code", "field"),
                         [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_invalid_document(document: dict[str, Any], change: Callable[[dict[str, Any]], None],
                          code: str, field: str) -> None:
    change(document)
    with pytest.raises(CatalogueDocumentError) as caught:
        catalogue_from_document(document)
    assert caught.value.code == f"catalogue.document.{code}"
    assert caught.value.details["field"] == field


def test_not_an_object() -> None:
    with pytest.raises(CatalogueDocumentError) as caught:
        catalogue_from_document(["tasks"])
    assert caught.value.code == "catalogue.document.bad_value"


def test_bad_json() -> None:
    with pytest.raises(CatalogueDocumentError) as caught:
        parse_catalogue_json(b'{"format": ')
    assert caught.value.code == "catalogue.document.bad_json"


def test_bad_utf8() -> None:
    with pytest.raises(CatalogueDocumentError) as caught:
        parse_catalogue_json(b'{"title": "\xff"}')
    assert caught.value.code == "catalogue.document.bad_json"
