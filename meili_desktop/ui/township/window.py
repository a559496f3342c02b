"""The township clerk's main window: task list and form, overview grid, pre-submission check.

Changes are saved as they are made, so the window has no save button. Undo and redo cover the
recent changes of this session, and each entry's full history stays in the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QWidget,
)

from meili_desktop.domain.validation import Field
from meili_desktop.errors import MeiliError
from meili_desktop.file_types import package_name_filter
from meili_desktop.i18n import install_translators
from meili_desktop.messages import describe
from meili_desktop.services import entries
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.about_dialog import AboutDialog
from meili_desktop.ui.backup_dialog import BackupDialog
from meili_desktop.ui.file_drop import PackageDropWindow
from meili_desktop.ui.progress import JobProgressWidget
from meili_desktop.ui.settings import (
    LANGUAGE,
    LAST_FOLDER,
    LAST_PERIOD,
    LAST_TASK,
    MAIN_GEOMETRY,
    MAIN_SPLITTER,
    MAX_ATTACHMENT_MB,
    TOWNSHIP_TAB,
    Settings,
)
from meili_desktop.ui.township.check_view import CheckWidget
from meili_desktop.ui.township.entry_form import EntryFormWidget
from meili_desktop.ui.township.evidence import open_in_viewer
from meili_desktop.ui.township.evidence_actions import EvidenceExporter
from meili_desktop.ui.township.history import HistoryDialog
from meili_desktop.ui.township.marks import period_label
from meili_desktop.ui.township.overview import OverviewWidget
from meili_desktop.ui.township.package_actions import PackageActions
from meili_desktop.ui.township.state import TownshipState
from meili_desktop.ui.township.task_tree import TaskTreeWidget
from meili_desktop.ui.township.template_actions import TemplateActions
from meili_desktop.ui.workers import JobWorker, wait_for_pools

logger = logging.getLogger(__name__)

STATUS_MESSAGE_MS = 6000
TASKS_TAB, OVERVIEW_TAB, CHECK_TAB = 0, 1, 2
# Languages offered in the menu, each named in its own language.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class TownshipWindow(PackageDropWindow, QMainWindow):
    """The window of a township data folder."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("townshipWindow")
        self.store = store
        self.settings = Settings()
        self.state = TownshipState(store, self.settings.get(LAST_PERIOD), self)
        self.job_progress = JobProgressWidget(self)
        self.statusBar().addPermanentWidget(self.job_progress, 1)
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("unitLabel")
        self.statusBar().addPermanentWidget(self.unit_label)
        self._workers: list[JobWorker] = []
        self.package_actions = PackageActions(self)
        self.evidence_exporter = EvidenceExporter(self)
        self.template_actions = TemplateActions(self)
        self._history_dialogs: list[HistoryDialog] = []
        self._build_ui(self.settings.get(LAST_TASK), self.settings.get(TOWNSHIP_TAB))
        self.resize(1280, 820)
        geometry = self.settings.get(MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)

    # --- building ------------------------------------------------------------------------

    def _build_ui(self, task_number: int, tab: int) -> None:
        """Create menus, toolbar and pages in the current language."""
        self.menuBar().clear()
        for toolbar in self.findChildren(QToolBar):
            self.removeToolBar(toolbar)
            toolbar.deleteLater()
        self._title()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("townshipTabs")
        self.task_tree = TaskTreeWidget(self.state, self)
        self.form = EntryFormWidget(self.state, self)
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("tasksSplitter")
        self.splitter.addWidget(self.task_tree)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 860])
        splitter_state = self.settings.get(MAIN_SPLITTER)
        if splitter_state:
            self.splitter.restoreState(splitter_state)
        self.overview = OverviewWidget(self.state, self)
        self.check = CheckWidget(self.state, self)
        self.tabs.addTab(self.splitter, self.tr("Tasks"))
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.check, self.tr("Pre-submission check"))
        old = self.centralWidget()
        self.setCentralWidget(self.tabs)
        if old is not None:
            old.deleteLater()

        self.task_tree.task_selected.connect(self.form.show_task)
        self.form.attach_requested.connect(self.attach_files)
        self.form.history_requested.connect(self.show_history)
        self.form.evidence_open_requested.connect(self.open_evidence)
        self.form.evidence_export_requested.connect(lambda number: self.export_evidence(number))
        self.form.message.connect(self.show_message)
        self.overview.message.connect(self.show_message)
        self.overview.task_activated.connect(self.open_task)
        self.check.finding_activated.connect(self._open_finding)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.state.entries_changed.connect(lambda _numbers: self._update_undo_actions())

        numbers = [task.number for task in self.state.tasks]
        self.task_tree.select_task(task_number if task_number in numbers else numbers[0])
        self.tabs.setCurrentIndex(tab if 0 <= tab < self.tabs.count() else TASKS_TAB)
        self._update_undo_actions()

    def _title(self) -> None:
        unit = self.state.unit_name
        if self.state.county_name:
            unit = f"{self.state.county_name} {unit}"
        if self.state.is_provisional:
            self.unit_label.setText(self.tr("{unit} (provisional)").format(unit=unit))
            self.unit_label.setToolTip(self.tr(
                "Set up without the city's distribution package. Entries are kept when the "
                "package is imported."))
        else:
            self.unit_label.setText(unit)
        self.setWindowTitle(self.tr("{unit} — Beautiful Towns Reporting").format(unit=unit))

    def _build_actions(self) -> None:
        self.open_package_action = _action(self, "openPackageAction", self.tr("&Open package…"),
                                           QKeySequence.StandardKey.Open)
        self.open_package_action.triggered.connect(self._choose_package)
        self.export_action = _action(self, "exportAction", self.tr("&Export report package…"),
                                     QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self.export_report_package())
        self.export_evidence_action = _action(self, "exportEvidenceAction",
                                              self.tr("Export evidence &files…"), QKeySequence())
        self.export_evidence_action.triggered.connect(lambda: self.export_evidence())
        self.quit_action = _action(self, "quitAction", self.tr("&Quit"),
                                   QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.backups_action = _action(self, "backupsAction", self.tr("&Backups…"),
                                      QKeySequence())
        self.backups_action.triggered.connect(lambda: self.show_backups())
        self.about_action = _action(self, "aboutAction", self.tr("&About…"), QKeySequence())
        self.about_action.triggered.connect(lambda: self.show_about())
        self.undo_action = _action(self, "undoAction", self.tr("&Undo"),
                                   QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = _action(self, "redoAction", self.tr("&Redo"),
                                   QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.redo)
        self.check_action = _action(self, "checkAction", self.tr("Pre-submission &check"),
                                    QKeySequence("Ctrl+K"))
        self.check_action.triggered.connect(lambda: self.tabs.setCurrentIndex(CHECK_TAB))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.open_package_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_evidence_action)
        file_menu.addSeparator()
        self.export_template_action, self.import_template_action = \
            self.template_actions.add_to_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, title, keys in ((TASKS_TAB, self.tr("Tasks"), "Ctrl+1"),
                                   (OVERVIEW_TAB, self.tr("Overview"), "Ctrl+2"),
                                   (CHECK_TAB, self.tr("Pre-submission check"), "Ctrl+3")):
            action = view_menu.addAction(title)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, index=index:
                                     self.tabs.setCurrentIndex(index))
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        current = self.settings.get(LANGUAGE)
        for code, name in LANGUAGE_NAMES.items():
            action = language_menu.addAction(name)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, code=code: self.switch_language(code))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Period"), self)
        toolbar.setObjectName("periodToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("Reporting period: "), toolbar))
        self.period_combo = QComboBox(toolbar)
        self.period_combo.setObjectName("periodSelector")
        for period in self.state.periods:
            self.period_combo.addItem(period_label(period), period.code)
        self.period_combo.setCurrentIndex(self.period_combo.findData(self.state.period.code))
        self.period_combo.currentIndexChanged.connect(self._on_period_chosen)
        toolbar.addWidget(self.period_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.check_action)
        toolbar.addAction(self.export_action)
        self.addToolBar(toolbar)

    # --- actions -------------------------------------------------------------------------

    def open_task(self, number: int, field: Field | None = None) -> None:
        """Show a task in the form, optionally with the keyboard focus on one field."""
        self.tabs.setCurrentIndex(TASKS_TAB)
        self.task_tree.select_task(number)
        if field is not None:
            self.form.focus_field(field)

    def set_period(self, code: str) -> None:
        """Switch to another reporting period."""
        index = self.period_combo.findData(code)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)

    def undo(self) -> None:
        self._replay(self.state.undo, self.tr("Undone"))

    def redo(self) -> None:
        self._replay(self.state.redo, self.tr("Redone"))

    def attach_files(self, number: int, files: list[Path]) -> JobWorker:
        """Copy evidence files into the data folder off the GUI thread and link them."""
        max_mb = int(self.settings.get(MAX_ATTACHMENT_MB))
        worker = JobWorker(self.state.attach_job(number, files, max_mb),
                           f"attach {len(files)} files to task {number}", self)
        worker.succeeded.connect(lambda outcomes: self._attached(number, outcomes))
        worker.failed.connect(self._job_failed)
        worker.finished.connect(lambda: self._forget(worker))
        self._workers.append(worker)
        self.job_progress.track(worker, self.tr("Adding evidence to task {number}…").format(
            number=number))
        worker.start()
        return worker

    def open_evidence(self, number: int, sha256: str, name: str) -> None:
        """Open an evidence file in the system's viewer."""
        try:
            path = entries.evidence_copy_for_viewing(self.store, sha256, name)
        except MeiliError as error:
            self.show_message(describe(error))
            return
        if not open_in_viewer(path):
            self.show_message(self.tr("No program is set up to open \"{name}\".").format(
                name=name))

    def export_evidence(self, number: int | None = None,
                        folder: Path | None = None) -> JobWorker | None:
        """Copy the evidence of task ``number`` (of every task, for None) into a folder.

        ``folder`` is asked for with a folder dialog when None.
        """
        return self.evidence_exporter.export(number, folder)

    def show_history(self, number: int) -> HistoryDialog:
        """Open the change history of a task's entry beside the window."""
        records = entries.entry_history(self.store, self.state.key(number))
        dialog = HistoryDialog(self.state.task(number), self.state.period.code, records, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._history_dialogs.remove(dialog)
                                 if dialog in self._history_dialogs else None)
        self._history_dialogs.append(dialog)
        dialog.show()
        return dialog

    def open_package_file(self, path: Path) -> JobWorker | None:
        """Import a distribution package or a receipt from the city office."""
        return self.package_actions.open_file(path)

    def export_report_package(self, path: Path | None = None) -> JobWorker | None:
        """Export the period's entries and evidence as a report package for the office."""
        return self.package_actions.export(path)

    def show_backups(self) -> BackupDialog:
        """Open the list of database backups; show the restored data afterwards."""
        self.form.flush()
        dialog = BackupDialog(self.store, self)
        dialog.restored.connect(lambda _result: self._after_restore())
        dialog.exec()
        return dialog

    def show_about(self) -> AboutDialog:
        """Show the version, data folder, database and encryption self-test."""
        dialog = AboutDialog(self.store, self)
        dialog.exec()
        return dialog

    def switch_language(self, language: str) -> None:
        """Change the interface language at once and remember it."""
        self.form.flush()
        app = QApplication.instance()
        assert app is not None
        install_translators(app, language)
        self.settings.set(LANGUAGE, language)
        number = self.task_tree.current_task() or 0
        self._build_ui(number, self.tabs.currentIndex())
        logger.info("interface language changed to %s", language)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # --- internals -----------------------------------------------------------------------

    def _choose_package(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open package"), self.settings.get(LAST_FOLDER),
            self.tr("Packages ({patterns})").format(patterns=package_name_filter()))
        if name:
            self.settings.set(LAST_FOLDER, str(Path(name).parent))
            self.open_package_file(Path(name))

    def _replay(self, replay: Callable[[], list[int]], done_text: str) -> None:
        self.form.flush()
        try:
            numbers = replay()
        except MeiliError as error:
            self.show_message(describe(error))
            self._update_undo_actions()
            return
        if numbers:
            self.show_message(self.tr("{action}: tasks {tasks}").format(
                action=done_text, tasks=", ".join(str(number) for number in numbers)))
        self._update_undo_actions()

    def _after_restore(self) -> None:
        # Undo steps refer to the replaced data, so they are dropped with the old state.
        old_state, self.state = self.state, TownshipState(self.store, self.state.period.code,
                                                          self)
        old_state.deleteLater()
        self._build_ui(self.task_tree.current_task() or 0, self.tabs.currentIndex())

    def _update_undo_actions(self) -> None:
        self.undo_action.setEnabled(self.state.editor.can_undo())
        self.redo_action.setEnabled(self.state.editor.can_redo())

    def _attached(self, number: int, outcomes: list[tuple[Path, MeiliError | None]]) -> None:
        self.state.refresh([number])
        failures = [describe(error) for _path, error in outcomes if error is not None]
        added = len(outcomes) - len(failures)
        if failures:
            if self.form.number != number:
                self.open_task(number)
            self.form.show_error("\n".join(failures))
        self.show_message(self.tr("{count} evidence files added to task {number}").format(
            count=added, number=number))

    def _job_failed(self, error: Exception) -> None:
        if isinstance(error, MeiliError):
            self.show_message(describe(error))
            return
        QMessageBox.critical(self, self.tr("Unexpected error"), self.tr(
            "An unexpected error occurred and was written to the log file. Your saved "
            "entries are not affected."))

    def _forget(self, worker: JobWorker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)

    def _on_period_chosen(self, index: int) -> None:
        self.form.flush()
        code = self.period_combo.itemData(index)
        self.state.set_period(code)
        self.settings.set(LAST_PERIOD, code)

    def _on_tab_changed(self, index: int) -> None:
        if index != TASKS_TAB:
            self.form.flush()
        if index == CHECK_TAB:
            self.check.run_check()

    def _open_finding(self, number: int, field_code: str) -> None:
        self.open_task(number, Field(field_code))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.form.flush()
        self.settings.set(MAIN_GEOMETRY, self.saveGeometry())
        self.settings.set(MAIN_SPLITTER, self.splitter.saveState())
        self.settings.set(LAST_PERIOD, self.state.period.code)
        self.settings.set(LAST_TASK, self.task_tree.current_task() or 0)
        self.settings.set(TOWNSHIP_TAB, self.tabs.currentIndex())
        for worker in list(self._workers):
            worker.cancel()
        wait_for_pools()
        super().closeEvent(event)


def _action(parent: QWidget, name: str, text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(shortcut)
    return action

