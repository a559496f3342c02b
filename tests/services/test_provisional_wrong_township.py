"""A provisional township must not be bound to another township's distribution package."""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.services.distribution import (
    WrongAddresseeError,
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.identity import load_identity
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import City, fill_entries, make_city, township_id


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


@pytest.mark.xfail(strict=True, reason="a provisional township with an official code is bound "
                   "to whichever township the first distribution package names, and its "
                   "entries move to that township")
def test_provisional_coded_town_rejects_other_package(city: City, tmp_path: Path) -> None:
    chosen = township_id(city, "余杭区", "瓶窑镇")
    other = township_id(city, "临平区", "塘栖镇")
    store = open_store(tmp_path / "laptop")
    setup_provisional_township(store, "余杭区", "瓶窑镇")
    fill_entries(store, chosen, "2021Q1")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "other.mldp")

    with pytest.raises(WrongAddresseeError):
        import_distribution_package(store, tmp_path / "other.mldp")

    identity = load_identity(store)
    assert identity is not None
    assert identity.unit_id == chosen
    with store.session_factory() as session:
        assert sorted(entries_repo.list_entries(session, chosen, "2021Q1")) == [13, 19, 27]
        assert entries_repo.list_entries(session, other, "2021Q1") == {}
