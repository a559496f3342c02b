"""Command-line entry point: the GUI by default, subcommands for headless work.

Each command group lives in its own module with ``register(subparsers)``; the modules are
listed in :data:`COMMAND_MODULES`. A subcommand's handler is ``run(args, context) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from meili_desktop import __version__
from meili_desktop.cli import argparse_texts
from meili_desktop.cli.output import (
    OUTPUT_CLOSED_STATUS,
    OutputClosedError,
    closable_stdout,
    discard_further_output,
)
from meili_desktop.errors import MeiliError
from meili_desktop.file_types import is_package_file
from meili_desktop.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from meili_desktop.places import set_application_names

if TYPE_CHECKING:
    from meili_desktop.cli.context import CliContext

logger = logging.getLogger(__name__)

COMMAND_MODULES: list[str] = [
    "meili_desktop.cli.backup",
    "meili_desktop.cli.catalog",
    "meili_desktop.cli.entry",
    "meili_desktop.cli.evidence",
    "meili_desktop.cli.keys",
    "meili_desktop.cli.merge",
    "meili_desktop.cli.packages",
    "meili_desktop.cli.office_keys",
    "meili_desktop.cli.report",
    "meili_desktop.cli.scores",
    "meili_desktop.cli.review",
    "meili_desktop.cli.setup",
    "meili_desktop.cli.targets",
]


# Commands that draw text (PDF reports) and so need a QGuiApplication.
GUI_COMMANDS = frozenset({"pdf"})


def _create_application(arguments: Sequence[str]) -> QCoreApplication:
    if GUI_COMMANDS & set(arguments):
        from meili_desktop.services.printing import ensure_gui_application

        return ensure_gui_application()
    return QCoreApplication([sys.argv[0]])


def _language_from(argv: Sequence[str]) -> str:
    """Find ``--lang`` before the parser exists, because help texts are translated."""
    for index, item in enumerate(argv):
        if item.startswith("--lang="):
            return item.split("=", 1)[1]
        if item == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return DEFAULT_LANGUAGE


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with the global options and every registered command group."""
    parser = argparse.ArgumentParser(
        prog="meili-desktop",
        description=QCoreApplication.translate(
            "Cli",
            "Beautiful Towns programme data entry and consolidation. "
            "Without a command the window opens.",
        ),
    )
    # argparse's own help for --version bypasses its translation hook, so it is given here.
    parser.add_argument("--version", action="version", version=__version__,
                        help=QCoreApplication.translate(
                            "Cli", "show the program's version number and exit"))
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=QCoreApplication.translate(
            "Cli", "data folder to use (default: the user's application data folder)"
        ),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=QCoreApplication.translate(
            "Cli",
            "use this database (e.g. a shared PostgreSQL office database) "
            "instead of the data folder's SQLite file",
        ),
    )
    parser.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=QCoreApplication.translate("Cli", "language of messages"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "check the installation in a temporary data folder and exit"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


# Global options followed by a value, which is not a command name.
_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--database-url", "--lang"})


def wants_gui(arguments: Sequence[str]) -> bool:
    """Return whether ``arguments`` open the window rather than run a command.

    The window opens without positional arguments, or when every positional argument is a
    package file: a double-click on a package passes its path, and the window opens it.
    """
    if "--self-test" in arguments or {"-h", "--help", "--version"} & set(arguments):
        return False
    positional = []
    skip_value = False
    for item in arguments:
        if skip_value:
            skip_value = False
        elif item in _OPTIONS_WITH_VALUE:
            skip_value = True
        elif not item.startswith("-"):
            positional.append(item)
    return all(is_package_file(item) for item in positional)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; return the process exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_application_names()
    if wants_gui(arguments):
        from meili_desktop.app import run_gui

        return run_gui(arguments)

    if "--self-test" in arguments and not {"-h", "--help"} & set(arguments):
        # The self-test renders windows, so it creates a QApplication instead of this
        # function's QCoreApplication.
        from meili_desktop.selftest import run_self_test

        return run_self_test(arguments)

    # Imported here, not at the top: the context imports the database libraries, which the
    # window imports off the GUI thread after it appears.
    from meili_desktop.cli.context import CliContext

    app = QCoreApplication.instance() or _create_application(arguments)
    install_translators(app, _language_from(arguments))
    argparse_texts.install()
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None or not hasattr(args, "handler"):
        parser.print_help()
        return 2
    with closable_stdout():
        context = CliContext.from_args(args)
        return _run_command(args, context)


def _run_command(args: argparse.Namespace, context: CliContext) -> int:
    """Run the chosen command's handler; return its exit status or its error's."""
    from meili_desktop.cli.cli_logging import (
        UnexpectedCommandError,
        command_logging,
        log_file_path,
    )

    # Details go to the data folder's log file; the console shows only translated messages.
    with command_logging(context.data_dir):
        try:
            status = int(args.handler(args, context))
            # A reader that closed the pipe early is noticed here, not at the interpreter's exit.
            context.out.flush()
            return status
        except OutputClosedError:
            logger.info("command %s stopped: the reader of its output closed the pipe",
                        args.command)
            discard_further_output()
            return OUTPUT_CLOSED_STATUS
        except MeiliError as error:
            from meili_desktop.messages import describe

            logger.info("command %s failed: %s", args.command, error)
            print(describe(error), file=sys.stderr)
            return error.exit_code
        except Exception:
            from meili_desktop.messages import describe

            logger.exception("command %s failed unexpectedly", args.command)
            unexpected = UnexpectedCommandError(log_file=str(log_file_path(context.data_dir)))
            print(describe(unexpected), file=sys.stderr)
            return unexpected.exit_code
        finally:
            context.close()
