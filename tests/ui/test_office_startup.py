"""The office window appears before its data folder is open, which then opens off the GUI thread."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import text

from meili_desktop.services.backups import create_backup, list_backups
from meili_desktop.services.identity import Role
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.single_instance import SingleInstance
from meili_desktop.store import datafolder
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.migrate import DatabaseTooNewError
from meili_desktop.ui.activation import attach_main_window
from meili_desktop.ui.file_drop import PackageDropFilter
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.window import PAGE_MODULES, PAGE_TITLES, OfficeWindow
from meili_desktop.ui.startup import (
    DATABASE_FILE_NAME,
    OFFICE_ROLES,
    load_data_folder,
    peek_role,
)
from tests.reports.report_support import open_office_store, seed_report_data
from tests.ui.test_open_failure import damage_database

ROOT = Path(__file__).resolve().parents[2]
NAMES = [module.rsplit(".", 1)[-1] for module in PAGE_MODULES]

# Starts the program as ``python -m meili_desktop --data-dir DIR`` does and prints, as JSON,
# what the office window showed at the event loop's first pass and once its data was ready.
START_PROGRAM = textwrap.dedent("""
    import json, sys
    from meili_desktop.cli import main
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication(sys.argv[:1])
    report = {"dialogs": [], "texts": []}

    def record_dialog(*args, **kwargs):
        report["dialogs"].append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Ok

    QMessageBox.critical = record_dialog
    QMessageBox.warning = record_dialog
    QMessageBox.exec = lambda self: (report["dialogs"].append(self.objectName())
                                     or report["texts"].append(self.text()) or 0)

    def office_window():
        return next((widget for widget in QApplication.topLevelWidgets()
                     if widget.objectName() == "officeWindow"), None)

    def ready():
        window = office_window()
        report["ready"] = {
            "built": [name for name in window.pages if window.pages.is_built(name)],
            "status": window.statusBar().currentMessage(),
        }
        app.quit()

    def first_pass():
        window = office_window()
        report["windows"] = [widget.objectName() for widget in QApplication.topLevelWidgets()
                             if widget.isVisible() and widget.objectName()]
        if window is None:
            app.quit()
            return
        report["first_pass"] = {
            "visible": window.isVisible(),
            "has_store": window.store is not None,
            "tabs": window.tabs.count(),
            "status": window.statusBar().currentMessage(),
        }
        window.data_ready.connect(ready)
        if window.store is not None:
            ready()

    QTimer.singleShot(0, first_pass)
    QTimer.singleShot(60000, lambda: app.exit(9))
    report["status"] = main(["--data-dir", sys.argv[1]])
    print(json.dumps(report, ensure_ascii=False))
