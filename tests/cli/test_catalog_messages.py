"""Every catalogue and unit message fills in from the details its error carries, in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

from meili_desktop.errors import MeiliError
from meili_desktop.i18n import install_translators
from meili_desktop.messages import catalogue, describe
from meili_desktop.reports.catalogue_xlsx import ImportProblem

PROBLEM = ImportProblem(sheet="任务分解表", row=24, code="", value="某值", suggestion="市建委",
                        number=21, first_row=20).details()

# The details each raise site passes, by error code.
DETAILS: dict[str, dict[str, Any]] = {
    "catalogue.document.bad_json": {"field": "", "value": "Expecting value"},
    "catalogue.document.missing_field": {"field": "tasks[0].measure", "value": ""},
    "catalogue.document.unknown_field": {"field": "tasks[0].colour", "value": ""},
    "catalogue.document.bad_value": {"field": "tasks[0].measure", "value": "ratio"},
    "catalogue.document.duplicate": {"field": "tasks.number", "value": "3"},
    "catalogue.document.unknown_unit": {"field": "tasks[3].lead_units[0].name",
                                        "value": "市规划局"},
    "catalogue.document.unsupported_format": {"field": "format_version",
                                              "value": "meili-catalogue 2"},
    "catalogue.version_exists": {"version": "2020.1"},
    "catalogue.version_not_found": {"version": "1999.1"},
    "catalogue.none_active": {},
    "catalogue_xlsx.not_found": {"path": "a.xlsx"},
    "catalogue_xlsx.too_large": {"path": "a.xlsx", "size_mb": 7.5, "limit_mb": 5},
    "catalogue_xlsx.too_many_merged": {"path": "a.xlsx", "range": "A1:XFD1048576",
                                       "limit": 100000},
    "catalogue_xlsx.unreadable": {"path": "a.xlsx"},
    "catalogue_xlsx.no_header": {"path": "a.xlsx"},
    "catalogue_xlsx.no_tasks": {"path": "a.xlsx"},
    **{code: PROBLEM for code in catalogue.MESSAGES if code.startswith("catalogue_xlsx.")
       and code.split(".", 1)[1] not in {"not_found", "too_large", "too_many_merged",
                                         "unreadable", "no_header", "no_tasks"}},
    "units.not_found": {"value": "某县"},
    "units.town_not_found": {"county": "淳安县", "town": "塘栖镇"},
    "units.ambiguous": {"value": "同名集镇", "candidates": "同名集镇（X1）、同名集镇（X2）"},
    "units.invalid_name": {"name": ""},
    "units.duplicate_name": {"name": "塘栖镇", "unit_id": "330110102"},
    "units.invalid_parent": {"unit": "某集镇", "parent": "3301"},
    "units.invalid_merge": {"source": "塘栖镇", "target": "塘栖镇"},
}


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    app = QCoreApplication.instance() or QCoreApplication([])
    install_translators(app, "zh_CN")
    yield


def test_every_code_has_details() -> None:
    assert set(DETAILS) == set(catalogue.MESSAGES)


@pytest.mark.parametrize("code", sorted(catalogue.MESSAGES))
def test_message_filled(code: str) -> None:
    text = describe(MeiliError(code, **DETAILS[code]))
    assert "{" not in text
    assert text != catalogue.MESSAGES[code]


def test_problem_message_names_place() -> None:
    problem = ImportProblem(sheet="第2页", row=13, code="catalogue_xlsx.unknown_unit",
                            value="市水利局", number=17)
    text = describe(MeiliError(problem.message_code, **problem.details()))
    assert text.startswith("工作表“第2页”第 13 行（第 17 项任务）")
