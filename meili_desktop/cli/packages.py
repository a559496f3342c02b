"""Package commands: ``export``, ``verify``, ``distribute`` and ``import``.

Texts are spelled out as ``QCoreApplication.translate("PackagesCli", ...)`` because
pyside6-lupdate extracts no other form outside a class.
"""

from __future__ import annotations

import argparse
import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from meili_desktop.cli.context import CliContext
from meili_desktop.cli.passphrase import add_passphrase_option, read_passphrase
from meili_desktop.errors import MeiliError
from meili_desktop.exchange.errors import UnknownSenderKeyError
from meili_desktop.exchange.model import KIND_DISTRIBUTION, KIND_RECEIPT
from meili_desktop.file_types import (
    DISTRIBUTION_PACKAGE_EXTENSION,
    RECEIPT_EXTENSION,
    REPORT_PACKAGE_EXTENSION,
)
from meili_desktop.messages import describe
from meili_desktop.messages.packages import PACKAGE_KINDS
from meili_desktop.services import keys as key_service
from meili_desktop.services.distribution import (
    build_distribution_package,
    distribution_file_name,
    import_distribution_package,
)
from meili_desktop.services.backups import local_time_text
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.services.output_paths import output_argument, package_output_path, saved_as_line
from meili_desktop.services.packages import export_report_package, inspect_package
from meili_desktop.store import units_repo

logger = logging.getLogger(__name__)

KIND_LABELS = PACKAGE_KINDS
# Names of the counts in package headers and receipts; a count this table lacks is shown as
# "name number".
COUNT_TEMPLATES = {
    "entries": QT_TRANSLATE_NOOP("PackageCounts", "{count} entries"),
    "attachments": QT_TRANSLATE_NOOP("PackageCounts", "{count} evidence files"),
    "tasks": QT_TRANSLATE_NOOP("PackageCounts", "{count} tasks"),
    "targets": QT_TRANSLATE_NOOP("PackageCounts", "{count} targets"),
    "comments": QT_TRANSLATE_NOOP("PackageCounts", "{count} review comments"),
    "packages": QT_TRANSLATE_NOOP("PackageCounts", "{count} township packages"),
    "received": QT_TRANSLATE_NOOP("PackageCounts", "{count} received, not reviewed yet"),
    "accepted": QT_TRANSLATE_NOOP("PackageCounts", "{count} accepted"),
    "returned": QT_TRANSLATE_NOOP("PackageCounts", "{count} returned"),
    "held": QT_TRANSLATE_NOOP("PackageCounts", "{count} held for the office's decision"),
    "conflict": QT_TRANSLATE_NOOP("PackageCounts", "{count} in conflict"),
    "stale": QT_TRANSLATE_NOOP("PackageCounts", "{count} older than the office's data"),
    "rejected": QT_TRANSLATE_NOOP("PackageCounts", "{count} discarded by the office"),
}


def counts_text(counts: dict[str, int], *, skip_zero: bool = False) -> str:
    """Return the translated counts of a package header or receipt, joined by commas."""
    parts = []
    for name, value in counts.items():
        if skip_zero and not value:
            continue
        template = COUNT_TEMPLATES.get(name)
        parts.append(QCoreApplication.translate("PackageCounts", template).format(count=value)
                     if template else f"{name} {value}")
    return QCoreApplication.translate("PackagesCli", ", ").join(parts)


