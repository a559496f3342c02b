"""Score commands of the office.

``scores set --unit U --period P --task N --points X [--mechanism]`` records the office's
assessment of a unit on a scored task; ``scores sheet --unit U --period P`` prints a unit's
score sheet and, for a county, the totals of its towns.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.scoring import ScoreSheet
from meili_desktop.domain.units import UnitKind
from meili_desktop.domain.values import fold_text
from meili_desktop.services import scores
from meili_desktop.store import units_repo

# Called as translate("Context", "...") with literals, so that pyside6-lupdate finds the text.
translate = QCoreApplication.translate


def register(subparsers: Any) -> None:
    """Add the ``scores`` command with its ``set`` and ``sheet`` subcommands."""
    parser = subparsers.add_parser(
        "scores", help=translate("ScoresCli", "record discretionary scores or print score sheets"))
    commands = parser.add_subparsers(dest="scores_command", metavar="SUBCOMMAND", required=True)
    unit_help = translate("ScoresCli", "the town or county (code or name)")
    period_help = translate("ScoresCli", "year or period, such as 2021")

    setter = commands.add_parser(
        "set", help=translate("ScoresCli", "record the assessment of a unit on a scored task"))
    setter.add_argument("--unit", required=True, help=unit_help)
    setter.add_argument("--period", required=True, help=period_help)
    setter.add_argument("--task", type=int, required=True,
                        help=translate("ScoresCli", "task number"))
    setter.add_argument("--points", default="0",
                        help=translate("ScoresCli", "discretionary points (default: 0)"))
    setter.add_argument("--mechanism", action="store_true",
                        help=translate("ScoresCli", "the unit has established the mechanism"))
    setter.add_argument("--note", default="", help=translate("ScoresCli", "a note to keep"))
    setter.set_defaults(handler=run_set)

    sheet = commands.add_parser("sheet", help=translate("ScoresCli", "print a score sheet"))
    sheet.add_argument("--unit", required=True, help=unit_help)
    sheet.add_argument("--period", required=True, help=period_help)
    sheet.set_defaults(handler=run_sheet)


def run_set(args: argparse.Namespace, context: CliContext) -> int:
    """Record one assessment."""
    try:
        points = Decimal(fold_text(args.points))
    except InvalidOperation:
        points = Decimal("NaN")
    changed = scores.set_assessment(context.store(), args.unit, args.period, args.task,
                                    args.mechanism, points, args.note)
    message = translate("ScoresCli", "Score saved.") if changed else \
        translate("ScoresCli", "The score was already stored; nothing changed.")
    print(message, file=context.out)
    return 0


def _print_sheet(sheet: ScoreSheet, context: CliContext) -> None:
    for score in sheet.scores:
        print(f"{sheet.unit_name}\t{score.task_number}\t{score.fixed_points}\t"
              f"{score.discretionary_points}\t{score.total}\t{score.max_points}",
              file=context.out)
    line = translate("ScoresCli", "{unit}: {total} of {maximum} points.")
    print(line.format(unit=sheet.unit_name, total=sheet.total, maximum=sheet.max_total),
          file=context.out)


def run_sheet(args: argparse.Namespace, context: CliContext) -> int:
    """Print a unit's score sheet; a county's adds its towns' totals."""
    store = context.store()
    with store.session_factory() as session:
        unit = units_repo.find_unit(session, args.unit)
    if unit.kind is not UnitKind.COUNTY:
        _print_sheet(scores.unit_score_sheet(store, unit.id, args.period), context)
        return 0
    county = scores.county_score_sheet(store, unit.id, args.period)
    _print_sheet(county.county, context)
    for town in county.towns:
        print(f"{town.unit_name}\t{town.total}\t{town.max_total}", file=context.out)
    mean = county.town_mean
    line = translate("ScoresCli", "{count} towns; town total {total}; mean {mean}.")
    print(line.format(count=len(county.towns), total=county.town_total,
                      mean="-" if mean is None else mean), file=context.out)
    return 0
