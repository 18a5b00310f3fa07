"""The About window: what backbreak is, its version, the health note, and where its files are.

Non-modal (``show()``). The file locations are there for bug reports, selectable and
copyable in one click.
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
    QVBoxLayout,
    QWidget,
)

from backbreak import APP_NAME, __version__
from backbreak.core.i18n import N_, _

HEALTH_NOTE = N_(
    "backbreak suggests general ways to move, not medical advice. If pain is strong or "
    "does not go away, see a doctor or a physiotherapist."
)


class AboutDialog(QDialog):
    """``paths`` maps a label ("Settings", "History", "Log") to a file or folder."""

    def __init__(
        self,
        paths: Mapping[str, str | Path],
        parent: QWidget | None = None,
        icon: QIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About backbreak"))
        self.setModal(False)
        if icon is not None:
            self.setWindowIcon(icon)
        self._paths = {label: str(path) for label, path in paths.items()}

        name = QLabel(f"<b>{APP_NAME}</b> {html.escape(__version__)}")
        name_font = name.font()
        name_font.setPointSizeF(name_font.pointSizeF() * 1.4)
        name.setFont(name_font)
        summary = QLabel(
            self.tr(
                "A quiet reminder to get up from your chair every so often and do one "
                "stretch or posture check."
            )
        )
        summary.setWordWrap(True)
        self.health_note = QLabel(_(HEALTH_NOTE))
        self.health_note.setWordWrap(True)
        self.health_note.setAccessibleName(self.tr("Health note"))

        self.paths_label = QLabel(self._paths_html())
        self.paths_label.setTextFormat(Qt.TextFormat.RichText)
        self.paths_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paths_label.setAccessibleName(self.tr("File locations"))
        self.paths_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.setAccessibleName(self.tr("Copy version and file locations"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addWidget(summary)
        layout.addWidget(self.health_note)
        layout.addWidget(self.paths_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

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
