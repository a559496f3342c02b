"""Excel fill-in templates: export, round trip, refusals, rejected cells and messy input."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.reports.template_reading import TemplateRejectedError
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import period_entries, set_entry_fields
from meili_desktop.services.identity import Role
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store import catalogue_repo, entries_repo, models
from meili_desktop.store.datafolder import Store
from tests.reports.report_support import (
    PERIOD,
    TOWN_A,
    TOWN_B,
    add_entry,
    open_office_store,
)

# Rows of the entry sheet: task 10 is on row 4, so task N is on row N - 6.
COUNT_ROW = 4  # task 10, counted in 个
PERCENT_ROW = 7  # task 13, a percentage


def row_of(task: int) -> int:
    return task - 6


@pytest.fixture
def template(office_store: Store, tmp_path: Path) -> Path:
    path = tmp_path / "模板 五常.xlsx"
    export_template(office_store, path, TOWN_A, PERIOD)
    return path


def entry_count(store: Store) -> int:
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(models.Entry)) or 0


def fill(path: Path, cells: dict[str, object], target: Path) -> Path:
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    for coordinate, value in cells.items():
        sheet[coordinate] = value
    workbook.save(target)
    return target


def test_export_layout(template: Path) -> None:
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    assert sheet["A3"].value == "No."
    assert sheet["A4"].value == 10
    assert sheet[f"A{row_of(43)}"].value == 43
    assert sheet.protection.sheet
    assert sheet["C4"].protection.locked
    assert not sheet["H4"].protection.locked
    assert not sheet["I4"].protection.locked
    assert sheet[f"I{PERCENT_ROW}"].number_format == '0.0#"%"'
    assert "A1:L1" in {str(item) for item in sheet.merged_cells.ranges}


def test_export_validations(template: Path) -> None:
    sheet = load_workbook(template).worksheets[0]
    validations = {str(item.sqref): item for item in sheet.data_validations.dataValidation}
    statuses = validations["H4:H37"]
    assert statuses.type == "list"
    assert statuses.formula1 == '"Not started,In progress,Done,Not applicable"'
    values = validations["I4:I37"]
    assert values.type == "decimal"
    assert values.errorStyle == "warning"


def test_keys_sheet_hidden(template: Path) -> None:
    workbook = load_workbook(template)
    keys = workbook["_keys"]
    assert keys.sheet_state == "veryHidden"
    pairs = {row[0]: row[1] for row in keys.iter_rows(values_only=True)}
    assert pairs["unit_id"] == TOWN_A
    assert pairs["period"] == PERIOD
    assert pairs["catalogue_version"] == "2020.1"
    assert len(pairs["checksum"]) == 64


def test_export_chinese_headers(office_store: Store, tmp_path: Path, chinese: object) -> None:
    path = tmp_path / "zh.xlsx"
    export_template(office_store, path, TOWN_A, PERIOD)
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "填报表"
    assert sheet["H3"].value == "状态"
    assert sheet["A1"].value == "余杭区五常街道 2021Q2 美丽城镇建设重点工作进展填报表"


def test_round_trip_matches_typing(template: Path, tmp_path: Path) -> None:
    typed_values = {
        10: {"status": Status.DONE, "value": Decimal(3), "narrative": "已建成 3 个",
             "responsible_person": "李四", "contact": "0571-88888888"},
        13: {"status": Status.IN_PROGRESS, "value": Decimal("92.5"), "narrative": "推进中"},
        27: {"value": Decimal("12.5"), "responsible_person": "王五"},
    }
    filled = fill(template, {
        "H4": "Done", "I4": 3, "J4": "已建成 3 个", "K4": "李四", "L4": "0571-88888888",
        f"H{PERCENT_ROW}": "In progress", f"I{PERCENT_ROW}": 92.5, f"J{PERCENT_ROW}": "推进中",
        f"I{row_of(27)}": "12.5", f"K{row_of(27)}": "王五",
    }, tmp_path / "filled.xlsx")

    imported_store = open_office_store(tmp_path / "imported")
    # Entries are typed in the township's own data folder, as clerks do.
    typed_store = open_office_store(tmp_path / "typed", Role.TOWNSHIP, TOWN_A)
    try:
        result = import_template(imported_store, filled)
        assert result.is_applied
        assert result.changed == (10, 13, 27)
        catalogue = active_catalogue(typed_store)
        for task, changes in typed_values.items():
            for name, value in changes.items():
                set_entry_fields(typed_store, catalogue, EntryKey(TOWN_A, task, PERIOD),
                                 {name: value})
        imported = period_entries(imported_store, TOWN_A, PERIOD)
        typed = period_entries(typed_store, TOWN_A, PERIOD)
        assert set(imported) == set(typed) == {10, 13, 27}
        for task in typed:
            assert imported[task].content() == typed[task].content()
    finally:
        imported_store.dispose()
        typed_store.dispose()


def test_import_twice_changes_nothing(office_store: Store, template: Path,
                                      tmp_path: Path) -> None:
    filled = fill(template, {"H4": "Done", "I4": 3}, tmp_path / "filled.xlsx")
    assert import_template(office_store, filled).changed == (10,)
    again = import_template(office_store, filled)
    assert again.changed == ()
    assert again.unchanged == (10,)


def test_dry_run_writes_nothing(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"H4": "Done", "I4": 3}, tmp_path / "filled.xlsx")
    result = import_template(office_store, filled, dry_run=True)
    assert result.changed == (10,)
    assert not result.is_applied
    assert entry_count(office_store) == 0


def test_blank_cells_never_erase(office_store: Store, tmp_path: Path) -> None:
    with office_store.session_factory.begin() as session:
        add_entry(session, TOWN_A, 10, PERIOD, "done", "3", person="张三")
    path = tmp_path / "prefilled.xlsx"
    export_template(office_store, path, TOWN_A, PERIOD)
    assert load_workbook(path).worksheets[0]["I4"].value == 3
    cleared = fill(path, {"H4": None, "I4": None, "J4": None, "K4": None,
                          f"I{PERCENT_ROW}": 80}, tmp_path / "cleared.xlsx")
    import_template(office_store, cleared)
    entry = period_entries(office_store, TOWN_A, PERIOD)[10]
    assert entry.status is Status.DONE
    assert entry.value == Decimal(3)
    assert entry.narrative == "按计划推进"
    assert entry.responsible_person == "张三"


def test_rejected_cells_listed(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"H4": "Done", "I4": "abc", "H5": "差不多", f"I{PERCENT_ROW}": "0.85",
                             "I6": "-"}, tmp_path / "bad.xlsx")
    result = import_template(office_store, filled)
    assert not result.is_applied
    found = {(problem.sheet, problem.cell): problem.code for problem in result.problems}
    assert found == {
        ("Entries", "I4"): "value.not_a_number",
        ("Entries", "H5"): "status.invalid",
        ("Entries", f"I{PERCENT_ROW}"): "value.ambiguous",
        ("Entries", "I6"): "value.placeholder",
    }
    assert entry_count(office_store) == 0


def test_messy_cells_read(office_store: Store, template: Path, tmp_path: Path) -> None:
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    sheet.protection.sheet = False
    sheet["I4"] = "８５"  # full-width digits
    sheet[f"I{PERCENT_ROW}"] = "85％"  # full-width percent sign
    sheet[f"I{row_of(15)}"] = 0.9  # typed as 90% in Excel: a number in a percent format
    sheet[f"I{row_of(15)}"].number_format = "0%"
    sheet[f"I{row_of(16)}"] = " 1，234 "  # full-width comma and stray spaces
    sheet["K4"] = "王五"
    sheet.merge_cells("K4:K6")  # one responsible person merged over three tasks
    sheet[f"H{row_of(20)}"] = "　已完成　"  # full-width spaces around the status
    workbook.save(tmp_path / "messy.xlsx")

    result = import_template(office_store, tmp_path / "messy.xlsx")
    assert result.problems == ()
    entries = period_entries(office_store, TOWN_A, PERIOD)
    assert entries[10].value == Decimal(85)
    assert entries[13].value == Decimal(85)
    assert entries[15].value == Decimal(90)
    assert entries[16].value == Decimal(1234)
    assert [entries[task].responsible_person for task in (10, 11, 12)] == ["王五"] * 3
    assert entries[20].status is Status.DONE


def test_merged_across_columns_rejected(office_store: Store, template: Path,
                                        tmp_path: Path) -> None:
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    sheet["I5"] = 3
    sheet.merge_cells("I5:J5")
    workbook.save(tmp_path / "wide.xlsx")
    result = import_template(office_store, tmp_path / "wide.xlsx")
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("I5", "template.merged_across")]


def test_other_town_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"I4": 3}, tmp_path / "filled.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, filled, unit=TOWN_B)
    assert raised.value.code == "template.other_unit"
    assert TOWN_A in raised.value.details["found"]
    assert entry_count(office_store) == 0


def test_township_rejects_other_town(template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"I4": 3}, tmp_path / "filled.xlsx")
    township = open_office_store(tmp_path / "township", Role.TOWNSHIP, TOWN_B)
    try:
        with pytest.raises(TemplateRejectedError) as raised:
            import_template(township, filled)
        assert raised.value.code == "template.other_unit"
        assert entry_count(township) == 0
    finally:
        township.dispose()


def test_other_period_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"I4": 3}, tmp_path / "filled.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, filled, period_code="2021Q3")
    assert raised.value.code == "template.other_period"
    assert raised.value.details == {"found": PERIOD, "expected": "2021Q3"}
    assert entry_count(office_store) == 0


def test_older_catalogue_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"I4": 3}, tmp_path / "filled.xlsx")
    newer = dataclasses.replace(active_catalogue(office_store), version="2021.1")
    with office_store.session_factory.begin() as session:
        catalogue_repo.save_catalogue(session, newer, activate=True)
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, filled)
    assert raised.value.code == "template.old_catalogue"
    assert raised.value.details == {"found": "2020.1", "expected": "2021.1"}
    assert entry_count(office_store) == 0


def test_changed_header_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    filled = fill(template, {"I4": 3, "I3": "完成数"}, tmp_path / "filled.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, filled)
    assert raised.value.code == "template.headers_changed"
    assert raised.value.details["cell"] == "I3"
    assert raised.value.details["found"] == "完成数"
    assert entry_count(office_store) == 0


def test_inserted_column_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    workbook = load_workbook(template)
    workbook.worksheets[0].insert_cols(8)
    workbook.save(tmp_path / "inserted.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, tmp_path / "inserted.xlsx")
    assert raised.value.code == "template.headers_changed"
    assert raised.value.details["cell"] == "H3"


def test_edited_keys_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    workbook = load_workbook(template)
    keys = workbook["_keys"]
    for row in keys.iter_rows():
        if row[0].value == "unit_id":
            row[1].value = TOWN_B
    workbook.save(tmp_path / "edited.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, tmp_path / "edited.xlsx")
    assert raised.value.code == "template.damaged"


def test_plain_workbook_rejected(office_store: Store, tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "编号"
    workbook.save(tmp_path / "plain.xlsx")
    with pytest.raises(TemplateRejectedError) as raised:
        import_template(office_store, tmp_path / "plain.xlsx")
    assert raised.value.code == "template.not_template"


def test_not_a_workbook_rejected(office_store: Store, tmp_path: Path) -> None:
    from meili_desktop.reports.xlsx_reading import ExcelUnreadableError

    path = tmp_path / "fake.xlsx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ExcelUnreadableError) as raised:
        import_template(office_store, path)
    assert raised.value.code == "excel.unreadable"


def test_locked_period_rejected(office_store: Store, template: Path, tmp_path: Path) -> None:
    from meili_desktop.services.entries import PeriodLockedError

    filled = fill(template, {"I4": 3}, tmp_path / "filled.xlsx")
    with office_store.session_factory.begin() as session:
        session.get(models.Period, PERIOD).state = "locked"
    with pytest.raises(PeriodLockedError):
        import_template(office_store, filled)
    assert entry_count(office_store) == 0


def test_stale_template_keeps_newer_entry(office_store: Store, tmp_path: Path) -> None:
    key = EntryKey(TOWN_A, 10, PERIOD)
    # The office takes entries in only from packages and templates, so the test writes
    # them the way a merge does.
    with office_store.session_factory.begin() as session:
        entries_repo.apply_change(session, key, {"value": Decimal(3)})
    path = tmp_path / "old.xlsx"
    export_template(office_store, path, TOWN_A, PERIOD)
    with office_store.session_factory.begin() as session:
        entries_repo.apply_change(session, key, {"value": Decimal(4)})

    untouched = fill(path, {f"I{PERCENT_ROW}": 90}, tmp_path / "untouched.xlsx")
    assert import_template(office_store, untouched).changed == (13,)
    assert period_entries(office_store, TOWN_A, PERIOD)[10].value == Decimal(4)

    edited = fill(path, {"I4": 5}, tmp_path / "edited.xlsx")
    result = import_template(office_store, edited)
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("I4", "template.entry_changed")]
    assert period_entries(office_store, TOWN_A, PERIOD)[10].value == Decimal(4)


def test_formula_without_result_rejected(office_store: Store, template: Path,
                                         tmp_path: Path) -> None:
    filled = fill(template, {"I4": "=1+2", "I5": 3}, tmp_path / "formula.xlsx")
    result = import_template(office_store, filled)
    assert [(problem.cell, problem.code, problem.value) for problem in result.problems] == [
        ("I4", "template.formula_without_value", "=1+2")]
    assert entry_count(office_store) == 0


def test_value_merged_over_tasks_rejected(office_store: Store, template: Path,
                                          tmp_path: Path) -> None:
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    sheet["I4"] = 3
    sheet.merge_cells("I4:I6")
    workbook.save(tmp_path / "merged.xlsx")
    result = import_template(office_store, tmp_path / "merged.xlsx")
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        ("I4", "template.merged_across_tasks")]
    assert entry_count(office_store) == 0
