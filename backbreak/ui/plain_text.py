"""Text that comes from outside the program is shown as plain text, never as markup.

Catalog files (possibly shared by someone else), settings values and history rows reach
labels, tooltips and notifications. Qt guesses "rich text" for a label or tooltip whose
text looks like HTML, and rich text can load local images, show links and huge fonts. So
every label the UI builds starts as ``PlainLabel`` (plain text whatever its content);
where markup is needed for our own layout (the numbered steps), the outside text is
escaped by ``html_list`` and tooltips go through ``tooltip_html``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    """A QLabel that never interprets its text as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def html_list(items: Iterable[str]) -> str:
    """A numbered list for a rich-text label, each item escaped."""
    rows = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<ol style='margin-left: 0px'>{rows}</ol>"


def tooltip_html(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters.

    Qt reads a tooltip as rich text when it looks like HTML (``Qt.mightBeRichText``); such
    a text goes out as an escaped paragraph, anything else unchanged.
    """
    # mightBeRichText lives in QtGui's Qt namespace, not QtCore's.
    if not QtGui.Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space: pre-wrap'>{html.escape(text)}</p>"
