"""Report packages: export at the township, verification and opening at the office.

The office side ends at :class:`OpenedPackage`, a verified and decrypted package whose entries
:mod:`meili_desktop.services.merge` previews and merges.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import Entry
from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.errors import MeiliError
from meili_desktop.exchange import content
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
    NotAPackageError,
    PendingSenderKeyError,
    RejectedSenderKeyError,
    SenderKeyOfOtherUnitError,
    UnknownSenderKeyError,
)
from meili_desktop.exchange.model import KIND_REPORT, SenderKeyLookup
from meili_desktop.file_types import REPORT_PACKAGE_EXTENSION
from meili_desktop.services import keys as key_service
from meili_desktop.services import laptop_links
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.output_paths import unique_path
from meili_desktop.store import audit_repo, entries_repo, keys_repo, package_repo, units_repo
from meili_desktop.store.attachments import stored_path
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, peek_sequence, take_sequence

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

CITY_UNIT_KEY = "city/unit_id"
CITY_NAME_KEY = "city/name"


class NotTownshipDataError(MeiliError):
    """Only a township installation exports report packages; details: ``role``."""

    code = "package.not_township"
    exit_code = 3


class NoCityKeysYetError(MeiliError):
    """The township has not imported the city's distribution package, so it has no city key."""

    code = "package.no_city_keys"
    exit_code = 3


class NothingToExportError(MeiliError):
    """No entry was filled in for the chosen periods; details: ``periods``."""

    code = "package.nothing_to_export"
    exit_code = 3


class WrongKindError(MeiliError):
    """The package is of another kind than the action needs; details: ``file``, ``kind``,
    ``expected``."""

    code = "package.wrong_kind"
    exit_code = 5


class UnknownSenderUnitError(MeiliError):
    """The package comes from a reporting unit the office does not know; details: ``file``,
    ``unit``."""

    code = "package.unknown_unit"
    exit_code = 5


@dataclass(frozen=True)
class ExportResult:
    """A written package and what it holds."""

    path: Path
    header: PackageHeaderInfo
    entry_count: int
    attachment_count: int


