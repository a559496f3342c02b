"""Distribution packages (下发包): the city writes one per unit; a township imports it.

A distribution package is signed by the city but not encrypted: it carries the catalogue,
periods, the unit's targets, the city's public keys and the review comments on the unit's
entries. The first one a laptop imports sets it up (or binds a provisional township) and pins
the city's signing key; later ones must be signed by a pinned key and have a higher sequence
number. A key rotation reaches townships in packages signed by the old key.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue_document import (
    catalogue_from_document,
    catalogue_to_document,
)
from meili_desktop.domain.divisions import CITY_ID, CITY_NAME
from meili_desktop.domain.targets import SplitMethod, TargetRecord
from meili_desktop.domain.units import ReportingUnit, UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.exchange import content
from meili_desktop.exchange.container import (
    PackageHeaderInfo,
    Sender,
    open_package,
    read_package,
    verify_header,
    write_package,
)
from meili_desktop.exchange.errors import ContentMismatchError, UnknownSenderKeyError
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.keys import PURPOSE_ENCRYPTION, PURPOSE_SIGNING
from meili_desktop.exchange.model import KIND_DISTRIBUTION, KeyState, SenderKeyLookup
from meili_desktop.file_types import DISTRIBUTION_PACKAGE_EXTENSION
from meili_desktop.services import county_keys
from meili_desktop.services import keys as key_service
from meili_desktop.services.backups import make_event_backup
from meili_desktop.services.catalogue import active_catalogue, store_default_catalogue
from meili_desktop.services.identity import (
    Identity,
    Role,
    load_identity,
    read_identity,
    write_identity,
)
from meili_desktop.services.output_paths import package_output_path
from meili_desktop.services.packages import (
    CITY_NAME_KEY,
    CITY_UNIT_KEY,
    WrongKindError,
    utc_now,
)
from meili_desktop.services.setup import bind_township_in, setup_office
from meili_desktop.store import (
    audit_repo,
    catalogue_repo,
    entries_repo,
    keys_repo,
    package_repo,
    targets_repo,
    units_repo,
)
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, peek_sequence, set_meta, take_sequence

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# The meta counter that numbers the office's distribution packages.
DISTRIBUTION_SEQUENCE = "distribution"

LAST_SEQUENCE_KEY = "distribution/last_sequence"
LAST_PACKAGE_KEY = "distribution/last_package_id"


class UnitNotKnownError(MeiliError):
    """The office has no reporting unit with this id or code; details: ``unit``."""

    code = "distribution.unknown_unit"
    exit_code = 4


class WrongAddresseeError(MeiliError):
    """The distribution package is for another unit; details: ``file``, ``package_unit``
    and ``own_unit``, each a unit's name with its official code."""

    code = "distribution.wrong_addressee"
    exit_code = 5


class IdentityChangeUnconfirmedError(MeiliError):
    """Importing the package would turn a provisional market town into the unit the package
    names, which the caller did not allow; details: ``file``, ``package_unit``, ``own_unit``.
    """

    code = "distribution.identity_change_unconfirmed"
    exit_code = 5


class NotForOfficeError(MeiliError):
    """An office data folder cannot import a distribution package; details: ``role``."""

    code = "distribution.not_for_office"
    exit_code = 5


class AlreadyImportedError(MeiliError):
    """This distribution package was imported before; nothing changed. Details: ``file``."""

    code = "distribution.already_imported"
    exit_code = 0


class OlderPackageError(MeiliError):
    """A newer distribution package was imported already; details: ``file``, ``sequence``,
    ``latest``."""

    code = "distribution.older"
    exit_code = 37


class UnpinnedCityKeyError(UnknownSenderKeyError):
    """A package for this laptop is signed by a city key that it did not pin; details:
    ``file``, ``fingerprint``.

    A township cannot approve keys as the office does: the package comes from another office
    or a forger, or the office changed keys without announcing the new ones under the old key.
    """

    code = "distribution.unpinned_city_key"


@contextlib.contextmanager
def pinned_city_signature(path: Path, header: PackageHeaderInfo) -> Iterator[None]:
    """Turn an unknown signing key inside the block into :class:`UnpinnedCityKeyError`."""
    try:
        yield
    except UnknownSenderKeyError:
        raise UnpinnedCityKeyError(file=path.name,
                                   fingerprint=header.sender_fingerprint) from None


class CountyPassphraseError(MeiliError):
    """Setting up a county office from its package needs a passphrase for its keys;
    details: ``file``."""

    code = "distribution.county_passphrase"
    exit_code = 2


