"""The office distribution page writes packages for the selected townships."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.exchange.container import open_package
from meili_desktop.ui.office.window import OfficeWindow
from tests.services.package_chain import PASSPHRASE, City, make_city
from tests.ui.page_helpers import wait_until_loaded
from tests.ui.township_helpers import isolated_settings  # noqa: F401 - fixture


@pytest.fixture
def city(tmp_path: Path, isolated_settings: Path) -> City:  # noqa: F811
    return make_city(tmp_path)


def test_writes_packages_for_selection(qtbot: QtBot, city: City, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *args: shown.append(text))
    window = OfficeWindow(city.store)
    qtbot.addWidget(window)
    window.key_session.unlock_with(PASSPHRASE)
    page = wait_until_loaded(qtbot, window.pages["distribution_page"])
    index = page.county_filter.findText("临平区")
    page.county_filter.setCurrentIndex(index)
    page.search.setText("塘栖")
    assert page.proxy.rowCount() == 1
    page.table.selectionModel().select(
        page.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.Select
        | QItemSelectionModel.SelectionFlag.Rows)
    out = tmp_path / "下发 包"
    out.mkdir()

    worker = page.write_packages(out)
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=30000):
        pass

    files = list(out.glob("*.mldp"))
    assert len(files) == 1
    assert "塘栖镇" in files[0].name
    assert open_package(files[0]).kind == "distribution"
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert city.unlocked.signing_fingerprint in page.key_label.text()


def test_office_window_opens_package_in_inbox(qtbot: QtBot, city: City, tmp_path: Path) -> None:
    window = OfficeWindow(city.store)
    qtbot.addWidget(window)
    window.key_session.unlock_with(PASSPHRASE)
    package = tmp_path / "空.mlrp"
    package.write_bytes(b"")

    window.open_package_file(package)

    assert window.tabs.currentIndex() == list(window.pages).index("inbox_page")
