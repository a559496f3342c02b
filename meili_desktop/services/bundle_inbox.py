"""The city's side of county relay: verify a county bundle and keep its township packages.

The inner files are copied byte for byte into the data folder's ``bundles`` folder, one
folder per bundle, and then go through the inbox like any report package, so that each
township's own signature is verified before anything is merged.

:mod:`meili_desktop.services.bundle_cleanup` deletes the copies once their packages are
merged or rejected.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from meili_desktop.errors import CancelledError
from meili_desktop.services.bundle_cleanup import bundle_folder
from meili_desktop.services.bundles import open_bundle
from meili_desktop.services.keys import UnlockedCityKeys
from meili_desktop.store.datafolder import Store
from meili_desktop.store.faults import mapped_os_errors
from meili_desktop.store.fileio import copy_file_atomically

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class UnpackedBundle:
    """A verified county bundle and the township package files taken out of it."""

    bundle_id: str
    county_unit_id: str
    files: tuple[Path, ...]


def unpack_bundle(store: Store, path: Path, unlocked: UnlockedCityKeys,
                  progress: ProgressCallback | None = None,
                  cancel: threading.Event | None = None) -> UnpackedBundle:
    """Verify the county bundle at ``path`` and copy its township packages into the folder.

    The copies stay in ``bundles/<bundle id>`` until ``bundle_cleanup`` finds their
    packages merged or rejected.

    Raises:
        ExchangeError: a check of the bundle failed; PendingSenderKeyError when the
            county's key waits for approval.
        WrongKindError: the file is not a county bundle.
        CancelledError: ``cancel`` was set; no file was kept.
        StorageFaultError: the folder cannot be written.
    """
    with open_bundle(store, path, unlocked, progress, cancel) as opened:
        folder = bundle_folder(store, opened.verified.header.package_id)
        with mapped_os_errors(folder):
            folder.mkdir(parents=True, exist_ok=True)
        copies: list[Path] = []
        for inner in opened.inner_files:
            if cancel is not None and cancel.is_set():
                raise CancelledError()
            target = folder / inner.name
            copy_file_atomically(inner, target, cancel=cancel)
            copies.append(target)
        bundle_id, county = opened.verified.header.package_id, opened.county_unit_id
    logger.info("bundle %s from county %s unpacked: %d township packages", bundle_id, county,
                len(copies))
    return UnpackedBundle(bundle_id, county, tuple(copies))

