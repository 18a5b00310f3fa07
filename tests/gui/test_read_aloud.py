"""What assistive technology is told, through Qt's own accessibility interfaces: roles, and
the names a screen reader reads (a label's is its text). The real AT-SPI stack is read in
tests/e2e/test_screen_reader.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import Entry
from backbreak.core.settings import Settings
from backbreak.platform.history import History
from backbreak.ui.exercises_page import ExercisesPage
from backbreak.ui.history_window import HistoryWindow
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

ENTRY = Entry(
    id="wall-slide",
    title="Wall slide",
    kind="mobility",
    areas=("shoulders",),
    duration_seconds=60,
    sides="one",
    steps=("Stand with your back against a wall.", "Slide your arms up and down."),
    why="Wakes up the muscles that hold your shoulders back.",
    caution="Stop if your shoulder pinches.",
    needs=("wall",),
    illustration="wall-slide.svg",
    position="standing",
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"/>'


def read(widget: QWidget) -> tuple[QAccessible.Role, str]:
    """The role and the name a screen reader gets for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.role(), interface.text(QAccessible.Text.Name)


@pytest.fixture
def prompt(qtbot: QtBot) -> Iterator[PromptWindow]:
    window = PromptWindow()
    qtbot.addWidget(window)
    window.show_entry(ENTRY, SVG, True, 10)
    yield window
    window.close_prompt()


def test_the_prompt_is_a_dialog_named_by_its_title(prompt: PromptWindow) -> None:
    assert read(prompt) == (QAccessible.Role.Dialog, "Time to stand up")


def test_the_prompt_labels_read_as_their_text(prompt: PromptWindow) -> None:
    said = {read(label)[1] for label in prompt.findChildren(QLabel) if label.isVisible()}
    assert "Wall slide" in said
    assert "Wakes up the muscles that hold your shoulders back." in said
    assert "Careful: Stop if your shoulder pinches." in said
    assert "1:00" in said  # the clock, not "Time left"
    assert not {"Exercise", "Steps", "Why it helps", "Caution", "Time left"} & said
    picture = prompt.findChild(QLabel, "illustration")
    assert picture is not None
    assert read(picture) == (QAccessible.Role.Graphic, "Picture: Wall slide")


def test_the_countdown_status_reads_as_what_it_says(prompt: PromptWindow) -> None:
    status = prompt.findChild(QLabel, "countdown_status")
    assert status is not None
    assert read(status)[1] == prompt.countdown_status


def test_a_settings_problem_reads_as_the_problem(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(), entries=[], illustration_loader=lambda entry: None)
    qtbot.addWidget(dialog)
    for box in dialog.days.values():
        box.setChecked(False)
    assert read(dialog.problem)[1] == "Pick at least one working day, or turn working hours off."


def test_the_history_window_is_a_named_frame_and_its_scroll_areas_are_named(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with History(tmp_path / "history.sqlite3") as history:
        window = HistoryWindow(history, {}, lambda: UTC, lambda: date(2026, 3, 13), lambda: None)
        qtbot.addWidget(window)
        window.show()
        assert read(window) == (QAccessible.Role.Window, "backbreak history")
        areas = window.findChildren(QScrollArea)
        assert areas  # the loop below must have something to check
        for area in areas:
            assert read(area)[1], area
        window.close()


def test_the_exercise_search_clear_button_is_named(qtbot: QtBot) -> None:
    page = ExercisesPage([ENTRY], lambda entry: SVG)
    qtbot.addWidget(page)
    search = page.findChild(QLineEdit)
    assert search is not None
    buttons = search.findChildren(QToolButton)
    assert buttons
    assert all(read(button)[1] == "Clear the search" for button in buttons)
    page.select(ENTRY.id)
    assert read(page.preview_picture)[1] == "Picture: Wall slide"
    assert read(page.preview_title)[1] == "Wall slide"