@dataclass(frozen=True)
class CitySetup:
    """The result of setting up a city office: its signing key and the escrow key file."""

    identity: Identity
    signing_fingerprint: str
    escrow_file: Path


def init_city(store: Store, name: str, passphrase: str, escrow_file: Path, *,
              suite_id: str = "C1", kdf: key_service.KdfParameters = key_service.DEFAULT_KDF
              ) -> CitySetup:
    """Set the data folder up as the city office and create its keys.

    The escrow private key is written to ``escrow_file`` (protected by the passphrase) and
    not kept in the database; the office stores that file apart from this computer.
    """
    identity = setup_office(store, Role.CITY)
    with store.session_factory.begin() as session:
        set_meta(session, CITY_NAME_KEY, name)
        set_meta(session, CITY_UNIT_KEY, identity.unit_id or CITY_ID)
        signing, escrow_blob = key_service.create_city_keys(
            session, identity.unit_id or CITY_ID, passphrase, suite_id=suite_id, kdf=kdf)
    key_service.write_escrow_file(escrow_file, escrow_blob)
    logger.info("set up city office %s with signing key %s", name, signing)
    return CitySetup(identity, signing, escrow_file)


def distribution_file_name(unit_name: str, unit_id: str) -> str:
    return f"下发包_{unit_name}_{unit_id}{DISTRIBUTION_PACKAGE_EXTENSION}"


def _city_key_list(store: Store, city_unit_id: str, county_id: str | None
                   ) -> list[content.CityKey]:
    """Return the city's public keys, plus the encryption key of a county that relays."""
    with store.session_factory() as session:
        records = keys_repo.list_keys(session, owner_unit_id=city_unit_id,
                                      statuses=(keys_repo.APPROVED, keys_repo.RETIRING))
        county = [] if county_id is None else keys_repo.list_keys(
            session, owner_unit_id=county_id, purpose=PURPOSE_ENCRYPTION,
            statuses=(keys_repo.APPROVED,))
    keys = [content.CityKey(record.purpose, record.suite, record.public_key,
                            record.fingerprint, record.status) for record in records]
    keys.extend(content.CityKey(key_service.PURPOSE_COUNTY, record.suite, record.public_key,
                                record.fingerprint, record.status) for record in county[-1:])
    return keys


def _target_document(record: TargetRecord) -> dict[str, object]:
    return {"task_number": record.task_number, "unit_id": record.unit_id,
            "period_code": record.period_code, "value": str(record.value),
            "method": record.method.value,
            "base": None if record.base is None else str(record.base),
            "version": record.version}


def build_distribution_package(store: Store, unlocked: key_service.UnlockedCityKeys,
                               unit_id: str, out_path: Path,
                               periods: Sequence[str] | None = None,
                               progress: ProgressCallback | None = None,
                               cancel: threading.Event | None = None) -> PackageHeaderInfo:
    """Write the distribution package for one reporting unit.

    ``out_path`` may be a folder, in which case the file is named after the unit; a file
    name without the package extension gets it (see :mod:`output_paths`). The sequence
    number is taken only once the file is written, so a failed export leaves ``meta`` as it
    was.

    Raises:
        UnitNotKnownError: the unit is not stored at the office.
    """
    catalogue = active_catalogue(store)
    with store.session_factory.begin() as session:
        unit = package_repo.unit_document(session, unit_id)
        if unit is None:
            raise UnitNotKnownError(unit=unit_id)
        period_list = package_repo.period_documents(session, periods)
        targets = [_target_document(record)
                   for record in targets_repo.targets_for_unit(session, unit_id)]
        comments = package_repo.comments_for_unit(session, unit_id)
        sequence = peek_sequence(session, DISTRIBUTION_SEQUENCE)
        city_name = get_meta(session, CITY_NAME_KEY) or CITY_NAME
    out_path = package_output_path(out_path, DISTRIBUTION_PACKAGE_EXTENSION,
                                   distribution_file_name(unit["name"], unit_id))
    records = content.distribution_records(
        unit=unit, city_unit_id=unlocked.unit_id, city_name=city_name,
        catalogue_document=catalogue_to_document(catalogue), periods=period_list,
        targets=targets, comments=comments,
        city_keys=_city_key_list(store, unlocked.unit_id,
                                 unit["parent_id"] if unit["kind"] == "township" else None))
    header = write_package(
        out_path, KIND_DISTRIBUTION, Sender(unlocked.unit_id, city_name), unlocked.signing, [],
        records, [], sequence=sequence, periods=[period["code"] for period in period_list],
        counts={"tasks": len(catalogue.tasks), "targets": len(targets),
                "comments": len(comments)},
        addressee=unit_id, suite=unlocked.signing.suite, progress=progress, cancel=cancel,
        temp_dir=store.folder.process_temp_dir())
    try:
        with store.session_factory.begin() as session:
            take_sequence(session, DISTRIBUTION_SEQUENCE, sequence)
            audit_repo.add_event(session, "package.distributed", unit_id=unit_id,
                                 package_id=header.package_id,
                                 details={"file": out_path.name, "sequence": sequence})
    except BaseException:
        # A package whose number and record were not stored would share its number with
        # the next one, so it is removed.
        logger.exception("distribution package %s not recorded; removing it", out_path)
        out_path.unlink(missing_ok=True)
        raise
    logger.info("wrote distribution package %s for %s", header.package_id, unit_id)
    return header


