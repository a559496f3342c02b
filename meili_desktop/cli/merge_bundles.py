"""County bundles in the ``merge`` command: check the county, then merge each township package.

A bundle is verified against the county's signing key. A county key the office has not
approved yet is registered as pending, as a township key is, and the bundle waits: the clerk
compares the fingerprint by phone, runs ``keys approve`` and merges the bundle again. The
township packages inside a verified bundle are kept under the data folder's ``bundles``
folder (see :mod:`meili_desktop.services.bundle_inbox`) and then merged like separate files,
so each is verified against its own township's key. The copies of the packages merged are
deleted afterwards (:mod:`meili_desktop.services.bundle_cleanup`). A dry run reads them from
the temporary folder and keeps nothing.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.merge import PackageOpener, PackageOutcome, merge_files
from meili_desktop.errors import MeiliError
from meili_desktop.exchange.container import PackageHeaderInfo, open_package
from meili_desktop.exchange.errors import UnknownSenderKeyError
from meili_desktop.services.backups import BackupBeforeWrite
from meili_desktop.services.bundle_cleanup import clean_after_merge
from meili_desktop.services.bundle_inbox import unpack_bundle
from meili_desktop.services.bundles import is_bundle_file, open_bundle
from meili_desktop.store.datafolder import Store

if TYPE_CHECKING:
    from meili_desktop.services.keys import UnlockedCityKeys

logger = logging.getLogger(__name__)


def merge_paths(store: Store, files: list[Path], opener: PackageOpener, *,
                dry_run: bool) -> list[PackageOutcome]:
    """Merge report package files and county bundles in the order given.

    The report packages between two bundles are merged as one batch, so that worker
    processes read them ahead. The whole run makes at most one pre-merge backup. An opener
    without the office's ``unlocked`` keys cannot open bundles, so it gets every file as a
    report package.
    """
    unlocked: UnlockedCityKeys | None = getattr(opener, "unlocked", None)
    backup = BackupBeforeWrite(store, "pre-merge")
    outcomes: list[PackageOutcome] = []
    batch: list[Path] = []
    for path in files:
        if unlocked is None or not is_bundle_file(path):
            batch.append(path)
            continue
        outcomes += merge_files(store, batch, opener, dry_run=dry_run, backup=backup)
        batch = []
        outcomes += _merge_bundle(store, path, unlocked, opener, dry_run=dry_run,
                                  backup=backup)
    outcomes += merge_files(store, batch, opener, dry_run=dry_run, backup=backup)
    return outcomes


def _merge_bundle(store: Store, path: Path, unlocked: UnlockedCityKeys,
                  opener: PackageOpener, *, dry_run: bool,
                  backup: BackupBeforeWrite) -> list[PackageOutcome]:
    """Verify one bundle and merge (or preview) its township packages.

    Returns the bundle's own outcome followed by one outcome per township package.
    """
    outcome = PackageOutcome(path.name, "verified", kind="bundle")
    with ExitStack() as stack:
        try:
            if dry_run:
                opened = stack.enter_context(open_bundle(store, path, unlocked,
                                                         write_keys=False))
                header, inner = opened.verified.header, list(opened.inner_files)
            else:
                inner = list(unpack_bundle(store, path, unlocked).files)
                header = open_package(path)
        except MeiliError as error:
            logger.info("county bundle %s not opened: %s", path, error)
            return [outcome.fail(error)]
        _describe_bundle(outcome, header, len(inner))
        logger.info("county bundle %s from %s verified: %d township packages",
                    header.package_id, header.sender_unit_id, len(inner))
        packages = merge_files(store, inner, opener, dry_run=dry_run, backup=backup)
    if not dry_run:
        # The copies of merged packages are no longer needed; the others wait in the folder.
        clean_after_merge(store, header.package_id)
    for package in packages:
        package.bundle = path.name
    return [outcome, *packages]


def _describe_bundle(outcome: PackageOutcome, header: PackageHeaderInfo, count: int) -> None:
    outcome.package_id = header.package_id
    outcome.sender = header.sender_unit_id
    outcome.sequence = header.sequence
    outcome.packages = count


def describe_bundle(outcome: PackageOutcome) -> str:
    """Return the translated line of a verified county bundle."""
    details = {"file": outcome.file, "package": outcome.package_id,
               "county": outcome.sender_label or outcome.sender,
               "count": outcome.packages or 0}
    if not outcome.packages:
        return QCoreApplication.translate(
            "MergeCli", "{file}: county bundle {package} from {county} verified. It holds no "
            "township packages: it introduced the county's keys. Townships of {county} send "
            "their packages through the county once they have imported a new distribution "
            "package.").format(**details)
    return QCoreApplication.translate(
        "MergeCli", "{file}: county bundle {package} from {county} verified; each of its "
        "{count} township packages is checked against its township's own key:"
        ).format(**details)


def describe_waiting(outcome: PackageOutcome, error: MeiliError) -> str:
    """Return the translated line of a package or bundle whose sender key waits for approval.

    An unknown key that a dry run did not register gets the command that registers it.
    """
    unit_id = str(error.details.get("unit_id", ""))
    details = {"file": outcome.file, "unit_id": unit_id,
               "unit": str(error.details.get("unit") or unit_id),
               "fingerprint": str(error.details.get("fingerprint", ""))}
    if error.code == UnknownSenderKeyError.code:
        return QCoreApplication.translate(
            "MergeCli", "{file}: signed by a new key of {unit} with fingerprint "
            "{fingerprint}, so it would wait for approval. The dry run did not register the "
            "key: run \"verify {file}\" to register it, compare the fingerprint with {unit} "
            "by phone, run \"keys approve {unit_id} {fingerprint}\", then merge the file."
            ).format(**details)
    return QCoreApplication.translate(
        "MergeCli", "{file}: waiting for approval, not merged yet. It is signed by a new key "
        "of {unit} with fingerprint {fingerprint}. Compare the fingerprint with {unit} by "
        "phone, run \"keys approve {unit_id} {fingerprint}\", then merge the file again."
        ).format(**details)

