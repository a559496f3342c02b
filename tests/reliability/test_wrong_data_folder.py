"""Data entry in an office's data folder is rejected by the services, not only by the CLI.

The city and county offices receive entries in report packages and templates. A clerk who
points ``entry set`` (or a script calling the services) at an office's data folder gets a
Chinese message and the database stays row for row the same.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import entries, entry_evidence
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import NotTownshipDataFolderError, OtherUnitEntryError
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.services.identity import Role
from meili_desktop.services.setup import setup_office, setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability.helpers import table_rows

PERIOD = "2021Q2"
TOWNSHIP = "330110102"  # 塘栖镇


@pytest.fixture(params=[Role.CITY, Role.COUNTY])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    store = open_store(tmp_path / "office")
    setup_office(store, request.param, county="330110")
    yield store
    store.dispose()


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    path = tmp_path / "现场照片.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(2048))
    return path


def test_office_rejects_every_entry_service(office: Store, evidence: Path) -> None:
    catalogue = active_catalogue(office)
    key = EntryKey(TOWNSHIP, 13, PERIOD)
    rows = table_rows(office.folder.database_file)
    actions = {
        "set_entry_fields": lambda: entries.set_entry_fields(office, catalogue, key,
                                                             {"value": Decimal(85)}),
        "attach_evidence": lambda: entries.attach_evidence(office, key, evidence, 20),
        "save_entry": lambda: entry_evidence.save_entry(office, catalogue, key,
                                                        {"value": Decimal(85)}, [evidence], 20),
        "editor.set_many": lambda: EntryEditor(office, catalogue).set_many(
            [(key, {"value": Decimal(85)})]),
        "editor.attach_many": lambda: EntryEditor(office, catalogue).attach_many(
            key, [evidence], 20),
        "own_unit_id": lambda: entries.own_unit_id(office),
    }

    for name, action in actions.items():
        with pytest.raises(NotTownshipDataFolderError):
            action()
        assert table_rows(office.folder.database_file) == rows, name
    assert list(office.folder.attachments_dir.rglob("*")) == []


def test_office_entry_set_message(office: Store, capsys: pytest.CaptureFixture[str]) -> None:
    root = office.folder.root
    rows = table_rows(office.folder.database_file)
    office.dispose()

    status = main(["--data-dir", str(root), "--lang", "zh_CN", "entry", "set", "--task", "13",
                   "--period", PERIOD, "--value", "85"])

    captured = capsys.readouterr()
    assert status == NotTownshipDataFolderError.exit_code
    assert captured.out == ""
    assert "不在此直接填报" in captured.err
    assert table_rows(root / "meili.sqlite3") == rows


def test_township_rejects_other_unit(tmp_path: Path) -> None:
    store = open_store(tmp_path / "township")
    try:
        setup_provisional_township(store, "330110", "塘栖镇")
        catalogue = active_catalogue(store)
        rows = table_rows(store.folder.database_file)

        with pytest.raises(OtherUnitEntryError):
            entries.set_entry_fields(store, catalogue, EntryKey("330110005", 13, PERIOD),
                                     {"value": Decimal(85)})

        assert table_rows(store.folder.database_file) == rows
    finally:
        store.dispose()