class TownshipKeyring:
    """Trusts the city signing keys pinned at the first import; trusts any key before that."""

    def __init__(self, pinned: dict[str, bytes]) -> None:
        self._pinned = pinned

    def sender_key(self, unit_id: str, fingerprint_text: str) -> SenderKeyLookup:
        if not self._pinned:
            return SenderKeyLookup(KeyState.APPROVED)
        public_key = self._pinned.get(fingerprint_text)
        if public_key is None:
            return SenderKeyLookup(KeyState.UNKNOWN)
        return SenderKeyLookup(KeyState.APPROVED, public_key)

    def decryption_key(self, key_id: str) -> bytes | None:
        return None


def pinned_city_keys(store: Store) -> dict[str, bytes]:
    """Return the city signing keys this laptop trusts, by fingerprint."""
    with store.session_factory() as session:
        city_unit_id = get_meta(session, CITY_UNIT_KEY)
        if city_unit_id is None:
            return {}
        return {record.fingerprint: record.public_key
                for record in keys_repo.list_keys(
                    session, owner_unit_id=city_unit_id, purpose=PURPOSE_SIGNING,
                    statuses=(keys_repo.APPROVED, keys_repo.RETIRING))}


@dataclass(frozen=True)
class IdentityChange:
    """A provisional market town (集镇) that a distribution package turns into its township.

    A market town has no official code, so the office addresses its package to the township
    it belongs to. ``entries`` is the number of entries that move to that township.
    """

    old_unit_id: str
    old_label: str
    new_unit_id: str
    new_label: str
    entries: int


@dataclass(frozen=True)
class DistributionImport:
    """The outcome of importing a distribution package; ``identity_change`` is set when a
    provisional market town took the identity of the package's township."""

    header: PackageHeaderInfo
    unit_id: str
    unit_name: str
    city_fingerprint: str
    is_first_import: bool
    moved_entries: int
    targets_changed: int
    comments_added: int
    own_fingerprint: str | None = None
    identity_change: IdentityChange | None = None


def unit_label(unit: ReportingUnit | None, unit_id: str) -> str:
    """Return a unit's name with its current official code, as messages name a unit.

    A market town without a code gets its name alone; a unit not stored here its id.
    """
    if unit is None:
        return unit_id
    code = unit.current_code
    return unit.name if code is None else f"{unit.name}（{code}）"


def check_addressee(session: Session, identity: Identity | None, addressee: str,
                    file_name: str) -> IdentityChange | None:
    """Check that a distribution package addressed to ``addressee`` belongs on this laptop.

    A township chosen from the division list, provisional or bound, has an official code
    that the city office addresses its package to, so a package for any other unit is a
    mix-up. Only a provisional market town, which has no code the office could address,
    takes the identity of the township the package names; that change is returned.

    Raises:
        WrongAddresseeError: the package is for another unit.
    """
    if identity is None or identity.unit_id == addressee:
        return None
    own_id = identity.unit_id or ""
    own = units_repo.get_unit(session, own_id)
    addressed = units_repo.get_unit(session, addressee)
    is_market_town = own is not None and own.current_code is None
    if identity.role is Role.TOWNSHIP and identity.is_provisional and is_market_town and \
            (addressed is None or addressed.kind is UnitKind.TOWNSHIP):
        moved = entries_repo.count_unit_entries(session, own_id)
        return IdentityChange(own_id, unit_label(own, own_id), addressee,
                              unit_label(addressed, addressee), moved)
    raise WrongAddresseeError(file=file_name, package_unit=unit_label(addressed, addressee),
                              own_unit=unit_label(own, own_id))


