"""A merge killed at a random point leaves the database as it was before that package.

Each run copies a prepared office data folder and starts a process that merges a large
synthetic package: every township task in four quarters, each entry with an evidence file. The
test kills the process with SIGKILL after a random delay. It then checks the SQLite file and
the all-or-nothing state of the package, and that merging again reaches the state of a clean
run. A second test does the same to a merge run of several packages, whose commits are not
flushed to the disk one by one.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from meili_desktop.services import merge
from meili_desktop.store import models
from meili_desktop.store.attachments import stored_path
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, Store, open_store
from meili_desktop.store.merge_lookups import merge_run_store
from tests.services.merge_support import (
    TOWN_A,
    open_office_store,
    state_dump,
    synthetic_package,
    township_tasks,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
RUNS = 24
ATTACHMENT_BYTES = 2048
SEED = 20210630

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def start_worker(root: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.services.merge_worker", str(root),
               "--sender", TOWN_A, "--sequence", "1", "--revision", "1",
               "--attachment-bytes", str(ATTACHMENT_BYTES)]
    return subprocess.Popen(command, cwd=REPO_ROOT, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_start(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert json.loads(line)["event"] == "start", process.stderr.read() if process.stderr else ""


def integrity(root: Path) -> str:
    with sqlite3.connect(root / DATABASE_FILE_NAME) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def merge_in_process(store: Store, incoming_dir: Path) -> str:
    package = synthetic_package(TOWN_A, 1, 1, tasks=township_tasks(store),
                                attachment_dir=incoming_dir, attachment_bytes=ATTACHMENT_BYTES)
    return merge.merge(store, package).outcome


def assert_evidence_files(store: Store, dump: dict[str, list]) -> None:
    for sha256, size in dump["attachments"]:
        path = stored_path(store.folder.attachments_dir, sha256)
        assert path.stat().st_size == size


@pytest.mark.slow
def test_killed_merge_all_or_nothing(tmp_path: Path) -> None:
    template = tmp_path / "template" / "office"
    open_office_store(template).dispose()

    clean_root = tmp_path / "clean" / "office"
    shutil.copytree(template, clean_root)
    clean = start_worker(clean_root)
    out, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err
    clean_seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
    clean_store = open_store(clean_root)
    reference = state_dump(clean_store)
    clean_store.dispose()
    assert len(reference["entries"]) == len(reference["attachments"]) > 100

    rng = random.Random(SEED)
    killed_before_commit = 0
    for run in range(RUNS):
        root = tmp_path / f"run-{run}" / "office"
        shutil.copytree(template, root)
        process = start_worker(root)
        wait_for_start(process)
        time.sleep(rng.uniform(0, clean_seconds * 1.1))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)

        assert integrity(root) == "ok", f"run {run}"
        store = open_store(root)
        try:
            after_kill = state_dump(store)
            if after_kill["ledger"]:
                assert after_kill == reference, f"run {run}: ledger row without every entry"
            else:
                killed_before_commit += 1
                assert after_kill["entries"] == [], f"run {run}: entries without ledger row"
                assert after_kill["revisions"] == after_kill["items"] == [], f"run {run}"
                assert after_kill["audit"] == after_kill["attachments"] == [], f"run {run}"

            outcome = merge_in_process(store, tmp_path / f"run-{run}" / "again")
            assert outcome == ("duplicate" if after_kill["ledger"] else "merged")
            final = state_dump(store)
            assert final == reference, f"run {run}: rerun differs from a clean merge"
            assert_evidence_files(store, final)
        finally:
            store.dispose()

    # The delays are drawn over the clean merge's duration, so on a quiet machine most kills
    # land inside the merge. A busy machine shifts the timing, so a quarter is the floor that
    # still shows the test did not only kill finished merges.
    assert killed_before_commit >= RUNS // 4


RUN_PACKAGES = 4
RUN_KILLS = 12


def start_run_worker(root: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.services.merge_worker", str(root),
               "--sender", TOWN_A, "--sequence", "1", "--revision", "1",
               "--attachment-bytes", str(ATTACHMENT_BYTES), "--run", str(RUN_PACKAGES)]
    return subprocess.Popen(command, cwd=REPO_ROOT, env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def merge_run_in_process(store: Store, incoming_dir: Path) -> list[str]:
    tasks = township_tasks(store)
    packages = [synthetic_package(TOWN_A, sequence, sequence, tasks=tasks,
                                  attachment_dir=incoming_dir, attachment_bytes=ATTACHMENT_BYTES)
                for sequence in range(1, RUN_PACKAGES + 1)]
    with merge_run_store(store) as run_store:
        return [merge.merge(run_store, package).outcome for package in packages]


def merged_sequences(store: Store) -> list[int]:
    with store.session_factory() as session:
        return sorted(session.scalars(select(models.ImportedPackage.sequence)))


def entry_revisions(store: Store) -> tuple[set[int], int]:
    """Return the revisions the entries are at, and the number of revision rows."""
    with store.session_factory() as session:
        revisions = set(session.scalars(select(models.Entry.revision)))
        rows = len(session.scalars(select(models.EntryRevision.id)).all())
    return revisions, rows


@pytest.mark.slow
def test_killed_merge_run_keeps_whole_packages(tmp_path: Path) -> None:
    """Packages merged in one run, killed at random: each package is there whole or not at all."""
    template = tmp_path / "template" / "office"
    open_office_store(template).dispose()

    clean_root = tmp_path / "clean" / "office"
    shutil.copytree(template, clean_root)
    clean = start_run_worker(clean_root)
    out, err = clean.communicate(timeout=600)
    assert clean.returncode == 0, err
    clean_seconds = json.loads(out.strip().splitlines()[-1])["seconds"]
    clean_store = open_store(clean_root)
    reference = state_dump(clean_store)
    entries = len(reference["entries"])
    clean_store.dispose()
    assert len(reference["ledger"]) == RUN_PACKAGES

    rng = random.Random(SEED + 1)
    partial = 0
    for run in range(RUN_KILLS):
        root = tmp_path / f"run-{run}" / "office"
        shutil.copytree(template, root)
        process = start_run_worker(root)
        wait_for_start(process)
        time.sleep(rng.uniform(0, clean_seconds * 1.1))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)

        assert integrity(root) == "ok", f"run {run}"
        store = open_store(root)
        try:
            merged = merged_sequences(store)
            revisions, revision_rows = entry_revisions(store)
            # The run merges sequence n with revision n, so a whole prefix of packages is in.
            assert merged == list(range(1, len(merged) + 1)), f"run {run}"
            if merged:
                assert revisions == {len(merged)}, f"run {run}: entries of a partial package"
                assert revision_rows == entries * len(merged), f"run {run}"
            else:
                assert revisions == set(), f"run {run}: entries without ledger row"
                assert revision_rows == 0, f"run {run}"
            if 0 < len(merged) < RUN_PACKAGES:
                partial += 1

            outcomes = merge_run_in_process(store, tmp_path / f"run-{run}" / "again")
            assert outcomes == ["duplicate"] * len(merged) + \
                ["merged"] * (RUN_PACKAGES - len(merged)), f"run {run}"
            final = state_dump(store)
            assert final == reference, f"run {run}: rerun differs from a clean run"
            assert_evidence_files(store, final)
        finally:
            store.dispose()

    # The kills are spread over the run, so some land between its packages.
    assert partial >= 1
