"""Helpers for driving the township window in tests: settings, Chinese input, combo choices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    """Point QSettings at an INI file under ``tmp_path`` for the test, then restore it."""
    folder = tmp_path / "settings"
    organization = QCoreApplication.organizationName()
    application = QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("MeiliTest")
    QCoreApplication.setApplicationName("TownshipTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    QCoreApplication.setOrganizationName(organization)
    QCoreApplication.setApplicationName(application)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into a widget as an input method commits it (safe for Chinese)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Select everything in an editor, then type ``text`` over it through the input method."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    widget.selectAll()
    type_text(widget, text)


def choose(combo: QComboBox, data: str) -> None:
    """Pick the item with ``data`` as a user would, so ``activated`` is emitted."""
    index = combo.findData(data)
    assert index >= 0, f"{data} not in {combo.objectName()}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
