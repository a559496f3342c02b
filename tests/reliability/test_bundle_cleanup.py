"""The township packages taken out of county bundles are deleted once settled, never before.

A county forwards two townships' real report packages in one bundle. The city unpacks it into
``bundles/<bundle id>``, merges one package and leaves the other's key waiting for approval.
Only the merged copy may go; the waiting one stays until it is merged, or until its key has
been rejected for the grace period. Opening the data folder cleans too, but keeps files
modified within the last day and anything that is not a settled package.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.cli import main
from meili_desktop.domain.units import UnitKind
from meili_desktop.exchange.container import open_package
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import key_approval, relay
from meili_desktop.services.bundle_cleanup import (
    OPEN_CLEANUP_MIN_AGE,
    REJECTED_KEY_GRACE,
    BundleCleanup,
    bundle_folder,
    clean_bundle_folders,
    clean_bundle_folders_on_open,
)
from meili_desktop.services.bundle_inbox import UnpackedBundle, unpack_bundle
from meili_desktop.services.bundles import build_bundle
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.key_dialog import KeyDecisionDialog
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.startup import load_data_folder
from tests.services.package_chain import PASSPHRASE, City, fill_entries, make_city, make_township
from tests.services.test_county_relay import approve_pending, enrol_county, make_county

PERIOD = "2021Q2"
COUNTY = "临平区"
TIMEOUT_MS = 60_000


@dataclass
class Forwarded:
    """The city with a county bundle unpacked: one copy per township package."""

    city: City
    bundle: UnpackedBundle
    merged_copy: Path
    waiting_copy: Path
    waiting_key: PendingSenderKeyError

    @property
    def folder(self) -> Path:
        return bundle_folder(self.city.store, self.bundle.bundle_id)


def second_town(city: City) -> str:
    with city.store.session_factory() as session:
        county = units_repo.find_unit(session, COUNTY, kinds=[UnitKind.COUNTY])
        names = [town.name for town in units_repo.list_townships(session, county.id)]
    return next(name for name in names if name != "塘栖镇")


def township_report(city: City, root: Path, town: str) -> Path:
    store, unit_id = make_township(city, root, COUNTY, town)
    fill_entries(store, unit_id, PERIOD)
    outbox = root / f"outbox-{unit_id}"
    outbox.mkdir()
    path = export_report_package(store, outbox).path
    store.dispose()
    return path


def merge_copy(city: City, path: Path) -> None:
    with read_incoming(city.store, path, city.unlocked) as opened:
        merge(city.store, opened.incoming)


@pytest.fixture
def forwarded(tmp_path: Path) -> Iterator[Forwarded]:
    city = make_city(tmp_path)
    county, county_keys = make_county(city, tmp_path)
    enrol_county(city, county, county_keys, tmp_path)
    reports = [township_report(city, tmp_path, "塘栖镇"),
               township_report(city, tmp_path, second_town(city))]
    for report in reports:
        with pytest.raises(PendingSenderKeyError) as raised:
            read_incoming(county, report, county_keys)
        approve_pending(county, raised.value)
        with read_incoming(county, report, county_keys) as opened:
            relay.keep_original(county, opened.incoming.package_id, report)
            merge(county, opened.incoming)
    bundle_path = build_bundle(county, county_keys, tmp_path / "forward.mlcb").path
    county.dispose()

    unpacked = unpack_bundle(city.store, bundle_path, city.unlocked)
    ids = {open_package(path).package_id: path for path in unpacked.files}
    first, second = (ids[open_package(report).package_id] for report in reports)
    with pytest.raises(PendingSenderKeyError) as first_key:
        read_incoming(city.store, first, city.unlocked)
    with pytest.raises(PendingSenderKeyError) as waiting:
        read_incoming(city.store, second, city.unlocked)
    approve_pending(city.store, first_key.value)
    merge_copy(city, first)
    yield Forwarded(city, unpacked, first, second, waiting.value)
    city.store.dispose()


def age(path: Path, by: timedelta) -> None:
    """Set a file's modification time ``by`` into the past."""
    stamp = (datetime.now(UTC) - by).timestamp()
    os.utime(path, (stamp, stamp))


def test_merged_copy_deleted_waiting_kept(forwarded: Forwarded) -> None:
    store = forwarded.city.store

    cleaned = clean_bundle_folders(store, [forwarded.bundle.bundle_id])

    assert cleaned == BundleCleanup(deleted=1, kept=1)
    assert not forwarded.merged_copy.exists()
    assert forwarded.waiting_copy.is_file()

    approve_pending(store, forwarded.waiting_key)
    merge_copy(forwarded.city, forwarded.waiting_copy)
    cleaned = clean_bundle_folders(store, [forwarded.bundle.bundle_id])

    assert cleaned == BundleCleanup(deleted=1, folders=1)
    assert not forwarded.folder.exists()


def test_rejected_key_kept_for_grace(forwarded: Forwarded) -> None:
    store = forwarded.city.store
    key = forwarded.waiting_key.details
    key_approval.reject_key(store, key["unit_id"], key["fingerprint"], actor="王科长")
    now = datetime.now(UTC)

    within = clean_bundle_folders(store, [forwarded.bundle.bundle_id],
                                  now=now + REJECTED_KEY_GRACE - timedelta(hours=1))

    assert within == BundleCleanup(deleted=1, kept=1)
    assert forwarded.waiting_copy.is_file()

    after = clean_bundle_folders(store, [forwarded.bundle.bundle_id],
                                 now=now + REJECTED_KEY_GRACE + timedelta(hours=1))

    assert after == BundleCleanup(deleted=1, folders=1)
    assert not forwarded.folder.exists()


