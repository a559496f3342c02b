"""The office inbox with real report packages: key approval, preview, merge and failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meili_desktop.services.packages import export_report_package
from meili_desktop.store import keys_repo, models
from meili_desktop.ui.office import inbox_page
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.key_dialog import KeyDecisionDialog
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from meili_desktop.ui.period_names import period_name
from tests.services.package_chain import PASSPHRASE, City, fill_entries, make_city, make_township

PERIOD = "2021Q2"
TIMEOUT_MS = 60000


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def report_file(city: City, tmp_path: Path) -> Path:
    store, unit_id = make_township(city, tmp_path)
    evidence = tmp_path / "验收 照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"photo" * 2000)
    fill_entries(store, unit_id, PERIOD, evidence)
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    path = export_report_package(store, outbox).path
    store.dispose()
    return path


@pytest.fixture
def page(qtbot: QtBot, city: City) -> InboxPage:
    widget = InboxPage(city.store)
    widget.key_session.unlock_with(PASSPHRASE)
    qtbot.addWidget(widget)
    widget.resize(1300, 500)
    widget.show()
    return widget


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record message boxes instead of blocking on them."""
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


@pytest.fixture
def key_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer every key prompt with "approve" and record the fingerprints shown."""
    shown: list[str] = []

    def approve(dialog: KeyDecisionDialog) -> int:
        shown.append(dialog.fingerprint_label.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KeyDecisionDialog, "exec", approve)
    return shown


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> list[PreviewDialog]:
    """Open preview dialogs without blocking; the test drives them."""
    opened: list[PreviewDialog] = []

    def show(dialog: PreviewDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        opened.append(dialog)
        return 0

    monkeypatch.setattr(PreviewDialog, "exec", show)
    return opened


def test_new_key_approved_then_merged(qtbot: QtBot, page: InboxPage, city: City,
                                      report_file: Path, key_answers: list[str],
                                      previews: list[PreviewDialog]) -> None:
    page.add_paths([report_file])
    row = page.rows[0]
    qtbot.waitUntil(lambda: row.state == "ready", timeout=TIMEOUT_MS)

    assert len(key_answers) == 1
    assert len(key_answers[0].split()) == 8
    assert "塘栖镇" in page.table.item(0, inbox_page.SENDER).text()
    assert page.table.item(0, inbox_page.FINGERPRINT).text() == key_answers[0]
    assert page.table.item(0, inbox_page.PERIODS).text() == period_name(PERIOD)
    with city.store.session_factory() as session:
        statuses = session.scalars(select(models.Key.status)
                                   .where(models.Key.fingerprint == key_answers[0])).all()
    assert statuses == [keys_repo.APPROVED]

    page.select_row(0)
    qtbot.mouseClick(page.preview_button, _left())
    dialog = previews[0]
    assert dialog.preview.counts["new"] == 3
    assert dialog.table.rowCount() == 3
    with qtbot.waitSignal(dialog.merged, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.merge_button, _left())

    qtbot.waitUntil(lambda: row.state == "merged", timeout=TIMEOUT_MS)
    assert row.merged is not None
    assert row.merged.counts["new"] == 3
    with city.store.session_factory() as session:
        assert len(session.scalars(select(models.Entry)).all()) == 3


def test_same_file_added_twice_listed_once(qtbot: QtBot, page: InboxPage, report_file: Path,
                                           key_answers: list[str]) -> None:
    page.add_paths([report_file, report_file.parent])
    page.add_paths([report_file])

    assert len(page.rows) == 1
    qtbot.waitUntil(lambda: page.rows[0].state == "ready", timeout=TIMEOUT_MS)


def test_merged_package_shows_duplicate(qtbot: QtBot, page: InboxPage, report_file: Path,
                                        key_answers: list[str], previews: list[PreviewDialog],
                                        tmp_path: Path) -> None:
    page.add_paths([report_file])
    qtbot.waitUntil(lambda: page.rows[0].state == "ready", timeout=TIMEOUT_MS)
    page.select_row(0)
    page.preview_selected()
    with qtbot.waitSignal(previews[0].merged, timeout=TIMEOUT_MS):
        previews[0].start_merge()
    copy = tmp_path / "再次发送.mlrp"
    copy.write_bytes(report_file.read_bytes())

    page.add_paths([copy])

    qtbot.waitUntil(lambda: page.rows[1].state == "duplicate", timeout=TIMEOUT_MS)
    page.select_row(1)
    assert not page.preview_button.isEnabled()
    # The counts of a package merged before were all zero and read "no entries".
    assert page.table.item(1, inbox_page.COUNTS).text() == "3 entries, merged before"


def test_empty_inbox_says_what_to_do(qtbot: QtBot, page: InboxPage, report_file: Path,
                                     key_answers: list[str]) -> None:
    assert page.empty_state.is_shown
    assert ".mlrp" in page.empty_state.detail
    page.add_paths([report_file])
    assert not page.empty_state.is_shown
    qtbot.waitUntil(lambda: page.rows[0].state == "ready", timeout=TIMEOUT_MS)
    page.select_row(0)
    page.remove_selected()
    assert page.empty_state.is_shown


def test_damaged_file_reason_and_diagnostic(qtbot: QtBot, page: InboxPage, report_file: Path,
                                            tmp_path: Path, key_answers: list[str]) -> None:
    damaged = tmp_path / "截断.mlrp"
    damaged.write_bytes(report_file.read_bytes()[:-700])

    page.add_paths([damaged])
    row = page.rows[0]
    qtbot.waitUntil(lambda: row.state == "failed", timeout=TIMEOUT_MS)
    page.select_row(0)
    qtbot.mouseClick(page.diagnostic_button, _left())

    result_text = page.table.item(0, inbox_page.RESULT).text()
    assert result_text.startswith("Rejected: ")
    assert row.result is not None and row.result.error is not None
    diagnostic = QApplication.clipboard().text()
    assert "截断.mlrp" in diagnostic
    assert row.result.error.code in diagnostic
    assert PASSPHRASE not in diagnostic
    assert "SHA-256" in diagnostic


def test_rejected_key_refuses_package(qtbot: QtBot, page: InboxPage, report_file: Path,
                                      monkeypatch: pytest.MonkeyPatch, city: City) -> None:
    from meili_desktop.ui.office.key_dialog import REJECT_KEY

    monkeypatch.setattr(KeyDecisionDialog, "exec", lambda dialog: REJECT_KEY)

    page.add_paths([report_file])
    row = page.rows[0]
    qtbot.waitUntil(lambda: row.state == "failed", timeout=TIMEOUT_MS)

    assert row.result is not None and row.result.error is not None
    assert row.result.error.code == "package.sender_key_rejected"


def _left():  # noqa: ANN202 - Qt enum
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
