"""Review at the office: accept or return entries, and open, close or lock periods.

A returned entry's comment travels to the township in its next distribution package. The
township's resubmission is accepted even after the period was closed for review, but other
changes to a closed period are held. A locked period takes no changes at all.
"""

from __future__ import annotations

import getpass
import logging
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from meili_desktop.domain.entries import EntryKey, ReviewState
from meili_desktop.domain.periods import PeriodState, opening_period
from meili_desktop.errors import MeiliError
from meili_desktop.store import ledger_repo, periods_repo, review_repo, summary_queries
from meili_desktop.store.audit_repo import add_event
from meili_desktop.store.datafolder import Store
from meili_desktop.store.review_repo import ReviewRow

logger = logging.getLogger(__name__)

MAX_COMMENT_LENGTH = 2000


class CommentRequiredError(MeiliError):
    """Returning an entry needs a comment that says what the township must fix."""

    code = "review.comment_required"
    exit_code = 2


class CommentTooLongError(MeiliError):
    """Details: ``length`` and ``maximum``."""

    code = "review.comment_too_long"
    exit_code = 2


class EntryNotFoundError(MeiliError):
    """Details: ``unit``, ``task`` and ``period``."""

    code = "review.entry_not_found"
    exit_code = 4


class EntryChangedError(MeiliError):
    """The entry changed since the clerk looked at it; details: ``unit``, ``task``,
    ``period``, ``expected`` and ``revision``."""

    code = "review.entry_changed"
    exit_code = 4


class OpenConflictError(MeiliError):
    """The entry has an open conflict to resolve first; details: ``unit``, ``task``,
    ``period``."""

    code = "review.open_conflict"
    exit_code = 4


class ReviewPeriodLockedError(MeiliError):
    """Details: ``period``."""

    code = "review.period_locked"
    exit_code = 4


class PeriodNotFoundError(MeiliError):
    """Details: ``period``."""

    code = "review.period_not_found"
    exit_code = 4


def current_actor() -> str:
    """Return the name recorded as the author of the clerk's decisions: the login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        logger.warning("cannot read the login name; recording decisions as 'office'")
        return "office"


def utc_now() -> datetime:
    """Return the current UTC time without time zone, as the models store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def list_for_review(store: Store, period_code: str, *, unit_id: str | None = None,
                    county_id: str | None = None,
                    review_state: str | None = None) -> list[ReviewRow]:
    """Return the period's entries with their review state and latest comment."""
    with store.session_factory() as session:
        return review_repo.list_review_rows(session, period_code, unit_id=unit_id,
                                            county_id=county_id, review_state=review_state)


def accept_entry(store: Store, key: EntryKey, *, actor: str, comment: str = "",
                 expected_revision: int | None = None) -> None:
    """Accept an entry's current revision; later packages cannot overwrite it unasked.

    Raises:
        EntryNotFoundError, EntryChangedError, OpenConflictError, ReviewPeriodLockedError,
        CommentTooLongError: see their classes.
    """
    _review(store, key, ReviewState.ACCEPTED, actor=actor, comment=comment.strip(),
            expected_revision=expected_revision)


def return_entry(store: Store, key: EntryKey, *, actor: str, comment: str,
                 expected_revision: int | None = None) -> None:
    """Return an entry to its township with a comment saying what to fix.

    Raises:
        CommentRequiredError: the comment is empty.
        EntryNotFoundError, EntryChangedError, OpenConflictError, ReviewPeriodLockedError,
        CommentTooLongError: see their classes.
    """
    text = comment.strip()
    if not text:
        raise CommentRequiredError()
    _review(store, key, ReviewState.RETURNED, actor=actor, comment=text,
            expected_revision=expected_revision)


def _review(store: Store, key: EntryKey, verdict: ReviewState, *, actor: str, comment: str,
            expected_revision: int | None) -> None:
    if len(comment) > MAX_COMMENT_LENGTH:
        raise CommentTooLongError(length=len(comment), maximum=MAX_COMMENT_LENGTH)
    details = {"unit": key.unit_id, "task": key.task_number, "period": key.period_code}
    with store.session_factory.begin() as session:
        # The merge lock keeps a package of the same township from changing the entry now.
        ledger_repo.lock_for_merge(session, key.unit_id)
        if review_repo.period_state(session, key.period_code) is PeriodState.LOCKED:
            raise ReviewPeriodLockedError(period=key.period_code)
        info = review_repo.entry_review_info(session, key)
        if info is None:
            raise EntryNotFoundError(**details)
        revision, previous = info
        if expected_revision is not None and revision != expected_revision:
            raise EntryChangedError(**details, expected=expected_revision, revision=revision)
        if review_repo.has_open_conflict(session, key):
            raise OpenConflictError(**details)

        now = utc_now()
        review_repo.set_verdict(session, key, verdict.value)
        action = "accept" if verdict is ReviewState.ACCEPTED else "return"
        review_repo.add_comment(session, key, action=action, text=comment, author=actor,
                                entry_revision=revision, at=now)
        add_event(session, f"entry.{verdict.value}", actor=actor, key=key, at=now,
                  details={"revision": revision, "previous_state": previous,
                           "comment": comment})
    logger.info("entry %s %s at revision %d by %s", key, verdict.value, revision, actor)


def pending_comments_for_unit(session: Session, unit_id: str) -> list[dict[str, Any]]:
    """Return the unit's review comments that no distribution package has carried yet.

    The distribution package builder calls this inside its own transaction and then
    :func:`mark_comments_delivered` with the package id. See
    :func:`meili_desktop.store.review_repo.pending_comments_for_unit` for the record format.
    """
    return review_repo.pending_comments_for_unit(session, unit_id)


def mark_comments_delivered(session: Session, comment_ids: list[int], package_id: str) -> int:
    """Record that the comments went out in distribution package ``package_id``."""
    return review_repo.mark_comments_delivered(session, comment_ids, package_id)


def set_period_state(store: Store, period_code: str, state: PeriodState, *,
                     actor: str) -> PeriodState:
    """Open, close (for review) or lock a period; return the state it had before.

    Raises:
        PeriodNotFoundError: no period has this code.
    """
    with store.session_factory.begin() as session:
        previous = review_repo.period_state(session, period_code, exclusive=True)
        if previous is None:
            raise PeriodNotFoundError(period=period_code)
        if previous is not state:
            review_repo.update_period_state(session, period_code, state)
            add_event(session, f"period.{state.value}", actor=actor, period_code=period_code,
                      details={"previous_state": previous.value})
    logger.info("period %s: %s -> %s by %s", period_code, previous, state, actor)
    return previous


def list_periods(store: Store) -> list[tuple[str, PeriodState]]:
    """Return every period's code and state, by start date, years before their quarters."""
    with store.session_factory() as session:
        return review_repo.list_period_states(session)


def period_to_open(store: Store, today: date | None = None) -> str | None:
    """Return the period the office's pages open on, by ``periods.opening_period``.

    That is the open period that contains ``today`` (the clock's date by default), else the
    latest period with entries of any unit, else the latest quarter that has started. Returns
    None when no periods are stored.
    """
    with store.session_factory() as session:
        periods = periods_repo.list_periods(session)
        filled = summary_queries.periods_with_entries(session)
    if not periods:
        return None
    return opening_period(periods, today or date.today(), filled).code
