"""A data folder under a path with Chinese characters and spaces: database, evidence, logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop import APP_ID, logs
from meili_desktop.domain.entries import EntryKey
from meili_desktop.places import DATA_DIR_VARIABLE, default_data_dir
from meili_desktop.services.catalogue import ensure_default_catalogue
from meili_desktop.services.entries import (
    attach_evidence,
    evidence_path,
    load_entry,
    reported_tasks,
    set_entry_fields,
)
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.migrate import current_revision, head_revision


@pytest.fixture
def chinese_root(tmp_path: Path) -> Path:
    return tmp_path / "用户 张三" / "美丽城镇 数据"


@pytest.fixture
def store(chinese_root: Path) -> Iterator[Store]:
    opened = open_store(chinese_root)
    yield opened
    opened.dispose()


@pytest.fixture
def township(store: Store) -> EntryKey:
    ensure_default_catalogue(store)
    identity = setup_provisional_township(store, "330102", "清波街道")
    assert identity.unit_id is not None
    task = reported_tasks(ensure_default_catalogue(store))[0]
    return EntryKey(identity.unit_id, task.number, "2021Q1")


def test_migrated_to_head(store: Store, chinese_root: Path) -> None:
    assert current_revision(store.engine) == head_revision()
    assert store.folder.database_file.parent == chinese_root
    assert store.folder.database_file.is_file()


def test_folders_created(store: Store) -> None:
    for folder in (store.folder.attachments_dir, store.folder.backups_dir,
                   store.folder.logs_dir, store.folder.temp_dir):
        assert folder.is_dir()


def test_evidence_with_chinese_name(store: Store, township: EntryKey, tmp_path: Path) -> None:
    source = tmp_path / "现场 照片" / "清波街道 立面改造 2021.jpg"
    source.parent.mkdir()
    source.write_bytes(b"\xff\xd8\xff\xe0" + "佐证".encode() * 100)

    attach_evidence(store, township, source, max_mb=5)

    entry = load_entry(store, township)
    assert entry is not None
    names = [attachment.display_name for attachment in entry.attachments]
    assert names == ["清波街道 立面改造 2021.jpg"]
    stored = evidence_path(store, entry.attachments[0].sha256, names[0])
    assert stored.read_bytes() == source.read_bytes()


def test_reopen_keeps_data(chinese_root: Path, store: Store, township: EntryKey) -> None:
    catalogue = ensure_default_catalogue(store)
    set_entry_fields(store, catalogue, township, {"narrative": "已完成立面改造 3 处"})
    store.dispose()

    reopened = open_store(chinese_root)
    try:
        entry = load_entry(reopened, township)
        identity = load_identity(reopened)
    finally:
        reopened.dispose()

    assert entry is not None
    assert entry.narrative == "已完成立面改造 3 处"
    assert identity is not None
    assert identity.role is Role.TOWNSHIP


@pytest.fixture
def small_logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(logs, "LOG_MAX_BYTES", 2000)
    yield
    logs.configure_logging(None, to_stderr=False)
    logging.getLogger().setLevel(logging.WARNING)


def test_log_file_rotates(small_logs: None, chinese_root: Path) -> None:
    log_file = logs.configure_logging(chinese_root / "logs", to_stderr=False)
    assert log_file is not None
    logger = logging.getLogger("meili_desktop.test")

    for number in range(60):
        logger.info("导入上报包 清波街道 %d", number)

    assert log_file.is_file()
    assert (log_file.parent / f"{log_file.name}.1").is_file()
    assert "导入上报包 清波街道 59" in log_file.read_text(encoding="utf-8")
    assert log_file.stat().st_size <= 2000


def test_data_dir_variable_wins(monkeypatch: pytest.MonkeyPatch, chinese_root: Path) -> None:
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(chinese_root))

    assert default_data_dir() == chinese_root


def test_default_data_dir_per_program(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)

    assert default_data_dir().name == APP_ID
