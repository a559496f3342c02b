"""The ``init township`` and ``entry`` commands, and an autosave that survives SIGKILL."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from meili_desktop.cli import main
from meili_desktop.cli.context import CliContext
from meili_desktop.store.datafolder import DATABASE_FILE_NAME

ROOT = Path(__file__).resolve().parents[2]


class Run:
    """Run CLI commands in-process on one data folder and keep their output."""

    def __init__(self, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.data_dir = data_dir
        self.out = io.StringIO()
        self.err = io.StringIO()
        original = CliContext.from_args

        def from_args(args: object) -> CliContext:
            context = original(args)  # type: ignore[arg-type]
            context.out, context.err = self.out, self.err
            return context

        monkeypatch.setattr(CliContext, "from_args", staticmethod(from_args))

    def __call__(self, *arguments: str) -> int:
        self.out.seek(0)
        self.out.truncate()
        self.err.seek(0)
        self.err.truncate()
        return main(["--data-dir", str(self.data_dir), "--lang", "en", *arguments])


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(data_dir, monkeypatch)


@pytest.fixture
def township(cli: Run) -> Run:
    assert cli("init", "township", "--provisional", "--county", "330110",
               "--town", "塘栖镇") == 0
    return cli


def listed(cli: Run, period: str = "2021Q2") -> dict[int, dict]:
    assert cli("entry", "list", "--period", period, "--json") == 0
    document = json.loads(cli.out.getvalue())
    return {item["task"]: item for item in document["entries"]}


def test_init_township_prints_unit(township: Run) -> None:
    assert "330110102" in township.out.getvalue()


def test_init_needs_provisional(cli: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("init", "township", "--county", "余杭区", "--town", "塘栖镇") == 2
    assert "--provisional" in capsys.readouterr().err


def test_init_unknown_town_hints_market_town(cli: Run) -> None:
    assert cli("init", "township", "--provisional", "--county", "余杭区",
               "--town", "不存在镇") == 4
    assert "--market-town" in cli.err.getvalue()


def test_init_market_town(cli: Run) -> None:
    assert cli("init", "township", "--provisional", "--county", "淳安县",
               "--market-town", "千岛湖集镇") == 0
    assert "千岛湖集镇" in cli.out.getvalue()


def test_entry_before_init_rejected(cli: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("entry", "set", "--task", "13", "--period", "2021Q2", "--value", "1") == 3
    assert "init township" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["85%", "85％", "８５", " 85 "])
def test_set_percent_forms(township: Run, text: str) -> None:
    assert township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", text) == 0
    assert listed(township)[13]["value"] == "85"


def test_set_thousands_separator(township: Run) -> None:
    assert township("entry", "set", "--task", "12", "--period", "2021Q2",
                    "--value", "1，234") == 0
    assert listed(township)[12]["value"] == "1234"


def test_ambiguous_value_rejected(township: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert township("entry", "set", "--task", "13", "--period", "2021Q2",
                    "--value", "0.85") == 1
    message = capsys.readouterr().err
    assert "85%" in message
    assert "0.85%" in message
    assert listed(township) == {}


@pytest.mark.parametrize("text", ["/", "——", "无", "-"])
def test_placeholder_rejected(township: Run, text: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    assert township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", text,
                    "--status", "done") == 1
    assert "85%" in capsys.readouterr().err
    assert listed(township) == {}


def test_warning_keeps_value(township: Run) -> None:
    assert township("entry", "set", "--task", "13", "--period", "2021Q2",
                    "--value", "120%") == 0
    assert "above 100%" in township.err.getvalue()
    assert listed(township)[13]["value"] == "120"


@pytest.mark.parametrize(("word", "code"), [("未开始", "not_started"), ("推进中", "in_progress"),
                                            ("已完成", "done"), ("不适用", "not_applicable"),
                                            ("done", "done")])
def test_status_words(township: Run, word: str, code: str) -> None:
    assert township("entry", "set", "--task", "20", "--period", "2021Q2", "--status", word) == 0
    assert listed(township)[20]["status"] == code


def test_set_all_fields_and_attach(township: Run, tmp_path: Path) -> None:
    photo = tmp_path / "现场 照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    assert township("entry", "set", "--task", "27", "--period", "2021Q2", "--value", "3.5公里",
                    "--status", "推进中", "--note", "已建成绿道3.5公里", "--person", "张三",
                    "--contact", "0571-88888888", "--attach", str(photo)) == 0
    item = listed(township)[27]
    assert item["value"] == "3.5"
    assert item["narrative"] == "已建成绿道3.5公里"
    assert item["responsible_person"] == "张三"
    assert item["contact"] == "0571-88888888"
    assert [file["name"] for file in item["attachments"]] == ["现场 照片.jpg"]
    assert item["revision"] == 2


def test_blocked_attachment_leaves_entry(township: Run, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "run.bat"
    script.write_text("echo hi")
    assert township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", "50",
                    "--attach", str(script)) == 1
    assert "run.bat" in capsys.readouterr().err
    assert listed(township) == {}


def test_empty_value_clears(township: Run) -> None:
    township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", "50")
    assert township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", "") == 0
    assert listed(township)[13]["value"] is None


def test_nothing_to_set_rejected(township: Run) -> None:
    assert township("entry", "set", "--task", "13", "--period", "2021Q2") == 2


def test_city_task_rejected(township: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert township("entry", "set", "--task", "3", "--period", "2021Q2", "--status", "done") == 1
    assert "10" in capsys.readouterr().err


def test_list_text_shows_unfilled(township: Run) -> None:
    township("entry", "set", "--task", "13", "--period", "2021Q2", "--value", "85")
    assert township("entry", "list", "--period", "2021q2") == 0
    lines = township.out.getvalue().splitlines()
    assert lines[0].startswith(" 10")
    assert "not filled in" in lines[0]
    assert any(line.startswith(" 13") and "85%" in line for line in lines)


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from decimal import Decimal
    from pathlib import Path
    from meili_desktop.domain.entries import EntryKey
    from meili_desktop.services import entries
    from meili_desktop.services.catalogue import active_catalogue
    from meili_desktop.store.datafolder import open_store

    store = open_store(Path(sys.argv[1]))
    catalogue = active_catalogue(store)
    unit = entries.own_unit_id(store)
    count = 0
    while True:
        for number in range(10, 44):
            count += 1
            entries.set_entry_fields(store, catalogue, EntryKey(unit, number, "2021Q2"),
                                     {"value": Decimal(count), "narrative": "第%d次" % count})
            print(number, count, flush=True)
""")


def test_sigkill_keeps_saved_changes(township: Run, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    process = subprocess.Popen([sys.executable, str(script), str(township.data_dir)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout is not None
    saved: dict[int, int] = {}
    while len(saved) < 34 or sum(1 for value in saved.values() if value > 34) < 10:
        line = process.stdout.readline()
        assert line, "the writer stopped before it was killed"
        number, count = map(int, line.split())
        saved[number] = count
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()

    connection = sqlite3.connect(township.data_dir / DATABASE_FILE_NAME)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    stored = listed(township)
    for number, count in saved.items():
        # A change reported as saved is there; the one in flight may have been saved too.
        assert int(stored[number]["value"]) >= count
        assert stored[number]["narrative"] == f"第{int(stored[number]['value'])}次"


@pytest.mark.parametrize("town", ["330113100", "330110102", "塘栖镇"])
def test_init_town_by_name_or_code(cli: Run, town: str) -> None:
    assert cli("init", "township", "--provisional", "--county", "临平区", "--town", town) == 0
    assert "(330110102)" in cli.out.getvalue()
