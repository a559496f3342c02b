"""Attachment display names: cleaned when a package is written, checked when it is read.

A display name is shown to people and never used as a path: attachments are stored under their
SHA-256. Names are still cleaned so that a user who saves an attachment under its display name
gets a harmless file name on Windows and Linux. A package whose names are not already clean was
not written by this program and is rejected.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME_CHARS = 120
_MAX_EXTENSION_CHARS = 16
_FALLBACK_NAME = "attachment"
# Characters Windows forbids in file names; ":" would also open an NTFS alternate data stream.
_FORBIDDEN = re.compile(r'[<>:"|?*]')
# Windows device names are reserved with any extension and in any case, e.g. "con.txt".
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "123456789¹²³"})


def _is_visible(character: str) -> bool:
    # Cc are control characters; Cf includes bidirectional overrides that can disguise an
    # extension ("photo\u202egpj.exe"); Cs, Co and Cn are surrogates, private use, unassigned.
    return unicodedata.category(character) not in {"Cc", "Cf", "Cs", "Co", "Cn"}


def _trim(name: str) -> str:
    """Strip surrounding whitespace and trailing dots, which Windows drops from file names."""
    while True:
        trimmed = name.strip().rstrip(".")
        if trimmed == name:
            return name
        name = trimmed


def _cap_length(name: str) -> str:
    if len(name) <= MAX_NAME_CHARS:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= _MAX_EXTENSION_CHARS:
        return _trim(stem[:MAX_NAME_CHARS - len(extension) - 1]) + "." + extension
    return _trim(name[:MAX_NAME_CHARS])


def clean_display_name(name: str) -> str:
    """Return a safe display name for ``name``.

    Keeps only the last path component, removes invisible and control characters, replaces
    characters Windows forbids with ``_``, strips trailing dots and spaces, prefixes Windows
    device names with ``_`` and caps the length at 120 characters, keeping the extension.
    """
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(character for character in name if _is_visible(character))
    name = unicodedata.normalize("NFC", name)
    name = _FORBIDDEN.sub("_", name)
    name = _trim(name)
    if name in {"", ".", ".."}:
        return _FALLBACK_NAME
    if name.split(".")[0].strip().upper() in _DEVICE_NAMES:
        name = "_" + name
    return _cap_length(name)


def is_clean_display_name(name: object) -> bool:
    """Return whether ``name`` is a string that :func:`clean_display_name` leaves unchanged."""
    return isinstance(name, str) and clean_display_name(name) == name
