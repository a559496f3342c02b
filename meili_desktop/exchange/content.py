"""The records inside distribution, report and receipt packages, and their checks.

The container (:mod:`meili_desktop.exchange.container`) proves who wrote a package and that
nothing changed; this module checks that what it says makes sense before anything is stored.
Every record is a JSON object with a ``type``.

Report package: one ``report_info`` record, then one ``entry`` record per entry (the format is
documented in :mod:`meili_desktop.domain.merge_records`). ``report_info`` may list the laptop's
earlier signing keys (see :mod:`meili_desktop.exchange.laptop_keys`).

Distribution package: ``distribution_info`` (the addressee and the city), ``catalogue`` (the
catalogue document), ``periods``, ``targets``, ``city_keys`` (the city's public keys) and one
``review_comment`` record per comment.

Receipt: one ``receipt`` record (see :mod:`meili_desktop.services.receipts`).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from meili_desktop.exchange.errors import ContentMismatchError
from meili_desktop.exchange.laptop_keys import KeyLink, parse_links

REPORT_INFO = "report_info"
ENTRY = "entry"
DISTRIBUTION_INFO = "distribution_info"
CATALOGUE = "catalogue"
PERIODS = "periods"
TARGETS = "targets"
CITY_KEYS = "city_keys"
REVIEW_COMMENT = "review_comment"
RECEIPT = "receipt"

# Caps on what one package may list, far above a real township's needs.
MAX_ENTRIES = 200_000
MAX_TARGETS = 500_000
MAX_COMMENTS = 100_000


@dataclass(frozen=True)
class ReportContent:
    """A report package's records after their shape was checked.

    ``earlier_keys`` are the laptop's earlier signing keys as listed, not yet verified.
    """

    unit_id: str
    unit_name: str
    catalogue_version: str
    entries: tuple[dict[str, Any], ...]
    earlier_keys: tuple[KeyLink, ...] = ()


@dataclass(frozen=True)
class CityKey:
    """A public key of the city as a distribution package lists it."""

    purpose: str
    suite: str
    public_key: bytes
    fingerprint: str
    status: str


@dataclass(frozen=True)
class DistributionContent:
    """A distribution package's records after their shape was checked."""

    unit: Mapping[str, Any]
    city_unit_id: str
    city_name: str
    catalogue_document: Mapping[str, Any]
    periods: tuple[Mapping[str, Any], ...]
    targets: tuple[Mapping[str, Any], ...]
    city_keys: tuple[CityKey, ...]
    comments: tuple[Mapping[str, Any], ...] = field(default=())


def _mismatch(file_name: str, reason: str, value: object = "", **extra: str
              ) -> ContentMismatchError:
    text = str(value)
    return ContentMismatchError(file=file_name, reason=reason,
                                value=text if len(text) <= 60 else text[:57] + "...", **extra)


def _object(record: Any, file_name: str) -> Mapping[str, Any]:
    if not isinstance(record, Mapping) or not isinstance(record.get("type"), str):
        raise _mismatch(file_name, "record_not_object", type(record).__name__)
    return record


def _text(record: Mapping[str, Any], name: str, file_name: str) -> str:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        raise _mismatch(file_name, f"invalid_{name}", value)
    return value


def _list(record: Mapping[str, Any], name: str, file_name: str, limit: int) -> list[Any]:
    value = record.get(name)
    if not isinstance(value, list) or len(value) > limit:
        raise _mismatch(file_name, f"invalid_{name}", type(value).__name__)
    return value


def report_records(unit_id: str, unit_name: str, catalogue_version: str,
                   entries: Sequence[Mapping[str, Any]],
                   earlier_keys: Sequence[Mapping[str, Any]] = ()) -> list[dict[str, Any]]:
    """Return the records of a report package.

    ``earlier_keys`` are items made by :func:`~meili_desktop.exchange.laptop_keys.sign_link`;
    the field is left out when there are none.
    """
    info: dict[str, Any] = {"type": REPORT_INFO, "unit_id": unit_id, "unit_name": unit_name,
                            "catalogue_version": catalogue_version,
                            "entry_count": len(entries)}
    if earlier_keys:
        info["earlier_keys"] = [dict(item) for item in earlier_keys]
    return [info, *({"type": ENTRY, **entry} for entry in entries)]


def read_report_records(records: Sequence[Any], sender_unit_id: str,
                        file_name: str) -> ReportContent:
    """Check a report package's records and return its content.

    Every entry must belong to the sender named in the signed header, so one township cannot
    report for another.

    Raises:
        ContentMismatchError: a record is malformed or names another unit.
    """
    if not records:
        raise _mismatch(file_name, "missing_report_info")
    info = _object(records[0], file_name)
    if info["type"] != REPORT_INFO:
        raise _mismatch(file_name, "missing_report_info", info["type"])
    if _text(info, "unit_id", file_name) != sender_unit_id:
        raise _mismatch(file_name, "unit_not_sender", info.get("unit_id"),
                        variant="foreign_entries")
    entries = []
    for record in records[1:]:
        entry = _object(record, file_name)
        if entry["type"] != ENTRY:
            raise _mismatch(file_name, "unexpected_record", entry["type"])
        if entry.get("unit_id") != sender_unit_id:
            raise _mismatch(file_name, "unit_not_sender", entry.get("unit_id"),
                            variant="foreign_entries")
        entries.append(dict(entry))
    if len(entries) > MAX_ENTRIES or info.get("entry_count") != len(entries):
        raise _mismatch(file_name, "entry_count", info.get("entry_count"))
    return ReportContent(sender_unit_id, _text(info, "unit_name", file_name),
                         _text(info, "catalogue_version", file_name), tuple(entries),
                         parse_links(info.get("earlier_keys"), file_name))


