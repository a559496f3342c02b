"""Report commands: summary workbooks, printed PDFs and Excel fill-in templates.

``report -o FILE.xlsx [--period P]... [--by GROUPING]...`` writes the summary workbook;
``pdf town|city -o FILE.pdf`` prints a town's period report or the city summary;
``template -o FILE.xlsx --unit CODE --period P`` exports a fill-in template and
``import-excel FILE.xlsx [--dry-run] [--json]`` imports a filled one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.domain.entries import Status
from meili_desktop.domain.summary import Grouping
from meili_desktop.messages.entries import describe_finding, status_label
from meili_desktop.messages.reports import describe_problem, problems_to_list
from meili_desktop.reports.xlsx_reading import CellProblem
from meili_desktop.services import reports, templates

# Called as translate("Context", "...") with literals, so that pyside6-lupdate finds the text.
translate = QCoreApplication.translate


def register(subparsers: Any) -> None:
    """Add the ``report``, ``pdf``, ``template`` and ``import-excel`` commands."""
    reporter = subparsers.add_parser(
        "report", help=translate("ReportCli", "write the summary workbook (.xlsx)"),
        description=translate("ReportCli",
                              "Summarise entries by town, county, lead unit, category and "
                              "task: status counts, missing reports, completion against target "
                              "and change since the previous period, with one detail sheet per "
                              "period. On a township laptop the workbook is the township's own "
                              "progress report, by task, category and lead unit."))
    reporter.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                          help=translate("ReportCli", "workbook to write"))
    reporter.add_argument("--period", action="append", default=[], metavar="P",
                          help=translate("ReportCli",
                                         "period to summarise, such as 2021Q2; repeat for several "
                                         "(default: the latest period with entries)"))
    reporter.add_argument("--by", action="append", default=[], metavar="GROUPING",
                          choices=[grouping.value for grouping in Grouping],
                          help=translate("ReportCli",
                                         "grouping: town, county, lead-unit, category or task; "
                                         "repeat for several (default: all)"))
    reporter.add_argument("--county", metavar="CODE",
                          help=translate("ReportCli", "summarise only the towns of this county"))
    reporter.add_argument("--no-details", action="store_true",
                          help=translate("ReportCli", "leave out the town-by-task detail sheets"))
    reporter.set_defaults(handler=run_report)

    printer = subparsers.add_parser(
        "pdf", help=translate("ReportCli",
                              "print a town's period report or the city summary as PDF"))
    printer.add_argument("kind", choices=["town", "city"],
                         help=translate("ReportCli",
                                        "town: one town's period report with a cover sheet; city: "
                                        "the city summary"))
    printer.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                         help=translate("ReportCli", "PDF file to write"))
    printer.add_argument("--unit", metavar="CODE",
                         help=translate("ReportCli",
                                        "the town (code or name); required for a town report"))
    printer.add_argument("--period", metavar="P",
                         help=translate("ReportCli",
                                        "the period (default: the latest period with entries)"))
    printer.set_defaults(handler=run_pdf)

    exporter = subparsers.add_parser(
        "template", help=translate("ReportCli",
                                   "export a town's fill-in Excel template for a period"))
    exporter.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                          help=translate("ReportCli", "template to write"))
    exporter.add_argument("--unit", required=True, metavar="CODE",
                          help=translate("ReportCli", "the town's code or name"))
    exporter.add_argument("--period", required=True, metavar="P", help=translate("ReportCli",
                                                                                 "the period"))
    exporter.set_defaults(handler=run_template)

    importer = subparsers.add_parser(
        "import-excel", help=translate("ReportCli", "import a filled-in Excel template"),
        description=translate("ReportCli",
                              "Import the entries of a filled-in template. Blank cells leave "
                              "stored data unchanged. If any filled cell is invalid, nothing is "
                              "written and every rejected cell is listed."))
    importer.add_argument("file", metavar="FILE.xlsx",
                          help=translate("ReportCli", "the filled-in template"))
    importer.add_argument("--unit", metavar="CODE",
                          help=translate("ReportCli",
                                         "the town the template must be for (default: this data "
                                         "folder's own town)"))
    importer.add_argument("--period", metavar="P",
                          help=translate("ReportCli", "the period the template must be for"))
    importer.add_argument("--dry-run", action="store_true",
                          help=translate("ReportCli",
                                         "check the file and list what would change, without "
                                         "writing"))
    importer.add_argument("--json", action="store_true",
                          help=translate("ReportCli", "print the result as JSON"))
    importer.set_defaults(handler=run_import)


def run_report(args: argparse.Namespace, context: CliContext) -> int:
    """Write the summary workbook; a township's covers the township alone."""
    store = context.store()
    unit_id = reports.own_township(store)
    defaults = reports.ALL_GROUPINGS if unit_id is None else reports.TOWNSHIP_GROUPINGS
    groupings = [Grouping(value) for value in args.by] or list(defaults)
    rows = reports.export_summary(store, Path(args.output), args.period, groupings,
                                  include_details=not args.no_details,
                                  county_id=None if unit_id else args.county, unit_id=unit_id)
    message = translate("ReportCli", "Wrote {path} ({rows} rows).")
    print(message.format(path=args.output, rows=rows), file=context.out)
    if unit_id is not None:
        with store.session_factory() as session:
            title = reports.township_title(session, unit_id)
        print(translate("ReportCli", "The workbook covers {town} only; the city office's "
                        "summary of all towns is written at the office.").format(town=title),
              file=context.out)
    return 0


