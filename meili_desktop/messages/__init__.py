"""Translated sentences for the project's error codes.

Each area keeps a table in its own module mapping an error code to an English template
marked with ``QT_TRANSLATE_NOOP("Errors", ...)``. :func:`describe` translates the template
at call time and fills it with the error's details.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.errors import MeiliError
from meili_desktop.messages import (
    catalogue,
    core,
    corrections,
    database,
    desktop,
    entries,
    exchange,
    merge,
    merge_labels,
    packages,
    relay,
    reliability,
    reports,
)

logger = logging.getLogger(__name__)

# Unicode categories shown as escapes in file names: controls, format characters (bidirectional
# overrides, zero-width spaces), line and paragraph separators, surrogates, private use and
# unassigned code points.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
# Names longer than this are cut in messages. The package format allows 120 characters, and
# each escape takes six.
MAX_SHOWN_NAME_CHARS = 160

# Registry of every area's table; an area module adds itself here with one line.
_TABLES: list[dict[str, str]] = [
    core.MESSAGES,
    exchange.MESSAGES,
    merge.MESSAGES,
    packages.MESSAGES,
    catalogue.MESSAGES,
    desktop.MESSAGES,
    database.MESSAGES,
    entries.MESSAGES,
    reliability.MESSAGES,
    relay.MESSAGES,
    reports.MESSAGES,
    corrections.MESSAGES,
]


def _template_for(code: str) -> str | None:
    for table in _TABLES:
        if code in table:
            return table[code]
    return None


def describe(error: MeiliError) -> str:
    """Return the translated, filled-in sentence for ``error``.

    An error whose ``variant`` detail names a template ``code/variant`` gets that template:
    the code stays the same for scripts while the sentence fits the cause.
    """
    template = _template_for(_variant_code(error))
    if template is None:
        logger.warning("no message for error code %s", error.code)
        template = core.MESSAGES["error.unknown_code"]
        details: dict[str, Any] = {"code": error.code}
    else:
        details = _with_reason_text(dict(error.details))
        # A unit named only by id (no ``unit`` label added where the database was at hand).
        if "unit_id" in details:
            details.setdefault("unit", details["unit_id"])
        if "owner_unit_id" in details:
            details.setdefault("owner", details["owner_unit_id"])
        if error.code in packages.KIND_DETAIL_CODES:
            details = _with_kind_names(details)
        if error.code in merge.ENTRY_FIELD_DETAIL_CODES:
            _translate_detail(details, "field", merge_labels.CONTEXT, merge_labels.FIELD_LABELS)
        _translate_detail(details, "role", "Roles", core.ROLE_NAMES)
        _translate_detail(details, "purpose", "KeyPurposes", packages.KEY_PURPOSES)
        if isinstance(details.get("file"), str):
            details["file"] = visible_text(details["file"])
        if isinstance(details.get("name"), str):
            details["name"] = visible_text(details["name"], MAX_SHOWN_NAME_CHARS)
    text = QCoreApplication.translate("Errors", template)
    try:
        return text.format(**details)
    except (KeyError, IndexError, ValueError):
        logger.exception("message for %s does not fit details %s", error.code, details)
        return f"{text} ({error})"


def _variant_code(error: MeiliError) -> str:
    variant = error.details.get("variant")
    if isinstance(variant, str) and _template_for(f"{error.code}/{variant}") is not None:
        return f"{error.code}/{variant}"
    return error.code


def visible_text(text: str, max_chars: int | None = None) -> str:
    """Return ``text`` with invisible characters written as escapes such as ``\\u202e``.

    File names come from senders and from other programs. Control characters, bidirectional
    overrides and zero-width characters would hide or reorder what the message shows, so they
    are spelled out. With ``max_chars`` a longer result is cut there and ends with "…".
    """
    escaped = "".join(f"\\u{ord(char):04x}"
                      if unicodedata.category(char) in INVISIBLE_CATEGORIES else char
                      for char in text)
    if max_chars is None or len(escaped) <= max_chars:
        return escaped
    return escaped[:max_chars] + "…"


def _with_reason_text(details: dict[str, Any]) -> dict[str, Any]:
    """Replace a known ``reason`` code by its translated sentence."""
    reason = details.get("reason")
    template = packages.CONTENT_REASONS.get(reason) if isinstance(reason, str) else None
    if template is not None:
        text = QCoreApplication.translate("Errors", template)
        details["reason"] = text.format(value=details.get("value", ""))
    return details


def _with_kind_names(details: dict[str, Any]) -> dict[str, Any]:
    """Replace the package kind codes in ``kind`` and ``expected`` by their translated names."""
    for name in ("kind", "expected"):
        _translate_detail(details, name, "PackageKinds", packages.PACKAGE_KINDS)
    return details


def _translate_detail(details: dict[str, Any], name: str, context: str,
                      names: dict[str, str]) -> None:
    """Replace the code in detail ``name`` by its translated name, when ``names`` has it."""
    if name not in details:
        return
    label = names.get(str(details[name]))
    if label is not None:
        details[name] = QCoreApplication.translate(context, label)


def known_codes() -> set[str]:
    """Return every error code that has a message."""
    codes: set[str] = set()
    for table in _TABLES:
        codes.update(table)
    return codes
