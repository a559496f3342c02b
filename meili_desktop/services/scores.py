"""User actions on scores: record the office's assessments and build score sheets."""

from __future__ import annotations

from decimal import Decimal

from meili_desktop.domain.periods import parse_period
from meili_desktop.domain.scoring import (
    Assessment,
    CountyScoreSheet,
    ScoreSheet,
    score_sheet,
    validate_points,
)
from meili_desktop.domain.units import UnitKind
from meili_desktop.errors import MeiliError
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import local_user
from meili_desktop.store import scores_repo, summary_queries, units_repo
from meili_desktop.store.datafolder import Store


class ScoreTaskError(MeiliError):
    """Points were given on a task that is not in the active catalogue."""

    code = "score.unknown_task"
    exit_code = 4


def set_assessment(store: Store, unit: str, period_code: str, task_number: int,
                   mechanism_established: bool, points: Decimal, note: str = "") -> bool:
    """Validate and store the office's assessment of a unit on a scored task.

    Returns:
        Whether the stored assessment changed.

    Raises:
        TaskNotScoredError: the task has no scoring rule.
        InvalidScoreError: the points are outside the rule's range.
    """
    catalogue = active_catalogue(store)
    try:
        task = catalogue.task(task_number)
    except KeyError:
        raise ScoreTaskError(task=task_number) from None
    validate_points(task, points)
    code = parse_period(period_code).code
    with store.session_factory.begin() as session:
        unit_id = units_repo.find_unit(session, unit).id
        return scores_repo.set_assessment(
            session, unit_id, code, Assessment(task_number, mechanism_established, points,
                                               note), actor=local_user())


def unit_score_sheet(store: Store, unit: str, period_code: str) -> ScoreSheet:
    """Return the score sheet of one unit (a town or a county) for a period."""
    catalogue = active_catalogue(store)
    code = parse_period(period_code).code
    with store.session_factory() as session:
        found = units_repo.find_unit(session, unit)
        assessments = summary_queries.load_assessments(session, code, [found.id])
    return score_sheet(found.id, found.name, code, catalogue.tasks,
                       assessments.get(found.id, {}))


def county_score_sheet(store: Store, county: str, period_code: str) -> CountyScoreSheet:
    """Return a county's own score sheet and those of its programme towns."""
    catalogue = active_catalogue(store)
    code = parse_period(period_code).code
    with store.session_factory() as session:
        found = units_repo.find_unit(session, county, kinds=[UnitKind.COUNTY])
        scope = summary_queries.summary_scope(session, catalogue, found.id)
        unit_ids = [found.id, *(town.id for town in scope.towns)]
        assessments = summary_queries.load_assessments(session, code, unit_ids)
    own = score_sheet(found.id, found.name, code, catalogue.tasks, assessments.get(found.id, {}))
    towns = tuple(score_sheet(town.id, town.name, code, catalogue.tasks,
                              assessments.get(town.id, {})) for town in scope.towns)
    return CountyScoreSheet(own, towns)
