"""The tray icon: a ring that fills as the next break approaches.

Painted in code rather than shipped as files so that every progress step, the paused and
the "due" state exist at every panel size without a folder of PNGs. Drawn for 16 px first:
a thick ring, no text, colours picked per panel shade so it reads on dark and light panels.
Every size also comes at twice the pixels (@2x) so HiDPI panels get a crisp icon.

Two styles: "color", and "mono" for panels that expect single-colour icons: the macOS menu
bar (a template image: black plus transparency, recoloured by the system) and GNOME's top
bar (symbolic icons in the panel's text colour). Each state differs in shape, not only in
colour: paused has two bars, due a full ring with a large dot, idle a small dot.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

ICON_SIZES: tuple[int, ...] = (16, 22, 24, 32, 48, 64)
PIXEL_RATIOS: tuple[float, ...] = (1.0, 2.0)
"""Each size is drawn for ordinary and for double-density (HiDPI) screens."""

IconStyle = Literal["color", "mono"]

PROGRESS_STEPS = 16
"""The ring moves in sixteenths: small enough to see it fill, coarse enough that the icon
is re-rendered only every few minutes (the caller compares ``quantise()`` results)."""


@dataclass(frozen=True)
class _Palette:
    track: QColor
    """The empty part of the ring."""
    progress: QColor
    due: QColor
    mark: QColor
    """The pause bars and the idle dot: strongest contrast with the panel."""


# Each panel shade gets its own palette: a light-blue arc vanishes on a white panel and a
# dark-blue one on a black panel. The tracks are mid greys that show on either.
_DARK_PANEL = _Palette(
    track=QColor("#7d838c"),
    progress=QColor("#5cc8ff"),
    due=QColor("#ffb347"),
    mark=QColor("#f2f2f2"),
)
_LIGHT_PANEL = _Palette(
    track=QColor("#a3a9b1"),
    progress=QColor("#0b6fb8"),
    due=QColor("#d35400"),
    mark=QColor("#2b2b2b"),
)


@dataclass(frozen=True)
class TrayLook:
    """How the icon should look on this desktop."""

    style: IconStyle
    dark_panel: bool


def _is_gnome(env: Mapping[str, str]) -> bool:
    # "GNOME", "ubuntu:GNOME", "GNOME-Classic:GNOME"...
    return "gnome" in env.get("XDG_CURRENT_DESKTOP", "").lower()


def tray_look(platform: str, env: Mapping[str, str], scheme: Qt.ColorScheme) -> TrayLook:
    """Pick the icon style and panel shade from the platform, desktop and colour scheme.

    macOS: a template image (mono, drawn black; the menu bar recolours it). GNOME: mono in
    the panel's text colour; its top bar stays dark in the light style too. Elsewhere the
    colour icon, on a panel as dark as the colour scheme (unknown counts as dark: most
    Linux panels are dark whatever the window theme).
    """
    if platform == "darwin":
        return TrayLook("mono", dark_panel=False)
    if platform != "win32" and _is_gnome(env):
        return TrayLook("mono", dark_panel=True)
    return TrayLook("color", dark_panel=scheme != Qt.ColorScheme.Light)


def quantise(fraction_elapsed: float | None) -> int | None:
    """The displayed progress step, 0 to ``PROGRESS_STEPS``; None stays None."""
    if fraction_elapsed is None:
        return None
    clamped = min(1.0, max(0.0, fraction_elapsed))
    return math.floor(clamped * PROGRESS_STEPS)


def _mono_palette(dark_panel: bool) -> _Palette:
    """One ink: white on a dark panel, black on a light one (and for a macOS template)."""
    ink = QColor("#ffffff" if dark_panel else "#000000")
    track = QColor(ink)
    track.setAlphaF(0.35)  # the empty ring: the same ink, fainter
    return _Palette(track=track, progress=ink, due=ink, mark=ink)


def render_tray_icon(
    fraction_elapsed: float | None,
    paused: bool,
    size: int,
    dark_panel: bool,
    *,
    style: IconStyle = "color",
    ratio: float = 1.0,
) -> QPixmap:
    """One ``size`` × ``size`` pixmap (device-independent pixels; ``size × ratio`` real
    pixels for a screen with that device pixel ratio) with a transparent background.

    ``fraction_elapsed`` None (nothing counting, e.g. outside working hours) draws the bare
    ring with a small dot; 1.0 (break due) a full ring in the warm accent with a large dot;
    ``paused`` two bars.
    """
    if style == "mono":
        palette = _mono_palette(dark_panel)
    else:
        palette = _DARK_PANEL if dark_panel else _LIGHT_PANEL
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # ~1/5 of the icon: 3 px at 16 px, thick enough to survive panel down-scaling.
        ring_width = max(3.0, size * 0.19)
        inset = ring_width / 2 + size * 0.03
        ring = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
        step = quantise(fraction_elapsed)
        due = not paused and step == PROGRESS_STEPS
        _draw_ring(painter, ring, ring_width, palette.due if due else palette.track, 1.0)
        if paused:
            _draw_pause_bars(painter, size, palette.mark)
        elif step is None:
            _draw_centre_dot(painter, size, palette.mark)
        elif due:
            # Larger than the idle dot: "due" must not differ from "idle" by colour alone.
            _draw_centre_dot(painter, size, palette.due, 0.2)
        elif step > 0:
            _draw_ring(painter, ring, ring_width, palette.progress, step / PROGRESS_STEPS)
    finally:
        painter.end()
    return pixmap


def tray_icon(
    fraction_elapsed: float | None,
    paused: bool,
    dark_panel: bool,
    style: IconStyle = "color",
) -> QIcon:
    """The icon at every panel size in ``ICON_SIZES``, each also at @2x (the platform
    picks the best one for its panel and screen).

    A black mono icon is marked as a mask: macOS then uses it as a template image and
    draws it in the menu bar's own colour (light or dark, selected or not).
    """
    icon = QIcon()
    for size in ICON_SIZES:
        for ratio in PIXEL_RATIOS:
            icon.addPixmap(
                render_tray_icon(
                    fraction_elapsed, paused, size, dark_panel, style=style, ratio=ratio
                )
            )
    icon.setIsMask(style == "mono" and not dark_panel)
    return icon


def _draw_ring(
    painter: QPainter, ring: QRectF, width: float, colour: QColor, fraction: float
) -> None:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if fraction >= 1.0:
        painter.drawEllipse(ring)
        return
    # Qt angles are 1/16 degree, counter-clockwise from 3 o'clock: start at 12 o'clock and
    # go clockwise like a clock hand.
    painter.drawArc(ring, 90 * 16, -round(fraction * 360 * 16))


def _draw_pause_bars(painter: QPainter, size: int, colour: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    bar_width = max(1.5, size * 0.11)
    bar_height = size * 0.36
    gap = max(1.0, size * 0.07)
    top = (size - bar_height) / 2
    left = size / 2 - gap / 2 - bar_width
    painter.drawRect(QRectF(left, top, bar_width, bar_height))
    painter.drawRect(QRectF(size / 2 + gap / 2, top, bar_width, bar_height))


def _draw_centre_dot(painter: QPainter, size: int, colour: QColor, scale: float = 0.1) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    radius = max(1.5, size * scale)
    painter.drawEllipse(QPointF(size / 2, size / 2), radius, radius)
