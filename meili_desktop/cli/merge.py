"""The ``merge`` command: verify report packages and merge them at the office.

``meili-desktop merge FILE_OR_DIR... [--dry-run] [--json] [--passphrase-file F]`` prints,
per package, the outcome and the number of entries of each kind. A folder stands for the
report packages (``.mlrp``) and county bundles (``.mlcb``) directly inside it. A county
bundle is verified against the county's key, and then each township package inside it is
verified against its township's own key and merged like a separate file (see
:mod:`meili_desktop.cli.merge_bundles`). Worker processes verify and decrypt the next files
while this process merges, in the order of the files.

Each package gets one outcome: ``merged``, ``duplicate`` (merged before), ``previewed``
(``--dry-run``), ``pending_key`` (signed by a key that waits for the office's approval; not
merged and not rejected), ``rejected``, or ``verified`` for a county bundle itself. Every
package is merged in its own transaction, so a rejected or waiting one does not stop the
others. The exit status is the first rejected package's exit code; when none was rejected but
one waits for a key, it is that error's code (25); otherwise 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.passphrase import add_passphrase_option, read_passphrase
from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.merge import IncomingPackage, MergeKind
from meili_desktop.errors import MeiliError
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.file_types import COUNTY_BUNDLE_EXTENSION, REPORT_PACKAGE_EXTENSION
from meili_desktop.messages import describe
from meili_desktop.messages.merge_labels import REASON_LABELS, label
from meili_desktop.services import merge as merge_service
from meili_desktop.services import relay
from meili_desktop.services.backups import BackupBeforeWrite
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store.datafolder import Store
from meili_desktop.store.merge_lookups import merge_run_store

if TYPE_CHECKING:
    from meili_desktop.services.keys import UnlockedCityKeys
    from meili_desktop.services.package_pool import OpenedFile

logger = logging.getLogger(__name__)

KINDS = tuple(kind.value for kind in MergeKind)
# Held entries listed under a package's line; the JSON output lists them all.
MAX_HELD_SHOWN = 10
# Codes of the errors that leave a package waiting for the office to approve its sender's key.
KEY_WAITING_CODES = frozenset({"package.sender_key_pending", "package.unknown_sender_key"})

# Opens one package file: returns the verified package and a function that deletes its
# temporary files. An opener with an ``in_order(store, files)`` method, such as
# _VerifiedOpener, opens a whole batch ahead of the merge instead.
PackageOpener = Callable[[Path], tuple[IncomingPackage, Callable[[], None]]]
# One file of a batch: path, verified package or None, the error or None, and the function
# that deletes its temporary files.
_Opened = tuple[Path, IncomingPackage | None, MeiliError | None, Callable[[], None]]


class NoPackageFilesError(MeiliError):
    """The paths name no file and no folder with report packages; details: ``paths``."""

    code = "merge.no_files"
    exit_code = 2


@dataclass
class PackageOutcome:
    """The outcome of one file or one package inside a county bundle.

    ``outcome`` is ``merged``, ``duplicate``, ``previewed``, ``pending_key``, ``rejected``, or
    ``verified`` for a county bundle (``kind`` ``bundle``). ``bundle`` names the bundle file
    a township package came out of, and ``packages`` counts a bundle's township packages.
    """

    file: str
    outcome: str
    package_id: str | None = None
    sender: str | None = None
    sequence: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    is_clock_suspicious: bool = False
    error: MeiliError | None = None
    kind: str = "report"
    bundle: str | None = None
    packages: int | None = None
    # Held entries and their reason codes, in the package's order.
    held: list[tuple[EntryKey, str | None]] = field(default_factory=list)
    # The sender's name and code for the text output; the JSON output keeps the id.
    sender_label: str | None = None

    def fail(self, error: MeiliError) -> PackageOutcome:
        """Record ``error``: the package waits for a key approval or is rejected."""
        self.error = error
        self.outcome = "pending_key" if error.code in KEY_WAITING_CODES else "rejected"
        return self

    def document(self) -> dict[str, Any]:
        """Return the JSON form; see the ``merge`` command's help for its keys."""
        document: dict[str, Any] = {"file": self.file, "kind": self.kind,
                                    "bundle": self.bundle, "outcome": self.outcome,
                                    "package_id": self.package_id, "sender": self.sender,
                                    "sequence": self.sequence,
                                    "clock_suspicious": self.is_clock_suspicious}
        if self.kind == "bundle":
            document["packages"] = self.packages
        document.update({kind: self.counts.get(kind, 0) for kind in KINDS})
        document["held_entries"] = [
            {"unit_id": key.unit_id, "task": key.task_number, "period": key.period_code,
             "reason": reason, "reason_text": label(REASON_LABELS, reason)}
            for key, reason in self.held]
        waiting = self.outcome == "pending_key" and self.error is not None
        document["pending_key"] = {
            "unit_id": self.error.details.get("unit_id"),
            "fingerprint": self.error.details.get("fingerprint"),
            "reason": describe(self.error)} if waiting and self.error is not None else None
        document["rejected"] = {"code": self.error.code, "reason": describe(self.error)} \
            if self.error is not None and not waiting else None
        return document


