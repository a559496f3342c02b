"""Temporary files of killed processes go when the data folder is opened; a live one's stay.

The kill tests run a real command line in a child process, stop it at a known point (see
``stop_child``) and kill it with SIGKILL. The points are a merge that has decrypted a
package's evidence, an ``entry set`` half way through copying a file, and one inside its open
transaction. Opening the data folder afterwards must remove the partial and decrypted files,
and the entry must show neither the new comment nor the file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from meili_desktop.domain.entries import EntryKey
from meili_desktop.exchange.errors import PendingSenderKeyError
from meili_desktop.services.entries import attach_evidence, period_entries
from meili_desktop.services.key_approval import approve_key
from meili_desktop.services.packages import export_report_package, read_incoming
from meili_desktop.store import temp_folders
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.store.temp_folders import LOOSE_MAX_AGE_S, remove_stale_temp
from tests.services.package_chain import PASSPHRASE, City, fill_entries, make_city, make_township

ROOT = Path(__file__).resolve().parents[2]
PERIOD = "2021Q2"
EVIDENCE_BYTES = 8 * 1024 * 1024

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def start_stopped(point: str, arguments: list[str]) -> subprocess.Popen[str]:
    """Start the command line in a child and wait until it stops at ``point``."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.stop_child", point, *arguments], cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != "stopped":
        process.kill()
        _out, errors = process.communicate()
        pytest.fail(f"the child did not reach {point}: {line!r} {errors[-3000:]}")
    return process


