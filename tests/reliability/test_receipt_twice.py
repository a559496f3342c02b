"""Importing the same receipt twice says so and changes nothing; a damaged copy is rejected."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.errors import MeiliError
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.receipt_packages import build_receipt_package, import_receipt_package
from meili_desktop.services.receipts import ReceiptAlreadyImportedError
from meili_desktop.store import keys_repo
from meili_desktop.store.datafolder import Store
from tests.reliability.helpers import table_rows
from tests.services.package_chain import City, fill_entries, make_city, make_township


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def receipt(city: City, tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """A township laptop and the office's receipt for its merged report package."""
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    report = export_report_package(township, tmp_path).path
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, report, city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, unit_id, raised.value.details["fingerprint"],
                             keys_repo.APPROVED)
    with read_incoming(city.store, report, city.unlocked) as opened:
        merge(city.store, opened.incoming)
        package_id = opened.incoming.package_id
    path = tmp_path / "回执.mlrc"
    build_receipt_package(city.store, city.unlocked, package_id, path)
    yield township, path
    township.dispose()


def test_second_import_says_already_imported(receipt: tuple[Store, Path]) -> None:
    township, path = receipt
    assert import_receipt_package(township, path) == 3
    rows = table_rows(township.folder.database_file)

    with pytest.raises(ReceiptAlreadyImportedError) as raised:
        import_receipt_package(township, path)

    assert raised.value.details["file"] == path.name
    assert table_rows(township.folder.database_file) == rows


def test_second_import_cli_message(receipt: tuple[Store, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    township, path = receipt
    root = township.folder.root
    copy = tmp_path / "转发的回执.mlrc"
    shutil.copy(path, copy)
    township.dispose()
    assert main(["--data-dir", str(root), "import", str(path)]) == 0
    rows = table_rows(root / "meili.sqlite3")
    capsys.readouterr()

    status = main(["--data-dir", str(root), "--lang", "zh_CN", "import", str(copy)])

    captured = capsys.readouterr()
    assert status == 0
    assert "之前已导入过" in captured.err
    assert "转发的回执.mlrc" in captured.err
    assert table_rows(root / "meili.sqlite3") == rows


def test_damaged_copy_of_imported_receipt_rejected(receipt: tuple[Store, Path],
                                                   tmp_path: Path) -> None:
    township, path = receipt
    import_receipt_package(township, path)
    damaged = tmp_path / "damaged.mlrc"
    data = bytearray(path.read_bytes())
    data[-10] ^= 0x01
    damaged.write_bytes(bytes(data))

    with pytest.raises(MeiliError) as raised:
        import_receipt_package(township, damaged)

    assert not isinstance(raised.value, ReceiptAlreadyImportedError)
