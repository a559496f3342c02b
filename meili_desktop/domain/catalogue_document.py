"""The catalogue's JSON document: parse and validate it into a Catalogue, and write it back.

The same document shape is the embedded default catalogue under ``resources/catalogue/`` and
the catalogue part of a distribution package, so :func:`catalogue_to_document` and
:func:`catalogue_from_document` are exact inverses and :func:`document_hash` identifies the
content. Every key is always written, with ``null`` or an empty list for absent values.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from meili_desktop.domain.catalogue import (
    Catalogue,
    LeadLink,
    LeadRole,
    MeasureType,
    MemberUnit,
    Provenance,
    ScoringKind,
    ScoringRule,
    SubItem,
    Task,
    TaskLevel,
)
from meili_desktop.domain.merge_records import MAX_STORED_INTEGER
from meili_desktop.errors import MeiliError

FORMAT_NAME = "meili-catalogue"
FORMAT_VERSION = 1

# Column sizes of the database tables that store a catalogue; longer text is rejected here
# because PostgreSQL would reject it later, in the middle of a write.
MAX_VERSION_LENGTH = 64
MAX_TITLE_LENGTH = 200
MAX_SOURCE_LENGTH = 200
MAX_NAME_LENGTH = 100
MAX_CATEGORY_LENGTH = 50
MAX_UNIT_LENGTH = 30

_POINTS_PATTERN = re.compile(r"\d+(\.\d+)?")

_TOP_KEYS = ("format", "format_version", "version", "title", "source", "categories",
             "member_units", "tasks")
_MEMBER_KEYS = ("name", "aliases", "duties", "is_office", "is_all_members")
_TASK_KEYS = ("number", "category", "title", "sub_items", "requirement", "measure", "unit",
              "rate_base", "higher_is_better", "level", "scoring", "lead_units")
_SCORING_KEYS = ("kind", "max_points", "fixed_points", "description")
_LINK_KEYS = ("name", "role", "provenance", "written_as")
_SUB_ITEM_KEYS = ("code", "title")


class CatalogueDocumentError(MeiliError):
    """A catalogue document breaks the format; ``field`` is the JSON path of the fault.

    The code says what is wrong: ``catalogue.document.missing_field``, ``.unknown_field``,
    ``.bad_value``, ``.duplicate``, ``.unknown_unit``, ``.unsupported_format`` or ``.bad_json``.
    """

    code = "catalogue.document.bad_value"
    exit_code = 4


def _fail(kind: str, field: str, value: Any = "") -> CatalogueDocumentError:
    return CatalogueDocumentError(f"catalogue.document.{kind}", field=field,
                                  value=_short(value))


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


# --- reading helpers -------------------------------------------------------------------------


def _object(value: Any, field: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    """Check that ``value`` is an object with exactly ``keys``."""
    if not isinstance(value, Mapping):
        raise _fail("bad_value", field, value)
    for key in keys:
        if key not in value:
            raise _fail("missing_field", f"{field}.{key}" if field else key)
    for key in value:
        if key not in keys:
            raise _fail("unknown_field", f"{field}.{key}" if field else str(key))
    return value


def _text(value: Any, field: str, *, max_length: int | None = None,
          allow_empty: bool = True) -> str:
    if not isinstance(value, str):
        raise _fail("bad_value", field, value)
    if not allow_empty and not value.strip():
        raise _fail("bad_value", field, value)
    if max_length is not None and len(value) > max_length:
        raise _fail("bad_value", field, value)
    return value


def _flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise _fail("bad_value", field, value)
    return value


def _positive_int(value: Any, field: str) -> int:
    # The numbers go into INTEGER columns, which PostgreSQL keeps in 32 bits.
    if isinstance(value, bool) or not isinstance(value, int) or \
            not 0 < value <= MAX_STORED_INTEGER:
        raise _fail("bad_value", field, value)
    return value


def _list(value: Any, field: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail("bad_value", field, value)
    return value


def _choice(enum_type: type[Any], value: Any, field: str) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        raise _fail("bad_value", field, value) from None


def _points(value: Any, field: str) -> Decimal:
    """Parse points written as a decimal string such as "0.5", so they round-trip exactly."""
    if not isinstance(value, str) or not _POINTS_PATTERN.fullmatch(value):
        raise _fail("bad_value", field, value)
    return Decimal(value)


# --- document to catalogue -------------------------------------------------------------------


def catalogue_from_document(document: Any) -> Catalogue:
    """Validate a catalogue document and build the Catalogue it describes.

    Args:
        document: the parsed JSON object.

    Returns:
        The catalogue; ``catalogue_to_document`` of it equals ``document``.

    Raises:
        CatalogueDocumentError: the document breaks the format; ``field`` names the place.
    """
    top = _object(document, "", _TOP_KEYS)
    if top["format"] != FORMAT_NAME or top["format_version"] != FORMAT_VERSION:
        raise _fail("unsupported_format", "format_version",
                    f"{top['format']} {top['format_version']}")

    categories = tuple(_text(item, f"categories[{index}]", max_length=MAX_CATEGORY_LENGTH,
                             allow_empty=False)
                       for index, item in enumerate(_list(top["categories"], "categories")))
    if len(set(categories)) != len(categories):
        raise _fail("duplicate", "categories", list(categories))

    member_units = _member_units(_list(top["member_units"], "member_units"))
    official_names = {unit.name for unit in member_units}
    tasks = tuple(_task(item, f"tasks[{index}]", categories, official_names)
                  for index, item in enumerate(_list(top["tasks"], "tasks")))
    numbers = [task.number for task in tasks]
    if len(set(numbers)) != len(numbers):
        duplicate = next(number for number in numbers if numbers.count(number) > 1)
        raise _fail("duplicate", "tasks.number", duplicate)

    return Catalogue(
        version=_text(top["version"], "version", max_length=MAX_VERSION_LENGTH,
                      allow_empty=False),
        title=_text(top["title"], "title", max_length=MAX_TITLE_LENGTH, allow_empty=False),
        source=_text(top["source"], "source", max_length=MAX_SOURCE_LENGTH),
        categories=categories,
        member_units=member_units,
        tasks=tasks,
    )


def _member_units(items: list[Any]) -> tuple[MemberUnit, ...]:
    """Build the member units; names and aliases must be unique across all of them."""
    units: list[MemberUnit] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        field = f"member_units[{index}]"
        raw = _object(item, field, _MEMBER_KEYS)
        name = _text(raw["name"], f"{field}.name", max_length=MAX_NAME_LENGTH,
                     allow_empty=False)
        aliases = tuple(_text(alias, f"{field}.aliases[{position}]",
                              max_length=MAX_NAME_LENGTH, allow_empty=False)
                        for position, alias in enumerate(_list(raw["aliases"],
                                                               f"{field}.aliases")))
        for spelling in (name, *aliases):
            if spelling in seen:
                raise _fail("duplicate", f"{field}.name", spelling)
            seen.add(spelling)
        units.append(MemberUnit(
            name=name,
            aliases=aliases,
            duties=_text(raw["duties"], f"{field}.duties"),
            is_office=_flag(raw["is_office"], f"{field}.is_office"),
            is_all_members=_flag(raw["is_all_members"], f"{field}.is_all_members"),
        ))
    if sum(unit.is_office for unit in units) > 1:
        raise _fail("duplicate", "member_units.is_office", True)
    if sum(unit.is_all_members for unit in units) > 1:
        raise _fail("duplicate", "member_units.is_all_members", True)
    return tuple(units)


def _task(item: Any, field: str, categories: tuple[str, ...],
          official_names: set[str]) -> Task:
    raw = _object(item, field, _TASK_KEYS)
    category = _text(raw["category"], f"{field}.category")
    if category not in categories:
        raise _fail("bad_value", f"{field}.category", category)

    measure = _choice(MeasureType, raw["measure"], f"{field}.measure")
    rate_base = raw["rate_base"]
    if measure is MeasureType.RATE:
        rate_base = _positive_int(rate_base, f"{field}.rate_base")
    elif rate_base is not None:
        raise _fail("bad_value", f"{field}.rate_base", rate_base)

    sub_items = tuple(_sub_item(sub, f"{field}.sub_items[{index}]")
                      for index, sub in enumerate(_list(raw["sub_items"],
                                                        f"{field}.sub_items")))
    return Task(
        number=_positive_int(raw["number"], f"{field}.number"),
        category=category,
        title=_text(raw["title"], f"{field}.title", allow_empty=False),
        requirement=_text(raw["requirement"], f"{field}.requirement"),
        measure=measure,
        unit=_text(raw["unit"], f"{field}.unit", max_length=MAX_UNIT_LENGTH),
        higher_is_better=_flag(raw["higher_is_better"], f"{field}.higher_is_better"),
        level=_choice(TaskLevel, raw["level"], f"{field}.level"),
        lead_units=_lead_links(_list(raw["lead_units"], f"{field}.lead_units"),
                               f"{field}.lead_units", official_names),
        scoring=None if raw["scoring"] is None else _scoring(raw["scoring"],
                                                             f"{field}.scoring"),
        sub_items=sub_items,
        rate_base=rate_base,
    )


def _sub_item(item: Any, field: str) -> SubItem:
    raw = _object(item, field, _SUB_ITEM_KEYS)
    return SubItem(code=_text(raw["code"], f"{field}.code", allow_empty=False),
                   title=_text(raw["title"], f"{field}.title", allow_empty=False))


def _lead_links(items: list[Any], field: str, official_names: set[str]) -> tuple[LeadLink, ...]:
    """Build lead links: the first names the lead, later ones co-leads, each unit once."""
    links: list[LeadLink] = []
    for index, item in enumerate(items):
        place = f"{field}[{index}]"
        raw = _object(item, place, _LINK_KEYS)
        name = _text(raw["name"], f"{place}.name", allow_empty=False)
        if name not in official_names:
            raise CatalogueDocumentError("catalogue.document.unknown_unit",
                                         field=f"{place}.name", value=_short(name))
        if any(link.unit == name for link in links):
            raise _fail("duplicate", f"{place}.name", name)
        role = _choice(LeadRole, raw["role"], f"{place}.role")
        if role is not (LeadRole.LEAD if index == 0 else LeadRole.CO_LEAD):
            raise _fail("bad_value", f"{place}.role", raw["role"])
        links.append(LeadLink(
            unit=name,
            role=role,
            provenance=_choice(Provenance, raw["provenance"], f"{place}.provenance"),
            written_as=_text(raw["written_as"], f"{place}.written_as"),
        ))
    return tuple(links)


def _scoring(item: Any, field: str) -> ScoringRule:
    raw = _object(item, field, _SCORING_KEYS)
    kind = _choice(ScoringKind, raw["kind"], f"{field}.kind")
    max_points = _points(raw["max_points"], f"{field}.max_points")
    fixed_points = None
    if kind is ScoringKind.MECHANISM_PLUS_DISCRETIONARY:
        fixed_points = _points(raw["fixed_points"], f"{field}.fixed_points")
        if fixed_points > max_points:
            raise _fail("bad_value", f"{field}.fixed_points", raw["fixed_points"])
    elif raw["fixed_points"] is not None:
        raise _fail("bad_value", f"{field}.fixed_points", raw["fixed_points"])
    return ScoringRule(kind=kind, max_points=max_points, fixed_points=fixed_points,
                       description=_text(raw["description"], f"{field}.description"))


# --- catalogue to document -------------------------------------------------------------------


def catalogue_to_document(catalogue: Catalogue) -> dict[str, Any]:
    """Write ``catalogue`` as a document with every key present, in a stable key order."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "version": catalogue.version,
        "title": catalogue.title,
        "source": catalogue.source,
        "categories": list(catalogue.categories),
        "member_units": [
            {"name": unit.name, "aliases": list(unit.aliases), "duties": unit.duties,
             "is_office": unit.is_office, "is_all_members": unit.is_all_members}
            for unit in catalogue.member_units
        ],
        "tasks": [_task_document(task) for task in catalogue.tasks],
    }


