"""Failing commands show only the translated message; the details go to the log file.

Each command runs as a real process, as a clerk starts it. Under pytest the root logger has
a handler, so an in-process run would hide the English lines that Python's logging prints
to stderr when a program installs no handler of its own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from meili_desktop.cli import backup as backup_cli
from meili_desktop.cli import main
from meili_desktop.cli.cli_logging import UnexpectedCommandError
from meili_desktop.logs import LOG_FILE_NAME

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def run_process(data_dir: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "meili_desktop", "--data-dir", str(data_dir),
                           *arguments], capture_output=True, text=True, env=environment,
                          cwd=ROOT, timeout=120, check=False)


def assert_only_chinese_messages(stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "the command printed no message"
    for line in lines:
        assert CJK.search(line), f"untranslated line on stderr: {line!r}"
        assert "Traceback" not in line
        assert not re.search(r"\b(INFO|WARNING|ERROR)\b", line), line


def test_failing_commands_print_only_messages(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    garbage = tmp_path / "收到的文件.mlrp"
    garbage.write_bytes(b"not a package at all")
    commands = [
        ("import", str(tmp_path / "missing.mldp")),
        ("verify", str(garbage)),
        ("backup", "restore", str(garbage), "--yes"),
        ("units", "import", str(garbage)),
    ]

    for command in commands:
        result = run_process(data_dir, *command)

        assert result.returncode not in (0, 1), (command, result.stderr)
        assert result.stdout == "", command
        assert_only_chinese_messages(result.stderr)

    log = (data_dir / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "io.source_not_found" in log
    assert "failed its check" in log


def test_unexpected_error_names_log_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_args: object, _context: object) -> int:
        raise ZeroDivisionError("a bug in a command")

    monkeypatch.setattr(backup_cli, "run_list", broken)
    data_dir = tmp_path / "data"

    status = main(["--data-dir", str(data_dir), "--lang", "zh_CN", "backup", "list"])

    captured = capsys.readouterr()
    log_file = data_dir / "logs" / LOG_FILE_NAME
    assert status == UnexpectedCommandError.exit_code
    assert str(log_file) in captured.err
    assert_only_chinese_messages(captured.err)
    log = log_file.read_text(encoding="utf-8")
    assert "Traceback" in log
    assert "a bug in a command" in log
