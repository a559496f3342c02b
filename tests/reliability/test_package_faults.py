"""Faults while writing and reading package files: full stick, pulled stick, vanished file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import (
    AttachmentSource,
    PackageHeaderInfo,
    Recipient,
    Sender,
    read_package,
    write_package,
)
from meili_desktop.exchange.suites import get_suite
from meili_desktop.store.faults import (
    DiskFullError,
    ReadOnlyTargetError,
    SourceVanishedError,
    TargetGoneError,
)
from tests.exchange.conftest import FakeKeyring, make_attachment
from tests.reliability.mounts import pull_out, remount_read_only, small_disk, usb_stick

MEGABYTE = 1024 * 1024
SUITE = get_suite("C1")
TOWNSHIP_KEY = SUITE.generate_signing_key()
CITY_KEY = SUITE.generate_encryption_key()


def write_report(out_path: Path, attachments: list[AttachmentSource],
                 **options: object) -> PackageHeaderInfo:
    return write_package(
        out_path, "report", Sender("330110102", "塘栖镇"), TOWNSHIP_KEY,
        [Recipient(CITY_KEY.public_key)], [{"task": 13, "value": "7", "narrative": "立面改造"}],
        attachments, sequence=4, periods=["2021Q2"], counts={"entries": 1}, suite="C1",
        addressee="330100", **options)  # type: ignore[arg-type]


def city_keyring() -> FakeKeyring:
    keyring = FakeKeyring("C1")
    keyring.approve("330110102", TOWNSHIP_KEY)
    keyring.add_private(CITY_KEY)
    return keyring


@pytest.fixture
def evidence(tmp_path: Path) -> list[AttachmentSource]:
    folder = tmp_path / "attachments"
    folder.mkdir()
    return [make_attachment(folder, "航拍照片.jpg", 3 * MEGABYTE)]


def test_export_to_full_stick(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    with small_disk(tmp_path / "stick", 2048) as stick:
        with pytest.raises(DiskFullError) as raised:
            write_report(stick / "上报包-2021Q2.mlp", evidence)

        assert raised.value.details["folder"] == str(stick)
        assert list(stick.iterdir()) == []


def test_export_stick_pulled(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    with usb_stick(tmp_path / "U盘", size_mb=16) as stick:
        pulled = []

        def pull(done: int, total: int) -> None:
            if done > total // 2 and not pulled:
                pull_out(stick)
                pulled.append(done)

        with pytest.raises(TargetGoneError):
            write_report(stick / "上报包-2021Q2.mlp", evidence, progress=pull)

        assert pulled
        assert not stick.exists()


def test_export_folder_removed(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    target = tmp_path / "导出文件夹"
    target.mkdir()

    def remove(done: int, total: int) -> None:
        if done > total // 2 and target.exists():
            shutil.rmtree(target)

    with pytest.raises(TargetGoneError):
        write_report(target / "上报包.mlp", evidence, progress=remove)


def test_export_read_only_stick(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    with small_disk(tmp_path / "stick", 8192) as stick:
        remount_read_only(stick)

        with pytest.raises(ReadOnlyTargetError):
            write_report(stick / "上报包.mlp", evidence)


def test_export_evidence_vanished(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    evidence[0].path.unlink()

    with pytest.raises(SourceVanishedError):
        write_report(tmp_path / "上报包.mlp", evidence)

    assert [path.name for path in tmp_path.iterdir()] == ["attachments"]


def written_package(tmp_path: Path, evidence: list[AttachmentSource]) -> Path:
    path = tmp_path / "收到的上报包.mlp"
    write_report(path, evidence)
    return path


def test_import_file_deleted(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    path = written_package(tmp_path, evidence)
    path.unlink()
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()

    with pytest.raises(SourceVanishedError) as raised:
        read_package(path, keyring=city_keyring(), temp_dir=temp_dir)

    assert raised.value.details["path"] == str(path)
    assert list(temp_dir.iterdir()) == []


def test_import_file_cut_mid_read(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    path = written_package(tmp_path, evidence)
    temp_dir = tmp_path / "tmp"
    temp_dir.mkdir()

    def cut(done: int, total: int) -> None:
        if done == total // 2:
            os.truncate(path, path.stat().st_size // 3)

    with pytest.raises(MeiliError) as raised:
        read_package(path, keyring=city_keyring(), temp_dir=temp_dir, progress=cut)

    assert raised.value.code in {"package.truncated", "io.source_vanished"}
    assert list(temp_dir.iterdir()) == []


def test_import_full_data_disk(tmp_path: Path, evidence: list[AttachmentSource]) -> None:
    path = written_package(tmp_path, evidence)
    with small_disk(tmp_path / "data-tmp", 1024) as temp_dir:
        with pytest.raises(DiskFullError) as raised:
            read_package(path, keyring=city_keyring(), temp_dir=temp_dir)

        assert raised.value.details["folder"].startswith(str(temp_dir))
        assert list(temp_dir.iterdir()) == []
