"""A package signed with one township's approved key but naming another township as sender.

The office already approved the key for 塘栖镇, and a fingerprint belongs to one unit only, so
no approval can make the package valid for 瓶窑镇. The merge must reject it, not hold it for a
key approval that the printed "keys approve" command cannot give.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange import content
from meili_desktop.exchange.errors import SenderKeyOfOtherUnitError
from meili_desktop.exchange.model import KIND_REPORT, Recipient, Sender
from meili_desktop.exchange.writer import write_package
from meili_desktop.services import keys as key_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.packages import CITY_UNIT_KEY
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.meta_repo import get_meta
from tests.reliability.helpers import table_rows
from tests.services.package_chain import PASSPHRASE, City, make_city, township_id

FINGERPRINT = re.compile(r"\d{5}(?: \d{5}){7}")


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), *arguments])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def forged_package(laptop: Path, own_unit: str, claimed_unit: str, claimed_name: str,
                   out: Path) -> Path:
    """Write a report package for ``claimed_unit`` signed with ``own_unit``'s laptop key."""
    store = open_store(laptop)
    catalogue = active_catalogue(store)
    with store.session_factory.begin() as session:
        city_unit_id = get_meta(session, CITY_UNIT_KEY)
        recipients = key_service.current_recipient_keys(session, city_unit_id)
        signing_record = key_service.ensure_township_key(session, own_unit,
                                                         recipients[0].suite)
        signing_pair = key_service.township_signing_pair(session, signing_record)
    entry = {"unit_id": claimed_unit, "task_number": 13, "period": "2021Q2",
             "status": "in_progress", "value": "85", "numerator": None, "denominator": None,
             "narrative": "", "responsible_person": "", "contact": "", "revision": 1,
             "updated_at": datetime.now(UTC).isoformat(), "attachments": []}
    records = content.report_records(claimed_unit, claimed_name, catalogue.version, [entry])
    write_package(out, KIND_REPORT, Sender(claimed_unit, claimed_name), signing_pair,
                  [Recipient(record.public_key, "working" if record.purpose == "encryption"
                             else "escrow") for record in recipients],
                  records, [], sequence=50, periods=["2021Q2"],
                  counts={"entries": 1, "attachments": 0}, suite=signing_record.suite,
                  temp_dir=laptop / "tmp")
    return out


def test_key_of_other_town_is_rejected(capsys: pytest.CaptureFixture[str], city: City,
                                       tmp_path: Path) -> None:
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    city_dir = city.store.folder.root
    own_unit = township_id(city, "临平区", "塘栖镇")
    claimed_unit = township_id(city, "余杭区", "瓶窑镇")
    build_distribution_package(city.store, city.unlocked, own_unit, tmp_path / "dist.mldp")
    laptop = tmp_path / "laptop"
    status, output = run(capsys, laptop, "init", "township", "--package",
                         str(tmp_path / "dist.mldp"))
    assert status == 0, output
    fingerprint = FINGERPRINT.findall(output)[-1]
    status, output = run(capsys, laptop, "entry", "set", "--task", "13", "--period", "2021Q2",
                         "--value", "80")
    assert status == 0, output
    status, output = run(capsys, laptop, "export", "-o", str(tmp_path / "own.mlrp"))
    assert status == 0, output
    merge_own = ("merge", str(tmp_path / "own.mlrp"), "--passphrase-file", str(passphrase_file))
    status, output = run(capsys, city_dir, *merge_own)
    assert status == 25, output
    status, output = run(capsys, city_dir, "keys", "approve", own_unit, fingerprint)
    assert status == 0, output
    status, output = run(capsys, city_dir, *merge_own)
    assert status == 0, output
    forged = forged_package(laptop, own_unit, claimed_unit, "瓶窑镇", tmp_path / "forged.mlrp")

    before = table_rows(city.store.folder.database_file)

    status, output = run(capsys, city_dir, "merge", str(forged), "--passphrase-file",
                         str(passphrase_file), "--json")

    result = json.loads(output.splitlines()[0])
    assert result["outcome"] == "rejected", output
    assert result["rejected"]["code"] == "package.key_of_other_unit"
    assert status == SenderKeyOfOtherUnitError.exit_code, output
    assert status not in (0, 25), output
    assert table_rows(city.store.folder.database_file) == before
    status, output = run(capsys, city_dir, "--lang", "zh_CN", "merge", str(forged),
                         "--passphrase-file", str(passphrase_file))
    assert status == SenderKeyOfOtherUnitError.exit_code, output
    assert "已拒收" in output
    assert "冒用了 瓶窑镇（" in output
    assert "登记属于 塘栖镇（" in output
    assert "等待批准" not in output
    assert "keys approve" not in output
    assert table_rows(city.store.folder.database_file) == before


def test_verify_names_key_owner(capsys: pytest.CaptureFixture[str], city: City,
                                tmp_path: Path) -> None:
    own_unit = township_id(city, "临平区", "塘栖镇")
    build_distribution_package(city.store, city.unlocked, own_unit, tmp_path / "dist.mldp")
    laptop = tmp_path / "laptop"
    status, output = run(capsys, laptop, "init", "township", "--package",
                         str(tmp_path / "dist.mldp"))
    assert status == 0, output
    fingerprint = FINGERPRINT.findall(output)[-1]
    city_dir = city.store.folder.root
    status, output = run(capsys, city_dir, "--lang", "zh_CN", "keys", "approve", own_unit,
                         fingerprint)
    assert status == 4, "the key is not registered before a package or verify names it"
    assert "请先对该数据包运行 \"verify 文件\"" in output
    own = tmp_path / "own.mlrp"
    forged_package(laptop, own_unit, own_unit, "塘栖镇", own)
    status, output = run(capsys, city_dir, "verify", str(own))
    assert status == 25, output
    status, output = run(capsys, city_dir, "keys", "approve", own_unit, fingerprint)
    assert status == 0, output
    claimed_unit = township_id(city, "余杭区", "瓶窑镇")
    forged = forged_package(laptop, own_unit, claimed_unit, "瓶窑镇", tmp_path / "forged.mlrp")
    status, output = run(capsys, city_dir, "--lang", "zh_CN", "keys", "approve", "瓶窑镇",
                         fingerprint)
    assert status == 4, output
    assert "不能为 瓶窑镇（" in output
    before = table_rows(city.store.folder.database_file)

    status, output = run(capsys, city_dir, "--lang", "zh_CN", "verify", str(forged), "--json")

    document = json.loads(output)
    assert status == SenderKeyOfOtherUnitError.exit_code, output
    assert document["error"]["code"] == "package.key_of_other_unit"
    assert "塘栖镇（" in document["error"]["message"]
    assert document["key_registered"] is False
    assert table_rows(city.store.folder.database_file) == before
