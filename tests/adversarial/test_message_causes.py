"""Rejections whose message must name the real cause, on real packages and data folders.

A clerk acts on the message. A package with another unit's entries must not read as a
catalogue mismatch, and a damaged length field must not read as an oversized export. A missing
file must not read as one that vanished while it was read.
"""

from __future__ import annotations

import errno
import json
import struct
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from meili_desktop.cli import main
from meili_desktop.exchange import writer
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.messages import describe
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.faults import DiskFullError, fault_from_os_error
from tests.services.package_chain import PASSPHRASE, City, fill_entries, make_city, make_township

OTHER_TOWNSHIP = "330110005"  # 五常街道, 余杭区


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def merge_at_city(capsys: pytest.CaptureFixture[str], city: City, package: Path,
                  passphrase_file: Path) -> tuple[int, dict[str, Any]]:
    """Approve the package's signing key at the city, then merge it; return the JSON outcome."""
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, package, city.unlocked)
    approve_key(city.store, raised.value.details["unit_id"], raised.value.details["fingerprint"],
                actor="测试")
    status, output = run(capsys, city.store.folder.root, "merge", str(package),
                         "--passphrase-file", str(passphrase_file), "--json")
    return status, json.loads(output.splitlines()[-1])


def test_foreign_entries_named(capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path,
                               passphrase_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    original = writer.canonical_json

    def other_unit(value: Any) -> bytes:
        if isinstance(value, dict) and value.get("type") == "entry":
            value = {**value, "unit_id": OTHER_TOWNSHIP}
        return original(value)

    monkeypatch.setattr(writer, "canonical_json", other_unit)
    exported = export_report_package(township, tmp_path / "report.mlrp")
    monkeypatch.undo()

    status, outcome = merge_at_city(capsys, city, exported.path, passphrase_file)

    assert status != 0
    assert outcome["rejected"]["code"] == "package.content_mismatch"
    assert OTHER_TOWNSHIP in outcome["rejected"]["reason"]
    assert "已拒收" in outcome["rejected"]["reason"]
    assert "任务目录" not in outcome["rejected"]["reason"]


def test_unsafe_name_shown_escaped(capsys: pytest.CaptureFixture[str], city: City,
                                   tmp_path: Path, passphrase_file: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    township, unit_id = make_township(city, tmp_path)
    evidence = tmp_path / "验收照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"photo" * 200)
    fill_entries(township, unit_id, "2021Q2", evidence)
    monkeypatch.setattr(writer, "clean_display_name", lambda text: "验收\u202egpj.exe")
    exported = export_report_package(township, tmp_path / "report.mlrp")
    monkeypatch.undo()

    status, outcome = merge_at_city(capsys, city, exported.path, passphrase_file)

    reason = outcome["rejected"]["reason"]
    assert status != 0
    assert outcome["rejected"]["code"] == "package.unsafe_attachment_name"
    assert "\u202e" not in reason
    assert "验收\\u202egpj.exe" in reason
    assert "报告给市办" not in reason


def test_header_length_says_damaged(capsys: pytest.CaptureFixture[str], city: City,
                                    tmp_path: Path) -> None:
    package = tmp_path / "收到的上报包.mlrp"
    package.write_bytes(b"\x89MEILI\r\n" + struct.pack(">HHI", 1, 0, 10**8))

    status, output = run(capsys, city.store.folder.root, "verify", str(package))

    assert status != 0
    assert "已损坏" in output
    assert "分多次导出" not in output


def test_missing_file_not_found(capsys: pytest.CaptureFixture[str], city: City,
                                tmp_path: Path, passphrase_file: Path) -> None:
    missing = tmp_path / "nonexistent.mlrp"

    status, output = run(capsys, city.store.folder.root, "merge", str(missing),
                         "--passphrase-file", str(passphrase_file), "--json")

    rejected = json.loads(output.splitlines()[-1])["rejected"]
    assert status != 0
    assert rejected["code"] == "io.source_not_found"
    assert "找不到" in rejected["reason"]
    assert "消失" not in rejected["reason"]


def test_disk_full_names_data_folder(tmp_path: Path) -> None:
    store = open_store(tmp_path / "数据")
    temp_dir = store.folder.temp_dir
    work_file = temp_dir / "package-1234" / "0a1b2c"
    store.dispose()

    fault = fault_from_os_error(OSError(errno.ENOSPC, "No space left on device"), work_file)

    assert isinstance(fault, DiskFullError)
    assert fault.details["folder"] == str(tmp_path / "数据")
    assert str(temp_dir) not in describe(fault)


def test_disk_full_elsewhere_names_folder(tmp_path: Path) -> None:
    stick = tmp_path / "U盘" / "tmp"
    stick.mkdir(parents=True)

    fault = fault_from_os_error(OSError(errno.ENOSPC, "No space left on device"),
                                stick / "上报包.mlrp")

    assert fault.details["folder"] == str(stick)


def test_target_formula_named(capsys: pytest.CaptureFixture[str], city: City,
                              tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "目标"
    sheet.append(["编号", "单位", "年度", "目标值"])
    # openpyxl saves a formula without a calculated result, as scripts and some programs do.
    sheet.append([13, "塘栖镇", "2021", "=80+5"])
    path = tmp_path / "目标值.xlsx"
    workbook.save(path)

    status, output = run(capsys, city.store.folder.root, "targets", "import", str(path))

    assert status != 0
    assert "D2" in output
    assert "=80+5" in output
    assert "不是有效的目标值" not in output
