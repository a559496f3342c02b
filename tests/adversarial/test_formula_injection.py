"""Text that starts with "=" must reach the program's workbooks as text, never as a formula.

A township types the responsible person, contact and narrative freely, and the office's
summary workbook carries them to every reader. openpyxl stores a string that starts with "="
as a formula unless its cell type is set, so Excel would run ``=HYPERLINK(...)`` or a DDE payload
typed on any township laptop. The township's own fill-in template, the audit exports and the
template import are checked for the same texts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.services import audit, review
from meili_desktop.services import merge as merge_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import period_entries, set_entry_fields
from meili_desktop.services.reports import export_summary
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store.audit_repo import AuditQuery
from meili_desktop.store.datafolder import Store, open_store
from tests.services.merge_support import (
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    make_package,
    open_office_store,
)

LINK = '=HYPERLINK("http://127.0.0.1/","详情")'


def formula_cells(path: Path) -> list[str]:
    """Return 'sheet!cell' for every cell that openpyxl reads back as a formula."""
    workbook = openpyxl.load_workbook(path)
    found = [f"{sheet.title}!{cell.coordinate}" for sheet in workbook for row in sheet.iter_rows()
             for cell in row if cell.data_type == "f"]
    workbook.close()
    return found


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office")
    yield store
    store.dispose()


@pytest.fixture
def township(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "township")
    yield store
    store.dispose()


def test_summary_keeps_text_as_text(office: Store, tmp_path: Path) -> None:
    merge_service.merge(office, make_package([entry_record(responsible_person=LINK)]))
    path = tmp_path / "汇总.xlsx"

    export_summary(office, path, [PERIOD])

    assert formula_cells(path) == []


def test_template_round_trip_with_equals(township: Store, tmp_path: Path) -> None:
    identity = setup_provisional_township(township, "临平区", "塘栖镇")
    assert identity.unit_id is not None
    set_entry_fields(township, active_catalogue(township), EntryKey(identity.unit_id, 13, PERIOD),
                     {"status": Status.IN_PROGRESS, "value": Decimal("85"),
                      "narrative": "=全部完成", "responsible_person": LINK, "contact": "=1+1"})
    path = tmp_path / "模板.xlsx"
    export_template(township, path, identity.unit_id, PERIOD)

    result = import_template(township, path, dry_run=True)

    assert formula_cells(path) == []
    assert list(result.problems) == []


def test_summary_keeps_error_code_text(office: Store, tmp_path: Path) -> None:
    merge_service.merge(office, make_package([entry_record(responsible_person="#N/A")]))
    path = tmp_path / "汇总.xlsx"

    export_summary(office, path, [PERIOD])

    workbook = openpyxl.load_workbook(path)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row
             if cell.value == "#N/A"]
    workbook.close()
    assert cells
    assert {cell.data_type for cell in cells} == {"s"}


def test_template_import_keeps_typed_equals(township: Store, tmp_path: Path) -> None:
    identity = setup_provisional_township(township, "临平区", "塘栖镇")
    assert identity.unit_id is not None
    path = tmp_path / "模板.xlsx"
    export_template(township, path, identity.unit_id, PERIOD)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    row = next(row for row in range(4, sheet.max_row + 1) if sheet.cell(row, 1).value == 13)
    # Column J is the narrative and L the contact, stored as text cells the way Excel saves
    # an entry typed with a leading apostrophe.
    for column, text in (("J", "=SUM(1,2) 已完成"), ("L", "+86 0571")):
        sheet[f"{column}{row}"].value = text
        sheet[f"{column}{row}"].data_type = "s"
    workbook.save(path)

    result = import_template(township, path)

    assert list(result.problems) == []
    entries = period_entries(township, identity.unit_id, PERIOD)
    assert entries[13].narrative == "=SUM(1,2) 已完成"
    assert entries[13].contact == "+86 0571"


def test_audit_exports_keep_text(office: Store, tmp_path: Path) -> None:
    merge_service.merge(office, make_package([entry_record()]))
    review.return_entry(office, EntryKey(TOWN_A, PERCENT_TASK, PERIOD), actor="=1+1",
                        comment=LINK)
    records = audit.search(office, AuditQuery())
    csv_path = tmp_path / "审计.csv"
    xlsx_path = tmp_path / "审计.xlsx"

    audit.export_csv(records, csv_path)
    audit.export_xlsx(records, xlsx_path)

    assert formula_cells(xlsx_path) == []
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=1+1" in cells
    assert not [cell for cell in cells if cell.startswith("=")]