def register(subparsers: Any) -> None:
    """Add the package commands."""
    export = subparsers.add_parser(
        "export",
        help=QCoreApplication.translate(
            "PackagesCli", "write this township's report package for the city office"
        ),
    )
    export.add_argument(
        "--period",
        action="append",
        metavar="P",
        help=QCoreApplication.translate(
            "PackagesCli",
            "period to include, e.g. 2021Q2 (repeatable; default: every period with entries)",
        ),
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help=QCoreApplication.translate("PackagesCli", "package file, or a folder to name it in"),
    )
    export.set_defaults(handler=run_export)

    verify = subparsers.add_parser(
        "verify",
        help=QCoreApplication.translate(
            "PackagesCli",
            "check a package and show what it holds, without importing it; at an office, a "
            "new sender key is registered as waiting for approval",
        ),
    )
    verify.add_argument("file", metavar="FILE")
    verify.add_argument(
        "--json",
        action="store_true",
        help=QCoreApplication.translate("PackagesCli", "print JSON with English keys"),
    )
    add_passphrase_option(verify)
    verify.set_defaults(handler=run_verify)

    distribute = subparsers.add_parser(
        "distribute",
        help=QCoreApplication.translate(
            "PackagesCli", "write distribution packages for reporting units (city office)"
        ),
    )
    distribute.add_argument(
        "--unit",
        action="append",
        metavar="CODE",
        help=QCoreApplication.translate(
            "PackagesCli", "unit id, official code or name (repeatable)"
        ),
    )
    distribute.add_argument(
        "--all-townships",
        action="store_true",
        help=QCoreApplication.translate("PackagesCli", "one package for every township"),
    )
    distribute.add_argument(
        "--period",
        action="append",
        metavar="P",
        help=QCoreApplication.translate(
            "PackagesCli", "period to include (repeatable; default: all)"
        ),
    )
    distribute.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE_OR_DIR",
        help=QCoreApplication.translate("PackagesCli", "package file for one unit, or a folder"),
    )
    add_passphrase_option(distribute)
    distribute.set_defaults(handler=run_distribute)

    receipt = subparsers.add_parser(
        "receipt",
        help=QCoreApplication.translate(
            "PackagesCli", "write the signed receipt of a merged report package (city office)"
        ),
    )
    receipt.add_argument(
        "package_id",
        metavar="PACKAGE_ID",
        help=QCoreApplication.translate(
            "PackagesCli", 'the report package\'s id, as "verify" or "merge" shows it'
        ),
    )
    receipt.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE_OR_DIR",
        help=QCoreApplication.translate("PackagesCli", "receipt file, or a folder"),
    )
    add_passphrase_option(receipt)
    receipt.set_defaults(handler=run_receipt)

    bundle = subparsers.add_parser(
        "bundle",
        help=QCoreApplication.translate(
            "PackagesCli",
            "forward the merged township packages to the city in one bundle (county office)",
        ),
    )
    bundle.add_argument(
        "--period",
        action="append",
        metavar="P",
        help=QCoreApplication.translate(
            "PackagesCli", "only packages with entries for this period (repeatable)"
        ),
    )
    bundle.add_argument(
        "--enrol",
        action="store_true",
        help=QCoreApplication.translate(
            "PackagesCli",
            "write a bundle even when no package is waiting, to enrol the county's "
            "keys at the city office",
        ),
    )
    bundle.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE_OR_DIR",
        help=QCoreApplication.translate("PackagesCli", "bundle file, or a folder"),
    )
    add_passphrase_option(bundle)
    bundle.set_defaults(handler=run_bundle)

    importer = subparsers.add_parser(
        "import",
        help=QCoreApplication.translate(
            "PackagesCli", "import the city's distribution package or receipt on a township laptop"
        ),
    )
    importer.add_argument("file", metavar="FILE")
    importer.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    output = package_output_path(output_argument(args.output), REPORT_PACKAGE_EXTENSION)
    result = export_report_package(store, output, args.period)
    context.out.write(
        QCoreApplication.translate(
            "PackagesCli",
            "Wrote {file}: {entries} entries and {attachments} evidence files "
            "for {periods}. Send this file to the city office.",
        ).format(
            file=result.path.resolve(),
            entries=result.entry_count,
            attachments=result.attachment_count,
            periods=", ".join(result.header.periods),
        )
        + "\n"
    )
    return 0


