"""Printed reports as PDF: a town's period report and the city summary.

The layout is HTML in a QTextDocument, paginated by hand onto a QPdfWriter so that every
page gets a footer with its number. Qt embeds the glyphs of the fonts used as a subset, so the
PDF shows the Chinese text on machines without the font. A QGuiApplication must exist.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.domain.summary import Grouping, SummaryRow
from meili_desktop.errors import MeiliError
from meili_desktop.reports.labels import (
    grouping_key_label,
    grouping_sheet_name,
    status_label,
    tr,
    translate,
)
from meili_desktop.reports.summary_document import SummaryDocument

logger = logging.getLogger(__name__)

# Families tried first, in order; any other family with Simplified Chinese glyphs follows.
PREFERRED_FAMILIES = ("Microsoft YaHei", "微软雅黑", "SimSun", "宋体", "Noto Sans CJK SC",
                      "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC")
BODY_POINT_SIZE = 10
FOOTER_MM = 8
RESOLUTION_DPI = 300

TASK_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "No."), QT_TRANSLATE_NOOP("Reports", "Key task"),
    QT_TRANSLATE_NOOP("Reports", "Status"), QT_TRANSLATE_NOOP("Reports", "Target"),
    QT_TRANSLATE_NOOP("Reports", "Actual"), QT_TRANSLATE_NOOP("Reports", "Progress narrative"),
    QT_TRANSLATE_NOOP("Reports", "Responsible person"),
)
GROUP_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "Expected"), QT_TRANSLATE_NOOP("Reports", "Reported"),
    QT_TRANSLATE_NOOP("Reports", "Missing"), QT_TRANSLATE_NOOP("Reports", "Done"),
    QT_TRANSLATE_NOOP("Reports", "With target"), QT_TRANSLATE_NOOP("Reports", "Meeting target"),
    QT_TRANSLATE_NOOP("Reports", "Attainment"),
    QT_TRANSLATE_NOOP("Reports", "Change since previous period"),
)
TASK_SUMMARY_HEADERS = (
    QT_TRANSLATE_NOOP("Reports", "No."), QT_TRANSLATE_NOOP("Reports", "Key task"),
    QT_TRANSLATE_NOOP("Reports", "Lead unit"), QT_TRANSLATE_NOOP("Reports", "Reported"),
    QT_TRANSLATE_NOOP("Reports", "Missing"), QT_TRANSLATE_NOOP("Reports", "Actual"),
    QT_TRANSLATE_NOOP("Reports", "Target"), QT_TRANSLATE_NOOP("Reports", "Completion rate"),
    QT_TRANSLATE_NOOP("Reports", "Attainment"),
)


class PdfError(MeiliError):
    """A PDF cannot be produced; codes ``report.no_font`` and ``report.pdf_failed``."""

    code = "report.pdf_failed"
    exit_code = 5


@dataclass(frozen=True)
class TownReport:
    """What a town's period report prints."""

    town_name: str
    town_code: str
    county_name: str
    period_code: str
    catalogue_version: str
    city_name: str
    tasks: Sequence[Task]
    entries: Mapping[int, Entry]
    targets: Mapping[int, Decimal]
    responsible_person: str
    contact: str
    generated_at: datetime


def chinese_font_family() -> str:
    """Return an installed font family that has Simplified Chinese glyphs.

    Raises:
        PdfError: ``report.no_font`` when no such family is installed.
    """
    available = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for family in PREFERRED_FAMILIES:
        if family in available:
            return family
    if available:
        return available[0]
    raise PdfError("report.no_font")


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    return format(value.normalize(), "f")


def _with_unit(value: Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    separator = "" if unit in ("", "%") else " "
    return f"{_number(value)}{separator}{unit}"


def _share(value: Decimal | None, signed: bool = False) -> str:
    if value is None:
        return ""
    return f"{value * 100:+.1f}%" if signed else f"{value * 100:.1f}%"


def _cell(value: object) -> str:
    return f"<td>{html.escape(str(value))}</td>"


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]],
           widths: Sequence[int] | None = None) -> str:
    head = "".join(
        f'<th width="{widths[index]}%">{html.escape(text)}</th>' if widths else
        f"<th>{html.escape(text)}</th>" for index, text in enumerate(headers))
    body = "".join("<tr>" + "".join(_cell(value) for value in row) + "</tr>" for row in rows)
    return ('<table width="100%" border="1" cellspacing="0" cellpadding="3" '
            'style="border-collapse: collapse; border-color: #808080;">'
            f'<thead><tr style="background-color: #DDEBF7;">{head}</tr></thead>{body}</table>')


_STYLE = """<style>
h1 { font-size: 22pt; text-align: center; }
h2 { font-size: 14pt; margin-top: 12px; }
th { font-weight: bold; text-align: center; }
td { vertical-align: top; }
.cover td { font-size: 14pt; padding: 8px; }
</style>"""


