"""The ``init`` command: set up a data folder for a role.

``meili-desktop init township --provisional --county NAME_OR_CODE --town NAME_OR_CODE`` sets
the folder up as a provisional township on the embedded catalogue; ``--market-town NAME``
replaces ``--town`` for a market town (集镇) without an official code. Each role has its
handler in :data:`INIT_HANDLERS`, so other roles and set-up sources plug in beside it.
Texts are spelled out as ``QCoreApplication.translate("InitCli", ...)`` because
pyside6-lupdate extracts no other form outside a class.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.passphrase import add_passphrase_option
from meili_desktop.cli.setup_packages import add_options as add_package_options
from meili_desktop.cli.setup_packages import (
    init_city_office,
    init_county_office,
    init_township_from_package,
)
from meili_desktop.errors import MeiliError
from meili_desktop.messages import describe
from meili_desktop.services.setup import setup_provisional_township
from meili_desktop.store import units_repo

logger = logging.getLogger(__name__)


class MissingOptionError(MeiliError):
    """An option the chosen set-up needs is missing; details: ``option``."""

    code = "setup.missing_option"
    exit_code = 2


def register(subparsers: Any) -> None:
    """Add the ``init`` command with its role argument."""
    parser = subparsers.add_parser(
        "init",
        help=QCoreApplication.translate("InitCli", "set up this data folder for a role"),
        description=QCoreApplication.translate(
            "InitCli", "Set up the data folder for a role. A township without the city's "
            "distribution package starts as a provisional township on the embedded "
            "catalogue; its entries are kept when the package is imported later."))
    parser.add_argument("role", choices=sorted(INIT_HANDLERS), help=QCoreApplication.translate(
        "InitCli", "the role of this installation"))
    parser.add_argument("--provisional", action="store_true", help=QCoreApplication.translate(
        "InitCli", "start as a provisional township, without a distribution package"))
    parser.add_argument("--county", metavar="NAME_OR_CODE", help=QCoreApplication.translate(
        "InitCli", "the county (县市区) by name or official code, e.g. 余杭区 or 330110"))
    parser.add_argument("--town", metavar="NAME_OR_CODE", help=QCoreApplication.translate(
        "InitCli", "the township (乡镇街道) by name or official code, e.g. 塘栖镇"))
    parser.add_argument("--market-town", metavar="NAME", help=QCoreApplication.translate(
        "InitCli", "the name of a market town (集镇) that has no official code, instead of "
        "--town"))
    add_package_options(parser)
    add_passphrase_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    """Set the data folder up with the handler of the chosen role."""
    return INIT_HANDLERS[args.role](args, context)


def init_township(args: argparse.Namespace, context: CliContext) -> int:
    """Set up a township from ``--package``, or a provisional one from ``--county`` and
    ``--town`` or ``--market-town``."""
    if args.package:
        return init_township_from_package(args, context)
    if not args.provisional:
        raise MissingOptionError(option="--provisional")
    if not args.county:
        raise MissingOptionError(option="--county")
    if not (args.town or args.market_town):
        raise MissingOptionError(option="--town")

    store = context.store()
    try:
        identity = setup_provisional_township(store, args.county,
                                              args.market_town or args.town,
                                              is_market_town=bool(args.market_town))
    except units_repo.TownNotFoundError as error:
        context.err.write(describe(error) + "\n")
        context.err.write(QCoreApplication.translate(
            "InitCli", "If it is a market town without an official code, use --market-town "
            "NAME instead of --town.") + "\n")
        return error.exit_code

    with store.session_factory() as session:
        unit = units_repo.get_unit(session, identity.unit_id or "")
        county = units_repo.get_unit(session, unit.parent_id or "") if unit else None
    context.out.write(QCoreApplication.translate(
        "InitCli", "Set up as the provisional township {county} {town} ({unit_id}). Enter "
        "data with \"entry set\"; import the city's distribution package later to "
        "confirm the township.").format(county=county.name if county else "",
                                        town=unit.name if unit else "",
                                        unit_id=identity.unit_id) + "\n")
    return 0


# Handlers by role; a role's handler reads its own options from ``args``.
INIT_HANDLERS: dict[str, Callable[[argparse.Namespace, CliContext], int]] = {
    "township": init_township,
    "city": init_city_office,
    "county": init_county_office,
}
