"""The evidence list of an entry: add by dialog or drag and drop, preview, open, rename, remove,
and export into a folder."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.entries import AttachmentRef
from meili_desktop.file_types import is_package_file
from meili_desktop.store.attachments import is_image
from meili_desktop.ui.settings import LAST_FOLDER, Settings

logger = logging.getLogger(__name__)

SHA_ROLE = Qt.ItemDataRole.UserRole + 1
PREVIEW_WIDTH = 240


class EvidenceWidget(QWidget):
    """Lists an entry's evidence files and turns the clerk's actions into requests.

    Signals:
        files_chosen(list): local files to attach, as ``Path`` objects.
        rename_requested(str, str): SHA-256 and the new name.
        remove_requested(str): SHA-256 of the file to unlink.
        open_requested(str, str): SHA-256 and display name of the file to open.
        export_requested(): copy all of the entry's files into a folder.
    """

    files_chosen = Signal(list)
    rename_requested = Signal(str, str)
    remove_requested = Signal(str)
    open_requested = Signal(str, str)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._preview_source: Callable[[str, str], Path | None] | None = None
        # A period that takes no changes still lets the clerk open and export files.
        self._is_read_only = False

        self.list = QListWidget(self)
        self.list.setObjectName("evidenceList")
        self.list.setIconSize(QSize(20, 20))
        rows = self.list.fontMetrics().lineSpacing() + 8
        self.list.setMinimumHeight(rows * 2)
        self.list.setMaximumHeight(rows * 5)
        self.list.setToolTip(self.tr("Drop photos, PDF or Office files here to attach them."))
        self.hint = QLabel(self.tr("No evidence yet. Add files or drop them here."), self)
        self.hint.setObjectName("evidenceHint")
        self.hint.setStyleSheet("color: #707070;")

        self.add_button = _button(self, "addEvidenceButton", self.tr("Add files…"))
        self.open_button = _button(self, "openEvidenceButton", self.tr("Open"))
        self.rename_button = _button(self, "renameEvidenceButton", self.tr("Rename…"))
        self.remove_button = _button(self, "removeEvidenceButton", self.tr("Remove"))
        self.export_button = _button(self, "exportEvidenceButton", self.tr("Export…"))
        self.export_button.setToolTip(self.tr(
            "Copy all evidence files of this task into a folder, under names Windows accepts."))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.rename_button,
                       self.remove_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.preview = QLabel(self)
        self.preview.setObjectName("evidencePreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.preview)

        self.add_button.clicked.connect(self.choose_files)
        self.open_button.clicked.connect(self._open_current)
        self.rename_button.clicked.connect(self._rename_current)
        self.remove_button.clicked.connect(self._remove_current)
        self.export_button.clicked.connect(self.export_requested)
        self.list.itemActivated.connect(lambda _item: self._open_current())
        self.list.currentItemChanged.connect(lambda *_args: self._update_selection())
        self._update_selection()

    def set_preview_source(self, source: Callable[[str, str], Path | None]) -> None:
        """Set the function that returns a stored file's path from its SHA-256 and name."""
        self._preview_source = source

    def show_files(self, files: tuple[AttachmentRef, ...]) -> None:
        """List an entry's evidence files, keeping the selection when the file is still there."""
        current = self.current_sha()
        self.list.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for ref in files:
            item = QListWidgetItem(icon, f"{ref.display_name}  ({_size_text(ref.size)})")
            item.setData(SHA_ROLE, ref.sha256)
            item.setData(Qt.ItemDataRole.ToolTipRole, ref.display_name)
            self.list.addItem(item)
            if ref.sha256 == current:
                self.list.setCurrentItem(item)
        self.hint.setVisible(not files)
        self._update_selection()

    def set_read_only(self, is_read_only: bool) -> None:
        """Keep adding, renaming and removing files off while the entry takes no changes."""
        self._is_read_only = is_read_only
        self._update_selection()

    def current_sha(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(SHA_ROLE))

    def choose_files(self) -> None:
        """Ask for files with the file dialog and request attaching them."""
        settings = Settings()
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), settings.get(LAST_FOLDER),
            self.tr("Evidence (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.heic *.pdf *.doc "
                    "*.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.ofd *.txt *.zip);;"
                    "All files (*)"))
        if not names:
            return
        settings.set(LAST_FOLDER, str(Path(names[0]).parent))
        self.files_chosen.emit([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.isEnabled() and not self._is_read_only and _local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = _local_files(event)
        if not files or not self.isEnabled() or self._is_read_only:
            event.ignore()
            return
        event.acceptProposedAction()
        logger.info("%d evidence files dropped", len(files))
        self.files_chosen.emit(files)

    def _current_name(self) -> str:
        item = self.list.currentItem()
        return "" if item is None else str(item.data(Qt.ItemDataRole.ToolTipRole))

    def _open_current(self) -> None:
        sha = self.current_sha()
        if sha is not None:
            self.open_requested.emit(sha, self._current_name())

    def _rename_current(self) -> None:
        sha = self.current_sha()
        if sha is None:
            return
        name, accepted = QInputDialog.getText(self, self.tr("Rename evidence"),
                                              self.tr("New name:"), text=self._current_name())
        if accepted and name != self._current_name():
            self.rename_requested.emit(sha, name)

    def _remove_current(self) -> None:
        sha = self.current_sha()
        if sha is not None:
            self.remove_requested.emit(sha)

    def _update_selection(self) -> None:
        has_current = self.current_sha() is not None
        self.add_button.setEnabled(not self._is_read_only)
        self.open_button.setEnabled(has_current)
        for button in (self.rename_button, self.remove_button):
            button.setEnabled(has_current and not self._is_read_only)
        self.export_button.setEnabled(self.list.count() > 0)
        self._show_preview()

    def _show_preview(self) -> None:
        sha, name = self.current_sha(), self._current_name()
        path = None
        if sha is not None and is_image(name) and self._preview_source is not None:
            path = self._preview_source(sha, name)
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.preview.clear()
            self.preview.hide()
            return
        self.preview.setPixmap(pixmap.scaledToWidth(
            min(PREVIEW_WIDTH, pixmap.width()), Qt.TransformationMode.SmoothTransformation))
        self.preview.show()


def open_in_viewer(path: Path) -> bool:
    """Open a file in the system's viewer; return whether the system accepted the request."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and not is_package_file(url.toLocalFile())]


def _button(parent: QWidget, name: str, text: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    return button


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"
