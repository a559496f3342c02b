"""The ``entry`` command: set and list a township's entries without the window.

``entry set --task N --period P [--value V] [--status S] [--note TEXT] [--attach FILE]...``
parses and validates exactly as the form does. Where the form would ask (``0.85`` in a
percent field), the command rejects the input with a message on how to write it explicitly. A
plausibility warning goes to stderr and the value is kept. Texts are spelled out as
``QCoreApplication.translate("EntryCli", ...)`` because pyside6-lupdate extracts no other
form outside a class.
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.catalogue import Catalogue, Task
from meili_desktop.domain.entries import Entry, EntryKey, ReviewState
from meili_desktop.domain.values import format_decimal, parse_status, parse_value_strictly
from meili_desktop.errors import MeiliError
from meili_desktop.messages.entries import describe_finding, status_label
from meili_desktop.services import entries, entry_evidence
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.store.entries_repo import CommentRecord

logger = logging.getLogger(__name__)


REVIEW_STATES = {
    ReviewState.PENDING: QT_TRANSLATE_NOOP("EntryCli", "[not reviewed yet]"),
    ReviewState.ACCEPTED: QT_TRANSLATE_NOOP("EntryCli", "[accepted by the office]"),
    ReviewState.RETURNED: QT_TRANSLATE_NOOP("EntryCli", "[returned by the office]"),
}
ACTIONS = {
    "return": QT_TRANSLATE_NOOP("EntryCli", "returned"),
    "accept": QT_TRANSLATE_NOOP("EntryCli", "accepted"),
    "note": QT_TRANSLATE_NOOP("EntryCli", "comment"),
}


class NothingToSetError(MeiliError):
    """``entry set`` was given no field to change."""

    code = "entry.nothing_to_set"
    exit_code = 2


def register(subparsers: Any) -> None:
    """Add the ``entry`` command with its ``set`` and ``list`` subcommands."""
    parser = subparsers.add_parser(
        "entry", help=QCoreApplication.translate("EntryCli", "set or list a township's entries"))
    commands = parser.add_subparsers(dest="entry_command", metavar="SUBCOMMAND", required=True)

    setter = commands.add_parser(
        "set", help=QCoreApplication.translate("EntryCli", "change one task's entry"),
        description=QCoreApplication.translate(
            "EntryCli", "Change one task's entry for a period. Each change is saved at once. "
            "Values are read as in the form: 85, 85% and ８５ mean 85 in a percent task; write "
            "0.85 as 85% or 0.85% explicitly. An empty --value clears the value. A value "
            "other than 0 given without --status on a task that is 未开始 (not started) sets "
            "the status to 推进中 (in progress), as a clerk who reports progress means."))
    setter.add_argument("--task", type=int, required=True, metavar="N",
                        help=QCoreApplication.translate("EntryCli", "the task number, 10 to 43"))
    setter.add_argument("--period", required=True, metavar="P", help=QCoreApplication.translate(
        "EntryCli", "the reporting period, e.g. 2021Q2"))
    setter.add_argument("--value", metavar="V", help=QCoreApplication.translate(
        "EntryCli", "the actual value, in the task's unit"))
    setter.add_argument("--status", metavar="S", help=QCoreApplication.translate(
        "EntryCli", "未开始, 推进中, 已完成 or 不适用 (or not_started, in_progress, done, "
        "not_applicable)"))
    setter.add_argument("--note", metavar="TEXT", help=QCoreApplication.translate(
        "EntryCli", "the narrative of the progress"))
    setter.add_argument("--person", metavar="NAME", help=QCoreApplication.translate(
        "EntryCli", "the responsible person"))
    setter.add_argument("--contact", metavar="TEXT", help=QCoreApplication.translate(
        "EntryCli", "the responsible person's phone number"))
    setter.add_argument("--attach", action="append", default=[], type=Path, metavar="FILE",
                        help=QCoreApplication.translate(
                            "EntryCli", "an evidence file to attach; repeat for several files"))
    setter.set_defaults(handler=run_set)

    lister = commands.add_parser(
        "list", help=QCoreApplication.translate("EntryCli", "list the entries of a period"),
        description=QCoreApplication.translate(
            "EntryCli", "List every task of a period with its status and value, the office's "
            "review (not reviewed yet, accepted or returned) and the office's comments. The "
            "JSON form gives each entry review_state (pending, accepted or returned) and "
            "comments, oldest first, each with action (return, accept or note), text, "
            "author and created_at in UTC."))
    lister.add_argument("--period", required=True, metavar="P", help=QCoreApplication.translate(
        "EntryCli", "the reporting period, e.g. 2021Q2"))
    lister.add_argument("--json", action="store_true", help=QCoreApplication.translate(
        "EntryCli", "print the entries as JSON"))
    lister.set_defaults(handler=run_list)


def run_set(args: argparse.Namespace, context: CliContext) -> int:
    """Validate every given field and file, then save the fields and files in one change."""
    store = context.store()
    unit_id = entries.own_unit_id(store)
    catalogue = active_catalogue(store)
    task = entries.find_reported_task(catalogue, args.task)
    period = entries.find_period(store, args.period)
    key = EntryKey(unit_id, task.number, period.code)

    changes = _changes_from(args, task)
    if not changes and not args.attach:
        raise NothingToSetError()
    # The fields and the files are saved together or not at all.
    result = entry_evidence.save_entry(store, catalogue, key, changes, args.attach,
                                       entries.DEFAULT_MAX_ATTACHMENT_MB)
    if result is None:
        return 0
    for finding in result.warnings:
        context.err.write(QCoreApplication.translate("EntryCli", "Warning: {text}").format(
            text=describe_finding(finding)) + "\n")
    context.out.write(_summary(task, result.entry) + "\n")
    if result.inferred_status is not None:
        context.out.write(QCoreApplication.translate(
            "EntryCli", "The status was set to {status} because a value was entered; give "
            "--status to choose another.").format(status=status_label(result.inferred_status))
            + "\n")
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    """Print the unit's entries of a period as a table or JSON."""
    store = context.store()
    unit_id = entries.own_unit_id(store)
    catalogue = active_catalogue(store)
    period = entries.find_period(store, args.period)
    stored = entries.period_entries(store, unit_id, period.code)
    comments = {task.number: entries.review_comments(store, EntryKey(unit_id, task.number,
                                                                     period.code))
                for task in entries.reported_tasks(catalogue)}
    if args.json:
        document = {"unit_id": unit_id, "period": period.code,
                    "entries": [_entry_json(catalogue, entry, comments.get(number, []))
                                for number, entry in sorted(stored.items())]}
        json.dump(document, context.out, ensure_ascii=False, indent=2)
        context.out.write("\n")
    else:
        _print_table(catalogue, stored, comments, context.out)
    return 0