def test_approved_again_within_grace_kept(forwarded: Forwarded) -> None:
    store = forwarded.city.store
    key = forwarded.waiting_key.details
    key_approval.reject_key(store, key["unit_id"], key["fingerprint"], actor="王科长")
    key_approval.approve_key(store, key["unit_id"], key["fingerprint"], actor="王科长")

    cleaned = clean_bundle_folders(store, now=datetime.now(UTC) + 10 * REJECTED_KEY_GRACE)

    assert cleaned.kept == 1
    assert forwarded.waiting_copy.is_file()


def test_open_keeps_recent_and_unknown_files(forwarded: Forwarded) -> None:
    store = forwarded.city.store
    old = OPEN_CLEANUP_MIN_AGE + timedelta(hours=1)
    fresh_partial = forwarded.folder / ".塘栖镇.mlrp.x1y2.partial"
    old_partial = forwarded.folder / ".其他.mlrp.a1b2.partial"
    note = forwarded.folder / "说明.txt"
    for path in (fresh_partial, old_partial, note):
        path.write_bytes(b"half a package")

    fresh = clean_bundle_folders_on_open(store)

    assert fresh == BundleCleanup(kept=5)
    assert forwarded.merged_copy.is_file()

    for path in (forwarded.merged_copy, forwarded.waiting_copy, old_partial, note):
        age(path, old)
    aged = clean_bundle_folders_on_open(store)

    assert aged == BundleCleanup(deleted=1, partial=1, kept=3)
    assert not forwarded.merged_copy.exists()
    assert not old_partial.exists()
    assert {path.name for path in forwarded.folder.iterdir()} == {
        forwarded.waiting_copy.name, fresh_partial.name, note.name}


def test_opening_data_folder_cleans(forwarded: Forwarded,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The command line and the office window clean when they open the data folder."""
    store = forwarded.city.store
    age(forwarded.merged_copy, OPEN_CLEANUP_MIN_AGE + timedelta(hours=1))
    root = store.folder.root
    store.dispose()

    status = main(["--data-dir", str(root), "keys", "list"])
    capsys.readouterr()

    assert status == 0
    assert not forwarded.merged_copy.exists()
    assert forwarded.waiting_copy.is_file()

    approve_pending(store, forwarded.waiting_key)
    merge_copy(forwarded.city, forwarded.waiting_copy)
    age(forwarded.waiting_copy, OPEN_CLEANUP_MIN_AGE + timedelta(hours=1))
    store.dispose()
    loaded = load_data_folder(root, None)
    loaded.store.dispose()

    assert not forwarded.folder.exists()


def test_cli_merge_cleans_bundle_folder(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    city = make_city(tmp_path)
    county, county_keys = make_county(city, tmp_path)
    enrol_county(city, county, county_keys, tmp_path)
    report = township_report(city, tmp_path, "塘栖镇")
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(county, report, county_keys)
    approve_pending(county, raised.value)
    with read_incoming(county, report, county_keys) as opened:
        relay.keep_original(county, opened.incoming.package_id, report)
        merge(county, opened.incoming)
    bundle = build_bundle(county, county_keys, tmp_path / "forward.mlcb")
    county.dispose()
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    root = city.store.folder.root
    city.store.dispose()
    merge_command = ["--data-dir", str(root), "merge", str(bundle.path), "--passphrase-file",
                     str(passphrase)]
    folder = root / "bundles" / bundle.header.package_id

    waiting = main(merge_command)
    capsys.readouterr()

    assert waiting == 25
    assert [path.suffix for path in folder.iterdir()] == [".mlrp"]

    with pytest.raises(PendingSenderKeyError) as township_key:
        read_incoming(city.store, next(folder.iterdir()), city.unlocked)
    approve_pending(city.store, township_key.value)
    city.store.dispose()
    merged = main(merge_command)
    output = capsys.readouterr()

    assert merged == 0, output.out + output.err
    assert not folder.exists()


def test_inbox_merge_deletes_copy(forwarded: Forwarded, qtbot: QtBot,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = forwarded.city.store
    approve_pending(store, forwarded.waiting_key)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *_args, **_kwargs: None)
    monkeypatch.setattr(KeyDecisionDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    previews: list[PreviewDialog] = []

    def show(dialog: PreviewDialog) -> int:
        qtbot.addWidget(dialog)
        previews.append(dialog)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", show)
    inbox = InboxPage(store)
    qtbot.addWidget(inbox)
    inbox.key_session.keys = lambda parent=None: forwarded.city.unlocked  # type: ignore

    inbox.add_paths([forwarded.waiting_copy])
    qtbot.waitUntil(lambda: inbox.rows[0].state == "ready", timeout=TIMEOUT_MS)
    inbox.select_row(0)
    inbox.preview_selected()
    previews[0].start_merge()
    qtbot.waitUntil(lambda: inbox.rows[0].state == "merged", timeout=TIMEOUT_MS)
    # The other copy was merged before, so the cleanup job leaves the folder empty and
    # removes it.
    qtbot.waitUntil(lambda: not forwarded.folder.exists(), timeout=TIMEOUT_MS)

    assert not forwarded.waiting_copy.exists()
    assert not forwarded.merged_copy.exists()