def distribution_identity_change(store: Store, path: Path) -> IdentityChange | None:
    """Return the identity change that importing ``path`` would make, before importing it.

    Only the header is verified, so the window can ask the clerk before the slow import.

    Raises:
        ExchangeError, UnpinnedCityKeyError, WrongKindError, NotForOfficeError,
        WrongAddresseeError: as :func:`import_distribution_package` would.
    """
    header = open_package(path)
    if header.kind != KIND_DISTRIBUTION:
        raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_DISTRIBUTION)
    with pinned_city_signature(path, header):
        header = verify_header(path, TownshipKeyring(pinned_city_keys(store)))
    return _check_role_and_order(store, header, path, before_payload=True)


def _check_role_and_order(store: Store, header: PackageHeaderInfo, path: Path, *,
                          before_payload: bool) -> IdentityChange | None:
    """Check role, addressee and order; "already imported" only once the payload verified.

    A damaged copy of an imported package must be reported as damaged, not as a harmless
    repeat, so the duplicate check waits until the whole file has been read. Returns the
    identity change the import makes, if any.
    """
    with store.session_factory() as session:
        identity = read_identity(session)
        if identity is not None and identity.role is Role.CITY:
            raise NotForOfficeError(role=identity.role.value)
        change = check_addressee(session, identity, header.addressee or "", path.name)
        last_sequence = int(get_meta(session, LAST_SEQUENCE_KEY) or 0)
        last_package = get_meta(session, LAST_PACKAGE_KEY)
    if last_package == header.package_id:
        if before_payload:
            return change
        raise AlreadyImportedError(file=path.name)
    if header.sequence <= last_sequence:
        raise OlderPackageError(file=path.name, sequence=header.sequence, latest=last_sequence)
    return change


