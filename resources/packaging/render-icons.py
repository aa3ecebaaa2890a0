"""Render resources/icons/incident-log.svg into incident-log.png (256 px) and incident-log.ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/packaging/render-icons.py

Each .ico size is rendered from the SVG on its own (not scaled down from 256 px), so the small
sizes stay sharp. Needs PySide6 (QtSvg) and Pillow, both in the development environment.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - QSvgRenderer needs a running application
    renderer = QSvgRenderer(str(ICONS / "incident-log.svg"))
    if not renderer.isValid():
        print("incident-log.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in ICO_SIZES}
    images[256].save(ICONS / "incident-log.png", optimize=True)
    images[256].save(
        ICONS / "incident-log.ico",
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    print(f"wrote {ICONS / 'incident-log.png'} and {ICONS / 'incident-log.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
