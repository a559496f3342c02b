"""Copies of the SQLite database made with SQLite's online backup API."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

logger = logging.getLogger(__name__)


def backup_sqlite(source: Path, destination: Path) -> Path:
    """Copy the database ``source`` to ``destination`` consistently, even while it is in use.

    The copy is written to a temporary file first and renamed, so a crash never leaves a
    half-written backup under the final name.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    source_connection = sqlite3.connect(source)
    try:
        target_connection = sqlite3.connect(partial)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    os.replace(partial, destination)
    logger.info("backed up %s to %s", source, destination)
    return destination


def timestamped_name(reason: str, suffix: str = ".sqlite3") -> str:
    """Return a backup file name such as ``pre-migration-20261204T120000Z.sqlite3``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{reason}-{stamp}{suffix}"
