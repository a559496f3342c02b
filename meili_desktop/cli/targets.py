"""Target and town list commands of the office.

``targets set --task N --period P VALUE`` sets the city target (or, with ``--unit``, one
town's); ``targets split --task N --period P --part TOWN=VALUE... | --base TOWN=BASE...``
splits it to towns; ``targets import FILE.xlsx`` reads targets from a sheet;
``targets list`` prints them. ``units import FILE.xlsx`` imports the programme's towns.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.divisions import CITY_ID
from meili_desktop.domain.periods import parse_period
from meili_desktop.domain.targets import validate_target
from meili_desktop.domain.values import fold_text
from meili_desktop.errors import MeiliError
from meili_desktop.messages.reports import describe_problem, problems_to_list
from meili_desktop.reports.xlsx_reading import CellProblem
from meili_desktop.services import targets, unit_roster
from meili_desktop.store import targets_repo

# Called as translate("Context", "...") with literals, so that pyside6-lupdate finds the text.
translate = QCoreApplication.translate


def register(subparsers: Any) -> None:
    """Add the ``targets`` command (set, split, import, list) and ``units import``."""
    parser = subparsers.add_parser(
        "targets", help=translate("TargetsCli", "set, split, import or list targets"))
    commands = parser.add_subparsers(dest="targets_command", metavar="SUBCOMMAND",
                                     required=True)
    task_help = translate("TargetsCli", "task number")
    period_help = translate("TargetsCli", "year or period, such as 2021")
    dry_run_help = translate("TargetsCli", "check without saving")

    setter = commands.add_parser(
        "set", help=translate("TargetsCli", "set the city target of a task, or a town's"))
    setter.add_argument("--task", type=int, required=True, help=task_help)
    setter.add_argument("--period", required=True, help=period_help)
    setter.add_argument(
        "--unit", help=translate("TargetsCli", "a town's code or name (default: the city)"))
    setter.add_argument("value", help=translate("TargetsCli", "the target, such as 12 or 95%%"))
    setter.set_defaults(handler=run_set)

    splitter = commands.add_parser(
        "split", help=translate("TargetsCli", "split the city target of a task to towns"),
        description=translate(
            "TargetsCli", "Give each town's part with --part, or each town's base with --base "
            "to split in proportion with largest-remainder rounding. The parts must add up to "
            "the city target unless --allow-unbalanced is given."))
    splitter.add_argument("--task", type=int, required=True, help=task_help)
    splitter.add_argument("--period", required=True, help=period_help)
    splitter.add_argument(
        "--part", action="append", default=[], metavar="TOWN=VALUE",
        help=translate("TargetsCli", "a town's target; repeat for each town"))
    splitter.add_argument(
        "--base", action="append", default=[], metavar="TOWN=BASE",
        help=translate("TargetsCli", "a town's base for a proportional split; repeat for each"))
    splitter.add_argument(
        "--places", type=int,
        help=translate("TargetsCli", "decimal places of the parts (default: the city target's)"))
    splitter.add_argument(
        "--allow-unbalanced", action="store_true",
        help=translate("TargetsCli", "save parts that do not add up to the city target"))
    splitter.add_argument("--dry-run", action="store_true", help=dry_run_help)
    splitter.set_defaults(handler=run_split)

    importer = commands.add_parser(
        "import", help=translate("TargetsCli", "import targets from an Excel sheet"))
    importer.add_argument("file", metavar="FILE.xlsx")
    importer.add_argument("--dry-run", action="store_true", help=dry_run_help)
    importer.set_defaults(handler=run_import)

    lister = commands.add_parser("list", help=translate("TargetsCli", "print the stored targets"))
    lister.add_argument("--task", type=int, help=translate("TargetsCli", "only this task"))
    lister.add_argument("--period", help=translate("TargetsCli", "only this year or period"))
    lister.set_defaults(handler=run_list)

    units = subparsers.add_parser(
        "units", help=translate("TargetsCli", "import the programme's towns"))
    unit_commands = units.add_subparsers(dest="units_command", metavar="SUBCOMMAND",
                                         required=True)
    unit_importer = unit_commands.add_parser(
        "import",
        help=translate("TargetsCli", "import towns from an Excel list (name, code, county, type)"))
    unit_importer.add_argument("file", metavar="FILE.xlsx")
    unit_importer.add_argument("--dry-run", action="store_true", help=dry_run_help)
    unit_importer.set_defaults(handler=run_units_import)


def _decimal(text: str, task: int, unit: str) -> Decimal:
    folded = fold_text(text).rstrip("%").replace(",", "")
    try:
        value = Decimal(folded)
    except ArithmeticError:
        value = Decimal("NaN")
    return validate_target(value, task, unit)


def _pairs(items: list[str], task: int) -> dict[str, Decimal]:
    pairs: dict[str, Decimal] = {}
    for item in items:
        unit, separator, value = fold_text(item).partition("=")
        if not separator or not unit.strip():
            raise MeiliError("target.bad_part", text=item)
        pairs[unit.strip()] = _decimal(value, task, unit.strip())
    return pairs


def run_set(args: argparse.Namespace, context: CliContext) -> int:
    """Set a city or town target."""
    store = context.store()
    unit = args.unit or CITY_ID
    value = _decimal(args.value, args.task, unit)
    if args.unit is None:
        record = targets.set_city_target(store, args.task, args.period, value)
    else:
        record = targets.set_town_target(store, args.task, unit, args.period, value)
    print(translate("TargetsCli",
                    "Target of task {task} for {unit} in {period}: {value} (version {version}).")
          .format(task=record.task_number, unit=record.unit_id, period=record.period_code,
                  value=record.value, version=record.version), file=context.out)
    return 0


def run_split(args: argparse.Namespace, context: CliContext) -> int:
    """Split a city target to towns and print the parts and the check."""
    parts = _pairs(args.part, args.task)
    bases = _pairs(args.base, args.task)
    outcome = targets.split_target(context.store(), args.task, args.period, parts=parts,
                                   bases=bases, places=args.places,
                                   allow_unbalanced=args.allow_unbalanced,
                                   dry_run=args.dry_run)
    for unit_id, value in outcome.parts.items():
        print(f"{unit_id}\t{value}", file=context.out)
    check = outcome.check
    print(translate("TargetsCli",
                    "City target {city}; towns {allocated}; difference {difference}.").format(
        city=check.city_target, allocated=check.allocated if check.allocated is not None
        else "-", difference=check.difference if check.difference is not None else "-"),
        file=context.out)
    if not outcome.is_written:
        print(translate("TargetsCli", "Dry run: nothing was saved."), file=context.out)
    return 0


def _print_problems(problems: tuple[CellProblem, ...], total: int, context: CliContext) -> None:
    """Print the first rejected rows. ``problems`` contains the first, ``total`` counts all."""
    heading = translate("TargetsCli", "{count} rows were rejected; nothing was imported:")
    print(heading.format(count=total), file=context.err)
    listed, rest = problems_to_list(problems, total)
    for problem in listed:
        print("  " + describe_problem(problem.code, problem.message_details()),
              file=context.err)
    if rest:
        print("  " + rest, file=context.err)


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    """Import targets from a sheet."""
    result = targets.import_targets(context.store(), Path(args.file), dry_run=args.dry_run)
    if result.problems:
        _print_problems(result.problems, result.problem_count, context)
        return 3
    balanced = translate("TargetsCli", "balanced")
    unbalanced = translate("TargetsCli", "NOT balanced")
    line = translate("TargetsCli",
                     "Task {task} {period}: city {city}, towns {allocated} ({state}).")
    for (task, period), check in sorted(result.checks.items()):
        allocated = check.allocated if check.allocated is not None else "-"
        print(line.format(task=task, period=period, city=check.city_target, allocated=allocated,
                          state=balanced if check.is_balanced else unbalanced), file=context.out)
    if result.is_applied:
        message = translate("TargetsCli", "Imported {count} targets, {changed} changed.")
    else:
        message = translate("TargetsCli", "Checked {count} targets; nothing was saved.")
    print(message.format(count=len(result.records), changed=result.changed), file=context.out)
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    """Print stored targets as tab-separated lines."""
    period = parse_period(args.period).code if args.period else None
    with context.store().session_factory() as session:
        records = targets_repo.list_targets(session, period_code=period, task_number=args.task)
    for record in records:
        print(f"{record.task_number}\t{record.unit_id}\t{record.period_code}\t{record.value}\t"
              f"{record.method.value}\t{record.version}", file=context.out)
    return 0


def run_units_import(args: argparse.Namespace, context: CliContext) -> int:
    """Import the programme's towns."""
    result = unit_roster.import_units(context.store(), Path(args.file), dry_run=args.dry_run)
    if result.problems:
        _print_problems(result.problems, result.problem_count, context)
        return 3
    if result.is_applied:
        message = translate("TargetsCli", "Imported the town list: {matched} matched, {added} "
                            "added, {changed} changed.")
    else:
        message = translate("TargetsCli", "Checked the town list: {matched} would match, "
                            "{added} would be added.")
    print(message.format(matched=result.matched, added=len(result.added),
                         changed=result.changed), file=context.out)
    return 0
