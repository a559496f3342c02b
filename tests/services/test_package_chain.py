"""The chain city → distribution package → township entries → report package → office merge."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from meili_desktop.domain.entries import EntryKey
from meili_desktop.exchange.errors import (
    PendingSenderKeyError,
    UnknownSenderKeyError,
    WrongRecipientError,
)
from meili_desktop.services import key_rotation
from meili_desktop.services import keys as key_service
from meili_desktop.services.distribution import (
    AlreadyImportedError,
    OlderPackageError,
    WrongAddresseeError,
    build_distribution_package,
    import_distribution_package,
)
from meili_desktop.services.identity import load_identity
from meili_desktop.services.merge import merge
from meili_desktop.services.packages import (
    NoCityKeysYetError,
    export_report_package,
    read_incoming,
)
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import entries_repo, keys_repo
from meili_desktop.store.datafolder import open_store
from tests.services.package_chain import (
    PASSPHRASE,
    FAST_KDF,
    City,
    fill_entries,
    make_city,
    make_township,
    township_id,
)


@pytest.fixture
def city(tmp_path: Path) -> City:
    return make_city(tmp_path)


def approve_sender(city: City, unit_id: str, fingerprint: str) -> None:
    with city.store.session_factory.begin() as session:
        keys_repo.set_status(session, unit_id, fingerprint, keys_repo.APPROVED)


def enroll(city: City, package: Path) -> None:
    """Show the office a township's first package, then approve its key as by phone."""
    with pytest.raises(PendingSenderKeyError) as raised:
        read_incoming(city.store, package, city.unlocked)
    approve_sender(city, raised.value.details["unit_id"], raised.value.details["fingerprint"])


def test_distribution_sets_up_fresh_laptop(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)

    identity = load_identity(store)
    assert identity is not None
    assert identity.unit_id == unit_id
    assert identity.is_provisional is False


def test_full_chain_merges_entries(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    evidence = tmp_path / "验收 照片.jpg"
    evidence.write_bytes(b"\xff\xd8\xff" + b"photo" * 5000)
    fill_entries(store, unit_id, "2021Q2", evidence)

    result = export_report_package(store, tmp_path)
    assert result.path.name.startswith("塘栖镇_2021Q2_")
    assert result.entry_count == 3
    assert result.attachment_count == 1

    with pytest.raises(PendingSenderKeyError):
        read_incoming(city.store, result.path, city.unlocked)
    approve_sender(city, unit_id, result.header.sender_fingerprint)

    with read_incoming(city.store, result.path, city.unlocked) as opened:
        outcome = merge(city.store, opened.incoming)
    assert outcome.counts["new"] == 3

    with city.store.session_factory() as session:
        merged = entries_repo.list_entries(session, unit_id, "2021Q2")
    assert str(merged[13].value) == "85"
    assert merged[13].narrative == "已完成 17 所学校的标准化改造"
    assert merged[27].responsible_person == "王晓明"
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert [ref.sha256 for ref in merged[13].attachments] == [sha]
    assert (city.store.folder.attachments_dir / sha[:2] / sha).read_bytes() == \
        evidence.read_bytes()


def test_merge_twice_changes_nothing(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    exported = export_report_package(store, tmp_path / "first.mlrp")
    enroll(city, exported.path)
    with read_incoming(city.store, exported.path, city.unlocked) as opened:
        merge(city.store, opened.incoming)

    with read_incoming(city.store, exported.path, city.unlocked) as opened:
        second = merge(city.store, opened.incoming)

    assert second.outcome == "duplicate"


def test_provisional_township_binds_and_keeps_entries(city: City, tmp_path: Path) -> None:
    unit_id = township_id(city, "临平区", "塘栖镇")
    store = open_store(tmp_path / "laptop")
    identity = setup_provisional_township(store, "临平区", "塘栖镇")
    fill_entries(store, identity.unit_id or "", "2021Q1")
    with pytest.raises(NoCityKeysYetError):
        export_report_package(store, tmp_path)

    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "d.mldp")
    imported = import_distribution_package(store, tmp_path / "d.mldp")

    assert imported.unit_id == unit_id
    with store.session_factory() as session:
        entries = entries_repo.list_entries(session, unit_id, "2021Q1")
    assert sorted(entries) == [13, 19, 27]
    assert export_report_package(store, tmp_path).entry_count == 3


def test_same_distribution_twice_says_so(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)

    with pytest.raises(AlreadyImportedError):
        import_distribution_package(store, tmp_path / f"dist-{unit_id}.mldp")


def test_older_distribution_refused(city: City, tmp_path: Path) -> None:
    unit_id = township_id(city, "临平区", "塘栖镇")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "old.mldp")
    build_distribution_package(city.store, city.unlocked, unit_id, tmp_path / "new.mldp")
    store = open_store(tmp_path / "laptop")
    import_distribution_package(store, tmp_path / "new.mldp")

    with pytest.raises(OlderPackageError):
        import_distribution_package(store, tmp_path / "old.mldp")


