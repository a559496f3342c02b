"""Shared fixtures: offscreen Qt, temporary data folders and the PostgreSQL test server."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

# The PostgreSQL server that .ci/run starts; tests marked "postgres" need it.
PG_URL_VARIABLE = "MEILI_TEST_PG_URL"


@pytest.fixture(scope="session", autouse=True)
def gui_application(qapp: object) -> object:
    """Create the QApplication before any test runs.

    The CLI's ``main()`` creates a QCoreApplication when none exists, and widget tests cannot
    run on one, so a CLI test that ran first would break every later widget test.
    """
    return qapp


@pytest.fixture(autouse=True)
def english_after_each_test(gui_application: object) -> Iterator[None]:
    """Remove any translators a test installed, so every test starts in the source language.

    In-process CLI runs install the Chinese translators; without this, a later test that
    expects English text would pass or fail depending on the order the tests run in.
    """
    yield
    from meili_desktop import i18n

    if i18n._installed:
        i18n.install_translators(gui_application, "en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data folder whose path has Chinese characters and a space."""
    folder = tmp_path / "美丽 城镇数据"
    folder.mkdir()
    return folder


@pytest.fixture
def pg_url() -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database, dropped afterwards.

    Skips when MEILI_TEST_PG_URL is unset outside CI; in CI (CI=true) a missing server fails.
    """
    base_url = os.environ.get(PG_URL_VARIABLE)
    if not base_url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_URL_VARIABLE} is not set; .ci/run must start PostgreSQL")
        pytest.skip(f"{PG_URL_VARIABLE} is not set")
    name = f"meili_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = base_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