# The meta counter that numbers this laptop's report packages.
REPORT_SEQUENCE = "report"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _safe_file_part(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_.") or "unit"


def report_file_name(unit_name: str, periods: list[str], today: date) -> str:
    """Return a file name saying township, periods and date, e.g. 塘栖镇_2021Q2_20261204.mlrp."""
    period_part = periods[0] if len(periods) == 1 else f"{periods[0]}-{periods[-1]}"
    return (f"{_safe_file_part(unit_name)}_{period_part}_{today:%Y%m%d}{REPORT_PACKAGE_EXTENSION}")


def entry_record(entry: Entry) -> dict[str, Any]:
    """Return the report-package record of one entry."""
    updated_at = entry.updated_at or utc_now()
    return {
        "unit_id": entry.key.unit_id, "task_number": entry.key.task_number,
        "period": entry.key.period_code, "status": entry.status.value,
        "value": None if entry.value is None else str(entry.value),
        "numerator": None if entry.numerator is None else str(entry.numerator),
        "denominator": None if entry.denominator is None else str(entry.denominator),
        "narrative": entry.narrative, "responsible_person": entry.responsible_person,
        "contact": entry.contact, "revision": entry.revision,
        "updated_at": updated_at.replace(tzinfo=UTC).isoformat(),
        "attachments": [{"sha256": ref.sha256, "name": ref.display_name, "size": ref.size}
                        for ref in entry.attachments],
    }


@dataclass(frozen=True)
class _ReportPlan:
    unit_id: str
    unit_name: str
    catalogue_version: str
    periods: list[str]
    entries: list[Entry]
    sequence: int
    signing_record: keys_repo.KeyRecord
    recipients: list[keys_repo.KeyRecord]
    # The laptop's other signing keys, each vouching that the signing key is the laptop's too.
    earlier_keys: list[dict[str, Any]]


def _plan_report(store: Store, periods: list[str] | None) -> _ReportPlan:
    """Collect what a report package holds and choose its sequence number.

    The number is taken only when the package was written, so a failed export leaves the
    counter as it was.
    """
    identity = load_identity(store)
    if identity is None or identity.role is not Role.TOWNSHIP or identity.unit_id is None:
        raise NotTownshipDataError(role=identity.role.value if identity else "")
    catalogue = active_catalogue(store)
    with store.session_factory.begin() as session:
        city_unit_id = get_meta(session, CITY_UNIT_KEY)
        if city_unit_id is None or identity.is_provisional:
            raise NoCityKeysYetError()
        recipients = key_service.current_recipient_keys(session, city_unit_id)
        chosen = [code.upper() for code in periods] if periods else \
            package_repo.periods_with_entries(session, identity.unit_id)
        entries = [entry for code in chosen
                   for entry in entries_repo.list_entries(session, identity.unit_id,
                                                          code).values()
                   if entry.revision > 0]
        if not entries:
            raise NothingToExportError(periods=", ".join(chosen) or "-")
        signing_record = key_service.ensure_township_key(session, identity.unit_id,
                                                         recipients[0].suite)
        earlier_keys = laptop_links.earlier_key_links(session, identity.unit_id,
                                                     signing_record)
        unit = units_repo.get_unit(session, identity.unit_id)
        sequence = peek_sequence(session, REPORT_SEQUENCE)
    return _ReportPlan(identity.unit_id, unit.name if unit else identity.unit_id,
                       catalogue.version, chosen, entries, sequence, signing_record,
                       recipients, earlier_keys)


def export_report_package(store: Store, out_path: Path, periods: list[str] | None = None,
                          progress: ProgressCallback | None = None,
                          cancel: threading.Event | None = None) -> ExportResult:
    """Write the township's entries for ``periods`` (default: every period it filled in).

    The package is encrypted to the city's working and escrow keys and signed with the
    township's key. ``out_path`` may be a folder, in which case the file is named by
    :func:`report_file_name`.

    Raises:
        NotTownshipDataError, NoCityKeysYetError, NothingToExportError: see the classes.
        CancelledError: ``cancel`` was set; no file is left behind.
    """
    plan = _plan_report(store, periods)
    if out_path.is_dir():
        # A second export on the same day keeps the first file, which may be on its way.
        out_path = unique_path(out_path / report_file_name(plan.unit_name, plan.periods,
                                                           date.today()))
    with store.session_factory() as session:
        signing_pair = key_service.township_signing_pair(session, plan.signing_record)
    attachments = {ref.sha256: AttachmentSource(ref.sha256, ref.display_name, ref.size,
                                                stored_path(store.folder.attachments_dir,
                                                            ref.sha256))
                   for entry in plan.entries for ref in entry.attachments}
    records = content.report_records(plan.unit_id, plan.unit_name, plan.catalogue_version,
                                     [entry_record(entry) for entry in plan.entries],
                                     plan.earlier_keys)
    header = write_package(
        out_path, KIND_REPORT, Sender(plan.unit_id, plan.unit_name), signing_pair,
        [Recipient(record.public_key, "working" if record.purpose == "encryption"
                   else "escrow") for record in plan.recipients],
        records, attachments.values(), sequence=plan.sequence, periods=plan.periods,
        counts={"entries": len(plan.entries), "attachments": len(attachments)},
        suite=plan.signing_record.suite, progress=progress, cancel=cancel,
        temp_dir=store.folder.process_temp_dir())
    try:
        with store.session_factory.begin() as session:
            take_sequence(session, REPORT_SEQUENCE, plan.sequence)
            audit_repo.add_event(session, "package.exported", unit_id=plan.unit_id,
                                 package_id=header.package_id,
                                 details={"file": out_path.name, "sequence": plan.sequence,
                                          "periods": plan.periods,
                                          "entries": len(plan.entries)})
    except BaseException:
        # A package whose number and export record were not stored would reuse that number
        # next time and could not be matched to its receipt, so it is removed.
        logger.exception("export of %s not recorded; removing the package", out_path)
        out_path.unlink(missing_ok=True)
        raise
    logger.info("exported report package %s with %d entries to %s", header.package_id,
                len(plan.entries), out_path)
    return ExportResult(out_path, header, len(plan.entries), len(attachments))


class OfficeKeyring:
    """The office's keyring: sender keys from the key store, our unlocked private keys."""

    def __init__(self, store: Store, decryption: dict[str, bytes]) -> None:
        self._store = store
        self._decryption = decryption

    def sender_key(self, unit_id: str, fingerprint: str) -> SenderKeyLookup:
        with self._store.session_factory() as session:
            return key_service.sender_lookup(session, unit_id, fingerprint)

    def decryption_key(self, key_id: str) -> bytes | None:
        return self._decryption.get(key_id)


@dataclass
class OpenedPackage:
    """A verified, decrypted report package and its entries ready for merging.

    Call :meth:`discard` (or use ``with``) when done, to delete the temporary files.
    """

    verified: VerifiedPackage
    incoming: IncomingPackage

    def discard(self) -> None:
        self.verified.discard()

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


def register_pending_key(store: Store, header: PackageHeaderInfo, path: Path) -> None:
    """Store a new sender key as pending and keep the package for after the approval."""
    with store.session_factory.begin() as session:
        if keys_repo.get_key(session, header.sender_fingerprint) is None:
            keys_repo.add_key(session, fingerprint=header.sender_fingerprint,
                              owner_unit_id=header.sender_unit_id, purpose="signing",
                              suite=header.suite, public_key=header.sender_public_key,
                              status=keys_repo.PENDING)
            audit_repo.add_event(session, "keys.pending", unit_id=header.sender_unit_id,
                                 package_id=header.package_id,
                                 details={"fingerprint": header.sender_fingerprint,
                                          "file": path.name})
    waiting = store.folder.root / "inbox" / f"{header.package_id}{path.suffix}"
    if not waiting.exists():
        waiting.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, waiting)


