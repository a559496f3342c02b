"""``meili-desktop --self-test``: check an installation in a temporary folder, print the result.

The self-test creates a township and a city office data folder under a temporary folder whose
name has Chinese characters and spaces, and runs the migrations. It encrypts a payload with every
cipher suite, sets both folders up and enters a value with evidence. A distribution package goes
to the township and a report package back to the office, which merges it and writes its Excel
and PDF summaries. Then it renders both main windows off screen and takes the single-instance
lock. It prints one line per check in the chosen language
and returns 0 when all pass, 1 otherwise.

It changes where this process keeps QSettings (into the temporary folder), so it is meant to run
in a process of its own, which ``--self-test`` provides. On success the temporary folder is
deleted; on failure it is kept, and its path and log file are printed.

Options: ``--data-dir DIR`` creates the temporary folder inside DIR instead of the system's
temporary folder, and ``--lang`` chooses the language of the output.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from meili_desktop import __version__
from meili_desktop.errors import MeiliError
from meili_desktop.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from meili_desktop.logs import configure_logging, route_qt_messages
from meili_desktop.places import set_application_names
from meili_desktop.selftest_checks import (
    CheckFailed,
    SelfTestWork,
    check_bundled_files,
    check_cipher_suites,
    check_database,
    check_main_windows,
    check_package_round_trip,
    check_payload_round_trip,
    check_reports,
    check_setup_and_evidence,
    check_single_instance,
    check_translations,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Step:
    """One check: its key, its title for the output, and the steps it builds on."""

    key: str
    title: str
    check: Callable[[SelfTestWork], str]
    requires: tuple[str, ...] = ()


STEPS: tuple[Step, ...] = (
    Step("files", QT_TRANSLATE_NOOP("SelfTest", "Program files"), check_bundled_files),
    Step("translations", QT_TRANSLATE_NOOP("SelfTest", "Translations"), check_translations),
    Step("database", QT_TRANSLATE_NOOP("SelfTest", "Database and migrations"), check_database),
    Step("suites", QT_TRANSLATE_NOOP("SelfTest", "Cipher suites"), check_cipher_suites),
    Step("payload", QT_TRANSLATE_NOOP("SelfTest", "Encryption with every suite"),
         check_payload_round_trip, ("suites",)),
    Step("setup", QT_TRANSLATE_NOOP("SelfTest", "Setup, entry and evidence"),
         check_setup_and_evidence, ("database",)),
    Step("package", QT_TRANSLATE_NOOP("SelfTest", "Package round trip"),
         check_package_round_trip, ("setup", "suites")),
    Step("reports", QT_TRANSLATE_NOOP("SelfTest", "Excel and PDF reports"), check_reports,
         ("package",)),
    Step("windows", QT_TRANSLATE_NOOP("SelfTest", "Main windows"), check_main_windows,
         ("setup",)),
    Step("instance", QT_TRANSLATE_NOOP("SelfTest", "Single instance per data folder"),
         check_single_instance, ("database",)),
)


@dataclass(frozen=True)
class StepResult:
    """The outcome of one step; ``passed`` is None when a step it requires failed."""

    step: Step
    passed: bool | None
    detail: str


def parse_self_test_arguments(arguments: Sequence[str]) -> argparse.Namespace:
    """Parse the options the self-test uses; other options are ignored."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=DEFAULT_LANGUAGE)
    args, _unknown = parser.parse_known_args(list(arguments))
    return args