def _task_document(task: Task) -> dict[str, Any]:
    scoring = None
    if task.scoring is not None:
        fixed = task.scoring.fixed_points
        scoring = {"kind": task.scoring.kind.value, "max_points": str(task.scoring.max_points),
                   "fixed_points": None if fixed is None else str(fixed),
                   "description": task.scoring.description}
    return {
        "number": task.number,
        "category": task.category,
        "title": task.title,
        "sub_items": [{"code": sub.code, "title": sub.title} for sub in task.sub_items],
        "requirement": task.requirement,
        "measure": task.measure.value,
        "unit": task.unit,
        "rate_base": task.rate_base,
        "higher_is_better": task.higher_is_better,
        "level": task.level.value,
        "scoring": scoring,
        "lead_units": [
            {"name": link.unit, "role": link.role.value, "provenance": link.provenance.value,
             "written_as": link.written_as}
            for link in task.lead_units
        ],
    }


# --- text form and hash ----------------------------------------------------------------------


def parse_catalogue_json(data: str | bytes) -> Catalogue:
    """Parse catalogue JSON text (UTF-8 when given bytes) into a Catalogue.

    Raises:
        CatalogueDocumentError: the text is not JSON (``catalogue.document.bad_json``) or the
            document breaks the format.
    """
    try:
        document = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogueDocumentError("catalogue.document.bad_json", field="",
                                     value=str(error)) from error
    return catalogue_from_document(document)


def dump_catalogue_json(catalogue: Catalogue) -> str:
    """Write ``catalogue`` as indented UTF-8 JSON text, the form of the embedded file."""
    return json.dumps(catalogue_to_document(catalogue), ensure_ascii=False, indent=2) + "\n"


def document_hash(document: Mapping[str, Any]) -> str:
    """Return the SHA-256 hex digest of the document's canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def catalogue_hash(catalogue: Catalogue) -> str:
    """Return the content hash of ``catalogue``'s document."""
    return document_hash(catalogue_to_document(catalogue))