def distribution_records(*, unit: Mapping[str, Any], city_unit_id: str, city_name: str,
                         catalogue_document: Mapping[str, Any],
                         periods: Sequence[Mapping[str, Any]],
                         targets: Sequence[Mapping[str, Any]], city_keys: Sequence[CityKey],
                         comments: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Return the records of a distribution package addressed to ``unit``."""
    keys = [{"purpose": key.purpose, "suite": key.suite, "fingerprint": key.fingerprint,
             "status": key.status,
             "public_key": base64.b64encode(key.public_key).decode("ascii")}
            for key in city_keys]
    return [
        {"type": DISTRIBUTION_INFO, "unit": dict(unit), "city_unit_id": city_unit_id,
         "city_name": city_name},
        {"type": CATALOGUE, "document": dict(catalogue_document)},
        {"type": PERIODS, "periods": [dict(period) for period in periods]},
        {"type": TARGETS, "targets": [dict(target) for target in targets]},
        {"type": CITY_KEYS, "keys": keys},
        *({"type": REVIEW_COMMENT, **comment} for comment in comments),
    ]


def _records_by_type(records: Sequence[Any], file_name: str) -> dict[str, list[Mapping]]:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        item = _object(record, file_name)
        grouped.setdefault(item["type"], []).append(item)
    for required in (DISTRIBUTION_INFO, CATALOGUE, PERIODS, TARGETS, CITY_KEYS):
        if len(grouped.get(required, [])) != 1:
            raise _mismatch(file_name, "missing_part", required)
    unexpected = set(grouped) - {DISTRIBUTION_INFO, CATALOGUE, PERIODS, TARGETS, CITY_KEYS,
                                 REVIEW_COMMENT}
    if unexpected:
        raise _mismatch(file_name, "unexpected_record", sorted(unexpected)[0])
    return grouped


def _city_key(item: Any, file_name: str) -> CityKey:
    if not isinstance(item, Mapping):
        raise _mismatch(file_name, "invalid_city_key")
    try:
        public_key = base64.b64decode(item.get("public_key", ""), validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise _mismatch(file_name, "invalid_city_key", item.get("fingerprint")) from None
    return CityKey(_text(item, "purpose", file_name), _text(item, "suite", file_name),
                   public_key, _text(item, "fingerprint", file_name),
                   _text(item, "status", file_name))


def read_distribution_records(records: Sequence[Any], addressee: str | None,
                              file_name: str) -> DistributionContent:
    """Check a distribution package's records and return its content.

    Raises:
        ContentMismatchError: a record is missing or malformed, or the package's unit is
            not the header's addressee.
    """
    grouped = _records_by_type(records, file_name)
    info = grouped[DISTRIBUTION_INFO][0]
    unit = info.get("unit")
    if not isinstance(unit, Mapping) or not isinstance(unit.get("id"), str):
        raise _mismatch(file_name, "invalid_unit")
    if addressee is not None and unit["id"] != addressee:
        raise _mismatch(file_name, "unit_not_addressee", unit["id"])
    document = grouped[CATALOGUE][0].get("document")
    if not isinstance(document, Mapping):
        raise _mismatch(file_name, "invalid_catalogue")
    periods = _list(grouped[PERIODS][0], "periods", file_name, 1000)
    targets = _list(grouped[TARGETS][0], "targets", file_name, MAX_TARGETS)
    for target in targets:
        _check_target(target, file_name)
    keys = tuple(_city_key(item, file_name)
                 for item in _list(grouped[CITY_KEYS][0], "keys", file_name, 50))
    comments = grouped.get(REVIEW_COMMENT, [])
    if len(comments) > MAX_COMMENTS:
        raise _mismatch(file_name, "too_many_comments", len(comments))
    return DistributionContent(unit, _text(info, "city_unit_id", file_name),
                               _text(info, "city_name", file_name), document,
                               tuple(periods), tuple(targets), keys, tuple(comments))


def _check_target(target: Any, file_name: str) -> None:
    if not isinstance(target, Mapping):
        raise _mismatch(file_name, "invalid_target")
    if not isinstance(target.get("task_number"), int) or not isinstance(
            target.get("version"), int):
        raise _mismatch(file_name, "invalid_target", target.get("task_number"))
    try:
        Decimal(str(target.get("value")))
    except InvalidOperation:
        raise _mismatch(file_name, "invalid_target", target.get("value")) from None
