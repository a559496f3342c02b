"""The township window imports the city's distribution package and exports report packages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from meili_desktop.exchange.container import open_package
from meili_desktop.services.distribution import build_distribution_package
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.township.window import TownshipWindow
from tests.services.package_chain import City, fill_entries, make_city, township_id
from tests.ui.township_helpers import isolated_settings  # noqa: F401 - fixture

PERIOD = "2021Q2"


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
