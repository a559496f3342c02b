"""Checking a database URL: schema states, refusals by a real server, and local faults."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, make_url, text

from meili_desktop.messages import describe
from meili_desktop.services.database_check import (
    CURRENT,
    EMPTY,
    NEEDS_UPGRADE,
    DatabaseLoginError,
    DatabaseMissingError,
    DatabaseServerUnreachableError,
    DatabaseTimeoutError,
    InvalidDatabaseUrlError,
    UnsupportedDatabaseError,
    address_without_password,
    check_database,
    is_server_url,
    mask_url,
    normalize_url,
)
from meili_desktop.services.identity import Role
from meili_desktop.services.setup import setup_office
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.engine import sqlite_url
from meili_desktop.store.migrate import DatabaseTooNewError, alembic_config


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A loopback port that accepts connections and never responds, like a stuck server."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    listener.close()


def free_port() -> int:
    """Return a loopback port that nothing listens on."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_mask_hides_password() -> None:
    masked = mask_url("postgresql://meili:秘密 口令@127.0.0.1:5432/meili")

    assert "秘密" not in masked
    assert "***" in masked
    assert "meili@" not in masked


def test_normalize_picks_psycopg() -> None:
    assert normalize_url("postgres://a:b@127.0.0.1/x").startswith("postgresql+psycopg://")
    assert normalize_url("postgresql://a:b@127.0.0.1/x").startswith("postgresql+psycopg://")


def test_address_drops_password() -> None:
    address = address_without_password("postgresql+psycopg://meili:秘密@127.0.0.1:5432/meili")

    assert address == "postgresql://meili@127.0.0.1:5432/meili"


def test_server_url_detected() -> None:
    assert is_server_url("postgresql://a@127.0.0.1/x")
    assert not is_server_url("sqlite:///C:/data/meili.sqlite3")
    assert not is_server_url("no url")


def test_invalid_url_rejected() -> None:
    with pytest.raises(InvalidDatabaseUrlError) as raised:
        check_database("服务器 127.0.0.1")

    assert "postgresql://" in describe(raised.value)


def test_other_database_rejected() -> None:
    with pytest.raises(UnsupportedDatabaseError) as raised:
        check_database("mysql://meili:pw@127.0.0.1/meili")

    assert raised.value.details["dialect"] == "mysql"
    assert "pw" not in describe(raised.value)


def test_no_server_on_port() -> None:
    port = free_port()

    with pytest.raises(DatabaseServerUnreachableError) as raised:
        check_database(f"postgresql://meili:secret@127.0.0.1:{port}/meili", timeout_s=2)

    message = describe(raised.value)
    assert str(port) in message
    assert "secret" not in message


def test_silent_server_times_out(silent_port: int) -> None:
    with pytest.raises(DatabaseTimeoutError) as raised:
        check_database(f"postgresql://meili:secret@127.0.0.1:{silent_port}/meili",
                       timeout_s=1)

    assert raised.value.details["seconds"] == 1
    assert "1" in describe(raised.value)


def test_missing_sqlite_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "新 文件.sqlite3"

    check = check_database(sqlite_url(path))

    assert check.state == EMPTY
    assert not path.exists()


def test_sqlite_states(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    config = alembic_config()
    engine = create_engine(sqlite_url(old))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    engine.dispose()
    store = open_store(tmp_path / "current")
    setup_office(store, Role.CITY)
    store.dispose()

    older = check_database(sqlite_url(old))
    current = check_database(sqlite_url(store.folder.database_file))

    assert older.state == NEEDS_UPGRADE
    assert older.revision == "0001"
    assert current.state == CURRENT
    assert current.role == "city"


def test_newer_sqlite_rejected(tmp_path: Path) -> None:
    store = open_store(tmp_path / "newer")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.dispose()

    with pytest.raises(DatabaseTooNewError) as raised:
        check_database(sqlite_url(store.folder.database_file))

    assert "9999_future" in describe(raised.value)


@pytest.mark.postgres
def test_postgres_empty_then_current(pg_url: str, tmp_path: Path) -> None:
    assert check_database(pg_url).state == EMPTY

    store = open_store(tmp_path / "office", pg_url)
    setup_office(store, Role.CITY)
    store.dispose()
    check = check_database(pg_url)

    assert check.state == CURRENT
    assert check.role == "city"
    assert "***" in check.url or make_url(pg_url).password is None


@pytest.mark.postgres
def test_postgres_wrong_password(pg_url: str) -> None:
    wrong = make_url(pg_url).set(password="not-the-password")

    with pytest.raises(DatabaseLoginError) as raised:
        check_database(wrong.render_as_string(hide_password=False))

    message = describe(raised.value)
    assert str(wrong.username) in message
    assert "not-the-password" not in message


@pytest.mark.postgres
def test_postgres_missing_database(pg_url: str) -> None:
    missing = make_url(pg_url).set(database="meili_no_such_database")

    with pytest.raises(DatabaseMissingError) as raised:
        check_database(missing.render_as_string(hide_password=False))

    assert "meili_no_such_database" in describe(raised.value)