def run_pdf(args: argparse.Namespace, context: CliContext) -> int:
    """Print the town report or the city summary to PDF."""
    from meili_desktop.services import printing

    store = context.store()
    output = Path(args.output)
    if args.kind == "town":
        if not args.unit:
            print(translate("ReportCli", "A town report needs --unit."), file=context.err)
            return 2
        pages = printing.print_town_report(store, output, args.unit, args.period)
    else:
        pages = printing.print_city_summary(store, output, args.period)
    message = translate("ReportCli", "Wrote {path} ({pages} pages).")
    print(message.format(path=output, pages=pages), file=context.out)
    return 0


def run_template(args: argparse.Namespace, context: CliContext) -> int:
    """Export a fill-in template."""
    keys = templates.export_template(context.store(), Path(args.output), args.unit,
                                     args.period)
    message = translate("ReportCli",
                        "Wrote the template of {town} for {period} to {path} ({count} tasks).")
    print(message.format(town=keys.unit_name, period=keys.period_code, path=args.output,
                         count=len(keys.tasks)), file=context.out)
    return 0


def _problem_text(problem: CellProblem) -> str:
    return describe_problem(problem.code, problem.message_details())


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    """Import a filled-in template and list what changed or what was rejected."""
    result = templates.import_template(context.store(), Path(args.file), unit=args.unit,
                                       period_code=args.period, dry_run=args.dry_run)
    if args.json:
        json.dump({"unit": result.unit_id, "period": result.period_code,
                   "applied": result.is_applied, "changed": list(result.changed),
                   "unchanged": list(result.unchanged),
                   "inferred_status": list(result.inferred_status),
                   "warnings": [{"task": finding.task_number, "code": finding.code,
                                 "message": describe_finding(finding)}
                                for finding in result.warnings],
                   "problems": [{"sheet": problem.sheet, "cell": problem.cell,
                                 "code": problem.code, "value": problem.value,
                                 "message": _problem_text(problem)}
                                for problem in result.problems]},
                  context.out, ensure_ascii=False, indent=2)
        context.out.write("\n")
    elif result.problems:
        heading = translate("ReportCli", "{count} cells were rejected; nothing was imported:")
        print(heading.format(count=len(result.problems)), file=context.err)
        listed, rest = problems_to_list(result.problems)
        for problem in listed:
            print("  " + _problem_text(problem), file=context.err)
        if rest:
            print("  " + rest, file=context.err)
    else:
        if args.dry_run:
            message = translate("ReportCli", "Checked {town} {period}: {changed} tasks would "
                                "change, {unchanged} unchanged.")
        else:
            message = translate("ReportCli", "Imported {town} {period}: {changed} tasks changed, "
                                "{unchanged} unchanged.")
        print(message.format(town=result.unit_name, period=result.period_code,
                             changed=len(result.changed), unchanged=len(result.unchanged)),
              file=context.out)
        _print_import_notes(result, context)
    return 0 if not result.problems else 3


def _print_import_notes(result: templates.TemplateImportResult, context: CliContext) -> None:
    """Print the statuses set from values and the value warnings, as ``entry set`` does."""
    if result.inferred_status:
        note = translate("ReportCli", "The status of tasks {tasks} was set to {status} because "
                         "a value was filled in without a status.")
        print(note.format(tasks=", ".join(str(number) for number in result.inferred_status),
                          status=status_label(Status.IN_PROGRESS)), file=context.out)
    for finding in result.warnings:
        print(translate("ReportCli", "Warning: {text}").format(text=describe_finding(finding)),
              file=context.err)