def register(subparsers: Any) -> None:
    """Add the ``merge`` command."""
    parser = subparsers.add_parser(
        "merge",
        help=QCoreApplication.translate(
            "MergeCli", "verify report packages and merge them into the office database"),
        description=QCoreApplication.translate(
            "MergeCli", "Each package is verified, then merged in its own transaction: an "
            "entry replaces the stored one only when its revision is newer, conflicts and "
            "entries for locked periods wait for a decision, and a package merged before "
            "changes nothing. A county bundle is verified against the county's key, then "
            "every township package in it against its township's own key."),
        epilog=QCoreApplication.translate(
            "MergeCli", "Outcomes: merged; duplicate (merged before, nothing changed); "
            "previewed (--dry-run); pending_key (signed by a new key that waits for approval "
            "with \"keys approve\"; merge the file again afterwards); rejected; verified (a "
            "county bundle, followed by its township packages). JSON keys: file, kind (report "
            "or bundle), bundle (the bundle file a township package came out of, else null), "
            "outcome, package_id, sender, sequence, clock_suspicious, packages (bundles only), "
            "the entry counts new, updated, unchanged, conflict, stale and held, held_entries "
            "(unit_id, task, period, reason and reason_text of each held entry), pending_key "
            "(unit_id, fingerprint and reason, else null) and rejected (code and reason, else "
            "null). Exit status: the first rejected package's code; else 25 when a package "
            "waits for a key approval; else 0."))
    parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", help=QCoreApplication.translate(
        "MergeCli", "a report package (.mlrp) or county bundle (.mlcb), or a folder whose "
        ".mlrp and .mlcb files are merged"))
    parser.add_argument("--dry-run", action="store_true", help=QCoreApplication.translate(
        "MergeCli", "show what merging would do without changing anything"))
    parser.add_argument("--json", action="store_true", help=QCoreApplication.translate(
        "MergeCli", "print one JSON object per line for each package and county bundle, "
        "with English keys"))
    add_passphrase_option(parser)
    parser.set_defaults(handler=run_merge)


def package_files(paths: Iterable[str]) -> list[Path]:
    """Expand folders to the report packages and county bundles directly inside them.

    A folder's files come in name order; the files named on the command line keep theirs.
    """
    extensions = (REPORT_PACKAGE_EXTENSION, COUNTY_BUNDLE_EXTENSION)
    files: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            files.extend(sorted(child for child in path.iterdir() if child.is_file()
                                and child.suffix.lower() in extensions))
        else:
            files.append(path)
    return files


def run_merge(args: argparse.Namespace, context: CliContext) -> int:
    from meili_desktop.cli.merge_bundles import merge_paths

    store = context.store()
    files = package_files(args.paths)
    if not files:
        raise NoPackageFilesError(paths=", ".join(args.paths))
    opener = _verified_opener(store, args)
    outcomes = merge_paths(store, files, opener, dry_run=args.dry_run)
    _label_senders(store, outcomes)

    for outcome in outcomes:
        if args.json:
            context.out.write(json.dumps(outcome.document(), ensure_ascii=False) + "\n")
        else:
            context.out.write(describe_outcome(outcome) + "\n")
    rejected = [outcome for outcome in outcomes if outcome.outcome == "rejected"]
    waiting = [outcome for outcome in outcomes if outcome.outcome == "pending_key"]
    if not args.json and len(outcomes) > 1:
        context.out.write(_summary_line(outcomes, waiting=len(waiting),
                                        rejected=len(rejected)) + "\n")
    if rejected:
        assert rejected[0].error is not None
        return rejected[0].error.exit_code
    if waiting:
        return PendingSenderKeyError.exit_code
    return 0


def _label_senders(store: Store, outcomes: list[PackageOutcome]) -> None:
    """Set each outcome's sender label, the unit's name with its code, in one session."""
    from meili_desktop.services.packages import unit_label

    senders = {outcome.sender for outcome in outcomes if outcome.sender}
    with store.session_factory() as session:
        labels = {unit_id: unit_label(session, unit_id) for unit_id in senders}
    for outcome in outcomes:
        outcome.sender_label = labels.get(outcome.sender or "")


