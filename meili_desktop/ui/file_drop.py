"""Open package files dropped anywhere on a main window.

:class:`PackageDropFilter` is an application-wide event filter, because a drop lands on
the widget under the cursor (a table, a text field), not on the window. It takes only drags
that carry at least one local file with a package extension, so text drags onto text
fields keep working. Each dropped package goes to the window's ``open_package_file(path)``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from meili_desktop.file_types import is_package_file

logger = logging.getLogger(__name__)

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def package_files_in(mime_data: QMimeData | None) -> list[Path]:
    """Return the local package files among the URLs a drag carries."""
    if mime_data is None or not mime_data.hasUrls():
        return []
    files = []
    for url in mime_data.urls():
        if url.isLocalFile() and is_package_file(url.toLocalFile()):
            files.append(Path(url.toLocalFile()))
    return files


class PackageDropFilter(QObject):
    """Accepts package files dropped on ``window`` or any widget inside it.

    Signals: none; dropped files are passed to ``open_file`` (by default the window's
    ``open_package_file``).
    """

    def __init__(self, window: QWidget,
                 open_file: Callable[[Path], object] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._open_file = open_file or getattr(window, "open_package_file", None)
        window.setAcceptDrops(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in _DRAG_EVENTS or not self._belongs_to_window(watched):
            return False
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        files = package_files_in(event.mimeData())
        if not files:
            return False
        if event.type() != QEvent.Type.Drop:
            event.acceptProposedAction()
            return True

        event.acceptProposedAction()
        # Open after the drop returns, so the source application is not kept waiting while
        # a dialog about the package is shown.
        for file in files:
            QTimer.singleShot(0, lambda file=file: self._open(file))
        return True

    def _belongs_to_window(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget):
            return False
        return watched.window() is self._window

    def _open(self, file: Path) -> None:
        if self._open_file is None:
            logger.warning("%s cannot open packages; dropped file %s ignored",
                           type(self._window).__name__, file)
            return
        logger.info("opening dropped package %s", file)
        self._open_file(file)


def install_package_drop(window: QWidget,
                         open_file: Callable[[Path], object] | None = None) -> PackageDropFilter:
    """Make ``window`` open package files dropped on it; return the installed filter.

    The filter is a child of the window, and Qt removes a destroyed filter by itself.
    """
    drop_filter = PackageDropFilter(window, open_file)
    app = QApplication.instance()
    assert app is not None, "create the QApplication before installing the drop filter"
    app.installEventFilter(drop_filter)
    return drop_filter
