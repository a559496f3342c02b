"""Ask the office for its passphrase once per session and keep the unlocked keys in memory."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services import keys as key_service
from meili_desktop.services.identity import load_identity
from meili_desktop.store.datafolder import Store

logger = logging.getLogger(__name__)


class PassphraseDialog(QDialog):
    """Asks for the passphrase of the office's keys; shows why the last try failed."""

    def __init__(self, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Unlock the office keys"))
        self.label = QLabel(self.tr(
            "Opening report packages and signing distribution packages needs the passphrase "
            "of the office's keys. It is kept in memory until the program closes."), self)
        self.label.setWordWrap(True)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        self.line = QLineEdit(self)
        self.line.setObjectName("passphraseLine")
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.problem)
        layout.addWidget(self.line)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)


class OfficeKeySession:
    """Holds the office's unlocked keys for the window's lifetime."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._unlocked: key_service.UnlockedCityKeys | None = None

    def unlock_with(self, passphrase: str) -> key_service.UnlockedCityKeys:
        """Unlock with a known passphrase (tests and scripted use).

        Raises:
            WrongPassphraseError, NoCityKeysError: the keys cannot be opened.
        """
        identity = load_identity(self.store)
        unit_id = identity.unit_id if identity and identity.unit_id else ""
        self._unlocked = key_service.unlock_city_keys(self.store, unit_id, passphrase)
        return self._unlocked

    def keys(self, parent: QWidget | None = None) -> key_service.UnlockedCityKeys | None:
        """Return the unlocked keys, asking for the passphrase until it works or is cancelled."""
        problem = ""
        while self._unlocked is None:
            dialog = PassphraseDialog(problem, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            try:
                self.unlock_with(dialog.line.text())
            except MeiliError as error:
                logger.info("office keys not unlocked: %s", error.code)
                problem = describe(error)
        return self._unlocked
