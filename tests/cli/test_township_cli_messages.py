"""What a township clerk reads on the command line: the city's comments and key advice.

The laptop is set up from a real distribution package of a city office with cheap passphrase
hashing; packages, receipts and keys are real.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey
from meili_desktop.exchange.container import Sender, open_package, write_package
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.exchange.model import KIND_RECEIPT
from meili_desktop.services.distribution import UnpinnedCityKeyError, build_distribution_package
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import read_incoming
from meili_desktop.services.receipt_packages import import_receipt_package
from meili_desktop.services.review import return_entry
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



def send_return(capsys: pytest.CaptureFixture[str], city: City, township: Path,
                tmp_path: Path, comment: str) -> str:
    """Report task 13 to the city, have the city return it, and import its next package.

    Returns the output of the township's ``import``.
    """
    status, output = run(capsys, township, "entry", "set", "--task", "13", "--period",
                         "2021Q2", "--value", "85", "--status", "推进中")
    assert status == 0, output
    exported = tmp_path / "report.mlrp"
    status, output = run(capsys, township, "export", "-o", str(exported))
    assert status == 0, output
    header = open_package(exported)
    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, exported, city.unlocked)
    approve_key(city.store, header.sender_unit_id, header.sender_fingerprint, actor="测试")
    with read_incoming(city.store, exported, city.unlocked) as opened:
        merge(city.store, opened.incoming)
    return_entry(city.store, EntryKey(header.sender_unit_id, 13, "2021Q2"), actor="市办张三",
                 comment=comment)
    package = tmp_path / "next.mldp"
    build_distribution_package(city.store, city.unlocked, header.sender_unit_id, package)
    status, output = run(capsys, township, "import", str(package))
    assert status == 0, output
    return output


def test_import_lists_new_comments(capsys: pytest.CaptureFixture[str], city: City,
                                   township: Path, tmp_path: Path) -> None:
    output = send_return(capsys, city, township, tmp_path, "请补充达标学校名单")

    comment_lines = [line for line in output.splitlines() if "请补充达标学校名单" in line]
    assert len(comment_lines) == 1
    assert "13" in comment_lines[0]
    assert "2021Q2" in comment_lines[0]
    assert "退回" in comment_lines[0]


def test_entry_list_json_review(capsys: pytest.CaptureFixture[str], city: City,
                                township: Path, tmp_path: Path) -> None:
    send_return(capsys, city, township, tmp_path, "请补充达标学校名单")

    status, output = run(capsys, township, "entry", "list", "--period", "2021Q2", "--json")

    assert status == 0, output
    entry = json.loads(output)["entries"][0]
    assert entry["task"] == 13
    assert entry["review_state"] == "returned"
    assert [item["action"] for item in entry["comments"]] == ["return"]
    assert entry["comments"][0]["text"] == "请补充达标学校名单"
    assert entry["comments"][0]["author"] == "市办张三"
    assert entry["comments"][0]["created_at"].endswith("Z")


def test_entry_list_text_review(capsys: pytest.CaptureFixture[str], city: City,
                                township: Path, tmp_path: Path) -> None:
    send_return(capsys, city, township, tmp_path, "请补充达标学校名单")

    status, output = run(capsys, township, "entry", "list", "--period", "2021Q2")

    assert status == 0, output
    lines = output.splitlines()
    task_line = next(index for index, line in enumerate(lines) if line.startswith(" 13 "))
    assert "已退回" in lines[task_line]
    assert "请补充达标学校名单" in lines[task_line + 1]
    assert lines[task_line + 2].startswith(" 14 ")


def test_value_sets_in_progress(capsys: pytest.CaptureFixture[str], township: Path) -> None:
    status, output = run(capsys, township, "entry", "set", "--task", "13", "--period",
                         "2021Q2", "--value", "85")

    assert status == 0, output
    assert "推进中" in output
    assert "--status" in output
    status, listed = run(capsys, township, "entry", "list", "--period", "2021Q2", "--json")
    assert json.loads(listed)["entries"][0]["status"] == "in_progress"


def test_value_keeps_chosen_status(capsys: pytest.CaptureFixture[str],
                                   township: Path) -> None:
    run(capsys, township, "entry", "set", "--task", "13", "--period", "2021Q2", "--status",
        "已完成")

    status, output = run(capsys, township, "entry", "set", "--task", "13", "--period",
                         "2021Q2", "--value", "100")

    assert status == 0, output
    status, listed = run(capsys, township, "entry", "list", "--period", "2021Q2", "--json")
    assert json.loads(listed)["entries"][0]["status"] == "done"


def test_zero_value_stays_not_started(capsys: pytest.CaptureFixture[str],
                                      township: Path) -> None:
    status, output = run(capsys, township, "entry", "set", "--task", "13", "--period",
                         "2021Q2", "--value", "0")

    assert status == 0, output
    status, listed = run(capsys, township, "entry", "list", "--period", "2021Q2", "--json")
    assert json.loads(listed)["entries"][0]["status"] == "not_started"


def test_unknown_task_lists_range(capsys: pytest.CaptureFixture[str], township: Path) -> None:
    status, output = run(capsys, township, "entry", "set", "--task", "99", "--period",
                         "2021Q2", "--value", "1")

    assert status != 0
    assert "没有任务 99" in output
    assert "10 至 43" in output
    assert "不由乡镇填报" not in output


def test_unknown_period_lists_periods(capsys: pytest.CaptureFixture[str],
                                      township: Path) -> None:
    status, output = run(capsys, township, "entry", "list", "--period", "2019Q1")

    assert status != 0
    assert "2021Q2" in output
    assert "2022" in output


def test_same_day_export_kept(capsys: pytest.CaptureFixture[str], township: Path,
                              tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    run(capsys, township, "entry", "set", "--task", "13", "--period", "2021Q2", "--value", "85")
    status, output = run(capsys, township, "export", "-o", str(outbox))
    assert status == 0, output
    first = next(outbox.iterdir())
    first_bytes = first.read_bytes()

    status, output = run(capsys, township, "export", "-o", str(outbox))

    assert status == 0, output
    names = sorted(path.name for path in outbox.iterdir())
    assert names == [first.name, first.stem + "_2.mlrp"]
    assert first.read_bytes() == first_bytes
    assert first.stem + "_2.mlrp" in output


@pytest.mark.parametrize(("name", "expected"), [
    ("CON.mlrp", "CON"),
    ("con", "CON"),
    ("LPT1.上报.mlrp", "LPT1"),
    ("out?.mlrp", "?"),
    ("a:b.mlrp", ":"),
    ("上报包.", "句点"),
])
def test_export_windows_invalid_name(capsys: pytest.CaptureFixture[str], township: Path,
                                     tmp_path: Path, name: str, expected: str) -> None:
    run(capsys, township, "entry", "set", "--task", "13", "--period", "2021Q2", "--value", "85")
    outbox = tmp_path / "outbox"
    outbox.mkdir()

    status, output = run(capsys, township, "export", "-o", str(outbox / name))

    assert status == 2, output
    assert expected in output
    assert "Windows" in output
    assert list(outbox.iterdir()) == []
