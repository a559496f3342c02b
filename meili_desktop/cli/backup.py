"""The ``backup`` command: list, make and restore backups of the data folder's database.

``meili-desktop backup list [--json]`` lists the backups newest first; ``backup create``
makes one now; ``backup restore NAME_OR_PATH [--yes]`` checks a backup and replaces the
database with it, keeping the current database as a ``pre-restore`` backup.

Texts are spelled out as ``QCoreApplication.translate("BackupCli", ...)`` because
pyside6-lupdate finds only those calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.services.backups import (
    DAILY_KEEP,
    FILE_REASON,
    MANUAL_KEEP,
    PRE_MIGRATION_KEEP,
    PRE_OPERATION_KEEP,
    PRE_RESTORE_KEEP,
    create_backup,
    describe_reason,
    find_backup,
    list_backups,
    local_time_text,
    require_sqlite,
    restore_backup,
    validate_backup,
)
from meili_desktop.store.backup import BackupFile

# Answers that confirm a restore at the prompt, besides the translated "yes".
CONFIRMATION_WORDS = frozenset({"y", "yes", "是"})


def register(subparsers: Any) -> None:
    """Add the ``backup`` command with its ``list``, ``create`` and ``restore`` subcommands."""
    parser = subparsers.add_parser(
        "backup",
        help=QCoreApplication.translate(
            "BackupCli", "list, make or restore backups of the database"),
        description=QCoreApplication.translate(
            "BackupCli", "The data folder keeps a daily backup of its database and one before "
            "every import, merge, upgrade and restore that changes data. Kept are the {daily} "
            "newest daily backups, the {operations} newest before imports and merges, the "
            "{upgrades} newest before upgrades, the {restores} newest before restores and the "
            "{manual} newest made by hand.").format(
                daily=DAILY_KEEP, operations=PRE_OPERATION_KEEP, upgrades=PRE_MIGRATION_KEEP,
                restores=PRE_RESTORE_KEEP, manual=MANUAL_KEEP))
    commands = parser.add_subparsers(dest="backup_command", metavar="SUBCOMMAND", required=True)

    lister = commands.add_parser(
        "list", help=QCoreApplication.translate("BackupCli", "list the backups, newest first"))
    lister.add_argument("--json", action="store_true",
                        help=QCoreApplication.translate("BackupCli", "print the list as JSON"))
    lister.set_defaults(handler=run_list)

    creator = commands.add_parser(
        "create", help=QCoreApplication.translate("BackupCli", "back up the database now"))
    creator.set_defaults(handler=run_create)

    restorer = commands.add_parser(
        "restore",
        help=QCoreApplication.translate("BackupCli", "replace the database with a backup"),
        description=QCoreApplication.translate(
            "BackupCli", "Check the backup (SQLite integrity check, schema version, "
            "installation) and replace the database with it. The current database is kept as "
            "a backup first. Close the program's window before restoring."))
    restorer.add_argument(
        "backup", metavar="NAME_OR_PATH",
        help=QCoreApplication.translate(
            "BackupCli", "a backup name from \"backup list\" or the path of a backup file"))
    restorer.add_argument(
        "--yes", action="store_true",
        help=QCoreApplication.translate("BackupCli", "restore without asking for confirmation"))
    restorer.add_argument(
        "--force-other-installation", action="store_true",
        help=QCoreApplication.translate(
            "BackupCli", "restore a backup that another installation of the same unit made, "
            "such as the laptop this computer replaces; its keys then come to this computer, "
            "so use it only when that installation is no longer used"))
    restorer.set_defaults(handler=run_restore)


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    """Print the backups as a table or as JSON."""
    require_sqlite(context.database_url)
    backups = list_backups(context.data_dir)
    if args.json:
        json.dump([_as_json(backup) for backup in backups], context.out, ensure_ascii=False,
                  indent=2)
        context.out.write("\n")
        return 0
    if not backups:
        text = QCoreApplication.translate("BackupCli", "No backups yet in {folder}.")
        print(text.format(folder=context.data_dir / "backups"), file=context.out)
        return 0

    heading = QCoreApplication.translate("BackupCli", "Backups in {folder}, newest first:")
    print(heading.format(folder=backups[0].path.parent), file=context.out)
    line = QCoreApplication.translate("BackupCli", "{time}  {reason}  {size}")
    for backup in backups:
        print(f"  {backup.name}", file=context.out)
        print("    " + line.format(time=format_local_time(backup),
                                   reason=describe_reason(backup.reason),
                                   size=format_size(backup.size)), file=context.out)
    return 0


def run_create(args: argparse.Namespace, context: CliContext) -> int:
    """Back up the database now."""
    require_sqlite(context.database_url)
    made = create_backup(context.data_dir, "manual")
    text = QCoreApplication.translate("BackupCli", "Backup made: {path} ({size}).")
    print(text.format(path=made.path, size=format_size(made.size)), file=context.out)
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    """Check a backup, ask for confirmation and replace the database with it."""
    require_sqlite(context.database_url)
    context.close()
    backup = find_backup(context.data_dir, args.backup)
    force = args.force_other_installation
    revision = validate_backup(context.data_dir, backup, allow_other_installation=force)
    if backup.reason == FILE_REASON:
        summary = QCoreApplication.translate(
            "BackupCli", "File {name}: a database file chosen by its path, not a backup of "
            "this data folder; last changed {time}, {size}, schema {revision}; the integrity "
            "check passed.")
    else:
        summary = QCoreApplication.translate(
            "BackupCli", "Backup {name}: made {time}, {reason}, {size}, schema {revision}; "
            "the integrity check passed.")
    print(summary.format(name=backup.name, time=format_local_time(backup),
                         reason=describe_reason(backup.reason), size=format_size(backup.size),
                         revision=revision), file=context.out)
    if force:
        print(QCoreApplication.translate(
            "BackupCli", "WARNING: --force-other-installation restores a backup even when "
            "another installation made it. That installation's keys and data then replace "
            "this computer's. If the other computer is still in use, both would sign packages "
            "as the same unit with the same keys, and the office could no longer tell them "
            "apart. Continue only when this computer replaces the one the backup came from "
            "and that one is no longer used."), file=context.err)
    if not args.yes and not _confirm(context):
        print(QCoreApplication.translate("BackupCli", "Restore cancelled; nothing was changed."),
              file=context.out)
        return 1

    result = restore_backup(context.data_dir, backup, allow_other_installation=force)
    done = QCoreApplication.translate("BackupCli", "The database was restored from {name}.")
    print(done.format(name=result.restored.name), file=context.out)
    if result.safety_copy is not None:
        kept = QCoreApplication.translate(
            "BackupCli", "The replaced database was kept as {name}; restore it the same way "
            "to undo.")
        print(kept.format(name=result.safety_copy.name), file=context.out)
    return 0


def _confirm(context: CliContext) -> bool:
    if not sys.stdin.isatty():
        print(QCoreApplication.translate(
            "BackupCli", "Not restoring without confirmation: add --yes to restore from a "
            "script."), file=context.err)
        return False
    prompt = QCoreApplication.translate(
        "BackupCli", "This replaces all data in {folder} with the backup. Type yes to "
        "continue: ")
    answer = input(prompt.format(folder=context.data_dir)).strip().casefold()
    translated_yes = QCoreApplication.translate("BackupCli", "yes").casefold()
    return answer in CONFIRMATION_WORDS or answer == translated_yes


def format_local_time(backup: BackupFile) -> str:
    """Return the backup's time as the backup window shows it (see ``local_time_text``)."""
    return local_time_text(backup.created_at)


def format_size(size: int) -> str:
    """Return a file size in KB or MB."""
    if size < 1024 * 1024:
        text = QCoreApplication.translate("BackupCli", "{size} KB")
        return text.format(size=max(1, round(size / 1024)))
    text = QCoreApplication.translate("BackupCli", "{size} MB")
    return text.format(size=f"{size / (1024 * 1024):.1f}")


def _as_json(backup: BackupFile) -> dict[str, object]:
    return {
        "name": backup.name,
        "path": str(backup.path),
        "reason": backup.reason,
        "created_at": backup.created_at.isoformat(),
        "sequence": backup.sequence,
        "size": backup.size,
    }
