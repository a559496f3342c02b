"""A provisional township must not be bound to another township's distribution package.

Only a provisional market town, which has no official code the office could address, takes
the identity of the township its first package names, and only when the caller allows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from meili_desktop.cli import main
from meili_desktop.i18n import install_translators
from meili_desktop.messages import describe
from meili_desktop.services.distribution import (
    IdentityChangeUnconfirmedError,
    WrongAddresseeError,
    build_distribution_package,
    distribution_identity_change,
    import_distribution_package,
)
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo, units_repo
from meili_desktop.store.datafolder import Store, open_store
from tests.services.package_chain import City, fill_entries, make_city, township_id


@pytest.fixture(autouse=True)
def chinese_messages(qapp: QApplication) -> None:
    install_translators(qapp, "zh_CN")


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def label(city: City, unit_id: str) -> str:
    """Return a unit's name with its current official code, as the messages show it."""
    with city.store.session_factory() as session:
        unit = units_repo.get_unit(session, unit_id)
    return f"{unit.name}（{unit.current_code}）"


def entry_tasks(store: Store, unit_id: str) -> list[int]:
    with store.session_factory() as session:
        return sorted(entries_repo.list_entries(session, unit_id, "2021Q1"))


def test_provisional_coded_town_rejects_other_package(city: City, tmp_path: Path) -> None:
    chosen = township_id(city, "余杭区", "瓶窑镇")
    other = township_id(city, "临平区", "塘栖镇")
    store = open_store(tmp_path / "laptop")
    setup_provisional_township(store, "余杭区", "瓶窑镇")
    fill_entries(store, chosen, "2021Q1")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "other.mldp")

    with pytest.raises(WrongAddresseeError) as raised:
        import_distribution_package(store, tmp_path / "other.mldp",
                                    allow_identity_change=True)

    identity = load_identity(store)
    assert identity is not None
    assert identity.unit_id == chosen
    assert identity.is_provisional
    assert entry_tasks(store, chosen) == [13, 19, 27]
    assert entry_tasks(store, other) == []
    text = describe(raised.value)
    assert f"是 {label(city, other)} 的下发包" in text
    assert f"本机填报的是 {label(city, chosen)}" in text
    assert "未做任何更改" in text
    assert "市美丽城镇办" in text


def test_provisional_coded_town_rejected_before_reading(city: City, tmp_path: Path) -> None:
    store = open_store(tmp_path / "laptop")
    setup_provisional_township(store, "余杭区", "瓶窑镇")
    other = township_id(city, "临平区", "塘栖镇")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "other.mldp")

    with pytest.raises(WrongAddresseeError):
        distribution_identity_change(store, tmp_path / "other.mldp")


def test_provisional_coded_town_binds_own_package(city: City, tmp_path: Path) -> None:
    chosen = township_id(city, "余杭区", "瓶窑镇")
    store = open_store(tmp_path / "laptop")
    setup_provisional_township(store, "余杭区", "瓶窑镇")
    fill_entries(store, chosen, "2021Q1")
    build_distribution_package(city.store, city.unlocked, chosen, tmp_path / "own.mldp")

    assert distribution_identity_change(store, tmp_path / "own.mldp") is None
    imported = import_distribution_package(store, tmp_path / "own.mldp")

    assert imported.identity_change is None
    identity = load_identity(store)
    assert identity is not None
    assert identity.unit_id == chosen
    assert not identity.is_provisional
    assert entry_tasks(store, chosen) == [13, 19, 27]


def test_market_town_adoption_needs_consent(city: City, tmp_path: Path) -> None:
    store = open_store(tmp_path / "laptop")
    market_town = setup_provisional_township(store, "淳安县", "千岛湖集镇",
                                             is_market_town=True).unit_id or ""
    fill_entries(store, market_town, "2021Q1")
    real = township_id(city, "淳安县", "千岛湖镇")
    build_distribution_package(city.store, city.unlocked, real, tmp_path / "real.mldp")

    change = distribution_identity_change(store, tmp_path / "real.mldp")
    assert change is not None
    assert change.old_unit_id == market_town
    assert change.old_label == "千岛湖集镇"
    assert change.new_label == label(city, real)
    assert change.entries == 3
    with pytest.raises(IdentityChangeUnconfirmedError) as raised:
        import_distribution_package(store, tmp_path / "real.mldp")
    assert load_identity(store).unit_id == market_town
    assert entry_tasks(store, market_town) == [13, 19, 27]
    assert "千岛湖集镇" in describe(raised.value)

    imported = import_distribution_package(store, tmp_path / "real.mldp",
                                           allow_identity_change=True)

    assert imported.identity_change == change
    assert imported.moved_entries == 3
    identity = load_identity(store)
    assert identity is not None
    assert identity.unit_id == real
    assert not identity.is_provisional
    assert entry_tasks(store, real) == [13, 19, 27]
    with store.session_factory() as session:
        assert units_repo.get_unit(session, market_town).merged_into_id == real


def test_market_town_rejects_county_package(city: City, tmp_path: Path) -> None:
    store = open_store(tmp_path / "laptop")
    market_town = setup_provisional_township(store, "淳安县", "千岛湖集镇",
                                             is_market_town=True).unit_id or ""
    with city.store.session_factory() as session:
        county = units_repo.find_unit(session, "淳安县").id
    build_distribution_package(city.store, city.unlocked, county, tmp_path / "county.mldp")

    with pytest.raises(WrongAddresseeError):
        import_distribution_package(store, tmp_path / "county.mldp", passphrase="口令 2021",
                                    allow_identity_change=True)

    assert load_identity(store).unit_id == market_town


def test_cli_import_names_both_towns(capsys: pytest.CaptureFixture[str], city: City,
                                     tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    assert main(["--data-dir", str(folder), "init", "township", "--provisional",
                 "--county", "余杭区", "--town", "瓶窑镇"]) == 0
    other = township_id(city, "临平区", "塘栖镇")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "other.mldp")
    capsys.readouterr()

    status = main(["--data-dir", str(folder), "import", str(tmp_path / "other.mldp")])

    output = capsys.readouterr()
    assert status == WrongAddresseeError.exit_code
    assert label(city, other) in output.err
    assert "瓶窑镇" in output.err
    assert "已转到" not in output.out + output.err


def test_cli_import_reports_market_town_change(capsys: pytest.CaptureFixture[str], city: City,
                                               tmp_path: Path) -> None:
    folder = tmp_path / "laptop"
    assert main(["--data-dir", str(folder), "init", "township", "--provisional",
                 "--county", "淳安县", "--market-town", "千岛湖集镇"]) == 0
    real = township_id(city, "淳安县", "千岛湖镇")
    build_distribution_package(city.store, city.unlocked, real, tmp_path / "real.mldp")
    capsys.readouterr()

    status = main(["--data-dir", str(folder), "import", str(tmp_path / "real.mldp")])

    output = capsys.readouterr().out
    assert status == 0
    assert "临时集镇“千岛湖集镇”" in output
    assert label(city, real) in output
