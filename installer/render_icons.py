"""Render Beacon's SVG icon to the PNG sizes desktops ask for, into build/icons/ (a build step, not committed).

    python installer/render_icons.py [OUT]

Writes OUT/hicolor/<N>x<N>/apps/beacon.png for the freedesktop sizes, OUT/hicolor/scalable/apps/beacon.svg,
and OUT/beacon-256.png and OUT/beacon-1024.png for the Windows and macOS builds.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desktop" / "resources" / "icons" / "beacon.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    """One square PNG with a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def main(out: Path) -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {SOURCE}")
    for size in SIZES:
        render(renderer, size, out / "hicolor" / f"{size}x{size}" / "apps" / "beacon.png")
    scalable = out / "hicolor" / "scalable" / "apps" / "beacon.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    render(renderer, 256, out / "beacon-256.png")
    render(renderer, 1024, out / "beacon-1024.png")
    print(f"icons: {len(SIZES)} PNG sizes and the SVG in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))
