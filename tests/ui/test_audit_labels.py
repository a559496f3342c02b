"""Audit view texts: every recorded action has a label and details read as words."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from meili_desktop.services import audit
from meili_desktop.store.audit_repo import AuditRecord
from tests.reports.report_support import chinese, english  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2] / "meili_desktop"
# Action codes passed as literals to the audit writers, or kept in *_ACTION constants.
ACTION_LITERAL = re.compile(
    r"""(?:add_event\(\s*session,\s*|_audit\(\s*session,\s*|ACTION\s*=\s*)"([a-z_]+\.[a-z_]+)\"""")
# Actions built from a prefix and a state value, with the states the code passes.
BUILT_ACTIONS = {"entry.accepted", "entry.returned", "keys.approved", "keys.rejected",
                 "keys.pending", "period.open", "period.closed", "period.locked",
                 "conflict.discarded", "held.discarded"}


def recorded_actions() -> set[str]:
    found: set[str] = set()
    for path in ROOT.rglob("*.py"):
        found.update(ACTION_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found | BUILT_ACTIONS


def test_source_scan_finds_actions() -> None:
    actions = recorded_actions()
    assert "package.distributed" in actions
    assert "score.set" in actions
    assert "unit.merge" in actions


def test_every_action_has_label() -> None:
    unlabelled = sorted(action for action in recorded_actions()
                        if action not in audit.ACTION_LABELS)
    assert unlabelled == []


def record(action: str, details: dict, actor: str = "市办 张敏") -> AuditRecord:
    return AuditRecord(1, datetime(2021, 7, 1, 2, 30), actor, action, "330110005", 6,
                       "2021", None, details)


@pytest.mark.usefixtures("english")
def test_score_details_in_words() -> None:
    text = audit.details_text(record("score.set", {
        "old": {"points": "0.3", "mechanism_established": False}, "points": "0.5",
        "mechanism_established": True}))
    assert text == ("previous value: points 0.3, mechanism established no; points: 0.5; "
                    "mechanism established: yes")
    assert "{" not in text


@pytest.mark.usefixtures("english")
def test_target_method_in_words() -> None:
    text = audit.details_text(record("target.set", {
        "old": None, "new": "20", "method": "proportional", "base": "12.1", "version": 1}))
    assert text == ("previous value: —; after: 20; set by: in proportion to base; base: 12.1; "
                    "version: 1")


@pytest.mark.usefixtures("english")
def test_merge_author_shown_by_name() -> None:
    row = audit.record_row(record("package.merged", {}, actor="330110005"),
                           {"330110005": "五常街道"})
    assert row[1] == "五常街道"
    assert row[2] == "Package merged"


@pytest.mark.usefixtures("chinese")
def test_yes_no_translated() -> None:
    text = audit.details_text(record("score.set", {"mechanism_established": True}))
    assert text == "已建立机制: 是"


def test_package_column_index() -> None:
    from meili_desktop.ui.office.audit_page import PACKAGE_COLUMN

    assert audit.COLUMNS[PACKAGE_COLUMN] == "Package"


@pytest.mark.usefixtures("english")
def test_field_changes_in_words() -> None:
    text = audit.details_text(record("entry.office_changed", {
        "revision": 3, "source": "excel", "fields": ["value"], "old": {"value": "80"},
        "new": {"value": "85"}}))
    assert text == ("revision: 3; changed: Value; from: Excel template; previous value: Value 80; "
                    "after: Value 85")