def read_incoming(store: Store, path: Path, unlocked: key_service.UnlockedCityKeys,
                  progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None, *,
                  register_keys: bool = True) -> OpenedPackage:
    """Verify and decrypt a report package and check its content; write nothing else.

    A package signed by a key the office has not seen registers that key as pending,
    keeps a copy of the file in the data folder's ``inbox`` and raises
    PendingSenderKeyError: the office compares the fingerprint with the township by phone,
    approves it, and imports the package again. With ``register_keys`` False (a dry run)
    nothing is written and UnknownSenderKeyError is raised instead.

    Raises:
        ExchangeError: a subclass naming the check that failed.
        WrongKindError: the file is not a report package.
        UnknownSenderUnitError: the sender is not a reporting unit the office knows.
    """
    try:
        return open_incoming(store, path, unlocked.decryption, progress, cancel)
    except UnknownSenderKeyError as error:
        if not register_keys:
            raise name_key_units(store, error) from None
        raise hold_for_key_approval(store, path) from None


def open_incoming(store: Store, path: Path, decryption: Mapping[str, bytes],
                  progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> OpenedPackage:
    """Verify and decrypt a report package and check its content; write nothing to the database.

    This is :func:`read_incoming` without the registration of an unknown sender key, so
    it can run in a worker process while another process writes to the database.

    Args:
        store: the office data folder; verified attachments go to its temporary folder.
        path: the package file.
        decryption: the office's private keys by key id.
        progress: called with (chunks done, chunks total).
        cancel: set to stop; nothing is left in the temporary folder then.

    Raises:
        UnknownSenderKeyError: the sender's key is not in the key store;
            :func:`hold_for_key_approval` registers it.
        ExchangeError: another subclass naming the check that failed.
        WrongKindError, UnknownSenderUnitError: see :func:`read_incoming`.
    """
    def check_kind(header: PackageHeaderInfo) -> None:
        if header.kind != KIND_REPORT:
            raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_REPORT)

    keyring = OfficeKeyring(store, dict(decryption))
    try:
        # The reader checks the kind on the header it validates, before any key lookup, so
        # the header is read and validated once.
        verified = read_package(path, keyring=keyring, temp_dir=store.folder.process_temp_dir(),
                                progress=progress, cancel=cancel, check_header=check_kind)
    except NotAPackageError as error:
        raise office_variant(error) from None
    except (PendingSenderKeyError, RejectedSenderKeyError, SenderKeyOfOtherUnitError) as error:
        if isinstance(error, SenderKeyOfOtherUnitError):
            logger.warning("package %s names %s as sender but is signed by key %s of %s; "
                           "rejected", path.name, error.details.get("unit_id"),
                           error.details.get("fingerprint"), error.details.get("owner_unit_id"))
        raise name_key_units(store, error) from None
    try:
        incoming = _incoming_from(store, verified, path)
    except BaseException:
        verified.discard()
        raise
    return OpenedPackage(verified, incoming)


