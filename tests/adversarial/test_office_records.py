"""What the office is left with after ordinary work, a killed merge and a town list import.

The audit view must name every event in words, decrypted evidence must not stay in the data
folder's temporary folder once the merge that wrote it is gone, and a town list must not lose
a code to a formula cell.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import openpyxl
import pytest

from meili_desktop.cli import main
from meili_desktop.services import audit
from meili_desktop.store.audit_repo import AuditQuery
from tests.services.package_chain import PASSPHRASE, City, fill_entries, make_city, make_township

TWO_DAYS_SECONDS = 2 * 24 * 3600


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def test_audit_actions_have_labels(city: City, tmp_path: Path) -> None:
    make_township(city, tmp_path)

    records = audit.search(city.store, AuditQuery())

    assert records
    unlabelled = sorted({record.action for record in records
                         if audit.action_label(record.action) == record.action})
    assert unlabelled == []


def test_stale_decrypted_evidence_removed(capsys: pytest.CaptureFixture[str], city: City,
                                          tmp_path: Path) -> None:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    report = tmp_path / "report.mlrp"
    assert main(["--data-dir", str(township.folder.root), "export", "-o", str(report)]) == 0
    leftover = city.store.folder.temp_dir / "package-0123456789abcdef0123456789abcdef"
    leftover.mkdir(parents=True)
    evidence = leftover / ("ab" * 32)
    evidence.write_bytes(b"%PDF-1.4 decrypted evidence of an earlier package")
    two_days_ago = time.time() - TWO_DAYS_SECONDS
    os.utime(evidence, (two_days_ago, two_days_ago))
    os.utime(leftover, (two_days_ago, two_days_ago))
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")

    main(["--data-dir", str(city.store.folder.root), "merge", str(report),
          "--passphrase-file", str(passphrase_file)])
    capsys.readouterr()

    assert not evidence.exists()


def test_unit_code_formula_rejected(capsys: pytest.CaptureFixture[str], city: City,
                                    tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "美丽城镇名单"
    sheet.append(["序号", "县(市、区)", "乡镇", "统计用区划代码", "类型"])
    sheet.append([1, "临平区", "新塘栖镇", '="330110199"', "样板镇"])
    path = tmp_path / "名单.xlsx"
    workbook.save(path)
    capsys.readouterr()

    status = main(["--data-dir", str(city.store.folder.root), "units", "import", "--dry-run",
                   str(path)])
    output = capsys.readouterr()

    assert status != 0, output.out
    assert "D2" in output.err
    assert '="330110199"' in output.err
