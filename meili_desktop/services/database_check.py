"""Check a database URL before the office switches to it: reachable, logged in, which schema.

The settings dialog runs :func:`check_database` off the GUI thread with a timeout, and the
start-up code uses it to explain why a saved server cannot be opened. The check never writes:
an empty or older database is only reported, and the program creates or upgrades it when it
next starts with that URL.
"""

from __future__ import annotations

import logging
import math
import socket
from dataclasses import dataclass
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from meili_desktop.errors import MeiliError
from meili_desktop.services.identity import ROLE_KEY, UNIT_KEY
from meili_desktop.store.meta_repo import get_meta
from meili_desktop.store.migrate import DatabaseTooNewError, alembic_config

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 5.0
POSTGRESQL_DRIVER = "postgresql+psycopg"
DEFAULT_POSTGRESQL_PORT = 5432
# Schema states of a reachable database.
CURRENT, EMPTY, NEEDS_UPGRADE = "current", "empty", "needs_upgrade"


class DatabaseCheckError(MeiliError):
    """Base of the failures of a database check; details always include ``url``, masked."""

    exit_code = 3


class InvalidDatabaseUrlError(DatabaseCheckError):
    """The text is not a database URL."""

    code = "database.invalid_url"


class UnsupportedDatabaseError(DatabaseCheckError):
    """The URL names a database other than PostgreSQL or SQLite; details: ``dialect``."""

    code = "database.unsupported"


class DatabaseServerUnreachableError(DatabaseCheckError):
    """No server accepts connections at the host and port; details: ``host``, ``port``,
    ``reason``."""

    code = "database.no_server"


class DatabaseHostUnknownError(DatabaseCheckError):
    """The host name cannot be resolved; details: ``host``."""

    code = "database.unknown_host"


class DatabaseTimeoutError(DatabaseCheckError):
    """The server did not respond in time; details: ``host``, ``port``, ``seconds``."""

    code = "database.timeout"


class DatabaseLoginError(DatabaseCheckError):
    """The server rejected the user name or password; details: ``user``, ``host``."""

    code = "database.login_failed"


class DatabaseMissingError(DatabaseCheckError):
    """The server has no database of that name; details: ``database``, ``host``."""

    code = "database.not_found"


class DatabaseConnectError(DatabaseCheckError):
    """Any other refusal by the server or driver; details: ``host``, ``reason``."""

    code = "database.connect_failed"


@dataclass(frozen=True)
class DatabaseCheck:
    """A reachable database and the state of its schema.

    ``state`` is ``current``, ``empty`` (no tables yet) or ``needs_upgrade`` (an older schema
    that the program upgrades when it starts with this database). ``role`` and ``unit_id``
    are the installation the database belongs to, when its schema is current.
    """

    url: str
    state: str
    revision: str | None
    head: str
    role: str | None = None
    unit_id: str | None = None


def normalize_url(text: str) -> str:
    """Return ``text`` as a URL SQLAlchemy opens with the installed drivers.

    ``postgresql://`` and ``postgres://`` get the psycopg driver, because SQLAlchemy would
    otherwise look for psycopg2, which is not installed.

    Raises:
        InvalidDatabaseUrlError: the text is not a URL.
        UnsupportedDatabaseError: the URL is neither PostgreSQL nor SQLite.
    """
    url = _parse(text)
    if url.get_backend_name() == "sqlite":
        return text.strip()  # rendering would percent-encode a Chinese file name
    return url.render_as_string(hide_password=False)


def address_without_password(text: str) -> str:
    """Return the URL without its password and driver name, as a clerk would type it.

    Raises:
        InvalidDatabaseUrlError, UnsupportedDatabaseError: the URL cannot be used.
    """
    url = _parse(text)
    backend = url.get_backend_name()
    # URL.set(password=None) would keep the password, so the URL is built anew.
    return URL.create(backend, url.username, None, url.host, url.port, url.database,
                      url.query).render_as_string(hide_password=False)


def mask_url(text: str) -> str:
    """Return the URL with its password replaced by ``***``, for logs and the screen."""
    try:
        return make_url(text.strip()).render_as_string(hide_password=True)
    except ArgumentError:
        return "***"


def is_server_url(text: str) -> bool:
    """Return True for a URL of a database server (not a SQLite file)."""
    try:
        return not make_url(text.strip()).get_backend_name().startswith("sqlite")
    except ArgumentError:
        return False


