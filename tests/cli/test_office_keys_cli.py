"""``office-keys``: backup, restore, escrow and rotation from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.services.distribution import init_city
from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import FAST_KDF, PASSPHRASE


@pytest.fixture
def city_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "市办 数据"
    store = open_store(folder)
    init_city(store, "杭州市美丽城镇办", PASSPHRASE, folder / "escrow-key.mlkey", kdf=FAST_KDF)
    store.dispose()
    return folder


def passphrase_file(tmp_path: Path, text: str = PASSPHRASE) -> str:
    path = tmp_path / "口令.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def test_backup_restores_into_new_folder(city_dir: Path, tmp_path: Path) -> None:
    secret = passphrase_file(tmp_path)
    backup = tmp_path / "keys.bak"
    assert main(["--data-dir", str(city_dir), "office-keys", "backup", "-o", str(backup),
                 "--passphrase-file", secret]) == 0
    other = tmp_path / "other"

    assert main(["--data-dir", str(other), "office-keys", "restore", str(backup),
                 "--passphrase-file", secret]) == 0

    store = open_store(other)
    with store.session_factory() as session:
        purposes = sorted(record.purpose for record in keys_repo.list_keys(session))
    store.dispose()
    assert purposes == ["encryption", "escrow", "signing"]


def test_wrong_passphrase_rejected(city_dir: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--data-dir", str(city_dir), "office-keys", "rotate",
                   "--passphrase-file", passphrase_file(tmp_path, "错误的口令")])

    assert status != 0
    assert "口令" in capsys.readouterr().err


def test_rotate_then_finish(city_dir: Path, tmp_path: Path) -> None:
    secret = passphrase_file(tmp_path)
    assert main(["--data-dir", str(city_dir), "office-keys", "rotate",
                 "--passphrase-file", secret]) == 0
    assert main(["--data-dir", str(city_dir), "office-keys", "finish-rotation",
                 "--passphrase-file", secret]) == 0

    store = open_store(city_dir)
    with store.session_factory() as session:
        signing = keys_repo.list_keys(session, purpose="signing")
    store.dispose()
    assert sorted(record.status for record in signing) == ["approved", "retired"]
