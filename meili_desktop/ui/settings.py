"""Every QSettings key the program uses, declared once with its type and default.

User preferences and remembered window state are kept in separate groups. Configuration that
travels with the data (catalogue, periods, targets) lives in the database, not here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

logger = logging.getLogger(__name__)

# Bump when a key is renamed or its meaning changes, and add an upgrade step below.
SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any


LANGUAGE = Key("preferences/language", str, "zh_CN")
MAX_ATTACHMENT_MB = Key("preferences/max_attachment_mb", int, 200)
# A JSON object from a data folder's absolute path to the database URL it uses instead of
# its own SQLite file. NOTE: the URL keeps the server password as the user typed it, in
# the user's own settings store (the registry on Windows), readable by that user only.
DATABASE_URLS = Key("preferences/database_urls", str, "{}")
LAST_FOLDER = Key("state/last_folder", str, "")
MAIN_GEOMETRY = Key("state/main_geometry", QByteArray, QByteArray())
MAIN_SPLITTER = Key("state/main_splitter", QByteArray, QByteArray())
LAST_PERIOD = Key("state/last_period", str, "")
LAST_TASK = Key("state/last_task", int, 0)
TOWNSHIP_TAB = Key("state/township_tab", int, 0)
_VERSION = Key("meta/settings_version", int, 0)


class Settings:
    """Typed access to the program's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings or QSettings()
        self._upgrade()

    def get(self, key: Key) -> Any:
        value = self._qsettings.value(key.name, key.default)
        if value is None:
            return key.default
        if key.type is bool and isinstance(value, str):
            return value.lower() == "true"
        if key.type in (int, str) and not isinstance(value, key.type):
            try:
                return key.type(value)
            except (TypeError, ValueError):
                return key.default
        return value

    def set(self, key: Key, value: Any) -> None:
        self._qsettings.setValue(key.name, value)

    def database_url(self, data_dir: Path) -> str | None:
        """Return the database URL saved for the data folder ``data_dir``, or None."""
        return self._database_urls().get(_folder_key(data_dir))

    def set_database_url(self, data_dir: Path, url: str | None) -> None:
        """Save the database URL of ``data_dir``; None goes back to the folder's own file."""
        urls = self._database_urls()
        if url:
            urls[_folder_key(data_dir)] = url
        else:
            urls.pop(_folder_key(data_dir), None)
        import json  # here, because the office window's shell avoids the import at start

        self.set(DATABASE_URLS, json.dumps(urls, ensure_ascii=False, sort_keys=True))

    def _database_urls(self) -> dict[str, str]:
        import json

        try:
            urls = json.loads(self.get(DATABASE_URLS))
        except ValueError:
            logger.warning("the saved database URLs are not valid JSON; ignoring them")
            return {}
        if not isinstance(urls, dict):
            return {}
        return {str(folder): str(url) for folder, url in urls.items()}

    def sync(self) -> None:
        self._qsettings.sync()

    def _upgrade(self) -> None:
        version = self.get(_VERSION)
        # No upgrade steps exist yet; version 1 is the first layout.
        if version < SETTINGS_VERSION:
            self.set(_VERSION, SETTINGS_VERSION)


def _folder_key(data_dir: Path) -> str:
    return str(data_dir.resolve())
