"""County relay: the county opens its townships' packages and forwards them in a bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.domain.units import UnitKind
from meili_desktop.exchange.errors import PendingSenderKeyError, WrongRecipientError
from meili_desktop.services import keys as key_service
from meili_desktop.services import relay
from meili_desktop.services.bundles import build_bundle, open_bundle
from meili_desktop.services.distribution import (
    CountyPassphraseError,
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import entries_repo, keys_repo, units_repo
from meili_desktop.store.datafolder import Store, open_store
from tests.services.package_chain import (
    FAST_KDF,
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)

COUNTY_PASSPHRASE = "临平区 县办 口令"


def approve_pending(store: Store, error: PendingSenderKeyError) -> None:
    with store.session_factory.begin() as session:
        keys_repo.set_status(session, error.details["unit_id"], error.details["fingerprint"],
                             keys_repo.APPROVED)


def make_county(city: City, root: Path) -> tuple[Store, key_service.UnlockedCityKeys]:
    with city.store.session_factory() as session:
        county_id = units_repo.find_unit(session, "临平区", kinds=[UnitKind.COUNTY]).id
    build_distribution_package(city.store, city.unlocked, county_id, root / "county.mldp")
    store = open_store(root / "county")
    import_distribution_package(store, root / "county.mldp", passphrase=COUNTY_PASSPHRASE,
                                kdf=FAST_KDF)
    unlocked = key_service.unlock_city_keys(store, county_id, COUNTY_PASSPHRASE)
    return store, unlocked


def enrol_county(city: City, county: Store, unlocked: key_service.UnlockedCityKeys,
                 root: Path) -> None:
    bundle = build_bundle(county, unlocked, root, allow_empty=True)
    with pytest.raises(PendingSenderKeyError) as raised:
        open_bundle(city.store, bundle.path, city.unlocked)
    approve_pending(city.store, raised.value)
    with open_bundle(city.store, bundle.path, city.unlocked) as opened:
        assert opened.inner_files == []


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def test_county_needs_passphrase(city: City, tmp_path: Path) -> None:
    with city.store.session_factory() as session:
        county_id = units_repo.find_unit(session, "临平区", kinds=[UnitKind.COUNTY]).id
    build_distribution_package(city.store, city.unlocked, county_id, tmp_path / "c.mldp")
    store = open_store(tmp_path / "county")

    with pytest.raises(CountyPassphraseError):
        import_distribution_package(store, tmp_path / "c.mldp")

    assert load_identity(store) is None


def test_relay_keeps_township_signatures(city: City, tmp_path: Path) -> None:
    county, county_keys = make_county(city, tmp_path)
    assert load_identity(county).role is Role.COUNTY
    enrol_county(city, county, county_keys, tmp_path)
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    exported = export_report_package(township, tmp_path)
    assert len(exported.header.recipients) == 3

    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(county, exported.path, county_keys)
    approve_pending(county, raised.value)
    with read_incoming(county, exported.path, county_keys) as opened:
        relay.keep_original(county, opened.incoming.package_id, exported.path)
        assert merge(county, opened.incoming).counts["new"] == 3

    bundle = build_bundle(county, county_keys, tmp_path / "out.mlcb")
    assert bundle.package_ids == (exported.header.package_id,)
    with open_bundle(city.store, bundle.path, city.unlocked) as opened:
        assert len(opened.inner_files) == 1
        assert opened.inner_files[0].read_bytes() == exported.path.read_bytes()
        with pytest.raises(PendingSenderKeyError) as raised:
            read_incoming(city.store, opened.inner_files[0], city.unlocked)
        approve_pending(city.store, raised.value)
        with read_incoming(city.store, opened.inner_files[0], city.unlocked) as inner:
            assert merge(city.store, inner.incoming).counts["new"] == 3

    with city.store.session_factory() as session:
        assert sorted(entries_repo.list_entries(session, unit_id, "2021Q2")) == [13, 19, 27]


def test_other_county_cannot_open_package(city: City, tmp_path: Path) -> None:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, "2021Q2")
    exported = export_report_package(township, tmp_path)
    county, county_keys = make_county(city, tmp_path)

    with pytest.raises(WrongRecipientError):
        read_incoming(county, exported.path, county_keys)
