"""Receipt packages (回执): signed by the city, imported on the township laptop."""

from __future__ import annotations

import logging
from pathlib import Path

from meili_desktop.exchange.container import (
    PackageHeaderInfo,
    Sender,
    open_package,
    read_package,
    write_package,
)
from meili_desktop.exchange.errors import ContentMismatchError
from meili_desktop.exchange.model import KIND_RECEIPT
from meili_desktop.file_types import RECEIPT_EXTENSION
from meili_desktop.services import keys as key_service
from meili_desktop.services.distribution import (
    TownshipKeyring,
    pinned_city_keys,
    pinned_city_signature,
)
from meili_desktop.services.output_paths import package_output_path
from meili_desktop.services.packages import CITY_NAME_KEY, WrongKindError
from meili_desktop.services.receipts import ReceiptPackage, apply_receipt, build_receipt
from meili_desktop.store import audit_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.meta_repo import get_meta, peek_sequence, take_sequence

logger = logging.getLogger(__name__)

# The meta counter that numbers the office's receipts.
RECEIPT_SEQUENCE = "receipt"


def receipt_file_name(unit_id: str, package_id: str) -> str:
    return f"回执_{unit_id}_{package_id[:8]}{RECEIPT_EXTENSION}"


def build_receipt_package(store: Store, unlocked: key_service.UnlockedCityKeys,
                          package_id: str, out_path: Path) -> PackageHeaderInfo:
    """Sign the receipt of a merged report package for its township.

    ``out_path`` may be a folder, in which case the file is named after the township; a
    file name without the receipt extension gets it (see :mod:`output_paths`). The
    sequence number is taken only once the file is written.

    Raises:
        PackageNotMergedError: the package was never merged here.
    """
    receipt = build_receipt(store, package_id)
    unit_id = receipt["sender_unit_id"]
    with store.session_factory.begin() as session:
        sequence = peek_sequence(session, RECEIPT_SEQUENCE)
        city_name = get_meta(session, CITY_NAME_KEY) or unlocked.unit_id
    out_path = package_output_path(out_path, RECEIPT_EXTENSION,
                                   receipt_file_name(unit_id, package_id))
    header = write_package(out_path, KIND_RECEIPT, Sender(unlocked.unit_id, city_name),
                           unlocked.signing, [], [receipt], [], sequence=sequence,
                           counts=dict(receipt["counts"]), addressee=unit_id,
                           suite=unlocked.signing.suite, temp_dir=store.folder.process_temp_dir())
    try:
        with store.session_factory.begin() as session:
            take_sequence(session, RECEIPT_SEQUENCE, sequence)
            audit_repo.add_event(session, "receipt.issued", unit_id=unit_id,
                                 package_id=package_id,
                                 details={"file": out_path.name, "receipt": header.package_id,
                                          "sequence": sequence})
    except BaseException:
        # A receipt whose number and record were not stored would share its number with the
        # next one, so it is removed.
        logger.exception("receipt %s not recorded; removing it", out_path)
        out_path.unlink(missing_ok=True)
        raise
    return header


def import_receipt_package(store: Store, path: Path) -> int:
    """Verify a receipt against the pinned city keys and mark the received entries.

    Returns the number of entries marked as received.

    Raises:
        ExchangeError: the receipt failed a check (e.g. not signed by the city).
        WrongKindError: the file is not a receipt.
        ReceiptAlreadyImportedError: this receipt was imported before; nothing changed.
    """
    header = open_package(path)
    if header.kind != KIND_RECEIPT:
        raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_RECEIPT)
    keyring = TownshipKeyring(pinned_city_keys(store))
    if not pinned_city_keys(store):
        # A receipt is only meaningful after the distribution package pinned the city key.
        raise ContentMismatchError(file=path.name, reason="no_city_key", value="")
    with pinned_city_signature(path, header), \
            read_package(path, keyring=keyring, temp_dir=store.folder.process_temp_dir()) as verified:
        records = verified.records
    if len(records) != 1:
        raise ContentMismatchError(file=path.name, reason="receipt_records", value=len(records))
    # The ledger check follows the full verification, so a damaged copy of an imported
    # receipt is reported as damaged, not as a harmless repeat.
    package = ReceiptPackage(header.package_id, header.sender_unit_id, header.sequence,
                             header.header_hash, path.name)
    applied = apply_receipt(store, records[0], package)
    logger.info("receipt %s applied: %d marked", header.package_id, applied.marked)
    return applied.marked
