"""Exporting evidence files from the township window: one task's, or the whole period's.

The folder dialog and the message boxes are replaced, so nothing blocks. The files are real
evidence in a real data folder, and the exported copies are compared byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.domain.entries import EntryKey
from meili_desktop.i18n import install_translators
from meili_desktop.services import entries
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo, models
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.window import TownshipWindow
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]

PERIOD = "2021Q2"
UNIT = "330110102"
TIMEOUT_MS = 20_000


@pytest.fixture(autouse=True)
def chinese_interface() -> Iterator[None]:
    app = QApplication.instance()
    install_translators(app, "zh_CN")
    yield
    install_translators(app, "zh_CN")


@pytest.fixture
def store(data_dir: Path, isolated_settings: Path, tmp_path: Path) -> Iterator[Store]:
    """塘栖镇 with two evidence files on task 13 (one named ``CON.jpg``) and one on task 14."""
    opened = open_store(data_dir)
    setup_provisional_township(opened, "临平区", "塘栖镇")
    sources = tmp_path / "来源"
    sources.mkdir()
    for number, name, color in ((13, "验收 照片.jpg", "#7cb342"), (13, "CON.jpg", "#1e88e5"),
                                (14, "结对名单.pdf", None)):
        path = sources / name
        if color is None:
            path.write_bytes(b"%PDF-1.4 list")
        else:
            image = QImage(80, 60, QImage.Format.Format_RGB32)
            image.fill(QColor(color))
            assert image.save(str(path))
        entries.attach_evidence(opened, EntryKey(UNIT, number, PERIOD), path, max_mb=5)
    yield opened
    opened.dispose()


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> TownshipWindow:
    opened = TownshipWindow(store)
    qtbot.addWidget(opened)
    opened.resize(1280, 800)
    opened.show()
    qtbot.waitExposed(opened)
    opened.set_period(PERIOD)
    return opened


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list[str]]:
    """Make the folder dialog return ``tmp_path/导出``; record its titles and the messages."""
    target = tmp_path / "导出"
    target.mkdir()
    recorded: dict[str, list[str]] = {"folder_titles": [], "information": [], "warning": []}

    def choose_folder(_parent: object, title: str, _start: str) -> str:
        recorded["folder_titles"].append(title)
        return str(target)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_folder)
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *_args,
                            kind=kind: recorded[kind].append(text))
    return recorded


def source_bytes(tmp_path: Path, name: str) -> bytes:
    return (tmp_path / "来源" / name).read_bytes()


def exported_files(tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / "导出" / f"塘栖镇_{UNIT}" / PERIOD
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def test_task_evidence_exported(qtbot: QtBot, window: TownshipWindow, tmp_path: Path,
                                dialogs: dict[str, list[str]]) -> None:
    window.open_task(13)
    button = window.form.evidence.export_button
    assert button.isEnabled()
    assert button.text() == "导出…"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs["information"]), timeout=TIMEOUT_MS)

    assert dialogs["folder_titles"] == ["导出第 13 项任务的佐证材料"]
    # CON is a reserved device name on Windows, so the task prefix keeps the copy usable.
    assert exported_files(tmp_path) == {"13_验收 照片.jpg": source_bytes(tmp_path, "验收 照片.jpg"),
                                        "13_CON.jpg": source_bytes(tmp_path, "CON.jpg")}
    assert "2 个佐证材料" in dialogs["information"][0]
    assert str(tmp_path / "导出") in dialogs["information"][0]
    assert dialogs["warning"] == []
    if os.environ.get("MEILI_SCREENSHOTS"):
        window.grab().save(str(Path(os.environ["MEILI_SCREENSHOTS"]) / "evidence-export.png"))


def test_period_evidence_from_menu(qtbot: QtBot, window: TownshipWindow, tmp_path: Path,
                                   dialogs: dict[str, list[str]]) -> None:
    window.export_evidence_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["information"]), timeout=TIMEOUT_MS)

    assert sorted(exported_files(tmp_path)) == ["13_CON.jpg", "13_验收 照片.jpg",
                                                "14_结对名单.pdf"]
    assert "3 个佐证材料" in dialogs["information"][0]


def test_no_evidence_no_export(window: TownshipWindow, dialogs: dict[str, list[str]]) -> None:
    window.open_task(15)

    assert window.form.evidence.list.count() == 0
    assert not window.form.evidence.export_button.isEnabled()


def test_cancelled_dialog_exports_nothing(window: TownshipWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: "")

    assert window.export_evidence(13) is None
    assert not (tmp_path / "导出").exists()


def test_closed_period_still_exports(qtbot: QtBot, store: Store, tmp_path: Path,
                                     dialogs: dict[str, list[str]]) -> None:
    """A closed period takes no changes, but its evidence can still be opened and exported."""
    with store.session_factory.begin() as session:
        session.get(models.Period, PERIOD).state = "closed"
        session.add(models.ReviewComment(unit_id=UNIT, task_number=14, period_code=PERIOD,
                                         action="return", text="请补充结对名单",
                                         entry_revision=0, created_at=entries_repo.utc_now()))
    window = TownshipWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_period(PERIOD)
    window.open_task(13)
    evidence = window.form.evidence
    evidence.list.setCurrentRow(0)

    assert window.form.closed_banner.isVisible()
    assert not evidence.add_button.isEnabled()
    assert not evidence.remove_button.isEnabled()
    assert not evidence.rename_button.isEnabled()
    assert evidence.open_button.isEnabled()
    assert evidence.export_button.isEnabled()

    qtbot.mouseClick(evidence.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs["information"]), timeout=TIMEOUT_MS)

    assert len(exported_files(tmp_path)) == 2
