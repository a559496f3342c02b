"""Locate files bundled with the program, whether run from source or frozen by PyInstaller."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """Return the folder that holds ``resources/`` and ``db/``.

    PyInstaller unpacks bundled data under ``sys._MEIPASS``; from a source checkout the
    folder is the repository root, one level above the package.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """Return the path of a file under ``resources/``."""
    return bundle_root().joinpath("resources", *parts)


def alembic_script_path() -> Path:
    """Return the Alembic script folder (``db/``)."""
    return bundle_root() / "db"
