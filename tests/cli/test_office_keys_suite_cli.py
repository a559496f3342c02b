"""``office-keys rotate --suite``: a change of cipher suite from the command line."""

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


@pytest.fixture
def secret(tmp_path: Path) -> str:
    path = tmp_path / "口令.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


def approved_suites(folder: Path) -> list[tuple[str, str]]:
    store = open_store(folder)
    with store.session_factory() as session:
        keys = keys_repo.list_keys(session, statuses=(keys_repo.APPROVED,))
    store.dispose()
    return sorted((record.purpose, record.suite) for record in keys)


def test_suite_change_without_escrow_file(city_dir: Path, secret: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["--data-dir", str(city_dir), "office-keys", "rotate", "--suite", "G1",
                   "--passphrase-file", secret])

    error = capsys.readouterr().err
    assert status == 2
    assert "--escrow-file" in error
    assert "托管密钥" in error
    assert approved_suites(city_dir) == [("encryption", "C1"), ("escrow", "C1"),
                                         ("signing", "C1")]


def test_suite_change_writes_escrow_file(city_dir: Path, secret: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    escrow = tmp_path / "保险柜" / "escrow-G1.mlkey"

    status = main(["--data-dir", str(city_dir), "office-keys", "rotate", "--suite", "G1",
                   "--escrow-file", str(escrow), "--passphrase-file", secret])

    output = capsys.readouterr().out
    assert status == 0
    assert escrow.is_file()
    assert str(escrow) in output
    assert "旧的托管密钥文件" in output
    assert approved_suites(city_dir) == [("encryption", "G1"), ("escrow", "G1"),
                                         ("signing", "G1")]


def test_existing_escrow_file_rejected(city_dir: Path, secret: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    old_escrow = city_dir / "escrow-key.mlkey"
    content = old_escrow.read_bytes()

    status = main(["--data-dir", str(city_dir), "office-keys", "rotate", "--suite", "G1",
                   "--escrow-file", str(old_escrow), "--passphrase-file", secret])

    assert status == 2
    assert "已经存在" in capsys.readouterr().err
    assert old_escrow.read_bytes() == content
