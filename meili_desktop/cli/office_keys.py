"""The ``office-keys`` command: back up, restore and rotate the office's own keys.

``keys`` manages the keys of senders (townships, counties); this command manages the keys the
office itself holds. Texts are spelled out as ``QCoreApplication.translate("OfficeKeysCli",
...)`` because pyside6-lupdate extracts no other form outside a class.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.passphrase import add_passphrase_option, read_passphrase
from meili_desktop.services import key_rotation
from meili_desktop.services import keys as key_service
from meili_desktop.services.identity import load_identity


def register(subparsers: Any) -> None:
    """Add ``office-keys`` with its subcommands."""
    parser = subparsers.add_parser("office-keys", help=QCoreApplication.translate(
        "OfficeKeysCli", "back up, restore or rotate this office's own keys"))
    commands = parser.add_subparsers(dest="office_keys_command", metavar="SUBCOMMAND",
                                     required=True)
    backup = commands.add_parser("backup", help=QCoreApplication.translate(
        "OfficeKeysCli", "write every key to one file protected by the passphrase"))
    backup.add_argument("-o", "--output", required=True, metavar="FILE")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser("restore", help=QCoreApplication.translate(
        "OfficeKeysCli", "add the keys of a backup file that are missing here"))
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=run_restore)
    escrow = commands.add_parser("restore-escrow", help=QCoreApplication.translate(
        "OfficeKeysCli", "load the offline escrow key to open packages after losing the "
        "working key"))
    escrow.add_argument("file", metavar="FILE")
    escrow.set_defaults(handler=run_restore_escrow)
    rotate = commands.add_parser("rotate", help=QCoreApplication.translate(
        "OfficeKeysCli", "create new signing and working keys; the old signing key announces "
        "them in the next distribution packages"))
    rotate.add_argument("--suite", choices=("C1", "G1"), help=QCoreApplication.translate(
        "OfficeKeysCli", "cipher suite of the new keys: C1 (X25519, AES-GCM, Ed25519) or G1 "
        "(SM2, SM3, SM4); default: the current suite"))
    rotate.add_argument("--escrow-file", metavar="FILE", help=QCoreApplication.translate(
        "OfficeKeysCli", "also create a new offline escrow key and write it to this new file; "
        "required when --suite changes the suite"))
    rotate.set_defaults(handler=run_rotate)
    finish = commands.add_parser("finish-rotation", help=QCoreApplication.translate(
        "OfficeKeysCli", "stop signing with the old key once every township has the new one"))
    finish.set_defaults(handler=run_finish)
    for command in (backup, restore, escrow, rotate, finish):
        add_passphrase_option(command)


def _unit_id(context: CliContext) -> str:
    identity = load_identity(context.store())
    return identity.unit_id if identity and identity.unit_id else ""


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    count = key_service.export_backup(context.store(), read_passphrase(args),
                                      Path(args.output))
    context.out.write(QCoreApplication.translate(
        "OfficeKeysCli", "Wrote {count} keys to {file}. Keep it apart from this computer, "
        "with the passphrase in a separate place.").format(count=count, file=args.output)
        + "\n")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    added = key_service.restore_backup(context.store(), read_passphrase(args), Path(args.file))
    context.out.write(QCoreApplication.translate(
        "OfficeKeysCli", "{count} keys were added from {file}.").format(count=added,
                                                                       file=args.file) + "\n")
    return 0


def run_restore_escrow(args: argparse.Namespace, context: CliContext) -> int:
    key_id = key_service.restore_escrow_key(context.store(), _unit_id(context),
                                            Path(args.file), read_passphrase(args))
    context.out.write(QCoreApplication.translate(
        "OfficeKeysCli", "The escrow key {fingerprint} is loaded; report packages can be "
        "opened with it.").format(fingerprint=key_id) + "\n")
    return 0


def run_rotate(args: argparse.Namespace, context: CliContext) -> int:
    rotation = key_rotation.rotate_city_keys(
        context.store(), _unit_id(context), read_passphrase(args), suite_id=args.suite,
        escrow_file=Path(args.escrow_file) if args.escrow_file else None)
    context.out.write(QCoreApplication.translate(
        "OfficeKeysCli", "New signing key: {fingerprint}. Send every township a new "
        "distribution package, then run \"office-keys finish-rotation\".").format(
        fingerprint=rotation.signing_fingerprint) + "\n")
    if rotation.escrow_file is not None:
        context.out.write(QCoreApplication.translate(
            "OfficeKeysCli", "The new offline escrow key ({suite}) {fingerprint} was written to "
            "{file}. Move it to a safe place apart from this computer and keep the passphrase "
            "separately. Keep the old escrow file too: it opens the report packages written "
            "before this change.").format(suite=rotation.suite,
                                           fingerprint=rotation.escrow_fingerprint,
                                           file=rotation.escrow_file) + "\n")
    return 0


def run_finish(args: argparse.Namespace, context: CliContext) -> int:
    count = key_rotation.finish_rotation(context.store(), _unit_id(context))
    context.out.write(QCoreApplication.translate(
        "OfficeKeysCli", "{count} old signing keys were retired.").format(count=count) + "\n")
    return 0
