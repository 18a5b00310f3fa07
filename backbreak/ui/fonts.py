"""Fonts as multiples of the system font, kept in step when the system font changes.

A widget given its own font with ``setFont`` stops inheriting the size of the application
font: set ``pointSizeF(12.15)`` once and it stays 12.15 pt after the user picks a larger
system font. ``RelativeFonts`` remembers the multiple instead of the size and re-applies it
whenever the window's font changes (Qt sends the window a ``FontChange`` when the
application font changes while the app runs), so headings grow with the system font.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


@dataclass
class _Rule:
    widget: QWidget
    scale: float
    bold: bool | None
    enlarge: bool


def scaled_font(base: QFont, scale: float, bold: bool | None = None) -> QFont:
    """``base`` at ``scale`` times its size (point or pixel, whichever it is set in)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    elif base.pixelSize() > 0:
        # A platform that sets its font in pixels (rare): scale that instead.
        font.setPixelSize(max(1, round(base.pixelSize() * scale)))
    if bold is not None:
        font.setBold(bold)
    return font


class RelativeFonts(QObject):
    """Keeps chosen widgets of ``window`` at a multiple of the window's (system) font.

    ``set_enlargement`` multiplies the widgets registered with ``enlarge=True`` once more
    (the prompt's "larger text" option).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._rules: list[_Rule] = []
        self._enlargement = 1.0
        window.installEventFilter(self)

    def set(
        self,
        widget: QWidget,
        scale: float = 1.0,
        *,
        bold: bool | None = None,
        enlarge: bool = False,
    ) -> None:
        """Give ``widget`` the window's font × ``scale`` (replacing an earlier rule)."""
        self._rules = [rule for rule in self._rules if rule.widget is not widget]
        rule = _Rule(widget, scale, bold, enlarge)
        self._rules.append(rule)
        self._apply(rule)

    def set_enlargement(self, factor: float) -> None:
        if factor == self._enlargement:
            return
        self._enlargement = factor
        self.apply_all()

    @property
    def enlargement(self) -> float:
        return self._enlargement

    def apply_all(self) -> None:
        for rule in self._rules:
            self._apply(rule)

    def _apply(self, rule: _Rule) -> None:
        scale = rule.scale * (self._enlargement if rule.enlarge else 1.0)
        rule.widget.setFont(scaled_font(self._window.font(), scale, rule.bold))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._window and event.type() == QEvent.Type.FontChange:
            self.apply_all()
        return False
