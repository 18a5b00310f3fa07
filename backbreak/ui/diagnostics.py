"""The About window's Diagnostics page: the ``backbreak doctor`` report, in the window.

The checks run only when the page is first opened (some ask D-Bus services and may take a
moment), and again on "Check again". Each line says in words whether the thing works
(✓ / ✗ and "works" / "not available", never a colour alone) and, when it does not, what
the user can do about it.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from backbreak import APP_NAME, __version__
from backbreak.doctor import DoctorLine, format_line

log = logging.getLogger(__name__)

DiagnosticsSource = Callable[[], Sequence[DoctorLine]]


class DiagnosticsPage(QWidget):
    """Runs ``diagnostics`` on ``ensure_loaded()`` (the first time) and ``check_again()``."""

    def __init__(self, diagnostics: DiagnosticsSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diagnostics = diagnostics
        self._lines: list[DoctorLine] | None = None
        self._pending = False

        intro = QLabel(
            self.tr(
                "What backbreak uses on this computer and whether it works. Where something "
                "is not available, the line says what you can do."
            )
        )
        intro.setWordWrap(True)
        self.report = QTextBrowser()
        self.report.setOpenLinks(False)
        self.report.setAccessibleName(self.tr("Diagnostics report"))
        # Tab moves on to the buttons; the arrow keys and Page Up/Down still scroll.
        self.report.setTabChangesFocus(True)
        self.report.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.check_again_button = QPushButton(self.tr("Check &again"))
        self.check_again_button.setAccessibleName(self.tr("Run the checks again"))
        self.check_again_button.setAutoDefault(False)
        self.check_again_button.clicked.connect(self.check_again)
        self.copy_button = QPushButton(self.tr("Co&py report"))
        self.copy_button.setAccessibleName(self.tr("Copy the diagnostics report"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_report)

        buttons = QHBoxLayout()
        buttons.addWidget(self.check_again_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self._set_buttons_enabled(False)

    @property
    def lines(self) -> list[DoctorLine] | None:
        """The last report, None until the checks have run."""
        return None if self._lines is None else list(self._lines)

    def ensure_loaded(self) -> None:
        """Run the checks unless they have run (or are about to)."""
        if self._lines is None and not self._pending:
            self.check_again()

    def check_again(self) -> None:
        """Say "Checking…", then run the checks on the next event-loop pass, so the page
        is drawn before a slow check holds the window up."""
        if self._pending:
            return
        self._pending = True
        self._set_buttons_enabled(False)
        self.report.setPlainText(self.tr("Checking…"))
        QTimer.singleShot(0, self, self._run)

    def _run(self) -> None:
        try:
            lines = list(self._diagnostics())
        except Exception as error:  # the report must say what broke, not crash the window
            log.exception("diagnostics failed")
            lines = [DoctorLine(self.tr("Diagnostics"), False, str(error))]
        self._pending = False
        self._lines = lines
        self.report.setHtml(self._html(lines))
        self._set_buttons_enabled(True)

    def _set_buttons_enabled(self, enabled: bool) -> None:
        self.check_again_button.setEnabled(enabled)
        self.copy_button.setEnabled(enabled)

    def _html(self, lines: Sequence[DoctorLine]) -> str:
        rows = []
        for line in lines:
            mark = "✓" if line.ok else "✗"
            state = self.tr("works") if line.ok else self.tr("not available")
            advice = ""
            if not line.ok and line.advice:
                what_to_do = html.escape(self.tr("What you can do:"))
                advice = f"<br><i>{what_to_do}</i> {html.escape(line.advice)}"
            cell = "<td style='padding: 3px 8px 3px 0'>"
            rows.append(
                f"<tr>{cell}<b>{mark}</b>&nbsp;{html.escape(state)}</td>"
                f"{cell}<b>{html.escape(line.topic)}</b></td>"
                f"<td style='padding: 3px 0'>{html.escape(line.detail)}{advice}</td></tr>"
            )
        return f"<table width='100%'>{''.join(rows)}</table>"

    def report_text(self) -> str:
        """The report as plain text (as ``backbreak doctor`` prints it), for a bug report."""
        text = [f"{APP_NAME} {__version__}"]
        for line in self._lines or []:
            text += format_line(line)
        return "\n".join(text)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())
