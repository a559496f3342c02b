"""Report unexpected errors: log the traceback, tell the user where the log is, keep running.

An unexpected exception is a bug. :class:`CrashReporter` replaces ``sys.excepthook`` (which
PySide6 calls for exceptions raised in slots and event handlers) and ``threading.excepthook``.
It writes the traceback to the log and shows a dialog naming the log file. The dialog never
ends the program: entries are saved as they are typed, so the clerk can keep working and
nothing already entered is lost.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

logger = logging.getLogger(__name__)

FAULT_LOG_FILE_NAME = "faults.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def error_signature(error: BaseException) -> str:
    """Return the error's type and the place it was raised, to recognise repeats."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__}@{where}"


def build_crash_dialog(parent: QWidget | None, log_file: Path | None,
                       details: str) -> QMessageBox:
    """Build the dialog that reports an unexpected error; the caller runs ``exec()``.

    The dialog has an "Open log folder" button (object name ``openLogFolder``) and a
    "Continue" button; neither closes the program.
    """
    dialog = QMessageBox(parent)
    dialog.setObjectName("crashDialog")
    dialog.setIcon(QMessageBox.Icon.Critical)
    dialog.setWindowTitle(QApplication.translate("CrashDialog", "Unexpected error"))
    dialog.setText(QApplication.translate(
        "CrashDialog", "An unexpected error occurred. The last action may not have finished."))
    if log_file is None:
        where = QApplication.translate(
            "CrashDialog", "The details could not be written to a log file.")
    else:
        where = QApplication.translate(
            "CrashDialog", "The details were written to the log file:\n{path}\n"
            "Please send this file to your support contact.").format(path=str(log_file))
    dialog.setInformativeText(QApplication.translate(
        "CrashDialog", "Everything you entered before this is saved.") + "\n\n" + where + "\n\n" +
        QApplication.translate(
            "CrashDialog", "You can keep working. If something looks wrong, close the program "
            "and start it again."))
    dialog.setDetailedText(details)

    if log_file is not None:
        open_folder = dialog.addButton(
            QApplication.translate("CrashDialog", "Open log folder"),
            QMessageBox.ButtonRole.ActionRole)
        open_folder.setObjectName("openLogFolder")
    keep_working = dialog.addButton(
        QApplication.translate("CrashDialog", "Continue"), QMessageBox.ButtonRole.AcceptRole)
    keep_working.setObjectName("continueWorking")
    dialog.setDefaultButton(keep_working)
    return dialog


class CrashReporter(QObject):
    """Logs unexpected exceptions from any thread and shows them on the GUI thread.

    Each distinct error (type and raising line) is shown once. Repeats, and errors raised
    while the dialog is open, are only logged, so an error in a paint handler cannot stack
    dialogs without end.

    Signals:
        error_logged(str): an unexpected error was logged; the argument is its signature.
    """

    error_logged = Signal(str)
    _show_requested = Signal(str, str)

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.shown_signatures: set[str] = set()
        self.suppressed_count = 0
        self._is_dialog_open = False
        self._previous_hook: ExceptHook | None = None
        self._previous_thread_hook: Callable[[threading.ExceptHookArgs], Any] | None = None
        self._show_requested.connect(self._show)

    def install(self) -> None:
        """Replace ``sys.excepthook`` and ``threading.excepthook``."""
        global _installed_reporter
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self._handle_thread_exception
        _installed_reporter = self

    def uninstall(self) -> None:
        """Put back the hooks that :meth:`install` replaced."""
        global _installed_reporter
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook
        if _installed_reporter is self:
            _installed_reporter = None

    def show_logged_error(self, error: BaseException) -> None:
        """Report an unexpected error that was caught and logged already, such as a job's."""
        details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self._show_requested.emit(error_signature(error), details)

    def handle_exception(self, exc_type: type[BaseException], error: BaseException,
                         trace: TracebackType | None) -> None:
        """Log an unexpected exception and ask the GUI thread to report it."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        logger.critical("unexpected error", exc_info=(exc_type, error, trace))
        signature = error_signature(error)
        details = "".join(traceback.format_exception(exc_type, error, trace))
        self.error_logged.emit(signature)
        # Emitting from a worker thread queues the call to the GUI thread that owns self.
        self._show_requested.emit(signature, details)

    def _handle_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        thread_name = args.thread.name if args.thread is not None else "?"
        logger.critical("unexpected error in thread %s", thread_name)
        self.handle_exception(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, signature: str, details: str) -> None:
        # Connected through a signal, so this runs on the GUI thread that owns the reporter.
        if not isinstance(QApplication.instance(), QApplication):
            return
        if self._is_dialog_open or signature in self.shown_signatures:
            self.suppressed_count += 1
            logger.info("not showing error %s again (%d not shown so far)", signature,
                        self.suppressed_count)
            return

        self.shown_signatures.add(signature)
        dialog = build_crash_dialog(_dialog_parent(), self.log_file, details)
        self._is_dialog_open = True
        try:
            dialog.exec()
        finally:
            self._is_dialog_open = False
        clicked = dialog.clickedButton()
        if clicked is not None and clicked.objectName() == "openLogFolder" and self.log_file:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file.parent)))
        dialog.deleteLater()


# The reporter whose hooks are installed; like sys.excepthook itself, one per process.
_installed_reporter: CrashReporter | None = None


def report_unexpected_error(error: BaseException) -> None:
    """Show the crash dialog for an unexpected error that a job caught and logged.

    :class:`~meili_desktop.ui.workers.JobWorker` logs a crashing job with its traceback and
    emits ``failed``. A window's handler for that signal calls this for anything that is not
    a :class:`~meili_desktop.errors.MeiliError`, so the clerk learns where the log is. Without
    an installed reporter (in tests, or before startup finished) only a log line is written.
    """
    if _installed_reporter is None:
        logger.error("unexpected error with no crash reporter installed: %r", error)
        return
    _installed_reporter.show_logged_error(error)


def _dialog_parent() -> QWidget | None:
    """Return the window the dialog belongs to, so closing it never counts as the last window."""
    active = QApplication.activeWindow()
    if active is not None:
        return active
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.isWindow() and not isinstance(widget, QMessageBox):
            return widget
    return None


_fault_log: IO[str] | None = None


def enable_fault_log(logs_dir: Path) -> Path:
    """Write Python tracebacks of all threads to ``logs_dir/faults.log`` on a hard crash.

    A crash inside Qt's C++ code kills the process before any hook runs; faulthandler still
    records where Python was. The file stays open for the life of the process, as
    faulthandler requires.
    """
    global _fault_log
    logs_dir.mkdir(parents=True, exist_ok=True)
    path = logs_dir / FAULT_LOG_FILE_NAME
    if _fault_log is None:
        _fault_log = path.open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_log, all_threads=True)
    return path


def install_crash_reporter(log_file: Path | None) -> CrashReporter:
    """Create and install the crash reporter for the running QApplication."""
    reporter = CrashReporter(log_file, QApplication.instance())
    reporter.install()
    if log_file is not None:
        enable_fault_log(log_file.parent)
    return reporter
