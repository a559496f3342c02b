"""User actions that produce reports: summaries, summary workbooks and printed PDFs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from meili_desktop.domain.catalogue import Catalogue
from meili_desktop.domain.divisions import CITY_ID, CITY_NAME
from meili_desktop.domain.periods import parse_period, previous_period
from meili_desktop.domain.summary import (
    Fact,
    Grouping,
    PairKey,
    PairResult,
    SummaryRow,
    SummaryScope,
    evaluate_pairs,
    summarize,
)
from meili_desktop.errors import CancelledError, MeiliError
from meili_desktop.reports.summary_document import PeriodSummary, SummaryDocument
from meili_desktop.reports.summary_xlsx import write_summary_workbook
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store import summary_queries
from meili_desktop.store.datafolder import Store
from meili_desktop.store.units_repo import get_unit

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
ALL_GROUPINGS = (Grouping.TOWN, Grouping.COUNTY, Grouping.LEAD_UNIT, Grouping.CATEGORY,
                 Grouping.TASK)
# A township's own report: a sheet by town or county would hold its single row.
TOWNSHIP_GROUPINGS = (Grouping.TASK, Grouping.CATEGORY, Grouping.LEAD_UNIT)


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


@dataclass
class LoadedPeriod:
    """One period's entries, targets and evaluated pairs, loaded once per report.

    A report of consecutive periods reads each period twice, as itself and as the previous
    period of the next one, so :func:`summarize_period` keeps them by period code.
    """

    facts: dict[PairKey, Fact]
    targets: dict[PairKey, Decimal]
    pairs: list[PairResult] | None = None

    def evaluated(self, scope: SummaryScope) -> list[PairResult]:
        """Return the pairs of ``scope``, evaluating them on first use."""
        if self.pairs is None:
            self.pairs = evaluate_pairs(scope, self.facts, self.targets)
        return self.pairs


def _load_period(session: Session, code: str, unit_ids: list[str] | None,
                 loaded: dict[str, LoadedPeriod]) -> LoadedPeriod:
    period = loaded.get(code)
    if period is None:
        period = LoadedPeriod(summary_queries.load_facts(session, code, unit_ids),
                              summary_queries.load_targets(session, code, unit_ids))
        loaded[code] = period
    return period


def summarize_period(session: Session, catalogue: Catalogue, period_code: str,
                     groupings: Sequence[Grouping], *, include_pairs: bool = False,
                     county_id: str | None = None, unit_id: str | None = None,
                     loaded: dict[str, LoadedPeriod] | None = None) -> PeriodSummary:
    """Summarise one period in each grouping, with its change since the previous period.

    ``county_id`` or ``unit_id`` narrow the towns (see ``summary_queries.summary_scope``).
    ``loaded`` keeps periods already read for the same scope, for the next call.
    """
    if loaded is None:
        loaded = {}
    scope = summary_queries.summary_scope(session, catalogue, county_id, unit_id=unit_id)
    unit_ids = None if county_id is None and unit_id is None \
        else [town.id for town in scope.towns]
    current = _load_period(session, period_code, unit_ids, loaded)

    before = previous_period(parse_period(period_code))
    previous = None
    if before is not None:
        previous = _load_period(session, before.code, unit_ids, loaded)
        if not previous.facts:
            previous = None

    # Every grouping rolls up the same pairs, so they are evaluated once per period.
    current_pairs = current.evaluated(scope)
    rows: dict[Grouping, list[SummaryRow]] = {
        grouping: summarize(grouping, scope, current.facts, current.targets,
                            previous.facts if previous else None,
                            previous.targets if previous else None,
                            pairs=current_pairs,
                            previous_pairs=previous.evaluated(scope) if previous else None)
        for grouping in groupings}
    pairs = current_pairs if include_pairs else []
    entries = summary_queries.load_entry_details(session, period_code, unit_ids) \
        if include_pairs else {}
    return PeriodSummary(period_code, before.code if previous and before else None, rows,
                         pairs, entries)


def build_summary_document(store: Store, period_codes: Sequence[str],
                           groupings: Sequence[Grouping] = ALL_GROUPINGS, *,
                           include_details: bool = True, county_id: str | None = None,
                           unit_id: str | None = None,
                           cancel: threading.Event | None = None) -> SummaryDocument:
    """Collect everything a summary report shows for the given periods.

    With ``unit_id`` the report covers that township alone and its title names the
    township instead of the city.
    """
    catalogue = active_catalogue(store)
    periods: list[PeriodSummary] = []
    with store.session_factory() as session:
        scope = summary_queries.summary_scope(session, catalogue, county_id, unit_id=unit_id)
        town_types = summary_queries.town_types(session)
        name = city_name(session) if unit_id is None else township_title(session, unit_id)
        loaded: dict[str, LoadedPeriod] = {}
        for code in period_codes:
            _check_cancel(cancel)
            periods.append(summarize_period(session, catalogue, code, groupings,
                                            include_pairs=include_details,
                                            county_id=county_id, unit_id=unit_id,
                                            loaded=loaded))
    return SummaryDocument(name, catalogue.version, local_now(), scope, periods,
                           list(groupings), town_types)


def township_title(session: Session, unit_id: str) -> str:
    """Return a township's name after its county's (余杭区塘栖镇), as report titles name it."""
    town = get_unit(session, unit_id)
    if town is None:
        return unit_id
    county = get_unit(session, town.parent_id) if town.parent_id else None
    return f"{county.name if county else ''}{town.name}"


def own_township(store: Store) -> str | None:
    """Return this data folder's township when it is a township's, else None (an office)."""
    identity = load_identity(store)
    if identity is None or identity.role is not Role.TOWNSHIP:
        return None
    return identity.unit_id


def local_now() -> datetime:
    """Return the local wall-clock time, which printed reports show."""
    return datetime.now().replace(microsecond=0)


def export_summary(store: Store, path: Path, period_codes: Sequence[str] = (),
                   groupings: Sequence[Grouping] = ALL_GROUPINGS, *,
                   include_details: bool = True, county_id: str | None = None,
                   unit_id: str | None = None,
                   progress: ProgressCallback | None = None,
                   cancel: threading.Event | None = None) -> int:
    """Write the summary workbook for the given periods (the latest with entries by default).

    ``unit_id`` limits the workbook to one township (see :func:`build_summary_document`).

    Returns:
        The number of data rows written.
    """
    codes = report_periods(store, period_codes)
    logger.info("exporting summary of %s by %s to %s for %s", ",".join(codes),
                ",".join(grouping.value for grouping in groupings), path, unit_id or "all")
    document = build_summary_document(store, codes, groupings,
                                      include_details=include_details, county_id=county_id,
                                      unit_id=unit_id, cancel=cancel)
    return write_summary_workbook(document, path, progress, cancel)
