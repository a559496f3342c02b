"""Unexpected errors: logged with the traceback, reported in a dialog, and the program goes on."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton

from meili_desktop.logs import configure_logging
from meili_desktop.ui.crash import CrashReporter, build_crash_dialog, error_signature


class ShownDialogs:
    """Records each crash dialog instead of running its modal loop."""

    def __init__(self) -> None:
        self.dialogs: list[QMessageBox] = []
        self.texts: list[str] = []
        self.parents: list[object] = []

    def exec(self, dialog: QMessageBox) -> int:
        self.dialogs.append(dialog)
        self.texts.append(dialog.informativeText())
        self.parents.append(dialog.parent())
        return 0


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> ShownDialogs:
    recorder = ShownDialogs()
    monkeypatch.setattr(QMessageBox, "exec", lambda dialog: recorder.exec(dialog))
    return recorder


@pytest.fixture
def log_file(data_dir: Path) -> Iterator[Path]:
    path = configure_logging(data_dir / "logs", to_stderr=False)
    assert path is not None
    yield path
    configure_logging(None, to_stderr=False)
    logging.getLogger().setLevel(logging.WARNING)


@pytest.fixture
def reporter(qapp, log_file: Path) -> Iterator[CrashReporter]:
    crash_reporter = CrashReporter(log_file)
    crash_reporter.install()
    yield crash_reporter
    crash_reporter.uninstall()


@pytest.fixture
def window(qtbot) -> QMainWindow:
    main_window = QMainWindow()
    main_window.setObjectName("mainWindow")
    button = QPushButton("go", main_window)
    button.setObjectName("failingButton")
    main_window.setCentralWidget(button)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def failing_slot() -> None:
    raise ZeroDivisionError("总分 divided by 0 in the summary")


def test_slot_error_logged_with_traceback(qtbot, reporter: CrashReporter, shown: ShownDialogs,
                                          window: QMainWindow, log_file: Path) -> None:
    button = window.findChild(QPushButton, "failingButton")
    button.clicked.connect(failing_slot)

    with qtbot.waitSignal(reporter.error_logged, timeout=3000):
        button.click()

    text = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ZeroDivisionError: 总分 divided by 0 in the summary" in text
    assert "failing_slot" in text


def test_dialog_names_log_file(qtbot, reporter: CrashReporter, shown: ShownDialogs,
                               window: QMainWindow, log_file: Path) -> None:
    button = window.findChild(QPushButton, "failingButton")
    button.clicked.connect(failing_slot)

    button.click()
    qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)

    assert str(log_file) in shown.texts[0]


def test_program_keeps_running(qtbot, reporter: CrashReporter, shown: ShownDialogs,
                               window: QMainWindow) -> None:
    button = window.findChild(QPushButton, "failingButton")
    button.clicked.connect(failing_slot)
    quit_requests: list[bool] = []
    QApplication.instance().aboutToQuit.connect(lambda: quit_requests.append(True))

    button.click()
    qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    qtbot.wait(50)

    assert window.isVisible()
    assert shown.parents[0] is window
    assert quit_requests == []


def test_repeated_error_shown_once(qtbot, reporter: CrashReporter, shown: ShownDialogs,
                                   window: QMainWindow) -> None:
    button = window.findChild(QPushButton, "failingButton")
    button.clicked.connect(failing_slot)

    for _ in range(3):
        with qtbot.waitSignal(reporter.error_logged, timeout=3000):
            button.click()
    qtbot.wait(50)

    assert len(shown.dialogs) == 1
    assert reporter.suppressed_count == 2


def test_error_during_dialog_only_logged(qtbot, reporter: CrashReporter,
                                         monkeypatch: pytest.MonkeyPatch,
                                         window: QMainWindow, log_file: Path) -> None:
    nested: list[int] = []

    def exec_raising_again(dialog: QMessageBox) -> int:
        nested.append(1)
        if len(nested) == 1:
            try:
                raise KeyError("second error while the dialog is open")
            except KeyError as error:
                reporter.handle_exception(KeyError, error, error.__traceback__)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_raising_again)
    QTimer.singleShot(0, failing_slot)

    qtbot.waitUntil(lambda: reporter.suppressed_count == 1, timeout=3000)

    assert nested == [1]
    assert "second error while the dialog is open" in log_file.read_text(encoding="utf-8")


def test_thread_error_reported_on_gui_thread(qtbot, reporter: CrashReporter,
                                             shown: ShownDialogs, window: QMainWindow,
                                             log_file: Path) -> None:
    def work() -> None:
        raise RuntimeError("worker thread failed on 佐证材料.pdf")

    thread = threading.Thread(target=work, name="evidence-copy")
    thread.start()
    thread.join(5)

    qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    text = log_file.read_text(encoding="utf-8")
    assert "unexpected error in thread evidence-copy" in text
    assert "worker thread failed on 佐证材料.pdf" in text


def test_dialog_buttons_and_details(qapp, log_file: Path) -> None:
    dialog = build_crash_dialog(None, log_file, "Traceback: ZeroDivisionError")

    assert dialog.findChild(QPushButton, "openLogFolder") is not None
    assert dialog.defaultButton().objectName() == "continueWorking"
    assert dialog.detailedText() == "Traceback: ZeroDivisionError"
    dialog.deleteLater()


def test_dialog_without_log_file(qapp) -> None:
    dialog = build_crash_dialog(None, None, "details")

    assert dialog.findChild(QPushButton, "openLogFolder") is None
    assert dialog.findChild(QPushButton, "continueWorking") is not None
    dialog.deleteLater()


def test_uninstall_restores_hooks(qapp, log_file: Path) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    crash_reporter = CrashReporter(log_file)
    crash_reporter.install()
    crash_reporter.uninstall()

    assert (sys.excepthook, threading.excepthook) == before


def test_signature_names_raising_line() -> None:
    try:
        failing_slot()
    except ZeroDivisionError as error:
        signature = error_signature(error)

    assert signature.startswith("ZeroDivisionError@")
    assert signature.endswith(f"{Path(__file__).name}:{failing_slot.__code__.co_firstlineno + 1}")


def test_job_error_reported(qtbot, reporter: CrashReporter, shown: ShownDialogs,
                            window: QMainWindow, log_file: Path) -> None:
    from meili_desktop.ui.crash import report_unexpected_error

    try:
        failing_slot()
    except ZeroDivisionError as error:
        report_unexpected_error(error)

    qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    assert str(log_file) in shown.texts[0]
    assert "unexpected error" not in log_file.read_text(encoding="utf-8")


def test_job_error_without_reporter(qapp, caplog: pytest.LogCaptureFixture,
                                    shown: ShownDialogs) -> None:
    from meili_desktop.ui.crash import report_unexpected_error

    report_unexpected_error(RuntimeError("job failed"))

    assert shown.dialogs == []
    assert "no crash reporter installed" in caplog.text