def _summary_line(outcomes: list[PackageOutcome], *, waiting: int, rejected: int) -> str:
    """Return the closing line that counts report packages and county bundles apart."""
    reports = sum(1 for outcome in outcomes if outcome.kind != "bundle")
    bundles = len(outcomes) - reports
    if bundles:
        line = QCoreApplication.translate(
            "MergeCli", "{reports} report packages and {bundles} county bundles").format(
                reports=reports, bundles=bundles)
    else:
        line = QCoreApplication.translate("MergeCli", "{reports} report packages").format(
            reports=reports)
    if waiting:
        line += QCoreApplication.translate(
            "MergeCli", ", {waiting} waiting for key approval").format(waiting=waiting)
    return line + QCoreApplication.translate("MergeCli", ", {rejected} rejected.").format(
        rejected=rejected)


def merge_files(store: Store, files: list[Path], opener: PackageOpener, *,
                dry_run: bool, backup: BackupBeforeWrite | None = None
                ) -> list[PackageOutcome]:
    """Verify and merge (or preview) each file; a rejected file does not stop the others.

    The merges share one database connection and its cached catalogue and period lookups.
    A county office keeps each package's original file before merging it, to forward later.
    ``backup`` is the pre-merge backup of a longer run; by default the files get their own.
    """
    if not files:
        return []
    identity = load_identity(store)
    is_county = identity is not None and identity.role is Role.COUNTY
    # One pre-merge backup for the run, made before the first package that will write.
    backup = backup or BackupBeforeWrite(store, "pre-merge")
    outcomes: list[PackageOutcome] = []
    with merge_run_store(store) as run_store, _open_each(store, files, opener) as opened:
        for path, incoming, error, discard in opened:
            if incoming is None:
                assert error is not None
                logger.info("package file %s not merged: %s", path, error)
                outcomes.append(PackageOutcome(path.name, "rejected").fail(error))
                continue
            try:
                outcomes.append(_merge_one(store, run_store, path, incoming, dry_run=dry_run,
                                           keep_original=is_county, backup=backup))
            finally:
                discard()
    return outcomes


@contextmanager
def _open_each(store: Store, files: list[Path], opener: PackageOpener
               ) -> Iterator[Iterator[_Opened]]:
    """Open the files in order, ahead of use when the opener can, else one at a time."""
    in_order = getattr(opener, "in_order", None)
    if in_order is None:
        yield (_open_one(opener, path) for path in files)
        return
    with in_order(store, files) as items:
        yield ((item.path, item.opened.incoming if item.opened else None, item.error,
                item.discard) for item in items)


def _open_one(opener: PackageOpener, path: Path) -> _Opened:
    try:
        incoming, discard = opener(path)
    except MeiliError as error:
        return path, None, error, lambda: None
    return path, incoming, None, discard


def _merge_one(store: Store, run_store: Store, path: Path, incoming: IncomingPackage, *,
               dry_run: bool, keep_original: bool, backup: BackupBeforeWrite) -> PackageOutcome:
    outcome = PackageOutcome(path.name, "rejected", incoming.package_id,
                             incoming.sender_unit_id, incoming.sequence)
    try:
        if dry_run:
            preview = merge_service.preview(run_store, incoming)
            outcome.outcome = "duplicate" if preview.is_duplicate else "previewed"
            outcome.counts = preview.counts
            outcome.is_clock_suspicious = preview.is_clock_suspicious
            if not preview.is_duplicate:
                outcome.held = [(entry.key, entry.reason) for entry in preview.entries
                                if entry.kind is MergeKind.HELD]
            return outcome
        if keep_original:
            relay.keep_original(store, incoming.package_id, path)
        result = merge_service.merge(run_store, incoming, backup=backup,
                                     on_lock_wait=_say_waiting_for_lock)
    except MeiliError as error:
        logger.info("package %s rejected: %s", incoming.package_id, error)
        return outcome.fail(error)
    outcome.outcome = result.outcome
    outcome.counts = result.counts
    outcome.is_clock_suspicious = result.is_clock_suspicious
    outcome.held = list(result.held)
    return outcome


