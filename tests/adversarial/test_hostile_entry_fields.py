"""Signed report packages whose entry fields no township laptop writes.

The office must reject each one with its reason, on SQLite and PostgreSQL alike. A case still
marked ``xfail(strict=True)`` is a known gap: the test fails once the gap is closed and the
mark must go. The packages are signed with the township laptop's real key.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from meili_desktop.domain.merge_records import MalformedEntryError
from meili_desktop.services import merge as merge_service
from tests.adversarial.test_malformed_entries import Office
from tests.reliability.helpers import table_rows
from tests.services.merge_support import entry_record, make_package, open_office_store


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Office:
    return Office(tmp_path, capsys)


@pytest.mark.parametrize("edit_time", ["yesterday", 1e20, "2021-13-40T08:00:00+08:00"])
def test_unreadable_edit_time_rejected(office: Office, edit_time: object) -> None:
    package = office.package("garbage_time.mlrp", {"updated_at": edit_time})
    before = table_rows(office.database)

    status, output = office.merge(package)

    assert status == MalformedEntryError.exit_code, output
    assert "修改时间无法读取" in output, output
    assert table_rows(office.database) == before


@pytest.mark.parametrize(("field", "value"), [
    ("narrative", ["进展"]),
    ("responsible_person", 7),
    ("contact", {"phone": "0571-88886666"}),
])
def test_narrative_list_reason(office: Office, field: str, value: object) -> None:
    package = office.package("narrative_list.mlrp", {field: value})

    status, output = office.merge(package)

    assert status == MalformedEntryError.exit_code, output
    assert "不是文字" in output, output
    assert "超过" not in output, output


def test_verify_time_local(office: Office, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    package = office.package("plain.mlrp", {})
    try:
        status, output = office.run(office.city_dir, "verify", str(package),
                                    "--passphrase-file", str(office.passphrase))
    finally:
        monkeypatch.undo()
        time.tzset()

    line = next(line for line in output.splitlines() if line.startswith("发送单位："))
    assert status == 0, output
    assert not re.search(r"\d{2}:\d{2}:\d{2}Z", line), line
    assert "+08:00" in line, line


@pytest.mark.postgres
def test_nul_narrative_on_postgres(pg_url: str, tmp_path: Path) -> None:
    store = open_office_store(tmp_path / "office", pg_url)
    package = make_package([entry_record(narrative="a\x00b")])
    try:
        with pytest.raises(MalformedEntryError) as raised:
            merge_service.merge(store, package)
    finally:
        store.dispose()

    assert raised.value.details["variant"] == "control_character"
    assert raised.value.details["field"] == "narrative"


@pytest.mark.parametrize(("field", "text"), [
    ("narrative", "a\x00b"),
    ("responsible_person", "王\x00磊"),
    ("contact", "0571\x1b88886666"),
])
def test_control_character_rejected(office: Office, field: str, text: str) -> None:
    package = office.package("control.mlrp", {field: text})
    before = table_rows(office.database)

    status, output = office.merge(package)

    assert status == MalformedEntryError.exit_code, output
    assert "控制字符" in output, output
    assert table_rows(office.database) == before


def test_tab_and_line_breaks_accepted(office: Office) -> None:
    package = office.package("breaks.mlrp", {"narrative": "第一行\r\n\t第二行"})

    status, output = office.merge(package)

    assert status == 0, output
