"""Desktop integration of the main window: one instance per data folder, opening package files.

:func:`claim_data_folder` runs before the database is opened. It either makes this launch
the data folder's owner or hands the command line's package files to the running program.
:func:`attach_main_window` then connects the owner's window to later launches and to drag
and drop.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.single_instance import SingleInstance
from meili_desktop.ui.file_drop import install_package_drop

logger = logging.getLogger(__name__)


class DataFolderLockError(MeiliError):
    """The instance lock file cannot be created in the data folder."""

    code = "desktop.lock_failed"
    exit_code = 3


def claim_data_folder(data_dir: Path, files: list[Path]) -> SingleInstance | None:
    """Make this launch the data folder's owner, or pass ``files`` to the running owner.

    Returns the owner's :class:`SingleInstance`, or None when another process owns the data
    folder and has received ``files``; the caller then exits.

    Raises:
        InstanceNotRespondingError: another process owns the folder but does not respond.
        DataFolderLockError: the lock file cannot be written.
    """
    instance = SingleInstance(data_dir)
    try:
        is_owner = instance.acquire()
    except OSError as error:
        logger.error("cannot lock data folder %s: %s", data_dir, error)
        raise DataFolderLockError(path=str(data_dir)) from error
    if is_owner:
        return instance
    logger.info("data folder %s is open in another process; handing over", data_dir)
    instance.hand_off(files)
    return None


def bring_to_front(window: QWidget) -> None:
    """Restore ``window`` if minimised, raise it and give it the keyboard focus."""
    # Imported here because the first use of ``Qt`` builds all its enums (about 15 ms),
    # which a start should not pay before its window appears.
    from PySide6.QtCore import Qt

    state = window.windowState() & ~Qt.WindowState.WindowMinimized
    window.setWindowState(state | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    # Where the system refuses to hand over the focus, the taskbar entry flashes instead.
    QApplication.alert(window)


def open_package_files(window: QWidget, files: list[Path]) -> None:
    """Pass each file to the window's ``open_package_file``, after pending events run."""
    open_file = getattr(window, "open_package_file", None)
    for file in files:
        if open_file is None:
            logger.warning("%s cannot open packages; %s ignored", type(window).__name__, file)
            continue
        QTimer.singleShot(0, lambda file=file: open_file(file))


def attach_main_window(window: QWidget, instance: SingleInstance) -> None:
    """Bring ``window`` forward and open files for later launches; accept dropped packages.

    A window still opening its data folder (one with a ``data_ready`` signal and no store
    yet) accepts drops once the data is ready, because it cannot open a package before.
    """
    data_ready = getattr(window, "data_ready", None)
    if data_ready is not None and getattr(window, "store", None) is None:
        data_ready.connect(lambda: install_package_drop(window))
    else:
        install_package_drop(window)

    def on_files_received(files: list[Path]) -> None:
        bring_to_front(window)
        open_package_files(window, files)

    instance.deliver_to(on_files_received)
