"""The merge preview: what a verified package would change, and the button that merges it.

Nothing is written while the dialog only shows the preview. Merge runs on the write pool with
a progress bar and a working cancel button; a cancelled merge leaves the database untouched.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.merge_labels import (
    FIELD_LABELS,
    KIND_LABELS,
    REASON_LABELS,
    label,
)
from meili_desktop.services import merge as merge_service
from meili_desktop.services.merge import MergePreview, MergeResult
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.office_jobs import keep_until_finished
from meili_desktop.ui.period_names import period_name
from meili_desktop.ui.workers import JobWorker

logger = logging.getLogger(__name__)

TASK, PERIOD, KIND, REASON, REVISION, FIELDS = range(6)
KIND_ORDER = ("conflict", "held", "new", "updated", "stale", "unchanged")
# Background colours that make conflicts and held entries stand out in the table.
KIND_COLOURS = {"conflict": "#fde2e1", "held": "#fff2cc", "new": "#e2f0d9",
                "updated": "#deebf7"}


class PreviewDialog(QDialog):
    """Shows a package's preview per entry and merges it on request.

    Signals:
        merged(object): the MergeResult after a successful merge.
    """

    merged = Signal(object)

    def __init__(self, store: Store, incoming: IncomingPackage, preview: MergePreview,
                 sender_name: str = "", task_titles: dict[int, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.setWindowTitle(self.tr("Preview of the package"))
        self.store = store
        self.incoming = incoming
        self.preview = preview
        self.result: MergeResult | None = None
        self._worker: JobWorker | None = None
        self._task_titles = task_titles or {}

        self.summary = QLabel(self._summary_text(sender_name), self)
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.summary.setToolTip(self.tr("Package ID: {package}").format(
            package=preview.package_id))
        self.warning = QLabel(self._warning_text(), self)
        self.warning.setObjectName("previewWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #9c0006;")
        self.warning.setVisible(bool(self.warning.text()))
        self.filter = QComboBox(self)
        self.filter.setObjectName("previewFilter")
        self.filter.addItem(self.tr("All entries ({count})").format(
            count=len(preview.entries)), "")
        for kind in KIND_ORDER:
            count = preview.counts.get(kind, 0)
            if count:
                self.filter.addItem(f"{label(KIND_LABELS, kind)} ({count})", kind)
        self.table = self._build_table()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("previewProgress")
        self.progress.hide()
        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        self.merge_button.setEnabled(not preview.is_duplicate)
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.setObjectName("previewCancel")
        self._lay_out()
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.merge_button.clicked.connect(self.start_merge)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.resize(980, 620)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show"), self))
        bar.addWidget(self.filter)
        bar.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _summary_text(self, sender_name: str) -> str:
        counts = self.preview.counts
        parts = [f"{label(KIND_LABELS, kind)} {counts.get(kind, 0)}" for kind in KIND_ORDER]
        return self.tr("{file} from {sender} ({unit}) for {periods}; laptop key "
                       "{fingerprint}, sequence {sequence}.\n{counts}").format(
            file=self.incoming.file_name or self.preview.package_id,
            sender=sender_name or self.preview.sender_unit_id,
            unit=self.preview.sender_unit_id,
            fingerprint=self.preview.sender_fingerprint or "-",
            sequence=self.preview.sequence,
            periods="、".join(period_name(code) for code in self.preview.periods) or "-",
            counts="  ·  ".join(parts))

    def _warning_text(self) -> str:
        notes = []
        if self.preview.is_duplicate:
            notes.append(self.tr("This package was merged before; merging it again changes "
                                 "nothing."))
        if self.preview.newer_sequence_merged is not None:
            notes.append(self.tr("A newer package from this laptop (sequence {sequence}) was "
                                 "merged already; older revisions in this one are stale and "
                                 "change nothing.").format(
                sequence=self.preview.newer_sequence_merged))
        other_laptop = sum(1 for entry in self.preview.entries
                           if entry.kind.value == "conflict" and entry.is_other_laptop)
        if other_laptop:
            notes.append(self.tr("{count} entries differ from what another laptop of this "
                                 "township sent. They become conflicts for you to resolve on "
                                 "the Conflicts page, and both versions are kept.").format(
                count=other_laptop))
        if self.preview.is_clock_suspicious:
            notes.append(self.tr("The sender's clock looks wrong; packages are ordered by "
                                 "their sequence numbers, not by this time."))
        return "\n".join(notes)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(self.preview.entries), 6, self)
        table.setObjectName("previewTable")
        table.setHorizontalHeaderLabels([
            self.tr("Task"), self.tr("Period"), self.tr("Result"), self.tr("Reason"),
            self.tr("Revision (incoming / office)"), self.tr("Changed fields")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Stretch)

        entries = sorted(self.preview.entries,
                         key=lambda item: (KIND_ORDER.index(item.kind.value),
                                           item.key.period_code, item.key.task_number))
        for row, entry in enumerate(entries):
            title = self._task_titles.get(entry.key.task_number, "")
            stored = "-" if entry.stored_revision is None else str(entry.stored_revision)
            cells = [f"{entry.key.task_number} {title}".strip(), entry.key.period_code,
                     label(KIND_LABELS, entry.kind.value), label(REASON_LABELS, entry.reason),
                     f"{entry.revision} / {stored}",
                     "、".join(label(FIELD_LABELS, name) for name in entry.fields)]
            colour = KIND_COLOURS.get(entry.kind.value)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.kind.value)
                if colour:
                    item.setBackground(QColor(colour))
                table.setItem(row, column, item)
        return table

    def _apply_filter(self) -> None:
        wanted = self.filter.currentData()
        for row in range(self.table.rowCount()):
            item = self.table.item(row, KIND)
            kind = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
            self.table.setRowHidden(row, bool(wanted) and kind != wanted)

    def start_merge(self) -> None:
        """Merge the package on the write pool; the dialog closes when it succeeds."""
        incoming = self.incoming

        def job(progress: Any, cancel: threading.Event) -> MergeResult:
            from meili_desktop.services.backups import BackupBeforeWrite

            return merge_service.merge(self.store, incoming, progress, cancel,
                                       backup=BackupBeforeWrite(self.store, "pre-merge"))

        # No Qt parent: the worker must outlive the dialog if the dialog is destroyed mid-merge.
        self._worker = JobWorker(job, f"merge {incoming.package_id}")
        keep_until_finished(self._worker)
        self._worker.progress_changed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_merged)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)
        self.merge_button.setEnabled(False)
        self.filter.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel merge"))
        self.progress.setRange(0, 0)
        self.progress.show()
        self._worker.start()

    def is_merging(self) -> bool:
        return self._worker is not None

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    @Slot(object)
    def _on_merged(self, result: MergeResult) -> None:
        self._worker = None
        self.result = result
        self.merged.emit(result)
        self.accept()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._worker = None
        self._reset_buttons()
        text = describe(error) if isinstance(error, MeiliError) else self.tr(
            "An unexpected error occurred. Nothing was merged; the details are in the log "
            "file.")
        QMessageBox.warning(self, self.windowTitle(), text)

    @Slot()
    def _on_cancelled(self) -> None:
        self._worker = None
        self._reset_buttons()
        self.warning.setText(self.tr("The merge was cancelled; nothing was changed."))
        self.warning.show()

    def _reset_buttons(self) -> None:
        self.progress.hide()
        self.merge_button.setEnabled(not self.preview.is_duplicate)
        self.filter.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setEnabled(True)

    def _cancel_or_close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def reject(self) -> None:
        # Escape must not close the dialog while the merge runs; cancel it instead.
        if self._worker is not None:
            self._cancel_or_close()
            return
        super().reject()
