"""An entry change with evidence on a full disk: the fields and files land together or not at all.

``entry set --value ... --attach FILE`` and the window's evidence job first copy every file
into the data folder and then write one transaction. The tests fill a real tmpfs so that a
copy fails after the value was checked (or after other files were copied) and check that the
database is row for row unchanged and that the message says so truthfully.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.domain.entries import EntryKey
from meili_desktop.services import entries
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entry_editor import EntryEditor
from meili_desktop.store.datafolder import open_store
from meili_desktop.store.faults import DiskFullError
from tests.reliability.helpers import folder_listing, table_rows
from tests.reliability.mounts import small_disk

PERIOD = "2021Q2"
KILOBYTE = 1024


def fill_disk(folder: Path, leave_bytes: int) -> None:
    """Write a filler file until only about ``leave_bytes`` stay free on ``folder``'s disk."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    (folder / "filler.bin").write_bytes(b"\0" * max(0, free - leave_bytes))


def photo(folder: Path, name: str, size: int) -> Path:
    path = folder / name
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size))
    return path


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *arguments: str) -> tuple[int, str,
                                                                                     str]:
    """Run one command in Chinese; return the exit status, stdout and stderr."""
    capsys.readouterr()
    status = main(["--data-dir", str(data_dir), "--lang", "zh_CN", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_value_and_evidence_all_or_nothing(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    large = photo(tmp_path, "航拍照片.jpg", 1024 * KILOBYTE)
    with small_disk(tmp_path / "disk", 4096) as disk:
        data_dir = disk / "data"
        status, out, err = run(capsys, data_dir, "init", "township", "--provisional",
                               "--county", "330110", "--town", "塘栖镇")
        assert status == 0, err
        database = data_dir / "meili.sqlite3"
        rows = table_rows(database)
        fill_disk(disk, 300 * KILOBYTE)

        status, out, err = run(capsys, data_dir, "entry", "set", "--task", "13", "--period",
                               PERIOD, "--value", "85", "--attach", str(large))

        assert status == DiskFullError.exit_code
        assert out == ""
        assert "磁盘已满" in err
        assert "本机数据未受影响" in err
        assert table_rows(database) == rows
        (disk / "filler.bin").unlink()
        status, out, err = run(capsys, data_dir, "entry", "list", "--period", PERIOD, "--json")
        assert status == 0, err
        assert '"task": 13' not in out


def test_cli_value_kept_when_disk_has_room(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    """Control case: with room on the disk, the same command saves value and file together."""
    small = photo(tmp_path, "航拍照片.jpg", 100 * KILOBYTE)
    with small_disk(tmp_path / "disk", 4096) as disk:
        data_dir = disk / "data"
        assert run(capsys, data_dir, "init", "township", "--provisional", "--county", "330110",
                   "--town", "塘栖镇")[0] == 0

        status, out, err = run(capsys, data_dir, "entry", "set", "--task", "13", "--period",
                               PERIOD, "--value", "85", "--attach", str(small))

        assert status == 0, err
        assert "1" in out
        store = open_store(data_dir)
        try:
            unit = entries.own_unit_id(store)
            entry = entries.load_entry(store, EntryKey(unit, 13, PERIOD))
        finally:
            store.dispose()
        assert entry is not None
        assert str(entry.value) == "85"
        assert [ref.display_name for ref in entry.attachments] == ["航拍照片.jpg"]


def test_window_attach_many_all_or_nothing(tmp_path: Path) -> None:
    files = [photo(tmp_path, "现场一.jpg", 200 * KILOBYTE),
             photo(tmp_path, "现场二.jpg", 200 * KILOBYTE),
             photo(tmp_path, "现场三.jpg", 1024 * KILOBYTE)]
    with small_disk(tmp_path / "disk", 4096) as disk:
        store = open_store(disk / "data")
        try:
            from meili_desktop.services.setup import setup_provisional_township

            unit = setup_provisional_township(store, "330110", "塘栖镇").unit_id
            assert unit is not None
            editor = EntryEditor(store, active_catalogue(store))
            key = EntryKey(unit, 13, PERIOD)
            editor.set_fields(key, {"narrative": "已完成立面改造 12 处"})
            rows = table_rows(store.folder.database_file)
            fill_disk(disk, 700 * KILOBYTE)
            copied: list[int] = []

            with pytest.raises(DiskFullError):
                editor.attach_many(key, files, max_mb=20,
                                   progress=lambda done, _total: copied.append(done),
                                   cancel=threading.Event())

            # The first two files were copied before the disk filled up.
            assert max(copied) > 400 * KILOBYTE
            assert table_rows(store.folder.database_file) == rows
            assert entries.load_entry(store, key).attachments == ()
            assert folder_listing(store.folder.temp_dir) == []
            editor.undo()
            assert entries.load_entry(store, key).narrative == ""
        finally:
            store.dispose()


def test_window_attach_job_reports_rejected_file(tmp_path: Path) -> None:
    """A file rejected for its type is reported; the others are attached as one step."""
    from meili_desktop.ui.township.state import TownshipState

    store = open_store(tmp_path / "data")
    try:
        from meili_desktop.services.setup import setup_provisional_township

        setup_provisional_township(store, "330110", "塘栖镇")
        state = TownshipState(store)
        state.set_period(PERIOD)
        good = [photo(tmp_path, "现场一.jpg", 10 * KILOBYTE),
                photo(tmp_path, "现场二.jpg", 10 * KILOBYTE)]
        program = tmp_path / "setup.exe"
        program.write_bytes(b"MZ" + os.urandom(100))

        outcomes = state.attach_job(13, [good[0], program, good[1]], 20)(
            lambda _done, _total: None, threading.Event())

        assert [path for path, error in outcomes if error is None] == good
        assert [error.code for _path, error in outcomes if error is not None] == [
            "attachment.blocked_type"]
        entry = entries.load_entry(store, state.key(13))
        assert [ref.display_name for ref in entry.attachments] == ["现场一.jpg", "现场二.jpg"]
        assert state.editor.undo() == [state.key(13)]
        assert entries.load_entry(store, state.key(13)).attachments == ()
    finally:
        store.dispose()
