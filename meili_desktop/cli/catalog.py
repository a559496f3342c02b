"""The ``catalog`` command: print the active task catalogue or import it from an Excel table.

``meili-desktop catalog [--json]`` prints the catalogue; ``meili-desktop catalog import
FILE.xlsx [--dry-run] [--json] [--accept-problems]`` imports the office's task table.
Texts are spelled out as ``QCoreApplication.translate("Catalog", ...)`` because
pyside6-lupdate extracts no other form outside a class.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.catalogue import Catalogue, MeasureType, Provenance, Task
from meili_desktop.domain.catalogue_document import catalogue_hash, catalogue_to_document
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.messages.reports import problems_to_list
from meili_desktop.reports.catalogue_xlsx import ImportProblem
from meili_desktop.services.catalogue import (
    CatalogueImportResult,
    ensure_default_catalogue,
    import_catalogue_xlsx,
)


def register(subparsers: Any) -> None:
    """Add the ``catalog`` command and its optional ``import`` subcommand."""
    parser = subparsers.add_parser(
        "catalog",
        help=QCoreApplication.translate(
            "Catalog", "print the task catalogue, or import it from an Excel table"),
        description=QCoreApplication.translate(
            "Catalog", "Print the active task catalogue: categories, key tasks, "
            "requirements, measures and lead units."))
    parser.add_argument("--json", action="store_true", help=QCoreApplication.translate(
        "Catalog", "print the catalogue as JSON instead of a table"))
    parser.set_defaults(handler=run_show)

    commands = parser.add_subparsers(dest="catalog_command", metavar="SUBCOMMAND",
                                     required=False)
    importer = commands.add_parser(
        "import",
        help=QCoreApplication.translate(
            "Catalog", "import the task table from an .xlsx file as a new catalogue version"),
        description=QCoreApplication.translate(
            "Catalog", "Import the office's task table (columns 分类, 编号, 重点工作, 工作要求, "
            "牵头责任单位) as a new, active catalogue version. Each row that cannot be read is "
            "listed with its sheet, row and reason, and nothing is stored while problems "
            "remain unless --accept-problems is given."))
    importer.add_argument("file", metavar="FILE.xlsx", type=Path,
                          help=QCoreApplication.translate(
                              "Catalog", "the Excel workbook to import"))
    importer.add_argument("--dry-run", action="store_true", help=QCoreApplication.translate(
        "Catalog", "check the file and list its problems without storing anything"))
    # A separate dest, because the subcommand's defaults would overwrite catalog's --json.
    importer.add_argument("--json", dest="import_json", action="store_true",
                          help=QCoreApplication.translate(
                              "Catalog", "print the result as JSON"))
    importer.add_argument("--accept-problems", action="store_true",
                          help=QCoreApplication.translate(
                              "Catalog", "store the catalogue despite problems, resolving "
                              "each as its message says"))
    importer.set_defaults(handler=run_import)


# --- catalog ---------------------------------------------------------------------------------


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    """Print the active catalogue, setting up the embedded one on first use."""
    catalogue = ensure_default_catalogue(context.store())
    if args.json:
        document = catalogue_to_document(catalogue)
        document["content_hash"] = catalogue_hash(catalogue)
        json.dump(document, context.out, ensure_ascii=False, indent=2)
        context.out.write("\n")
    else:
        _print_catalogue(catalogue, context.out)
    return 0


def _measure_text(task: Task) -> str:
    if task.measure is MeasureType.RATE:
        text = QCoreApplication.translate("Catalog", "rate per {base}").format(
            base=task.rate_base)
    else:
        text = {
            MeasureType.PERCENT: QCoreApplication.translate("Catalog", "percentage"),
            MeasureType.COUNT: QCoreApplication.translate("Catalog", "count"),
            MeasureType.LENGTH: QCoreApplication.translate("Catalog", "length"),
            MeasureType.MILESTONE: QCoreApplication.translate("Catalog", "milestone"),
            MeasureType.QUALITATIVE: QCoreApplication.translate("Catalog", "qualitative"),
        }[task.measure]
    return f"{text}（{task.unit}）" if task.unit else text


def _leads_text(task: Task) -> str:
    if not task.lead_units:
        return QCoreApplication.translate("Catalog", "none")
    marks = {
        Provenance.TABLE: "",
        Provenance.MERGED_CELL: QCoreApplication.translate("Catalog", " (from a merged cell)"),
        Provenance.DUTIES: QCoreApplication.translate("Catalog", " (inferred from duties)"),
    }
    return "、".join(link.unit + marks[link.provenance] for link in task.lead_units)


def _task_lines(task: Task) -> list[str]:
    lines = [f"{task.number:>4}  {task.title}"]
    lines.extend(f"      {item.code} {item.title}" for item in task.sub_items)
    lines.append("      " + QCoreApplication.translate("Catalog", "Requirement: {text}").format(
        text=task.requirement))
    details = [
        QCoreApplication.translate("Catalog", "Measure: {measure}").format(
            measure=_measure_text(task)),
        QCoreApplication.translate("Catalog", "Lead units: {units}").format(
            units=_leads_text(task)),
    ]
    if task.scoring is not None:
        details.append(QCoreApplication.translate("Catalog", "Scoring: {rule}").format(
            rule=task.scoring.description))
    lines.append("      " + QCoreApplication.translate("Catalog", "; ").join(details))
    return lines


def _print_catalogue(catalogue: Catalogue, out: TextIO) -> None:
    out.write(f"{catalogue.title}\n")
    out.write(QCoreApplication.translate("Catalog", "Version {version}; source: {source}")
              .format(version=catalogue.version, source=catalogue.source or "-") + "\n")
    for category in catalogue.categories:
        out.write(f"\n【{category}】\n")
        for task in catalogue.tasks:
            if task.category == category:
                out.write("\n".join(_task_lines(task)) + "\n")

    out.write("\n" + QCoreApplication.translate("Catalog", "Member units ({count})").format(
        count=len(catalogue.member_units)) + "\n")
    for unit in catalogue.member_units:
        line = f"  {unit.name}"
        if unit.aliases:
            line += QCoreApplication.translate("Catalog", " (also written {aliases})").format(
                aliases="、".join(unit.aliases))
        if unit.is_office:
            line += QCoreApplication.translate("Catalog", ": the programme office")
        elif unit.is_all_members:
            line += QCoreApplication.translate("Catalog", ": stands for every member unit")
        elif unit.duties:
            line += f"：{unit.duties}"
        out.write(line + "\n")


# --- catalog import --------------------------------------------------------------------------


def _problem_message(problem: ImportProblem) -> str:
    return describe(MeiliError(problem.message_code, **problem.details()))


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    """Import an Excel task table; return 1 when problems stop the import."""
    result = import_catalogue_xlsx(context.store(), args.file, dry_run=args.dry_run,
                                   accept_problems=args.accept_problems)
    if args.import_json or args.json:
        _print_import_json(args, result, context.out)
    else:
        _print_import_text(args, result, context)
    return 1 if result.problems and not args.accept_problems else 0


def _print_import_json(args: argparse.Namespace, result: CatalogueImportResult,
                       out: TextIO) -> None:
    catalogue = result.catalogue
    report = {
        "file": str(args.file),
        "dry_run": args.dry_run,
        "imported": result.is_imported,
        "version": catalogue.version if catalogue else None,
        "task_count": len(catalogue.tasks) if catalogue else 0,
        "new_tasks": list(result.new_task_numbers),
        "problems": [
            {"sheet": problem.sheet, "row": problem.row, "code": problem.code,
             "number": problem.number, "value": problem.value,
             "suggestion": problem.suggestion, "message": _problem_message(problem)}
            for problem in result.problems
        ],
    }
    json.dump(report, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_import_text(args: argparse.Namespace, result: CatalogueImportResult,
                       context: CliContext) -> None:
    out = context.out
    listed, rest = problems_to_list(result.problems)
    for problem in listed:
        out.write(_problem_message(problem) + "\n")
    if rest:
        out.write(rest + "\n")
    if result.new_task_numbers:
        out.write(QCoreApplication.translate(
            "Catalog", "Tasks {numbers} are not in the current catalogue; they were read as "
            "qualitative township tasks.").format(
                numbers="、".join(str(number) for number in result.new_task_numbers)) + "\n")

    count = len(result.catalogue.tasks) if result.catalogue else 0
    problems = len(result.problems)
    if result.is_imported:
        out.write(QCoreApplication.translate(
            "Catalog", "Imported catalogue version {version} with {count} tasks from {file}; "
            "it is now the active catalogue.").format(
                version=result.catalogue.version if result.catalogue else "", count=count,
                file=args.file) + "\n")
        if problems:
            out.write(QCoreApplication.translate(
                "Catalog", "{problems} problems were resolved as their messages say.").format(
                    problems=problems) + "\n")
    elif not problems:
        out.write(QCoreApplication.translate(
            "Catalog", "Dry run: {count} tasks read without problems; nothing was stored.")
            .format(count=count) + "\n")
    elif args.dry_run:
        context.err.write(QCoreApplication.translate(
            "Catalog", "Dry run: {problems} problems found; nothing was stored.").format(
                problems=problems) + "\n")
    else:
        context.err.write(QCoreApplication.translate(
            "Catalog", "{problems} problems found; nothing was imported. Correct the "
            "workbook and run the import again, or add --accept-problems to import with each "
            "problem resolved as its message says.").format(problems=problems) + "\n")
