"""The ``review`` and ``period`` commands of the office.

``review accept|return --unit U --task N --period P [--comment TEXT]`` records the office's
verdict on an entry; returning needs a comment, which goes to the township in its next
distribution package. ``period open|close|lock P`` changes a period's state: closed for
review takes only resubmissions of returned entries, locked takes nothing.
"""

from __future__ import annotations

import argparse
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.keys import resolve_unit
from meili_desktop.domain.entries import EntryKey
from meili_desktop.domain.periods import PeriodState, parse_period
from meili_desktop.services import review
from meili_desktop.services.review import current_actor


def register(subparsers: Any) -> None:
    """Add the ``review`` and ``period`` commands."""
    parser = subparsers.add_parser("review", help=QCoreApplication.translate(
        "ReviewCli", "accept or return a township's entry"))
    commands = parser.add_subparsers(dest="review_command", metavar="SUBCOMMAND",
                                     required=True)
    accept_help = QCoreApplication.translate("ReviewCli", "accept the entry's current revision")
    return_help = QCoreApplication.translate(
        "ReviewCli", "return the entry to the township with a comment")
    comment_helps = {
        "accept": QCoreApplication.translate(
            "ReviewCli", "a note for the township (optional)"),
        "return": QCoreApplication.translate(
            "ReviewCli", "what the township should fix (required)"),
    }
    for name, help_text in (("accept", accept_help), ("return", return_help)):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--unit", required=True, metavar="U", help=QCoreApplication.translate(
            "ReviewCli", "the unit's id, official code or name"))
        command.add_argument("--task", required=True, type=int, metavar="N",
                             help=QCoreApplication.translate(
                                 "ReviewCli", "the task number, 1 to 43"))
        command.add_argument("--period", required=True, metavar="P",
                             help=QCoreApplication.translate(
                                 "ReviewCli", "the period, e.g. 2021Q2"))
        command.add_argument("--comment", default="", metavar="TEXT",
                             help=comment_helps[name])
        command.set_defaults(handler=run_review, verdict=name)

    period = subparsers.add_parser("period", help=QCoreApplication.translate(
        "ReviewCli", "open, close or lock a reporting period"))
    period.add_argument("state", choices=("open", "close", "lock"),
                        help=QCoreApplication.translate(
                            "ReviewCli", "open: entries flow in; close: only returned entries "
                            "may be resubmitted; lock: no changes"))
    period.add_argument("period", metavar="P", help=QCoreApplication.translate(
        "ReviewCli", "the period, e.g. 2021Q2"))
    period.set_defaults(handler=run_period)


def run_review(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    key = EntryKey(resolve_unit(context, args.unit), args.task,
                   parse_period(args.period).code)
    if args.verdict == "accept":
        review.accept_entry(store, key, actor=current_actor(), comment=args.comment)
        message = QCoreApplication.translate(
            "ReviewCli", "Accepted task {task} of {unit} for {period}.")
    else:
        review.return_entry(store, key, actor=current_actor(), comment=args.comment)
        message = QCoreApplication.translate(
            "ReviewCli", "Returned task {task} of {unit} for {period}; the comment goes out "
            "with the next distribution package.")
    context.out.write(message.format(task=key.task_number, unit=key.unit_id,
                                     period=key.period_code) + "\n")
    return 0


STATES = {"open": PeriodState.OPEN, "close": PeriodState.CLOSED, "lock": PeriodState.LOCKED}


def run_period(args: argparse.Namespace, context: CliContext) -> int:
    code = parse_period(args.period).code
    state = STATES[args.state]
    previous = review.set_period_state(context.store(), code, state, actor=current_actor())
    if previous is state:
        message = QCoreApplication.translate(
            "ReviewCli", "Period {period} was already {state}; nothing changed.")
    else:
        message = QCoreApplication.translate("ReviewCli", "Period {period} is now {state}.")
    context.out.write(message.format(period=code, state=state_label(state)) + "\n")
    return 0


def state_label(state: PeriodState) -> str:
    """Return the translated name of a period state."""
    labels = {PeriodState.OPEN: QCoreApplication.translate("ReviewCli", "open"),
              PeriodState.CLOSED: QCoreApplication.translate("ReviewCli", "closed for review"),
              PeriodState.LOCKED: QCoreApplication.translate("ReviewCli", "locked")}
    return labels[state]
