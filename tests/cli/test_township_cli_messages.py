"""What a township clerk reads on the command line: the city's comments and key advice.

The laptop is set up from a real distribution package of a city office with cheap passphrase
hashing; packages, receipts and keys are real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange.container import Sender, write_package
from meili_desktop.exchange.model import KIND_RECEIPT
from meili_desktop.services.distribution import UnpinnedCityKeyError, build_distribution_package
from meili_desktop.services.receipt_packages import import_receipt_package
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import City, make_city, township_id


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def township(capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path) -> Path:
    """A laptop set up as 塘栖镇 from the city's distribution package."""
    package = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked, township_id(city, "临平区", "塘栖镇"),
                               package)
    folder = tmp_path / "laptop"
    status, output = run(capsys, folder, "init", "township", "--package", str(package))
    assert status == 0, output
    return folder


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_unpinned_key_names_office(capsys: pytest.CaptureFixture[str], township: Path,
                                   tmp_path: Path) -> None:
    other = make_city(tmp_path / "other")
    package = tmp_path / "other.mldp"
    header = build_distribution_package(other.store, other.unlocked,
                                        township_id(other, "临平区", "塘栖镇"), package)

    status, output = run(capsys, township, "import", str(package))

    assert status == UnpinnedCityKeyError.exit_code
    assert header.sender_fingerprint in output
    assert "市办" in output
    assert "旧密钥" in output


def test_unpinned_receipt_rejected(township: Path, tmp_path: Path) -> None:
    other = make_city(tmp_path / "other")
    receipt = tmp_path / "other.mlrc"
    write_package(receipt, KIND_RECEIPT, Sender(other.unlocked.unit_id, "别处市办"),
                  other.unlocked.signing, [], [{"type": "receipt"}], [], sequence=1,
                  addressee=township_id(other, "临平区", "塘栖镇"),
                  suite=other.unlocked.signing.suite)
    store = open_store(township)

    with pytest.raises(UnpinnedCityKeyError) as raised:
        import_receipt_package(store, receipt)

    store.dispose()
    assert raised.value.details["file"] == "other.mlrc"