def check_database(text: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> DatabaseCheck:
    """Connect to the database at ``text`` and report its schema state, writing nothing.

    Args:
        text: a PostgreSQL or SQLite URL; the password may be part of it.
        timeout_s: how long to wait, in seconds, for the server to accept the connection
            and for each query.

    Raises:
        InvalidDatabaseUrlError, UnsupportedDatabaseError: the URL cannot be used.
        DatabaseHostUnknownError, DatabaseServerUnreachableError, DatabaseTimeoutError: no
            server answers.
        DatabaseLoginError, DatabaseMissingError, DatabaseConnectError: the server refused.
        DatabaseTooNewError: a newer release of the program wrote the database.
    """
    url = _parse(text)
    shown = url.render_as_string(hide_password=True)
    logger.info("checking database %s", shown)
    connect_args: dict[str, object] = {}
    if url.get_backend_name() == "sqlite" and not _sqlite_file_exists(url):
        # Connecting would create the file.
        return DatabaseCheck(shown, EMPTY, None, _head())
    if url.get_backend_name() == "postgresql":
        _probe_port(url, shown, timeout_s)
        seconds = max(1, math.ceil(timeout_s))
        connect_args = {"connect_timeout": seconds,
                        "options": f"-c statement_timeout={seconds * 1000}"}
    engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
    try:
        with engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
            check = _schema_state(shown, revision)
            if check.state == CURRENT:
                with Session(bind=connection) as session:
                    check = DatabaseCheck(shown, CURRENT, revision, check.head,
                                          get_meta(session, ROLE_KEY),
                                          get_meta(session, UNIT_KEY))
    except DBAPIError as error:
        raise _classify(error, url, shown, timeout_s) from None
    finally:
        engine.dispose()
    logger.info("database %s: %s (revision %s)", shown, check.state, check.revision)
    return check


def _parse(text: str) -> URL:
    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise InvalidDatabaseUrlError(url=mask_url(text)) from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername=POSTGRESQL_DRIVER)
    if backend == "sqlite":
        return url
    raise UnsupportedDatabaseError(url=url.render_as_string(hide_password=True),
                                   dialect=backend)


def _probe_port(url: URL, shown: str, timeout_s: float) -> None:
    """Open a plain TCP connection first, so that a missing server gets its own message."""
    if not url.host:
        return  # a local socket: the driver reports problems itself
    port = url.port or DEFAULT_POSTGRESQL_PORT
    details = {"url": shown, "host": url.host, "port": port}
    try:
        with socket.create_connection((url.host, port), timeout=timeout_s):
            pass
    except TimeoutError:
        raise DatabaseTimeoutError(**details, seconds=round(timeout_s)) from None
    except socket.gaierror:
        raise DatabaseHostUnknownError(url=shown, host=url.host) from None
    except OSError as error:
        raise DatabaseServerUnreachableError(**details, reason=error.strerror or str(error)) \
            from None


def _sqlite_file_exists(url: URL) -> bool:
    database = url.database or ""
    return database in ("", ":memory:") or Path(database).is_file()


def _head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def _schema_state(shown: str, revision: str | None) -> DatabaseCheck:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head() or ""
    if revision is None:
        return DatabaseCheck(shown, EMPTY, None, head)
    if revision == head:
        return DatabaseCheck(shown, CURRENT, revision, head)
    try:
        is_known = script.get_revision(revision) is not None
    except CommandError:
        is_known = False
    if not is_known:
        raise DatabaseTooNewError(revision=revision, supported=head)
    return DatabaseCheck(shown, NEEDS_UPGRADE, revision, head)


def _classify(error: DBAPIError, url: URL, shown: str, timeout_s: float) -> DatabaseCheckError:
    """Turn a driver error into the check's error type.

    NOTE: libpq reports login and missing-database failures as text without an SQLSTATE,
    so they are recognised by the English server messages. A server that answers in another
    language gets the general error, which still shows the server's own text.
    """
    reason = str(error.orig).strip().splitlines()[-1] if error.orig else str(error)
    lowered = str(error.orig).lower()
    host = url.host or "localhost"
    logger.info("database %s refused the connection: %s", shown, reason)
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return DatabaseLoginError(url=shown, user=url.username or "", host=host)
    if "does not exist" in lowered and "database" in lowered:
        return DatabaseMissingError(url=shown, database=url.database or "", host=host)
    if "timeout expired" in lowered:
        return DatabaseTimeoutError(url=shown, host=host,
                                    port=url.port or DEFAULT_POSTGRESQL_PORT,
                                    seconds=round(timeout_s))
    return DatabaseConnectError(url=shown, host=host, reason=reason.removeprefix("FATAL:  "))

