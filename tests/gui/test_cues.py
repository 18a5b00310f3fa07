"""``CuePlayer`` on the prompt's countdown: chimes and spoken lines as the settings say,
and a slow speech engine never holds up the window."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton

from backbreak.core.catalog import Entry
from backbreak.platform.speech import Engine, Speaker
from backbreak.ui.cues import CuePlayer
from backbreak.ui.prompt import PromptWindow

# The offscreen platform cannot raise windows, and Qt raises any stay-on-top window it
# shows; the warning says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

WAIT = 10.0


class FakeChime:
    def __init__(self) -> None:
        self.played: list[str] = []

    def play(self, cue: str) -> None:
        self.played.append(cue)


class FakeVoice:
    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)


class Toggles:
    """The user's sound and voice settings, changeable mid-test."""

    def __init__(self, sound: bool, voice: bool) -> None:
        self.sound = sound
        self.voice = voice


def entry(sides: str = "each", duration: int = 6) -> Entry:
    return Entry(
        id="neck-side-stretch",
        title="Neck side stretch",
        kind="stretch",
        areas=("neck",),
        duration_seconds=duration,
        sides="each" if sides == "each" else "one",
        steps=("Sit tall.", "Tip one ear towards the shoulder."),
        why="Eases the upper trapezius.",
        caution=None,
        needs=(),
        illustration="neck.svg",
    )


def start_countdown(window: PromptWindow, item: Entry) -> None:
    window.show_entry(item, None, True, 10)
    start = window.findChild(QPushButton, "start")
    assert isinstance(start, QPushButton)
    start.click()


def run_countdown(window: PromptWindow, item: Entry) -> None:
    start_countdown(window, item)
    for _ in range(item.duration_seconds):
        window.tick()


def wire(
    window: PromptWindow, toggles: Toggles, chime: FakeChime, voice: FakeVoice | Speaker
) -> CuePlayer:
    player = CuePlayer(chime, voice, lambda: toggles.sound, lambda: toggles.voice, parent=window)
    window.cue_requested.connect(player.handle)
    return player


def test_sound_on_voice_off_chimes_at_start_switch_and_end(window: PromptWindow) -> None:
    chime, voice = FakeChime(), FakeVoice()
    wire(window, Toggles(sound=True, voice=False), chime, voice)
    run_countdown(window, entry(sides="each"))
    assert chime.played == ["start", "switch", "end"]
    assert voice.said == []


def test_voice_on_speaks_the_lines_the_window_shows(window: PromptWindow) -> None:
    chime, voice = FakeChime(), FakeVoice()
    wire(window, Toggles(sound=False, voice=True), chime, voice)
    run_countdown(window, entry(sides="each"))
    assert chime.played == []
    assert voice.said == ["Start now", "Switch sides", "Done — nice work"]
    # The window adds when it closes ("Counted; closing in 5 s"); the words spoken lead it.
    assert window.countdown_status.startswith(voice.said[-1])


def test_one_side_entries_have_no_switch_cue(window: PromptWindow) -> None:
    chime, voice = FakeChime(), FakeVoice()
    wire(window, Toggles(sound=True, voice=True), chime, voice)
    run_countdown(window, entry(sides="one", duration=3))
    assert chime.played == ["start", "end"]
    assert voice.said == ["Start now", "Done — nice work"]


def test_both_off_is_silent(window: PromptWindow) -> None:
    chime, voice = FakeChime(), FakeVoice()
    wire(window, Toggles(sound=False, voice=False), chime, voice)
    run_countdown(window, entry())
    assert (chime.played, voice.said) == ([], [])


def test_settings_are_read_at_each_cue(window: PromptWindow) -> None:
    chime, voice = FakeChime(), FakeVoice()
    toggles = Toggles(sound=True, voice=False)
    wire(window, toggles, chime, voice)
    start_countdown(window, entry(duration=4))
    toggles.sound, toggles.voice = False, True  # the user changed the settings mid-hold
    for _ in range(4):
        window.tick()
    assert chime.played == ["start"]
    assert voice.said == ["Switch sides", "Done — nice work"]


def test_unknown_cue_is_ignored() -> None:
    chime, voice = FakeChime(), FakeVoice()
    player = CuePlayer(chime, voice, lambda: True, lambda: True)
    player.handle("fanfare")
    assert (chime.played, voice.said) == ([], [])


def test_a_slow_speech_engine_never_holds_up_the_countdown(window: PromptWindow) -> None:
    """The engine hangs on the first line for the whole hold: the window still counts down
    to the end on the GUI thread, and the switch line, stale by then, is never spoken."""
    release = threading.Event()
    busy = threading.Event()
    spoken: list[str] = []

    def slow_engine(text: str) -> None:
        busy.set()
        assert release.wait(WAIT)
        spoken.append(text)

    speaker = Speaker(lambda: Engine(slow_engine))
    try:
        wire(window, Toggles(sound=False, voice=True), FakeChime(), speaker)
        item = entry(sides="each", duration=6)
        start_countdown(window, item)
        assert busy.wait(WAIT)  # the worker has taken "Start now" and is stuck on it
        for _ in range(item.duration_seconds):
            window.tick()
        assert spoken == []  # still on "Start now", yet the countdown has finished
        assert window.countdown_status.startswith("Done — nice work")
        assert window.countdown_clock == "0:00"
        release.set()
        assert speaker.flush(WAIT)
        assert spoken == ["Start now", "Done — nice work"]
    finally:
        release.set()
        speaker.shutdown()
