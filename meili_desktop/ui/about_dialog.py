"""The About dialog: version, data folder, database and the cipher suites' self-test results.

Support staff ask for these facts first, so every value can be selected and copied. The
database URL is shown with its password masked.
"""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meili_desktop import __version__
from meili_desktop.exchange.suites import run_self_tests
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.engine import is_sqlite

# Cipher suites by id, named by their algorithms.
SUITE_ALGORITHMS = {"C1": "X25519, AES-256-GCM, Ed25519", "G1": "SM2, SM3, SM4-GCM"}


class AboutDialog(QDialog):
    """Shows what support staff need to know about this installation."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Beautiful Towns Reporting"))
        self.store = store
        self.values: dict[str, str] = {}

        title = QLabel(self.tr("Beautiful Towns Reporting {version}").format(
            version=__version__), self)
        title.setObjectName("aboutTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        purpose = QLabel(self.tr(
            "Offline reporting of the Hangzhou Beautiful Towns programme: township entry, "
            "encrypted report packages, and the offices' merge, review and summaries."), self)
        purpose.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label, value in self._facts():
            self.values[name] = value
            # No word wrap: a wrapped label in a form row is cut off after its first lines,
            # and a path must stay whole to be copied.
            field = QLabel(value, self)
            field.setObjectName(f"about_{name}")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)

        self.copy_button = QPushButton(self.tr("Copy to Clipboard"), self)
        self.copy_button.setObjectName("copyAbout")
        self.copy_button.clicked.connect(self.copy_facts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def _facts(self) -> list[tuple[str, str, str]]:
        folder = self.store.folder
        return [
            ("version", self.tr("Version:"), __version__),
            ("role", self.tr("Installation:"), self._installation_text()),
            ("data_folder", self.tr("Data folder:"), str(folder.root)),
            ("database", self.tr("Database:"), self._database_text()),
            ("logs", self.tr("Log files:"), str(folder.logs_dir)),
            ("suites", self.tr("Encryption self-test:"), self._suites_text()),
            ("platform", self.tr("System:"), self.tr("Python {python}, Qt for Python {qt}, "
                                                     "{system}").format(
                python=platform.python_version(), qt=pyside_version,
                system=platform.platform(terse=True))),
        ]

    def _installation_text(self) -> str:
        identity = load_identity(self.store)
        if identity is None:
            return self.tr("not set up yet")
        roles = {Role.CITY: self.tr("city office"), Role.COUNTY: self.tr("county office"),
                 Role.TOWNSHIP: self.tr("township")}
        role = roles[identity.role]
        if identity.unit_id is None:
            return role
        with self.store.session_factory() as session:
            unit = units_repo.get_unit(session, identity.unit_id)
        name = unit.name if unit is not None else identity.unit_id
        text = self.tr("{role}: {unit} ({unit_id})").format(role=role, unit=name,
                                                             unit_id=identity.unit_id)
        if identity.is_provisional:
            text += " " + self.tr("(provisional)")
        return text

    def _database_text(self) -> str:
        engine = self.store.engine
        if is_sqlite(engine):
            return self.tr("database file {path}").format(path=engine.url.database or "")
        return self.tr("server database {url}").format(
            url=engine.url.render_as_string(hide_password=True))

    def _suites_text(self) -> str:
        lines = []
        for suite, reason in sorted(run_self_tests().items()):
            algorithms = SUITE_ALGORITHMS.get(suite, "")
            if reason is None:
                lines.append(self.tr("{suite} ({algorithms}): passed").format(
                    suite=suite, algorithms=algorithms))
            else:
                lines.append(self.tr("{suite} ({algorithms}): failed and disabled: "
                                     "{reason}").format(suite=suite, algorithms=algorithms,
                                                        reason=reason))
        return "\n".join(lines)

    def copy_facts(self) -> None:
        """Put every fact on the clipboard as text, one per line, for a support request."""
        lines = [self.windowTitle()]
        layout = self.findChild(QFormLayout)
        assert layout is not None
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            if isinstance(label, QLabel) and isinstance(field, QLabel):
                lines.append(f"{label.text()} {field.text()}")
        QGuiApplication.clipboard().setText("\n".join(lines))
