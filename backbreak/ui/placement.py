"""Where the prompt window goes: the placement rule in plain geometry, no widgets.

The rule: the prompt goes into the corner of the screen with the mouse pointer (where the
user is looking) that is nearest the tray icon, inside that screen's available area (panels
and docks left clear), a margin away from its edges. When the tray icon's place is unknown
(StatusNotifierItem hosts don't tell) or it is on another screen, the corner is
bottom-right. Every rectangle here is a window's *frame* (title bar and borders included):
the window manager places frames, so measuring the client area alone makes a window creep
by the frame's size each time it is placed again.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QPoint, QRect, QSize

Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
DEFAULT_CORNER: Corner = "bottom-right"


def nearest_corner(screen: QRect, tray_icon: QRect | None) -> Corner:
    """The corner of ``screen`` (its full geometry) nearest the tray icon's centre."""
    if tray_icon is None or not tray_icon.isValid() or not screen.contains(tray_icon.center()):
        return DEFAULT_CORNER
    centre = tray_icon.center()
    vertical = "top" if centre.y() < screen.center().y() else "bottom"
    horizontal = "left" if centre.x() < screen.center().x() else "right"
    corner: Corner = f"{vertical}-{horizontal}"  # type: ignore[assignment]
    return corner


def corner_origin(area: QRect, frame: QSize, corner: Corner, margin: int) -> QPoint:
    """Top-left of a frame of size ``frame`` tucked ``margin`` away from ``corner`` of
    ``area``; a frame too big for the area keeps its top-left edge inside it."""
    if corner.endswith("right"):
        x = area.x() + area.width() - frame.width() - margin
    else:
        x = area.x() + margin
    if corner.startswith("bottom"):
        y = area.y() + area.height() - frame.height() - margin
    else:
        y = area.y() + margin
    return QPoint(max(area.x(), x), max(area.y(), y))


def keep_corner(old: QRect, new_size: QSize, corner: Corner) -> QPoint:
    """Top-left for a frame resized from ``old`` to ``new_size`` with ``corner`` staying
    put, so new content grows away from the screen's edge instead of past it."""
    x = old.x() + old.width() - new_size.width() if corner.endswith("right") else old.x()
    y = old.y() + old.height() - new_size.height() if corner.startswith("bottom") else old.y()
    return QPoint(x, y)


def clamp_into(area: QRect, frame: QRect) -> QPoint:
    """Top-left that puts ``frame`` inside ``area`` with the least movement (its top-left
    edge wins when it is bigger than the area)."""
    x = min(frame.x(), area.x() + area.width() - frame.width())
    y = min(frame.y(), area.y() + area.height() - frame.height())
    return QPoint(max(area.x(), x), max(area.y(), y))
