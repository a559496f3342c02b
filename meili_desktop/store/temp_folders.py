"""Per-process temporary folders in a data folder, and removal of those left by dead processes.

Decrypting a package or copying evidence writes partial files into the data folder's
``tmp`` folder, on the same disk as the store so that finished files can be renamed into
place. A process killed half way (SIGKILL, a power cut, the task manager) leaves them behind:
decrypted evidence, a 200 MB partial copy. So each process writes only into its own
subfolder, named after the computer, the process id and the process's start time, and
opening a data folder removes the subfolders of processes that no longer run. Another
process that works on the same folder (a second window that hands its files over, a command
line merge) keeps its files, because it still runs.

The start time distinguishes a process from a later one that the system gave the same id. A
data folder on a network share may be used from several computers, whose processes cannot
be checked from here, so another computer's subfolder is removed only when nothing in it has
changed for :data:`OTHER_COMPUTER_MAX_AGE_S`.

Files directly in ``tmp`` come from releases that did not use subfolders, or from evidence
copied out for viewing. Nobody owns them, so they are removed once they are older than
:data:`LOOSE_MAX_AGE_S`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

# Loose files untouched this long belong to no running program.
LOOSE_MAX_AGE_S = 3600.0
# Another computer's subfolder untouched this long belongs to no running program there.
OTHER_COMPUTER_MAX_AGE_S = 7 * 24 * 3600.0

_TAG = re.compile(r"^(?P<host>[A-Za-z0-9_-]{1,40})\.(?P<pid>\d+)\.(?P<start>\d+)$")
_own_tags: dict[int, str] = {}


@dataclass(frozen=True)
class CleanupResult:
    """Counts of what one cleanup removed: subfolders of dead processes, loose entries."""

    folders: int = 0
    loose: int = 0


def _host_name() -> str:
    name = re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:40]
    return name or "host"


def process_start_token(pid: int) -> int | None:
    """Return a number that stays the same for the life of process ``pid``, or None if gone.

    On Linux it is the start time in clock ticks since boot, and on Windows the creation
    time. Elsewhere it is 0 for any running process, so there a process id reused by the
    system keeps a dead process's folder until that process ends too.
    """
    if sys.platform == "win32":
        return _windows_start_token(pid)
    if Path("/proc/self/stat").exists():
        return _linux_start_token(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        return 0
    return 0


def _linux_start_token(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name in brackets may contain spaces, so fields are counted after it. The
    # start time is field 22 of proc(5), which is the 20th after the bracket.
    try:
        return int(fields.rpartition(")")[2].split()[19])
    except (IndexError, ValueError):
        return 0


def _windows_start_token(pid: int) -> int | None:
    """Return the creation time of process ``pid`` from the Win32 API, or None if it ended.

    NOTE: The project's tests run on Linux, so this branch has only been checked against
    the Win32 documentation of OpenProcess, GetProcessTimes and GetExitCodeProcess.
    """
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = ctypes.c_void_p
    kernel32.GetProcessTimes.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p] * 4
    kernel32.GetExitCodeProcess.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    kernel32.CloseHandle.argtypes = [ctypes.c_void_p]
    query_limited_information = 0x1000
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        # Access is denied for another user's process, which therefore still runs.
        access_denied = 5
        is_denied = ctypes.get_last_error() == access_denied  # type: ignore[attr-defined]
        return 0 if is_denied else None
    try:
        exit_code = ctypes.c_ulong()
        still_active = 259
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(exit_code)) and \
                exit_code.value != still_active:
            return None
        times = [ctypes.c_ulonglong() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(value) for value in times)):
            return 0
        return int(times[0].value)
    finally:
        kernel32.CloseHandle(handle)


def process_tag() -> str:
    """Return this process's subfolder name: computer, process id and start time."""
    pid = os.getpid()
    tag = _own_tags.get(pid)
    if tag is None:
        tag = f"{_host_name()}.{pid}.{process_start_token(pid) or 0}"
        _own_tags[pid] = tag
    return tag


def own_temp_dir(temp_root: Path) -> Path:
    """Return this process's subfolder of ``temp_root``, creating it when needed."""
    folder = temp_root / process_tag()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _newest_change(path: Path) -> float:
    """Return the latest modification time of ``path`` and, for a folder, of anything in it."""
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for child in path.rglob("*"):
            try:
                newest = max(newest, child.lstat().st_mtime)
            except OSError:
                continue
    return newest


def _is_owner_alive(match: re.Match[str], host: str, entry: Path, now: float) -> bool:
    if match["host"] != host:
        return now - _newest_change(entry) < OTHER_COMPUTER_MAX_AGE_S
    pid = int(match["pid"])
    if pid == os.getpid():
        return True
    token = process_start_token(pid)
    if token is None:
        return False
    recorded = int(match["start"])
    # 0 means the start time was unknown when the folder was named, or is unknown now.
    return token == recorded or 0 in (token, recorded)


def _remove(entry: Path) -> bool:
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    except FileNotFoundError:
        return True
    except OSError as error:
        # Windows keeps a file that another program has open; the next start tries again.
        logger.warning("cannot remove stale temporary %s: %s", entry, error)
        return False
    return True


def remove_stale_temp(temp_root: Path, now: float | None = None) -> CleanupResult:
    """Remove what dead processes left in ``temp_root``; keep everything a live one owns.

    Args:
        temp_root: the data folder's ``tmp`` folder.
        now: the current time in seconds since the epoch, for tests.

    Returns:
        How many subfolders and loose entries were removed. A file that cannot be removed
        is logged and left for the next cleanup.
    """
    if not temp_root.is_dir():
        return CleanupResult()
    now = time.time() if now is None else now
    host = _host_name()
    folders = loose = 0
    for entry in sorted(temp_root.iterdir()):
        try:
            match = _TAG.match(entry.name)
            if match is not None and entry.is_dir():
                if not _is_owner_alive(match, host, entry, now) and _remove(entry):
                    folders += 1
                continue
            if now - _newest_change(entry) >= LOOSE_MAX_AGE_S and _remove(entry):
                loose += 1
        except OSError as error:
            logger.warning("cannot check temporary %s: %s", entry, error)
    if folders or loose:
        logger.info("removed %d temporary folders of ended processes and %d stale files "
                    "from %s", folders, loose, temp_root)
    return CleanupResult(folders, loose)
