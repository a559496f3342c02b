"""Status marks and shared formatting of the township window.

The marks are drawn rather than loaded from files, at two sizes, so that they stay sharp at
125 % and 150 % display scaling.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QPointF, QRectF, Qt, QTimeZone
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Entry, Status
from meili_desktop.domain.periods import Period, PeriodKind, PeriodState
from meili_desktop.domain.values import format_decimal

# Colours of the status marks. "Returned" wins over the status because the office requests
# a revision.
MARK_COLOURS = {
    None: QColor("#b0b0b0"),
    Status.NOT_STARTED: QColor("#8a8a8a"),
    Status.IN_PROGRESS: QColor("#e08a00"),
    Status.DONE: QColor("#2e8b57"),
    Status.NOT_APPLICABLE: QColor("#6a7fa0"),
    "returned": QColor("#c62828"),
}
_ICON_SIZES = (16, 32)
_icon_cache: dict[object, QIcon] = {}


def status_icon(status: Status | None, is_returned: bool = False) -> QIcon:
    """Return the mark of a task's state: hollow when never filled, a tick when done."""
    key = "returned" if is_returned else status
    if key not in _icon_cache:
        icon = QIcon()
        for size in _ICON_SIZES:
            icon.addPixmap(_draw_mark(key, size))
        _icon_cache[key] = icon
    return _icon_cache[key]


def _draw_mark(key: object, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = MARK_COLOURS[key]  # type: ignore[index]
    margin = size * 0.12
    circle = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    if key is None:
        painter.setPen(QPen(colour, max(1.0, size / 10)))
        painter.drawEllipse(circle)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(circle)
        painter.setPen(QPen(QColor("white"), max(1.5, size / 8)))
        if key is Status.DONE:
            painter.drawPolyline([QPointF(size * 0.3, size * 0.52),
                                  QPointF(size * 0.45, size * 0.67),
                                  QPointF(size * 0.72, size * 0.36)])
        elif key == "returned":
            painter.drawLine(QPointF(size / 2, size * 0.3), QPointF(size / 2, size * 0.56))
            painter.drawPoint(QPointF(size / 2, size * 0.7))
        elif key is Status.NOT_APPLICABLE:
            painter.drawLine(QPointF(size * 0.32, size / 2), QPointF(size * 0.68, size / 2))
    painter.end()
    return pixmap


def value_text(task: Task, value: Decimal | None) -> str:
    """Format a value with the task's unit: ``85%``, ``12 个``."""
    if value is None:
        return ""
    if task.measure is MeasureType.PERCENT:
        return f"{format_decimal(value)}%"
    return f"{format_decimal(value)} {task.unit}".strip()


def progress_percent(entry: Entry | None, target: Decimal | None) -> int | None:
    """Return the completion against the target in whole percent, or None without both."""
    if entry is None or entry.value is None or target is None or target <= 0:
        return None
    return int(entry.value * 100 / target)


def period_label(period: Period) -> str:
    """Return a period's name for the selector: 2021年第2季度, or 2021 Q2 in English.

    A period the office has locked is marked as such.
    """
    if period.kind is PeriodKind.YEAR:
        label = QCoreApplication.translate("Periods", "Year {year}").format(year=period.year)
    elif period.kind is PeriodKind.QUARTER:
        label = QCoreApplication.translate("Periods", "{year} Q{quarter}").format(
            year=period.year, quarter=period.code[-1])
    else:
        label = QCoreApplication.translate("Periods", "{year}-{month}").format(
            year=period.year, month=f"{period.start.month:02d}")
    if period.state is PeriodState.LOCKED:
        label = QCoreApplication.translate("Periods", "{period} (locked)").format(period=label)
    return label


def local_time_text(moment: datetime | None) -> str:
    """Format a naive UTC time from the database as local date and time."""
    if moment is None:
        return ""
    utc = QDateTime(moment.date(), moment.time(), QTimeZone.utc())
    return QLocale().toString(utc.toLocalTime(), "yyyy-MM-dd HH:mm")
