"""A city key rotation into another cipher suite, end to end with real keys and packages.

The city changes from one suite to the other. The distribution package signed with the old
key brings the new keys to the township, whose next report package uses the new suite for
every key: working, escrow and its own signing key. Packages written before the change still
merge, and each escrow file alone opens the packages of its suite.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.domain.entries import EntryKey, Status
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.suites import get_suite
from meili_desktop.services import key_rotation
from meili_desktop.services import keys as key_service
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.distribution import (
    build_distribution_package,
    import_distribution_package,
    init_city,
)
from meili_desktop.services.entries import set_entry_fields
from meili_desktop.services.key_rotation import EscrowFileExistsError, EscrowFileRequiredError
from meili_desktop.services.keys import EscrowSuiteMismatchError
from meili_desktop.services.merge import MergeResult, merge
from meili_desktop.services.packages import ExportResult, export_report_package, read_incoming
from meili_desktop.store import keys_repo, models
from meili_desktop.store.datafolder import Store, open_store
from tests.services.package_chain import FAST_KDF, PASSPHRASE, City, make_township

PERIOD = "2021Q2"
OTHER_SUITE = {"C1": "G1", "G1": "C1"}


@dataclass
class Chain:
    """A city office and one township laptop set up from its distribution package."""

    city: City
    township: Store
    unit_id: str
    root: Path


def open_city(root: Path, suite: str, url: str | None) -> City:
    store = open_store(root / "city", url)
    setup = init_city(store, "杭州市美丽城镇办", PASSPHRASE, root / "escrow-old.mlkey",
                      kdf=FAST_KDF, suite_id=suite)
    unlocked = key_service.unlock_city_keys(store, setup.identity.unit_id or "", PASSPHRASE)
    return City(store, unlocked, setup.escrow_file)


def chain_for(root: Path, suite: str, url: str | None) -> Iterator[Chain]:
    city = open_city(root, suite, url)
    township, unit_id = make_township(city, root)
    try:
        yield Chain(city, township, unit_id, root)
    finally:
        township.dispose()
        city.store.dispose()


@pytest.fixture(params=[
    ("C1", "sqlite"), ("G1", "sqlite"),
    pytest.param(("C1", "postgres"), marks=pytest.mark.postgres),
    pytest.param(("G1", "postgres"), marks=pytest.mark.postgres)],
    ids=["C1-sqlite", "G1-sqlite", "C1-postgres", "G1-postgres"])
def chain(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Chain]:
    """A city of either suite with its township, on SQLite and on PostgreSQL."""
    suite, database = request.param
    url = request.getfixturevalue("pg_url") if database == "postgres" else None
    yield from chain_for(tmp_path, suite, url)


@pytest.fixture
def c1_chain(tmp_path: Path) -> Iterator[Chain]:
    yield from chain_for(tmp_path, "C1", None)


def set_value(chain: Chain, task: int, value: str) -> None:
    set_entry_fields(chain.township, active_catalogue(chain.township),
                     EntryKey(chain.unit_id, task, PERIOD),
                     {"status": Status.IN_PROGRESS, "value": value})


def export(chain: Chain, name: str) -> ExportResult:
    return export_report_package(chain.township, chain.root / name, [PERIOD])


def rotate(chain: Chain, suite: str) -> key_rotation.CityKeyRotation:
    return key_rotation.rotate_city_keys(chain.city.store, chain.city.unlocked.unit_id,
                                         PASSPHRASE, suite_id=suite,
                                         escrow_file=chain.root / f"escrow-{suite}.mlkey",
                                         kdf=FAST_KDF)


def distribute(chain: Chain, name: str) -> None:
    """Write the township's distribution package with the city's current signer; import it."""
    chain.city.unlocked = key_service.unlock_city_keys(chain.city.store,
                                                       chain.city.unlocked.unit_id, PASSPHRASE)
    build_distribution_package(chain.city.store, chain.city.unlocked, chain.unit_id,
                               chain.root / name)
    import_distribution_package(chain.township, chain.root / name)


def merge_at_city(chain: Chain, path: Path) -> MergeResult:
    """Merge a package, approving its signing key first as the office does after a call."""
    try:
        opened = read_incoming(chain.city.store, path, chain.city.unlocked)
    except PendingSenderKeyError as error:
        with chain.city.store.session_factory.begin() as session:
            keys_repo.set_status(session, error.details["unit_id"],
                                 error.details["fingerprint"], keys_repo.APPROVED)
        opened = read_incoming(chain.city.store, path, chain.city.unlocked)
    with opened:
        return merge(chain.city.store, opened.incoming)


def city_value(chain: Chain, task: int) -> str | None:
    with chain.city.store.session_factory() as session:
        return session.scalar(select(models.Entry.value).where(
            models.Entry.unit_id == chain.unit_id, models.Entry.task_number == task,
            models.Entry.period_code == PERIOD))


def escrow_only(chain: Chain, escrow_file: Path) -> key_service.UnlockedCityKeys:
    """Return the city's keys reduced to the private key of one escrow file."""
    escrow_id = key_service.restore_escrow_key(chain.city.store, chain.city.unlocked.unit_id,
                                               escrow_file, PASSPHRASE)
    unlocked = key_service.unlock_city_keys(chain.city.store, chain.city.unlocked.unit_id,
                                            PASSPHRASE)
    return key_service.UnlockedCityKeys(unlocked.unit_id, unlocked.signing,
                                        unlocked.signing_fingerprint,
                                        {escrow_id: unlocked.decryption[escrow_id]})


