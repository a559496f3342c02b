"""``init city`` and ``init township --package``: set-ups that create or read keys.

Texts are spelled out as ``QCoreApplication.translate("InitCli", ...)`` because
pyside6-lupdate extracts no other form outside a class.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.passphrase import read_passphrase
from meili_desktop.errors import MeiliError
from meili_desktop.services.distribution import import_distribution_package, init_city


class CityNameMissingError(MeiliError):
    """``init city`` needs ``--name``."""

    code = "setup.city_name_missing"
    exit_code = 2


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of the key-creating set-ups to the ``init`` parser."""
    parser.add_argument("--package", metavar="FILE", help=QCoreApplication.translate(
        "InitCli", "set up a township from the city's distribution package"))
    parser.add_argument("--name", metavar="NAME", help=QCoreApplication.translate(
        "InitCli", "the office's name, e.g. 杭州市美丽城镇办 (init city)"))
    parser.add_argument("--suite", choices=("C1", "G1"), default="C1",
                        help=QCoreApplication.translate(
                            "InitCli", "cipher suite of the city's keys: C1 (X25519, AES-GCM, "
                            "Ed25519) or G1 (SM2, SM3, SM4) (init city)"))
    parser.add_argument("--escrow-file", metavar="FILE", help=QCoreApplication.translate(
        "InitCli", "where to write the offline escrow key (init city; default: "
        "escrow-key.mlkey in the data folder, to be moved to a safe place)"))


def init_city_office(args: argparse.Namespace, context: CliContext) -> int:
    """Set the data folder up as the city office and create its keys."""
    if not args.name:
        raise CityNameMissingError()
    passphrase = read_passphrase(args, confirm=True)
    store = context.store()
    escrow = Path(args.escrow_file) if args.escrow_file else \
        store.folder.root / "escrow-key.mlkey"
    setup = init_city(store, args.name, passphrase, escrow, suite_id=args.suite)
    context.out.write(QCoreApplication.translate(
        "InitCli", "Set up as the city office {name}.\nCity signing key fingerprint: "
        "{fingerprint}\nThe offline escrow key was written to {escrow}. Move it to a safe "
        "place away from this computer: with it and the passphrase, every report package "
        "can still be opened if the working keys are lost.").format(
        name=args.name, fingerprint=setup.signing_fingerprint, escrow=setup.escrow_file) + "\n")
    return 0


class PackageMissingError(MeiliError):
    """``init county`` needs ``--package``, the county's distribution package."""

    code = "setup.county_package_missing"
    exit_code = 2


def init_county_office(args: argparse.Namespace, context: CliContext) -> int:
    """Set the data folder up as a relaying county office from its distribution package."""
    if not args.package:
        raise PackageMissingError()
    passphrase = read_passphrase(args, confirm=True)
    imported = import_distribution_package(context.store(), Path(args.package),
                                           passphrase=passphrase)
    context.out.write(QCoreApplication.translate(
        "InitCli", "Set up as the county office {unit} ({unit_id}).\nCity signing key "
        "fingerprint: {fingerprint}. Next, write an enrolment bundle with \"bundle --enrol\" "
        "and send it to the city office, which approves the county's key by phone.").format(
        unit=imported.unit_name, unit_id=imported.unit_id,
        fingerprint=imported.city_fingerprint) + "\n")
    return 0


def init_township_from_package(args: argparse.Namespace, context: CliContext) -> int:
    """Set the data folder up as the township a distribution package is addressed to."""
    imported = import_distribution_package(context.store(), Path(args.package))
    context.out.write(QCoreApplication.translate(
        "InitCli", "Set up as the township {unit} ({unit_id}).\nCity signing key fingerprint: "
        "{fingerprint}. Compare it with the one the city office gives you by phone.").format(
        unit=imported.unit_name, unit_id=imported.unit_id,
        fingerprint=imported.city_fingerprint) + "\n")
    context.out.write(QCoreApplication.translate(
        "InitCli", "This laptop's signing key fingerprint: {fingerprint}. Read it out when "
        "the city office calls to approve your first report package.").format(
        fingerprint=imported.own_fingerprint) + "\n")
    return 0
