"""Adversarial cases on the package chain, kept as regression tests for bugs that were fixed.

Every case drives the command line as a clerk would, on real data folders, real packages and
real keys: the city is set up with cheap passphrase hashing, the township laptops from the
city's distribution package.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.services.distribution import build_distribution_package
from tests.services.package_chain import PASSPHRASE, City, make_city, township_id

FINGERPRINT = re.compile(r"\d{5}(?: \d{5}){7}")


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def distribution_package(city: City, tmp_path: Path) -> Path:
    unit_id = township_id(city, "临平区", "塘栖镇")
    path = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked, unit_id, path)
    return path


def laptop(capsys: pytest.CaptureFixture[str], package: Path, folder: Path) -> Path:
    status, output = run(capsys, folder, "init", "township", "--package", str(package))
    assert status == 0, output
    return folder


def export(capsys: pytest.CaptureFixture[str], folder: Path, task: str, value: str,
           out: Path) -> Path:
    status, output = run(capsys, folder, "entry", "set", "--task", task, "--period", "2021Q2",
                         "--value", value)
    assert status == 0, output
    status, output = run(capsys, folder, "export", "-o", str(out))
    assert status == 0, output
    return out


def merge_approving_keys(capsys: pytest.CaptureFixture[str], city: City, package: Path,
                         passphrase_file: Path) -> tuple[int, str]:
    """Merge a package, and when its key waits for approval, approve the key and merge again."""
    city_dir = city.store.folder.root
    merge = ("merge", str(package), "--passphrase-file", str(passphrase_file), "--json")
    status, output = run(capsys, city_dir, *merge)
    if status in (24, 25):
        fingerprint = FINGERPRINT.search(output)
        assert fingerprint is not None, output
        approved, text = run(capsys, city_dir, "keys", "approve", "330110102",
                             fingerprint.group(0))
        assert approved == 0, text
        status, output = run(capsys, city_dir, *merge)
    return status, output


def test_second_laptop_not_replay(
        capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path,
        passphrase_file: Path) -> None:
    package = distribution_package(city, tmp_path)
    first = laptop(capsys, package, tmp_path / "laptop-1")
    second = laptop(capsys, package, tmp_path / "laptop-2")
    from_first = export(capsys, first, "13", "85", tmp_path / "first.mlrp")
    from_second = export(capsys, second, "15", "60", tmp_path / "second.mlrp")

    status, output = merge_approving_keys(capsys, city, from_first, passphrase_file)
    assert status == 0, output
    status, output = merge_approving_keys(capsys, city, from_second, passphrase_file)

    assert status == 0, output
    assert json.loads(output.splitlines()[-1])["new"] == 1


def test_pending_key_message_names_file(
        capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path,
        passphrase_file: Path) -> None:
    package = distribution_package(city, tmp_path)
    township = laptop(capsys, package, tmp_path / "laptop")
    report = export(capsys, township, "13", "85", tmp_path / "report.mlrp")

    status, output = run(capsys, city.store.folder.root, "merge", str(report),
                         "--passphrase-file", str(passphrase_file))

    assert status == 25
    assert "{file}" not in output
    assert "{unit_id}" not in output
    assert "report.mlrp" in output


def test_damaged_duplicate_distribution_rejected(
        capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path) -> None:
    package = distribution_package(city, tmp_path)
    township = laptop(capsys, package, tmp_path / "laptop")
    damaged = tmp_path / "damaged.mldp"
    data = bytearray(package.read_bytes())
    data[-10] ^= 0x01
    damaged.write_bytes(bytes(data))

    status, output = run(capsys, township, "import", str(damaged))

    assert status != 0, output


def test_undamaged_duplicate_distribution_accepted(
        capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path) -> None:
    """Control case: the same undamaged package imported again is a harmless no-op."""
    package = distribution_package(city, tmp_path)
    township = laptop(capsys, package, tmp_path / "laptop")
    copy = tmp_path / "copy.mldp"
    shutil.copy(package, copy)

    status, _output = run(capsys, township, "import", str(copy))

    assert status == 0


def test_failed_distribution_import_leaves_laptop_unset(
        city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from meili_desktop.services.distribution import import_distribution_package
    from meili_desktop.services.identity import load_identity
    from meili_desktop.store import package_repo
    from meili_desktop.store.datafolder import open_store

    package = distribution_package(city, tmp_path)
    store = open_store(tmp_path / "laptop")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package_repo, "store_periods", disk_full)
    with pytest.raises(OSError):
        import_distribution_package(store, package)

    assert load_identity(store) is None


def test_township_sees_own_fingerprint(
        capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path) -> None:
    package = distribution_package(city, tmp_path)
    folder = tmp_path / "laptop"
    status, setup_output = run(capsys, folder, "init", "township", "--package", str(package))
    assert status == 0, setup_output
    report = export(capsys, folder, "13", "85", tmp_path / "report.mlrp")
    status, verified = run(capsys, folder, "verify", str(report))
    own = FINGERPRINT.findall(verified)
    assert own, verified

    status, listed = run(capsys, folder, "keys", "list")

    assert own[0] in setup_output + listed
