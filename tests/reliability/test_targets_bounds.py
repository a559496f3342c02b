"""Targets sheets near the row limit, wrong on every row: a short report, in seconds.

A targets sheet may hold up to 200,000 rows (one per task, town and year), so unlike a
template or a town list it is read to its end. Each row names a unit. The import keeps the
first :data:`MAX_KEPT_PROBLEMS` rejected rows and counts the rest. The command line lists
200 of them, and the office window lists 20 after importing off the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.cli import main
from meili_desktop.i18n import install_translators
from meili_desktop.messages.reports import MAX_LISTED_PROBLEMS
from meili_desktop.reports.xlsx_reading import MAX_KEPT_PROBLEMS
from meili_desktop.services.targets import import_targets
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.targets_page import MAX_SHOWN_PROBLEMS, TargetsPage
from tests.reliability.helpers import table_rows
from tests.reports.report_support import open_office_store

# The row limit of an imported workbook is 200,000 (xlsx_limits.WorkbookLimits).
NEAR_LIMIT_ROWS = 199_990
# On the 2-core test machine this sheet took 31 s. Before units were looked up in memory,
# each unknown name cost 12 ms (242 s for 20,000 rows), so it would have taken about 40 min.
MAX_SECONDS = 240


def unknown_towns_sheet(path: Path, rows: int) -> Path:
    """Write a targets sheet whose every row names a town that does not exist."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("目标分解")
    sheet.append(["编号", "单位", "年度", "目标值"])
    for number in range(rows):
        sheet.append([13, f"不存在镇{number}", "2021", 12])
    workbook.save(path)
    return path


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "office")
    try:
        yield opened
    finally:
        opened.dispose()


def test_problems_kept_and_counted(office: Store, tmp_path: Path) -> None:
    path = unknown_towns_sheet(tmp_path / "目标.xlsx", 1_500)
    before = table_rows(office.folder.database_file)

    result = import_targets(office, path)

    assert not result.is_applied
    assert result.problem_count == 1_500
    assert len(result.problems) == MAX_KEPT_PROBLEMS
    assert (result.problems[0].cell, result.problems[0].code) == (
        "B2", "targets_xlsx.unknown_unit")
    assert result.problems[-1].row == MAX_KEPT_PROBLEMS + 1
    assert table_rows(office.folder.database_file) == before


def test_sheet_near_row_limit_reported(office: Store, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = unknown_towns_sheet(tmp_path / "目标.xlsx", NEAR_LIMIT_ROWS)
    office.dispose()
    capsys.readouterr()

    started = time.monotonic()
    status = main(["--data-dir", str(office.folder.root), "targets", "import", "--dry-run",
                   str(path)])
    elapsed = time.monotonic() - started
    lines = capsys.readouterr().err.splitlines()

    assert status == 3
    assert elapsed < MAX_SECONDS
    # A heading, the listed rows and the line that counts the rest.
    assert len(lines) == 1 + MAX_LISTED_PROBLEMS + 1
    assert str(NEAR_LIMIT_ROWS) in lines[0]
    assert "B2" in lines[1]
    assert f"B{MAX_LISTED_PROBLEMS + 1}" in lines[-2]
    assert str(NEAR_LIMIT_ROWS - MAX_LISTED_PROBLEMS) in lines[-1]


def test_window_imports_off_gui_thread(office: Store, tmp_path: Path, qtbot: QtBot,
                                       qapp: QApplication,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    install_translators(qapp, "zh_CN")
    path = unknown_towns_sheet(tmp_path / "目标.xlsx", 1_500)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_args: messages.append(text))
    page = TargetsPage(office)
    qtbot.addWidget(page)

    page.import_file(path)
    # The call returns at once; the button stays off until the job reports.
    busy_while_running = not page.import_button.isEnabled()
    qtbot.waitUntil(lambda: bool(messages), timeout=60_000)

    assert busy_while_running
    assert page.import_button.isEnabled()
    lines = [line for line in messages[0].splitlines() if line]
    assert len(lines) == 1 + MAX_SHOWN_PROBLEMS + 1
    assert "1500" in lines[0]
    assert "不存在镇0" in lines[1]
    assert str(1_500 - MAX_SHOWN_PROBLEMS) in lines[-1]
    assert "未导入" in lines[0]
