"""Display names of evidence files, as stored with an entry and shown in lists.

A display name is what the clerk's file was called, kept for people to read. It is never a
path: evidence is stored under its SHA-256, and a file written out under its name (for the
viewer, or when the office exports evidence) gets a separate Windows-safe name. The display
name only loses what cannot be shown on one line: folders, control characters, line breaks
and invisible formatting characters such as the right-to-left override, which can make
``photo\\u202egpj.exe`` look like ``photoexe.jpg``.
"""

from __future__ import annotations

import re
import unicodedata

# The width of the display name column (entry_attachments.display_name).
MAX_DISPLAY_NAME_CHARS = 255
# A longer part after the last dot is not treated as an extension when shortening.
MAX_EXTENSION_CHARS = 16
FALLBACK_NAME = "attachment"
_FOLDER_SEPARATORS = re.compile(r"[\\/]")
# Cc: control characters; Cf: formatting (bidirectional overrides, zero-width joiners);
# Cs, Co, Cn: surrogates, private use and unassigned code points.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def clean_display_name(name: str, max_chars: int = MAX_DISPLAY_NAME_CHARS) -> str:
    """Return ``name`` as a one-line display name of at most ``max_chars`` characters.

    Keeps the last path component, turns line breaks, tabs and other whitespace runs into
    one space, drops hidden characters, normalises to NFC and cuts a long name at the end
    of its stem so that the extension survives. Windows reserved names and characters
    such as ``:`` stay, because they are shown, not used as a file name.
    """
    base = _FOLDER_SEPARATORS.split(name)[-1]
    kept = []
    for character in base:
        if character.isspace():
            kept.append(" ")
        elif unicodedata.category(character) not in _HIDDEN_CATEGORIES:
            kept.append(character)
    text = " ".join(unicodedata.normalize("NFC", "".join(kept)).split())
    return shorten_keeping_extension(text, max_chars) or FALLBACK_NAME


def shorten_keeping_extension(name: str, max_chars: int, max_utf8_bytes: int | None = None
                              ) -> str:
    """Return ``name`` cut to ``max_chars`` characters, keeping a short extension whole.

    With ``max_utf8_bytes`` the UTF-8 form is cut to that many bytes too: Linux file systems
    allow 255 bytes per name, which 100 Chinese characters already pass.
    """
    stem, dot, extension = name.rpartition(".")
    if not (dot and stem and len(extension) < min(MAX_EXTENSION_CHARS, max_chars - 1)):
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    kept = stem[:max(0, max_chars - len(suffix))]
    if max_utf8_bytes is not None:
        budget = max_utf8_bytes - len(suffix.encode("utf-8"))
        while kept and len(kept.encode("utf-8")) > budget:
            kept = kept[:-1]
    if kept == stem:
        return name
    return kept.rstrip() + suffix
