"""Finding the break prompt window's parts by object name, for the prompt tests."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from backbreak.ui.prompt import PromptWindow


def button(window: PromptWindow, name: str) -> QAbstractButton:
    found = window.findChild(QAbstractButton, name)
    assert found is not None, name
    return found
