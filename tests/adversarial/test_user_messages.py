"""Command-line flows that show a Chinese user English words or advice they cannot follow.

Each case drives the command line as a clerk would, on real data folders, real packages and
real keys. The city uses cheap passphrase hashing, and the township laptop is set up from the
city's distribution package.
"""

from __future__ import annotations

import json
import re
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


@pytest.fixture
def township(capsys: pytest.CaptureFixture[str], city: City, tmp_path: Path) -> Path:
    """A laptop set up as 塘栖镇 from the city's distribution package, with one entry."""
    package = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked, township_id(city, "临平区", "塘栖镇"),
                               package)
    folder = tmp_path / "laptop"
    status, output = run(capsys, folder, "init", "township", "--package", str(package))
    assert status == 0, output
    status, output = run(capsys, folder, "entry", "set", "--task", "13", "--period", "2021Q2",
                         "--value", "85")
    assert status == 0, output
    return folder


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    """Run one command on ``data_dir`` and return its exit status and its whole output."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def export(capsys: pytest.CaptureFixture[str], township: Path, path: Path) -> Path:
    status, output = run(capsys, township, "export", "-o", str(path))
    assert status == 0, output
    return path


def merge_approving_key(capsys: pytest.CaptureFixture[str], city: City, package: Path,
                        passphrase_file: Path) -> dict:
    """Merge a township package at the city, approving the township's key on first sight."""
    city_dir = city.store.folder.root
    merge = ("merge", str(package), "--passphrase-file", str(passphrase_file), "--json")
    status, output = run(capsys, city_dir, *merge)
    if status != 0:
        fingerprint = FINGERPRINT.search(output)
        assert fingerprint is not None, output
        approved, text = run(capsys, city_dir, "keys", "approve", "330110102",
                             fingerprint.group(0))
        assert approved == 0, text
        status, output = run(capsys, city_dir, *merge)
    assert status == 0, output
    return json.loads(output.splitlines()[-1])


def test_wrong_kind_message_chinese(capsys: pytest.CaptureFixture[str], township: Path,
                                    tmp_path: Path) -> None:
    report = export(capsys, township, tmp_path / "report.mlrp")

    status, output = run(capsys, township, "import", str(report))

    assert status != 0
    assert "report" not in output.replace("report.mlrp", "")
    assert "distribution" not in output


def test_verify_counts_chinese(capsys: pytest.CaptureFixture[str], township: Path,
                               tmp_path: Path) -> None:
    report = export(capsys, township, tmp_path / "report.mlrp")

    status, output = run(capsys, township, "verify", str(report))

    assert status == 0, output
    assert "entries" not in output
    assert "attachments" not in output


def test_receipt_counts_chinese(capsys: pytest.CaptureFixture[str], city: City, township: Path,
                                tmp_path: Path, passphrase_file: Path) -> None:
    report = export(capsys, township, tmp_path / "report.mlrp")
    merged = merge_approving_key(capsys, city, report, passphrase_file)
    city_dir = city.store.folder.root
    status, output = run(capsys, city_dir, "review", "return", "--unit", "塘栖镇", "--task", "13",
                         "--period", "2021Q2", "--comment", "请补充验收文件")
    assert status == 0, output

    status, output = run(capsys, city_dir, "receipt", merged["package_id"], "-o",
                         str(tmp_path / "receipt.mlrc"), "--passphrase-file",
                         str(passphrase_file))

    assert status == 0, output
    assert "returned" not in output


def test_unpinned_city_key_advice(capsys: pytest.CaptureFixture[str], township: Path,
                                  tmp_path: Path) -> None:
    other_city = make_city(tmp_path / "other")
    package = tmp_path / "other.mldp"
    build_distribution_package(other_city.store, other_city.unlocked,
                               township_id(other_city, "临平区", "塘栖镇"), package)

    status, output = run(capsys, township, "import", str(package))

    assert status != 0
    assert "乡镇电话" not in output
    assert "批准该密钥" not in output


def test_missing_keys_message_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      passphrase_file: Path) -> None:
    status, output = run(capsys, tmp_path / "empty", "bundle", "--enrol", "-o",
                         str(tmp_path / "enrol.mlcb"), "--passphrase-file",
                         str(passphrase_file))

    assert status != 0
    assert "signing" not in output


def test_city_accepts_county_bundle(capsys: pytest.CaptureFixture[str], city: City,
                                    tmp_path: Path, passphrase_file: Path) -> None:
    city_dir = city.store.folder.root
    county_package = tmp_path / "county.mldp"
    status, output = run(capsys, city_dir, "distribute", "--unit", "临平区", "-o",
                         str(county_package), "--passphrase-file", str(passphrase_file))
    assert status == 0, output
    county = tmp_path / "county"
    status, output = run(capsys, county, "init", "county", "--package", str(county_package),
                         "--passphrase-file", str(passphrase_file))
    assert status == 0, output
    bundle = tmp_path / "enrol.mlcb"
    status, output = run(capsys, county, "bundle", "--enrol", "-o", str(bundle),
                         "--passphrase-file", str(passphrase_file))
    assert status == 0, output

    status, output = run(capsys, city_dir, "merge", str(bundle), "--passphrase-file",
                         str(passphrase_file), "--json")

    assert "package.wrong_kind" not in output
    assert json.loads(output.splitlines()[-1])["outcome"] == "pending_key"


def test_help_all_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    output = capsys.readouterr().out

    assert "show program's version" not in output


def test_entry_list_shows_return_comment(capsys: pytest.CaptureFixture[str], city: City,
                                         township: Path, tmp_path: Path,
                                         passphrase_file: Path) -> None:
    report = export(capsys, township, tmp_path / "report.mlrp")
    merge_approving_key(capsys, city, report, passphrase_file)
    city_dir = city.store.folder.root
    status, output = run(capsys, city_dir, "review", "return", "--unit", "塘栖镇", "--task", "13",
                         "--period", "2021Q2", "--comment", "请补充达标学校名单")
    assert status == 0, output
    package = tmp_path / "next.mldp"
    status, output = run(capsys, city_dir, "distribute", "--unit", "塘栖镇", "-o", str(package),
                         "--passphrase-file", str(passphrase_file))
    assert status == 0, output
    status, output = run(capsys, township, "import", str(package))
    assert status == 0, output

    status, output = run(capsys, township, "entry", "list", "--period", "2021Q2")

    assert status == 0, output
    assert "请补充达标学校名单" in output
