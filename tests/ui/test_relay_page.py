"""The county relay page with real packages: merge, review, forward, and the city's check."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.domain.entries import ReviewState
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services import relay
from meili_desktop.services.bundle_inbox import unpack_bundle
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.services.relay_review import FORWARDED, HELD, WAITING
from meili_desktop.store import entries_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office import relay_page
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.key_dialog import KeyDecisionDialog
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.office.relay_page import RelayPage
from meili_desktop.ui.office.window import OfficeWindow
from meili_desktop.ui.progress import JobProgressWidget
from tests.services.package_chain import (
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)
from tests.services.test_county_relay import (
    COUNTY_PASSPHRASE,
    approve_pending,
    enrol_county,
    make_county,
)
from tests.ui.township_helpers import isolated_settings, type_text

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
TIMEOUT_MS = 60000


class HostWindow(QMainWindow):
    """A main window with the progress bar that office pages report their jobs to."""

    def __init__(self, page_factory: Any) -> None:
        super().__init__()
        self.job_progress = JobProgressWidget(self)
        self.statusBar().addPermanentWidget(self.job_progress, 1)
        self.page = page_factory(self)
        self.setCentralWidget(self.page)
        self.resize(1300, 760)


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def county(city: City, tmp_path: Path) -> Store:
    store, unlocked = make_county(city, tmp_path)
    enrol_county(city, store, unlocked, tmp_path)
    return store


@pytest.fixture
def report_file(city: City, county: Store, tmp_path: Path) -> Path:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, PERIOD)
    outbox = tmp_path / "乡镇 发出"
    outbox.mkdir()
    path = export_report_package(township, outbox).path
    township.dispose()
    return path


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def approve_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(KeyDecisionDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[PreviewDialog]:
    opened: list[PreviewDialog] = []

    def show(dialog: PreviewDialog) -> int:
        qtbot.addWidget(dialog)
        opened.append(dialog)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", show)
    return opened


@pytest.fixture
def merged(qtbot: QtBot, county: Store, report_file: Path,
           previews: list[PreviewDialog]) -> Path:
    """Merge the township's package at the county through the inbox, as a clerk does."""
    inbox = InboxPage(county)
    qtbot.addWidget(inbox)
    inbox.key_session.unlock_with(COUNTY_PASSPHRASE)
    inbox.add_paths([report_file])
    row = inbox.rows[0]
    qtbot.waitUntil(lambda: row.state == "ready", timeout=TIMEOUT_MS)
    inbox.select_row(0)
    inbox.preview_selected()
    with qtbot.waitSignal(previews[0].merged, timeout=TIMEOUT_MS):
        previews[0].start_merge()
    return report_file


@pytest.fixture
def host(qtbot: QtBot, county: Store, isolated_settings: Path) -> HostWindow:
    window = HostWindow(lambda parent: RelayPage(county, parent))
    qtbot.addWidget(window)
    window.page.key_session.unlock_with(COUNTY_PASSPHRASE)
    window.show()
    return window


def wait_idle(qtbot: QtBot, page: RelayPage) -> None:
    qtbot.waitUntil(lambda: not page.jobs.is_busy() and page.forward_worker is None,
                    timeout=TIMEOUT_MS)


def test_inbox_keeps_original_at_county(county: Store, merged: Path) -> None:
    kept = list(relay.relay_folder(county).iterdir())

    assert len(kept) == 1
    assert kept[0].read_bytes() == merged.read_bytes()


def test_forward_bundle_city_verifies(qtbot: QtBot, city: City, county: Store, merged: Path,
                                      host: HostWindow, tmp_path: Path,
                                      messages: list[str]) -> None:
    page = host.page
    page.refresh()
    assert len(page.packages) == 1
    assert page.packages[0].forward_state == WAITING
    assert page.forward_button.isEnabled()
    target = tmp_path / "给市办" / "临平区汇总.mlcb"
    target.parent.mkdir()

    worker = page.forward(target)
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS):
        pass
    wait_idle(qtbot, page)

    assert target.is_file()
    assert host.job_progress.bar.maximum() > 0
    assert page.packages[0].forward_state == FORWARDED
    assert not page.forward_button.isEnabled()
    assert messages and str(target) in messages[-1]

    unpacked = unpack_bundle(city.store, target, city.unlocked)
    assert len(unpacked.files) == 1
    assert unpacked.files[0].read_bytes() == merged.read_bytes()
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, unpacked.files[0], city.unlocked)
    approve_pending(city.store, raised.value)
    with read_incoming(city.store, unpacked.files[0], city.unlocked) as opened:
        assert merge(city.store, opened.incoming).counts["new"] == 3
    with city.store.session_factory() as session:
        stored = entries_repo.list_entries(session, opened.incoming.sender_unit_id, PERIOD)
    assert sorted(stored) == [13, 19, 27]


