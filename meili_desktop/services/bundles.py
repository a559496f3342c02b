"""County bundles (县级汇总包): a county forwards its townships' original packages to the city.

The county merges and reviews its townships' report packages like the city does and keeps
each file byte for byte. A bundle wraps the chosen files as attachments, is encrypted to the
city and signed by the county. The city verifies the county's signature, then opens every
inner file as an ordinary report package, so each township's own signature is checked too.

Bundle records: ``bundle_info`` (the county and the list of inner packages with their SHA-256)
and ``county_keys`` (the county's encryption key, which the city passes on to the county's
townships so that their packages can be opened by the county).
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import (
    AttachmentSource,
    PackageHeaderInfo,
    Recipient,
    Sender,
    VerifiedPackage,
    open_package,
    read_package,
    write_package,
)
from meili_desktop.exchange.errors import (
    ContentMismatchError,
    ExchangeError,
    NotAPackageError,
    PendingSenderKeyError,
    RejectedSenderKeyError,
    SenderKeyOfOtherUnitError,
    UnknownSenderKeyError,
)
from meili_desktop.exchange.fingerprints import fingerprint
from meili_desktop.exchange.keys import PURPOSE_ENCRYPTION
from meili_desktop.exchange.model import KIND_BUNDLE, KIND_REPORT
from meili_desktop.file_types import COUNTY_BUNDLE_EXTENSION, REPORT_PACKAGE_EXTENSION
from meili_desktop.services import county_keys
from meili_desktop.services import keys as key_service
from meili_desktop.services import relay
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.output_paths import package_output_path
from meili_desktop.services.packages import (
    CITY_UNIT_KEY,
    OfficeKeyring,
    WrongKindError,
    name_key_units,
    office_variant,
    register_pending_key,
    unit_label,
)
from meili_desktop.store import audit_repo, keys_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, peek_sequence, take_sequence

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# The meta counter that numbers this county's bundles.
BUNDLE_SEQUENCE = "bundle"

BUNDLE_INFO = "bundle_info"
COUNTY_KEYS = "county_keys"
MAX_INNER_PACKAGES = 5000


class BundleContentError(ExchangeError):
    """The county bundle's list of township packages does not match what it carries.

    The ``variant`` detail names the cause: ``missing_member``, ``listed_twice``,
    ``unlisted_member``, ``unreadable_member``, ``not_report``, ``wrong_sender`` or
    ``other_county``. Details: ``file``, ``county`` (name and code), and as the cause needs
    ``unit``, ``listed``, ``package``, ``kind`` and ``count``. The county wrote the bundle
    wrong, so nothing from it is merged.
    """

    code = "bundle.invalid_content"
    exit_code = 44


class NotCountyError(MeiliError):
    """Only a county office writes bundles; details: ``role``."""

    code = "bundle.not_county"
    exit_code = 3


@dataclass(frozen=True)
class BundleResult:
    """A written bundle and the township packages it forwards."""

    path: Path
    header: PackageHeaderInfo
    package_ids: tuple[str, ...]


def is_bundle_file(path: Path) -> bool:
    """Return whether ``path`` is a county bundle, by its header whatever its extension.

    A renamed file is common when packages travel through chat programs. A folder or a file
    that cannot be read is not a bundle here; opening it as a report package then reports
    why. Reading the header takes about 0.1 ms.
    """
    try:
        return open_package(path).kind == KIND_BUNDLE
    except (MeiliError, OSError):
        return False


def bundle_file_name(county_name: str, sequence: int) -> str:
    return f"汇总包_{county_name}_{sequence:04d}{COUNTY_BUNDLE_EXTENSION}"


def build_bundle(store: Store, unlocked: key_service.UnlockedCityKeys, out_path: Path,
                 periods: list[str] | None = None, progress: ProgressCallback | None = None,
                 cancel: threading.Event | None = None, *,
                 allow_empty: bool = False,
                 package_ids: Iterable[str] | None = None) -> BundleResult:
    """Write a bundle of the merged township packages not yet forwarded to the city.

    With ``allow_empty`` a bundle without packages is written when none is waiting: it
    enrols the county, whose keys the city approves by fingerprint before townships are told
    to encrypt for the county. With ``package_ids`` only those of the waiting packages go
    into the bundle. The sequence number is taken, and the packages marked as forwarded,
    only once the file is written.

    Raises:
        NotCountyError: the data folder is not a county office.
        NothingToForwardError: no merged package is waiting.
    """
    identity = load_identity(store)
    if identity is None or identity.role is not Role.COUNTY or identity.unit_id is None:
        raise NotCountyError(role=identity.role.value if identity else "")
    selection = relay.pending_forward(store, periods, package_ids=package_ids)
    if not selection.ready and not allow_empty:
        raise relay.NothingToForwardError(count=0)
    with store.session_factory.begin() as session:
        city_unit_id = get_meta(session, CITY_UNIT_KEY) or ""
        recipients = key_service.current_recipient_keys(session, city_unit_id)[:2]
        county_keys.check_bundle_suite(unlocked.signing.suite, recipients[0].suite)
        own_keys = keys_repo.list_keys(session, owner_unit_id=identity.unit_id,
                                       purpose=PURPOSE_ENCRYPTION, own_only=True)
        county = units_repo.get_unit(session, identity.unit_id)
        sequence = peek_sequence(session, BUNDLE_SEQUENCE)
    county_name = county.name if county else identity.unit_id
    out_path = package_output_path(out_path, COUNTY_BUNDLE_EXTENSION,
                                   bundle_file_name(county_name, sequence))

    sources, listed = [], []
    for candidate in selection.ready:
        digest = relay._digest(candidate.path)
        size = candidate.path.stat().st_size
        name = f"{candidate.ledger.package_id}{REPORT_PACKAGE_EXTENSION}"
        sources.append(AttachmentSource(digest, name, size, candidate.path))
        listed.append({"package_id": candidate.ledger.package_id,
                       "sender_unit_id": candidate.ledger.sender_unit_id,
                       "sequence": candidate.ledger.sequence, "sha256": digest, "size": size})
    records = [
        {"type": BUNDLE_INFO, "county_unit_id": identity.unit_id, "packages": listed},
        {"type": COUNTY_KEYS, "keys": [
            {"purpose": record.purpose, "suite": record.suite,
             "public_key": base64.b64encode(record.public_key).decode("ascii"),
             "fingerprint": record.fingerprint} for record in own_keys]},
    ]
    header = write_package(
        out_path, KIND_BUNDLE, Sender(identity.unit_id, county_name), unlocked.signing,
        [Recipient(record.public_key, "working" if record.purpose == PURPOSE_ENCRYPTION
                   else "escrow") for record in recipients],
        records, sources, sequence=sequence,
        periods=sorted({code for item in selection.ready for code in item.ledger.periods}),
        counts={"packages": len(listed)}, suite=unlocked.signing.suite, progress=progress,
        cancel=cancel, temp_dir=store.folder.process_temp_dir())
    ids = tuple(item["package_id"] for item in listed)
    try:
        with store.session_factory.begin() as session:
            take_sequence(session, BUNDLE_SEQUENCE, sequence)
            if ids:
                relay.mark_forwarded_in(session, ids, header.package_id,
                                        actor=identity.unit_id)
    except BaseException:
        # A bundle whose number and forward marks were not stored would share its number
        # with the next bundle and send its packages a second time, so it is removed.
        logger.exception("bundle %s not recorded; removing it", out_path)
        out_path.unlink(missing_ok=True)
        raise
    logger.info("wrote bundle %s with %d packages", header.package_id, len(ids))
    return BundleResult(out_path, header, ids)


@dataclass
class OpenedBundle:
    """A verified bundle: the county and its inner package files, in a temporary folder."""

    verified: VerifiedPackage
    county_unit_id: str
    inner_files: list[Path]

    def discard(self) -> None:
        self.verified.discard()

    def __enter__(self) -> OpenedBundle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


def open_bundle(store: Store, path: Path, unlocked: key_service.UnlockedCityKeys,
                progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None, *,
                write_keys: bool = True) -> OpenedBundle:
    """Verify a county bundle and return its inner report package files.

    A bundle signed by an unknown county key registers the key as pending, like a township
    package. The county's encryption key is stored once its signing key is approved. With
    ``write_keys`` False (a dry run) neither is written, and an unknown county key raises
    UnknownSenderKeyError.

    Raises:
        ExchangeError: a check of the container failed, or the inner list does not match.
        WrongKindError: the file is not a bundle.
    """
    try:
        header = open_package(path)
    except NotAPackageError as error:
        raise office_variant(error) from None
    if header.kind != KIND_BUNDLE:
        raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_BUNDLE)
    try:
        verified = read_package(path, keyring=OfficeKeyring(store, unlocked.decryption),
                                temp_dir=store.folder.process_temp_dir(), progress=progress,
                                cancel=cancel)
    except UnknownSenderKeyError as error:
        if not write_keys:
            raise name_key_units(store, error) from None
        register_pending_key(store, header, path)
        raise name_key_units(store, PendingSenderKeyError(
            file=path.name, unit_id=header.sender_unit_id,
            fingerprint=header.sender_fingerprint)) from None
    except (PendingSenderKeyError, RejectedSenderKeyError, SenderKeyOfOtherUnitError) as error:
        raise name_key_units(store, error) from None
    try:
        inner = _check_bundle(store, verified, path)
        county_key_rows = _county_keys(verified, path)
        if write_keys:
            _store_county_keys(store, verified, county_key_rows)
    except BaseException:
        verified.discard()
        raise
    return OpenedBundle(verified, header.sender_unit_id, inner)


def _records(verified: VerifiedPackage, path: Path) -> tuple[Mapping[str, Any], Mapping]:
    records = verified.records
    if len(records) != 2 or not all(isinstance(item, Mapping) for item in records) or \
            records[0].get("type") != BUNDLE_INFO or records[1].get("type") != COUNTY_KEYS:
        raise ContentMismatchError(file=path.name, reason="missing_part", value=BUNDLE_INFO)
    return records[0], records[1]


def _check_bundle(store: Store, verified: VerifiedPackage, path: Path) -> list[Path]:
    """Match the inner list against the attachments and the county's townships.

    Raises:
        BundleContentError: the list and the carried files disagree, or a listed package
            is not a report package of one of the county's townships.
    """
    info, _ = _records(verified, path)
    county_id = verified.header.sender_unit_id
    with store.session_factory() as session:
        county = unit_label(session, county_id)
    listed = info.get("packages")
    if info.get("county_unit_id") != county_id or not isinstance(listed, list) or \
            len(listed) > MAX_INNER_PACKAGES:
        raise ContentMismatchError(file=path.name, reason="unit_not_sender",
                                   value=info.get("county_unit_id"))
    files = {item.sha256: item.temp_path for item in verified.attachments}
    details = {"file": path.name, "county": county}
    _check_listing(listed, files, details)
    inner: list[Path] = []
    for item in listed:
        inner_path = files[item["sha256"]]
        try:
            inner_header = open_package(inner_path)
        except ExchangeError as error:
            logger.info("bundle %s carries an unreadable package: %s", path.name, error)
            raise BundleContentError(variant="unreadable_member", **details,
                                     unit=_listed_unit(store, item)) from None
        _check_member(store, inner_header, item, county_id, details)
        named = inner_path.with_name(f"{inner_header.package_id}{REPORT_PACKAGE_EXTENSION}")
        inner_path.rename(named)
        inner.append(named)
    return inner


def _check_listing(listed: list[Any], files: Mapping[str, Path],
                   details: dict[str, str]) -> None:
    """Check that every listed package is carried once and every carried file is listed."""
    seen: set[str] = set()
    for item in listed:
        if not isinstance(item, Mapping) or item.get("sha256") not in files:
            raise BundleContentError(variant="missing_member", **details)
        if item["sha256"] in seen:
            raise BundleContentError(variant="listed_twice", **details,
                                     package=str(item.get("package_id", "")))
        seen.add(item["sha256"])
    unlisted = set(files) - seen
    if unlisted:
        raise BundleContentError(variant="unlisted_member", **details, count=len(unlisted))


def _check_member(store: Store, header: PackageHeaderInfo, item: Mapping[str, Any],
                  county_id: str, details: dict[str, str]) -> None:
    """Check that one carried package is a report of a township of the county, as listed."""
    with store.session_factory() as session:
        unit = units_repo.get_unit(session, header.sender_unit_id)
        sender = unit_label(session, header.sender_unit_id)
    if header.kind != KIND_REPORT:
        raise BundleContentError(variant="not_report", **details, unit=sender,
                                 kind=header.kind)
    if header.sender_unit_id != item.get("sender_unit_id"):
        raise BundleContentError(variant="wrong_sender", **details, unit=sender,
                                 listed=_listed_unit(store, item))
    if unit is None or unit.parent_id != county_id:
        raise BundleContentError(variant="other_county", **details, unit=sender)


def _listed_unit(store: Store, item: Mapping[str, Any]) -> str:
    listed = item.get("sender_unit_id")
    if not isinstance(listed, str):
        return "-"
    with store.session_factory() as session:
        return unit_label(session, listed)


def _county_keys(verified: VerifiedPackage, path: Path) -> list[tuple[str, str, bytes]]:
    """Return the county's encryption keys as (fingerprint, suite, public key), checked."""
    _, keys_record = _records(verified, path)
    county_id = verified.header.sender_unit_id
    keys: list[tuple[str, str, bytes]] = []
    for item in keys_record.get("keys") or []:
        try:
            public_key = base64.b64decode(str(item.get("public_key")), validate=True)
        except (binascii.Error, ValueError, AttributeError):
            raise ContentMismatchError(file=path.name, reason="invalid_city_key",
                                       value=county_id) from None
        suite = str(item.get("suite"))
        if item.get("purpose") != PURPOSE_ENCRYPTION or \
                fingerprint(suite, public_key) != item.get("fingerprint"):
            raise ContentMismatchError(file=path.name, reason="city_key_fingerprint",
                                       value=item.get("fingerprint"))
        keys.append((item["fingerprint"], suite, public_key))
    return keys


def _store_county_keys(store: Store, verified: VerifiedPackage,
                       keys: list[tuple[str, str, bytes]]) -> None:
    county_id = verified.header.sender_unit_id
    with store.session_factory.begin() as session:
        for key_id, suite, public_key in keys:
            if keys_repo.get_key(session, key_id) is None:
                keys_repo.add_key(session, fingerprint=key_id, owner_unit_id=county_id,
                                  purpose=PURPOSE_ENCRYPTION, suite=suite,
                                  public_key=public_key)
                audit_repo.add_event(session, "keys.county_encryption", unit_id=county_id,
                                     package_id=verified.header.package_id,
                                     details={"fingerprint": key_id})
