"""The break prompt window: content, decisions, countdown, focus and accessibility."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import Entry
from backbreak.ui.prompt import SCREEN_MARGIN, PromptWindow, format_countdown
from tests.gui.prompt_parts import button

# The offscreen platform cannot raise windows, and Qt raises any stay-on-top window it
# shows; the warning says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">'
    b'<rect width="120" height="80" fill="#8cf"/></svg>'
)


def make_entry(
    entry_id: str = "chest-opener",
    sides: str = "each",
    duration: int = 10,
    caution: str | None = "Stop if your arm tingles.",
) -> Entry:
    return Entry(
        id=entry_id,
        title="Doorway chest opener" if entry_id == "chest-opener" else "Posture check",
        kind="stretch",
        areas=("chest",),
        duration_seconds=duration,
        sides="each" if sides == "each" else "one",
        steps=("Rest a forearm on the door frame.", "Step through & breathe <slowly>."),
        why="Opens the front of the chest.",
        caution=caution,
        needs=("door",),
        illustration="chest.svg",
    )


def label(window: PromptWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def click(widget: QAbstractButton) -> None:
    # QTest rather than qtbot.mouseClick: the same call, but typed for mypy --strict.
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def show(window: PromptWindow, entry: Entry | None = None, can_snooze: bool = True) -> None:
    window.show_entry(entry or make_entry(), SVG, can_snooze, 10)


def test_shows_title_steps_and_each_side_badge(window: PromptWindow) -> None:
    show(window)
    assert window.isVisible()
    assert label(window, "title").text() == "Doorway chest opener"
    steps = label(window, "steps").text()
    assert "<ol" in steps
    assert "Rest a forearm on the door frame." in steps
    # Step text is escaped, not interpreted as markup.
    assert "Step through &amp; breathe &lt;slowly&gt;." in steps
    assert label(window, "badge").isVisible()
    # The duration is the total for both sides: the badge says so, in the catalog's words.
    assert label(window, "badge").text() == "10 s in all, 5 s per side"
    assert "Opens the front of the chest." in label(window, "why").text()
    assert label(window, "caution").isVisible()
    assert "Stop if your arm tingles." in label(window, "caution").text()


def test_one_sided_entry_without_caution_hides_badge_and_caution(window: PromptWindow) -> None:
    show(window, make_entry(sides="one", caution=None))
    assert not label(window, "badge").isVisible()
    assert not label(window, "caution").isVisible()


def test_svg_and_png_illustrations_are_shown_and_garbage_is_hidden(window: PromptWindow) -> None:
    show(window)
    picture = label(window, "illustration")
    assert picture.isVisible()
    assert not picture.pixmap().isNull()

    png = QPixmap(40, 30)
    png.fill(QColor("red"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    png.save(buffer, "PNG")
    window.show_entry(make_entry(), bytes(data.data()), True, 10)
    assert picture.isVisible()
    assert not picture.pixmap().isNull()

    window.show_entry(make_entry(), b"not a picture", True, 10)
    assert not picture.isVisible()
    window.show_entry(make_entry(), b"<svg broken", True, 10)
    assert not picture.isVisible()
    window.show_entry(make_entry(), None, True, 10)
    assert not picture.isVisible()


@pytest.mark.parametrize(
    ("name", "signal"),
    [("done", "done"), ("snooze", "snooze"), ("skip", "skip"), ("another", "another")],
)
def test_each_button_emits_its_signal(
    qtbot: QtBot, window: PromptWindow, name: str, signal: str
) -> None:
    show(window)
    with qtbot.waitSignal(getattr(window, signal), timeout=1000):
        click(button(window, name))


def test_done_snooze_skip_hide_the_window_but_another_keeps_it(
    qtbot: QtBot, window: PromptWindow
) -> None:
    show(window)
    click(button(window, "another"))
    assert window.isVisible()
    click(button(window, "done"))
    assert not window.isVisible()


def test_snooze_button_names_the_minutes(window: PromptWindow) -> None:
    window.show_entry(make_entry(), SVG, True, 15)
    assert button(window, "snooze").text() == "S&nooze 15 min"


def test_snooze_button_follows_a_new_snooze_length_while_open(window: PromptWindow) -> None:
    # Issue 10: the label stayed "Snooze 10 min" after the length changed in settings.
    window.show_entry(make_entry(), SVG, True, 10)
    window.set_snooze(False, 5)
    assert button(window, "snooze").text() == "S&nooze 5 min"
    assert not button(window, "snooze").isVisible()
    window.set_snooze(True, 5)
    assert button(window, "snooze").isVisible()


def test_an_open_window_refits_when_snooze_gives_way_to_its_reason(window: PromptWindow) -> None:
    # The line that replaces Snooze at the limit adds height: on an open window (the
    # service's update_snooze) the window must grow, not clip the steps.
    window.show_entry(make_entry(), SVG, True, 10)
    window.update_snooze(False, 10, snoozed_times=3)
    assert window.height() >= window.sizeHint().height()


def test_never_show_and_favourite_carry_the_entry_id(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    with qtbot.waitSignal(window.never_show, timeout=1000) as never:
        click(button(window, "never_show"))
    assert never.args == ["chest-opener"]
    with qtbot.waitSignal(window.favourite, timeout=1000) as fav:
        click(button(window, "favourite"))
    assert fav.args == ["chest-opener", True]
    with qtbot.waitSignal(window.favourite, timeout=1000) as unfav:
        click(button(window, "favourite"))
    assert unfav.args == ["chest-opener", False]


def test_showing_a_favourite_does_not_emit_favourite(qtbot: QtBot, window: PromptWindow) -> None:
    with qtbot.assertNotEmitted(window.favourite):
        window.show_entry(make_entry(), SVG, True, 10, favourite=True)
    assert button(window, "favourite").isChecked()


def test_escape_snoozes(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    with qtbot.waitSignal(window.snooze, timeout=1000):
        QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_enter_never_answers_the_prompt(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    decisions = [window.done, window.snooze, window.skip, window.another]
    pushes = window.findChildren(QPushButton)
    assert len(pushes) >= 5
    for signal in decisions:
        with qtbot.assertNotEmitted(signal):
            QTest.keyClick(window, Qt.Key.Key_Return)
            # Even on a focused button, Enter does nothing (only a click or Space does).
            for push in pushes:
                QTest.keyClick(push, Qt.Key.Key_Return)
                QTest.keyClick(push, Qt.Key.Key_Enter)
    assert window.isVisible()
    for push in window.findChildren(QPushButton):
        assert not push.autoDefault(), push.objectName()
        assert not push.isDefault(), push.objectName()


def test_first_focus_goes_to_the_harmless_start_button(window: PromptWindow) -> None:
    show(window)
    assert window.focusWidget() is button(window, "start")


def test_closing_the_window_snoozes(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    with qtbot.waitSignal(window.snooze, timeout=1000):
        window.close()
    assert not window.isVisible()


def test_closing_because_the_app_quits_is_not_a_snooze(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # What QApplication.quit() does: close every window, end the loop, emit aboutToQuit.
    window.close()
    app.aboutToQuit.emit()
    with qtbot.assertNotEmitted(window.snooze, wait=100):
        pass


def test_close_prompt_reports_nothing(qtbot: QtBot, window: PromptWindow) -> None:
    show(window)
    with (
        qtbot.assertNotEmitted(window.snooze, wait=100),
        qtbot.assertNotEmitted(window.skip),
    ):
        window.close_prompt()
        window.close()
    assert not window.isVisible()


def test_snooze_is_hidden_when_not_allowed(window: PromptWindow) -> None:
    show(window, can_snooze=False)
    snooze = button(window, "snooze")
    assert not snooze.isVisible()
    assert not snooze.isEnabled()
    show(window, can_snooze=True)
    assert snooze.isVisible()


@pytest.mark.parametrize(
    ("times", "reason"),
    [
        (3, "Snoozed 3 times — time to move"),
        (1, "Snoozed once — time to move"),
        (0, "No snoozing this time — time to move"),  # a snooze limit lowered to 0
    ],
)
def test_at_the_snooze_limit_the_window_says_why_snooze_is_gone(
    window: PromptWindow, times: int, reason: str
) -> None:
    window.show_entry(make_entry(), SVG, False, 10, snoozed_times=times)
    spent = label(window, "snooze_spent")
    assert spent.isVisible()
    assert spent.text() == reason
    assert not button(window, "snooze").isVisible()
    # A new break (the snoozes start again) takes the line away and Snooze comes back.
    window.show_entry(make_entry(), SVG, True, 10, snoozed_times=0)
    assert not spent.isVisible()
    assert button(window, "snooze").isVisible()


def test_a_setting_change_at_the_limit_says_why_at_once(window: PromptWindow) -> None:
    window.show_entry(make_entry(), SVG, True, 10, snoozed_times=2)
    assert not label(window, "snooze_spent").isVisible()
    window.set_snooze(False, 10, 2)
    assert label(window, "snooze_spent").text() == "Snoozed 2 times — time to move"
    assert label(window, "snooze_spent").isVisible()


def test_show_entry_twice_reuses_one_window(window: PromptWindow) -> None:
    show(window)
    show(window, make_entry("posture", sides="one"))
    prompts = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PromptWindow) and w.isVisible()
    ]
    assert prompts == [window]
    assert label(window, "title").text() == "Posture check"


def test_show_entry_resets_a_running_countdown(window: PromptWindow) -> None:
    show(window)
    qtbot_click_start(window)
    window.tick()
    assert window.countdown_clock == format_countdown(9)
    show(window)
    assert window.countdown_clock == format_countdown(10)
    assert not window.countdown_running


def qtbot_click_start(window: PromptWindow) -> None:
    start = button(window, "start")
    assert isinstance(start, QPushButton)
    start.click()


def active_timers(window: PromptWindow) -> list[QTimer]:
    return [timer for timer in window.findChildren(QTimer) if timer.isActive()]


def test_countdown_each_side_switches_at_half_and_ends(qtbot: QtBot, window: PromptWindow) -> None:
    show(window, make_entry(duration=10))
    cues: list[str] = []
    window.cue_requested.connect(cues.append)
    assert window.countdown_clock == "0:10"
    assert active_timers(window) == []  # idle: nothing wakes up

    qtbot_click_start(window)
    assert window.countdown_running
    assert cues == ["start"]
    for _ in range(4):
        window.tick()
    assert window.countdown_clock == "0:06"
    assert "Switch sides" not in window.countdown_status
    window.tick()
    assert window.countdown_status == "Switch sides"
    assert cues == ["start", "switch"]
    for _ in range(5):
        window.tick()
    assert window.countdown_clock == "0:00"
    assert window.countdown_status == "Done — nice work. Counted; closing in 5 s"
    assert cues == ["start", "switch", "end"]
    # The beat goes on for the few seconds before the window counts it as done...
    assert window.closing_in == 5
    assert window.countdown_running
    window.close_prompt()
    # ...and nothing is left awake once the window is gone.
    assert active_timers(window) == []


def test_countdown_one_side_never_says_switch(window: PromptWindow) -> None:
    show(window, make_entry(sides="one", duration=4))
    cues: list[str] = []
    window.cue_requested.connect(cues.append)
    qtbot_click_start(window)
    for _ in range(4):
        window.tick()
    assert cues == ["start", "end"]
    assert window.countdown_status.startswith("Done — nice work")


def test_the_window_itself_makes_no_sound(
    monkeypatch: pytest.MonkeyPatch, window: PromptWindow
) -> None:
    # Chimes and speech are the CuePlayer's job (it reads the user's settings); a beep
    # from the window would sound on top of them, or despite sound being off.
    beeps: list[None] = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(None))
    show(window, make_entry(duration=4))
    qtbot_click_start(window)
    for _ in range(4):
        window.tick()
    assert window.countdown_status.startswith("Done — nice work")
    assert beeps == []


def test_pause_stops_the_timer_and_resume_continues(window: PromptWindow) -> None:
    show(window)
    qtbot_click_start(window)
    window.tick()
    qtbot_click_start(window)  # pause
    assert not window.countdown_running
    assert active_timers(window) == []
    qtbot_click_start(window)  # resume
    assert window.countdown_running
    assert window.countdown_clock == "0:09"


def test_real_timer_ticks(qtbot: QtBot, window: PromptWindow) -> None:
    show(window, make_entry(sides="one", duration=1))
    qtbot_click_start(window)
    qtbot.waitUntil(lambda: window.countdown_status.startswith("Done — nice work"), timeout=3000)
    assert window.closing_in is not None


def test_no_countdown_row_for_entries_without_a_hold(window: PromptWindow) -> None:
    show(window, make_entry(duration=0))
    assert not button(window, "start").isVisible()


def test_every_control_has_an_accessible_name(window: PromptWindow) -> None:
    show(window)
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) >= 7
    for control in buttons:
        assert control.accessibleName(), control.objectName()
    for name in ("done", "snooze", "skip", "another", "start"):
        assert "&" in button(window, name).text(), name  # has a mnemonic


def test_shows_without_taking_focus(window: PromptWindow) -> None:
    show(window)
    assert window.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    # A dialog, not a Tool window: window managers leave utility windows out of Alt+Tab.
    assert flags & Qt.WindowType.WindowType_Mask == Qt.WindowType.Dialog
    # Not WindowDoesNotAcceptFocus: the user must be able to click in and use the keyboard.
    assert not flags & Qt.WindowType.WindowDoesNotAcceptFocus


def test_placed_inside_the_screen(window: PromptWindow) -> None:
    show(window)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    assert screen.availableGeometry().contains(window.frameGeometry())


def test_placed_in_the_corner_nearest_the_tray(window: PromptWindow) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    area = screen.availableGeometry()
    # A tray icon at the top right of the screen: the prompt goes top-right.
    icon = QRect(screen.geometry().right() - 30, screen.geometry().top(), 24, 24)
    window.set_tray_icon_area(lambda: icon)
    show(window)
    frame = window.frameGeometry()
    assert window.corner == "top-right"
    assert frame.top() == area.top() + SCREEN_MARGIN
    assert frame.right() == area.right() - SCREEN_MARGIN


def test_new_content_keeps_the_corner(window: PromptWindow) -> None:
    show(window, make_entry(caution=None))
    corner = window.frameGeometry().bottomRight()
    long_entry = make_entry()
    long_entry = dataclasses.replace(long_entry, steps=long_entry.steps * 4)
    window.show_entry(long_entry, None, True, 10)
    assert window.frameGeometry().bottomRight() == corner
    assert window.height() > 0


def test_a_new_entry_brings_a_minimized_prompt_back(window: PromptWindow) -> None:
    show(window)
    window.setWindowState(Qt.WindowState.WindowMinimized)
    assert window.isMinimized()
    window.show_entry(make_entry("posture"), None, True, 10)
    assert not window.isMinimized()
    assert window.isVisible()
    assert window.is_open


def test_bring_back_restores_a_minimized_prompt_only_while_open(window: PromptWindow) -> None:
    show(window)
    window.setWindowState(Qt.WindowState.WindowMinimized)
    window.bring_back()
    assert not window.isMinimized() and window.isVisible()
    window.close_prompt()
    window.bring_back()
    assert not window.isVisible()  # nothing open: nothing to bring back
