"""Restoring another installation's backup: rejected unless forced, and files named as files.

Two data folders set up as the same township are two installations: restoring one's backup
into the other would bring its keys along, so the restore is rejected with the current data
untouched, unless ``--force-other-installation`` is given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.services.backups import (
    BackupForeignInstallationError,
    BackupIsCurrentDatabaseError,
    BackupOtherInstallationError,
    list_backups,
    make_event_backup,
    restore_backup,
)
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.backup import read_meta
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.meta_repo import INSTALLATION_KEY
from tests.reliability.helpers import add_sample_rows, file_digest, narratives


def installation_id(database: Path) -> str:
    return read_meta(database, (INSTALLATION_KEY,))[INSTALLATION_KEY]


def township_folder(root: Path, marker: str) -> Store:
    store = open_store(root)
    setup_provisional_township(store, "临平区", "塘栖镇")
    add_sample_rows(store, marker)
    return store


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two data folders of the same township: the one in use and another laptop's."""
    current = township_folder(tmp_path / "current", "current laptop")
    other = township_folder(tmp_path / "other", "other laptop")
    yield current, other
    current.dispose()
    other.dispose()


def test_installation_id_stable(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    first = installation_id(store.folder.database_file)
    store.dispose()
    reopened = open_store(tmp_path / "data")
    backup = make_event_backup(reopened, "manual")
    reopened.dispose()

    assert len(first) == 32
    assert installation_id(reopened.folder.database_file) == first
    assert backup is not None
    assert installation_id(backup.path) == first


def test_other_laptop_backup_rejected(laptops: tuple[Store, Store]) -> None:
    current, other = laptops
    backup = make_event_backup(other, "manual")
    assert backup is not None
    current.dispose()
    digest = file_digest(current.folder.database_file)

    with pytest.raises(BackupForeignInstallationError) as raised:
        restore_backup(current.folder.root, backup.path)

    assert file_digest(current.folder.database_file) == digest
    assert raised.value.details["current_installation"] == \
        installation_id(current.folder.database_file)[:8]


def test_forced_restore_keeps_folder_id(laptops: tuple[Store, Store],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    current, other = laptops
    backup = make_event_backup(other, "manual")
    assert backup is not None
    current.dispose()
    own_id = installation_id(current.folder.database_file)
    capsys.readouterr()

    status = main(["--data-dir", str(current.folder.root), "backup", "restore",
                   str(backup.path), "--yes", "--force-other-installation"])
    output = capsys.readouterr()

    assert status == 0, output.err
    assert "--force-other-installation" in output.err
    assert "other laptop" in narratives(current.folder.database_file)
    assert "current laptop" not in narratives(current.folder.database_file)
    assert installation_id(current.folder.database_file) == own_id
    assert installation_id(backup.path) != own_id


def test_cli_rejection_names_option(laptops: tuple[Store, Store],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    current, other = laptops
    backup = make_event_backup(other, "manual")
    assert backup is not None
    current.dispose()
    capsys.readouterr()

    status = main(["--data-dir", str(current.folder.root), "backup", "restore",
                   str(backup.path), "--yes"])
    output = capsys.readouterr()

    assert status != 0
    assert "--force-other-installation" in output.err
    assert "current laptop" in narratives(current.folder.database_file)


def test_fresh_folder_takes_backup(laptops: tuple[Store, Store], tmp_path: Path) -> None:
    _current, other = laptops
    backup = make_event_backup(other, "manual")
    assert backup is not None
    fresh = open_store(tmp_path / "fresh")
    fresh.dispose()

    restore_backup(fresh.folder.root, backup.path)

    assert narratives(fresh.folder.database_file) == ["other laptop"]


def test_backup_without_id_accepted(laptops: tuple[Store, Store]) -> None:
    """A backup made before installation ids existed cannot be told apart and is accepted."""
    current, _other = laptops
    backup = make_event_backup(current, "manual")
    assert backup is not None
    with closing(sqlite3.connect(backup.path)) as connection, connection:
        connection.execute("DELETE FROM meta WHERE key = ?", (INSTALLATION_KEY,))
    current.dispose()

    restore_backup(current.folder.root, backup.path)

    assert narratives(current.folder.database_file) == ["current laptop"]


def test_live_database_named_as_file(laptops: tuple[Store, Store],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    current, _other = laptops
    fresh_root = current.folder.root.parent / "fresh"
    open_store(fresh_root).dispose()
    capsys.readouterr()

    status = main(["--lang", "zh_CN", "--data-dir", str(fresh_root), "backup", "restore",
                   str(current.folder.database_file), "--yes"])
    output = capsys.readouterr()

    assert status == 0, output.err
    assert "手动创建" not in output.out
    assert "不是本数据文件夹的备份" in output.out


def test_own_database_rejected(laptops: tuple[Store, Store]) -> None:
    current, _other = laptops
    current.dispose()

    with pytest.raises(BackupIsCurrentDatabaseError):
        restore_backup(current.folder.root, current.folder.database_file)


@pytest.fixture
def reset_laptop(tmp_path: Path) -> Iterator[Store]:
    """A township laptop whose database was set back to its backup from before setup."""
    store = open_store(tmp_path / "reset")
    before_setup = make_event_backup(store, "manual")
    assert before_setup is not None
    setup_provisional_township(store, "临平区", "塘栖镇")
    add_sample_rows(store, "reset laptop")
    store.dispose()
    restore_backup(store.folder.root, before_setup.path)
    assert "role" not in read_meta(store.folder.database_file, ("role",))
    yield store
    store.dispose()


def test_reset_folder_rejects_other_town(reset_laptop: Store, tmp_path: Path) -> None:
    other = open_store(tmp_path / "other town")
    setup_provisional_township(other, "余杭区", "瓶窑镇")
    backup = make_event_backup(other, "manual")
    other.dispose()
    assert backup is not None
    digest = file_digest(reset_laptop.folder.database_file)

    with pytest.raises(BackupOtherInstallationError):
        restore_backup(reset_laptop.folder.root, backup.path)

    assert file_digest(reset_laptop.folder.database_file) == digest


def test_reset_folder_rejects_other_laptop(reset_laptop: Store, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    other = township_folder(tmp_path / "other laptop", "other laptop")
    backup = make_event_backup(other, "manual")
    other.dispose()
    assert backup is not None
    capsys.readouterr()

    status = main(["--data-dir", str(reset_laptop.folder.root), "backup", "restore",
                   str(backup.path), "--yes"])

    assert status == BackupForeignInstallationError.exit_code
    assert "--force-other-installation" in capsys.readouterr().err
    assert "other laptop" not in narratives(reset_laptop.folder.database_file)


def test_reset_folder_takes_own_backup(reset_laptop: Store) -> None:
    safety = [backup for backup in list_backups(reset_laptop.folder.root)
              if backup.reason == "pre-restore"]

    restore_backup(reset_laptop.folder.root, safety[0].path)

    assert narratives(reset_laptop.folder.database_file) == ["reset laptop"]

