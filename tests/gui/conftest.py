"""Shared setup for the pytest-qt tests: no real display needed."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from backbreak.ui.prompt import PromptWindow

# Must be set before the first QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[PromptWindow]:
    """The break prompt window, closed (its timers stopped) after the test."""
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    yield prompt
    prompt.close_prompt()
