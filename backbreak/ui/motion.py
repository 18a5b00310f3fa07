"""The "reduce motion" setting.

backbreak draws nothing that moves: the prompt appears and disappears at once, the tray
icon changes only when the ring moves to its next sixteenth, and the charts are still. The
only motion left is Qt's own: menus and combo-box lists that slide or fade open, tooltips
that fade. With reduced motion those are turned off. Qt 6.11 has no "the desktop prefers
reduced motion" hint to read (``QStyleHints`` and ``QAccessibilityHints`` offer none), but
the platform's own choice of these effects is what Qt starts with, so turning the setting
off puts back whatever the desktop chose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

MOTION_EFFECTS: tuple[Qt.UIEffect, ...] = (
    Qt.UIEffect.UI_AnimateMenu,
    Qt.UIEffect.UI_FadeMenu,
    Qt.UIEffect.UI_AnimateCombo,
    Qt.UIEffect.UI_AnimateTooltip,
    Qt.UIEffect.UI_FadeTooltip,
    Qt.UIEffect.UI_AnimateToolBox,
)


class MotionSetting:
    """Remembers the desktop's choice of Qt's UI effects when made (make it once, at
    start-up, before anything changes them) and applies the user's setting on top."""

    def __init__(self) -> None:
        self._desktop_choice = {
            effect: QApplication.isEffectEnabled(effect) for effect in MOTION_EFFECTS
        }

    def apply(self, reduced: bool) -> None:
        for effect, enabled in self._desktop_choice.items():
            QApplication.setEffectEnabled(effect, enabled and not reduced)