def kill(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def pdf(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(size)
    return path


@pytest.fixture
def city(tmp_path: Path) -> Iterator[City]:
    made = make_city(tmp_path)
    yield made
    made.store.dispose()


@pytest.fixture
def report(city: City, tmp_path: Path) -> Path:
    township, unit_id = make_township(city, tmp_path)
    fill_entries(township, unit_id, PERIOD, evidence=pdf(tmp_path / "验收单.pdf",
                                                          EVIDENCE_BYTES))
    path = export_report_package(township, tmp_path / "report.mlrp", [PERIOD]).path
    township.dispose()
    with pytest.raises(PendingSenderKeyError) as pending:
        read_incoming(city.store, path, city.unlocked)
    approve_key(city.store, pending.value.details["unit_id"],
                pending.value.details["fingerprint"], actor="测试")
    return path


def merge_arguments(city: City, report: Path, tmp_path: Path) -> list[str]:
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return ["--data-dir", str(city.store.folder.root), "merge", str(report),
            "--passphrase-file", str(passphrase_file)]


def test_killed_merge_evidence_removed(city: City, report: Path, tmp_path: Path) -> None:
    process = start_stopped("merge", merge_arguments(city, report, tmp_path))
    decrypted = [path for path in files_under(city.store.folder.temp_dir)
                 if path.parent.name.startswith("package-")]
    kill(process)

    assert [path.stat().st_size for path in decrypted] == [EVIDENCE_BYTES]
    assert decrypted[0].exists()
    open_store(city.store.folder.root).dispose()
    assert files_under(city.store.folder.temp_dir) == []


def test_live_merge_keeps_files(city: City, report: Path, tmp_path: Path) -> None:
    process = start_stopped("merge", merge_arguments(city, report, tmp_path))
    try:
        before = files_under(city.store.folder.temp_dir)
        open_store(city.store.folder.root).dispose()
        during = files_under(city.store.folder.temp_dir)
    finally:
        kill(process)

    assert len(before) == 1
    assert during == before
    open_store(city.store.folder.root).dispose()
    assert files_under(city.store.folder.temp_dir) == []


@pytest.fixture
def township(city: City, tmp_path: Path) -> Iterator[tuple[Store, str]]:
    store, unit_id = make_township(city, tmp_path)
    fill_entries(store, unit_id, PERIOD)
    yield store, unit_id
    store.dispose()


@pytest.mark.parametrize("point", ["copying", "transaction"])
def test_killed_entry_set_saves_nothing(township: tuple[Store, str], tmp_path: Path,
                                        point: str) -> None:
    store, unit_id = township
    before = period_entries(store, unit_id, PERIOD)[13]
    evidence = pdf(tmp_path / "照片.pdf", 40 * 1024 * 1024)

    process = start_stopped(point, [
        "--data-dir", str(store.folder.root), "entry", "set", "--task", "13", "--period",
        PERIOD, "--note", "全部完成并验收", "--attach", str(evidence)])
    partial = files_under(store.folder.temp_dir)
    kill(process)

    after = period_entries(store, unit_id, PERIOD)[13]
    assert after.narrative == before.narrative
    assert after.attachments == before.attachments
    assert after.revision == before.revision
    if point == "copying":
        assert [path.name.startswith("attach-") for path in partial] == [True]
    open_store(store.folder.root).dispose()
    assert files_under(store.folder.temp_dir) == []


def test_attach_after_kill_works(township: tuple[Store, str], tmp_path: Path) -> None:
    store, unit_id = township
    evidence = pdf(tmp_path / "照片.pdf", 1024 * 1024)
    process = start_stopped("copying", [
        "--data-dir", str(store.folder.root), "entry", "set", "--task", "13", "--period",
        PERIOD, "--attach", str(evidence)])
    kill(process)

    attach_evidence(store, EntryKey(unit_id, 13, PERIOD), evidence, max_mb=50)

    assert len(period_entries(store, unit_id, PERIOD)[13].attachments) == 1


def test_loose_files_removed_by_age(tmp_path: Path) -> None:
    temp_root = tmp_path / "tmp"
    old = temp_root / "package-0123"
    old.mkdir(parents=True)
    (old / "evidence").write_bytes(b"decrypted")
    young = temp_root / "attach-4567.part"
    young.write_bytes(b"partial")
    now = time.time()
    aged = now - LOOSE_MAX_AGE_S - 1
    os.utime(old / "evidence", (aged, aged))
    os.utime(old, (aged, aged))

    result = remove_stale_temp(temp_root, now)

    assert result.loose == 1
    assert not old.exists()
    assert young.exists()


def test_reused_process_id_not_owner(tmp_path: Path) -> None:
    """A folder named after a running process id but another start time is a dead one's."""
    temp_root = tmp_path / "tmp"
    parent_id = os.getppid()
    start = temp_folders.process_start_token(parent_id)
    assert start is not None
    host = temp_folders.process_tag().split(".")[0]
    reused = temp_root / f"{host}.{parent_id}.{start + 1}"
    owned = temp_root / f"{host}.{parent_id}.{start}"
    for folder in (reused, owned):
        folder.mkdir(parents=True)
        (folder / "payload-1.part").write_bytes(b"x")

    result = remove_stale_temp(temp_root)

    assert result.folders == 1
    assert not reused.exists()
    assert owned.exists()


def test_other_computer_kept_a_week(tmp_path: Path) -> None:
    temp_root = tmp_path / "tmp"
    recent = temp_root / "other-laptop.4242.99"
    stale = temp_root / "third-laptop.4242.99"
    for folder in (recent, stale):
        folder.mkdir(parents=True)
        (folder / "attach-1.part").write_bytes(b"x")
    now = time.time()
    week_ago = now - temp_folders.OTHER_COMPUTER_MAX_AGE_S - 1
    for path in (stale / "attach-1.part", stale):
        os.utime(path, (week_ago, week_ago))

    result = remove_stale_temp(temp_root, now)

    assert result.folders == 1
    assert recent.exists()
    assert not stale.exists()


def test_own_folder_kept(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    own = store.folder.process_temp_dir()
    (own / "payload-1.part").write_bytes(b"x")
    os.utime(own / "payload-1.part", (0, 0))

    open_store(tmp_path / "data").dispose()
    store.dispose()

    assert (own / "payload-1.part").exists()
    assert own.name == temp_folders.process_tag()
