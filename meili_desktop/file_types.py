"""File name extensions of the files the program exchanges, and how to recognise them.

Every exchanged file is a single file so that it survives e-mail, chat apps and USB sticks.
The installer registers these extensions so that a double-click opens the program, and the
main window accepts them by drag and drop.
"""

from __future__ import annotations

from pathlib import Path

# 上报包: a township's (or county's) encrypted, signed entries and evidence for the office.
REPORT_PACKAGE_EXTENSION = ".mlrp"
# 下发包: the city's signed catalogue, periods, targets and keys for one reporting unit.
DISTRIBUTION_PACKAGE_EXTENSION = ".mldp"
# A receipt the office sends back to confirm which report package it imported.
RECEIPT_EXTENSION = ".mlrc"
# A county's bundle of its townships' report packages, forwarded with their signatures intact.
COUNTY_BUNDLE_EXTENSION = ".mlcb"

PACKAGE_EXTENSIONS: tuple[str, ...] = (
    REPORT_PACKAGE_EXTENSION,
    DISTRIBUTION_PACKAGE_EXTENSION,
    RECEIPT_EXTENSION,
    COUNTY_BUNDLE_EXTENSION,
)


def is_package_file(path: Path | str) -> bool:
    """Return whether ``path`` has one of the package extensions, ignoring letter case.

    Windows keeps the case a user typed (``上报.MLRP``), so the comparison folds case.
    """
    return Path(path).suffix.lower() in PACKAGE_EXTENSIONS


def package_name_filter() -> str:
    """Return the extensions as a file dialog pattern list, such as ``*.mlrp *.mldp``."""
    return " ".join(f"*{extension}" for extension in PACKAGE_EXTENSIONS)
