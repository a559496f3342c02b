"""The office inbox's add-folder hands the county bundles inside a folder to the importer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from meili_desktop.services.bundles import build_bundle
from meili_desktop.store.datafolder import Store
from meili_desktop.ui.office.inbox_page import InboxPage
from meili_desktop.ui.office.window import OfficeWindow
from tests.reports.report_support import open_office_store
from tests.services.package_chain import make_city
from tests.services.test_county_relay import make_county
from tests.ui.township_helpers import isolated_settings

__all__ = ["isolated_settings"]


@pytest.fixture
def store(tmp_path: Path, isolated_settings: Path) -> Iterator[Store]:
    opened = open_office_store(tmp_path / "市办")
    yield opened
    opened.dispose()


def test_folder_bundles_go_to_importer(qtbot: QtBot, store: Store, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = OfficeWindow(store)
    qtbot.addWidget(window)
    bundles: list[Path] = []
    monkeypatch.setattr(window.bundles, "open_bundle", bundles.append)
    folder = tmp_path / "收件"
    folder.mkdir()
    for name in ("临平区_0002.MLCB", "临平区_0001.mlcb", "说明.txt"):
        (folder / name).write_bytes(b"bundle bytes")

    window.open_package_files([folder])

    assert bundles == [folder / "临平区_0001.mlcb", folder / "临平区_0002.MLCB"]
    assert window.pages["inbox_page"].rows == []


def test_renamed_bundle_goes_to_importer(qtbot: QtBot, store: Store, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    city = make_city(tmp_path / "city")
    county, county_keys = make_county(city, tmp_path / "city")
    bundle = build_bundle(county, county_keys, tmp_path / "enrol.mlcb", allow_empty=True).path
    renamed = bundle.rename(tmp_path / "临平区.mlrp")
    window = OfficeWindow(store)
    qtbot.addWidget(window)
    bundles: list[Path] = []
    monkeypatch.setattr(window.bundles, "open_bundle", bundles.append)
    # The inbox would ask for the passphrase; a file sent there is only recorded.
    to_inbox: list[list[Path]] = []
    monkeypatch.setattr(InboxPage, "add_paths", lambda page, paths: to_inbox.append(paths))

    window.open_package_files([renamed])

    assert bundles == [renamed]
    assert to_inbox == []