def has_display() -> bool:
    """Return whether a window system is reachable (always True on Windows and macOS)."""
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def prepare_application(work_root: Path) -> QApplication:
    """Return the QApplication, created off screen when there is no display.

    Settings go to ``work_root/settings`` so the self-test leaves the user's own untouched.

    Raises:
        RuntimeError: a QCoreApplication without widgets already exists in this process.
    """
    if QApplication.instance() is None and not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt's warnings (such as a non-UTF-8 locale) belong in the log, not in the printed report.
    route_qt_messages()
    set_application_names()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(work_root / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("the self-test needs a QApplication, but a QCoreApplication exists")
    return app


def run_steps(work: SelfTestWork, steps: Sequence[Step] = STEPS) -> list[StepResult]:
    """Run ``steps`` in order; a step whose requirement failed is not run."""
    results: list[StepResult] = []
    failed: set[str] = set()
    for step in steps:
        if failed.intersection(step.requires):
            failed.add(step.key)
            results.append(StepResult(step, None, ""))
            continue
        try:
            detail = step.check(work)
        except CheckFailed as error:
            logger.error("self-test step %s failed: %s", step.key, error)
            results.append(StepResult(step, False, str(error)))
        except MeiliError as error:
            from meili_desktop.messages import describe

            logger.error("self-test step %s failed: %s", step.key, error)
            results.append(StepResult(step, False, describe(error)))
        except Exception as error:  # a bug or a broken installation; the log has the traceback
            logger.exception("self-test step %s crashed", step.key)
            results.append(StepResult(step, False, repr(error)))
        else:
            logger.info("self-test step %s passed: %s", step.key, detail)
            results.append(StepResult(step, True, detail))
            continue
        failed.add(step.key)
    return results


def format_report(results: Sequence[StepResult], work_root: Path, log_file: Path | None) -> str:
    """Return the printed report: a title, one line per step and the verdict."""
    # The literal translate() calls let pyside6-lupdate extract each text with its context.
    translate = QCoreApplication.translate
    lines = [translate("SelfTest", "Self-test of Beautiful Towns Reporting {version}").format(
        version=__version__)]
    labels = {True: translate("SelfTest", "passed"), False: translate("SelfTest", "FAILED"),
              None: translate("SelfTest", "not run")}
    for result in results:
        line = f"  [{labels[result.passed]}] {translate('SelfTest', result.step.title)}"
        if result.detail:
            line += f" ({result.detail})"
        lines.append(line)
    failures = sum(1 for result in results if result.passed is not True)
    if failures == 0:
        lines.append(translate("SelfTest", "Self-test passed."))
    else:
        lines.append(translate(
            "SelfTest", "Self-test failed: {count} of {total} checks did not pass. The test "
            "folder {folder} was kept; its log is {log}.").format(
            count=failures, total=len(results), folder=str(work_root), log=str(log_file)))
    return "\n".join(lines)


def print_report(text: str) -> None:
    """Print ``text``, escaping what the console's encoding cannot show instead of failing."""
    stream = sys.stdout or _parent_console()
    if stream is None:  # a windowed build started without a console or redirection
        return
    encoding = stream.encoding or "utf-8"
    safe = text.encode(encoding, "backslashreplace").decode(encoding)
    print(safe, file=stream, flush=True)


def _parent_console() -> TextIO | None:
    """Return the console of the shell that started a windowed Windows build, if any.

    A windowed executable has no standard output unless it is redirected, so the report
    would vanish when the program is started from cmd.exe without redirection.
    """
    if sys.platform != "win32":
        return None
    import ctypes

    # NOTE: written against the Win32 documentation; CI runs only the Linux build.
    attach_parent_process = -1
    if not ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        return None
    try:
        # Python writes to a console file through WriteConsoleW, so Chinese text survives
        # whatever the console's code page is.
        return open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - kept open until exit
    except OSError:
        return None


def run_self_test(arguments: Sequence[str] = ()) -> int:
    """Run every check in a new temporary folder; print the result and return 0 or 1."""
    args = parse_self_test_arguments(arguments)
    parent = Path(args.data_dir) if args.data_dir else None
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    work_root = Path(tempfile.mkdtemp(prefix="meili-selftest-", dir=parent)) / "自检 数据"
    work_root.mkdir()
    log_file = configure_logging(work_root / "logs", to_stderr=False)
    logger.info("self-test of %s started in %s", __version__, work_root)

    work = SelfTestWork(work_root, args.lang)
    try:
        app = prepare_application(work_root)
        work.language = install_translators(app, args.lang)
        results = run_steps(work, STEPS)
    finally:
        work.close()
    passed = all(result.passed for result in results)
    logger.info("self-test %s", "passed" if passed else "failed")
    print_report(format_report(results, work_root, log_file))

    configure_logging(None, to_stderr=False)
    if passed:
        shutil.rmtree(work_root.parent, ignore_errors=True)
    return 0 if passed else 1
