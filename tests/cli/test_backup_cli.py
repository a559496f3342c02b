"""The ``backup`` command: list, create and restore, in English and Chinese."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.cli.context import CliContext
from meili_desktop.store.datafolder import DATABASE_FILE_NAME, open_store


class Run:
    """Run CLI commands in-process on one data folder and keep their output."""

    def __init__(self, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.data_dir = data_dir
        self.out = io.StringIO()
        self.capsys = capsys
        original = CliContext.from_args

        def from_args(args: object) -> CliContext:
            context = original(args)  # type: ignore[arg-type]
            context.out = self.out
            return context

        monkeypatch.setattr(CliContext, "from_args", staticmethod(from_args))

    def __call__(self, *arguments: str, lang: str = "en") -> tuple[int, str, str]:
        self.out.seek(0)
        self.out.truncate()
        self.capsys.readouterr()
        status = main(["--data-dir", str(self.data_dir), "--lang", lang, *arguments])
        return status, self.out.getvalue(), self.capsys.readouterr().err


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Run:
    store = open_store(data_dir)
    store.dispose()
    return Run(data_dir, monkeypatch, capsys)


def set_role(data_dir: Path, role: str) -> None:
    with closing(sqlite3.connect(data_dir / DATABASE_FILE_NAME)) as connection, connection:
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('note', ?)",
                           (role,))


def note(data_dir: Path) -> str | None:
    with closing(sqlite3.connect(data_dir / DATABASE_FILE_NAME)) as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = 'note'").fetchone()
    return None if row is None else row[0]


def test_list_empty(cli: Run) -> None:
    status, out, _err = cli("backup", "list")

    assert status == 0
    assert "No backups yet" in out


def test_create_then_list_json(cli: Run) -> None:
    status, out, _err = cli("backup", "create")
    listed_status, listed, _ = cli("backup", "list", "--json")

    backups = json.loads(listed)
    assert status == 0
    assert "Backup made" in out
    assert listed_status == 0
    assert [item["reason"] for item in backups] == ["manual"]
    assert backups[0]["size"] > 0
    assert backups[0]["sequence"] == 1


def test_restore_with_yes(cli: Run) -> None:
    set_role(cli.data_dir, "before")
    cli("backup", "create")
    name = json.loads(cli("backup", "list", "--json")[1])[0]["name"]
    set_role(cli.data_dir, "after")

    status, out, _err = cli("backup", "restore", name, "--yes")

    assert status == 0
    assert "restored from" in out
    assert "pre-restore" in out
    assert note(cli.data_dir) == "before"


def test_restore_needs_confirmation(cli: Run) -> None:
    set_role(cli.data_dir, "before")
    cli("backup", "create")
    name = json.loads(cli("backup", "list", "--json")[1])[0]["name"]
    set_role(cli.data_dir, "after")

    status, _out, err = cli("backup", "restore", name)

    assert status == 1
    assert "--yes" in err
    assert note(cli.data_dir) == "after"


def test_restore_damaged_in_chinese(cli: Run) -> None:
    cli("backup", "create")
    backup = Path(json.loads(cli("backup", "list", "--json")[1])[0]["path"])
    backup.write_bytes(b"not a database at all" * 200)

    status, _out, err = cli("backup", "restore", backup.name, "--yes", lang="zh_CN")

    assert status == 3
    assert "不是本程序的数据库备份" in err


def test_unknown_backup(cli: Run) -> None:
    status, _out, err = cli("backup", "restore", "daily-20990101T000000Z-000009.sqlite3",
                            "--yes")

    assert status == 2
    assert "backup list" in err


def test_server_database_rejected(cli: Run) -> None:
    status, _out, err = cli("--database-url", "postgresql+psycopg://u:secret@db.example/meili",
                            "backup", "list")

    assert status == 2
    assert "db.example/meili" in err
    assert "secret" not in err
