"""The office's database setting: the data folder's own file, or a shared PostgreSQL server.

"Test connection" runs :func:`~meili_desktop.services.database_check.check_database` on the
shared thread pool with a timeout and shows the outcome in Chinese. Saving stores the URL for
this data folder; the program uses it from its next start, and ``--database-url`` on the
command line still overrides it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.database_check import (
    CURRENT,
    EMPTY,
    DatabaseCheck,
    address_without_password,
    check_database,
    mask_url,
    normalize_url,
)
from meili_desktop.store.datafolder import DATABASE_FILE_NAME
from meili_desktop.ui.office.office_jobs import keep_until_finished
from meili_desktop.ui.settings import Settings
from meili_desktop.ui.workers import JobWorker, ProgressCallback

logger = logging.getLogger(__name__)

TEST_TIMEOUT_S = 5.0
URL_PLACEHOLDER = "postgresql://meili@192.168.1.20:5432/meili"
OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class DatabaseSettingsDialog(QDialog):
    """Chooses where the office keeps its data and tests a server before saving it.

    :meth:`exec` returns Accepted after a changed setting was saved.
    """

    def __init__(self, data_dir: Path, settings: Settings, *, in_use_url: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseSettingsDialog")
        self.setWindowTitle(self.tr("Database Settings"))
        self.data_dir = data_dir
        self.settings = settings
        self.worker: JobWorker | None = None
        self.last_check: DatabaseCheck | None = None
        self.last_error: MeiliError | None = None
        self._saved_url = settings.database_url(data_dir)

        intro = QLabel(self.tr(
            "Choose where this office keeps its data. One clerk works with the database "
            "file in the data folder. When several clerks merge packages at the same time, "
            "they all use one PostgreSQL database on a server."), self)
        intro.setWordWrap(True)
        self.file_button = QRadioButton(self.tr("Database file in the data folder (default)"),
                                        self)
        self.file_button.setObjectName("useDatabaseFile")
        file_path = QLabel(str(data_dir / DATABASE_FILE_NAME), self)
        file_path.setObjectName("databaseFilePath")
        file_path.setStyleSheet("color: #555555; margin-left: 22px;")
        self.server_button = QRadioButton(self.tr("Shared PostgreSQL database"), self)
        self.server_button.setObjectName("useDatabaseServer")
        group = QButtonGroup(self)
        group.addButton(self.file_button)
        group.addButton(self.server_button)

        self.url_line = QLineEdit(self)
        self.url_line.setObjectName("databaseUrl")
        self.url_line.setPlaceholderText(URL_PLACEHOLDER)
        self.password_line = QLineEdit(self)
        self.password_line.setObjectName("databasePassword")
        self.password_line.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_line.setPlaceholderText(self.tr("if the address has none"))
        server_form = QFormLayout()
        server_form.setContentsMargins(22, 0, 0, 0)
        server_form.addRow(self.tr("Address (URL):"), self.url_line)
        server_form.addRow(self.tr("Password:"), self.password_line)

        self.test_button = QPushButton(self.tr("Test Connection"), self)
        self.test_button.setObjectName("testConnection")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("testResult")
        self.result_label.setWordWrap(True)
        in_use = mask_url(in_use_url) if in_use_url else self.tr("the database file")
        self.in_use_label = QLabel(self.tr(
            "In use now: {database}. A changed setting takes effect when the program next "
            "starts; a database given with --database-url on the command line takes "
            "precedence over it.").format(database=in_use), self)
        self.in_use_label.setObjectName("inUseNote")
        self.in_use_label.setWordWrap(True)
        self.in_use_label.setStyleSheet("color: #555555;")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.setObjectName("databaseButtons")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.start_test)
        self.file_button.toggled.connect(self._update_enabled)
        self.url_line.textEdited.connect(self._clear_result)
        self.password_line.textEdited.connect(self._clear_result)

        test_row = QHBoxLayout()
        test_row.setContentsMargins(22, 0, 0, 0)
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.file_button)
        layout.addWidget(file_path)
        layout.addSpacing(6)
        layout.addWidget(self.server_button)
        layout.addLayout(server_form)
        layout.addLayout(test_row)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.in_use_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self._load(self._saved_url)

    def _load(self, url: str | None) -> None:
        if not url:
            self.file_button.setChecked(True)
            self._update_enabled()
            return
        self.server_button.setChecked(True)
        try:
            self.url_line.setText(address_without_password(url))
            self.password_line.setText(make_url(url).password or "")
        except (MeiliError, ArgumentError):
            logger.warning("the saved database URL of %s cannot be read", self.data_dir)
        self._update_enabled()

    def chosen_url(self) -> str | None:
        """Return the URL the form describes, with the password put in; None for the file.

        Raises:
            InvalidDatabaseUrlError, UnsupportedDatabaseError: the address is not usable.
        """
        if self.file_button.isChecked():
            return None
        text = normalize_url(self.url_line.text())
        password = self.password_line.text()
        if password:
            text = make_url(text).set(password=password).render_as_string(hide_password=False)
        return text

    def start_test(self) -> JobWorker | None:
        """Check the chosen server on the shared pool; the outcome replaces the result text."""
        try:
            url = self.chosen_url()
        except MeiliError as error:
            self._show_error(error)
            return None
        if url is None:
            return None
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Connecting to {url}…").format(url=mask_url(url)))
        self.test_button.setEnabled(False)

        def job(_progress: ProgressCallback, _cancel: threading.Event) -> DatabaseCheck:
            return check_database(url, TEST_TIMEOUT_S)

        # No Qt parent: the check ends only at its timeout and may outlive the dialog.
        worker = JobWorker(job, f"database check {mask_url(url)}")
        keep_until_finished(worker)
        worker.succeeded.connect(self._on_checked)
        worker.failed.connect(self._on_failed)
        worker.finished.connect(self._on_finished)
        self.worker = worker
        worker.start(QThreadPool.globalInstance())
        return worker

    def save(self) -> None:
        """Store the choice; tell the user that it takes effect on the next start."""
        try:
            url = self.chosen_url()
        except MeiliError as error:
            self._show_error(error)
            return
        if url == self._saved_url:
            self.reject()
            return
        self.settings.set_database_url(self.data_dir, url)
        self.settings.sync()
        logger.info("database of %s set to %s", self.data_dir,
                    mask_url(url) if url else "the data folder's own file")
        QMessageBox.information(self, self.tr("Database Settings"), self.tr(
            "The setting was saved. Close the program and start it again to work with the "
            "chosen database."))
        self.accept()

    def describe_check(self, check: DatabaseCheck) -> str:
        """Return the sentence shown for a successful check."""
        if check.state == EMPTY:
            return self.tr(
                "Connected. The database is empty: when the program next starts with it, it "
                "creates the tables and asks how this installation is used, as on a first "
                "start.")
        if check.state == CURRENT:
            if check.role is None:
                return self.tr("Connected. The database has the current schema but is not "
                               "set up yet; the program asks how it is used on the next start.")
            return self.tr("Connected. The database has the current schema and belongs to "
                           "the {role} {unit}.").format(role=self._role_name(check.role),
                                                         unit=check.unit_id or "")
        return self.tr(
            "Connected. The database has an older schema ({revision}); the program upgrades "
            "it to {head} when it next starts with it. Back the database up with pg_dump "
            "first: the program makes no backups of a server database.").format(
            revision=check.revision, head=check.head)

    def _role_name(self, role: str) -> str:
        names = {"city": self.tr("city office"), "county": self.tr("county office"),
                 "township": self.tr("township")}
        return names.get(role, role)

    def _on_checked(self, check: DatabaseCheck) -> None:
        self.last_check, self.last_error = check, None
        self.result_label.setStyleSheet(OK_STYLE)
        self.result_label.setText(self.describe_check(check))

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, MeiliError):
            self._show_error(error)
            return
        self.last_check, self.last_error = None, None
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(self.tr(
            "The test failed with an unexpected error; the details are in the log file."))

    def _show_error(self, error: MeiliError) -> None:
        self.last_check, self.last_error = None, error
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(describe(error))

    def _on_finished(self) -> None:
        self.worker = None
        self._update_enabled()

    def _clear_result(self) -> None:
        self.last_check, self.last_error = None, None
        self.result_label.clear()

    def _update_enabled(self) -> None:
        uses_server = self.server_button.isChecked()
        for widget in (self.url_line, self.password_line):
            widget.setEnabled(uses_server)
        self.test_button.setEnabled(uses_server and self.worker is None)
        if not uses_server:
            self._clear_result()