def import_distribution_package(store: Store, path: Path,
                                progress: ProgressCallback | None = None,
                                cancel: threading.Event | None = None, *,
                                passphrase: str | None = None,
                                kdf: key_service.KdfParameters = key_service.DEFAULT_KDF,
                                allow_identity_change: bool = False) -> DistributionImport:
    """Verify a distribution package and apply it to this township laptop.

    A fresh data folder is set up as the addressed township, or as a relaying county office,
    which needs ``passphrase`` to protect the county's new keys. A provisional township is
    bound to the addressed unit, which must be the one chosen at setup. A provisional market
    town without an official code becomes the addressed township, with all its entries, only
    with ``allow_identity_change`` (see :func:`check_addressee`). Entries are never changed,
    except that returned ones are marked for revision.

    Raises:
        ExchangeError: the package failed a check of the container.
        UnpinnedCityKeyError: a set-up laptop got a package signed by another city key.
        WrongKindError, WrongAddresseeError, NotForOfficeError, AlreadyImportedError,
        OlderPackageError, IdentityChangeUnconfirmedError: see the classes.
    """
    header = open_package(path)
    if header.kind != KIND_DISTRIBUTION:
        raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_DISTRIBUTION)
    pinned = pinned_city_keys(store)
    keyring = TownshipKeyring(pinned)
    with pinned_city_signature(path, header):
        header = verify_header(path, keyring)
    change = _check_role_and_order(store, header, path, before_payload=True)
    if change is not None and not allow_identity_change:
        raise IdentityChangeUnconfirmedError(file=path.name, package_unit=change.new_label,
                                             own_unit=change.old_label)
    with read_package(path, keyring=keyring, temp_dir=store.folder.process_temp_dir(),
                      progress=progress, cancel=cancel) as verified:
        received = content.read_distribution_records(verified.records, header.addressee,
                                                     path.name)
    change = _check_role_and_order(store, header, path, before_payload=False)
    catalogue = catalogue_from_document(received.catalogue_document)
    unit_id = str(received.unit["id"])
    is_county = received.unit.get("kind") == "county"
    if is_county and load_identity(store) is None and not passphrase:
        raise CountyPassphraseError(file=path.name)
    new_suite = county_keys.announced_suite(
        (key.purpose, key.suite, key.status) for key in received.city_keys)
    follows_suite = is_county and county_keys.check_suite_change(
        store, unit_id, new_suite, passphrase, path.name)

    make_event_backup(store, "pre-import")
    # One transaction, so a failure anywhere (a full disk, a lock) leaves a fresh laptop
    # unset and a set-up one as it was, never set up without the city's keys.
    with store.session_factory.begin() as session:
        store_default_catalogue(session)
        package_repo.upsert_unit(session, received.unit, utc_now())
        # The package's unit record now names the township, so the change is described
        # again; checking in this transaction also covers a setup made meanwhile.
        change = check_addressee(session, read_identity(session), unit_id, path.name)
        if change is not None and not allow_identity_change:
            raise IdentityChangeUnconfirmedError(file=path.name, package_unit=change.new_label,
                                                 own_unit=change.old_label)
        moved = _bind_or_set_up(session, unit_id,
                                Role.COUNTY if is_county else Role.TOWNSHIP)
        if catalogue_repo.load_active_catalogue(session) != catalogue:
            catalogue_repo.save_catalogue(session, catalogue, activate=True)
        package_repo.store_periods(session, received.periods)
        targets_changed = targets_repo.store_received_targets(
            session, [_target_record(item) for item in received.targets],
            package_id=header.package_id)
        _store_city_keys(session, received)
        comments_added = package_repo.store_received_comments(
            session, unit_id, received.comments, header.package_id)
        own_fingerprint = None
        if not is_county:
            own_fingerprint = key_service.ensure_township_key(session, unit_id,
                                                              header.suite).fingerprint
        elif passphrase and not keys_repo.list_keys(session, owner_unit_id=unit_id,
                                                    own_only=True):
            # The county's keys take the suite of the city's current keys, which differs
            # from the signature's suite while a change of suite is announced.
            key_service.create_county_keys(session, unit_id, passphrase,
                                           suite_id=new_suite or header.suite, kdf=kdf)
        elif follows_suite and passphrase and new_suite:
            county_keys.follow_city_suite(session, unit_id, new_suite, passphrase, kdf=kdf)
        set_meta(session, CITY_UNIT_KEY, received.city_unit_id)
        set_meta(session, CITY_NAME_KEY, received.city_name)
        set_meta(session, LAST_SEQUENCE_KEY, str(header.sequence))
        set_meta(session, LAST_PACKAGE_KEY, header.package_id)
        audit_repo.add_event(session, "package.distribution_imported", unit_id=unit_id,
                             package_id=header.package_id,
                             details={"file": path.name, "sequence": header.sequence,
                                      "city_key": header.sender_fingerprint})
    logger.info("imported distribution package %s for %s", header.package_id, unit_id)
    return DistributionImport(header, unit_id, str(received.unit.get("name", "")),
                              header.sender_fingerprint, not pinned, moved, targets_changed,
                              comments_added, own_fingerprint, change)


def _bind_or_set_up(session: Session, unit_id: str, role: Role) -> int:
    identity = read_identity(session)
    if identity is None:
        write_identity(session, Identity(role, unit_id, is_provisional=False))
        return 0
    if identity.is_provisional:
        return bind_township_in(session, unit_id).moved_entries
    return 0


def _target_record(item: dict) -> TargetRecord:
    return TargetRecord(task_number=int(item["task_number"]), unit_id=str(item["unit_id"]),
                        period_code=str(item["period_code"]), value=Decimal(str(item["value"])),
                        method=SplitMethod.RECEIVED,
                        base=None if item.get("base") is None else Decimal(str(item["base"])),
                        version=int(item["version"]))


def _store_city_keys(session: Session, received: content.DistributionContent) -> None:
    """Pin the city's keys as listed; statuses follow the city's (rotation, retirement)."""
    for key in received.city_keys:
        if fingerprint(key.suite, key.public_key) != key.fingerprint:
            raise ContentMismatchError(file="", reason="city_key_fingerprint",
                                       value=key.fingerprint)
        stored = keys_repo.add_key(session, fingerprint=key.fingerprint,
                                   owner_unit_id=received.city_unit_id, purpose=key.purpose,
                                   suite=key.suite, public_key=key.public_key,
                                   status=key.status)
        if stored.status != key.status:
            keys_repo.set_status(session, received.city_unit_id, key.fingerprint, key.status)
    listed = {key.fingerprint for key in received.city_keys}
    for record in keys_repo.list_keys(session, owner_unit_id=received.city_unit_id,
                                      statuses=(keys_repo.APPROVED, keys_repo.RETIRING)):
        if record.fingerprint not in listed:
            keys_repo.set_status(session, received.city_unit_id, record.fingerprint,
                                 keys_repo.RETIRED)
