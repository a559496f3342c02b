"""Where the program keeps its data when no ``--data-dir`` is given."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from meili_desktop import APP_ID

ORGANIZATION = "Hangzhou Meili"

# An environment variable that overrides the default data folder, for portable installs.
DATA_DIR_VARIABLE = "MEILI_DATA_DIR"


def set_application_names() -> None:
    """Set the names QStandardPaths and QSettings use; call before either is used."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_ID)


def default_data_dir() -> Path:
    """Return the data folder: $MEILI_DATA_DIR, else the user's application data folder.

    On Windows this is ``%APPDATA%/Hangzhou Meili/MeiliDesktop``; on Linux
    ``~/.local/share/Hangzhou Meili/MeiliDesktop``.
    """
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override)
    set_application_names()
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
