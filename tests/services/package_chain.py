"""Helpers that set up a city office and a township laptop and move packages between them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.exchange.keys import KdfParameters
from meili_desktop.services import keys as key_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
    init_city,
)
from meili_desktop.services.entries import attach_evidence, set_entry_fields
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import units_repo
from meili_desktop.store.datafolder import Store, open_store

# Cheap passphrase hashing so that tests do not spend seconds per unlock.
FAST_KDF = KdfParameters(memory_kib=1024, passes=1, lanes=1, pbkdf2_iterations=1000)
PASSPHRASE = "市美丽城镇办 口令 2021"


@dataclass
class City:
    store: Store
    unlocked: key_service.UnlockedCityKeys
    escrow_file: Path


def make_city(root: Path, suite_id: str = "C1") -> City:
    store = open_store(root / "city")
    setup = init_city(store, "杭州市美丽城镇办", PASSPHRASE, root / "escrow.mlkey", kdf=FAST_KDF,
                      suite_id=suite_id)
    unlocked = key_service.unlock_city_keys(store, setup.identity.unit_id or "", PASSPHRASE)
    return City(store, unlocked, setup.escrow_file)


def township_id(city: City, county: str, town: str) -> str:
    with city.store.session_factory() as session:
        return units_repo.find_township(session, county, town).id


def make_township(city: City, root: Path, county: str = "临平区", town: str = "塘栖镇",
                  *, provisional_first: bool = False) -> tuple[Store, str]:
    """Return a township laptop's store set up from the city's distribution package."""
    unit_id = township_id(city, county, town)
    package = build_distribution_package(city.store, city.unlocked, unit_id,
                                         root / f"dist-{unit_id}.mldp")
    store = open_store(root / f"township-{unit_id}")
    if provisional_first:
        setup_provisional_township(store, county, town)
    import_distribution_package(store, root / f"dist-{unit_id}.mldp")
    assert package.addressee == unit_id
    return store, unit_id


def fill_entries(store: Store, unit_id: str, period: str, evidence: Path | None = None) -> None:
    catalogue = active_catalogue(store)
    set_entry_fields(store, catalogue, EntryKey(unit_id, 13, period),
                     {"status": Status.IN_PROGRESS, "value": Decimal("85"),
                      "narrative": "已完成 17 所学校的标准化改造"})
    set_entry_fields(store, catalogue, EntryKey(unit_id, 19, period),
                     {"status": Status.DONE, "value": Decimal("42.5")})
    set_entry_fields(store, catalogue, EntryKey(unit_id, 27, period),
                     {"status": Status.IN_PROGRESS, "value": Decimal("12.3"),
                      "responsible_person": "王晓明", "contact": "0571-88886666"})
    if evidence is not None:
        attach_evidence(store, EntryKey(unit_id, 13, period), evidence, max_mb=50)
