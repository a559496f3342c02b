"""User actions that print: a town's period report and the city summary, as PDF files.

Printing draws text, which needs a QGuiApplication; :func:`ensure_gui_application` makes one
for the command line, on Qt's offscreen platform when no display is available.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from meili_desktop.domain.units import UnitKind
from meili_desktop.reports.pdf import (
    PdfError,
    TownReport,
    city_summary_html,
    render_pdf,
    town_report_html,
)
from meili_desktop.services import reports
from meili_desktop.services.catalogue import active_catalogue
from meili_desktop.services.entries import find_period, reported_tasks
from meili_desktop.store import entries_repo, units_repo
from meili_desktop.store.datafolder import Store
from meili_desktop.store.fileio import write_bytes_atomically

logger = logging.getLogger(__name__)


def ensure_gui_application() -> QCoreApplication:
    """Return the running application, creating a QGuiApplication when there is none.

    On Linux without a display (no DISPLAY or WAYLAND_DISPLAY), the offscreen platform is
    chosen so that the command works over SSH and in scheduled jobs.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication([sys.argv[0] if sys.argv else "meili-desktop"])


def _require_gui_application(path: Path) -> None:
    """Raise instead of letting Qt abort the process when text is drawn without a GUI app."""
    app = ensure_gui_application()
    if not isinstance(app, QGuiApplication):
        logger.error("cannot print %s: the running application is not a QGuiApplication", path)
        raise PdfError("report.pdf_failed", path=str(path))


def _render(html_text: str, path: Path, landscape: bool) -> tuple[bytes, int]:
    try:
        return render_pdf(html_text, landscape)
    except PdfError as error:
        if error.code == "report.pdf_failed":
            raise PdfError("report.pdf_failed", path=str(path)) from error
        raise


def _most_common(values: list[str]) -> str:
    filled = [value for value in values if value]
    return Counter(filled).most_common(1)[0][0] if filled else ""


def town_report(store: Store, unit: str, period_code: str | None = None) -> TownReport:
    """Collect a town's period report: its tasks, entries, targets and responsible person."""
    catalogue = active_catalogue(store)
    code = period_code or reports.report_periods(store)[0]
    period = find_period(store, code)
    with store.session_factory() as session:
        town = units_repo.find_unit(session, unit, kinds=[UnitKind.TOWNSHIP])
        county = units_repo.get_unit(session, town.parent_id) if town.parent_id else None
        entries = entries_repo.list_entries(session, town.id, period.code)
        targets = entries_repo.target_values(session, town.id, period.code, period.year_code)
        city = reports.city_name(session)
    return TownReport(
        town_name=town.name, town_code=town.current_code or town.id,
        county_name=county.name if county is not None else "", period_code=period.code,
        catalogue_version=catalogue.version, city_name=city,
        tasks=reported_tasks(catalogue), entries=entries, targets=targets,
        responsible_person=_most_common([entry.responsible_person for entry in entries.values()]),
        contact=_most_common([entry.contact for entry in entries.values()]),
        generated_at=reports.local_now())


def print_town_report(store: Store, path: Path, unit: str,
                      period_code: str | None = None) -> int:
    """Write a town's period report as PDF; return the number of pages."""
    report = town_report(store, unit, period_code)
    _require_gui_application(path)
    data, pages = _render(town_report_html(report), path, landscape=False)
    write_bytes_atomically(path, data)
    logger.info("printed the report of %s for %s to %s (%d pages)", report.town_code,
                report.period_code, path, pages)
    return pages


def print_city_summary(store: Store, path: Path, period_code: str | None = None) -> int:
    """Write the city summary of a period as PDF in landscape; return the number of pages."""
    codes = reports.report_periods(store, [period_code] if period_code else [])
    document = reports.build_summary_document(store, codes, reports.ALL_GROUPINGS,
                                              include_details=False)
    _require_gui_application(path)
    data, pages = _render(city_summary_html(document), path, landscape=True)
    write_bytes_atomically(path, data)
    logger.info("printed the city summary of %s to %s (%d pages)", ",".join(codes), path,
                pages)
    return pages
