"""The window's start writes the log with a plain handler until the rotating one takes over."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop import logs


@pytest.fixture
def small_logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 2000)
    yield
    logs.configure_logging(None, to_stderr=False)
    logging.getLogger().setLevel(logging.WARNING)


def installed_handlers() -> list[logging.Handler]:
    return [handler for handler in logging.getLogger().handlers
            if getattr(handler, "_meili", False)]


def test_plain_handler_until_rotation(small_logs: None, tmp_path: Path) -> None:
    log_file = logs.configure_logging(tmp_path / "日志", to_stderr=False, defer_rotation=True)
    assert log_file is not None
    logger = logging.getLogger("meili_desktop.test")

    logger.info("启动 第一条")
    before = installed_handlers()
    logs.start_log_rotation()
    after = installed_handlers()
    logger.info("打开数据 第二条")
    for handler in after:
        handler.flush()

    assert len(before) == 1
    assert type(before[0]) is logging.FileHandler
    assert len(after) == 1
    assert isinstance(after[0], logging.handlers.RotatingFileHandler)
    text = log_file.read_text(encoding="utf-8")
    assert "启动 第一条" in text
    assert "打开数据 第二条" in text


def test_rotation_after_swap(small_logs: None, tmp_path: Path) -> None:
    log_file = logs.configure_logging(tmp_path / "logs", to_stderr=False, defer_rotation=True)
    assert log_file is not None
    logs.start_log_rotation()
    logger = logging.getLogger("meili_desktop.test")

    for number in range(60):
        logger.info("导入上报包 清波街道 %d", number)

    assert log_file.is_file()
    assert log_file.with_name(log_file.name + ".1").is_file()
    assert log_file.stat().st_size <= 2000


def test_rotation_without_plain_handler(small_logs: None, tmp_path: Path) -> None:
    logs.configure_logging(tmp_path / "logs", to_stderr=False)
    before = installed_handlers()

    logs.start_log_rotation()

    assert installed_handlers() == before