def test_city_inbox_takes_bundle_packages(qtbot: QtBot, city: City, merged: Path,
                                          host: HostWindow, tmp_path: Path) -> None:
    target = tmp_path / "bundle.mlcb"
    worker = host.page.forward(target)
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS):
        pass
    unpacked = unpack_bundle(city.store, target, city.unlocked)
    inbox = InboxPage(city.store)
    qtbot.addWidget(inbox)
    inbox.key_session.keys = lambda parent=None: city.unlocked  # type: ignore[method-assign]

    inbox.add_paths(list(unpacked.files))

    qtbot.waitUntil(lambda: inbox.rows[0].state == "ready", timeout=TIMEOUT_MS)
    assert inbox.rows[0].result is not None
    assert inbox.rows[0].result.preview is not None
    assert inbox.rows[0].result.preview.counts["new"] == 3


def test_return_holds_package_back(qtbot: QtBot, county: Store, merged: Path,
                                   host: HostWindow) -> None:
    page = host.page
    page.refresh()
    page.table.selectRow(0)
    entries = page.entries
    assert entries.table.rowCount() == 3
    assert not entries.return_button.isEnabled()

    entries.table.selectRow(1)
    type_text(entries.comment, "完成值与佐证材料不符，请核实后重报")
    assert entries.return_button.isEnabled()
    qtbot.mouseClick(entries.return_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)

    assert page.packages[0].forward_state == HELD
    assert page.packages[0].review == {"pending": 2, "returned": 1}
    assert not page.forward_button.isEnabled()
    assert entries.comment.toPlainText() == ""
    returned = [row for row in entries.rows if row.review_state == ReviewState.RETURNED]
    assert [row.last_comment for row in returned] == ["完成值与佐证材料不符，请核实后重报"]

    qtbot.mouseClick(entries.accept_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)

    assert page.packages[0].review == {"accepted": 3}
    assert page.packages[0].forward_state == WAITING
    assert page.forward_button.isEnabled()


def test_verify_again_flags_damaged_original(qtbot: QtBot, county: Store, merged: Path,
                                             host: HostWindow) -> None:
    page = host.page
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    package_id = page.packages[0].package_id
    assert page.checks[package_id][0] is True

    original = page.packages[0].original
    original.write_bytes(original.read_bytes()[:-500])
    page.table.selectRow(0)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)

    is_valid, reason = page.checks[package_id]
    assert is_valid is False
    assert reason
    assert reason in page.table.item(0, relay_page.SIGNATURE).text()


def test_cancel_forward_writes_nothing(qtbot: QtBot, county: Store, merged: Path,
                                       host: HostWindow, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       messages: list[str]) -> None:
    real_build = relay_page.build_bundle

    def build_after_cancel(*args: Any, **kwargs: Any) -> Any:
        cancel: threading.Event = args[5]
        assert cancel.wait(TIMEOUT_MS / 1000)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(relay_page, "build_bundle", build_after_cancel)
    target = tmp_path / "cancelled.mlcb"
    page = host.page
    worker = page.forward(target)
    assert host.job_progress.isVisible()

    with qtbot.waitSignal(worker.cancelled, timeout=TIMEOUT_MS):
        qtbot.mouseClick(host.job_progress.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)

    assert not target.exists()
    assert page.packages[0].forward_state == WAITING
    assert len(messages) == 1


def test_enrolment_bundle_has_no_packages(qtbot: QtBot, city: City, county: Store,
                                          host: HostWindow, tmp_path: Path,
                                          messages: list[str]) -> None:
    target = tmp_path / "enrol.mlcb"

    worker = host.page.forward(target, enrol=True)
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS):
        pass

    assert unpack_bundle(city.store, target, city.unlocked).files == ()
    assert messages
    assert host.page.key_session.keys() is not None
    assert host.page.key_session.keys().signing_fingerprint in messages[-1]


def test_city_window_opens_bundle(qtbot: QtBot, city: City, merged: Path, host: HostWindow,
                                  tmp_path: Path, isolated_settings: Path) -> None:
    target = tmp_path / "临平区.mlcb"
    worker = host.page.forward(target)
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS):
        pass
    window = OfficeWindow(city.store)
    qtbot.addWidget(window)
    assert window.key_session is not None
    window.key_session.unlock_with(PASSPHRASE)

    window.open_package_file(target)

    qtbot.waitUntil(lambda: window.pages.is_built("inbox_page"), timeout=TIMEOUT_MS)
    inbox = window.pages["inbox_page"]
    qtbot.waitUntil(lambda: len(inbox.rows) == 1 and inbox.rows[0].state == "ready",
                    timeout=TIMEOUT_MS)
    assert inbox.rows[0].path.read_bytes() == merged.read_bytes()
    assert inbox.rows[0].result.preview.counts["new"] == 3