def key_rows(store: Store) -> list[tuple[str, str, str, str]]:
    with store.session_factory() as session:
        return sorted((record.fingerprint, record.purpose, record.suite, record.status)
                      for record in keys_repo.list_keys(session))


def test_suite_change_chain(chain: Chain) -> None:
    old_suite = chain.city.unlocked.signing.suite
    new_suite = OTHER_SUITE[old_suite]
    set_value(chain, 13, "50")
    merge_at_city(chain, export(chain, "first.mlrp").path)
    set_value(chain, 13, "60")
    in_transit = export(chain, "before.mlrp")
    set_value(chain, 19, "30")
    also_in_transit = export(chain, "before-2.mlrp")

    rotation = rotate(chain, new_suite)
    distribute(chain, "announce.mldp")
    set_value(chain, 13, "75")
    after = export(chain, "after.mlrp")

    assert rotation.suite == new_suite
    assert rotation.previous_suite == old_suite
    assert rotation.escrow_file is not None
    assert rotation.escrow_file.is_file()
    assert after.header.suite == new_suite
    assert sorted(item.role for item in after.header.recipients) == ["escrow", "working"]
    result = merge_at_city(chain, after.path)
    assert result.counts["updated"] == 1
    assert result.counts["new"] == 1
    assert result.counts["conflict"] == 0
    assert city_value(chain, 13) == "75"

    key_rotation.finish_rotation(chain.city.store, chain.city.unlocked.unit_id)
    distribute(chain, "after-finish.mldp")
    assert chain.city.unlocked.signing.suite == new_suite
    # Packages written with the old suite arrive after the change and still merge. The
    # laptop's new key vouched for its old one, so their older revisions are stale.
    late = merge_at_city(chain, in_transit.path)
    assert late.outcome == "merged", late.counts
    assert late.counts["stale"] == 1, late.counts
    late = merge_at_city(chain, also_in_transit.path)
    assert late.outcome == "merged", late.counts
    assert late.counts["stale"] == 1, late.counts
    assert late.counts["unchanged"] == 1
    assert city_value(chain, 13) == "75"
    assert city_value(chain, 19) == "30"


def test_each_escrow_file_opens_its_suite(chain: Chain) -> None:
    old_suite = chain.city.unlocked.signing.suite
    set_value(chain, 13, "60")
    before = export(chain, "before.mlrp")
    merge_at_city(chain, before.path)
    rotation = rotate(chain, OTHER_SUITE[old_suite])
    distribute(chain, "announce.mldp")
    set_value(chain, 13, "75")
    after = export(chain, "after.mlrp")
    merge_at_city(chain, after.path)
    assert rotation.escrow_file is not None

    with read_incoming(chain.city.store, after.path,
                       escrow_only(chain, rotation.escrow_file)) as opened:
        assert [entry["value"] for entry in opened.incoming.entries] == ["75"]
    with read_incoming(chain.city.store, before.path,
                       escrow_only(chain, chain.city.escrow_file)) as opened:
        assert [entry["value"] for entry in opened.incoming.entries] == ["60"]


