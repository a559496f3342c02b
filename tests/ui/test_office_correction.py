"""The review page: the office corrects a merged entry and exports a township's evidence.

Set MEILI_SCREENSHOT_DIR to a folder to keep renderings of the dialog there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from meili_desktop.i18n import install_translators
from meili_desktop.messages import describe
from meili_desktop.services import merge
from meili_desktop.services.evidence_export import NoEvidenceError
from meili_desktop.services.office_corrections import CorrectionEntryChangedError
from meili_desktop.store import models
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.correction_dialog import CorrectionDialog
from meili_desktop.ui.office.review_page import ReviewPage
from meili_desktop.ui.progress import JobProgressWidget
from tests.services.merge_support import (
    PERCENT_TASK,
    PERIOD,
    TOWN_A,
    entry_record,
    evidence_file,
    make_package,
    open_office_store,
    stored_entry,
)
from tests.ui.page_helpers import wait_until_loaded
from tests.ui.test_office_review_pages import show, type_text

TIMEOUT_MS = 30000


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    merge.merge(store, make_package([entry_record(revision=3, value="70")], sequence=1))
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def screenshot_language(qapp: QApplication) -> None:
    """Render the kept screenshots in Chinese, as the clerks see them."""
    if os.environ.get("MEILI_SCREENSHOT_DIR"):
        install_translators(qapp, "zh_CN")


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: texts.append(text))
    return texts


def keep_rendering(dialog: QDialog, name: str) -> None:
    folder = os.environ.get("MEILI_SCREENSHOT_DIR")
    if folder:
        dialog.adjustSize()
        dialog.grab().save(str(Path(folder) / name))


def choose_entry(qtbot: QtBot, office: Store) -> ReviewPage:
    page = show(qtbot, ReviewPage(office))
    assert isinstance(page, ReviewPage)
    row = next(index for index, item in enumerate(page.rows)
               if item.key.unit_id == TOWN_A and item.key.task_number == PERCENT_TASK)
    page.table.selectRow(row)
    assert page.correct_button.isEnabled()
    return page


def drive_dialog(monkeypatch: pytest.MonkeyPatch,
                 fill: Callable[[CorrectionDialog], None]) -> list[CorrectionDialog]:
    """Replace the modal loop: fill the shown dialog, then return what a clerk's click gives."""
    opened: list[CorrectionDialog] = []

    def run(dialog: CorrectionDialog) -> int:
        opened.append(dialog)
        dialog.show()
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(CorrectionDialog, "exec", run)
    return opened


def test_correction_saved_as_office(qtbot: QtBot, office: Store,
                                           monkeypatch: pytest.MonkeyPatch,
                                           messages: list[str]) -> None:
    def fill(dialog: CorrectionDialog) -> None:
        assert dialog.value_edit.text() == "70"
        assert not dialog.save_button().isEnabled()
        dialog.value_edit.clear()
        type_text(dialog.value_edit, "７２．５％")
        dialog.person_edit.clear()
        type_text(dialog.person_edit, "李娜")
        type_text(dialog.reason_edit, "乡镇台账为72.5%")
        assert dialog.save_button().isEnabled()
        keep_rendering(dialog, "office-correction.png")
        dialog.save_button().click()

    opened = drive_dialog(monkeypatch, fill)
    page = choose_entry(qtbot, office)

    page.correct_button.click()

    assert len(opened) == 1
    qtbot.waitUntil(lambda: (stored_entry(office) or models.Entry()).value == "72.5",
                    timeout=TIMEOUT_MS)
    row = stored_entry(office)
    assert row is not None
    assert row.origin == "office"
    assert row.responsible_person == "李娜"
    assert row.revision == 3
    with office.session_factory() as session:
        event = session.scalar(select(models.AuditEvent).where(
            models.AuditEvent.action == "entry.office_changed"))
    assert event is not None
    assert event.details["reason"] == "乡镇台账为72.5%"
    assert event.details["old"]["value"] == "70"
    assert messages == []


def test_bad_value_keeps_dialog_open(qtbot: QtBot, office: Store,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(dialog: CorrectionDialog) -> None:
        dialog.value_edit.clear()
        type_text(dialog.value_edit, "约七成")
        type_text(dialog.reason_edit, "核实")
        dialog.save_button().click()
        assert dialog.isVisible()
        assert dialog.problem.isVisible()
        assert "约七成" in dialog.problem.text()
        keep_rendering(dialog, "office-correction-bad-value.png")
        dialog.reject()

    opened = drive_dialog(monkeypatch, fill)
    page = choose_entry(qtbot, office)

    page.correct_button.click()

    assert len(opened) == 1
    row = stored_entry(office)
    assert row is not None
    assert row.value == "70"
    assert row.origin != "office"


def test_changed_entry_rejected(qtbot: QtBot, office: Store,
                                            monkeypatch: pytest.MonkeyPatch,
                                            messages: list[str]) -> None:
    def fill(dialog: CorrectionDialog) -> None:
        # The township's newer report arrives while the clerk types.
        merge.merge(office, make_package([entry_record(revision=4, value="75")], sequence=2))
        dialog.value_edit.clear()
        qtbot.keyClicks(dialog.value_edit, "72")
        type_text(dialog.reason_edit, "核实")
        dialog.save_button().click()

    drive_dialog(monkeypatch, fill)
    page = choose_entry(qtbot, office)

    page.correct_button.click()

    qtbot.waitUntil(lambda: bool(messages), timeout=TIMEOUT_MS)
    assert messages == [describe(CorrectionEntryChangedError(
        unit=TOWN_A, task=PERCENT_TASK, period=PERIOD))]
    row = stored_entry(office)
    assert row is not None
    assert row.value == "75"


def test_evidence_export_from_review_page(qtbot: QtBot, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          messages: list[str]) -> None:
    office = open_office_store(tmp_path / "office 证据")
    reference, path = evidence_file(tmp_path / "incoming", b"%PDF-1.4 " + b"x" * 300_000)
    merge.merge(office, make_package([entry_record(attachments=[reference])],
                                     attachments={reference["sha256"]: path}))
    target = tmp_path / "导出 文件夹"
    target.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(target))
    window = QMainWindow()
    window.job_progress = JobProgressWidget(window)  # type: ignore[attr-defined]
    window.statusBar().addPermanentWidget(window.job_progress)  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    page = ReviewPage(office, window)
    window.setCentralWidget(page)
    window.show()
    wait_until_loaded(qtbot, page)
    page.table.selectRow(0)
    progress: list[tuple[int, int]] = []
    monkeypatch.setattr(JobProgressWidget, "_on_progress",
                        lambda self, done, total: progress.append((done, total)))

    page.evidence_button.click()

    qtbot.waitUntil(lambda: bool(messages), timeout=TIMEOUT_MS)
    written = list(target.rglob("*.pdf"))
    assert [file.name for file in written] == ["13_验收单.pdf"]
    assert written[0].read_bytes() == path.read_bytes()
    assert progress
    assert progress[-1] == (path.stat().st_size, path.stat().st_size)
    assert str(written[0].parent) in messages[0]
    office.dispose()


def test_evidence_export_without_files(qtbot: QtBot, office: Store, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       messages: list[str]) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(tmp_path))
    page = choose_entry(qtbot, office)

    page.evidence_button.click()

    # The job reports its failure before it gives the button back, so wait for both.
    qtbot.waitUntil(lambda: bool(messages) and page.evidence_button.isEnabled(),
                    timeout=TIMEOUT_MS)
    assert messages == [describe(NoEvidenceError(unit="五常街道", period=PERIOD))]