def test_distribution_for_other_town_refused(city: City, tmp_path: Path) -> None:
    store, _ = make_township(city, tmp_path)
    other = township_id(city, "余杭区", "良渚街道")
    build_distribution_package(city.store, city.unlocked, other, tmp_path / "other.mldp")

    with pytest.raises(WrongAddresseeError):
        import_distribution_package(store, tmp_path / "other.mldp")


def test_forged_city_key_refused(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    impostor = make_city(tmp_path / "impostor")
    build_distribution_package(impostor.store, impostor.unlocked, unit_id,
                               tmp_path / "forged.mldp")
    db_file = store.folder.database_file
    before = sqlite3.connect(db_file).execute("SELECT count(*) FROM audit_events").fetchone()

    with pytest.raises(UnknownSenderKeyError):
        import_distribution_package(store, tmp_path / "forged.mldp")

    after = sqlite3.connect(db_file).execute("SELECT count(*) FROM audit_events").fetchone()
    assert before == after


def test_package_for_other_office_refused(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    exported = export_report_package(store, tmp_path)
    other_office = make_city(tmp_path / "other-office")

    with pytest.raises(WrongRecipientError):
        read_incoming(other_office.store, exported.path, other_office.unlocked)


def test_escrow_key_recovers_package(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    exported = export_report_package(store, tmp_path)
    enroll(city, exported.path)
    escrow_id = key_service.restore_escrow_key(city.store, city.unlocked.unit_id,
                                               city.escrow_file, PASSPHRASE)
    unlocked = key_service.unlock_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE)
    escrow_only = key_service.UnlockedCityKeys(unlocked.unit_id, unlocked.signing,
                                               unlocked.signing_fingerprint,
                                               {escrow_id: unlocked.decryption[escrow_id]})

    with read_incoming(city.store, exported.path, escrow_only) as opened:
        assert len(opened.incoming.entries) == 3


def test_rotation_reaches_township(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    new_signing = key_rotation.rotate_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE,
                                                kdf=FAST_KDF).signing_fingerprint
    unlocked = key_service.unlock_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE)
    assert unlocked.signing_fingerprint != new_signing
    build_distribution_package(city.store, unlocked, unit_id, tmp_path / "announce.mldp")
    import_distribution_package(store, tmp_path / "announce.mldp")

    key_rotation.finish_rotation(city.store, city.unlocked.unit_id)
    unlocked = key_service.unlock_city_keys(city.store, city.unlocked.unit_id, PASSPHRASE)
    assert unlocked.signing_fingerprint == new_signing
    build_distribution_package(city.store, unlocked, unit_id, tmp_path / "after.mldp")
    imported = import_distribution_package(store, tmp_path / "after.mldp")

    assert imported.city_fingerprint == new_signing
    fill_entries(store, unit_id, "2021Q3")
    exported = export_report_package(store, tmp_path)
    city.unlocked = unlocked
    enroll(city, exported.path)
    with read_incoming(city.store, exported.path, unlocked) as opened:
        assert {entry["period"] for entry in opened.incoming.entries} == {"2021Q3"}


def test_entry_key_reads_back(city: City, tmp_path: Path) -> None:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")
    with store.session_factory() as session:
        entry = entries_repo.load_entry(session, EntryKey(unit_id, 19, "2021Q2"))
    assert entry is not None
    assert str(entry.value) == "42.5"


def test_g1_suite_chain(tmp_path: Path) -> None:
    city = make_city(tmp_path, suite_id="G1")
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, "2021Q2")

    exported = export_report_package(store, tmp_path)
    assert exported.header.suite == "G1"
    enroll(city, exported.path)
    with read_incoming(city.store, exported.path, city.unlocked) as opened:
        outcome = merge(city.store, opened.incoming)

    assert outcome.counts["new"] == 3
    with city.store.session_factory() as session:
        suites = {record.suite for record in keys_repo.list_keys(session)}
    assert suites == {"G1"}
