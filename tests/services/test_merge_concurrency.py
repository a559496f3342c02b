"""Two processes merging at once into one database reach the state of sequential merges."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.services import merge
from meili_desktop.store.datafolder import open_store
from tests.services.merge_support import (
    TOWN_A,
    TOWN_B,
    open_office_store,
    state_dump,
    synthetic_package,
    township_tasks,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
ATTACHMENT_BYTES = 4096
WORKER_TIMEOUT_S = 300


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared_office(request: pytest.FixtureRequest,
                  tmp_path: Path) -> Iterator[tuple[Path, str | None]]:
    """A prepared office data folder, on SQLite or on a PostgreSQL database."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    root = tmp_path / "shared office"
    open_office_store(root, url).dispose()
    yield root, url


def run_at_once(root: Path, url: str | None, specs: list[tuple[str, int, int]]) -> list[dict]:
    """Start one worker per (sender, sequence, revision), release them together, wait."""
    go_file = root.parent / f"go-{time.monotonic_ns()}"
    environment = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    processes = []
    for sender, sequence, revision in specs:
        command = [sys.executable, "-m", "tests.services.merge_worker", str(root),
                   "--sender", sender, "--sequence", str(sequence), "--revision", str(revision),
                   "--attachment-bytes", str(ATTACHMENT_BYTES), "--wait-for", str(go_file)]
        if url:
            command += ["--database-url", url]
        processes.append(subprocess.Popen(command, cwd=REPO_ROOT, env=environment,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True))
    for process in processes:
        assert process.stdout is not None
        assert json.loads(process.stdout.readline())["event"] == "ready"
    go_file.touch()
    results = []
    for process in processes:
        out, err = process.communicate(timeout=WORKER_TIMEOUT_S)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def sequential_dump(tmp_path: Path, specs: list[tuple[str, int, int]]) -> dict[str, list]:
    """Merge the same packages one after another into a fresh SQLite office."""
    store = open_office_store(tmp_path / "sequential")
    try:
        tasks = township_tasks(store)
        for sender, sequence, revision in specs:
            package = synthetic_package(
                sender, sequence, revision, tasks=tasks,
                attachment_dir=tmp_path / f"seq-incoming-{sender}-{sequence}",
                attachment_bytes=ATTACHMENT_BYTES)
            merge.merge(store, package)
        return state_dump(store)
    finally:
        store.dispose()


def shared_dump(root: Path, url: str | None) -> dict[str, list]:
    store = open_store(root, url)
    try:
        return state_dump(store)
    finally:
        store.dispose()


@pytest.mark.slow
def test_two_townships_at_once(shared_office: tuple[Path, str | None], tmp_path: Path) -> None:
    root, url = shared_office
    specs = [(TOWN_A, 1, 1), (TOWN_B, 1, 1)]

    results = run_at_once(root, url, specs)

    assert [result["outcome"] for result in results] == ["merged", "merged"]
    assert shared_dump(root, url) == sequential_dump(tmp_path, specs)


@pytest.mark.slow
def test_one_township_two_packages_at_once(shared_office: tuple[Path, str | None],
                                           tmp_path: Path) -> None:
    root, url = shared_office
    specs = [(TOWN_A, 1, 1), (TOWN_A, 2, 2)]

    results = run_at_once(root, url, specs)

    assert [result["outcome"] for result in results] == ["merged", "merged"]
    shared = shared_dump(root, url)
    expected = sequential_dump(tmp_path, specs)
    # Which package ran first decides stale versus updated counts, not the entries.
    assert shared["entries"] == expected["entries"]
    assert shared["attachments"] == expected["attachments"]
    assert [row[0] for row in shared["ledger"]] == [row[0] for row in expected["ledger"]]


@pytest.mark.slow
def test_same_package_twice_at_once(shared_office: tuple[Path, str | None],
                                    tmp_path: Path) -> None:
    root, url = shared_office
    specs = [(TOWN_A, 1, 1), (TOWN_A, 1, 1)]

    results = run_at_once(root, url, specs)

    assert sorted(result["outcome"] for result in results) == ["duplicate", "merged"]
    assert shared_dump(root, url) == sequential_dump(tmp_path, specs[:1])


@pytest.mark.slow
def test_merge_waits_past_busy_timeout(tmp_path: Path) -> None:
    """A merge waits for a write lock held longer than SQLite's busy timeout, then runs."""
    import sqlite3
    import threading

    from meili_desktop.store.datafolder import DATABASE_FILE_NAME
    from meili_desktop.store.engine import SQLITE_BUSY_TIMEOUT_MS
    from tests.services.merge_support import entry_record, make_package

    root = tmp_path / "office"
    store = open_office_store(root)
    hold_s = SQLITE_BUSY_TIMEOUT_MS / 1000 + 1.5
    locked = threading.Event()

    def hold_write_lock() -> None:
        connection = sqlite3.connect(root / DATABASE_FILE_NAME, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(hold_s)
        connection.execute("COMMIT")
        connection.close()

    holder = threading.Thread(target=hold_write_lock)
    holder.start()
    locked.wait()
    started = time.monotonic()
    try:
        result = merge.merge(store, make_package([entry_record()]))
    finally:
        holder.join()
        store.dispose()

    assert result.outcome == "merged"
    assert time.monotonic() - started >= hold_s - 0.5
