"""County bundles whose list and contents disagree, merged at the city through the CLI.

The bundles are signed with the enrolled county's real key and carry real township packages,
so every check before the bundle's own list passes. Each wrong bundle must be rejected as the
county's mistake, with its own cause in Chinese, no internal temporary path, and the city's
database unchanged. A bundle is recognised by its content, whatever its file name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from meili_desktop.cli import main
from meili_desktop.exchange.model import KIND_BUNDLE, AttachmentSource, Recipient, Sender
from meili_desktop.exchange.writer import write_package
from meili_desktop.services import keys as key_service
from meili_desktop.services.bundles import BundleContentError, build_bundle
from meili_desktop.services.packages import CITY_UNIT_KEY, export_report_package
from meili_desktop.store.meta_repo import get_meta
from tests.reliability.helpers import table_rows
from tests.services.package_chain import PASSPHRASE, fill_entries, make_city, make_township
from tests.services.test_county_relay import enrol_county, make_county


@dataclass
class Relay:
    """A city that enrolled the county 临平区, and packages to put into crafted bundles."""

    root: Path
    city_dir: Path
    county_id: str
    county: Any
    county_keys: key_service.UnlockedCityKeys
    own_report: Path
    own_unit: str
    other_county_report: Path
    other_county_unit: str
    enrol_bundle: Path
    passphrase: Path
    sequence: int = 100

    def bundle(self, name: str, inner: list[Path], listed: list[dict[str, Any]] | None = None
               ) -> Path:
        """Write a bundle signed by the county that carries ``inner`` and lists ``listed``."""
        sources, items = [], []
        for index, path in enumerate(inner):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            size = path.stat().st_size
            sources.append(AttachmentSource(digest, f"{index}.mlrp", size, path))
            items.append({"package_id": f"p{index}", "sender_unit_id": self.own_unit,
                          "sequence": 1, "sha256": digest, "size": size})
        with self.county.session_factory() as session:
            recipients = key_service.current_recipient_keys(
                session, get_meta(session, CITY_UNIT_KEY) or "")[:2]
        records = [{"type": "bundle_info", "county_unit_id": self.county_id,
                    "packages": items if listed is None else listed(items)
                    if callable(listed) else listed},
                   {"type": "county_keys", "keys": []}]
        self.sequence += 1
        path = self.root / name
        write_package(path, KIND_BUNDLE, Sender(self.county_id, "临平区"),
                      self.county_keys.signing,
                      [Recipient(record.public_key, "working" if record.purpose == "encryption"
                                 else "escrow") for record in recipients],
                      records, sources, sequence=self.sequence,
                      counts={"packages": len(items)}, suite=self.county_keys.signing.suite,
                      temp_dir=self.root / "tmp")
        return path


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Relay:
    root = tmp_path_factory.mktemp("relay")
    city = make_city(root)
    county, county_keys = make_county(city, root)
    enrol_county(city, county, county_keys, root)
    enrol = build_bundle(county, county_keys, root / "enrol.mlcb", allow_empty=True).path
    township, own_unit = make_township(city, root, "临平区", "塘栖镇")
    fill_entries(township, own_unit, "2021Q2")
    own_report = export_report_package(township, root / "own.mlrp").path
    other, other_unit = make_township(city, root, "余杭区", "瓶窑镇")
    fill_entries(other, other_unit, "2021Q2")
    other_report = export_report_package(other, root / "other.mlrp").path
    passphrase = root / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    city.store.dispose()
    return Relay(root, city.store.folder.root, county_keys.unit_id, county, county_keys,
                 own_report, own_unit, other_report, other_unit, enrol, passphrase)


def merge(relay: Relay, capsys: pytest.CaptureFixture[str], path: Path,
          *options: str) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["--data-dir", str(relay.city_dir), "--lang", "zh_CN", "merge", str(path),
                   "--passphrase-file", str(relay.passphrase), *options])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def assert_rejected(relay: Relay, capsys: pytest.CaptureFixture[str], bundle: Path,
                    cause: str) -> str:
    before = table_rows(relay.city_dir / "meili.sqlite3")

    status, output = merge(relay, capsys, bundle)

    assert status == BundleContentError.exit_code, output
    assert "已拒收" in output
    assert "县级办公室生成的汇总包有误" in output
    assert cause in output
    assert "下发包" not in output
    assert str(relay.city_dir) not in output
    assert table_rows(relay.city_dir / "meili.sqlite3") == before
    return output


def test_package_listed_twice(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("twice.mlcb", [relay.own_report], lambda items: items * 2)

    assert_rejected(relay, capsys, bundle, "的清单把乡镇上报包 p0 列了两次")


def test_unlisted_file(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("unlisted.mlcb", [relay.own_report], [])

    assert_rejected(relay, capsys, bundle, "中有 1 个文件不在其乡镇上报包清单中")


def test_junk_member(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    junk = relay.root / "junk.bin"
    junk.write_bytes(b"not a package at all" * 10)
    bundle = relay.bundle("junk.mlcb", [junk])

    output = assert_rejected(relay, capsys, bundle, "上报包的文件不是本程序的数据包")

    assert hashlib.sha256(junk.read_bytes()).hexdigest() not in output
    assert ".mldp" not in output


def test_nested_bundle(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("nested.mlcb", [relay.enrol_bundle],
                          lambda items: [dict(items[0], sender_unit_id=relay.county_id)])

    assert_rejected(relay, capsys, bundle, "而汇总包中只能有各乡镇的上报包")


def test_wrong_listed_sender(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("sender.mlcb", [relay.own_report],
                          lambda items: [dict(items[0], sender_unit_id=relay.other_county_unit)])

    assert_rejected(relay, capsys, bundle, "但该上报包实际来自 塘栖镇（")


def test_township_of_other_county(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("other.mlcb", [relay.other_county_report],
                          lambda items: [dict(items[0], sender_unit_id=relay.other_county_unit)])

    assert_rejected(relay, capsys, bundle, "不是 临平区（")


def test_bundle_named_as_report(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = relay.bundle("renamed.mlcb", [relay.own_report])
    renamed = bundle.rename(bundle.with_suffix(".mlrp"))

    status, output = merge(relay, capsys, renamed)

    assert "是县级汇总包，这里需要的是上报包" not in output
    assert "的县级汇总包" in output
    assert "共 1 个上报包和 1 个县级汇总包" in output
    assert status == 25, output
    status, output = merge(relay, capsys, renamed, "--json")
    outcomes = [json.loads(line) for line in output.splitlines()]
    assert [item["kind"] for item in outcomes] == ["bundle", "report"]
    assert outcomes[0]["outcome"] == "verified"


def test_report_named_as_bundle(relay: Relay, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = relay.root / "report-renamed.mlcb"
    renamed.write_bytes(relay.own_report.read_bytes())

    status, output = merge(relay, capsys, renamed, "--json")

    outcome = json.loads(output.splitlines()[0])
    assert outcome["kind"] == "report"
    assert outcome["outcome"] == "pending_key", output