def _changes_from(args: argparse.Namespace, task: Task) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.status is not None:
        changes["status"] = parse_status(args.status)
    if args.value is not None:
        changes["value"] = (None if args.value == ""
                            else parse_value_strictly(args.value, task.measure, task.unit,
                                                      task.number))
    if args.note is not None:
        changes["narrative"] = args.note
    if args.person is not None:
        changes["responsible_person"] = args.person
    if args.contact is not None:
        changes["contact"] = args.contact
    return changes


def _value_text(task: Task, entry: Entry) -> str:
    if entry.value is None:
        return "-"
    if task.unit == "%":
        return f"{format_decimal(entry.value)}%"
    return f"{format_decimal(entry.value)} {task.unit}".strip()


def _summary(task: Task, entry: Entry) -> str:
    return QCoreApplication.translate(
        "EntryCli", "Task {task} ({period}) saved: {status}, value {value}, {files} evidence "
        "files, revision {revision}.").format(
        task=task.number, period=entry.key.period_code, status=status_label(entry.status),
        value=_value_text(task, entry), files=len(entry.attachments), revision=entry.revision)


def _entry_json(catalogue: Catalogue, entry: Entry,
                comments: list[CommentRecord]) -> dict[str, Any]:
    task = catalogue.task(entry.key.task_number)
    return {
        "task": task.number,
        "title": task.title,
        "status": entry.status.value,
        "value": None if entry.value is None else format_decimal(entry.value),
        "unit": task.unit,
        "narrative": entry.narrative,
        "responsible_person": entry.responsible_person,
        "contact": entry.contact,
        "revision": entry.revision,
        "updated_at": entry.updated_at.isoformat() + "Z" if entry.updated_at else None,
        "attachments": [{"sha256": ref.sha256, "name": ref.display_name, "size": ref.size}
                        for ref in entry.attachments],
        "review_state": entry.review_state.value,
        "comments": [{"action": comment.action, "text": comment.text,
                      "author": comment.author,
                      "created_at": comment.created_at.isoformat() + "Z"}
                     for comment in reversed(comments)],
    }


def _print_table(catalogue: Catalogue, stored: dict[int, Entry],
                 comments: dict[int, list[CommentRecord]], out: TextIO) -> None:
    for task in entries.reported_tasks(catalogue):
        entry = stored.get(task.number)
        if entry is None:
            out.write(f"{task.number:>3}  {task.title}  "
                      + QCoreApplication.translate("EntryCli", "(not filled in)") + "\n")
        else:
            line = f"{task.number:>3}  {task.title}  {status_label(entry.status)}  " \
                   f"{_value_text(task, entry)}  {review_state_label(entry.review_state)}"
            if entry.attachments:
                line += "  " + QCoreApplication.translate("EntryCli", "{count} files").format(
                    count=len(entry.attachments))
            out.write(line + "\n")
            if entry.narrative:
                out.write(f"     {entry.narrative}\n")
        for comment in reversed(comments.get(task.number, [])):
            out.write("     " + comment_line(comment.action, comment.text, comment.created_at)
                      + "\n")


def review_state_label(state: ReviewState) -> str:
    """Return the translated review state of an entry."""
    return QCoreApplication.translate("EntryCli", REVIEW_STATES[state])


def comment_line(action: str, text: str, created_at: datetime) -> str:
    """Return one office comment as a translated line with its local time."""
    label = ACTIONS.get(action)
    return QCoreApplication.translate("EntryCli", "Office, {time}, {action}: {text}").format(
        time=created_at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M"),
        action=QCoreApplication.translate("EntryCli", label) if label else action, text=text)
