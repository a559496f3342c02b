"""A relaying county's keys follow the city's change of cipher suite, with real keys.

The city changes suite, and its distribution package to the county announces the new keys.
The county creates keys of the new suite at import. Its next bundle carries the new
encryption key to the city. The township's following report packages then include the
county's key again, and the county's bundles open at the city.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meili_desktop.domain.units import UnitKind
from meili_desktop.exchange.errors import PendingSenderKeyError, WrongPassphraseError
from meili_desktop.messages import describe
from meili_desktop.services import key_rotation, relay
from meili_desktop.services import keys as key_service
from meili_desktop.services.bundles import build_bundle, open_bundle
from meili_desktop.services.county_keys import (
    BundleSuiteMismatchError,
    CountySuitePassphraseError,
)
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import keys_repo, units_repo
from meili_desktop.store.datafolder import Store
from tests.services.package_chain import (
    FAST_KDF,
    PASSPHRASE,
    City,
    fill_entries,
    make_city,
    make_township,
)
from tests.services.test_county_relay import (
    COUNTY_PASSPHRASE,
    approve_pending,
    enrol_county,
    make_county,
)

PERIOD = "2021Q2"
OTHER_SUITE = {"C1": "G1", "G1": "C1"}


def county_id(city: City) -> str:
    with city.store.session_factory() as session:
        return units_repo.find_unit(session, "临平区", kinds=[UnitKind.COUNTY]).id


def rotate_city(city: City, root: Path) -> str:
    """Change the city's keys to the other suite; return the new suite."""
    suite = OTHER_SUITE[city.unlocked.signing.suite]
    key_rotation.rotate_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE,
                                  suite_id=suite, escrow_file=root / f"escrow-{suite}.mlkey",
                                  kdf=FAST_KDF)
    city.unlocked = key_service.unlock_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE)
    return suite


def distribute(city: City, unit_id: str, store: Store, path: Path,
               passphrase: str | None = None) -> None:
    build_distribution_package(city.store, city.unlocked, unit_id, path)
    import_distribution_package(store, path, passphrase=passphrase, kdf=FAST_KDF)


def own_keys(store: Store, unit_id: str) -> list[tuple[str, str, str]]:
    with store.session_factory() as session:
        return [(record.purpose, record.suite, record.status) for record in keys_repo.list_keys(
            session, owner_unit_id=unit_id, own_only=True)]


def open_at_city(city: City, path: Path) -> list[bytes]:
    """Return a bundle's inner packages, approving the county's new key as after a call."""
    try:
        opened = open_bundle(city.store, path, city.unlocked)
    except PendingSenderKeyError as error:
        approve_pending(city.store, error)
        opened = open_bundle(city.store, path, city.unlocked)
    with opened:
        return [file.read_bytes() for file in opened.inner_files]


@pytest.fixture(params=["C1", "G1"])
def city(request: pytest.FixtureRequest, tmp_path: Path) -> City:
    return make_city(tmp_path, request.param)


def test_county_keys_follow_suite(city: City, tmp_path: Path) -> None:
    old_suite = city.unlocked.signing.suite
    county, county_unlocked = make_county(city, tmp_path)
    enrol_county(city, county, county_unlocked, tmp_path)
    township, town_id = make_township(city, tmp_path)
    the_county = county_id(city)

    new_suite = rotate_city(city, tmp_path)
    distribute(city, the_county, county, tmp_path / "county-2.mldp", COUNTY_PASSPHRASE)

    assert sorted(own_keys(county, the_county)) == sorted([
        ("encryption", old_suite, "retired"), ("encryption", new_suite, "approved"),
        ("signing", old_suite, "retired"), ("signing", new_suite, "approved")])
    county_unlocked = key_service.unlock_city_keys(county, the_county, COUNTY_PASSPHRASE)
    assert county_unlocked.signing.suite == new_suite

    enrolment = build_bundle(county, county_unlocked, tmp_path / "enrol.mlcb", allow_empty=True)
    assert open_at_city(city, enrolment.path) == []
    distribute(city, town_id, township, tmp_path / "town-2.mldp")
    fill_entries(township, town_id, PERIOD)
    exported = export_report_package(township, tmp_path)
    assert len(exported.header.recipients) == 3

    try:
        opened = read_incoming(county, exported.path, county_unlocked)
    except PendingSenderKeyError as error:
        approve_pending(county, error)
        opened = read_incoming(county, exported.path, county_unlocked)
    with opened:
        relay.keep_original(county, opened.incoming.package_id, exported.path)
        assert merge(county, opened.incoming).counts["new"] == 3
    bundle = build_bundle(county, county_unlocked, tmp_path / "out.mlcb")
    assert bundle.header.suite == new_suite
    assert open_at_city(city, bundle.path) == [exported.path.read_bytes()]


def test_import_without_passphrase_rejected(city: City, tmp_path: Path) -> None:
    county, _ = make_county(city, tmp_path)
    the_county = county_id(city)
    before = own_keys(county, the_county)
    new_suite = rotate_city(city, tmp_path)

    with pytest.raises(CountySuitePassphraseError) as raised:
        distribute(city, the_county, county, tmp_path / "county-2.mldp")

    assert raised.value.details["suite"] == new_suite
    assert own_keys(county, the_county) == before
    assert "init county" in describe(raised.value)


def test_import_with_wrong_passphrase_rejected(city: City, tmp_path: Path) -> None:
    county, _ = make_county(city, tmp_path)
    the_county = county_id(city)
    before = own_keys(county, the_county)
    rotate_city(city, tmp_path)

    with pytest.raises(WrongPassphraseError):
        distribute(city, the_county, county, tmp_path / "county-2.mldp", "另一个口令")

    assert own_keys(county, the_county) == before


def test_bundle_with_old_keys_rejected(city: City, tmp_path: Path) -> None:
    county, county_unlocked = make_county(city, tmp_path)
    enrol_county(city, county, county_unlocked, tmp_path)
    the_county = county_id(city)
    new_suite = rotate_city(city, tmp_path)
    distribute(city, the_county, county, tmp_path / "county-2.mldp", COUNTY_PASSPHRASE)

    # Keys unlocked before the import still hold the old signing key.
    with pytest.raises(BundleSuiteMismatchError) as raised:
        build_bundle(county, county_unlocked, tmp_path / "stale.mlcb", allow_empty=True)

    assert raised.value.details == {"suite": new_suite,
                                    "county_suite": OTHER_SUITE[new_suite]}
    assert list(tmp_path.glob("stale*")) == []


def test_same_suite_keeps_county_keys(city: City, tmp_path: Path) -> None:
    county, _ = make_county(city, tmp_path)
    the_county = county_id(city)
    before = own_keys(county, the_county)

    distribute(city, the_county, county, tmp_path / "county-2.mldp")

    assert own_keys(county, the_county) == before
