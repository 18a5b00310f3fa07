"""A countdown that runs out counts the break as done and closes the window, with Undo.

The window is driven tick by tick (``tick()`` is the timer's slot), and in the last tests
it is wired to the real BreakService on a fake clock, so what lands in history is checked
too: Undo must never leave a "completed" row behind.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import Entry
from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.service import BreakService
from backbreak.ui.prompt import AUTO_DONE_SECONDS, PromptWindow
from tests.fakes import BERLIN, FakeClock, FakeHistory, FakeNotifier, FakeWaker, make_entry
from tests.gui.prompt_parts import button

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

SIGNALS = ("done", "snooze", "skip", "another")


def record_decisions(window: PromptWindow) -> list[str]:
    heard: list[str] = []
    for name in SIGNALS:
        getattr(window, name).connect(lambda *_args, name=name: heard.append(name))
    return heard


def run_to_the_end(window: PromptWindow, entry: Entry) -> None:
    window.show_entry(entry, None, True, 10)
    button(window, "start").click()
    for _ in range(entry.duration_seconds):
        window.tick()
    assert window.closing_in == AUTO_DONE_SECONDS


ENTRY = make_entry("calf-raise", duration=6, sides="each")


def test_the_finished_countdown_counts_as_done_and_closes_after_a_moment(
    window: PromptWindow,
) -> None:
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    assert button(window, "undo").isVisible()
    assert not button(window, "start").isVisible()
    for left in range(AUTO_DONE_SECONDS - 1, 0, -1):
        window.tick()
        assert window.countdown_status == f"Done — nice work. Counted; closing in {left} s"
        assert window.isVisible()
        assert heard == []  # nothing is counted while Undo is still there
    window.tick()
    assert heard == ["done"]
    assert not window.isVisible()
    assert not window.countdown_running


def test_undo_keeps_the_window_open_and_counts_nothing(window: PromptWindow) -> None:
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    window.tick()
    button(window, "undo").click()
    assert window.closing_in is None
    assert not window.countdown_running
    assert window.countdown_status == "Not counted. Press Done once you have finished"
    for _ in range(AUTO_DONE_SECONDS * 2):
        window.tick()  # a stray beat must not bring the automatic Done back
    assert heard == []
    assert window.isVisible()
    assert not button(window, "undo").isVisible()
    start = button(window, "start")
    assert start.isVisible() and start.text() == "S&tart again"
    button(window, "done").click()
    assert heard == ["done"]


def test_starting_again_after_undo_runs_a_fresh_countdown(window: PromptWindow) -> None:
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    button(window, "undo").click()
    button(window, "start").click()
    assert window.countdown_clock == "0:06"
    for _ in range(ENTRY.duration_seconds + AUTO_DONE_SECONDS):
        window.tick()
    assert heard == ["done"]


@pytest.mark.parametrize("choice", ["skip", "another", "snooze"])
def test_another_decision_in_the_moment_wins_and_stops_the_automatic_done(
    window: PromptWindow, choice: str
) -> None:
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    button(window, choice).click()
    for _ in range(AUTO_DONE_SECONDS):
        window.tick()
    assert heard == [choice]


def test_another_one_with_no_new_exercise_does_not_claim_the_break_was_counted(
    window: PromptWindow,
) -> None:
    # "Another one" stops the automatic Done, which belonged to the old exercise. When no
    # new exercise follows (the service found none), the line must not go on saying
    # "Counted; closing in N s" over a window that will neither count nor close.
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    button(window, "another").click()
    assert heard == ["another"]
    assert window.closing_in is None
    assert "Counted" not in window.countdown_status
    assert window.countdown_status == "Not counted. Press Done once you have finished"
    assert button(window, "start").isVisible()
    assert not button(window, "undo").isVisible()


def test_closing_or_esc_in_the_moment_only_hurries_the_done_along(
    qtbot: QtBot, window: PromptWindow
) -> None:
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    window.close()
    qtbot.waitUntil(lambda: heard != [], timeout=2000)
    assert heard == ["done"]

    heard.clear()
    run_to_the_end(window, ENTRY)
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert heard == ["done"]


def test_a_new_entry_in_the_moment_cancels_the_automatic_done(window: PromptWindow) -> None:
    # E.g. the service re-shows the window: the new entry starts from scratch.
    heard = record_decisions(window)
    run_to_the_end(window, ENTRY)
    window.show_entry(make_entry("other", duration=30), None, True, 10)
    assert window.closing_in is None
    assert not button(window, "undo").isVisible()
    for _ in range(AUTO_DONE_SECONDS):
        window.tick()
    assert heard == []


# ---- with the service: what history holds --------------------------------------------------


class PromptOnlyView:
    """The service's View port on the real prompt window (the tray is not needed here)."""

    def __init__(self, prompt: PromptWindow) -> None:
        self.prompt = prompt

    def show_prompt(
        self, entry: Entry, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.prompt.show_entry(entry, None, can_snooze, snooze_minutes, snoozed_times=snoozed_times)

    def update_snooze(
        self, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.prompt.set_snooze(can_snooze, snooze_minutes, snoozed_times)

    def close_prompt(self) -> None:
        self.prompt.close_prompt()

    def show_status(self, status: Status) -> None:
        pass


class Wired:
    def __init__(self, window: PromptWindow) -> None:
        self.clock = FakeClock(datetime(2026, 11, 23, 10, tzinfo=BERLIN).astimezone(UTC))
        self.history = FakeHistory()
        self.window = window
        self.service = BreakService(
            settings=Settings(notice_seconds=0),
            catalog=[ENTRY],
            clock=self.clock,
            waker=FakeWaker(self.clock),
            history=self.history,
            notifier=FakeNotifier(),
            view=PromptOnlyView(window),
            rng=random.Random(1),
        )
        window.done.connect(self.service.complete)
        window.skip.connect(self.service.skip)
        window.snooze.connect(self.service.snooze)
        self.service.start()
        self.service.break_now()

    def beat(self, seconds: int) -> None:
        """``seconds`` of the window's timer, on the fake clock."""
        for _ in range(seconds):
            self.clock.advance(timedelta(seconds=1))
            self.window.tick()


def test_a_countdown_left_to_finish_is_one_completed_row(window: PromptWindow) -> None:
    wired = Wired(window)
    shown_at = wired.clock.now()
    button(window, "start").click()
    wired.beat(ENTRY.duration_seconds + AUTO_DONE_SECONDS)
    assert wired.history.kinds() == ["prompted", "completed"]
    done = wired.history.events[-1]
    assert done.entry_id == ENTRY.id
    assert done.at == shown_at + timedelta(seconds=ENTRY.duration_seconds + AUTO_DONE_SECONDS)
    assert done.seconds == ENTRY.duration_seconds + AUTO_DONE_SECONDS
    assert wired.service.current_entry is None
    assert wired.service.status().mode == "running"
    assert not window.isVisible()


def test_undo_leaves_no_completed_row_and_the_break_still_open(window: PromptWindow) -> None:
    wired = Wired(window)
    button(window, "start").click()
    wired.beat(ENTRY.duration_seconds + 2)
    button(window, "undo").click()
    wired.beat(AUTO_DONE_SECONDS * 3)
    assert wired.history.kinds() == ["prompted"]
    assert wired.service.status().mode == "prompt_open"
    # Whatever the user decides next is what history gets, and only that.
    button(window, "skip").click()
    assert wired.history.kinds() == ["prompted", "skipped"]