def _inspection_document(inspection: Any) -> dict[str, Any]:
    header = inspection.header
    return {
        "file_size": header.file_size,
        "format_version": "%d.%d" % header.format_version,
        "package_id": header.package_id,
        "kind": header.kind,
        "suite": header.suite,
        "sender": {"unit_id": header.sender_unit_id, "name": header.sender_name},
        "recipient": {
            "unit_id": header.addressee,
            "key_ids": [item.key_id for item in header.recipients],
        },
        "periods": list(header.periods),
        "counts": inspection.content_counts,
        "claimed_counts": dict(header.counts),
        "sequence": header.sequence,
        "created_at": header.created_at,
        "sender_fingerprint": header.sender_fingerprint,
        "verified": inspection.verified,
        "payload_checked": inspection.payload_checked,
        "key_registered": inspection.key_registered,
        "error": None
        if inspection.error is None
        else {"code": inspection.error.code, "message": describe(inspection.error)},
    }


def run_verify(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    identity = load_identity(store)
    unlocked = None
    if getattr(args, "passphrase_file", None):
        unlocked = key_service.unlock_city_keys(
            store, identity.unit_id if identity else "", read_passphrase(args)
        )
    # An office registers a new sender key here, so that "keys approve" works before the
    # first merge of the file.
    is_office = identity is not None and identity.role in (Role.CITY, Role.COUNTY)
    inspection = inspect_package(store, Path(args.file), unlocked,
                                 register_unknown_key=is_office)
    document = _inspection_document(inspection)
    if not is_office and isinstance(inspection.error, UnknownSenderKeyError):
        # A township records the office's key on its first import, so approving a key, the
        # office's advice, does not apply here.
        document["error"]["message"] = QCoreApplication.translate(
            "PackagesCli",
            "This computer does not have the sender's public key yet, so the signature cannot "
            "be checked (fingerprint {fingerprint}). If the package comes from your city or "
            "county office, confirm the fingerprint with the office by phone, then bring it in "
            "with \"import\": the first import stores the office's key.",
        ).format(fingerprint=document["sender_fingerprint"])
    if args.json:
        context.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_inspection(context, document)
    return 0 if inspection.verified else inspection.error.exit_code  # type: ignore[union-attr]


def _local_created_at(created_at: str) -> str:
    """Return a package's signed UTC creation time in local time, as backup times are shown."""
    try:
        moment = datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return str(created_at)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_time_text(moment)


def _print_inspection(context: CliContext, document: dict[str, Any]) -> None:
    lines = [
        QCoreApplication.translate("PackagesCli", "Package: {kind} ({package_id})").format(
            kind=QCoreApplication.translate(
                "PackageKinds", KIND_LABELS.get(document["kind"], document["kind"])
            ),
            package_id=document["package_id"],
        ),
        QCoreApplication.translate(
            "PackagesCli", "Sender: {name} ({unit_id}), sequence {sequence}, written {created_at}"
        ).format(
            sequence=document["sequence"], created_at=_local_created_at(document["created_at"]),
            **document["sender"]
        ),
        QCoreApplication.translate("PackagesCli", "Sender key fingerprint: {fingerprint}").format(
            fingerprint=document["sender_fingerprint"]
        ),
        QCoreApplication.translate("PackagesCli", "Addressed to: {unit}").format(
            unit=document["recipient"]["unit_id"]
            or QCoreApplication.translate("PackagesCli", "the city office")
        ),
        QCoreApplication.translate("PackagesCli", "Periods: {periods}").format(
            periods=", ".join(document["periods"]) or "-"
        ),
    ]
    lines += _counts_lines(document)
    if document["verified"] and document["payload_checked"]:
        lines.append(
            QCoreApplication.translate(
                "PackagesCli", "Result: signature and every part of the content verified."
            )
        )
    elif document["verified"]:
        lines.append(
            QCoreApplication.translate(
                "PackagesCli",
                "Result: signature verified; the encrypted content can be checked "
                "only with the city office's passphrase.",
            )
        )
    else:
        lines.append(
            QCoreApplication.translate("PackagesCli", "Result: NOT verified. {message}").format(
                message=document["error"]["message"]
            )
        )
    if document["key_registered"]:
        lines.append(
            QCoreApplication.translate(
                "PackagesCli",
                "The new key is now registered as waiting for approval. Compare the "
                "fingerprint above with {name} by phone, run \"keys approve {unit_id} "
                "{fingerprint}\", then merge the file.",
            ).format(fingerprint=document["sender_fingerprint"], **document["sender"])
        )
    context.out.write("\n".join(lines) + "\n")


def _counts_lines(document: dict[str, Any]) -> list[str]:
    """Return the counts read from the checked content, or the sender's unchecked claim.

    A header count that differs from the content is shown too, because the header is only
    what the sender wrote.
    """
    claimed, counted = document["claimed_counts"], document["counts"]
    if counted is None:
        return [
            QCoreApplication.translate(
                "PackagesCli", "Counts claimed by the sender (not checked): {counts}"
            ).format(counts=counts_text(claimed) or "-")
        ]
    lines = [
        QCoreApplication.translate("PackagesCli", "Counts: {counts}").format(
            counts=counts_text(counted) or "-"
        )
    ]
    if any(claimed.get(name) != value for name, value in counted.items()):
        lines.append(
            QCoreApplication.translate(
                "PackagesCli",
                "The header claims other counts ({counts}); the counts above were read from "
                "the content.",
            ).format(counts=counts_text(claimed) or "-")
        )
    return lines


def _chosen_units(context: CliContext, args: argparse.Namespace) -> list[str]:
    with context.store().session_factory() as session:
        if args.all_townships:
            return [unit.id for unit in units_repo.list_townships(session)]
        return [units_repo.find_unit(session, text).id for text in args.unit or []]


class NoUnitChosenError(MeiliError):
    """``distribute`` needs ``--unit`` or ``--all-townships``."""

    code = "distribution.no_unit"
    exit_code = 2


def run_distribute(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    unit_ids = _chosen_units(context, args)
    if not unit_ids:
        raise NoUnitChosenError()
    identity = load_identity(store)
    unlocked = key_service.unlock_city_keys(
        store, identity.unit_id if identity else "", read_passphrase(args)
    )
    output = output_argument(args.output)
    if len(unit_ids) > 1:
        output.mkdir(parents=True, exist_ok=True)
    for unit_id in unit_ids:
        name = _unit_name(context, unit_id)
        path = package_output_path(output, DISTRIBUTION_PACKAGE_EXTENSION,
                                   distribution_file_name(name, unit_id))
        header = build_distribution_package(store, unlocked, unit_id, path, args.period)
        context.out.write(
            QCoreApplication.translate(
                "PackagesCli", "Wrote the distribution package for {unit} ({unit_id})."
            ).format(unit=name, unit_id=header.addressee)
            + " " + saved_as_line(path) + "\n"
        )
    context.out.write(
        QCoreApplication.translate(
            "PackagesCli", "City signing key fingerprint: {fingerprint}"
        ).format(fingerprint=unlocked.signing_fingerprint)
        + "\n"
    )
    return 0


def _unit_name(context: CliContext, unit_id: str) -> str:
    with context.store().session_factory() as session:
        unit = units_repo.get_unit(session, unit_id)
    return unit.name if unit else unit_id


def run_receipt(args: argparse.Namespace, context: CliContext) -> int:
    from meili_desktop.services.receipt_packages import build_receipt_package, receipt_file_name

    store = context.store()
    identity = load_identity(store)
    unlocked = key_service.unlock_city_keys(
        store, identity.unit_id if identity else "", read_passphrase(args)
    )
    output = output_argument(args.output)
    header = build_receipt_package(store, unlocked, args.package_id, output)
    path = package_output_path(output, RECEIPT_EXTENSION,
                               receipt_file_name(header.addressee or "", args.package_id))
    context.out.write(
        QCoreApplication.translate(
            "PackagesCli", "Wrote the receipt for {unit}: {counts}. Send it back to the township."
        ).format(
            unit=header.addressee,
            counts=counts_text(dict(header.counts), skip_zero=True) or "-",
        )
        + " " + saved_as_line(path) + "\n"
    )
    return 0


def run_bundle(args: argparse.Namespace, context: CliContext) -> int:
    from meili_desktop.services.bundles import NotCountyError, build_bundle
    from meili_desktop.services.identity import Role

    store = context.store()
    identity = load_identity(store)
    # Checked before the passphrase is read, so a wrong folder is named as such.
    if identity is None or identity.role is not Role.COUNTY:
        raise NotCountyError(role=identity.role.value if identity else "")
    unlocked = key_service.unlock_city_keys(
        store, identity.unit_id if identity and identity.unit_id else "", read_passphrase(args)
    )
    result = build_bundle(store, unlocked, output_argument(args.output), args.period,
                          allow_empty=args.enrol)
    context.out.write(
        QCoreApplication.translate(
            "PackagesCli",
            "Wrote {file} with {count} township packages. County key fingerprint: "
            "{fingerprint}. Send it to the city office.",
        ).format(
            file=result.path.resolve(),
            count=len(result.package_ids),
            fingerprint=unlocked.signing_fingerprint,
        )
        + "\n"
    )
    return 0


def run_import(args: argparse.Namespace, context: CliContext) -> int:
    from meili_desktop.exchange.container import open_package

    store = context.store()
    path = Path(args.file)
    header = open_package(path)
    if header.kind == KIND_RECEIPT:
        from meili_desktop.services.receipt_packages import import_receipt_package

        result = import_receipt_package(store, path)
        context.out.write(
            QCoreApplication.translate(
                "PackagesCli",
                "Receipt imported: {count} entries marked as received by the city office.",
            ).format(count=result)
            + "\n"
        )
        return 0
    if header.kind != KIND_DISTRIBUTION:
        from meili_desktop.services.packages import WrongKindError

        raise WrongKindError(file=path.name, kind=header.kind, expected=KIND_DISTRIBUTION)
    # A provisional market town has no code the office could address, so the package's
    # township is taken over; the output below says so.
    imported = import_distribution_package(store, path, allow_identity_change=True)
    context.out.write(
        QCoreApplication.translate(
            "PackagesCli",
            "Imported the distribution package for {unit} ({unit_id}): "
            "{targets} targets changed, {comments} new review comments.",
        ).format(
            unit=imported.unit_name,
            unit_id=imported.unit_id,
            targets=imported.targets_changed,
            comments=imported.comments_added,
        )
        + "\n"
    )
    _print_new_comments(context, imported.header.package_id)
    if imported.is_first_import:
        context.out.write(
            QCoreApplication.translate(
                "PackagesCli",
                "The city's signing key was recorded: {fingerprint}. Compare it "
                "with the fingerprint the city office gives you by phone.",
            ).format(fingerprint=imported.city_fingerprint)
            + "\n"
        )
    change = imported.identity_change
    if change is not None:
        context.out.write(
            QCoreApplication.translate(
                "PackagesCli",
                "This laptop reported as the provisional market town {old}, which has no "
                "official code. The package is addressed to {new}, so this laptop now reports "
                "for {new}; the {count} entries filled in before were moved to it.",
            ).format(old=change.old_label, new=change.new_label, count=imported.moved_entries)
            + "\n"
        )
    elif imported.moved_entries:
        context.out.write(
            QCoreApplication.translate(
                "PackagesCli", "{count} entries filled in before were moved to this township."
            ).format(count=imported.moved_entries)
            + "\n"
        )
    return 0


def _print_new_comments(context: CliContext, package_id: str) -> None:
    """List the office's comments that the distribution package brought, one line each."""
    from meili_desktop.cli.entry import comment_line
    from meili_desktop.services.received_comments import comments_in_package

    for comment in comments_in_package(context.store(), package_id):
        context.out.write("  " + QCoreApplication.translate(
            "PackagesCli", "Task {task} ({period}): {comment}").format(
                task=comment.task_number, period=comment.period_code,
                comment=comment_line(comment.action, comment.text, comment.created_at)) + "\n")