def test_township_keys_follow_rotation(chain: Chain) -> None:
    new_suite = OTHER_SUITE[chain.city.unlocked.signing.suite]
    rotation = rotate(chain, new_suite)
    distribute(chain, "announce.mldp")

    with chain.township.session_factory() as session:
        recipients = key_service.current_recipient_keys(session, chain.city.unlocked.unit_id)
        escrow = keys_repo.list_keys(session, purpose="escrow")
    assert [record.suite for record in recipients] == [new_suite, new_suite]
    assert recipients[1].fingerprint == rotation.escrow_fingerprint
    assert sorted((record.suite, record.status) for record in escrow) == sorted(
        [(new_suite, "approved"), (OTHER_SUITE[new_suite], "retired")])


def test_suite_change_without_escrow_file(c1_chain: Chain) -> None:
    before = key_rows(c1_chain.city.store)

    with pytest.raises(EscrowFileRequiredError) as raised:
        key_rotation.rotate_city_keys(c1_chain.city.store, c1_chain.city.unlocked.unit_id,
                                      PASSPHRASE, suite_id="G1", kdf=FAST_KDF)

    assert raised.value.details == {"suite": "G1", "escrow_suite": "C1"}
    assert key_rows(c1_chain.city.store) == before


def test_existing_escrow_file_kept(c1_chain: Chain) -> None:
    old_escrow = c1_chain.city.escrow_file.read_bytes()
    before = key_rows(c1_chain.city.store)

    with pytest.raises(EscrowFileExistsError):
        key_rotation.rotate_city_keys(c1_chain.city.store, c1_chain.city.unlocked.unit_id,
                                      PASSPHRASE, suite_id="G1",
                                      escrow_file=c1_chain.city.escrow_file, kdf=FAST_KDF)

    assert c1_chain.city.escrow_file.read_bytes() == old_escrow
    assert key_rows(c1_chain.city.store) == before


def test_same_suite_keeps_escrow(c1_chain: Chain) -> None:
    with c1_chain.city.store.session_factory() as session:
        escrow_before = keys_repo.list_keys(session, purpose="escrow")

    rotation = key_rotation.rotate_city_keys(c1_chain.city.store,
                                             c1_chain.city.unlocked.unit_id, PASSPHRASE,
                                             kdf=FAST_KDF)

    with c1_chain.city.store.session_factory() as session:
        escrow_after = keys_repo.list_keys(session, purpose="escrow")
    assert rotation.escrow_file is None
    assert escrow_after == escrow_before


def test_mismatched_escrow_rejects_export(c1_chain: Chain) -> None:
    # A rotation without a new escrow key left townships with a G1 working key beside a C1
    # escrow key. Export then raises a clear error instead of failing in the package writer.
    set_value(c1_chain, 13, "60")
    with c1_chain.township.session_factory.begin() as session:
        working = keys_repo.list_keys(session, purpose="encryption")[-1]
        keys_repo.set_status(session, working.owner_unit_id, working.fingerprint,
                             keys_repo.RETIRED)
        pair = get_suite("G1").generate_encryption_key()
        keys_repo.add_key(session, fingerprint=fingerprint("G1", pair.public_key),
                          owner_unit_id=working.owner_unit_id, purpose="encryption",
                          suite="G1", public_key=pair.public_key)
    files_before = sorted(c1_chain.root.iterdir())

    with pytest.raises(EscrowSuiteMismatchError) as raised:
        export(c1_chain, "mismatch.mlrp")

    assert raised.value.details == {"suite": "G1", "escrow_suite": "C1"}
    assert sorted(c1_chain.root.iterdir()) == files_before
