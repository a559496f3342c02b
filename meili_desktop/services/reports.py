"""User actions that produce reports: summaries, summary workbooks and printed PDFs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.divisions import CITY_ID, CITY_NAME
from meili_desktop.domain.periods import parse_period, previous_period
from meili_desktop.domain.summary import Grouping, SummaryRow, evaluate_pairs, summarize
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.reports.summary_document import PeriodSummary, SummaryDocument
from meili_desktop.reports.summary_xlsx import write_summary_workbook
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.store import summary_queries
from meili_desktop.store.datafolder import Store
from meili_desktop.store.units_repo import get_unit

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
ALL_GROUPINGS = (Grouping.TOWN, Grouping.COUNTY, Grouping.LEAD_UNIT, Grouping.CATEGORY,
                 Grouping.TASK)


class NoReportDataError(MeiliError):
    """No period has entries, so there is nothing to summarise."""

    code = "report.no_data"
    exit_code = 4


class UnknownReportPeriodError(MeiliError):
    """A period asked for has no entries and is not a stored period."""

    code = "report.unknown_period"
    exit_code = 4


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise CancelledError()


def report_periods(store: Store, requested: Sequence[str] = ()) -> list[str]:
    """Return the period codes to report on: the requested ones, or the latest with entries.

    Raises:
        InvalidPeriodError: a requested code is not a period code.
        UnknownReportPeriodError: a requested period is neither stored nor has entries.
        NoReportDataError: nothing was requested and no period has entries.
    """
    with store.session_factory() as session:
        known = set(summary_queries.period_codes(session))
        with_entries = summary_queries.periods_with_entries(session)
    codes = [parse_period(code).code for code in requested]
    for code in codes:
        if code not in known and code not in with_entries:
            raise UnknownReportPeriodError(period=code)
    if codes:
        return codes
    if not with_entries:
        raise NoReportDataError()
    return [with_entries[-1]]


def city_name(session: Session) -> str:
    """Return the city's name as stored, or its official name before units are seeded."""
    city = get_unit(session, CITY_ID)
    return city.name if city is not None else CITY_NAME


def summarize_period(session: Session, catalogue: Catalogue, period_code: str,
                     groupings: Sequence[Grouping], *, include_pairs: bool = False,
                     county_id: str | None = None) -> PeriodSummary:
    """Summarise one period in each grouping, with its change since the previous period."""
    scope = summary_queries.summary_scope(session, catalogue, county_id)
    unit_ids = None if county_id is None else [town.id for town in scope.towns]
    facts = summary_queries.load_facts(session, period_code, unit_ids)
    targets = summary_queries.load_targets(session, period_code, unit_ids)

    before = previous_period(parse_period(period_code))
    previous_facts = None
    previous_targets = None
    if before is not None:
        previous_facts = summary_queries.load_facts(session, before.code, unit_ids) or None
        if previous_facts is not None:
            previous_targets = summary_queries.load_targets(session, before.code, unit_ids)

    # Every grouping rolls up the same pairs, so they are evaluated once per period.
    current_pairs = evaluate_pairs(scope, facts, targets)
    previous_pairs = None
    if previous_facts is not None:
        previous_pairs = evaluate_pairs(
            scope, previous_facts, targets if previous_targets is None else previous_targets)
    rows: dict[Grouping, list[SummaryRow]] = {
        grouping: summarize(grouping, scope, facts, targets, previous_facts, previous_targets,
                            pairs=current_pairs, previous_pairs=previous_pairs)
        for grouping in groupings}
    pairs = current_pairs if include_pairs else []
    entries = summary_queries.load_entry_details(session, period_code, unit_ids) \
        if include_pairs else {}
    return PeriodSummary(period_code, before.code if previous_facts else None, rows, pairs,
                         entries)


def build_summary_document(store: Store, period_codes: Sequence[str],
                           groupings: Sequence[Grouping] = ALL_GROUPINGS, *,
                           include_details: bool = True, county_id: str | None = None,
                           cancel: threading.Event | None = None) -> SummaryDocument:
    """Collect everything a summary report shows for the given periods."""
    catalogue = active_catalogue(store)
    periods: list[PeriodSummary] = []
    with store.session_factory() as session:
        scope = summary_queries.summary_scope(session, catalogue, county_id)
        town_types = summary_queries.town_types(session)
        name = city_name(session)
        for code in period_codes:
            _check_cancel(cancel)
            periods.append(summarize_period(session, catalogue, code, groupings,
                                            include_pairs=include_details,
                                            county_id=county_id))
    return SummaryDocument(name, catalogue.version, local_now(), scope, periods,
                           list(groupings), town_types)


def local_now() -> datetime:
    """Return the local wall-clock time, which printed reports show."""
    return datetime.now().replace(microsecond=0)


def export_summary(store: Store, path: Path, period_codes: Sequence[str] = (),
                   groupings: Sequence[Grouping] = ALL_GROUPINGS, *,
                   include_details: bool = True, county_id: str | None = None,
                   progress: ProgressCallback | None = None,
                   cancel: threading.Event | None = None) -> int:
    """Write the summary workbook for the given periods (the latest with entries by default).

    Returns:
        The number of data rows written.
    """
    codes = report_periods(store, period_codes)
    logger.info("exporting summary of %s by %s to %s", ",".join(codes),
                ",".join(grouping.value for grouping in groupings), path)
    document = build_summary_document(store, codes, groupings,
                                      include_details=include_details, county_id=county_id,
                                      cancel=cancel)
    return write_summary_workbook(document, path, progress, cancel)