""")


@pytest.fixture
def office_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "市 办公室"
    store = open_office_store(folder)
    seed_report_data(store)
    store.dispose()
    return folder


@pytest.fixture
def store(office_dir: Path) -> Iterator[Store]:
    opened = open_store(office_dir)
    try:
        yield opened
    finally:
        opened.dispose()


def run_program(data_dir: Path, prelude: str = "") -> dict:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8",
                   "QT_QPA_PLATFORM": "offscreen",
                   "XDG_CONFIG_HOME": str(data_dir.parent / "settings")}
    completed = subprocess.run(
        [sys.executable, "-c", prelude + START_PROGRAM, str(data_dir)], cwd=ROOT,
        capture_output=True, text=True, encoding="utf-8", timeout=120, env=environment)
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


# --- reading the role ----------------------------------------------------------------------


def test_peek_role_of_office(office_dir: Path) -> None:
    assert peek_role(office_dir, None) == Role.CITY.value


def test_peek_role_without_database(tmp_path: Path) -> None:
    assert peek_role(tmp_path / "new", None) is None


def test_peek_role_with_database_url(office_dir: Path) -> None:
    assert peek_role(office_dir, "postgresql+psycopg://meili@127.0.0.1/office") is None


def test_peek_role_before_first_run(tmp_path: Path) -> None:
    open_store(tmp_path / "new").dispose()

    assert peek_role(tmp_path / "new", None) is None


def test_peek_role_of_damaged_file(tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / DATABASE_FILE_NAME).write_bytes(b"PK\x03\x04 not a database" * 50)

    assert peek_role(folder, None) is None


def test_database_file_names_agree() -> None:
    assert DATABASE_FILE_NAME == datafolder.DATABASE_FILE_NAME


def test_office_roles_agree() -> None:
    assert OFFICE_ROLES == {Role.COUNTY.value, Role.CITY.value}


# --- the window without and with its store ---------------------------------------------------


def test_page_titles_match_modules() -> None:
    for module_name in PAGE_MODULES:
        module = importlib.import_module(module_name)
        assert PAGE_TITLES[module_name] == module.PAGE_TITLE, module_name


def test_shell_builds_no_page(qtbot) -> None:
    window = OfficeWindow(None)
    qtbot.addWidget(window)

    window.tabs.setCurrentIndex(NAMES.index("summary_page"))

    assert window.tabs.count() == len(NAMES)
    assert all(window.tabs.tabText(index) for index in range(window.tabs.count()))
    assert not any(window.pages.is_built(name) for name in NAMES)
    assert window.statusBar().currentMessage()
    with pytest.raises(RuntimeError):
        window.pages["inbox_page"]


def test_attach_store_builds_current_page(qtbot, store: Store) -> None:
    window = OfficeWindow(None)
    qtbot.addWidget(window)
    index = NAMES.index("summary_page")
    window.tabs.setCurrentIndex(index)

    with qtbot.waitSignal(window.data_ready, timeout=5000):
        window.attach_store(store)

    holder = window.tabs.widget(index)
    assert [name for name in NAMES if window.pages.is_built(name)] == ["summary_page"]
    qtbot.waitUntil(lambda: holder.findChild(QWidget, "summary_pagePlaceholder") is None)
    assert window.tabs.widget(index).isAncestorOf(window.pages["summary_page"])
    assert window.statusBar().currentMessage() == ""
    assert window.key_session is not None


def test_files_wait_for_store(qtbot, store: Store, monkeypatch: pytest.MonkeyPatch,
                              tmp_path: Path) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(InboxPage, "open_package_file", lambda page, path: opened.append(path))
    window = OfficeWindow(None)
    qtbot.addWidget(window)
    package = tmp_path / "report.mlbz"

    window.open_package_file(package)
    waited = list(opened)
    window.attach_store(store)

    assert waited == []
    assert opened == [package]
    assert window.tabs.currentIndex() == NAMES.index("inbox_page")


def test_drops_accepted_once_ready(qtbot, store: Store, tmp_path: Path) -> None:
    window = OfficeWindow(None)
    qtbot.addWidget(window)
    instance = SingleInstance(tmp_path / "lock")
    assert instance.acquire()
    try:
        attach_main_window(window, instance)
        before = window.findChildren(PackageDropFilter)
        window.attach_store(store)
        after = window.findChildren(PackageDropFilter)
    finally:
        instance.release()

    assert before == []
    assert len(after) == 1


# --- opening the data folder -----------------------------------------------------------------


def test_load_data_folder_opens_store(office_dir: Path) -> None:
    loaded = load_data_folder(office_dir, None, ["meili_desktop.ui.office.summary_page"])
    try:
        with loaded.store.engine.connect() as connection:
            role = connection.execute(text("SELECT value FROM meta WHERE key = 'role'"))
            assert role.scalar_one() == Role.CITY.value
        assert loaded.suite_failures == {}
    finally:
        loaded.store.dispose()


def test_load_data_folder_too_new(office_dir: Path) -> None:
    store = open_store(office_dir)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.dispose()

    with pytest.raises(DatabaseTooNewError):
        load_data_folder(office_dir, None)


# --- the whole start, in a process of its own ------------------------------------------------


def test_window_before_data(office_dir: Path) -> None:
    report = run_program(office_dir)

    assert report["status"] == 0
    assert report["first_pass"]["visible"] is True
    assert report["first_pass"]["tabs"] == len(NAMES)
    assert report["ready"]["built"] == ["inbox_page"]
    assert report["ready"]["status"] == ""
    assert report["dialogs"] == []


def test_township_opens_data_first(tmp_path: Path) -> None:
    folder = tmp_path / "镇 数据"
    store = open_store(folder)
    setup_provisional_township(store, "临平区", "塘栖镇")
    store.dispose()

    report = run_program(folder)

    assert report["status"] == 0
    assert report["windows"] == ["townshipWindow"]
    assert report["dialogs"] == []


def test_too_new_database_reported(office_dir: Path) -> None:
    store = open_store(office_dir)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.dispose()

    report = run_program(office_dir)

    assert report["status"] == DatabaseTooNewError.exit_code
    assert report["first_pass"]["visible"] is True
    assert "ready" not in report
    assert report["dialogs"] == ["openFailureDialog"]
    assert "9999" in report["texts"][0]


def test_damaged_database_restored_at_start(office_dir: Path) -> None:
    create_backup(office_dir, "daily")
    damage_database(office_dir / DATABASE_FILE_NAME)
    # The clerk chooses "Restore from Backup…", then the newest backup, and confirms. Only the
    # dialog's own queued signals are delivered: an event loop would also run the report's
    # first pass, which is queued the same way, before the window exists.
    prelude = textwrap.dedent("""
        from PySide6.QtCore import QCoreApplication, QEvent
        from meili_desktop.ui.backup_dialog import BackupDialog
        from meili_desktop.ui.open_failure import OpenFailureDialog
        from meili_desktop.ui.workers import write_pool

        def choose_restore(dialog):
            dialog.restore_button.click()
            return 0

        def restore_newest(dialog):
            dialog.table.selectRow(0)
            dialog.restore_button.click()
            write_pool().waitForDone(30000)
            QCoreApplication.sendPostedEvents(dialog, QEvent.Type.MetaCall)
            return 0

        OpenFailureDialog.exec = choose_restore
        BackupDialog.exec = restore_newest
        BackupDialog.confirm_restore = lambda dialog, backup: True
    """)

    report = run_program(office_dir, prelude)

    assert report["status"] == 0
    assert report["windows"] == ["officeWindow"]
    assert report["ready"]["built"] == ["inbox_page"]
    assert report["dialogs"] == []
    reasons = [backup.reason for backup in list_backups(office_dir)]
    assert "pre-restore" in reasons


def test_crash_while_opening_reported(office_dir: Path) -> None:
    prelude = textwrap.dedent("""
        import meili_desktop.ui.startup as startup
        def broken_load(*args, **kwargs):
            raise RuntimeError("broken on purpose")
        startup.load_data_folder = broken_load
    """)

    report = run_program(office_dir, prelude)

    assert report["status"] == 1
    assert report["dialogs"] == ["crashDialog"]
    assert "ready" not in report


def test_shell_imports_no_database_libraries() -> None:
    program = textwrap.dedent("""
        import json, sys
        import meili_desktop.cli, meili_desktop.app
        from PySide6 import QtCore
        from PySide6.QtWidgets import QApplication
        from meili_desktop.ui.office.window import OfficeWindow
        app = QApplication([])
        window = OfficeWindow(None)
        window.show()
        heavy = ("sqlalchemy", "alembic", "openpyxl", "reportlab", "PySide6.QtCharts")
        print(json.dumps({
            "heavy": sorted({name for name in sys.modules if name.startswith(heavy)}),
            "qt_namespace_built": "Qt" in QtCore.__dict__,
        }))
    """)

    completed = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                               text=True, timeout=120, check=True,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    report = json.loads(completed.stdout.strip().splitlines()[-1])

    assert report["heavy"] == []
    # The first use of ``Qt`` (an alignment flag, or QAction.setShortcut) builds all of its
    # enums, about 15 ms that the shell's start should not pay.
    assert report["qt_namespace_built"] is False