def town_report_html(report: TownReport) -> str:
    """Return the HTML of a town's period report: a cover sheet, then every task."""
    cover_rows = [
        (translate("Reports", "Reporting unit"),
         f"{report.county_name}{report.town_name}（{report.town_code}）"),
        (translate("Reports", "Reporting period"), report.period_code),
        (translate("Reports", "Responsible person"), report.responsible_person),
        (translate("Reports", "Contact"), report.contact),
        (translate("Reports", "Catalogue version"), report.catalogue_version),
        (translate("Reports", "Printed"), report.generated_at.strftime("%Y-%m-%d %H:%M")),
    ]
    cover = "".join(f"<tr><td width='30%'><b>{html.escape(label)}</b></td>"
                    f"<td>{html.escape(value)}</td></tr>" for label, value in cover_rows)
    signature = translate("Reports", "Head of unit (signature):")
    seal = translate("Reports", "(Seal)")
    date_line = translate("Reports", "Date:")
    programme = translate("Reports", "Beautiful Towns programme")
    heading = translate("Reports", "Key task progress report")
    tasks_heading = translate("Reports", "Key tasks")
    parts = [
        _STYLE,
        "<p>&nbsp;</p><p>&nbsp;</p>",
        f"<h1>{html.escape(report.city_name)}{html.escape(programme)}</h1>",
        f"<h1>{html.escape(heading)}</h1>",
        "<p>&nbsp;</p>",
        f"<table class='cover' width='80%' align='center' cellpadding='8'>{cover}</table>",
        "<p>&nbsp;</p><p>&nbsp;</p>",
        "<table width='80%' align='center' border='1' cellspacing='0' cellpadding='12' "
        "style='border-collapse: collapse;'>",
        f"<tr><td height='160' width='55%' style='font-size: 13pt;'>{html.escape(signature)}"
        f"{'<br/>' * 8}{html.escape(date_line)}</td>",
        f"<td height='160' align='right' valign='bottom' style='font-size: 13pt; "
        f"color: #808080;'>{'<br/>' * 8}{html.escape(seal)}</td></tr></table>",
        f"<h2 style='page-break-before: always;'>{html.escape(tasks_heading)}</h2>",
        _task_table(report),
    ]
    return "".join(parts)


def _task_table(report: TownReport) -> str:
    headers = [tr(text) for text in TASK_HEADERS]
    rows: list[list[object]] = []
    for task in report.tasks:
        entry = report.entries.get(task.number)
        unit = "%" if task.measure is MeasureType.PERCENT else task.unit
        target = report.targets.get(task.number)
        target_text = _with_unit(target, unit)
        if entry is None:
            rows.append([task.number, task.title, translate("Reports", "Not reported"),
                         target_text, "", "", ""])
            continue
        actual = _with_unit(entry.value, unit)
        rows.append([task.number, task.title, status_label(entry.status), target_text, actual,
                     entry.narrative, entry.responsible_person])
    return _table(headers, rows, [5, 25, 8, 9, 9, 34, 10])


def city_summary_html(document: SummaryDocument) -> str:
    """Return the HTML of the city summary: by county, by lead unit and by task."""
    parts = [_STYLE]
    for period in document.periods:
        title = translate("Reports", "Beautiful Towns key tasks: summary")
        parts.append(f"<h1>{html.escape(document.city_name)}{html.escape(title)}</h1>")
        subtitle = translate("Reports", "Period {period}; catalogue {version}; printed {time}")
        subtitle = subtitle.format(period=period.period_code,
                                   version=document.catalogue_version,
                                   time=document.generated_at.strftime("%Y-%m-%d %H:%M"))
        parts.append(f"<p align='center'>{html.escape(subtitle)}</p>")
        for grouping in (Grouping.COUNTY, Grouping.LEAD_UNIT):
            rows = period.rows.get(grouping, ())
            if rows:
                parts.append(f"<h2>{html.escape(grouping_sheet_name(grouping))}</h2>")
                parts.append(_group_table(grouping, rows))
        task_rows = period.rows.get(Grouping.TASK, ())
        if task_rows:
            parts.append(f"<h2>{html.escape(grouping_sheet_name(Grouping.TASK))}</h2>")
            parts.append(_task_summary_table(document, task_rows))
    return "".join(parts)


def _group_table(grouping: Grouping, rows: Sequence[SummaryRow]) -> str:
    headers = [grouping_key_label(grouping)] + [tr(text) for text in GROUP_HEADERS]
    body = [[row.label, row.expected, row.reported, row.missing, row.status_counts.get(
        Status.DONE, 0), row.with_target, row.meeting_target, _share(row.attainment),
        _share(row.change, signed=True)] for row in rows]
    return _table(headers, body)


def _task_summary_table(document: SummaryDocument, rows: Sequence[SummaryRow]) -> str:
    headers = [tr(text) for text in TASK_SUMMARY_HEADERS]
    body = [[row.key, row.label, row.parent_label, row.reported, row.missing,
             _number(row.actual), _number(row.target), _share(row.completion),
             _share(row.attainment)] for row in rows]
    return _table(headers, body, [5, 33, 12, 7, 7, 9, 9, 9, 9])


def render_pdf(html_text: str, landscape: bool = False) -> tuple[bytes, int]:
    """Lay out HTML on A4 pages with numbered footers and return the PDF and its page count.

    Raises:
        PdfError: no Chinese font is installed, or Qt could not produce the PDF.
    """
    family = chinese_font_family()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                              else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    writer.setCreator("meili-desktop")

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(QFont(family, BODY_POINT_SIZE))
    document.setHtml(html_text)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = FOOTER_MM / 25.4 * writer.resolution()
    body_height = page.height() - footer
    document.setPageSize(QSizeF(page.width(), body_height))
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise PdfError("report.pdf_failed", path="")
    painter.setFont(QFont(family, 8))
    footer_text = translate("Reports", "Page {page} of {pages}")
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * body_height)
        document.drawContents(painter, QRectF(0, index * body_height, page.width(),
                                              body_height))
        painter.restore()
        painter.drawText(QRectF(0, body_height, page.width(), footer),
                         int(Qt.AlignmentFlag.AlignCenter),
                         footer_text.format(page=index + 1, pages=pages))
    painter.end()
    data = QByteArray(buffer.data()).data()
    buffer.close()
    return bytes(data), pages
