"""The city office's passphrase for commands that need its private keys."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from meili_desktop.errors import MeiliError
from meili_desktop.store.fileio import read_source_bytes


class PassphraseMissingError(MeiliError):
    """No passphrase was given and there is no terminal to ask for one."""

    code = "keys.passphrase_missing"
    exit_code = 2


class PassphraseFileError(MeiliError):
    """The passphrase file is empty or not UTF-8 text; details: ``file``."""

    code = "keys.passphrase_file_invalid"
    exit_code = 2


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", metavar="F", help=QCoreApplication.translate(
        "PassphraseCli", "read the city office's passphrase from this file (first line); "
        "without it the passphrase is asked for in the terminal"))


def read_passphrase(args: Any, *, confirm: bool = False) -> str:
    """Return the passphrase from ``--passphrase-file`` or, in a terminal, from a prompt.

    Raises:
        PassphraseMissingError: no file was given and standard input is not a terminal.
        PassphraseFileError: the file is empty or not UTF-8.
    """
    file_name = getattr(args, "passphrase_file", None)
    if file_name:
        try:
            text = read_source_bytes(Path(file_name)).decode("utf-8")
        except UnicodeDecodeError:
            raise PassphraseFileError(file=file_name) from None
        passphrase = text.splitlines()[0] if text.splitlines() else ""
        if not passphrase:
            raise PassphraseFileError(file=file_name)
        return passphrase
    if not sys.stdin or not sys.stdin.isatty():
        raise PassphraseMissingError()
    prompt = QCoreApplication.translate("PassphraseCli", "Passphrase of the city office keys: ")
    passphrase = getpass.getpass(prompt)
    if confirm:
        again = getpass.getpass(QCoreApplication.translate("PassphraseCli",
                                                           "Repeat the passphrase: "))
        if again != passphrase:
            raise PassphraseMissingError()
    if not passphrase:
        raise PassphraseMissingError()
    return passphrase
