"""A receipt confirms one laptop's report package; another laptop of the township rejects it.

Two laptops are set up from the same distribution package of a real city office. Both fill
in the same tasks, so unit, task, period and revision of their entries agree. Only the
package id and sequence tell the exports apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from meili_desktop.cli import main
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.i18n import install_translators
from meili_desktop.messages import describe
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.receipt_packages import build_receipt_package, import_receipt_package
from meili_desktop.services.receipts import ReceiptNotSentHereError, apply_receipt, build_receipt
from meili_desktop.store import keys_repo, models
from meili_desktop.store.datafolder import Store, open_store
from tests.reliability.helpers import table_rows
from tests.services.package_chain import City, fill_entries, make_city, township_id

PERIOD = "2021Q2"


@pytest.fixture(autouse=True)
def chinese_messages(qapp: QApplication) -> None:
    install_translators(qapp, "zh_CN")


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def laptops(city: City, tmp_path: Path) -> Iterator[tuple[Store, Store, str]]:
    """Two laptops of 塘栖镇 with the same entries, both set up from one package."""
    unit_id = township_id(city, "临平区", "塘栖镇")
    package = tmp_path / "dist.mldp"
    build_distribution_package(city.store, city.unlocked, unit_id, package)
    stores = []
    for name in ("t1", "t2"):
        store = open_store(tmp_path / name)
        import_distribution_package(store, package)
        fill_entries(store, unit_id, PERIOD)
        stores.append(store)
    yield stores[0], stores[1], unit_id
    for store in stores:
        store.dispose()


def merge_export(city: City, township: Store, unit_id: str, tmp_path: Path) -> str:
    """Export the laptop's package, merge it at the office and return its package id."""
    report = export_report_package(township, tmp_path).path
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, report, city.unlocked)
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, unit_id, raised.value.details["fingerprint"],
                             keys_repo.APPROVED)
    with read_incoming(city.store, report, city.unlocked) as opened:
        merge(city.store, opened.incoming)
        return opened.incoming.package_id


def merged_receipt(city: City, township: Store, unit_id: str, tmp_path: Path) -> Path:
    """Return the office's receipt file for the laptop's merged report package."""
    package_id = merge_export(city, township, unit_id, tmp_path)
    path = tmp_path / f"回执-{package_id[:8]}.mlrc"
    build_receipt_package(city.store, city.unlocked, package_id, path)
    return path


def received_flags(store: Store) -> list[bool]:
    with store.session_factory() as session:
        return list(session.scalars(select(models.Entry.is_received)
                                    .order_by(models.Entry.task_number)))


def test_receipt_marks_exporting_laptop(city: City, laptops: tuple[Store, Store, str],
                                        tmp_path: Path) -> None:
    first, _second, unit_id = laptops
    receipt = merged_receipt(city, first, unit_id, tmp_path)

    assert import_receipt_package(first, receipt) == 3

    assert received_flags(first) == [True, True, True]


def test_receipt_of_other_laptop_rejected(city: City, laptops: tuple[Store, Store, str],
                                          tmp_path: Path) -> None:
    first, second, unit_id = laptops
    receipt = merged_receipt(city, first, unit_id, tmp_path)
    rows = table_rows(second.folder.database_file)

    with pytest.raises(ReceiptNotSentHereError) as raised:
        import_receipt_package(second, receipt)

    assert table_rows(second.folder.database_file) == rows
    assert received_flags(second) == [False, False, False]
    text = describe(raised.value)
    assert "不是本机导出的" in text
    assert "未做任何更改" in text
    assert "导出该上报包的那台电脑" in text


def test_receipt_sequence_must_match(city: City, laptops: tuple[Store, Store, str],
                                     tmp_path: Path) -> None:
    first, _second, unit_id = laptops
    content = build_receipt(city.store, merge_export(city, first, unit_id, tmp_path))

    with pytest.raises(ReceiptNotSentHereError):
        apply_receipt(first, dict(content, sequence=content["sequence"] + 1))

    assert received_flags(first) == [False, False, False]


def test_cli_receipt_of_other_laptop(capsys: pytest.CaptureFixture[str], city: City,
                                     laptops: tuple[Store, Store, str], tmp_path: Path) -> None:
    first, second, unit_id = laptops
    receipt = merged_receipt(city, first, unit_id, tmp_path)
    root = second.folder.root
    second.dispose()
    capsys.readouterr()

    status = main(["--data-dir", str(root), "import", str(receipt)])

    captured = capsys.readouterr()
    assert status == ReceiptNotSentHereError.exit_code
    assert "不是本机导出的" in captured.err
    assert "已确认收到" not in captured.out
