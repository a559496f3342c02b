"""Package files dropped on the main window, and files handed over by later launches."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from meili_desktop.file_types import PACKAGE_EXTENSIONS, is_package_file
from meili_desktop.ui.activation import (
    DataFolderLockError,
    attach_main_window,
    bring_to_front,
    claim_data_folder,
    open_package_files,
)
from meili_desktop.ui.file_drop import (
    PackageDropFilter,
    PackageDropWindow,
    install_package_drop,
    package_files_in,
)


class PackageWindow(QMainWindow):
    """A main window that records the packages it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.text_field = QLineEdit(central)
        self.text_field.setObjectName("narrative")
        layout.addWidget(self.text_field)
        self.setCentralWidget(central)

    def open_package_file(self, path: Path) -> None:
        self.opened.append(path)


@pytest.fixture
def window(qtbot) -> PackageWindow:
    main_window = PackageWindow()
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def mime_with_files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def send_drag_enter(widget: QWidget, mime: QMimeData) -> QDragEnterEvent:
    event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


def send_drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


@pytest.mark.parametrize("name", ["上报.mlrp", "下发.MLDP", "回执.mlrc", "县汇总.Mlcb"])
def test_package_extensions_recognised(name: str) -> None:
    assert is_package_file(name)


@pytest.mark.parametrize("name", ["报表.xlsx", "mlrp", "上报.mlrp.txt", "照片.jpg"])
def test_other_files_not_packages(name: str) -> None:
    assert not is_package_file(name)


def test_extensions_distinct_and_lowercase() -> None:
    assert len(set(PACKAGE_EXTENSIONS)) == 4
    assert all(extension == extension.lower() for extension in PACKAGE_EXTENSIONS)


def test_only_local_packages_taken(tmp_path: Path) -> None:
    mime = mime_with_files(tmp_path / "a.mlrp", tmp_path / "b.xlsx")
    mime.setUrls([*mime.urls(), QUrl("https://example.invalid/c.mlrp")])

    assert package_files_in(mime) == [tmp_path / "a.mlrp"]


def test_drop_on_child_opens_package(qtbot, window: PackageWindow, tmp_path: Path) -> None:
    install_package_drop(window)
    package = tmp_path / "清波街道 2021Q1.mlrp"
    mime = mime_with_files(package, tmp_path / "说明.docx")

    enter = send_drag_enter(window.text_field, mime)
    drop = send_drop(window.text_field, mime)
    qtbot.waitUntil(lambda: window.opened == [package], timeout=2000)

    assert enter.isAccepted()
    assert drop.isAccepted()
    assert window.text_field.text() == ""


def test_drag_without_package_left_alone(qtbot, window: PackageWindow, tmp_path: Path) -> None:
    install_package_drop(window)
    mime = mime_with_files(tmp_path / "照片.jpg")

    send_drop(window.text_field, mime)
    qtbot.wait(20)

    assert window.opened == []


def test_drop_on_other_window_ignored(qtbot, window: PackageWindow, tmp_path: Path) -> None:
    install_package_drop(window)
    other = PackageWindow()
    qtbot.addWidget(other)

    send_drop(other.text_field, mime_with_files(tmp_path / "a.mlrp"))
    qtbot.wait(20)

    assert window.opened == []
    assert other.opened == []


def test_open_files_after_event_loop(qtbot, window: PackageWindow, tmp_path: Path) -> None:
    files = [tmp_path / "a.mlrp", tmp_path / "b.mldp"]

    open_package_files(window, files)

    assert window.opened == []
    qtbot.waitUntil(lambda: window.opened == files, timeout=2000)


def test_window_without_opener_logs(qtbot, tmp_path: Path,
                                    caplog: pytest.LogCaptureFixture) -> None:
    plain = QMainWindow()
    qtbot.addWidget(plain)

    open_package_files(plain, [tmp_path / "a.mlrp"])

    assert "cannot open packages" in caplog.text


# The offscreen platform plugin cannot stack windows and says so.
RAISE_UNSUPPORTED = pytest.mark.qt_log_ignore("This plugin does not support raise")


@RAISE_UNSUPPORTED
def test_minimised_window_restored(qtbot, window: PackageWindow) -> None:
    window.showMinimized()

    bring_to_front(window)

    assert not window.isMinimized()
    assert window.isVisible()


@RAISE_UNSUPPORTED
def test_attached_window_opens_handed_files(qtbot, window: PackageWindow, data_dir: Path,
                                            tmp_path: Path) -> None:
    instance = claim_data_folder(data_dir, [])
    assert instance is not None
    attach_main_window(window, instance)
    package = tmp_path / "上报 包.mlrp"

    instance.files_received.emit([package])

    qtbot.waitUntil(lambda: window.opened == [package], timeout=2000)
    instance.release()


def test_claim_read_only_folder_fails(qapp, tmp_path: Path) -> None:
    blocker = tmp_path / "不是 文件夹"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")

    with pytest.raises(DataFolderLockError) as caught:
        claim_data_folder(blocker / "数据", [])

    assert caught.value.details["path"] == str(blocker / "数据")


class MixinWindow(PackageDropWindow, PackageWindow):
    """A window class that handles drags through its own overrides."""


def test_mixin_window_needs_no_filter(qtbot, tmp_path: Path) -> None:
    window = MixinWindow()
    qtbot.addWidget(window)
    window.show()
    handler = install_package_drop(window)
    package = tmp_path / "a.mlrp"

    mime = mime_with_files(package)
    enter = send_drag_enter(window.text_field, mime)
    drop = send_drop(window.text_field, mime)
    qtbot.waitUntil(lambda: window.opened == [package], timeout=2000)

    assert enter.isAccepted()
    assert drop.isAccepted()
    assert install_package_drop(window) is handler
    assert QApplication.instance().findChildren(PackageDropFilter) == []

