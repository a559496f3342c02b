"""Tell, without importing Alembic, whether a database already has the newest schema.

Importing Alembic after SQLAlchemy took 0.2 to 0.3 s on a 2-core machine
(``python -X importtime``), and almost every start of the program opens a database that is
already up to date. :func:`is_at_scripts_head` reads the revision
of each migration script in ``db/versions`` as text and compares the newest one with the
revision stored in the database. Only when they differ, or when either cannot be read
for certain, does the caller run Alembic's full check and upgrade.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

logger = logging.getLogger(__name__)

VERSION_TABLE = "alembic_version"

# The assignments as the migration template writes them: ``revision = "0003"`` and
# ``down_revision = "0002"`` (or ``None`` for the first script), each on a line of its own.
_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*["']([^"'\n]+)["']\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:None|["']([^"'\n]+)["'])\s*$""", re.MULTILINE)


def scripts_head(versions_dir: Path) -> str | None:
    """Return the one revision that no migration script in ``versions_dir`` revises.

    Returns None when a script does not assign ``revision`` and ``down_revision`` in the
    template's plain form, or when the scripts have no head or several heads. None means
    "unknown", and the caller asks Alembic.
    """
    parents: dict[str, str | None] = {}
    for script in sorted(versions_dir.glob("*.py")):
        if script.name.startswith("__"):
            continue
        source = script.read_text(encoding="utf-8")
        revisions = _REVISION.findall(source)
        down_revisions = _DOWN_REVISION.findall(source)
        if len(revisions) != 1 or len(down_revisions) != 1 or revisions[0] in parents:
            logger.info("cannot read the revision of %s; Alembic checks the schema", script)
            return None
        parents[revisions[0]] = down_revisions[0] or None
    revised = set(parents.values())
    heads = [revision for revision in parents if revision not in revised]
    return heads[0] if len(heads) == 1 else None


def stored_revision(connection: Connection) -> str | None:
    """Return the database's one stored revision, or None if it has none or several."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


def is_at_scripts_head(engine: Engine, versions_dir: Path) -> bool:
    """Return whether the database's revision is the newest script's revision.

    Raises the database's own errors (for example ``sqlalchemy.exc.DatabaseError`` for a
    file that is not a database), as Alembic's check would.
    """
    head = scripts_head(versions_dir)
    if head is None:
        return False
    with engine.connect() as connection:
        return stored_revision(connection) == head
