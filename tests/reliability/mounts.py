"""Real small, read-only and removable file systems for fault tests, mounted by the test.

Mounting needs root or CAP_SYS_ADMIN. Without it the tests that need a mount are skipped with
the reason, so that a run as an ordinary user still checks everything else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _mount_or_skip(command: list[str], what: str) -> None:
    if os.name != "posix" or shutil.which("mount") is None:
        pytest.skip(f"{what} needs the mount command of a POSIX system")
    result = _run(command)
    if result.returncode != 0:
        pytest.skip(f"{what} could not be mounted (needs root or CAP_SYS_ADMIN): "
                    f"{result.stderr.strip()}")


def unmount(folder: Path) -> None:
    """Unmount ``folder``; fall back to a lazy unmount when files are still open."""
    if _run(["umount", str(folder)]).returncode != 0:
        _run(["umount", "-l", str(folder)])


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """Mount a tmpfs of ``size_kb`` kilobytes at ``folder``; yield the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount_or_skip(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0777", "tmpfs",
                    str(folder)], "a size-limited tmpfs")
    try:
        yield folder
    finally:
        unmount(folder)


def remount_read_only(folder: Path) -> None:
    """Switch the file system mounted at ``folder`` to read-only, as a write-protect tab does."""
    result = _run(["mount", "-o", "remount,ro", str(folder)])
    assert result.returncode == 0, result.stderr


@contextmanager
def usb_stick(folder: Path, size_mb: int = 8) -> Iterator[Path]:
    """Mount a loop-mounted ext4 image at ``folder``, like a USB stick; yield the folder.

    Pull the stick out with :func:`pull_out`, which detaches the mount while files on it are
    still open, as the kernel does when a device disappears.
    """
    if shutil.which("mkfs.ext4") is None:
        pytest.skip("a loop-mounted stick needs mkfs.ext4")
    image = folder.with_name(folder.name + ".img")
    with image.open("wb") as handle:
        handle.truncate(size_mb * 1024 * 1024)
    result = _run(["mkfs.ext4", "-q", "-F", str(image)])
    assert result.returncode == 0, result.stderr
    folder.mkdir(parents=True, exist_ok=True)
    _mount_or_skip(["mount", "-o", "loop", str(image), str(folder)], "a loop-mounted ext4 image")
    try:
        yield folder
    finally:
        if folder.exists() and os.path.ismount(folder):
            unmount(folder)
        image.unlink(missing_ok=True)


def pull_out(folder: Path) -> None:
    """Detach the stick mounted at ``folder`` at once and remove its mount point.

    Files open on the stick stay open but unreachable by path, and the folder is gone, as
    when the desktop removes ``/media/<user>/<label>`` after the device disappears.
    """
    result = _run(["umount", "-l", str(folder)])
    assert result.returncode == 0, result.stderr
    folder.rmdir()
