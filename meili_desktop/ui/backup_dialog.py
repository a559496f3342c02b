"""A dialog that lists the database backups, makes one and restores one after confirmation."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.backups import (
    DAILY_KEEP,
    MANUAL_KEEP,
    PRE_MIGRATION_KEEP,
    PRE_OPERATION_KEEP,
    PRE_RESTORE_KEEP,
    RestoreResult,
    create_backup,
    describe_reason,
    list_backups,
    local_time_text,
    reload_store,
    restore_backup,
)
from meili_desktop.store.backup import BackupFile
from meili_desktop.store.datafolder import Store
from meili_desktop.store.engine import is_sqlite
from meili_desktop.ui.progress import JobProgressWidget
from meili_desktop.ui.workers import JobWorker, ProgressCallback

logger = logging.getLogger(__name__)

TIME_COLUMN, REASON_COLUMN, SIZE_COLUMN, NAME_COLUMN = range(4)


class BackupDialog(QDialog):
    """Lists the data folder's backups with their time, reason and size.

    Making and restoring a backup run on the database write pool. A restore replaces the
    database under the open store, so the caller should reload every page afterwards; the
    dialog says so and emits :attr:`restored`.

    Without a store (``store`` None, ``data_dir`` given) the dialog restores into a data
    folder whose database could not be opened, for example a damaged file at start-up. It
    then only restores, and :attr:`restored_result` tells the caller to open the folder again.

    Signals:
        restored(object): the :class:`~meili_desktop.services.backups.RestoreResult`.
        backup_made(object): the new :class:`~meili_desktop.store.backup.BackupFile`.
    """

    restored = Signal(object)
    backup_made = Signal(object)

    def __init__(self, store: Store | None, parent: QWidget | None = None, *,
                 data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backups"))
        self.store = store
        if store is not None:
            self.data_dir = store.folder.root
        elif data_dir is not None:
            self.data_dir = data_dir
        else:
            raise ValueError("BackupDialog needs a store or a data folder")
        self.restored_result: RestoreResult | None = None
        self._worker: JobWorker | None = None
        self._backups: list[BackupFile] = []

        self.policy_label = QLabel(self.tr(
            "A backup of the database is made every day and before every import, merge, "
            "upgrade and restore that changes data. Kept are the {daily} newest daily "
            "backups, the {operations} newest made before imports and merges, the "
            "{upgrades} newest before upgrades, the {restores} newest before restores and "
            "the {manual} newest made by hand. Evidence files are not part of a backup and "
            "are never deleted by a restore.").format(
                daily=DAILY_KEEP, operations=PRE_OPERATION_KEEP, upgrades=PRE_MIGRATION_KEEP,
                restores=PRE_RESTORE_KEEP, manual=MANUAL_KEEP), self)
        self.policy_label.setWordWrap(True)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Reason"), self.tr("Size"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.create_button = QPushButton(self.tr("Back Up Now"), self)
        self.create_button.setObjectName("createBackup")
        self.create_button.clicked.connect(self.start_backup)
        # A backup of a database that cannot be opened would only copy the damage.
        self.create_button.setVisible(store is not None)
        self.restore_button = QPushButton(self.tr("Restore Selected Backup…"), self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.clicked.connect(self.start_restore)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("backupMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.job_progress = JobProgressWidget(self)
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_box.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.create_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message_label)
        layout.addWidget(self.job_progress)
        layout.addWidget(close_box)
        self.resize(760, 460)

        self.is_supported = store is None or is_sqlite(store.engine)
        if store is None:
            self.message_label.setText(self.tr(
                "Choose the newest backup from before the problem and click \"Restore Selected "
                "Backup\". The damaged database is kept as a backup first."))
        elif not self.is_supported:
            self.message_label.setText(self.tr(
                "The data is kept in a database server; back it up with the server's own tools, "
                "for example pg_dump."))
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of backups from the data folder."""
        self._backups = list_backups(self.data_dir) if self.is_supported else []
        self.table.setRowCount(len(self._backups))
        for row, backup in enumerate(self._backups):
            local_time = local_time_text(backup.created_at)
            size = self.tr("{size} KB").format(size=max(1, round(backup.size / 1024)))
            cells = {TIME_COLUMN: local_time, REASON_COLUMN: describe_reason(backup.reason),
                     SIZE_COLUMN: size, NAME_COLUMN: backup.name}
            for column, text in cells.items():
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_backup(self) -> BackupFile | None:
        """Return the backup of the selected row, or None."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        return self._backups[rows.pop()]

    def start_backup(self) -> None:
        """Make a backup now on the write pool."""
        root = self.data_dir

        def job(_progress: ProgressCallback, _cancel: threading.Event) -> BackupFile:
            return create_backup(root, "manual")

        self._run(job, self.tr("Making a backup"), self._on_backup_made)

    def start_restore(self) -> None:
        """Ask for confirmation, then restore the selected backup on the write pool."""
        backup = self.selected_backup()
        if backup is None or not self.confirm_restore(backup):
            return
        store = self.store
        root = self.data_dir

        def job(_progress: ProgressCallback, _cancel: threading.Event) -> RestoreResult:
            if store is None:
                # Opening the folder again afterwards upgrades an older backup's schema.
                return restore_backup(root, backup)
            # The engine's pooled connections would keep the old file open.
            store.engine.dispose()
            result = restore_backup(root, backup)
            reload_store(store)
            return result

        self._run(job, self.tr("Restoring {name}").format(name=backup.name), self._on_restored)

    def confirm_restore(self, backup: BackupFile) -> bool:
        """Ask the user to confirm replacing the data; return True to go ahead."""
        text = self.tr(
            "Replace all data in this data folder with the backup made {time} ({reason})?\n\n"
            "Everything entered or imported since then is replaced. The current data is kept "
            "as a backup first, so the restore can be undone.").format(
            time=local_time_text(backup.created_at),
            reason=describe_reason(backup.reason))
        answer = QMessageBox.question(
            self, self.tr("Restore Backup"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _run(self, job: Any, title: str, on_success: Any) -> None:
        worker = JobWorker(job, title, self)
        worker.succeeded.connect(on_success)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self._worker = worker
        self.message_label.clear()
        self.job_progress.track(worker, title)
        self._update_buttons()
        worker.start()

    def _on_backup_made(self, backup: BackupFile) -> None:
        self.message_label.setText(self.tr("Backup made: {name}.").format(name=backup.name))
        self.refresh()
        self.backup_made.emit(backup)

    def _on_restored(self, result: RestoreResult) -> None:
        self.restored_result = result
        time = local_time_text(result.restored.created_at)
        if self.store is None:
            text = self.tr("The data was restored from the backup made {time}. Close this "
                           "window to start the program with it.").format(time=time)
        else:
            text = self.tr("The data was restored from the backup made {time}. Close and "
                           "reopen any open pages to see it.").format(time=time)
        if result.safety_copy is not None:
            text += " " + self.tr("The replaced data was kept as the backup {name}.").format(
                name=result.safety_copy.name)
        self.message_label.setText(text)
        self.refresh()
        self.restored.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, MeiliError):
            self.message_label.setText(describe(error))
        else:
            self.message_label.setText(self.tr(
                "An unexpected error occurred; the details are in the log file."))
        self.refresh()

    def _on_finished(self) -> None:
        self._worker = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        is_idle = self._worker is None and self.is_supported
        self.create_button.setEnabled(is_idle)
        self.restore_button.setEnabled(is_idle and self.selected_backup() is not None)
