"""Faults injected for real into atomic writes and reads: full disk, pulled stick, read-only."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from pathlib import Path

import pytest

from meili_desktop.errors import CancelledError
from meili_desktop.store.faults import (
    AccessDeniedError,
    DeviceError,
    DiskFullError,
    IoFailedError,
    ReadOnlyTargetError,
    SourceVanishedError,
    TargetGoneError,
    fault_from_os_error,
)
from meili_desktop.store.fileio import (
    atomic_write,
    copy_file_atomically,
    ensure_free_space,
    read_source_bytes,
    write_bytes_atomically,
)
from tests.reliability.mounts import pull_out, remount_read_only, small_disk, usb_stick

MEGABYTE = 1024 * 1024


@pytest.mark.parametrize(("number", "error"), [
    (errno.ENOSPC, DiskFullError),
    (errno.EDQUOT, DiskFullError),
    (errno.EROFS, ReadOnlyTargetError),
    (errno.ENOENT, TargetGoneError),
    (errno.EACCES, AccessDeniedError),
    (errno.EIO, DeviceError),
    (errno.ENODEV, DeviceError),
    (errno.EINVAL, IoFailedError),
])
def test_errno_mapping(number: int, error: type) -> None:
    fault = fault_from_os_error(OSError(number, os.strerror(number)), Path("/x/y.bin"))

    assert type(fault) is error
    assert fault.details["path"] == "/x/y.bin"
    assert fault.details["folder"] == "/x"


def test_missing_source_is_vanished() -> None:
    fault = fault_from_os_error(FileNotFoundError(errno.ENOENT, "gone"), Path("/x/a.pkg"),
                                reading=True)

    assert isinstance(fault, SourceVanishedError)


def big_source(folder: Path, size: int) -> Path:
    source = folder / "佐证材料.bin"
    source.write_bytes(os.urandom(size))
    return source


def test_disk_full_leaves_nothing(tmp_path: Path) -> None:
    source = big_source(tmp_path, 3 * MEGABYTE)
    with small_disk(tmp_path / "stick", 2048) as stick:
        (stick / "上报包.mlpkg").write_bytes(b"previous export")

        with pytest.raises(DiskFullError) as raised:
            copy_file_atomically(source, stick / "上报包.mlpkg")

        assert raised.value.details["folder"] == str(stick)
        assert sorted(path.name for path in stick.iterdir()) == ["上报包.mlpkg"]
        assert (stick / "上报包.mlpkg").read_bytes() == b"previous export"


def test_free_space_checked_early(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 1024) as stick:
        with pytest.raises(DiskFullError) as raised:
            ensure_free_space(stick, 2 * MEGABYTE)

        assert raised.value.details["needed_bytes"] == 2 * MEGABYTE


def test_folder_removed_mid_write(tmp_path: Path) -> None:
    source = big_source(tmp_path, 3 * MEGABYTE)
    target_folder = tmp_path / "导出"
    target_folder.mkdir()

    def remove_folder(done: int, _total: int) -> None:
        if done >= MEGABYTE and target_folder.exists():
            shutil.rmtree(target_folder)

    with pytest.raises(TargetGoneError):
        copy_file_atomically(source, target_folder / "package.bin", progress=remove_folder)

    assert not target_folder.exists()


def test_stick_pulled_mid_write(tmp_path: Path) -> None:
    source = big_source(tmp_path, 2 * MEGABYTE)
    with usb_stick(tmp_path / "U盘") as stick:
        pulled = False

        def pull(done: int, _total: int) -> None:
            nonlocal pulled
            if done >= MEGABYTE and not pulled:
                pull_out(stick)
                pulled = True

        with pytest.raises(TargetGoneError) as raised:
            copy_file_atomically(source, stick / "上报包.mlpkg", progress=pull)

        assert pulled
        assert raised.value.details["folder"] == str(stick)
        assert not stick.exists()


def test_read_only_stick(tmp_path: Path) -> None:
    with small_disk(tmp_path / "stick", 1024) as stick:
        (stick / "old.xlsx").write_bytes(b"old")
        remount_read_only(stick)

        with pytest.raises(ReadOnlyTargetError):
            write_bytes_atomically(stick / "old.xlsx", b"new")

        assert (stick / "old.xlsx").read_bytes() == b"old"
        assert sorted(path.name for path in stick.iterdir()) == ["old.xlsx"]


def test_cancel_leaves_target(tmp_path: Path) -> None:
    source = big_source(tmp_path, 3 * MEGABYTE)
    target = tmp_path / "out.bin"
    target.write_bytes(b"kept")
    cancel = threading.Event()

    with pytest.raises(CancelledError):
        copy_file_atomically(source, target, cancel=cancel,
                             progress=lambda done, total: cancel.set())

    assert target.read_bytes() == b"kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.bin", source.name]


def test_error_inside_block_discards(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"

    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write(b"half a workbook")
            raise RuntimeError("a bug in the writer")

    assert list(tmp_path.iterdir()) == []


def test_source_missing(tmp_path: Path) -> None:
    with pytest.raises(SourceVanishedError):
        read_source_bytes(tmp_path / "已删除.xlsx")


def test_source_truncated_mid_copy(tmp_path: Path) -> None:
    source = big_source(tmp_path, 3 * MEGABYTE)

    def truncate(done: int, _total: int) -> None:
        if done == MEGABYTE:
            os.truncate(source, MEGABYTE + 10)

    with pytest.raises(SourceVanishedError):
        copy_file_atomically(source, tmp_path / "copy.bin", progress=truncate)

    assert not (tmp_path / "copy.bin").exists()
