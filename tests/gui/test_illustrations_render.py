"""Every shipped illustration renders with QtSvg: valid, visible, and inside its frame.

The unit tests check the SVG text; this checks what the prompt window will actually get
from QSvgRenderer (which silently skips features it does not support).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

ILLUSTRATIONS = Path(__file__).resolve().parents[2] / "resources" / "illustrations"
FILES = sorted(ILLUSTRATIONS.glob("*.svg"))

CANVAS = 160
MARGIN = 30
"""Pixels of empty border around the target rect: anything drawn there spilled out."""


def _render(path: Path) -> QImage:
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid(), f"{path.name} is not a valid SVG for QtSvg"
    image = QImage(CANVAS, CANVAS, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    size = CANVAS - 2 * MARGIN
    renderer.render(painter, QRectF(MARGIN, MARGIN, size, size))
    painter.end()
    return image


def _alpha_rows(image: QImage) -> list[bytes]:
    """The alpha byte of every pixel, one bytes object per row (ARGB32 is B,G,R,A in memory
    on little-endian machines, which is every platform we ship for)."""
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    return [data[row * stride : row * stride + CANVAS * 4][3::4] for row in range(CANVAS)]


def test_there_are_illustrations() -> None:
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_renders_visible_pixels_inside_its_frame(qapp: QApplication, path: Path) -> None:
    rows = _alpha_rows(_render(path))
    inside = [row[MARGIN : CANVAS - MARGIN] for row in rows[MARGIN : CANVAS - MARGIN]]
    drawn = sum(1 for row in inside for alpha in row if alpha > 0)
    area = (CANVAS - 2 * MARGIN) ** 2
    assert drawn > area * 0.03, f"{path.name}: only {drawn} pixels drawn"

    # Tolerate one pixel of antialiasing at the frame's edge.
    spill_rows = rows[: MARGIN - 1] + rows[CANVAS - MARGIN + 1 :]
    spill_cols = [row[: MARGIN - 1] + row[CANVAS - MARGIN + 1 :] for row in rows]
    spilled = sum(1 for row in spill_rows + spill_cols for alpha in row if alpha > 0)
    assert spilled == 0, f"{path.name}: {spilled} pixels drawn outside the viewBox"
