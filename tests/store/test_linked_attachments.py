"""Storing verified package attachments by hard link, with a copy where links fail."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from meili_desktop.store.attachments import (
    BlockedFileTypeError,
    store_linked_file,
    stored_path,
)
from meili_desktop.store.datafolder import DataFolder

PHOTO = b"\xff\xd8\xff\xe0 site photo " * 1000


@pytest.fixture
def folder(data_dir: Path) -> DataFolder:
    folder = DataFolder(data_dir)
    folder.ensure()
    return folder


def decrypted_file(folder: DataFolder, content: bytes, name: str = "现场照片.jpg") -> Path:
    work = folder.process_temp_dir() / "package-1"
    work.mkdir(exist_ok=True)
    path = work / name
    path.write_bytes(content)
    return path


def test_link_stores_same_inode(folder: DataFolder) -> None:
    source = decrypted_file(folder, PHOTO)

    stored = store_linked_file(folder, source, 10**9)

    digest = hashlib.sha256(PHOTO).hexdigest()
    assert stored.sha256 == digest
    assert stored.size == len(PHOTO)
    assert stored.path == stored_path(folder.attachments_dir, digest)
    assert os.stat(stored.path).st_ino == os.stat(source).st_ino
    assert source.read_bytes() == PHOTO


def test_link_leaves_no_temp_file(folder: DataFolder) -> None:
    source = decrypted_file(folder, PHOTO)

    store_linked_file(folder, source, 10**9)

    assert [path.name for path in folder.process_temp_dir().iterdir()] == ["package-1"]


def test_copy_when_link_fails(folder: DataFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    source = decrypted_file(folder, PHOTO)

    def no_links(*_arguments: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    stored = store_linked_file(folder, source, 10**9)

    assert stored.path.read_bytes() == PHOTO
    assert os.stat(stored.path).st_ino != os.stat(source).st_ino


def test_second_store_keeps_first(folder: DataFolder) -> None:
    first = store_linked_file(folder, decrypted_file(folder, PHOTO, "a.jpg"), 10**9)

    second = store_linked_file(folder, decrypted_file(folder, PHOTO, "b.jpg"), 10**9)

    assert second.path == first.path
    assert os.stat(first.path).st_nlink == 2


def test_program_rejected_before_link(folder: DataFolder) -> None:
    source = decrypted_file(folder, b"MZ\x90\x00 program", "报告.pdf")

    with pytest.raises(BlockedFileTypeError):
        store_linked_file(folder, source, 10**9)

    assert not folder.attachments_dir.exists() or not any(folder.attachments_dir.iterdir())
