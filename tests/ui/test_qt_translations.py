"""Qt's own dialogs and buttons speak Chinese once the program's translators are installed.

PySide6 6.11.3's qtbase_zh_CN.qm lacks two labels of the file dialog, whose source text
gained a mnemonic in Qt 6, and the file dialog's folder type, so
resources/i18n/qtbase_extra_zh_CN.ts supplies them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from meili_desktop.i18n import install_translators

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    install_translators(QApplication.instance(), "zh_CN")
    yield


def test_file_dialog_labels_chinese(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "选择上报包")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)

    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels
    assert "文件类型(&T)：" in labels
    for text in labels:
        assert CJK.search(text), text
    for button in dialog.findChildren(QPushButton):
        assert CJK.search(button.text()), button.text()
    for button in dialog.findChildren(QToolButton):
        if button.toolTip():
            assert CJK.search(button.toolTip()), button.toolTip()


def test_save_dialog_labels_chinese(qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "导出")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)

    buttons = [button.text() for button in dialog.findChildren(QPushButton)]
    assert "保存(&S)" in buttons
    assert "取消" in buttons


def test_standard_buttons_chinese(qtbot: QtBot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "继续吗？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)

    assert sorted(button.text() for button in box.buttons()) == sorted(
        ["是(&Y)", "否(&N)", "取消"])
    assert sorted(button.text() for button in buttons.buttons()) == sorted(["确定", "关闭"])


@pytest.mark.parametrize(("source", "disambiguation"), [
    ("Folder", "All other platforms"),
    ("File Folder", "Match Windows Explorer"),
])
def test_folder_type_chinese(source: str, disambiguation: str) -> None:
    assert QCoreApplication.translate("QAbstractFileIconProvider", source,
                                      disambiguation) == "文件夹"
