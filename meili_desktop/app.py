"""GUI startup: logging, QApplication, translators, the data folder and the main window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from meili_desktop.logs import configure_logging, route_qt_messages
from meili_desktop.paths import resource_path
from meili_desktop.places import default_data_dir, set_application_names
from meili_desktop.services.backups import make_daily_backup_if_due
from meili_desktop.services.identity import Role, load_identity
from meili_desktop.store.datafolder import Store, open_store
from meili_desktop.ui.activation import attach_main_window, claim_data_folder, open_package_files
from meili_desktop.ui.crash import install_crash_reporter

logger = logging.getLogger(__name__)


def parse_gui_arguments(arguments: Sequence[str]) -> argparse.Namespace:
    """Parse the options the window accepts: the global ones and package files to open."""
    parser = argparse.ArgumentParser(prog="meili-desktop", add_help=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--database-url")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=None)
    parser.add_argument("files", nargs="*")
    args, _unknown = parser.parse_known_args(list(arguments))
    return args


def create_application(language: str | None) -> QApplication:
    """Create the QApplication with names, translators and the zh_CN locale set."""
    set_application_names()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from meili_desktop.ui.settings import LANGUAGE, Settings

    chosen = language or Settings().get(LANGUAGE) or DEFAULT_LANGUAGE
    install_translators(app, chosen)
    app.setApplicationDisplayName(app.translate("App", "Beautiful Towns Reporting"))
    return app


def build_main_window(store: Store) -> QWidget | None:
    """Return the main window for the installation's role, running first-run setup if needed.

    Returns None when the user closes the first-run dialog without choosing.
    """
    identity = load_identity(store)
    if identity is None:
        from meili_desktop.ui.first_run import run_first_run

        identity = run_first_run(store)
        if identity is None:
            return None
    if identity.role is Role.TOWNSHIP:
        from meili_desktop.ui.township.window import TownshipWindow

        return TownshipWindow(store)
    from meili_desktop.ui.office.window import OfficeWindow

    return OfficeWindow(store)


def warn_about_disabled_suites() -> None:
    """Run the cipher suites' known-answer tests; name any suite that failed in a dialog.

    A failed suite stays disabled: packages of that suite are refused, never handled by
    another suite.
    """
    from meili_desktop.exchange.suites import run_self_tests

    failures = {suite: reason for suite, reason in run_self_tests().items() if reason}
    for suite, reason in failures.items():
        logger.error("cipher suite %s disabled: %s", suite, reason)
        QMessageBox.warning(None, QApplication.translate("App", "Encryption self-test failed"),
                            QApplication.translate(
                                "App", "The encryption suite {suite} failed its self-test and "
                                "is disabled: packages that use it cannot be written or read "
                                "on this computer. Reinstall the program; if the problem "
                                "remains, send the log file to support.").format(suite=suite))


def run_gui(arguments: Sequence[str]) -> int:
    """Start the window; return the exit status."""
    args = parse_gui_arguments(arguments)
    app = create_application(args.lang)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    log_file = configure_logging(data_dir / "logs")
    route_qt_messages()
    install_crash_reporter(log_file)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    logger.info("starting with data folder %s", data_dir)

    try:
        instance = claim_data_folder(data_dir, [Path(name) for name in args.files])
        if instance is None:
            return 0
        store = open_store(data_dir, args.database_url)
    except MeiliError as error:
        from meili_desktop.messages import describe

        QMessageBox.critical(None, app.translate("App", "Cannot open the data folder"),
                             describe(error))
        return error.exit_code
    make_daily_backup_if_due(store)
    warn_about_disabled_suites()

    window = build_main_window(store)
    if window is None:
        store.dispose()
        return 0
    window.show()
    attach_main_window(window, instance)
    open_package_files(window, [Path(name) for name in args.files])
    status = app.exec()
    instance.release()
    store.dispose()
    logger.info("stopped with status %d; log file %s", status, log_file)
    return status
