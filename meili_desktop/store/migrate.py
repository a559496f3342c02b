"""Bring a database to the program's schema with Alembic, after a backup; refuse newer ones."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from meili_desktop.errors import MeiliError
from meili_desktop.paths import alembic_script_path
from meili_desktop.store.backup import backup_sqlite, new_backup_path
from meili_desktop.store.engine import is_sqlite
from meili_desktop.store.schema_check import is_at_scripts_head

# Alembic is imported where it is used, because importing it adds 0.2 s or more to a start,
# and a database that is already up to date is recognised without it (schema_check).
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

logger = logging.getLogger(__name__)


class DatabaseTooNewError(MeiliError):
    """The database was written by a newer release; it is left untouched."""

    code = "store.too_new"
    exit_code = 3


class DatabaseUnreadableError(MeiliError):
    code = "store.unreadable"
    exit_code = 3


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(alembic_script_path()))
    return config


def head_revision() -> str:
    """Return the newest schema revision this program knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the database's schema revision, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_database(engine: Engine, backup_dir: Path | None, db_file: Path | None) -> str | None:
    """Upgrade the database to the newest revision.

    A SQLite file that is not empty is first copied to ``backup_dir``. Returns the path of
    that backup as text, or None when no migration was needed or nothing was backed up.

    Raises:
        DatabaseTooNewError: the database's revision is unknown to this program.
    """
    if is_at_scripts_head(engine, alembic_script_path() / "versions"):
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None and _is_unknown(script, current):
        raise DatabaseTooNewError(revision=current, supported=head)

    backup_path = None
    if current is not None and is_sqlite(engine) and db_file is not None and backup_dir:
        destination = new_backup_path(backup_dir, f"pre-migration-{current}")
        backup_path = backup_sqlite(db_file, destination)

    logger.info("migrating database from %s to %s", current, head)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return None if backup_path is None else str(backup_path)


def _is_unknown(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is None
    except Exception:  # alembic raises several types for an unknown id
        logger.warning("database revision %s is not known to this program", revision)
        return True