def office_variant(error: NotAPackageError) -> NotAPackageError:
    """Give ``error`` the ``office`` variant, whose advice names the files an office imports."""
    error.details["variant"] = "office"
    return error


def unit_label(session: Session, unit_id: str) -> str:
    """Return a unit's name with its official code, as messages name a unit for clerks.

    A unit without a code gets its name alone; a unit not stored here its id.
    """
    unit = units_repo.get_unit(session, unit_id)
    if unit is None:
        return unit_id
    code = unit.current_code
    return unit.name if code is None else f"{unit.name}（{code}）"


def name_key_units(store: Store, error: MeiliError) -> MeiliError:
    """Add the ``unit`` and ``owner`` details to a sender key error and return it.

    They are the names and codes of the ``unit_id`` and ``owner_unit_id`` details, which
    stay as they are for scripts and for the "keys approve" command.
    """
    with store.session_factory() as session:
        for id_name, label_name in (("unit_id", "unit"), ("owner_unit_id", "owner")):
            unit_id = error.details.get(id_name)
            if isinstance(unit_id, str) and unit_id:
                error.details[label_name] = unit_label(session, unit_id)
    return error


def hold_for_key_approval(store: Store, path: Path) -> PendingSenderKeyError:
    """Register the unknown key that signed ``path`` as pending and keep a copy of the file.

    Returns:
        The error to raise: the office approves the key and imports the file again.
    """
    header = open_package(path)
    register_pending_key(store, header, path)
    error = PendingSenderKeyError(file=path.name, unit_id=header.sender_unit_id,
                                  fingerprint=header.sender_fingerprint)
    name_key_units(store, error)
    return error


def _incoming_from(store: Store, verified: VerifiedPackage, path: Path) -> IncomingPackage:
    header = verified.header
    report = content.read_report_records(verified.records, header.sender_unit_id, path.name)
    with store.session_factory() as session:
        if not units_repo.unit_exists(session, header.sender_unit_id):
            raise UnknownSenderUnitError(file=path.name, unit=header.sender_unit_id)
        try:
            claimed = datetime.fromisoformat(header.created_at)
        except ValueError:
            raise ContentMismatchError(file=path.name, reason="invalid_created_at",
                                       value=header.created_at) from None
        if claimed.tzinfo is not None:
            claimed = claimed.astimezone(UTC).replace(tzinfo=None)
        earlier = laptop_links.verify_earlier_keys(session, header.sender_unit_id,
                                                  header.sender_fingerprint,
                                                  report.earlier_keys, path.name)
    return IncomingPackage(
        package_id=header.package_id, kind=header.kind, sender_unit_id=header.sender_unit_id,
        sender_fingerprint=header.sender_fingerprint, sequence=header.sequence,
        header_hash=header.header_hash, claimed_created_at=claimed, file_name=path.name,
        periods=tuple(header.periods), entries=report.entries,
        attachment_files={item.sha256: item.temp_path for item in verified.attachments},
        earlier_fingerprints=earlier)


