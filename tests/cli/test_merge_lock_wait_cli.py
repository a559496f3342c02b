"""``merge`` prints a notice that it waits when another process holds the database's write lock.

A second process holds ``BEGIN EXCLUSIVE`` on the city's SQLite file for a few seconds, as
another clerk's long merge would. The command must print the waiting notice within about
two seconds, then merge once the lock is free.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tests.adversarial.test_malformed_entries import Office
from tests.reliability.helpers import database_held_exclusively

HOLD_S = 4.0


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Office:
    return Office(tmp_path, capsys)


def test_merge_says_it_waits(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    package = office.package("waiting.mlrp", {})
    with database_held_exclusively(office.database) as holder:
        assert holder.stdin is not None
        release = threading.Timer(HOLD_S, holder.stdin.close)
        release.start()
        started = time.monotonic()
        try:
            status, output = office.merge(package)
        finally:
            release.cancel()
    elapsed = time.monotonic() - started

    assert status == 0, output
    assert "另一项合并正在写入数据库，正在等待它完成" in output
    assert "已合并" in output
    assert elapsed >= HOLD_S - 0.5


def test_free_lock_prints_no_notice(office: Office) -> None:
    package = office.package("free.mlrp", {})

    status, output = office.merge(package)

    assert status == 0, output
    assert "正在等待" not in output
