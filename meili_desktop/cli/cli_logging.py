"""Logging of one CLI command: records go to the data folder's log file, never to the console.

A user of the command line reads only the translated message of a failure. The details
behind it (which file, which SQLite error, a traceback) go to ``logs/meili_desktop.log`` in
the data folder, the same file the window writes. Without any handler Python's logging
would print warnings in English to stderr, and so would the ``warnings`` module and Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from meili_desktop.errors import MeiliError
from meili_desktop.logs import LOG_BACKUP_COUNT, LOG_FILE_NAME, LOG_MAX_BYTES
from meili_desktop.store.datafolder import DataFolder

logger = logging.getLogger(__name__)

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class UnexpectedCommandError(MeiliError):
    """A command failed because of a bug; details: ``log_file``, where the traceback went."""

    code = "cli.unexpected"
    exit_code = 70  # EX_SOFTWARE of BSD's sysexits.h: an internal software error


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file whose own write failures are dropped instead of printed.

    The window may hold the same file open. Windows does not rename an open file, so a
    rotation can fail, and the standard handler would print that failure to stderr.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        return None


def _file_handler(data_dir: Path) -> logging.Handler:
    """Return a handler on the data folder's log file, or a null handler if it cannot open."""
    logs_dir = DataFolder(data_dir).logs_dir
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _QuietFileHandler(
            logs_dir / LOG_FILE_NAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT,
            encoding="utf-8")
    except OSError:
        # A read-only or missing data folder: the command reports that itself.
        return logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def log_file_path(data_dir: Path) -> Path:
    """Return the log file that a command on ``data_dir`` writes."""
    return DataFolder(data_dir).logs_dir / LOG_FILE_NAME


@contextmanager
def command_logging(data_dir: Path) -> Iterator[None]:
    """Send log records, Python warnings and Qt messages to the data folder's log file.

    Everything is restored on exit, so a command run inside a test or another program
    leaves their logging as it was.
    """
    root = logging.getLogger()
    handler = _file_handler(data_dir)
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)
    previous_qt_handler = _route_qt_messages()
    try:
        yield
    finally:
        _restore_qt_messages(previous_qt_handler)
        logging.captureWarnings(False)
        root.setLevel(previous_level)
        root.removeHandler(handler)
        handler.close()


def _route_qt_messages() -> Any:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_logger = logging.getLogger("meili_desktop.qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING,
              QtMsgType.QtCriticalMsg: logging.ERROR, QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(message_type: QtMsgType, _context: object, message: str) -> None:
        qt_logger.log(levels.get(message_type, logging.WARNING), "%s", message)

    return qInstallMessageHandler(handler)


def _restore_qt_messages(previous: Any) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(previous)
