"""The prompt's placement rule, in plain geometry (frames, screens, the tray icon)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize

from backbreak.ui.placement import (
    Corner,
    clamp_into,
    corner_origin,
    keep_corner,
    nearest_corner,
)

SCREEN = QRect(0, 0, 1920, 1080)


@pytest.mark.parametrize(
    ("icon", "corner"),
    [
        (QRect(1880, 0, 24, 24), "top-right"),  # a top panel, tray at the right
        (QRect(1880, 1056, 24, 24), "bottom-right"),  # Windows, KDE
        (QRect(10, 1056, 24, 24), "bottom-left"),
        (QRect(10, 0, 24, 24), "top-left"),
        (None, "bottom-right"),  # a StatusNotifierItem host tells nobody where it is
        (QRect(), "bottom-right"),
        (QRect(2000, 0, 24, 24), "bottom-right"),  # on another screen
    ],
)
def test_the_corner_nearest_the_tray(icon: QRect | None, corner: Corner) -> None:
    assert nearest_corner(SCREEN, icon) == corner


def test_corner_origin_leaves_the_margin_inside_the_area() -> None:
    area = QRect(0, 30, 1920, 1050)  # a 30 px top panel left out
    frame = QSize(400, 500)
    assert corner_origin(area, frame, "top-right", 24) == QPoint(1920 - 400 - 24, 30 + 24)
    assert corner_origin(area, frame, "bottom-left", 24) == QPoint(24, 1080 - 500 - 24)


def test_a_frame_too_big_for_the_area_keeps_its_top_left_inside() -> None:
    area = QRect(100, 50, 300, 200)
    assert corner_origin(area, QSize(400, 500), "bottom-right", 24) == QPoint(100, 50)


def test_keep_corner_grows_away_from_the_corner() -> None:
    old = QRect(1000, 500, 400, 300)
    assert keep_corner(old, QSize(400, 380), "bottom-right") == QPoint(1000, 420)
    assert keep_corner(old, QSize(400, 380), "top-left") == QPoint(1000, 500)
    assert keep_corner(old, QSize(420, 380), "top-right") == QPoint(980, 500)


def test_clamp_into_moves_the_least() -> None:
    area = QRect(0, 0, 1280, 776)
    assert clamp_into(area, QRect(1240, 300, 406, 500)) == QPoint(1280 - 406, 276)
    assert clamp_into(area, QRect(10, 10, 100, 100)) == QPoint(10, 10)
    assert clamp_into(area, QRect(-50, -20, 100, 100)) == QPoint(0, 0)
