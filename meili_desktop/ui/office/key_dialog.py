"""The prompt for a township's new signing key: compare the fingerprint by phone, then decide."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Results of exec(): Accepted approves, REJECT_KEY rejects, Rejected (closing) decides nothing.
REJECT_KEY = 2


class KeyDecisionDialog(QDialog):
    """Shows a pending key's unit and fingerprint with Approve, Reject and Later buttons."""

    def __init__(self, unit_name: str, unit_id: str, fingerprint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyDecisionDialog")
        self.setWindowTitle(self.tr("New signing key"))
        intro = QLabel(self.tr(
            "{name} ({unit}) sent a package signed with a key this office has not approved. "
            "Call the township and have them read out the fingerprint that their program "
            "shows. Approve only if every digit matches.").format(name=unit_name or unit_id,
                                                                   unit=unit_id), self)
        intro.setWordWrap(True)
        self.fingerprint_label = QLabel(fingerprint, self)
        self.fingerprint_label.setObjectName("keyFingerprint")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.fingerprint_label.setFont(font)
        self.fingerprint_label.setWordWrap(True)
        self.approve_button = QPushButton(self.tr("Fingerprint matches: approve"), self)
        self.approve_button.setObjectName("approveKey")
        self.reject_button = QPushButton(self.tr("Does not match: reject"), self)
        self.reject_button.setObjectName("rejectKey")
        self.later_button = QPushButton(self.tr("Decide later"), self)
        self.later_button.setObjectName("laterKey")
        self.later_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fingerprint_label)
        layout.addLayout(buttons)
        self.approve_button.clicked.connect(self.accept)
        self.reject_button.clicked.connect(lambda: self.done(REJECT_KEY))
        self.later_button.clicked.connect(self.reject)
        self.setMinimumWidth(560)
