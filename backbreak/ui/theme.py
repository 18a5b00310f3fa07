"""Colours taken from the current palette, so light and dark themes (and a live switch
between them) look right without a style sheet.

Style sheets were the first way: fixed hex colours (a pale yellow box stays pale yellow in
a dark theme) and a widget with a style sheet no longer follows the system font when it
changes. The labels here paint their box themselves and read the palette on every paint.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from backbreak.ui.plain_text import PlainLabel

NoticeKind = Literal["caution", "info"]

CAUTION_ACCENT_LIGHT = QColor("#b07800")
"""The caution bar on a light window: dark enough to see on white."""
CAUTION_ACCENT_DARK = QColor("#e8b13a")
ERROR_TEXT_LIGHT = QColor("#b3261e")
ERROR_TEXT_DARK = QColor("#ff8a80")
"""A light red: the light theme's dark red is unreadable on a dark window."""
MUTED_CONTRAST = 5.0
"""What muted text aims for: AA with a margin for rounding and odd themes."""


def is_dark(palette: QPalette) -> bool:
    """True when the window background is dark (the theme is a dark one)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def mix(base: QColor, tint: QColor, amount: float) -> QColor:
    """``base`` moved ``amount`` (0..1) of the way towards ``tint``."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        base.redF() * keep + tint.redF() * amount,
        base.greenF() * keep + tint.greenF() * amount,
        base.blueF() * keep + tint.blueF() * amount,
    )


def notice_colours(palette: QPalette, kind: NoticeKind) -> tuple[QColor, QColor]:
    """(background, accent bar) for a notice box in this palette; the text keeps the
    palette's window text colour, which reads on a background this close to the window."""
    window = palette.color(QPalette.ColorRole.Window)
    dark = is_dark(palette)
    if kind == "caution":
        accent = CAUTION_ACCENT_DARK if dark else CAUTION_ACCENT_LIGHT
        return mix(window, accent, 0.22 if dark else 0.16), accent
    accent = palette.color(QPalette.ColorRole.Highlight)
    return mix(window, accent, 0.3 if dark else 0.18), accent


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return float(((channel + 0.055) / 1.055) ** 2.4)

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 (same) to 21 (black on white); order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def muted_text_colour(palette: QPalette) -> QColor:
    """Window text faded towards the window colour, but only as far as it keeps
    ``MUTED_CONTRAST`` against the window: a side note that still reads in any theme.

    The palette's own greys are no help: disabled text is meant to look unusable (about
    1.6:1 in Fusion's light palette, often worse in dark themes) and the placeholder
    colour varies from black to barely visible between styles.
    """
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    for step in range(25, 0, -1):  # fade at most half-way, in 2 % steps
        candidate = mix(text, window, step * 0.02)
        if contrast_ratio(candidate, window) >= MUTED_CONTRAST:
            return candidate
    return QColor(text)  # a theme with little contrast to spare: don't take any away


def error_text_colour(palette: QPalette) -> QColor:
    return ERROR_TEXT_DARK if is_dark(palette) else ERROR_TEXT_LIGHT


class NoticeLabel(PlainLabel):
    """Word-wrapped text on a tinted box: "caution" has an accent bar on its left edge,
    "info" is a rounded pill (the prompt's "each side" badge). The words carry the meaning
    ("Careful: …"); the colour only draws the eye."""

    BAR_WIDTH = 4

    def __init__(
        self, kind: NoticeKind = "caution", text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(text, parent)
        self._kind: NoticeKind = kind
        if kind == "caution":
            self.setWordWrap(True)
            self.setContentsMargins(self.BAR_WIDTH + 8, 6, 8, 6)
        else:
            self.setContentsMargins(8, 1, 8, 1)

    @property
    def kind(self) -> NoticeKind:
        return self._kind

    def colours(self) -> tuple[QColor, QColor]:
        """(background, accent) as painted now (for tests)."""
        return notice_colours(self.palette(), self._kind)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        background, accent = self.colours()
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            box = QRectF(self.rect())
            radius = box.height() / 2 if self._kind == "info" else 3.0
            painter.drawRoundedRect(box, radius, radius)
            if self._kind == "caution":
                painter.setBrush(accent)
                painter.drawRect(QRectF(0, 0, self.BAR_WIDTH, box.height()))
        finally:
            painter.end()
        super().paintEvent(event)


class ErrorLabel(PlainLabel):
    """Text in an error red that suits the theme (and changes with it)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        wanted = error_text_colour(palette)
        if palette.color(QPalette.ColorRole.WindowText) != wanted:
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Guarded in _recolour: setting the same colour again sends no new event.
            self._recolour()


class MutedLabel(PlainLabel):
    """A side note: quieter than the text around it, yet readable in light and dark
    themes (see ``muted_text_colour``), and following a live switch between them.

    Not ``setEnabled(False)``: the disabled colour is unreadable on purpose, and screen
    readers announce the note as unavailable.
    """

    # The faded colour goes into a role of its own so that WindowText and Window, which
    # it is worked out from, keep coming from the parent's palette when the theme changes.
    ROLE = QPalette.ColorRole.PlaceholderText

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setForegroundRole(self.ROLE)
        self._recolour()

    def text_colour(self) -> QColor:
        """The colour the text is painted in now (for tests)."""
        return self.palette().color(self.ROLE)

    def _recolour(self) -> None:
        palette = self.palette()
        wanted = muted_text_colour(palette)
        if palette.color(self.ROLE) != wanted:
            palette.setColor(self.ROLE, wanted)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # Guarded in _recolour: the same colour again sends no new event.
            self._recolour()


def muted(label: QLabel) -> QLabel:
    """Secondary text in the theme's placeholder colour. A foreground role, not a copied
    colour, so it follows a later switch between light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
