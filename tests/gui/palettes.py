"""A dark palette as desktops ship one, for the tests that check colours follow the theme."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def dark_palette(placeholder: str = "#a0a0a0", disabled_text: str | None = None) -> QPalette:
    """``disabled_text`` also sets the disabled window text (dim in most dark themes)."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#eeeeee"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#eeeeee"),
        (QPalette.ColorRole.Button, "#3a3a3a"),
        (QPalette.ColorRole.ButtonText, "#eeeeee"),
        (QPalette.ColorRole.Highlight, "#2f6fb0"),
        (QPalette.ColorRole.PlaceholderText, placeholder),
    ):
        palette.setColor(role, QColor(colour))
    if disabled_text is not None:
        palette.setColor(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(disabled_text)
        )
    return palette
