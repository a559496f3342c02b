"""Translate argparse's own texts ("usage:", "options", its error messages) through Qt.

argparse looks its texts up with ``gettext`` through the module-level name ``argparse._``;
:func:`install` points that name at Qt's translator, so the command line reads in the
chosen language like the rest of the program. Texts not listed here stay in English.
"""

from __future__ import annotations

import argparse

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The argparse texts a user sees, as spelled in Python 3.11's argparse.
TEXTS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
)
_KNOWN = frozenset(TEXTS)


def _translate(text: str) -> str:
    if text not in _KNOWN:
        return text
    return QCoreApplication.translate("Argparse", text)


def install() -> None:
    """Route argparse's texts through the installed Qt translators."""
    argparse._ = _translate  # type: ignore[attr-defined]
