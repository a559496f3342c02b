"""GUI startup: logging, QApplication, translators, the data folder and the main window.

An office window appears before its data folder is open, which then opens off the GUI
thread (see :mod:`meili_desktop.ui.startup`). Other starts open the data folder first. The
database libraries are therefore imported inside functions, after the window is shown.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from meili_desktop.errors import MeiliError
from meili_desktop.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, install_translators
from meili_desktop.logs import configure_logging, route_qt_messages, start_log_rotation
from meili_desktop.paths import resource_path
from meili_desktop.places import default_data_dir, set_application_names
from meili_desktop.single_instance import SingleInstance
from meili_desktop.ui.activation import attach_main_window, claim_data_folder, open_package_files
from meili_desktop.ui.crash import install_crash_reporter
from meili_desktop.ui.startup import OFFICE_ROLES, DataFolderOpener, peek_role

if TYPE_CHECKING:
    from meili_desktop.store.datafolder import Store

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
    from meili_desktop.services.identity import Role, load_identity

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


def run_gui(arguments: Sequence[str]) -> int:
    """Start the window; return the exit status."""
    args = parse_gui_arguments(arguments)
    app = create_application(args.lang)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    # The rotating log handler replaces the plain one when the data folder is opened.
    log_file = configure_logging(data_dir / "logs", defer_rotation=True)
    route_qt_messages()
    install_crash_reporter(log_file)
    app.setWindowIcon(QIcon(str(resource_path("icons", "app.png"))))
    logger.info("starting with data folder %s", data_dir)
    files = [Path(name) for name in args.files]

    try:
        instance = claim_data_folder(data_dir, files)
    except MeiliError as error:
        show_open_error(error)
        return error.exit_code
    if instance is None:
        return 0
    try:
        should_start, database_url = choose_database(data_dir, args.database_url)
    except MeiliError as error:
        show_open_error(error)
        instance.release()
        return error.exit_code
    if not should_start:
        instance.release()
        return 0
    if peek_role(data_dir, database_url) in OFFICE_ROLES:
        status = run_office_window(app, data_dir, database_url, files, instance, log_file)
    else:
        status = run_window_after_opening(app, data_dir, database_url, files, instance)
    instance.release()
    logger.info("stopped with status %d; log file %s", status, log_file)
    return status


def choose_database(data_dir: Path, command_line_url: str | None) -> tuple[bool, str | None]:
    """Return whether to start, and the database URL: ``--database-url``, else the saved one.

    None stands for the data folder's own SQLite file. A database server is checked first,
    and a failed saved setting can be corrected before the start.

    Raises:
        MeiliError: the database given with ``--database-url`` cannot be used.
    """
    from meili_desktop.ui.settings import Settings

    settings = Settings()
    if not command_line_url and not settings.database_url(data_dir):
        return True, None  # the usual case, without importing the database libraries
    from meili_desktop.ui.database_startup import start_database_url

    return start_database_url(data_dir, command_line_url, settings)


def run_office_window(app: QApplication, data_dir: Path, database_url: str | None,
                      files: list[Path], instance: SingleInstance,
                      log_file: Path | None) -> int:
    """Show the office window at once and open the data folder behind it; run the loop."""
    from meili_desktop.ui.office.window import OfficeWindow
    from meili_desktop.ui.workers import wait_for_pools

    window = OfficeWindow(None)
    opener = DataFolderOpener(window, data_dir, database_url, log_file)
    window.show()
    attach_main_window(window, instance)
    # The window keeps files that arrive before its store and opens them once it has one.
    open_package_files(window, files)
    opener.start()
    status = app.exec()
    wait_for_pools()
    opener.dispose_store()
    return status


def run_window_after_opening(app: QApplication, data_dir: Path, database_url: str | None,
                             files: list[Path], instance: SingleInstance) -> int:
    """Open the data folder, then build and show the window of its role; run the loop.

    This is the start of a new data folder (whose first-run dialog needs the store), of a
    township and of a database server.
    """
    from meili_desktop.exchange.suites import run_self_tests
    from meili_desktop.services.backups import make_daily_backup_if_due
    from meili_desktop.services.bundle_cleanup import clean_bundle_folders_on_open
    from meili_desktop.store.datafolder import open_store
    from meili_desktop.ui.open_failure import offer_recovery
    from meili_desktop.ui.startup import show_disabled_suites

    start_log_rotation()
    while True:
        try:
            store = open_store(data_dir, database_url)
            break
        except MeiliError as error:
            if not offer_recovery(error, data_dir, database_url):
                return error.exit_code
    make_daily_backup_if_due(store)
    clean_bundle_folders_on_open(store)
    show_disabled_suites({suite: reason for suite, reason in run_self_tests().items()
                          if reason})

    window = build_main_window(store)
    if window is None:
        store.dispose()
        return 0
    window.show()
    attach_main_window(window, instance)
    open_package_files(window, files)
    status = app.exec()
    store.dispose()
    return status


def show_open_error(error: MeiliError) -> None:
    """Tell the user in a dialog why the data folder cannot be opened."""
    from meili_desktop.messages import describe

    QMessageBox.critical(None, QApplication.translate("App", "Cannot open the data folder"),
                         describe(error))
