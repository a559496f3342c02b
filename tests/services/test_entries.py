"""Entry services on a provisional township: setting fields, evidence, undo, check, binding."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from meili_desktop.domain.catalogue import Catalogue, MeasureType
from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.domain.periods import PeriodState, parse_period
from meili_desktop.domain.values import StatusOnlyTaskError
from meili_desktop.services import entries
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entry_editor import EntryEditor, UndoConflictError
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.setup import (
    AlreadySetUpError,
    NotProvisionalError,
    bind_township,
    setup_provisional_township,
)
from meili_desktop.store import attachments, entries_repo, models, units_repo
from meili_desktop.store.datafolder import Store, open_store

PERIOD = "2021Q2"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.dispose()


@pytest.fixture
def township(store: Store) -> str:
    identity = setup_provisional_township(store, "余杭区", "塘栖镇")
    assert identity.unit_id is not None
    return identity.unit_id


@pytest.fixture
def catalogue(store: Store, township: str) -> Catalogue:
    return active_catalogue(store)


def key(unit: str, task: int, period: str = PERIOD) -> EntryKey:
    return EntryKey(unit, task, period)


def evidence(tmp_path: Path, name: str = "现场照片.jpg", content: bytes = b"\xff\xd8jpeg") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_setup_provisional_township(store: Store, township: str) -> None:
    identity = load_identity(store)
    assert identity is not None
    assert identity.role is Role.TOWNSHIP
    assert identity.is_provisional
    assert township == "330110102"
    assert [period.code for period in entries.list_periods(store)][:2] == ["2020", "2020Q1"]


def test_setup_twice_rejected(store: Store, township: str) -> None:
    with pytest.raises(AlreadySetUpError):
        setup_provisional_township(store, "余杭区", "塘栖镇")


def test_setup_unknown_town_writes_nothing(store: Store) -> None:
    with pytest.raises(units_repo.TownNotFoundError):
        setup_provisional_township(store, "余杭区", "不存在镇")
    assert load_identity(store) is None


def test_reported_tasks_are_township_level(catalogue: Catalogue) -> None:
    numbers = [task.number for task in entries.reported_tasks(catalogue)]
    assert numbers == list(range(10, 44))


def test_set_fields_writes_revision(store: Store, catalogue: Catalogue, township: str) -> None:
    result = entries.set_entry_fields(store, catalogue, key(township, 13),
                                      {"status": "in_progress", "value": Decimal(85)})
    assert result.is_changed
    assert result.entry.revision == 1
    assert result.warnings == ()
    stored = entries.load_entry(store, key(township, 13))
    assert stored is not None
    assert stored.status is Status.IN_PROGRESS
    assert stored.value == Decimal(85)


def test_implausible_value_kept_with_warning(store: Store, catalogue: Catalogue,
                                             township: str) -> None:
    result = entries.set_entry_fields(store, catalogue, key(township, 13),
                                      {"value": Decimal(120)})
    assert [finding.code for finding in result.warnings] == ["check.percent_above_100"]
    assert entries.load_entry(store, key(township, 13)).value == Decimal(120)


def test_sharp_drop_warns(store: Store, catalogue: Catalogue, township: str) -> None:
    entries.set_entry_fields(store, catalogue, key(township, 23, "2021Q1"),
                             {"value": Decimal(10)})
    result = entries.set_entry_fields(store, catalogue, key(township, 23),
                                      {"value": Decimal(4)})
    assert [finding.code for finding in result.warnings] == ["check.sharp_drop"]
    assert result.warnings[0].details["previous"] == "10"


def test_negative_count_warns(store: Store, catalogue: Catalogue, township: str) -> None:
    result = entries.set_entry_fields(store, catalogue, key(township, 11),
                                      {"value": Decimal(-2)})
    assert [finding.code for finding in result.warnings] == ["check.negative"]


def test_city_task_rejected(store: Store, catalogue: Catalogue, township: str) -> None:
    with pytest.raises(entries.UnknownTaskError) as caught:
        entries.set_entry_fields(store, catalogue, key(township, 5), {"status": "done"})
    assert caught.value.details["first"] == 10
    assert caught.value.details["last"] == 43


def test_unknown_period_rejected(store: Store, catalogue: Catalogue, township: str) -> None:
    with pytest.raises(entries.UnknownPeriodError):
        entries.set_entry_fields(store, catalogue, key(township, 13, "2030Q1"),
                                 {"status": "done"})


def test_locked_period_rejected(store: Store, catalogue: Catalogue, township: str) -> None:
    with store.session_factory.begin() as session:
        session.get(models.Period, PERIOD).state = PeriodState.LOCKED.value
    with pytest.raises(entries.PeriodLockedError):
        entries.set_entry_fields(store, catalogue, key(township, 13), {"status": "done"})
    assert entries.load_entry(store, key(township, 13)) is None


def test_value_on_milestone_rejected(catalogue: Catalogue) -> None:
    milestone = replace(catalogue.task(13), measure=MeasureType.MILESTONE)
    with pytest.raises(StatusOnlyTaskError):
        entries.validate_changes(milestone, parse_period(PERIOD), {"value": Decimal(1)})


def test_long_contact_rejected(store: Store, catalogue: Catalogue, township: str) -> None:
    with pytest.raises(entries.TextTooLongError) as caught:
        entries.set_entry_fields(store, catalogue, key(township, 13), {"contact": "1" * 51})
    assert caught.value.code == "entry.contact_too_long"
    assert entries.load_entry(store, key(township, 13)) is None


@pytest.mark.parametrize(("field", "text", "position"), [
    ("narrative", "进展\x00顺利", 3),
    ("responsible_person", "王\x07磊", 2),
    ("contact", "0571\x1b8888", 5),
])
def test_control_character_rejected(store: Store, catalogue: Catalogue, township: str,
                                    field: str, text: str, position: int) -> None:
    with pytest.raises(entries.ControlCharacterError) as caught:
        entries.set_entry_fields(store, catalogue, key(township, 13), {field: text})
    assert caught.value.details == {"field": field, "position": position}
    assert entries.load_entry(store, key(township, 13)) is None


def test_tab_and_line_breaks_kept(store: Store, catalogue: Catalogue, township: str) -> None:
    entries.set_entry_fields(store, catalogue, key(township, 13), {"narrative": "一\r\n\t二"})
    stored = entries.load_entry(store, key(township, 13))
    assert stored is not None
    assert stored.narrative == "一\r\n\t二"


def test_attach_rename_remove(store: Store, catalogue: Catalogue, township: str,
                              tmp_path: Path) -> None:
    progress: list[tuple[int, int]] = []
    result = entries.attach_evidence(store, key(township, 13), evidence(tmp_path), 10,
                                     lambda done, total: progress.append((done, total)))
    sha = result.entry.attachments[0].sha256
    assert progress[-1] == (6, 6)
    assert entries.evidence_path(store, sha, "x").read_bytes() == b"\xff\xd8jpeg"
    renamed = entries.rename_evidence(store, key(township, 13), sha, " 验收照片.jpg ")
    assert renamed.entry.attachments[0].display_name == "验收照片.jpg"
    removed = entries.remove_evidence(store, key(township, 13), sha)
    assert removed.entry.attachments == ()


def test_rename_evidence_empty_rejected(store: Store, catalogue: Catalogue, township: str,
                                        tmp_path: Path) -> None:
    result = entries.attach_evidence(store, key(township, 13), evidence(tmp_path), 10)
    with pytest.raises(entries.EvidenceNameError):
        entries.rename_evidence(store, key(township, 13), result.entry.attachments[0].sha256,
                                "  ")


def test_rejected_file_writes_nothing(store: Store, catalogue: Catalogue, township: str,
                                      tmp_path: Path) -> None:
    big = evidence(tmp_path, "大.pdf", b"%PDF" + b"0" * (2 * 1024 * 1024))
    with pytest.raises(attachments.AttachmentTooLargeError):
        entries.attach_evidence(store, key(township, 13), big, 1)
    with pytest.raises(attachments.BlockedFileTypeError):
        entries.attach_evidence(store, key(township, 13), evidence(tmp_path, "a.bat", b"x"), 1)
    assert entries.load_entry(store, key(township, 13)) is None


def test_undo_redo_field(store: Store, catalogue: Catalogue, township: str) -> None:
    editor = EntryEditor(store, catalogue)
    editor.set_fields(key(township, 13), {"value": Decimal(50)})
    editor.set_fields(key(township, 13), {"value": Decimal(60)})
    assert editor.undo() == [key(township, 13)]
    assert entries.load_entry(store, key(township, 13)).value == Decimal(50)
    assert editor.can_redo()
    editor.redo()
    restored = entries.load_entry(store, key(township, 13))
    assert restored.value == Decimal(60)
    assert restored.revision == 4


def test_undo_paste_is_one_step(store: Store, catalogue: Catalogue, township: str) -> None:
    editor = EntryEditor(store, catalogue)
    editor.set_fields(key(township, 10), {"narrative": "原有"})
    editor.set_many([(key(township, number), {"value": Decimal(number)})
                     for number in (10, 11, 12)])
    touched = editor.undo()
    assert sorted(item.task_number for item in touched) == [10, 11, 12]
    listed = entries.period_entries(store, township, PERIOD)
    assert listed[10].value is None
    assert listed[10].narrative == "原有"
    assert listed[11].value is None
    assert editor.can_undo()


def test_undo_new_action_clears_redo(store: Store, catalogue: Catalogue,
                                     township: str) -> None:
    editor = EntryEditor(store, catalogue)
    editor.set_fields(key(township, 13), {"value": Decimal(1)})
    editor.undo()
    editor.set_fields(key(township, 14), {"value": Decimal(2)})
    assert not editor.can_redo()


def test_undo_after_outside_change_conflicts(store: Store, catalogue: Catalogue,
                                             township: str) -> None:
    editor = EntryEditor(store, catalogue)
    editor.set_fields(key(township, 13), {"value": Decimal(1)})
    entries.set_entry_fields(store, catalogue, key(township, 13), {"value": Decimal(7)})
    with pytest.raises(UndoConflictError):
        editor.undo()
    assert entries.load_entry(store, key(township, 13)).value == Decimal(7)
    assert not editor.can_undo()


def test_undo_attach(store: Store, catalogue: Catalogue, township: str,
                     tmp_path: Path) -> None:
    editor = EntryEditor(store, catalogue)
    editor.attach(key(township, 13), evidence(tmp_path), 10)
    editor.undo()
    assert entries.load_entry(store, key(township, 13)).attachments == ()
    editor.redo()
    assert len(entries.load_entry(store, key(township, 13)).attachments) == 1


def test_paste_invalid_item_writes_nothing(store: Store, catalogue: Catalogue,
                                           township: str) -> None:
    editor = EntryEditor(store, catalogue)
    with pytest.raises(entries.UnknownTaskError):
        editor.set_many([(key(township, 13), {"value": Decimal(1)}),
                         (key(township, 3), {"value": Decimal(1)})])
    assert entries.period_entries(store, township, PERIOD) == {}
    assert not editor.can_undo()


def test_history_newest_first(store: Store, catalogue: Catalogue, township: str) -> None:
    for value in (1, 2, 3):
        entries.set_entry_fields(store, catalogue, key(township, 11), {"value": Decimal(value)})
    history = entries.entry_history(store, key(township, 11))
    assert [record.snapshot["value"] for record in history] == ["3", "2", "1"]
    assert history[0].source == "local"


def test_check_lists_what_is_left_out(store: Store, catalogue: Catalogue, township: str,
                                      tmp_path: Path) -> None:
    complete = {"status": "done", "value": Decimal(95), "responsible_person": "张三",
                "contact": "13800000000"}
    entries.set_entry_fields(store, catalogue, key(township, 13), complete)
    entries.attach_evidence(store, key(township, 13), evidence(tmp_path), 10)
    entries.set_entry_fields(store, catalogue, key(township, 15),
                             {**complete, "value": None})
    findings = entries.check_before_submission(store, catalogue, township, PERIOD)
    by_task: dict[int, list[str]] = {}
    for finding in findings:
        by_task.setdefault(finding.task_number, []).append(finding.code)
    assert 13 not in by_task
    assert by_task[15] == ["check.value_missing", "check.evidence_missing"]
    assert by_task[10] == ["check.not_filled"]
    assert len(by_task) == 33


def test_check_reports_returned_entry(store: Store, catalogue: Catalogue,
                                      township: str) -> None:
    entries.set_entry_fields(store, catalogue, key(township, 14), {"value": Decimal(2)})
    with store.session_factory.begin() as session:
        session.add(models.ReviewComment(unit_id=township, task_number=14, period_code=PERIOD,
                                         action="return", text="请补充佐证材料", entry_revision=1,
                                         created_at=entries_repo.utc_now()))
    findings = entries.check_before_submission(store, catalogue, township, PERIOD)
    returned = [finding for finding in findings if finding.code == "check.returned_unrevised"]
    assert [finding.task_number for finding in returned] == [14]
    entries.set_entry_fields(store, catalogue, key(township, 14), {"value": Decimal(3)})
    findings = entries.check_before_submission(store, catalogue, township, PERIOD)
    assert "check.returned_unrevised" not in {finding.code for finding in findings}


def test_bind_market_town_moves_entries(store: Store, tmp_path: Path) -> None:
    identity = setup_provisional_township(store, "淳安县", "千岛湖集镇", is_market_town=True)
    market_town = identity.unit_id
    assert market_town is not None and market_town.startswith("X")
    catalogue = active_catalogue(store)
    for number in (10, 13, 27):
        entries.set_entry_fields(store, catalogue, key(market_town, number),
                                 {"value": Decimal(number)})
    entries.attach_evidence(store, key(market_town, 13), evidence(tmp_path), 10)
    with store.session_factory() as session:
        real = units_repo.find_township(session, "淳安县", "千岛湖镇").id

    result = bind_township(store, real)

    assert result.moved_entries == 3
    assert result.identity.unit_id == real
    assert not result.identity.is_provisional
    moved = entries.period_entries(store, real, PERIOD)
    assert sorted(moved) == [10, 13, 27]
    assert moved[27].value == Decimal(27)
    assert len(moved[13].attachments) == 1
    assert len(entries.entry_history(store, key(real, 13))) == 2
    assert entries.period_entries(store, market_town, PERIOD) == {}
    with store.session_factory() as session:
        assert units_repo.get_unit(session, market_town).merged_into_id == real


def test_bind_same_unit_keeps_entries(store: Store, catalogue: Catalogue,
                                      township: str) -> None:
    entries.set_entry_fields(store, catalogue, key(township, 13), {"value": Decimal(5)})
    result = bind_township(store, township)
    assert result.moved_entries == 0
    assert not result.identity.is_provisional
    assert entries.load_entry(store, key(township, 13)).value == Decimal(5)
    assert bind_township(store, township).identity == result.identity


def test_bind_other_unit_after_binding_rejected(store: Store, township: str) -> None:
    bind_township(store, township)
    with pytest.raises(NotProvisionalError):
        bind_township(store, "330110001")


def test_bind_unknown_unit_changes_nothing(store: Store, catalogue: Catalogue,
                                           township: str) -> None:
    entries.set_entry_fields(store, catalogue, key(township, 13), {"value": Decimal(5)})
    with pytest.raises(units_repo.UnitNotFoundError):
        bind_township(store, "999999999")
    identity = load_identity(store)
    assert identity.is_provisional
    assert identity.unit_id == township