def _say_waiting_for_lock() -> None:
    """Tell the user on standard error why the merge pauses; the outcome follows later."""
    from meili_desktop.store.ledger_repo import LOCK_TIMEOUT_S

    notice = QCoreApplication.translate(
        "MergeCli", "Another merge is writing to the database; waiting for it to finish (at "
        "most {minutes} minutes)...").format(minutes=int(LOCK_TIMEOUT_S // 60))
    print(notice, file=sys.stderr, flush=True)


def describe_outcome(outcome: PackageOutcome) -> str:
    """Return the translated report of one package or county bundle.

    It is one line, followed by the held entries with their reasons. A township package
    from a county bundle is indented under the bundle's line.
    """
    lines = [_outcome_line(outcome), *_held_lines(outcome.held)]
    indent = "  " if outcome.bundle is not None else ""
    return "\n".join(indent + line for line in lines)


def _held_lines(held: list[tuple[EntryKey, str | None]]) -> list[str]:
    """Return the indented lines naming the held entries and why, at most MAX_HELD_SHOWN."""
    if not held:
        return []
    lines = ["  " + QCoreApplication.translate(
        "MergeCli", "Held for the office's decision on the conflicts page:")]
    entry_line = QCoreApplication.translate("MergeCli", "task {task} ({period}): {reason}")
    for key, reason in held[:MAX_HELD_SHOWN]:
        lines.append("    " + entry_line.format(task=key.task_number, period=key.period_code,
                                                reason=label(REASON_LABELS, reason)))
    if len(held) > MAX_HELD_SHOWN:
        lines.append("    " + QCoreApplication.translate(
            "MergeCli", "and {count} more held entries.").format(
                count=len(held) - MAX_HELD_SHOWN))
    return lines


def _outcome_line(outcome: PackageOutcome) -> str:
    if outcome.outcome == "pending_key" and outcome.error is not None:
        from meili_desktop.cli.merge_bundles import describe_waiting

        return describe_waiting(outcome, outcome.error)
    if outcome.error is not None:
        rejected = QCoreApplication.translate("MergeCli", "{file}: rejected. {reason}")
        return rejected.format(file=outcome.file, reason=describe(outcome.error))
    if outcome.kind == "bundle":
        from meili_desktop.cli.merge_bundles import describe_bundle

        return describe_bundle(outcome)
    counts = QCoreApplication.translate(
        "MergeCli", "{new} new, {updated} updated, {unchanged} unchanged, {conflict} in "
        "conflict, {stale} stale, {held} held").format(
            **{kind: outcome.counts.get(kind, 0) for kind in KINDS})
    details = {"file": outcome.file, "package": outcome.package_id,
               "sender": outcome.sender_label or outcome.sender,
               "sequence": outcome.sequence, "counts": counts}
    if outcome.outcome == "duplicate":
        line = QCoreApplication.translate(
            "MergeCli", "{file}: package {package} from {sender} (sequence {sequence}) was "
            "merged before; nothing changed.")
    elif outcome.outcome == "previewed":
        line = QCoreApplication.translate(
            "MergeCli", "{file}: package {package} from {sender} (sequence {sequence}) would "
            "merge: {counts}. Nothing was changed (dry run).")
    else:
        line = QCoreApplication.translate(
            "MergeCli", "{file}: merged package {package} from {sender} (sequence "
            "{sequence}): {counts}.")
    line = line.format(**details)
    if outcome.is_clock_suspicious:
        line += " " + QCoreApplication.translate(
            "MergeCli", "The sender's clock looks wrong; the package was ordered by its "
            "sequence number.")
    return line


def _verified_opener(store: Store, args: argparse.Namespace) -> PackageOpener:
    """Unlock the city office's keys and return the opener that verifies and decrypts files.

    Raises:
        PassphraseMissingError, PassphraseFileError, WrongPassphraseError, NoCityKeysError:
            the keys cannot be unlocked, so no file can be opened.
    """
    from meili_desktop.services import keys as key_service

    identity = load_identity(store)
    unlocked = key_service.unlock_city_keys(
        store, identity.unit_id if identity and identity.unit_id else "", read_passphrase(args))
    return _VerifiedOpener(store, unlocked, register_keys=not args.dry_run)


class _VerifiedOpener:
    """Verify and decrypt package files with the office's unlocked keys.

    With ``register_keys`` False (a dry run) an unknown sender key is reported, not
    registered as pending.
    """

    def __init__(self, store: Store, unlocked: UnlockedCityKeys, *,
                 register_keys: bool = True) -> None:
        self._store = store
        self.unlocked = unlocked
        self.register_keys = register_keys

    def __call__(self, path: Path) -> tuple[IncomingPackage, Callable[[], None]]:
        from meili_desktop.services.packages import read_incoming

        opened = read_incoming(self._store, path, self.unlocked,
                               register_keys=self.register_keys)
        return opened.incoming, opened.discard

    def in_order(self, store: Store, files: list[Path]) -> AbstractContextManager[
            Iterator[OpenedFile]]:
        """Open the files in worker processes, ahead of the merge, in the files' order."""
        from meili_desktop.services.package_pool import open_in_order

        return open_in_order(store, self.unlocked, files, register_keys=self.register_keys)
