"""The first-run dialog: role choice, provisional township, market town and office roles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.app import build_main_window
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui import first_run
from meili_desktop.ui.first_run import FirstRunDialog, run_first_run
from meili_desktop.ui.township.window import TownshipWindow
from tests.services.package_chain import make_city, township_id
from tests.ui.township_helpers import isolated_settings, type_text

__all__ = ["isolated_settings"]


@pytest.fixture
def store(data_dir: Path, isolated_settings: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.dispose()


@pytest.fixture
def dialog(qtbot: QtBot, store: Store) -> FirstRunDialog:
    shown = FirstRunDialog(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def pick(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, f"{text} not offered"
    combo.setCurrentIndex(index)


def test_township_is_default_role(dialog: FirstRunDialog) -> None:
    assert dialog.selected_role() is Role.TOWNSHIP
    assert dialog.pages.currentIndex() == 0
    assert dialog.county_combo.count() >= 13


def test_towns_follow_county(dialog: FirstRunDialog) -> None:
    pick(dialog.county_combo, "淳安县")
    towns = [dialog.town_combo.itemText(index) for index in range(dialog.town_combo.count())]
    assert "千岛湖镇" in towns
    assert "塘栖镇" not in towns


def test_start_provisional_township(qtbot: QtBot, dialog: FirstRunDialog,
                                    store: Store) -> None:
    pick(dialog.county_combo, "临平区")
    pick(dialog.town_combo, "塘栖镇")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    identity = load_identity(store)
    assert identity == dialog.identity
    assert identity.unit_id == "330110102"
    assert identity.is_provisional


def test_market_town_typed_in_chinese(qtbot: QtBot, dialog: FirstRunDialog,
                                      store: Store) -> None:
    pick(dialog.county_combo, "淳安县")
    dialog.market_town_check.setChecked(True)
    assert not dialog.town_combo.isEnabled()
    type_text(dialog.market_town_edit, "汾口集镇")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.identity.unit_id.startswith("X")


def test_empty_market_town_rejected(qtbot: QtBot, dialog: FirstRunDialog,
                                    store: Store) -> None:
    dialog.market_town_check.setChecked(True)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert dialog.isVisible()
    assert load_identity(store) is None


def test_county_office(qtbot: QtBot, dialog: FirstRunDialog, store: Store, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *args: shown.append(text))
    city = make_city(tmp_path / "city office")
    build_distribution_package(city.store, city.unlocked, "330122", tmp_path / "桐庐县.mldp")
    choose_file(monkeypatch, tmp_path / "桐庐县.mldp")
    dialog.findChild(type(dialog.role_buttons.button(0)), "role_county").setChecked(True)
    assert dialog.pages.currentIndex() == 1
    dialog.county_passphrase.setText("county-passphrase")
    dialog.county_repeat.setText("county-passphrase")

    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert load_identity(store).role is Role.COUNTY
    assert load_identity(store).unit_id == "330122"
    assert city.unlocked.signing_fingerprint in shown[0]


def test_city_office_creates_keys(qtbot: QtBot, dialog: FirstRunDialog, store: Store,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *args: shown.append(text))
    dialog.role_buttons.button(2).setChecked(True)
    dialog.city_passphrase.setText("office-passphrase")
    dialog.city_repeat.setText("office-passphrase")

    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert load_identity(store).role is Role.CITY
    assert (store.folder.root / "escrow-key.mlkey").is_file()
    assert len(shown) == 1
    assert "escrow-key.mlkey" in shown[0]


def test_city_passphrase_mismatch_rejected(qtbot: QtBot, dialog: FirstRunDialog,
                                           store: Store) -> None:
    dialog.role_buttons.button(2).setChecked(True)
    dialog.city_passphrase.setText("office-passphrase")
    dialog.city_repeat.setText("office-passphrasf")

    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    assert dialog.error_label.isVisible()
    assert load_identity(store) is None


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))


def test_damaged_package_shows_reason(qtbot: QtBot, dialog: FirstRunDialog, store: Store,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "塘栖镇.mldp"
    package.write_bytes(b"not a package")
    choose_file(monkeypatch, package)
    qtbot.mouseClick(dialog.package_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10000)
    assert dialog.isVisible()
    assert dialog.start_button.isEnabled()
    assert load_identity(store) is None


def test_setup_from_distribution_package(qtbot: QtBot, dialog: FirstRunDialog, store: Store,
                                         tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    city = make_city(tmp_path / "city office")
    unit_id = township_id(city, "临平区", "塘栖镇")
    package = tmp_path / "塘栖镇 下发包.mldp"
    build_distribution_package(city.store, city.unlocked, unit_id, package)
    city.store.dispose()
    choose_file(monkeypatch, package)
    notices: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *args: notices.append(text))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.package_button, Qt.MouseButton.LeftButton)
    assert dialog.identity == load_identity(store)
    assert dialog.identity.unit_id == unit_id
    assert not dialog.identity.is_provisional
    assert len(notices) == 1


def test_cancel_returns_none(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert run_first_run(store) is None
    assert load_identity(store) is None


def test_startup_opens_township_window(qtbot: QtBot, store: Store,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def choose_and_accept(self: FirstRunDialog) -> int:
        pick(self.county_combo, "临平区")
        pick(self.town_combo, "塘栖镇")
        self.start()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", choose_and_accept)
    window = build_main_window(store)
    qtbot.addWidget(window)
    assert isinstance(window, TownshipWindow)
    assert window.state.unit_id == "330110102"
