"""Signed report packages with malformed entries, and the reasons of held entries, at the CLI.

Each package is written with the township laptop's real key, so it verifies. A package whose
entry content no township laptop writes (an invalid status, NaN, a 3-million-character
narrative, evidence it does not carry) is rejected whole, with the reason in Chinese and the
database unchanged. Entries held for the office's decision (a locked period) are listed with
their reason in the text and the JSON output.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.cli import main
from meili_desktop.domain.merge_records import MalformedEntryError
from meili_desktop.exchange import content
from meili_desktop.exchange.model import KIND_REPORT, Recipient, Sender
from meili_desktop.exchange.writer import write_package
from meili_desktop.services import keys as key_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.packages import CITY_UNIT_KEY
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.meta_repo import get_meta
from tests.reliability.helpers import table_rows
from tests.services.package_chain import PASSPHRASE, make_city, township_id

PERIOD = "2021Q2"


class Office:
    """A city office with one township laptop whose key the office approved."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.root = root
        city = make_city(root)
        self.city_dir = city.store.folder.root
        self.database = city.store.folder.database_file
        self.unit_id = township_id(city, "临平区", "塘栖镇")
        build_distribution_package(city.store, city.unlocked, self.unit_id, root / "d.mldp")
        self.passphrase = root / "passphrase.txt"
        self.passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.laptop = root / "laptop"
        self.run(self.laptop, "init", "township", "--package", str(root / "d.mldp"))
        self.sequence = 10
        first = self.package("first.mlrp", {"task_number": 19})
        status, output = self.merge("--json", first)
        approve = json.loads(output.splitlines()[0])["pending_key"]
        self.run(self.city_dir, "keys", "approve", approve["unit_id"], approve["fingerprint"])
        status, output = self.merge(first)
        assert status == 0, output

    def run(self, data_dir: Path, *arguments: str) -> tuple[int, str]:
        self.capsys.readouterr()
        status = main(["--data-dir", str(data_dir), "--lang", "zh_CN", *arguments])
        captured = self.capsys.readouterr()
        return status, captured.out + captured.err

    def merge(self, *arguments: str | Path) -> tuple[int, str]:
        return self.run(self.city_dir, "merge", *map(str, arguments), "--passphrase-file",
                        str(self.passphrase))

    def package(self, name: str, *changes: dict[str, Any],
                counts: dict[str, int] | None = None) -> Path:
        """Write a package signed by the laptop, one entry per change of a plain entry.

        ``counts`` replaces the true counts in the signed header.
        """
        store = open_store(self.laptop)
        catalogue = active_catalogue(store)
        with store.session_factory.begin() as session:
            recipients = key_service.current_recipient_keys(
                session, get_meta(session, CITY_UNIT_KEY) or "")
            signing_record = key_service.ensure_township_key(session, self.unit_id,
                                                             recipients[0].suite)
            signing_pair = key_service.township_signing_pair(session, signing_record)
        entries = [{"unit_id": self.unit_id, "task_number": 13, "period": PERIOD,
                    "status": "in_progress", "value": "85", "numerator": None,
                    "denominator": None, "narrative": "", "responsible_person": "",
                    "contact": "", "revision": self.sequence,
                    "updated_at": datetime.now(UTC).isoformat(), "attachments": [],
                    **change} for change in changes]
        self.sequence += 1
        path = self.root / name
        write_package(path, KIND_REPORT, Sender(self.unit_id, "塘栖镇"), signing_pair,
                      [Recipient(record.public_key, "working" if record.purpose == "encryption"
                                 else "escrow") for record in recipients],
                      content.report_records(self.unit_id, "塘栖镇", catalogue.version,
                                             entries),
                      [], sequence=self.sequence, periods=[PERIOD],
                      counts=counts or {"entries": len(entries), "attachments": 0},
                      suite=signing_record.suite, temp_dir=self.laptop / "tmp")
        store.dispose()
        return path


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Office:
    return Office(tmp_path, capsys)


MALFORMED = [
    ({"status": "hacked"}, "的填报状态无效"),
    ({"value": "NaN"}, "不是有效的数字"),
    ({"narrative": "说" * 3_000_000}, "超过 20000 个字"),
    ({"attachments": [{"sha256": "a" * 64, "name": "现场.jpg", "size": 10}]},
     "但上报包中没有这个文件"),
]


@pytest.mark.parametrize(("change", "cause"), MALFORMED)
def test_malformed_entry_rejected(office: Office, change: dict[str, Any], cause: str) -> None:
    package = office.package("malformed.mlrp", {"task_number": 27}, change)
    before = table_rows(office.database)

    status, output = office.merge(package)

    assert status == MalformedEntryError.exit_code, output
    assert "已拒收" in output
    assert cause in output
    assert "任务 13（2021Q2）" in output
    assert table_rows(office.database) == before


def test_held_reasons_listed(office: Office) -> None:
    status, output = office.run(office.city_dir, "period", "lock", PERIOD)
    assert status == 0, output
    package = office.package("locked.mlrp", {}, {"task_number": 27})

    status, output = office.merge(package)

    assert status == 0, output
    assert "暂存 2" in output
    assert "暂存的填报（请在冲突处理页决定）：" in output
    assert "任务 13（2021Q2）：填报期已锁定" in output
    assert "任务 27（2021Q2）：填报期已锁定" in output


def test_held_reasons_in_json(office: Office) -> None:
    office.run(office.city_dir, "period", "lock", PERIOD)
    package = office.package("locked.mlrp", {})

    status, output = office.merge("--json", package)

    document = json.loads(output.splitlines()[0])
    assert status == 0, output
    assert document["held_entries"] == [
        {"unit_id": office.unit_id, "task": 13, "period": PERIOD, "reason": "period_locked",
         "reason_text": "填报期已锁定"}]


def test_future_edit_time_flags_clock(office: Office) -> None:
    package = office.package("future.mlrp", {"updated_at": "9999-12-31T23:59:59+00:00"})

    status, output = office.merge("--json", package)

    assert status == 0, output
    assert json.loads(output.splitlines()[0])["clock_suspicious"] is True
