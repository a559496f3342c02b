"""The office's ledger of merged packages, as pure functions: replays and clock checks.

Packages are identified by their id and ordered per laptop, by the sequence number that the
laptop's signing key signs into every header. Laptop clocks never order anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from meili_desktop.domain.merge import IncomingPackage
from meili_desktop.domain.periods import PROGRAMME_YEARS

# A package claiming to be created this far after the office received it has a wrong clock.
MAX_CLOCK_LEAD = timedelta(days=1)
# A package claiming to be older than this when it arrives has a wrong clock or was held back.
MAX_PACKAGE_AGE = timedelta(days=180)
# The programme reports on 2020 to 2022, so an entry edited before 2019 comes from a laptop
# whose clock was wrong.
EARLIEST_ENTRY_TIME = datetime(min(PROGRAMME_YEARS) - 1, 1, 1)


class LedgerVerdict(StrEnum):
    """The ledger's verdict on a package, before any entry is looked at."""

    FRESH = "fresh"
    DUPLICATE = "duplicate"  # this very package was merged before
    REPLAY = "replay"  # another package with this id, or this key's sequence number


@dataclass(frozen=True)
class LedgerRecord:
    """A package the office has already merged; ``sender_fingerprint`` is its signing key."""

    package_id: str
    sender_unit_id: str
    kind: str
    sequence: int
    header_hash: str
    claimed_created_at: datetime | None
    sender_fingerprint: str = ""


def check_ledger(package: IncomingPackage, same_id: LedgerRecord | None,
                 same_sequence: LedgerRecord | None) -> tuple[LedgerVerdict, str | None]:
    """Classify a package against the ledger rows with its id and its signing key's sequence.

    Returns:
        The verdict and, for a replay, the reason: ``package_id_reused`` or
        ``sequence_reused``.
    """
    if same_id is not None:
        if same_id.header_hash == package.header_hash:
            return LedgerVerdict.DUPLICATE, None
        return LedgerVerdict.REPLAY, "package_id_reused"
    if same_sequence is not None:
        if same_sequence.header_hash == package.header_hash:
            return LedgerVerdict.DUPLICATE, None
        return LedgerVerdict.REPLAY, "sequence_reused"
    return LedgerVerdict.FRESH, None


def is_entry_time_suspicious(updated_at: datetime | None, received_at: datetime) -> bool:
    """Return whether an entry's edit time, naive UTC, lies in the future or before 2019.

    An entry may have been edited long before its package was written, so only times
    after the receipt (beyond :data:`MAX_CLOCK_LEAD`) or before the programme count.
    """
    if updated_at is None:
        return False
    return updated_at > received_at + MAX_CLOCK_LEAD or updated_at < EARLIEST_ENTRY_TIME


def is_clock_suspicious(claimed_created_at: datetime | None, received_at: datetime,
                        sequence: int, earlier: Iterable[LedgerRecord]) -> bool:
    """Return whether a package's claimed creation time looks wrong.

    Args:
        claimed_created_at: the sender's clock, naive UTC; None is never suspicious.
        received_at: the office's clock when the package arrived, naive UTC.
        sequence: the package's sequence number.
        earlier: other packages from the same laptop in the ledger.

    Returns:
        True when the time is far from the receipt time, or contradicts the order of the
        sender's sequence numbers.
    """
    if claimed_created_at is None:
        return False
    if claimed_created_at > received_at + MAX_CLOCK_LEAD:
        return True
    if claimed_created_at < received_at - MAX_PACKAGE_AGE:
        return True
    for record in earlier:
        if record.claimed_created_at is None:
            continue
        if record.sequence < sequence and record.claimed_created_at > claimed_created_at:
            return True
        if record.sequence > sequence and record.claimed_created_at < claimed_created_at:
            return True
    return False
