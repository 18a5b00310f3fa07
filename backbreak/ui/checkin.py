"""The end-of-day back check-in: "How does your back feel?", one tap from 0 to 10.

Eleven buttons and a Skip; a tap answers and closes, closing the window skips. When it is
asked is ``backbreak.core.checkin``'s business, where it is kept the app's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backbreak.core.checkin import SCORES
from backbreak.ui.fonts import RelativeFonts
from backbreak.ui.theme import muted


class CheckinWindow(QWidget):
    """Emits ``answered(score)`` once: an int 0–10, or None for a skip."""

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("Back check-in"))
        self._done = False
        question = QLabel(self.tr("How does your back feel?"))
        # A multiple of the system font, kept when it changes (see ui.fonts).
        self._fonts = RelativeFonts(self)
        self._fonts.set(question, 1.3, bold=True)
        scale = muted(QLabel(self.tr("0 = no trouble at all, 10 = as bad as it gets")))
        self.scores: list[QPushButton] = []
        row = QHBoxLayout()
        row.setSpacing(4)
        for score in SCORES:
            button = QPushButton(str(score))
            button.setAccessibleName(self.tr("Back feels {0} of 10").format(score))
            # Square-ish number keys: a style's default button width would make the row
            # as wide as a screen.
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("10") + 26)
            button.clicked.connect(lambda _checked=False, s=score: self._answer(s))
            self.scores.append(button)
            row.addWidget(button)
        self.skip = QPushButton(self.tr("S&kip"))
        self.skip.setAccessibleName(self.tr("Skip the check-in"))
        self.skip.clicked.connect(lambda: self._answer(None))
        why = muted(
            QLabel(
                self.tr(
                    "Your answers stay on this computer and show beside your breaks in "
                    "History (Week and Month). How often this is asked is in Settings."
                )
            )
        )
        why.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.skip)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(scale)
        layout.addLayout(row)
        layout.addLayout(bottom)
        layout.addWidget(why)
        # As wide as the eleven buttons need; the note wraps to that width.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)
        why.setFixedWidth(row.sizeHint().width())

    def _answer(self, score: int | None) -> None:
        if not self._done:
            self._done = True
            self.answered.emit(score)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        # Closed with the window's own button: that is a skip too.
        if not self._done:
            self._done = True
            self.answered.emit(None)
        super().closeEvent(event)
