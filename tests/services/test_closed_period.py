"""A period the office closed for review takes township changes only to returned entries.

The township learns of the closing and of the returned entry from a real distribution
package. The command line, the entry services, the undo stack and the template import must
all reject a change to any other entry of the period, and leave the entry as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.domain.periods import PeriodState
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import review
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.entries import PeriodClosedError, load_entry, set_entry_fields
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store.datafolder import Store
from tests.services.package_chain import City, fill_entries, make_city, make_township

PERIOD = "2021Q2"
RETURNED_TASK = 13
OTHER_TASK = 19


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path)
    yield made
    made.store.dispose()


@pytest.fixture
def township(city: City, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A township whose 2021Q2 the office merged, then closed with task 13 returned."""
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, PERIOD)
    report = export_report_package(store, tmp_path / "report.mlrp", [PERIOD]).path
    with pytest.raises(PendingSenderKeyError) as pending:
        read_incoming(city.store, report, city.unlocked)
    approve_key(city.store, unit_id, pending.value.details["fingerprint"], actor="测试")
    opened = read_incoming(city.store, report, city.unlocked)
    try:
        merge(city.store, opened.incoming)
    finally:
        opened.discard()
    review.set_period_state(city.store, PERIOD, PeriodState.CLOSED, actor="王科长")
    review.return_entry(city.store, EntryKey(unit_id, RETURNED_TASK, PERIOD), actor="王科长",
                        comment="请补充验收材料")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "closing.mldp")
    import_distribution_package(store, tmp_path / "closing.mldp")
    yield store, unit_id
    store.dispose()


def test_cli_rejects_closed_entry(township: tuple[Store, str],
                                  capsys: pytest.CaptureFixture[str]) -> None:
    store, unit_id = township
    before = load_entry(store, EntryKey(unit_id, OTHER_TASK, PERIOD))
    capsys.readouterr()

    status = main(["--data-dir", str(store.folder.root), "entry", "set", "--task",
                   str(OTHER_TASK), "--period", PERIOD, "--value", "50"])
    output = capsys.readouterr()

    assert status != 0
    assert PERIOD in output.err
    assert load_entry(store, EntryKey(unit_id, OTHER_TASK, PERIOD)) == before


def test_returned_entry_reopens(township: tuple[Store, str]) -> None:
    store, unit_id = township
    key = EntryKey(unit_id, RETURNED_TASK, PERIOD)
    catalogue = active_catalogue(store)

    set_entry_fields(store, catalogue, key, {"value": Decimal("90")})
    # It stays open after the first correction, until the office accepts it.
    set_entry_fields(store, catalogue, key, {"narrative": "已补充验收材料"})

    entry = load_entry(store, key)
    assert entry is not None
    assert entry.value == Decimal("90")
    assert entry.narrative == "已补充验收材料"


def test_services_reject_closed_entry(township: tuple[Store, str], tmp_path: Path) -> None:
    store, unit_id = township
    key = EntryKey(unit_id, OTHER_TASK, PERIOD)
    catalogue = active_catalogue(store)
    evidence = tmp_path / "照片.jpg"
    evidence.write_bytes(b"\xff\xd8 photo")

    with pytest.raises(PeriodClosedError) as raised:
        set_entry_fields(store, catalogue, key, {"status": Status.DONE})
    with pytest.raises(PeriodClosedError):
        EntryEditor(store, catalogue).set_many([(key, {"narrative": "改"})])
    with pytest.raises(PeriodClosedError):
        EntryEditor(store, catalogue).attach_many(key, [evidence], max_mb=5)

    assert raised.value.details == {"period": PERIOD, "task": OTHER_TASK}
    assert load_entry(store, key).attachments == ()


def test_undo_into_closed_period_rejected(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    key = EntryKey(unit_id, OTHER_TASK, PERIOD)
    editor = EntryEditor(store, active_catalogue(store))
    editor.set_fields(key, {"value": Decimal("7")})
    review.set_period_state(city.store, PERIOD, PeriodState.CLOSED, actor="王科长")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "closing.mldp")
    import_distribution_package(store, tmp_path / "closing.mldp")

    with pytest.raises(PeriodClosedError):
        editor.undo()

    assert load_entry(store, key).value == Decimal("7")
    assert editor.can_undo()
    store.dispose()


def test_template_rejects_closed_rows(township: tuple[Store, str], tmp_path: Path) -> None:
    store, unit_id = township
    path = tmp_path / "模板.xlsx"
    export_template(store, path, unit_id, PERIOD)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = {sheet.cell(row, 1).value: row for row in range(4, sheet.max_row + 1)}
    sheet.cell(rows[RETURNED_TASK], 9).value = 95
    sheet.cell(rows[OTHER_TASK], 9).value = 60
    workbook.save(path)

    result = import_template(store, path)

    assert not result.is_applied
    assert [(problem.cell, problem.code) for problem in result.problems] == [
        (f"I{rows[OTHER_TASK]}", "entry.period_closed")]
    assert load_entry(store, EntryKey(unit_id, RETURNED_TASK, PERIOD)).value == Decimal("85")
