"""County relay: keep township packages as received, and choose which to forward to the city.

A county office merges its townships' report packages like the city does, and keeps each
package file byte for byte, because the city verifies every township's own signature. The
exchange layer wraps the chosen files into one bundle; this module selects them and records
which were forwarded in which bundle.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.errors import MeiliError
from meili_desktop.store import relay_repo
from meili_desktop.store.audit_repo import add_event
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import copy_file_atomically
from meili_desktop.store.ledger_repo import LedgerEntry

logger = logging.getLogger(__name__)

RELAY_FOLDER_NAME = "relay"
ORIGINAL_SUFFIX = ".package"
_PACKAGE_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_COPY_CHUNK_BYTES = 1024 * 1024


class InvalidPackageIdError(MeiliError):
    """A package id cannot name a file; details: ``package_id``."""

    code = "relay.invalid_package_id"
    exit_code = 5


class NothingToForwardError(MeiliError):
    """None of the chosen packages is waiting to be forwarded; details: ``count``."""

    code = "relay.nothing_to_forward"
    exit_code = 4


@dataclass(frozen=True)
class RelayCandidate:
    """A merged township package waiting to be forwarded, with its original file."""

    ledger: LedgerEntry
    path: Path


@dataclass(frozen=True)
class RelaySelection:
    """Packages ready to forward, and merged ones whose original file is missing."""

    ready: tuple[RelayCandidate, ...]
    missing_original: tuple[LedgerEntry, ...]


def relay_folder(store: Store) -> Path:
    """Return the folder where the county keeps original township packages."""
    return store.folder.root / RELAY_FOLDER_NAME


def original_path(store: Store, package_id: str) -> Path:
    """Return where the original file of ``package_id`` is kept.

    Raises:
        InvalidPackageIdError: the id has characters that cannot be part of a file name.
    """
    if not _PACKAGE_ID.fullmatch(package_id):
        raise InvalidPackageIdError(package_id=package_id)
    return relay_folder(store) / f"{package_id}{ORIGINAL_SUFFIX}"


def keep_original(store: Store, package_id: str, source: Path) -> Path:
    """Copy a township's package file, byte for byte, into the relay folder.

    Call it before merging: a package merged without its original cannot be forwarded. The
    copy goes through a temporary file that is renamed when complete, so a crash never leaves
    a partial file under the final name. A file already kept with the same bytes is left alone.

    Raises:
        InvalidPackageIdError: see :func:`original_path`.
        StorageFaultError: the file cannot be read or the folder cannot be written.
    """
    target = original_path(store, package_id)
    if target.is_file() and _digest(target) == _digest(source):
        return target
    with mapped_os_errors(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
    copy_file_atomically(source, target)
    logger.info("kept original of package %s for forwarding", package_id)
    return target


def pending_forward(store: Store, periods: Iterable[str] | None = None, *,
                    package_ids: Iterable[str] | None = None) -> RelaySelection:
    """Return the merged township packages not yet forwarded to the city.

    Args:
        store: the county's data folder.
        periods: keep only packages with entries for one of these periods.
        package_ids: keep only these packages.
    """
    wanted = set(periods) if periods is not None else None
    chosen = set(package_ids) if package_ids is not None else None
    with store.session_factory() as session:
        rows = relay_repo.merged_not_forwarded(session)
    ready: list[RelayCandidate] = []
    missing: list[LedgerEntry] = []
    for row in rows:
        if wanted is not None and not wanted & set(row.periods):
            continue
        if chosen is not None and row.package_id not in chosen:
            continue
        path = original_path(store, row.package_id)
        if path.is_file():
            ready.append(RelayCandidate(row, path))
        else:
            missing.append(row)
    return RelaySelection(tuple(ready), tuple(missing))


def mark_forwarded(store: Store, package_ids: Iterable[str], bundle_id: str, *,
                   actor: str) -> list[str]:
    """Record that packages went to the city in bundle ``bundle_id``; return the ids marked.

    Call it after the bundle file was written. Packages already forwarded are skipped.

    Raises:
        NothingToForwardError: none of the packages was waiting to be forwarded.
    """
    with store.session_factory.begin() as session:
        changed = mark_forwarded_in(session, package_ids, bundle_id, actor=actor)
    logger.info("%d packages forwarded in bundle %s", len(changed), bundle_id)
    return changed


def mark_forwarded_in(session: Session, package_ids: Iterable[str], bundle_id: str, *,
                      actor: str) -> list[str]:
    """Mark packages as forwarded, like :func:`mark_forwarded`, in the caller's transaction."""
    ids = list(package_ids)
    changed = relay_repo.mark_relayed(session, ids)
    if not changed:
        raise NothingToForwardError(count=len(ids))
    for package_id in changed:
        add_event(session, "package.relayed", actor=actor, package_id=package_id,
                  details={"bundle_id": bundle_id})
    return changed


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with mapped_os_errors(path, reading=True), path.open("rb") as reader:
        while chunk := reader.read(_COPY_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()
