"""The county's relay page: township packages with their review and forwarding state.

A county reviews the entries each township package brought (the entries whose ``origin`` is
the package) with the review rules of :mod:`meili_desktop.services.review`. A package with
a returned entry is held back: it is not forwarded until the township's corrected package
replaces the returned entries, or the county accepts them after all.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import ReviewState
from meili_desktop.domain.merge import REPORT_KIND
from meili_desktop.errors import MeiliError
from meili_desktop.services import relay, review
from meili_desktop.services.keys import UnlockedCityKeys
from meili_desktop.services.packages import read_incoming
from meili_desktop.store import ledger_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.ledger_repo import MERGED_STATES, LedgerEntry
from meili_desktop.store.review_repo import ReviewRow

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]

# Forwarding states of a merged package.
WAITING, FORWARDED, HELD, MISSING_ORIGINAL = "waiting", "forwarded", "held", "missing_original"


class OriginalChangedError(MeiliError):
    """The kept original is a different package than the one merged; details: ``file``,
    ``package_id``."""

    code = "relay.original_changed"
    exit_code = 5


@dataclass(frozen=True)
class RelayPackage:
    """A merged township package as the county's relay page lists it.

    ``review`` counts the package's current entries by review state (``pending``,
    ``accepted``, ``returned``); entries a later package replaced are not counted.
    """

    ledger: LedgerEntry
    unit_name: str
    original: Path
    has_original: bool
    review: dict[str, int] = field(default_factory=dict)

    @property
    def package_id(self) -> str:
        return self.ledger.package_id

    @property
    def forward_state(self) -> str:
        if self.ledger.state == "relayed":
            return FORWARDED
        if not self.has_original:
            return MISSING_ORIGINAL
        if self.review.get(ReviewState.RETURNED.value, 0):
            return HELD
        return WAITING


def list_relay_packages(store: Store, period_code: str | None = None) -> list[RelayPackage]:
    """Return the merged township packages, newest first, optionally of one period."""
    with store.session_factory() as session:
        ledger = [row for row in ledger_repo.list_ledger(session, kind=REPORT_KIND)
                  if row.state in MERGED_STATES
                  and (period_code is None or period_code in row.periods)]
        names = {row.sender_unit_id: _unit_name(session, row.sender_unit_id) for row in ledger}
    reviews = _review_counts(store, ledger)
    packages = []
    for row in ledger:
        path = relay.original_path(store, row.package_id)
        packages.append(RelayPackage(row, names[row.sender_unit_id], path, path.is_file(),
                                     reviews.get(row.package_id, {})))
    return packages


def package_entries(store: Store, ledger: LedgerEntry) -> list[ReviewRow]:
    """Return the current entries that the package brought, by period and task."""
    rows: list[ReviewRow] = []
    for period_code in sorted(ledger.periods):
        rows += [row for row in review.list_for_review(store, period_code,
                                                       unit_id=ledger.sender_unit_id)
                 if row.origin == ledger.package_id]
    return rows


def accept_package(store: Store, ledger: LedgerEntry, *, actor: str) -> int:
    """Accept every entry of the package not accepted yet; return how many were accepted.

    Raises:
        EntryChangedError, OpenConflictError, ReviewPeriodLockedError: see
            :mod:`meili_desktop.services.review`; entries accepted before the error stay
            accepted.
    """
    count = 0
    for row in package_entries(store, ledger):
        if row.review_state == ReviewState.ACCEPTED.value and \
                row.reviewed_revision == row.revision:
            continue
        review.accept_entry(store, row.key, actor=actor, expected_revision=row.revision)
        count += 1
    logger.info("county accepted %d entries of package %s", count, ledger.package_id)
    return count


def return_entries(store: Store, rows: Iterable[ReviewRow], comment: str, *,
                   actor: str) -> int:
    """Return entries to their township with one comment; return how many were returned.

    Raises:
        CommentRequiredError: the comment is empty; nothing is returned.
        EntryChangedError, OpenConflictError, ReviewPeriodLockedError, CommentTooLongError:
            see :mod:`meili_desktop.services.review`.
    """
    chosen = list(rows)
    if not comment.strip():
        raise review.CommentRequiredError()
    for row in chosen:
        review.return_entry(store, row.key, actor=actor, comment=comment,
                            expected_revision=row.revision)
    logger.info("county returned %d entries", len(chosen))
    return len(chosen)


def forwardable_ids(packages: Iterable[RelayPackage]) -> list[str]:
    """Return the ids of the packages that the next bundle forwards."""
    return [package.package_id for package in packages if package.forward_state == WAITING]


def verify_original(store: Store, package: RelayPackage, unlocked: UnlockedCityKeys,
                    progress: ProgressCallback | None = None,
                    cancel: threading.Event | None = None) -> str:
    """Verify the kept original file again: signature, decryption and content.

    Returns the sender's key fingerprint.

    Raises:
        ExchangeError: a check of the file failed.
        OriginalChangedError: the file verifies but is not the package that was merged.
        StorageFaultError: the file cannot be read.
    """
    with read_incoming(store, package.original, unlocked, progress, cancel) as opened:
        incoming = opened.incoming
        with store.session_factory() as session:
            same_id, _same_sequence = ledger_repo.find_in_ledger(session, incoming)
        if incoming.package_id != package.package_id or same_id is None or \
                same_id.header_hash != incoming.header_hash:
            raise OriginalChangedError(file=package.original.name,
                                       package_id=package.package_id)
        fingerprint = opened.verified.header.sender_fingerprint
    logger.info("kept original of package %s verified again", package.package_id)
    return fingerprint


def _unit_name(session: Session, unit_id: str) -> str:
    unit = units_repo.get_unit(session, unit_id)
    return unit.name if unit is not None else unit_id


def _review_counts(store: Store, ledger: list[LedgerEntry]) -> dict[str, dict[str, int]]:
    """Count the current entries of each package by review state, one query per period."""
    wanted = {row.package_id for row in ledger}
    counts: dict[str, Counter[str]] = {package_id: Counter() for package_id in wanted}
    for period_code in sorted({code for row in ledger for code in row.periods}):
        for row in review.list_for_review(store, period_code):
            if row.origin in wanted:
                counts[row.origin][row.review_state] += 1
    return {package_id: dict(counter) for package_id, counter in counts.items()}
