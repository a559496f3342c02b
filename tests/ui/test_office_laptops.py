"""The office screens for a conflict between two laptops of one township."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.services import merge
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.conflicts_page import ConflictsPage
from meili_desktop.ui.office.preview_dialog import PreviewDialog
from tests.services.merge_support import entry_record, make_package, open_office_store
from tests.ui.page_helpers import wait_until_loaded

LAPTOP_ONE = "31415 92653 58979 32384 62643 38327 95028 84197"
LAPTOP_TWO = "27182 81828 45904 52353 60287 47135 26624 97757"
TIMEOUT_MS = 30000


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    store = open_office_store(tmp_path / "office 数据")
    yield store
    store.dispose()


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


def from_laptop(fingerprint: str, records: list[dict[str, Any]],
                sequence: int) -> IncomingPackage:
    return replace(make_package(records, sequence=sequence), sender_fingerprint=fingerprint)


def test_preview_notes_other_laptop(qtbot: QtBot, office: Store) -> None:
    merge.merge(office, from_laptop(LAPTOP_ONE, [entry_record(value="70")], 1))
    package = from_laptop(LAPTOP_TWO, [entry_record(value="75")], 1)

    dialog = PreviewDialog(office, package, merge.preview(office, package), "五常街道")
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.warning.isVisible()
    assert "another laptop" in dialog.warning.text()
    assert LAPTOP_TWO in dialog.summary.text()
    assert dialog.table.item(0, 3).text() == \
        "Another laptop of this township wrote different content"
    with qtbot.waitSignal(dialog.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def test_conflict_page_names_both_laptops(qtbot: QtBot, office: Store) -> None:
    merge.merge(office, from_laptop(LAPTOP_ONE, [entry_record(value="70", revision=2)], 1))
    merge.merge(office, from_laptop(LAPTOP_TWO, [entry_record(value="75", revision=1)], 1))

    page = ConflictsPage(office)
    qtbot.addWidget(page)
    page.resize(1300, 720)
    page.show()
    wait_until_loaded(qtbot, page)

    title = page.title.text()
    assert f"Office: from laptop key {LAPTOP_ONE}, revision 2." in title
    assert f"Township: laptop key {LAPTOP_TWO}, revision 1." in title
    differing = [row.name for row in page.field_rows if row.differs]
    assert differing == ["value"]


def test_conflict_page_office_decided_side(qtbot: QtBot, office: Store) -> None:
    from meili_desktop.domain.conflicts import FieldChoice, FieldDecision
    from meili_desktop.services import conflicts

    merge.merge(office, from_laptop(LAPTOP_ONE, [entry_record(value="70")], 1))
    merge.merge(office, from_laptop(LAPTOP_TWO, [entry_record(value="75")], 1))
    first = conflicts.list_items(office, kind="conflict")[0]
    conflicts.resolve(office, first.id, [FieldDecision("value", FieldChoice.EDIT, "72")],
                      actor="clerk1")
    merge.merge(office, from_laptop(LAPTOP_TWO, [entry_record(value="76", revision=2)], 2))

    page = ConflictsPage(office)
    qtbot.addWidget(page)
    page.show()
    wait_until_loaded(qtbot, page)

    assert "Office: decided by the office" in page.title.text()
    assert f"Township: laptop key {LAPTOP_TWO}, revision 2." in page.title.text()
