"""An entry the office returned stays closed once the office locks the period.

Returning an entry opens it in a period closed for review, but locking the period afterwards
is final. The entry services, the undo stack, ``entry set`` and the template import reject
the change with the Chinese message for a locked period, and the window shows the task
read-only. ``test_closed_period`` tests the closed period itself. This module adds the lock
on top of it, through a real distribution package.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.periods import PeriodState
from meili_desktop.i18n import install_translators
from meili_desktop.services import review
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.entries import PeriodLockedError, load_entry, set_entry_fields
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.services.templates import export_template, import_template
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.township.window import TownshipWindow
from tests.services.package_chain import City
from tests.services.test_closed_period import (
    OTHER_TASK,
    PERIOD,
    RETURNED_TASK,
    city,
    township,
)
from tests.ui.township_helpers import isolated_settings

__all__ = ["city", "isolated_settings", "township"]


@pytest.fixture
def locked(city: City, township: tuple[Store, str],
           tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """The township of ``test_closed_period`` after the office also locked 2021Q2."""
    store, unit_id = township
    # The template is exported while the period is still closed, as a clerk may have done.
    export_template(store, tmp_path / "模板.xlsx", unit_id, PERIOD)
    review.set_period_state(city.store, PERIOD, PeriodState.LOCKED, actor="王科长")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "locking.mldp")
    import_distribution_package(store, tmp_path / "locking.mldp")
    yield store, unit_id


def test_services_reject_returned_entry(locked: tuple[Store, str]) -> None:
    store, unit_id = locked
    key = EntryKey(unit_id, RETURNED_TASK, PERIOD)
    catalogue = active_catalogue(store)
    before = load_entry(store, key)

    with pytest.raises(PeriodLockedError) as raised:
        set_entry_fields(store, catalogue, key, {"value": Decimal("90")})
    with pytest.raises(PeriodLockedError):
        EntryEditor(store, catalogue).set_many([(key, {"narrative": "已补充验收材料"})])

    assert raised.value.details == {"period": PERIOD}
    assert load_entry(store, key) == before


def test_cli_rejects_returned_entry_in_chinese(locked: tuple[Store, str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    store, unit_id = locked
    before = load_entry(store, EntryKey(unit_id, RETURNED_TASK, PERIOD))
    capsys.readouterr()

    status = main(["--data-dir", str(store.folder.root), "--lang", "zh_CN", "entry", "set",
                   "--task", str(RETURNED_TASK), "--period", PERIOD, "--value", "90"])
    output = capsys.readouterr()

    assert status != 0
    assert f"填报期 {PERIOD} 已被市美丽城镇办锁定" in output.err
    assert "Traceback" not in output.err
    assert load_entry(store, EntryKey(unit_id, RETURNED_TASK, PERIOD)) == before


def test_cli_closed_message_in_chinese(township: tuple[Store, str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Before the lock, a task the office did not return is rejected with its own message."""
    store, _unit_id = township
    capsys.readouterr()

    status = main(["--data-dir", str(store.folder.root), "--lang", "zh_CN", "entry", "set",
                   "--task", str(OTHER_TASK), "--period", PERIOD, "--value", "50"])
    output = capsys.readouterr()

    assert status != 0
    assert f"市美丽城镇办已将填报期 {PERIOD} 关闭审核，第 {OTHER_TASK} 项任务" in output.err
    assert "退回" in output.err


def test_template_rejects_returned_row(locked: tuple[Store, str], tmp_path: Path) -> None:
    store, unit_id = locked
    path = tmp_path / "模板.xlsx"
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = {sheet.cell(row, 1).value: row for row in range(4, sheet.max_row + 1)}
    sheet.cell(rows[RETURNED_TASK], 9).value = 95
    workbook.save(path)

    with pytest.raises(PeriodLockedError):
        import_template(store, path)

    assert load_entry(store, EntryKey(unit_id, RETURNED_TASK, PERIOD)).value == Decimal("85")


def test_window_shows_returned_task_locked(qtbot: QtBot, qapp: QApplication,
                                           locked: tuple[Store, str],
                                           isolated_settings: Path) -> None:
    install_translators(qapp, "zh_CN")
    store, _unit_id = locked
    window = TownshipWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.set_period(PERIOD)

    window.open_task(RETURNED_TASK)

    assert window.form.locked_banner.isVisible()
    assert "锁定" in window.form.locked_banner.text()
    assert not window.form.narrative_edit.isEnabled()
    assert not window.form.evidence.add_button.isEnabled()
