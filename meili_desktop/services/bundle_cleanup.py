"""Delete the township packages taken out of county bundles once they are settled.

:func:`~meili_desktop.services.bundle_inbox.unpack_bundle` copies a bundle's township
packages into ``bundles/<bundle id>`` in the data folder, and they go through the inbox or
the ``merge`` command from there. A copy is deleted once its package is settled:

- merged: the ledger holds a merged package with the same id and header hash;
- rejected: it is signed by a key that the office rejected more than
  :data:`REJECTED_KEY_GRACE` ago. A rejected key can still be approved, so the grace period
  keeps its packages for a change of mind.

A copy whose package waits for a key approval, has not been merged yet, or whose header
cannot be read stays, as does any file that is not a package. Interrupted copies (hidden
``.partial`` files) are deleted. A folder is removed when nothing is left in it.

The merge commands clean the folders of the bundles they merged. Opening the data folder
cleans every bundle folder but keeps files modified within :data:`OPEN_CLEANUP_MIN_AGE`,
because another process may be unpacking or merging that bundle right now.

NOTE: a database restored to before a merge lists the package as not merged again, but its
copy may be gone; the clerk then imports the county bundle again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from meili_desktop.errors import MeiliError
from meili_desktop.store import keys_repo, ledger_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import PARTIAL_SUFFIX

logger = logging.getLogger(__name__)

BUNDLES_FOLDER_NAME = "bundles"
# A rejected key can be approved again; its packages stay this long after the rejection.
REJECTED_KEY_GRACE = timedelta(days=30)
# Opening the data folder keeps files modified more recently than this.
OPEN_CLEANUP_MIN_AGE = timedelta(days=1)


@dataclass(frozen=True)
class BundleCleanup:
    """Counts of one cleanup: package copies and leftover partial files deleted, folders
    removed, and files kept (unsettled, recent or unknown)."""

    deleted: int = 0
    partial: int = 0
    folders: int = 0
    kept: int = 0


def bundles_root(store: Store) -> Path:
    """Return the folder that contains one folder per unpacked county bundle."""
    return store.folder.root / BUNDLES_FOLDER_NAME


def bundle_folder(store: Store, bundle_id: str) -> Path:
    """Return the folder that contains the township packages of bundle ``bundle_id``."""
    return bundles_root(store) / bundle_id


def clean_bundle_folders(store: Store, bundle_ids: Iterable[str] | None = None, *,
                         min_age: timedelta = timedelta(0),
                         now: datetime | None = None) -> BundleCleanup:
    """Delete the copies of settled packages and remove bundle folders left empty.

    Args:
        store: the office's data folder.
        bundle_ids: the bundles whose folders to clean; every bundle folder when None.
        min_age: files modified more recently than this are kept, whatever their state.
        now: the current time (UTC), for tests.

    Raises:
        StorageFaultError: a file or folder cannot be listed or deleted.
    """
    root = bundles_root(store)
    now = now or datetime.now(UTC)
    if bundle_ids is None:
        with mapped_os_errors(root, reading=True):
            folders = sorted(path for path in root.iterdir() if path.is_dir()) \
                if root.is_dir() else []
    else:
        # A bundle id is a package id from a verified header; the check keeps any other
        # text from naming a folder outside ``bundles``.
        folders = [folder for folder in (bundle_folder(store, bundle_id)
                                         for bundle_id in bundle_ids) if folder.parent == root]
    newest = now.timestamp() - min_age.total_seconds()
    totals = BundleCleanup()
    for folder in folders:
        if folder.is_dir():
            totals = _add(totals, _clean_folder(store, folder, newest, now))
    if totals != BundleCleanup():
        logger.info("bundle folders cleaned: %d package copies and %d partial files deleted, "
                    "%d folders removed, %d copies kept", totals.deleted, totals.partial,
                    totals.folders, totals.kept)
    return totals


def clean_bundle_folders_on_open(store: Store, now: datetime | None = None) -> BundleCleanup:
    """Clean every bundle folder as :func:`clean_bundle_folders` does, leaving recent files.

    Call after opening the data folder. A failure is logged and does not keep the user from
    their data; the next opening tries again.
    """
    if not bundles_root(store).is_dir():
        return BundleCleanup()
    try:
        return clean_bundle_folders(store, min_age=OPEN_CLEANUP_MIN_AGE, now=now)
    except MeiliError as error:
        logger.warning("cleaning the bundle folders failed: %s", error)
        return BundleCleanup()


def clean_after_merge(store: Store, bundle_id: str) -> BundleCleanup:
    """Clean the folder of bundle ``bundle_id`` after a merge of its packages.

    A failure is logged and leaves the merge as it is; opening the data folder tries again.
    """
    try:
        return clean_bundle_folders(store, [bundle_id])
    except MeiliError as error:
        logger.warning("cleaning the folder of bundle %s failed: %s", bundle_id, error)
        return BundleCleanup()


def _clean_folder(store: Store, folder: Path, newest: float, now: datetime) -> BundleCleanup:
    deleted = partial = kept = 0
    with mapped_os_errors(folder, reading=True):
        files = sorted(path for path in folder.iterdir() if path.is_file())
    for path in files:
        with mapped_os_errors(path, reading=True):
            modified = path.stat().st_mtime
        if modified > newest:
            kept += 1
            continue
        if path.name.startswith(".") and path.name.endswith(PARTIAL_SUFFIX):
            # Left by a copy that was interrupted; complete copies never keep this name.
            _delete(path)
            partial += 1
        elif _is_settled(store, path, now):
            _delete(path)
            deleted += 1
        else:
            kept += 1
    removed = 0
    with mapped_os_errors(folder, reading=True):
        is_empty = not any(folder.iterdir())
    if is_empty:
        with mapped_os_errors(folder):
            folder.rmdir()
        removed = 1
    return BundleCleanup(deleted, partial, removed, kept)


def _is_settled(store: Store, path: Path, now: datetime) -> bool:
    """Tell whether the package in ``path`` was merged, or its key rejected long enough ago."""
    # Imported here, so that opening a data folder without bundles loads no package reader.
    from meili_desktop.exchange.container import open_package

    try:
        header = open_package(path)
    except MeiliError as error:
        logger.info("bundle copy %s kept: its header cannot be read (%s)", path, error.code)
        return False
    with store.session_factory() as session:
        entry = ledger_repo.find_merged(session, header.package_id)
        if entry is not None:
            return entry.header_hash == header.header_hash
        rejected = keys_repo.rejected_at(session, header.sender_unit_id,
                                         header.sender_fingerprint)
    if rejected is None:
        return False
    return rejected.replace(tzinfo=UTC) + REJECTED_KEY_GRACE <= now


def _delete(path: Path) -> None:
    with mapped_os_errors(path):
        path.unlink(missing_ok=True)


def _add(first: BundleCleanup, second: BundleCleanup) -> BundleCleanup:
    return BundleCleanup(first.deleted + second.deleted, first.partial + second.partial,
                         first.folders + second.folders, first.kept + second.kept)
