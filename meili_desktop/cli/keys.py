"""The ``keys`` command: list township signing keys and approve or reject them.

``keys list [--json] [--status S]`` lists the signing keys of other units, pending ones first.
``keys approve UNIT FINGERPRINT`` and ``keys reject UNIT FINGERPRINT`` record the decision
after the clerk compared the fingerprint with the township by phone. The fingerprint is
accepted as ``verify`` prints it, with or without spaces.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.services import key_approval
from meili_desktop.services.review import current_actor
from meili_desktop.store import units_repo
from meili_desktop.store.units_repo import UnitNotFoundError

STATUS_LABELS = {
    "pending": QT_TRANSLATE_NOOP("KeysCli", "waiting for approval"),
    "approved": QT_TRANSLATE_NOOP("KeysCli", "approved"),
    "rejected": QT_TRANSLATE_NOOP("KeysCli", "rejected"),
    "retiring": QT_TRANSLATE_NOOP("KeysCli", "retiring"),
    "retired": QT_TRANSLATE_NOOP("KeysCli", "retired"),
}



def register(subparsers: Any) -> None:
    """Add the ``keys`` command with ``list``, ``approve`` and ``reject``."""
    parser = subparsers.add_parser("keys", help=QCoreApplication.translate(
        "KeysCli", "list township signing keys and approve or reject new ones"))
    commands = parser.add_subparsers(dest="keys_command", metavar="SUBCOMMAND", required=True)

    lister = commands.add_parser("list", help=QCoreApplication.translate(
        "KeysCli", "list the signing keys of reporting units"))
    lister.add_argument("--json", action="store_true", help=QCoreApplication.translate(
        "KeysCli", "print the list as JSON"))
    lister.add_argument("--status", choices=sorted(STATUS_LABELS),
                        help=QCoreApplication.translate(
                            "KeysCli", "show only keys with this status"))
    lister.set_defaults(handler=run_list)

    approve_help = QCoreApplication.translate(
        "KeysCli", "approve a key after comparing its fingerprint by phone")
    reject_help = QCoreApplication.translate(
        "KeysCli", "reject a key so that its packages are rejected")
    for name, help_text, handler in (("approve", approve_help, run_approve),
                                     ("reject", reject_help, run_reject)):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("unit", metavar="UNIT", help=QCoreApplication.translate(
            "KeysCli", "the unit's id, official code or name"))
        command.add_argument("fingerprint", metavar="FINGERPRINT", nargs="+",
                             help=QCoreApplication.translate(
                                 "KeysCli", "the fingerprint as \"verify\" shows it, with or "
                                 "without spaces"))
        command.set_defaults(handler=handler)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    keys = key_approval.list_sender_keys(context.store(), args.status)
    if args.json:
        context.out.write(json.dumps([
            {"unit_id": key.unit_id, "unit_name": key.unit_name, "fingerprint": key.fingerprint,
             "suite": key.suite, "status": key.status, "created_at": key.created_at.isoformat()}
            for key in keys], ensure_ascii=False, indent=2) + "\n")
        return 0
    if not keys:
        context.out.write(QCoreApplication.translate(
            "KeysCli", "No signing keys of reporting units are stored.") + "\n")
        return 0
    line = QCoreApplication.translate("KeysCli", "{name} ({unit}): {fingerprint}, {status}")
    for key in keys:
        context.out.write(line.format(name=key.unit_name or "-", unit=key.unit_id,
                                      fingerprint=key.fingerprint,
                                      status=_status_label(key.status)) + "\n")
    return 0


def run_approve(args: argparse.Namespace, context: CliContext) -> int:
    return _decide(args, context, approve=True)


def run_reject(args: argparse.Namespace, context: CliContext) -> int:
    return _decide(args, context, approve=False)


def _decide(args: argparse.Namespace, context: CliContext, *, approve: bool) -> int:
    store = context.store()
    unit_id = resolve_unit(context, args.unit)
    fingerprint = " ".join(args.fingerprint)
    decide = key_approval.approve_key if approve else key_approval.reject_key
    previous = decide(store, unit_id, fingerprint, actor=current_actor())
    status = "approved" if approve else "rejected"
    if previous == status:
        message = QCoreApplication.translate(
            "KeysCli", "The key of {unit} was already {status}; nothing changed.")
    elif approve:
        message = QCoreApplication.translate(
            "KeysCli", "The key of {unit} is approved; its packages can be merged now.")
    else:
        message = QCoreApplication.translate(
            "KeysCli", "The key of {unit} is rejected; its packages will be rejected too.")
    context.out.write(message.format(unit=unit_id, status=_status_label(status)) + "\n")
    return 0


def resolve_unit(context: CliContext, text: str) -> str:
    """Return the id of the unit named by ``text``; unknown text is used as an id as it is."""
    with context.store().session_factory() as session:
        try:
            return units_repo.find_unit(session, text).id
        except UnitNotFoundError:
            return text.strip()


def _status_label(status: str) -> str:
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("KeysCli", label) if label else status
