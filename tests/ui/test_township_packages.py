"""The township window imports the city's distribution package and exports report packages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.exchange.container import open_package
from meili_desktop.i18n import install_translators
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.window import TownshipWindow
from tests.services.package_chain import City, fill_entries, make_city, township_id
from tests.ui.township_helpers import isolated_settings  # noqa: F401 - fixture

PERIOD = "2021Q2"


@pytest.fixture(autouse=True)
def chinese_interface(qapp: QApplication) -> None:
    install_translators(qapp, "zh_CN")


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.fixture
def provisional(tmp_path: Path, isolated_settings: Path) -> Iterator[Store]:  # noqa: F811
    store = open_store(tmp_path / "laptop 乡镇")
    setup_provisional_township(store, "临平区", "塘栖镇")
    yield store
    store.dispose()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda parent, title, text, *args, **kwargs: shown.append(text))
    return shown


def open_window(qtbot: QtBot, store: Store) -> TownshipWindow:
    window = TownshipWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_import_binds_and_export_writes_package(qtbot: QtBot, city: City, tmp_path: Path,
                                                provisional: Store,
                                                messages: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    unit_id = township_id(city, "临平区", "塘栖镇")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "下发包.mldp")
    identity = load_identity(provisional)
    assert identity is not None
    fill_entries(provisional, identity.unit_id or "", PERIOD)
    window = open_window(qtbot, provisional)

    worker = window.open_package_file(tmp_path / "下发包.mldp")
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "塘栖镇" in messages[0]
    assert city.unlocked.signing_fingerprint in messages[0]

    reopened = [widget for widget in QApplication.topLevelWidgets()
                if isinstance(widget, TownshipWindow) and widget.isVisible()]
    assert len(reopened) == 1
    current = reopened[0]
    qtbot.addWidget(current)
    current.set_period(PERIOD)
    target = tmp_path / "out" / "上报包.mlrp"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    worker = current.export_report_package()
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: len(messages) == 2)

    header = open_package(target)
    assert header.kind == "report"
    assert header.sender_unit_id == unit_id
    assert header.counts["entries"] == 3
    assert target.name in messages[1].splitlines()
    assert str(target.parent) in messages[1].splitlines()


def test_export_without_city_keys_explains(qtbot: QtBot, provisional: Store, tmp_path: Path,
                                           messages: list[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    identity = load_identity(provisional)
    fill_entries(provisional, identity.unit_id or "", PERIOD)
    window = open_window(qtbot, provisional)
    window.set_period(PERIOD)

    worker = window.export_report_package(tmp_path / "x.mlrp")
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=20000):
        pass

    qtbot.waitUntil(lambda: len(messages) == 1)
    assert "下发包" in messages[0]
    assert not (tmp_path / "x.mlrp").exists()


def test_open_missing_file_explains(qtbot: QtBot, provisional: Store, tmp_path: Path,
                                    messages: list[str]) -> None:
    window = open_window(qtbot, provisional)

    assert window.open_package_file(tmp_path / "不存在.mldp") is None

    assert len(messages) == 1
    assert "不存在.mldp" in messages[0]


def test_other_township_package_refused(qtbot: QtBot, city: City, tmp_path: Path,
                                        provisional: Store, messages: list[str]) -> None:
    other = township_id(city, "余杭区", "瓶窑镇")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "瓶窑镇.mldp")
    window = open_window(qtbot, provisional)

    assert window.open_package_file(tmp_path / "瓶窑镇.mldp") is None

    assert len(messages) == 1
    assert "瓶窑镇" in messages[0]
    assert "塘栖镇" in messages[0]
    assert load_identity(provisional).unit_id == township_id(city, "临平区", "塘栖镇")


@pytest.fixture
def market_town(tmp_path: Path, isolated_settings: Path) -> Iterator[Store]:  # noqa: F811
    store = open_store(tmp_path / "集镇")
    setup_provisional_township(store, "淳安县", "千岛湖集镇", is_market_town=True)
    yield store
    store.dispose()


def answer_question(monkeypatch: pytest.MonkeyPatch, role: QMessageBox.ButtonRole,
                    questions: list[str]) -> None:
    """Answer the next question box by clicking its first button of ``role``."""
    def exec_box(box: QMessageBox) -> int:
        questions.append(box.text())
        next(button for button in box.buttons() if box.buttonRole(button) == role).click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", exec_box)


def test_market_town_change_declined(qtbot: QtBot, city: City, tmp_path: Path,
                                     market_town: Store, messages: list[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real = township_id(city, "淳安县", "千岛湖镇")
    build_distribution_package(city.store, city.unlocked, real, tmp_path / "千岛湖镇.mldp")
    before = load_identity(market_town)
    fill_entries(market_town, before.unit_id or "", PERIOD)
    window = open_window(qtbot, market_town)
    questions: list[str] = []
    answer_question(monkeypatch, QMessageBox.ButtonRole.RejectRole, questions)

    assert window.open_package_file(tmp_path / "千岛湖镇.mldp") is None

    assert len(questions) == 1
    assert "千岛湖集镇" in questions[0]
    assert "千岛湖镇" in questions[0]
    assert "3 个条目" in questions[0]
    assert messages == []
    assert load_identity(market_town) == before


def test_market_town_change_confirmed(qtbot: QtBot, city: City, tmp_path: Path,
                                      market_town: Store, messages: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = township_id(city, "淳安县", "千岛湖镇")
    build_distribution_package(city.store, city.unlocked, real, tmp_path / "千岛湖镇.mldp")
    fill_entries(market_town, load_identity(market_town).unit_id or "", PERIOD)
    window = open_window(qtbot, market_town)
    questions: list[str] = []
    answer_question(monkeypatch, QMessageBox.ButtonRole.AcceptRole, questions)

    worker = window.open_package_file(tmp_path / "千岛湖镇.mldp")
    assert worker is not None
    with qtbot.waitSignal(worker.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: len(messages) == 1)

    assert len(questions) == 1
    assert "已由临时集镇“千岛湖集镇”改为 千岛湖镇" in messages[0]
    assert load_identity(market_town).unit_id == real
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, TownshipWindow):
            qtbot.addWidget(widget)
