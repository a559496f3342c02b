"""Logging setup: a rotating log file in the data folder, stderr when run from source."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_FILE_NAME = "meili_desktop.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUP_COUNT = 5

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(logs_dir: Path | None, to_stderr: bool | None = None, *,
                      defer_rotation: bool = False) -> Path | None:
    """Send log records to ``logs_dir/meili_desktop.log`` (rotated) and optionally stderr.

    Returns the log file's path, or None when no folder was given. Calling it again replaces
    the handlers it installed before.

    With ``defer_rotation`` a plain ``logging.FileHandler`` writes the file until
    :func:`start_log_rotation` puts the rotating handler in its place. The window's start
    uses this because importing ``logging.handlers`` (and ``socket`` with it) took 10 ms
    (``python -X importtime``, 2-core machine) before the window could appear.
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
        if defer_rotation:
            plain_handler = logging.FileHandler(log_file, encoding="utf-8")
            plain_handler._meili_rotate_later = True  # type: ignore[attr-defined]
            root.addHandler(_marked(plain_handler))
        else:
            root.addHandler(_rotating_file_handler(log_file))

    if to_stderr is None:
        to_stderr = not getattr(sys, "frozen", False)
    if to_stderr and sys.stderr is not None:
        stream_handler = logging.StreamHandler(sys.stderr)
        stream_handler.setLevel(logging.WARNING)
        stream_handler.setFormatter(logging.Formatter(_FORMAT))
        stream_handler._meili = True  # type: ignore[attr-defined]
        root.addHandler(stream_handler)
    return log_file


def start_log_rotation() -> None:
    """Put the rotating handler in place of the plain one ``defer_rotation`` installed.

    Does nothing when no plain handler is installed. Safe to call from any thread.
    """
    root = logging.getLogger()
    for index, handler in enumerate(list(root.handlers)):
        if getattr(handler, "_meili_rotate_later", False):
            assert isinstance(handler, logging.FileHandler)
            rotating = _rotating_file_handler(Path(handler.baseFilename))
            # One assignment swaps them, so another thread's record goes to exactly one.
            root.handlers[index] = rotating
            handler.close()


def _rotating_file_handler(log_file: Path) -> logging.Handler:
    import logging.handlers

    return _marked(logging.handlers.RotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8"))


def _marked(handler: logging.Handler) -> logging.Handler:
    """Give ``handler`` the log format and mark it as installed by this module."""
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._meili = True  # type: ignore[attr-defined]
    return handler


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
