"""Rejections whose Chinese message names the wrong cause.

A clerk acts on the message: a file damaged in transit is sent again, a workbook with a
renamed sheet is fixed by renaming it back. These cases get a message about a different cause,
so the clerk's next step cannot help.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from meili_desktop.cli import main
from meili_desktop.exchange import writer
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.packages import export_report_package
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.services.templates import export_template
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import (
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def test_signed_bad_record_not_transit(capsys: pytest.CaptureFixture[str], city: City,
                                       tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    original = writer.canonical_json

    def entry_with_nan(value: Any) -> bytes:
        encoded = original(value)
        if isinstance(value, dict) and value.get("type") == "entry":
            return encoded.replace(b'"revision":', b'"value_nan":NaN,"revision":', 1)
        return encoded

    monkeypatch.setattr(writer, "canonical_json", entry_with_nan)
    exported = export_report_package(township, tmp_path / "report.mlrp")
    monkeypatch.undo()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    merge = ("merge", str(exported.path), "--passphrase-file", str(passphrase_file), "--json")
    status, output = run(capsys, city.store.folder.root, *merge)
    assert status == 25, output
    approve_key(city.store, unit_id, exported.header.sender_fingerprint, actor="test")

    status, output = run(capsys, city.store.folder.root, *merge)

    assert status != 0, output
    rejected = json.loads(output.splitlines()[-1])["rejected"]
    assert rejected["code"] == "package.corrupted"
    assert "传输途中" not in rejected["reason"]


def test_renamed_template_sheet_named(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    folder = tmp_path / "township"
    store = open_store(folder)
    identity = setup_provisional_township(store, "临平区", "塘栖镇")
    assert identity.unit_id is not None
    path = tmp_path / "模板.xlsx"
    export_template(store, path, identity.unit_id, "2021Q2")
    store.dispose()
    workbook = openpyxl.load_workbook(path)
    workbook.worksheets[0].title = "Sheet1"
    workbook.save(path)

    status, output = run(capsys, folder, "import-excel", "--dry-run", str(path))

    assert status != 0, output
    assert "Sheet1" in output
