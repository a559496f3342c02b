"""A report package takes its sequence number only once the file is written.

A township laptop set up from a real city office's distribution package exports to a
folder that disappears during the write, or cancels. The counter in ``meta`` stays, so the
next package gets the number the failed one would have had.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import open_package
from meili_desktop.services.packages import export_report_package
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta
from tests.services.package_chain import City, fill_entries, make_city, make_township

PERIOD = "2021Q2"


@pytest.fixture
def township(tmp_path: Path) -> Iterator[Store]:
    city: City = make_city(tmp_path / "office")
    store, unit_id = make_township(city, tmp_path)
    evidence = tmp_path / "验收照片.jpg"
    evidence.write_bytes(b"\xff\xd8" + bytes(range(256)) * 4096)
    fill_entries(store, unit_id, PERIOD, evidence)
    yield store
    store.dispose()
    city.store.dispose()


def report_counter(store: Store) -> str | None:
    with store.session_factory() as session:
        return get_meta(session, "sequence/report")


def test_failed_export_keeps_sequence(township: Store, tmp_path: Path) -> None:
    target = tmp_path / "U盘"
    target.mkdir()

    def remove_target(done: int, total: int) -> None:
        if done > total // 2 and target.exists():
            shutil.rmtree(target)

    with pytest.raises(MeiliError):
        export_report_package(township, target / "上报包.mlrp", [PERIOD],
                              progress=remove_target)

    assert report_counter(township) is None
    written = export_report_package(township, tmp_path, [PERIOD]).path
    assert open_package(written).sequence == 1
    assert report_counter(township) == "1"


def test_cancelled_export_keeps_sequence(township: Store, tmp_path: Path) -> None:
    assert export_report_package(township, tmp_path, [PERIOD]).header.sequence == 1
    cancel = threading.Event()
    cancel.set()

    with pytest.raises(MeiliError):
        export_report_package(township, tmp_path / "取消.mlrp", [PERIOD], cancel=cancel)

    assert not (tmp_path / "取消.mlrp").exists()
    assert report_counter(township) == "1"
    assert export_report_package(township, tmp_path / "第二个.mlrp", [PERIOD]
                                 ).header.sequence == 2
