"""The office window's menu bar: File, Settings, Language and Help.

File adds package files or a folder to the inbox, opens the backups and quits. Settings opens
the database setting. The language is saved and takes effect at the next start, because the
office pages keep unfinished work (checked packages, unlocked keys) that a rebuild would lose.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from meili_desktop.file_types import package_name_filter
from meili_desktop.ui.settings import LANGUAGE, LAST_FOLDER

if TYPE_CHECKING:
    # The dialogs import SQLAlchemy, which the window's shell must not wait for: they are
    # imported when their menu entry is first used.
    from meili_desktop.services.backups import RestoreResult
    from meili_desktop.ui.about_dialog import AboutDialog
    from meili_desktop.ui.backup_dialog import BackupDialog
    from meili_desktop.ui.database_dialog import DatabaseSettingsDialog
    from meili_desktop.ui.office.window import OfficeWindow

logger = logging.getLogger(__name__)

# Languages offered in the menu, each named in its own language.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class OfficeMenus(QObject):
    """Builds the menu bar of an office window and carries out its commands."""

    def __init__(self, window: OfficeWindow) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.add_files_action = self._action(
            "addFilesAction", self.tr("&Add Package Files…"), self.choose_files,
            QKeySequence.StandardKey.Open)
        self.add_folder_action = self._action(
            "addFolderAction", self.tr("Add a &Folder of Packages…"), self.choose_folder)
        self.backups_action = self._action("backupsAction", self.tr("&Backups…"),
                                           self.show_backups)
        self.quit_action = self._action("quitAction", self.tr("&Quit"), window.close,
                                        QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.add_files_action)
        file_menu.addAction(self.add_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.setObjectName("settingsMenu")
        self.database_action = self._action("databaseAction", self.tr("&Database…"),
                                            self.show_database_settings)
        settings_menu.addAction(self.database_action)

        language_menu = bar.addMenu(self.tr("&Language"))
        language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        current = window.settings.get(LANGUAGE)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = self._action(f"language_{code}", name,
                                  lambda _checked=False, code=code: self.choose_language(code))
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.about_action = self._action("aboutAction", self.tr("&About…"), self.show_about)
        help_menu.addAction(self.about_action)
        self.set_data_ready(window.store is not None)

    def set_data_ready(self, is_ready: bool) -> None:
        """Enable the commands that need the open data folder; files added earlier wait."""
        for action in (self.backups_action, self.database_action, self.about_action):
            action.setEnabled(is_ready)

    def _action(self, name: str, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # Sets every binding the platform has for the key. Unlike setShortcut, this
            # overload does not build all of the Qt namespace's enums (15 ms) at start.
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # --- File ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        """Ask for package files and hand them to the inbox."""
        names, _filter = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add package files"), self.window.settings.get(LAST_FOLDER),
            self.tr("Packages ({patterns})").format(patterns=package_name_filter()))
        if names:
            self.window.settings.set(LAST_FOLDER, str(Path(names[0]).parent))
            self.window.open_package_files([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Ask for a folder and hand the report packages directly inside it to the inbox."""
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Add a folder of packages"),
            self.window.settings.get(LAST_FOLDER))
        if folder:
            self.window.settings.set(LAST_FOLDER, folder)
            self.window.open_package_files([Path(folder)])

    def show_backups(self) -> BackupDialog:
        """Open the backups of this data folder; reload the pages after a restore."""
        from meili_desktop.ui.backup_dialog import BackupDialog

        dialog = BackupDialog(self.window.store, self.window)
        dialog.restored.connect(self._restored)
        dialog.exec()
        return dialog

    def _restored(self, _result: RestoreResult) -> None:
        self.window.reload_pages()

    # --- Settings, Language and Help -----------------------------------------------------------

    def show_database_settings(self) -> DatabaseSettingsDialog:
        """Open the database setting of this data folder."""
        from meili_desktop.store.engine import is_sqlite
        from meili_desktop.ui.database_dialog import DatabaseSettingsDialog

        engine = self.window.store.engine
        in_use = None if is_sqlite(engine) else engine.url.render_as_string(hide_password=False)
        dialog = DatabaseSettingsDialog(self.window.store.folder.root, self.window.settings,
                                        in_use_url=in_use, parent=self.window)
        dialog.exec()
        return dialog

    def choose_language(self, code: str) -> None:
        """Save the interface language; it takes effect when the program next starts."""
        if code == self.window.settings.get(LANGUAGE):
            return
        self.window.settings.set(LANGUAGE, code)
        logger.info("interface language set to %s for the next start", code)
        QMessageBox.information(self.window, self.tr("Language"), self.tr(
            "The office window shows the new language when the program next starts."))

    def show_about(self) -> AboutDialog:
        """Show the version, data folder, database and encryption self-test."""
        from meili_desktop.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.window.store, self.window)
        dialog.exec()
        return dialog
