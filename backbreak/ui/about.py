"""The About window: what backbreak is, its version, the health note, and where its files are.

Non-modal (``show()``). The file locations are there for bug reports, selectable and
copyable in one click. Given a ``diagnostics`` source, a second tab shows the doctor report
(``ui.diagnostics``), run only when that tab is first opened.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backbreak import APP_NAME, __version__
from backbreak.core.i18n import N_, _
from backbreak.ui.diagnostics import DiagnosticsPage, DiagnosticsSource
from backbreak.ui.fonts import RelativeFonts

HEALTH_NOTE = N_(
    "backbreak suggests general ways to move, not medical advice. If pain is strong or "
    "does not go away, see a doctor or a physiotherapist."
)


class AboutDialog(QDialog):
    """``paths`` maps a label ("Settings", "History", "Log") to a file or folder;
    ``diagnostics`` (e.g. ``lambda: doctor_lines(paths)``) adds the Diagnostics tab."""

    def __init__(
        self,
        paths: Mapping[str, str | Path],
        parent: QWidget | None = None,
        icon: QIcon | None = None,
        diagnostics: DiagnosticsSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About backbreak"))
        self.setModal(False)
        if icon is not None:
            self.setWindowIcon(icon)
        self._paths = {label: str(path) for label, path in paths.items()}

        name = QLabel(f"<b>{APP_NAME}</b> {html.escape(__version__)}")
        RelativeFonts(self).set(name, 1.4)
        summary = QLabel(
            self.tr(
                "A quiet reminder to get up from your chair every so often and do one "
                "stretch or posture check."
            )
        )
        summary.setWordWrap(True)
        self.health_note = QLabel(_(HEALTH_NOTE))
        self.health_note.setWordWrap(True)

        self.paths_label = QLabel(self._paths_html())
        self.paths_label.setTextFormat(Qt.TextFormat.RichText)
        self.paths_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paths_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close this window")
        )
        buttons.rejected.connect(self.close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.setAccessibleName(self.tr("Copy version and file locations"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        about_page = QWidget()
        about_layout = QVBoxLayout(about_page)
        about_layout.addWidget(name)
        about_layout.addWidget(summary)
        about_layout.addWidget(self.health_note)
        about_layout.addWidget(self.paths_label)
        about_layout.addStretch(1)

        layout = QVBoxLayout(self)
        self.tabs: QTabWidget | None = None
        self.diagnostics_page: DiagnosticsPage | None = None
        if diagnostics is None:
            about_layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(about_page)
        else:
            self.diagnostics_page = DiagnosticsPage(diagnostics)
            self.tabs = QTabWidget()
            self.tabs.setAccessibleName(self.tr("About pages"))
            self.tabs.addTab(about_page, self.tr("&About"))
            self.tabs.addTab(self.diagnostics_page, self.tr("&Diagnostics"))
            self.tabs.currentChanged.connect(self._on_tab_changed)
            layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def show_diagnostics(self) -> None:
        """Open the Diagnostics tab (which runs the checks the first time)."""
        if self.tabs is not None and self.diagnostics_page is not None:
            self.tabs.setCurrentWidget(self.diagnostics_page)

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs is not None and self.tabs.currentWidget() is self.diagnostics_page:
            assert self.diagnostics_page is not None
            self.diagnostics_page.ensure_loaded()

    def _paths_html(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(label)}:&nbsp;</td>"
            f"<td><code>{html.escape(path)}</code></td></tr>"
            for label, path in self._paths.items()
        )
        return f"<table>{rows}</table>"

    def details_text(self) -> str:
        """Version and file locations as plain text, for a bug report."""
        lines = [f"{APP_NAME} {__version__}"]
        lines += [f"{label}: {path}" for label, path in self._paths.items()]
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
