"""Draw the program icon with QPainter and write resources/icons/app.png and app.ico.

The picture is a Jiangnan house (白墙黛瓦 with stepped 马头墙 gables) under a red sun
on green hills: the Beautiful Towns programme at a glance, still legible at 16 pixels.

    python tools/make_icon.py

The ICO file contains one PNG-compressed image per size. Windows Vista and later read PNG
entries at every size, and PyInstaller copies the entries into the executable unchanged.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256

# The drawing uses a 100 x 100 design grid, scaled to each output size.
GRID = 100.0


def _draw_background(painter: QPainter) -> None:
    gradient = QLinearGradient(0, 0, 0, GRID)
    gradient.setColorAt(0.0, QColor("#5BB8E8"))
    gradient.setColorAt(1.0, QColor("#BEE6F5"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(2, 2, 96, 96), 18, 18)


def _draw_sun_and_hills(painter: QPainter) -> None:
    painter.setBrush(QColor("#E8452C"))
    painter.drawEllipse(QPointF(74, 24), 11, 11)

    hills = QPainterPath()
    hills.moveTo(2, 74)
    hills.cubicTo(25, 60, 45, 66, 60, 72)
    hills.cubicTo(75, 64, 88, 62, 98, 68)
    hills.lineTo(98, 80)
    hills.arcTo(QRectF(62, 62, 36, 36), 0, -90)
    hills.lineTo(20, 98)
    hills.arcTo(QRectF(2, 62, 36, 36), 270, -90)
    hills.closeSubpath()
    painter.setBrush(QColor("#2E9E5B"))
    painter.drawPath(hills)


def _gable_steps(left: float, right: float, base: float) -> list[tuple[float, float, float]]:
    """Return the 马头墙 steps as (x_start, x_end, top): the wall rises in three steps."""
    middle = (left + right) / 2
    step = (right - left) / 6
    return [
        (left, left + step, base - 8),
        (left + step, middle - step / 2, base - 14),
        (middle - step / 2, middle + step / 2, base - 20),
        (middle + step / 2, right - step, base - 14),
        (right - step, right, base - 8),
    ]


def _draw_house(painter: QPainter) -> None:
    left, right, wall_top = 22.0, 78.0, 52.0
    steps = _gable_steps(left, right, wall_top)

    painter.setBrush(QColor("#FFFFFF"))
    for x_start, x_end, top in steps:
        painter.drawRect(QRectF(x_start, top, x_end - x_start, wall_top - top + 1))
    painter.drawRect(QRectF(left, wall_top, right - left, 30))

    # Dark tile caps overhang each step of the gable and the eaves.
    painter.setBrush(QColor("#2F3B45"))
    for x_start, x_end, top in steps:
        painter.drawRect(QRectF(x_start - 1.5, top - 2, x_end - x_start + 3, 3.5))
    painter.drawRect(QRectF(left - 2, wall_top - 1, right - left + 4, 4))

    painter.setBrush(QColor("#3B2A20"))
    painter.drawRoundedRect(QRectF(44, 64, 12, 18), 5, 5)
    painter.setBrush(QColor("#2F3B45"))
    painter.drawRect(QRectF(29, 62, 8, 7))
    painter.drawRect(QRectF(63, 62, 8, 7))


def render(size: int) -> QImage:
    """Draw the icon at ``size`` x ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / GRID, size / GRID)
    _draw_background(painter)
    _draw_sun_and_hills(painter)
    _draw_house(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """Encode ``image`` as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """Pack PNG images into an ICO file: ICONDIR, one ICONDIRENTRY per image, then the data.

    A width or height of 256 is stored as 0, as the ICO format requires.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    entries = b""
    payload = b""
    offset = len(header) + 16 * len(images)
    for size, data in sorted(images.items()):
        stored = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", stored, stored, 0, 0, 1, 32, len(data),
                               offset + len(payload))
        payload += data
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    (ICON_DIR / "app.png").write_bytes(png_bytes(render(PNG_SIZE)))
    ico = ico_bytes({size: png_bytes(render(size)) for size in ICO_SIZES})
    (ICON_DIR / "app.ico").write_bytes(ico)
    print(f"wrote {ICON_DIR / 'app.png'} and {ICON_DIR / 'app.ico'} ({len(ico)} bytes)")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
