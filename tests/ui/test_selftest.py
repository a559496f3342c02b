"""``--self-test`` in-process: every check passes on a working installation; failures are reported."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from meili_desktop import selftest
from meili_desktop.i18n import install_translators
from meili_desktop.selftest import Step, format_report, print_report, run_self_test, run_steps
from meili_desktop.selftest_checks import CheckFailed, SelfTestWork


@pytest.fixture
def restore_qt_state(qapp) -> Iterator[None]:
    """Undo what the self-test changes in this process: settings format and translators."""
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    install_translators(qapp, "en")


# The offscreen platform plugin cannot stack windows and says so when a window is shown.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_self_test_passes(restore_qt_state: None, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    parent = tmp_path / "自检 上级"

    status = run_self_test(["--data-dir", str(parent)])

    output = capsys.readouterr().out
    assert status == 0, output
    assert "自检通过。" in output
    assert "未通过" not in output
    assert list(parent.iterdir()) == []


def test_english_report(restore_qt_state: None, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "STEPS", (
        Step("files", "Program files", lambda work: "ok"),))

    status = run_self_test(["--data-dir", str(tmp_path), "--lang", "en"])

    output = capsys.readouterr().out
    assert status == 0
    assert "[passed] Program files (ok)" in output
    assert "Self-test passed." in output


def failing_check(work: SelfTestWork) -> str:
    raise CheckFailed("missing: resources/catalogue/catalogue-2020.json")


def crashing_check(work: SelfTestWork) -> str:
    raise KeyError("township")


def test_failed_step_skips_dependents(tmp_path: Path) -> None:
    steps = (
        Step("files", "Program files", failing_check),
        Step("database", "Database and migrations", lambda work: "0003"),
        Step("windows", "Main windows", lambda work: "drawn", ("files",)),
    )

    results = run_steps(SelfTestWork(tmp_path, "en"), steps)

    assert [result.passed for result in results] == [False, True, None]
    assert results[0].detail == "missing: resources/catalogue/catalogue-2020.json"


def test_crashing_step_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    results = run_steps(SelfTestWork(tmp_path, "en"), (Step("setup", "Setup", crashing_check),))

    assert results[0].passed is False
    assert results[0].detail == "KeyError('township')"
    assert "self-test step setup crashed" in caplog.text


def test_failure_report_names_log(qapp, tmp_path: Path) -> None:
    results = run_steps(SelfTestWork(tmp_path, "en"), (
        Step("files", "Program files", failing_check),
        Step("windows", "Main windows", lambda work: "drawn", ("files",))))
    log_file = tmp_path / "logs" / "meili_desktop.log"

    report = format_report(results, tmp_path, log_file)

    assert "[FAILED] Program files (missing:" in report
    assert "[not run] Main windows" in report
    assert "2 of 2 checks did not pass" in report
    assert str(log_file) in report


def test_self_test_failure_keeps_folder(restore_qt_state: None, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(selftest, "STEPS", (Step("files", "Program files", failing_check),))

    status = run_self_test(["--data-dir", str(tmp_path), "--lang", "en"])

    assert status == 1
    kept = list(tmp_path.glob("meili-selftest-*/自检 数据/logs/meili_desktop.log"))
    assert len(kept) == 1
    assert "missing: resources/catalogue" in kept[0].read_text(encoding="utf-8")
    assert str(kept[0]) in capsys.readouterr().out


def test_print_report_ascii_console(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", stream)

    print_report("自检通过。")
    stream.flush()

    assert raw.getvalue() == b"\\u81ea\\u68c0\\u901a\\u8fc7\\u3002\n"


def test_print_report_without_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)

    print_report("自检通过。")
