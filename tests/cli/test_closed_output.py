"""A command whose output reader goes away early, as in ``meili-desktop catalog | head -1``.

The command runs as a separate process writing into a pipe of one page (4 KiB), far less
than the catalogue's 16 KB, and the test closes the reading end after the first bytes. The
command must stop quietly: no "unexpected error" message, no traceback, status 1.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIPE_BYTES = 4096


@pytest.mark.parametrize("arguments", [("catalog",), ("catalog", "--json")])
def test_closed_pipe_stops_quietly(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    with subprocess.Popen(
            [sys.executable, "-m", "meili_desktop", "--data-dir", str(tmp_path / "数据"),
             "--lang", "zh_CN", *arguments],
            cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as process:
        os.close(write_end)
        first = os.read(read_end, 100)
        os.close(read_end)
        _out, err = process.communicate(timeout=120)

    assert first
    assert err.decode("utf-8") == ""
    assert process.returncode == 1
