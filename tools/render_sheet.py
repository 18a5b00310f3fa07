"""Render every catalog illustration into one PNG contact sheet, to look at them together.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/render_sheet.py sheet.png [--cell 160] [GLOB]

The sheet is a grid with each file's id under its picture; the left half of every cell row
is drawn on a light background and the right half repeats it on a dark one, so a figure
that disappears on either theme shows up at a glance. It uses QSvgRenderer, the same
renderer the app uses, so what you see is what the prompt window will show.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ILLUSTRATIONS = Path(__file__).resolve().parent.parent / "resources" / "illustrations"
LIGHT = QColor("#f7f7f5")
DARK = QColor("#23262b")
LABEL_HEIGHT = 18


def render_sheet(files: list[Path], out: Path, cell: int, columns: int) -> list[str]:
    """Draw the sheet and save it; returns the names of files Qt could not render."""
    rows = math.ceil(len(files) / columns)
    half_w = columns * cell
    image = QImage(half_w * 2, rows * (cell + LABEL_HEIGHT), QImage.Format.Format_ARGB32)
    image.fill(LIGHT)
    broken: list[str] = []
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(half_w, 0, half_w, image.height(), DARK)
    font = QFont()
    font.setPixelSize(11)
    painter.setFont(font)
    for index, path in enumerate(files):
        renderer = QSvgRenderer(str(path))
        col, row = index % columns, index // columns
        y = row * (cell + LABEL_HEIGHT)
        for offset, ink in ((0, QColor("#333333")), (half_w, QColor("#dddddd"))):
            x = offset + col * cell
            if renderer.isValid():
                renderer.render(painter, QRectF(x + 4, y + 4, cell - 8, cell - 8))
            elif offset == 0:
                broken.append(path.name)
            painter.setPen(ink)
            painter.drawText(
                QRectF(x, y + cell - 4, cell, LABEL_HEIGHT),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                path.stem,
            )
    painter.end()
    image.save(str(out))
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("pattern", nargs="?", default="*.svg", help="file glob (*.svg)")
    parser.add_argument("--cell", type=int, default=160, help="cell size in pixels")
    parser.add_argument("--columns", type=int, default=6)
    args = parser.parse_args(argv)
    files = sorted(ILLUSTRATIONS.glob(args.pattern))
    if not files:
        print(f"no illustrations match {args.pattern!r} in {ILLUSTRATIONS}", file=sys.stderr)
        return 1
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    broken = render_sheet(files, args.out, args.cell, args.columns)
    print(f"{len(files)} illustrations -> {args.out}")
    if broken:
        print("could not render: " + ", ".join(broken), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
