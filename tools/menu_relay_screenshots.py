"""Render the menu, settings, About, county relay and Excel template screenshots.

Sets up a city office, a county office and three township laptops, and moves real packages
between them: one forwarded to the city, one with a returned entry, one waiting. The database
settings shots connect to the PostgreSQL server in MEILI_TEST_PG_URL (a scratch database is
created and dropped) and are skipped when it is unset.

Usage: QT_QPA_PLATFORM=offscreen python tools/menu_relay_screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QCoreApplication,
    QEventLoop,
    QSettings,
    QThreadPool,
    QTimer,
)
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget  # noqa: E402
from sqlalchemy import create_engine, make_url, text  # noqa: E402

from meili_desktop.exchange.errors import PendingSenderKeyError  # noqa: E402
from meili_desktop.i18n import install_translators  # noqa: E402
from meili_desktop.services import relay, relay_review  # noqa: E402
from meili_desktop.services.bundles import build_bundle  # noqa: E402
from meili_desktop.services.merge import merge  # noqa: E402
from meili_desktop.services.packages import export_report_package, read_incoming  # noqa: E402
from meili_desktop.services.review import current_actor  # noqa: E402
from meili_desktop.ui.workers import write_pool  # noqa: E402
from tests.services.package_chain import fill_entries, make_city, make_township  # noqa: E402
from tests.services.test_county_relay import (  # noqa: E402
    COUNTY_PASSPHRASE,
    approve_pending,
    enrol_county,
    make_county,
)

PERIOD = "2021Q2"
TOWNS = ("塘栖镇", "崇贤街道", "运河街道")


def settle(app: QApplication, milliseconds: int = 300) -> None:
    """Let background jobs finish and queued signals arrive."""
    for _round in range(3):
        write_pool().waitForDone(60000)
        QThreadPool.globalInstance().waitForDone(60000)
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        app.processEvents()


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def grab_with_menu(app: QApplication, window: QMainWindow, menu_name: str, path: Path) -> None:
    """Save the window with one of its menus drawn open below its title in the menu bar."""
    settle(app)
    picture = window.grab()
    menu = window.menuBar().findChild(QMenu, menu_name)
    assert menu is not None, menu_name
    action = menu.menuAction()
    corner = window.menuBar().actionGeometry(action).bottomLeft()
    origin = window.menuBar().mapTo(window, corner)
    menu.popup(window.mapToGlobal(origin))
    settle(app, 100)
    painter = QPainter(picture)
    painter.drawPixmap(origin, menu.grab())
    painter.end()
    menu.hide()
    picture.save(str(path))
    print(f"wrote {path}")


def county_with_packages(root: Path):  # noqa: ANN201 - the demo's stores
    """Return the city and a county holding one forwarded, one returned, one waiting package."""
    city = make_city(root)
    county, county_keys = make_county(city, root)
    enrol_county(city, county, county_keys, root)
    package_ids = []
    for town in TOWNS:
        township, unit_id = make_township(city, root, "临平区", town)
        fill_entries(township, unit_id, PERIOD)
        exported = export_report_package(township, root)
        township.dispose()
        try:
            read_incoming(county, exported.path, county_keys).discard()
        except PendingSenderKeyError as error:
            approve_pending(county, error)
        with read_incoming(county, exported.path, county_keys) as opened:
            relay.keep_original(county, opened.incoming.package_id, exported.path)
            merge(county, opened.incoming)
            package_ids.append(opened.incoming.package_id)
    build_bundle(county, county_keys, root / "已转报.mlcb", package_ids=package_ids[:1])
    packages = {package.package_id: package for package in
                relay_review.list_relay_packages(county)}
    held = packages[package_ids[1]]
    rows = relay_review.package_entries(county, held.ledger)
    relay_review.return_entries(county, rows[:1], "完成值与佐证材料不符，请核实后重新上报",
                                actor=current_actor())
    return city, county


def office_shots(app: QApplication, root: Path, output: Path) -> None:
    from meili_desktop.ui.about_dialog import AboutDialog
    from meili_desktop.ui.office.window import OfficeWindow

    city, county = county_with_packages(root)
    window = OfficeWindow(city.store)
    window.resize(1280, 720)
    window.show()
    grab_with_menu(app, window, "fileMenu", output / "office-menu.png")
    about = AboutDialog(city.store, window)
    about.show()
    grab(app, about, output / "office-about.png")
    about.close()
    window.close()

    county_window = OfficeWindow(county)
    county_window.key_session.unlock_with(COUNTY_PASSPHRASE)
    county_window.resize(1360, 820)
    county_window.show()
    page = county_window.show_page("relay_page")
    settle(app)
    for index, package in enumerate(page.packages):
        if package.forward_state == relay_review.HELD:
            page.table.selectRow(index)
    page.entries.comment.setPlainText("")
    grab(app, county_window, output / "county-relay.png")
    county_window.close()


def database_shots(app: QApplication, root: Path, output: Path) -> None:
    from meili_desktop.services.database_check import address_without_password
    from meili_desktop.ui.database_dialog import DatabaseSettingsDialog
    from meili_desktop.ui.settings import Settings

    base_url = os.environ.get("MEILI_TEST_PG_URL")
    if not base_url:
        print("MEILI_TEST_PG_URL is not set; skipping the database settings screenshots")
        return
    name = f"meili_demo_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base_url).set(database=name)
    try:
        dialog = DatabaseSettingsDialog(root / "office", Settings())
        dialog.server_button.setChecked(True)
        dialog.url_line.setText(address_without_password(url.render_as_string(False)))
        dialog.password_line.setText(url.password or "")
        dialog.show()
        dialog.start_test()
        grab(app, dialog, output / "office-database-settings.png")
        dialog.password_line.setText("wrong-password")
        dialog.start_test()
        grab(app, dialog, output / "office-database-error.png")
        dialog.close()
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def township_shots(app: QApplication, root: Path, output: Path) -> None:
    from openpyxl import load_workbook

    from meili_desktop.services.setup import setup_provisional_township
    from meili_desktop.services.templates import export_template
    from meili_desktop.store.datafolder import open_store
    from meili_desktop.ui.township.template_actions import TemplateProblemsDialog
    from meili_desktop.ui.township.window import TownshipWindow

    store = open_store(root / "township")
    setup_provisional_township(store, "临平区", "塘栖镇")
    window = TownshipWindow(store)
    window.resize(1280, 760)
    window.show()
    window.set_period(PERIOD)
    grab_with_menu(app, window, "fileMenu", output / "township-file-menu.png")

    template = root / "填报模板.xlsx"
    export_template(store, template, window.state.unit_id, PERIOD)
    workbook = load_workbook(template)
    sheet = workbook.worksheets[0]
    sheet["I7"] = "八十五"  # task 13, a percentage
    sheet["H13"] = "差不多了"  # task 19's status
    sheet["H22"] = "完成了"  # task 28's status
    workbook.save(template)
    # The problem list is a modal dialog; keep it instead of blocking, to render it.
    shown: list[TemplateProblemsDialog] = []
    TemplateProblemsDialog.exec = lambda dialog: shown.append(dialog) or 0  # type: ignore[method-assign]
    window.template_actions.import_template(template)
    settle(app)
    dialog = shown[0]
    dialog.show()
    grab(app, dialog, output / "township-template-problems.png")
    window.close()
    store.dispose()


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        QCoreApplication.setOrganizationName("MeiliScreenshots")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(root / "settings"))
        install_translators(app, "zh_CN")
        office_shots(app, root / "office", output)
        database_shots(app, root / "database", output)
        township_shots(app, root / "township", output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
