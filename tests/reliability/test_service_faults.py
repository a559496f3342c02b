"""Faults during the user actions themselves: export, import, merge and template import.

Each test runs the service a clerk or the office uses, injects the fault for real and checks
the error code, that no partial file is left and that the database did not change.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.reports.template_xlsx import FIELDS, FIRST_ROW
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store import keys_repo, ledger_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import DatabaseLockedError, DiskFullError, TargetGoneError
from meili_desktop.store.ledger_repo import MergeBusyError
from tests.reliability.helpers import database_held_exclusively, folder_listing, table_rows
from tests.reliability.mounts import pull_out, small_disk, usb_stick
from tests.services.package_chain import City, fill_entries, make_city, make_township

MEGABYTE = 1024 * 1024
PERIOD = "2021Q2"


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path / "office")
    yield made
    made.store.dispose()


@pytest.fixture
def township(city: City, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    store, unit_id = make_township(city, tmp_path)
    photo = tmp_path / "立面改造航拍.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + os.urandom(3 * MEGABYTE))
    fill_entries(store, unit_id, PERIOD, photo)
    yield store, unit_id
    store.dispose()


def test_export_to_full_stick(township: tuple[Store, str], tmp_path: Path) -> None:
    store, _unit = township
    rows = table_rows(store.folder.database_file)
    with small_disk(tmp_path / "stick", 1024) as stick:
        with pytest.raises(DiskFullError):
            export_report_package(store, stick, [PERIOD])

        assert list(stick.iterdir()) == []
    assert table_rows(store.folder.database_file) == rows


def test_export_stick_pulled(township: tuple[Store, str], tmp_path: Path) -> None:
    store, _unit = township
    rows = table_rows(store.folder.database_file)
    with usb_stick(tmp_path / "U盘", size_mb=16) as stick:
        def pull(done: int, total: int) -> None:
            if done > total // 2 and stick.exists():
                pull_out(stick)

        with pytest.raises(TargetGoneError):
            export_report_package(store, stick / "上报包.mlp", [PERIOD], progress=pull)

        assert not stick.exists()
    assert table_rows(store.folder.database_file) == rows


def test_export_again_after_pulled_stick(city: City, township: tuple[Store, str],
                                         tmp_path: Path) -> None:
    store, unit = township
    target = tmp_path / "导出"
    target.mkdir()

    def remove(done: int, total: int) -> None:
        if done > total // 2 and target.exists():
            shutil.rmtree(target)

    with pytest.raises(TargetGoneError):
        export_report_package(store, target / "上报包.mlp", [PERIOD], progress=remove)
    target.mkdir()
    result = export_report_package(store, target / "上报包.mlp", [PERIOD])
    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, result.path, city.unlocked)
    approve_pending(city)
    with read_incoming(city.store, result.path, city.unlocked) as opened:
        merged = merge(city.store, opened.incoming)

    assert folder_listing(target) == ["上报包.mlp"]
    # The failed export took no number, so the office finds no gap in the numbering.
    assert result.header.sequence == 1
    assert merged.outcome == "merged"
    assert merged.counts["new"] == 3


def approve_pending(city: City) -> None:
    with city.store.session_factory.begin() as session:
        for key in keys_repo.list_keys(session):
            if key.status == keys_repo.PENDING:
                keys_repo.set_status(session, key.owner_unit_id or "", key.fingerprint,
                                     keys_repo.APPROVED)


def exported(store: Store, tmp_path: Path) -> Path:
    return export_report_package(store, tmp_path / "上报包.mlp", [PERIOD]).path


def test_import_on_full_office_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "office-disk", 8192) as disk:
        city = make_city(disk)
        laptop, unit = make_township(city, tmp_path)
        try:
            photo = tmp_path / "立面改造航拍.jpg"
            photo.write_bytes(b"\xff\xd8\xff" + os.urandom(3 * MEGABYTE))
            fill_entries(laptop, unit, PERIOD, photo)
            package = exported(laptop, tmp_path)
            with pytest.raises(PendingSenderKeyError):
                read_incoming(city.store, package, city.unlocked)
            approve_pending(city)
            rows = table_rows(city.store.folder.database_file)
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            (disk / "filler.bin").write_bytes(b"\0" * (free - 512 * 1024))

            with pytest.raises(DiskFullError):
                read_incoming(city.store, package, city.unlocked)

            assert folder_listing(city.store.folder.temp_dir) == []
            assert table_rows(city.store.folder.database_file) == rows
        finally:
            laptop.dispose()
            city.store.dispose()


def test_merge_while_database_held(city: City, township: tuple[Store, str],
                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _unit = township
    package = exported(store, tmp_path)
    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, package, city.unlocked)
    approve_pending(city)
    database = city.store.folder.database_file
    # The merge waits LOCK_TIMEOUT_S for the lock; one second shows the same outcome.
    monkeypatch.setattr(ledger_repo, "lock_for_merge",
                        functools.partial(ledger_repo.lock_for_merge, timeout_s=1.0))

    with read_incoming(city.store, package, city.unlocked) as opened:
        rows = table_rows(database)
        with database_held_exclusively(database):
            with pytest.raises(MergeBusyError):
                merge(city.store, opened.incoming)

    assert table_rows(database) == rows


@pytest.mark.usefixtures("short_busy_timeout")
def test_template_import_while_database_held(township: tuple[Store, str],
                                             tmp_path: Path) -> None:
    store, unit = township
    template = tmp_path / "模板.xlsx"
    export_template(store, template, unit, PERIOD)
    fill_template_cell(template, 13, "narrative", "离线填写的进展说明")
    database = store.folder.database_file
    rows = table_rows(database)

    with database_held_exclusively(database):
        with pytest.raises(DatabaseLockedError):
            import_template(store, template)

    assert table_rows(database) == rows


def fill_template_cell(path: Path, task: int, field: str, value: str) -> None:
    """Type ``value`` into the template's ``field`` cell of ``task``, as a clerk would."""
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    column = FIELDS.index(field) + 1
    for row in range(FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row, 1).value == task:
            sheet.cell(row, column).value = value
            break
    else:
        raise AssertionError(f"task {task} is not in the template")
    workbook.save(path)
