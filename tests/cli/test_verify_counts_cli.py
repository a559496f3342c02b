"""``verify`` at the office prints counts read from the checked content, not the header's claim.

The header's counts are signed, but they are only what the sender wrote: a package that
claims 10^15 entries verifies. Without the passphrase nothing but the header is checked, so
the counts are shown as the sender's claim.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.adversarial.test_malformed_entries import Office

CLAIMED = {"entries": 10**15, "attachments": 10**15}


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Office:
    return Office(tmp_path, capsys)


def test_verified_counts_from_content(office: Office) -> None:
    package = office.package("lying.mlrp", {}, {"task_number": 27}, counts=CLAIMED)

    status, output = office.run(office.city_dir, "verify", str(package), "--passphrase-file",
                                str(office.passphrase))

    assert status == 0, output
    assert "数量：填报 2 条，佐证材料 0 个" in output
    assert "包头声明的数量与此不同" in output
    assert "1000000000000000" in output


def test_verified_counts_in_json(office: Office) -> None:
    package = office.package("lying.mlrp", {}, counts=CLAIMED)

    status, output = office.run(office.city_dir, "verify", str(package), "--passphrase-file",
                                str(office.passphrase), "--json")

    document = json.loads(output)
    assert status == 0, output
    assert document["payload_checked"] is True
    assert document["counts"] == {"entries": 1, "attachments": 0}
    assert document["claimed_counts"] == CLAIMED


def test_unchecked_counts_marked_as_claim(office: Office) -> None:
    package = office.package("lying.mlrp", {}, counts=CLAIMED)

    status, output = office.run(office.city_dir, "verify", str(package))

    assert status == 0, output
    assert "发送方声明的数量（未核验）：" in output
    assert "数量：佐证材料" not in output