@dataclass(frozen=True)
class Inspection:
    """What a package says about itself and how far it verified.

    ``verified`` is True when the header signature checked out against a key this
    installation trusts and the file has its declared length; ``payload_checked`` when every
    chunk was also decrypted (or, for public kinds, authenticated) and matched its manifest.
    ``error`` is the first check that failed, if any. ``content_counts`` are the counts read
    from the checked content (None when it was not checked or its kind is not counted);
    the header's ``counts`` are only what the sender claims. ``key_registered`` is True when
    the inspection registered the unknown sender key as pending.
    """

    header: PackageHeaderInfo
    verified: bool
    payload_checked: bool
    error: MeiliError | None
    content_counts: dict[str, int] | None = None
    key_registered: bool = False


def inspect_package(store: Store, path: Path,
                    unlocked: key_service.UnlockedCityKeys | None = None, *,
                    register_unknown_key: bool = False) -> Inspection:
    """Verify a package as far as this installation can, without importing anything.

    With ``register_unknown_key`` an unknown sender key of a report package or county
    bundle is registered as pending, and the file is kept in the ``inbox`` folder, as a
    merge would do. The office can then approve the key by fingerprint before the merge.
    The error is then PendingSenderKeyError, and nothing else is written.

    Raises:
        ExchangeError: the file is not a readable package at all.
    """
    from meili_desktop.exchange.container import verify_header
    from meili_desktop.exchange.model import ENCRYPTED_KINDS, KIND_BUNDLE

    header = open_package(path)
    keyring = OfficeKeyring(store, unlocked.decryption if unlocked else {})
    try:
        verify_header(path, keyring)
    except UnknownSenderKeyError as error:
        if not register_unknown_key or header.kind not in (KIND_REPORT, KIND_BUNDLE):
            return Inspection(header, False, False, name_key_units(store, error))
        logger.info("registering key %s of %s as pending while verifying %s",
                    header.sender_fingerprint, header.sender_unit_id, path.name)
        return Inspection(header, False, False, hold_for_key_approval(store, path),
                          key_registered=True)
    except MeiliError as error:
        if isinstance(error, (PendingSenderKeyError, RejectedSenderKeyError,
                              SenderKeyOfOtherUnitError)):
            name_key_units(store, error)
        return Inspection(header, False, False, error)
    if header.kind in ENCRYPTED_KINDS and unlocked is None:
        return Inspection(header, True, False, None)
    try:
        with read_package(path, keyring=keyring,
                          temp_dir=store.folder.process_temp_dir()) as verified:
            counts = content_counts(verified)
    except MeiliError as error:
        return Inspection(header, False, False, error)
    return Inspection(header, True, True, None, counts)


def content_counts(verified: VerifiedPackage) -> dict[str, int] | None:
    """Count what a verified package holds, by the header's count names; None if not counted.

    Records that are not JSON objects count as nothing, so a malformed package shows fewer.
    """
    from meili_desktop.exchange.model import KIND_BUNDLE, KIND_DISTRIBUTION

    records = [record for record in verified.records if isinstance(record, Mapping)]

    def records_of(record_type: str) -> list[Mapping[str, Any]]:
        return [record for record in records if record.get("type") == record_type]

    def length_of(record_type: str, field_name: str) -> int:
        values = [record.get(field_name) for record in records_of(record_type)]
        return sum(len(value) for value in values if isinstance(value, list))

    kind = verified.header.kind
    if kind == KIND_REPORT:
        return {"entries": len(records_of(content.ENTRY)),
                "attachments": len(verified.attachments)}
    if kind == KIND_BUNDLE:
        return {"packages": len(verified.attachments)}
    if kind == KIND_DISTRIBUTION:
        documents = [record.get("document") for record in records_of(content.CATALOGUE)]
        tasks = sum(len(document.get("tasks") or []) for document in documents
                    if isinstance(document, Mapping))
        return {"tasks": tasks, "targets": length_of(content.TARGETS, "targets"),
                "comments": len(records_of(content.REVIEW_COMMENT))}
    return None
