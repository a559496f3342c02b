"""Open package files dropped anywhere on a main window.

A drop lands on the widget under the cursor (a table, a text field). When that widget does
not take the drag, Qt passes the drag enter and drop events up to the nearest ancestor that
accepts drops, which is the window once :func:`install_package_drop` has run. Only drags
that carry at least one local file with a package extension are taken, so other drags keep
their usual handling. Each dropped package goes to the window's ``open_package_file(path)``.

The handling costs nothing for other events. A window class that derives from
:class:`PackageDropWindow` overrides only the three drag handlers, and shiboken calls into
Python only for the virtual functions a class overrides. Any other window gets an event
filter on the window widget alone, never on the application. An application-wide filter
written in Python ran for every event and waited for the GIL while a worker thread ran.
On a loaded 2-core machine that delayed paints by 95 to 250 ms during background jobs.

NOTE: a text field takes a drag that also carries plain text (file managers on Linux add the
path as text), so a package dropped on a text field there inserts its path instead of
opening. Windows Explorer sends only the file list, and the window opens the package.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

# No ``Qt`` import: its first use builds all of its enums, which the window's first paint
# should not wait for.
from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

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
    """Takes drags of package files that reach ``window`` and opens the dropped packages.

    Dropped files are passed to ``open_file`` (by default the window's ``open_package_file``).
    The object is a child of the window. It is installed as an event filter on the window
    only when the window class does not derive from :class:`PackageDropWindow`.
    """

    def __init__(self, window: QWidget,
                 open_file: Callable[[Path], object] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._open_file = open_file or getattr(window, "open_package_file", None)
        window.setAcceptDrops(True)

    def handle_drag(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        """Accept a drag or drop that carries package files; return whether it was taken."""
        files = package_files_in(event.mimeData())
        if not files:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            # Open after the drop returns, so the source application is not kept waiting
            # while a dialog about the package is shown.
            for file in files:
                QTimer.singleShot(0, lambda file=file: self._open(file))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is not self._window or event.type() not in _DRAG_EVENTS:
            return False
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        return self.handle_drag(event)

    def _open(self, file: Path) -> None:
        if self._open_file is None:
            logger.warning("%s cannot open packages; dropped file %s ignored",
                           type(self._window).__name__, file)
            return
        logger.info("opening dropped package %s", file)
        self._open_file(file)


class PackageDropWindow:
    """Mixin for a main window class: passes drags to its :class:`PackageDropFilter`.

    List it before the Qt base class, as in ``class OfficeWindow(PackageDropWindow,
    QMainWindow)``. Until :func:`install_package_drop` runs, drags get the Qt default.
    """

    def _package_drop(self) -> PackageDropFilter | None:
        return self.findChild(PackageDropFilter)  # type: ignore[attr-defined]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        handler = self._package_drop()
        if handler is None or not handler.handle_drag(event):
            super().dragEnterEvent(event)  # type: ignore[misc]

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        handler = self._package_drop()
        if handler is None or not handler.handle_drag(event):
            super().dragMoveEvent(event)  # type: ignore[misc]

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        handler = self._package_drop()
        if handler is None or not handler.handle_drag(event):
            super().dropEvent(event)  # type: ignore[misc]


def install_package_drop(window: QWidget,
                         open_file: Callable[[Path], object] | None = None) -> PackageDropFilter:
    """Make ``window`` open package files dropped on it; return the drop handler.

    A second call on the same window returns the handler already installed.
    """
    existing = window.findChild(PackageDropFilter)
    if existing is not None:
        return existing
    handler = PackageDropFilter(window, open_file)
    if not isinstance(window, PackageDropWindow):
        window.installEventFilter(handler)
    return handler
