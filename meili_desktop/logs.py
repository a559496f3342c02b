"""Logging setup: a rotating log file in the data folder, stderr when run from source."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE_NAME = "meili_desktop.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUP_COUNT = 5

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(logs_dir: Path | None, to_stderr: bool | None = None) -> Path | None:
    """Send log records to ``logs_dir/meili_desktop.log`` (rotated) and optionally stderr.

    Returns the log file's path, or None when no folder was given. Calling it again replaces
    the handlers it installed before.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_meili", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)

    log_file = None
    if logs_dir is not None:
        logs_dir.mkdir(parents=True, exist_ok=True)
        log_file = logs_dir / LOG_FILE_NAME
        file_handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        file_handler._meili = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)

    if to_stderr is None:
        to_stderr = not getattr(sys, "frozen", False)
    if to_stderr and sys.stderr is not None:
        stream_handler = logging.StreamHandler(sys.stderr)
        stream_handler.setLevel(logging.WARNING)
        stream_handler.setFormatter(logging.Formatter(_FORMAT))
        stream_handler._meili = True  # type: ignore[attr-defined]
        root.addHandler(stream_handler)
    return log_file


def route_qt_messages() -> None:
    """Send Qt's own warnings into the ``meili_desktop.qt`` logger."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_logger = logging.getLogger("meili_desktop.qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(message_type: QtMsgType, _context: object, message: str) -> None:
        qt_logger.log(levels.get(message_type, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)
