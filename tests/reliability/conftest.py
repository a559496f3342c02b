"""Fixtures for the reliability tests: an open data folder with a few rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.store import engine as engine_module
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability.helpers import add_sample_rows


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """An open data folder holding one reporting unit and one entry."""
    opened = open_store(data_dir)
    add_sample_rows(opened, "first")
    try:
        yield opened
    finally:
        opened.dispose()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make SQLite give up on a locked database after 0.3 s instead of 5 s."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 300)
