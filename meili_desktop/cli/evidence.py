"""The ``evidence`` command: copy a unit's evidence files out of the office's data folder.

``meili-desktop evidence export --unit CODE --period P -o FOLDER`` writes every evidence
file of the unit's entries for the period under a Windows-safe name (see
:mod:`meili_desktop.services.evidence_export`) and prints which display name went where.

Texts are spelled out as ``QCoreApplication.translate("EvidenceCli", ...)`` because
pyside6-lupdate finds only those calls.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.periods import parse_period
from meili_desktop.services.evidence_export import export_evidence
from meili_desktop.store import units_repo


def register(subparsers: Any) -> None:
    """Add the ``evidence`` command with its ``export`` subcommand."""
    parser = subparsers.add_parser(
        "evidence", help=QCoreApplication.translate(
            "EvidenceCli", "copy the evidence files of a unit's entries into a folder"))
    commands = parser.add_subparsers(dest="evidence_command", metavar="SUBCOMMAND",
                                     required=True)
    exporter = commands.add_parser(
        "export", help=QCoreApplication.translate(
            "EvidenceCli", "write a unit's evidence files for a period into a folder"),
        description=QCoreApplication.translate(
            "EvidenceCli", "Each file is named after its task number and the name the "
            "township gave it, made safe for Windows: reserved names such as CON, the "
            "characters \\ / : * ? \" < > |, control characters and trailing dots or spaces "
            "are replaced, long names shortened. Files go to FOLDER/<unit>_<code>/<period>."))
    exporter.add_argument("--unit", required=True, metavar="CODE", help=QCoreApplication.translate(
        "EvidenceCli", "the reporting unit's code or name"))
    exporter.add_argument("--period", required=True, metavar="P", help=QCoreApplication.translate(
        "EvidenceCli", "the reporting period, e.g. 2021Q2"))
    exporter.add_argument("-o", "--output", required=True, metavar="FOLDER",
                          help=QCoreApplication.translate(
                              "EvidenceCli", "the folder to write into; it is created if needed"))
    exporter.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    """Export the unit's evidence and print each display name with the file it went to."""
    store = context.store()
    with store.session_factory() as session:
        unit = units_repo.find_unit(session, args.unit)
    period = parse_period(args.period.strip().upper()).code
    result = export_evidence(store, unit.id, period, Path(args.output))
    for item in result.files:
        context.out.write(QCoreApplication.translate(
            "EvidenceCli", "Task {task}: \"{name}\" saved as {file}").format(
            task=item.task_number, name=item.display_name, file=item.path.name) + "\n")
    context.out.write(QCoreApplication.translate(
        "EvidenceCli", "Exported {count} evidence files of {unit} for {period} to {folder}.")
        .format(count=len(result.files), unit=unit.name, period=period,
                folder=result.folder.resolve()) + "\n")
    return 0
