"""The tray controller and its icon: menu intents, status text, waiting for a tray."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from backbreak.core.status import Mode, Status
from backbreak.ui.tray import FIRST_TRAY_CHECK_MS, LAST_TRAY_CHECK_MS, TrayController
from backbreak.ui.tray_icon import ICON_SIZES, render_tray_icon, tray_icon

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2024, 3, 13, 8, 37, 20, tzinfo=UTC)  # 09:37:20 in Berlin


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> datetime:
        return self.now


def make_status(
    mode: Mode = "running",
    next_in: timedelta | None = timedelta(minutes=23),
    paused_until: datetime | None = None,
    now: datetime = NOW,
) -> Status:
    return Status(
        now=now,
        mode=mode,
        next_prompt_at=None if next_in is None else NOW + next_in,
        paused_until=paused_until,
        sitting_since=NOW - timedelta(minutes=37),
        interval_minutes=60,
        can_snooze=True,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def tray(qtbot: QtBot, clock: Clock) -> Iterator[TrayController]:
    # Offscreen Qt has no system tray, so this is the "no tray (yet)" case.
    controller = TrayController(tray_available=lambda: False, now=clock, dark_panel=True)
    yield controller
    controller.hide()


@pytest.mark.parametrize(
    ("action_name", "signal_name"),
    [
        ("break_now_action", "break_now"),
        ("resume_action", "resume_requested"),
        ("settings_action", "settings_requested"),
        ("about_action", "about_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_menu_actions_emit_their_signal(
    qtbot: QtBot, tray: TrayController, action_name: str, signal_name: str
) -> None:
    with qtbot.waitSignal(getattr(tray, signal_name), timeout=1000):
        getattr(tray, action_name).trigger()


@pytest.mark.parametrize("key", ["30m", "1h", "2h", "tomorrow", "indefinitely"])
def test_pause_choices_emit_their_key(qtbot: QtBot, tray: TrayController, key: str) -> None:
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as blocker:
        tray.pause_actions[key].trigger()
    assert blocker.args == [key]
    assert tray.pause_actions[key] in tray.pause_menu.actions()


def test_history_is_disabled_with_a_reason_until_enabled(
    qtbot: QtBot, tray: TrayController
) -> None:
    assert not tray.history_action.isEnabled()
    assert tray.history_action.toolTip()
    tray.set_history_enabled(True)
    with qtbot.waitSignal(tray.history_requested, timeout=1000):
        tray.history_action.trigger()


def test_menu_lists_every_choice(tray: TrayController) -> None:
    texts = [action.text() for action in tray.menu.actions() if not action.isSeparator()]
    assert texts[1:] == [
        "Take a break now",
        "Show the break",  # shown instead of "Take a break now" while a prompt is open
        "Pause",
        "Resume",
        "Settings…",
        "History…",
        "About backbreak",
        "Quit",
    ]
    assert [a.text() for a in tray.pause_menu.actions()] == [
        "30 minutes",
        "1 hour",
        "2 hours",
        "Until tomorrow",
        "Until I resume",
        "",
        "Meeting (one break after it)",
    ]
    assert [a.text() for a in tray.meeting_menu.actions()] == [
        "30 minutes",
        "60 minutes",
        "90 minutes",
    ]


def test_meeting_choices_emit_their_keys(tray: TrayController) -> None:
    keys: list[str] = []
    tray.pause_requested.connect(keys.append)
    for action in tray.meeting_menu.actions():
        action.trigger()
    assert keys == ["meeting-30m", "meeting-60m", "meeting-90m"]


def test_tooltip_and_menu_line_for_a_running_cycle(tray: TrayController) -> None:
    tray.update(make_status(), BERLIN)
    assert tray.tooltip == "Next break in 23 min"
    assert tray.status_action.text() == "Next break in 23 min"
    assert not tray.resume_action.isVisible()
    assert tray.break_now_action.isEnabled()


def test_tooltip_when_paused_for_a_while(tray: TrayController) -> None:
    until = datetime(2024, 3, 13, 13, 30, tzinfo=UTC)
    tray.update(make_status("paused", None, paused_until=until), BERLIN)
    assert tray.tooltip == "Paused until 14:30"
    assert tray.resume_action.isVisible()


def test_tooltip_when_paused_until_resumed(tray: TrayController) -> None:
    tray.update(make_status("paused_indefinitely", None), BERLIN)
    assert tray.tooltip == "Paused until you resume"
    assert tray.resume_action.isVisible()
    tray.update(make_status(), BERLIN)
    assert not tray.resume_action.isVisible()


def test_break_now_is_disabled_while_a_prompt_is_open(tray: TrayController) -> None:
    tray.update(make_status("prompt_open"), BERLIN)
    assert tray.tooltip == "Break due now"
    assert not tray.break_now_action.isEnabled()


def test_show_the_break_is_offered_while_a_prompt_is_open(tray: TrayController) -> None:
    shown: list[bool] = []
    tray.show_break.connect(lambda: shown.append(True))
    tray.update(make_status(), BERLIN)
    assert not tray.show_break_action.isVisible()
    assert tray.break_now_action.isVisible()

    tray.update(make_status("prompt_open"), BERLIN)
    assert tray.show_break_action.isVisible()
    assert not tray.break_now_action.isVisible()
    tray.show_break_action.trigger()
    assert shown == [True]


def test_a_tray_click_brings_an_open_prompt_back(tray: TrayController) -> None:
    shown: list[bool] = []
    tray.show_break.connect(lambda: shown.append(True))
    tray.update(make_status("prompt_open"), BERLIN)
    tray._on_activated(QSystemTrayIcon.ActivationReason.Trigger)
    assert shown == [True]
    tray.update(make_status(), BERLIN)
    tray._on_activated(QSystemTrayIcon.ActivationReason.Trigger)
    assert shown == [True]  # without a prompt, a click shows the status as before


def test_minute_timer_runs_only_while_counting_down(tray: TrayController) -> None:
    tray.update(make_status(), BERLIN)
    assert tray.minute_timer_active
    tray.update(make_status("paused_indefinitely", None), BERLIN)
    assert not tray.minute_timer_active
    tray.update(make_status("prompt_open"), BERLIN)
    assert not tray.minute_timer_active


def test_minute_refresh_retells_the_time_left(tray: TrayController, clock: Clock) -> None:
    tray.update(make_status(), BERLIN)
    clock.now = NOW + timedelta(minutes=1)
    tray.refresh_from_clock()
    assert tray.tooltip == "Next break in 22 min"
    assert tray.minute_timer_active


def test_icon_is_repainted_only_when_the_ring_moves(tray: TrayController, clock: Clock) -> None:
    tray.update(make_status(next_in=timedelta(minutes=30)), BERLIN)
    first = tray.current_icon.cacheKey()
    # 30 s later the ring is still on the same sixteenth: no new icon.
    tray.update(make_status(next_in=timedelta(minutes=29, seconds=30)), BERLIN)
    assert tray.current_icon.cacheKey() == first
    tray.update(make_status(next_in=timedelta(minutes=20)), BERLIN)
    assert tray.current_icon.cacheKey() != first


def test_without_a_tray_nothing_is_shown_and_it_checks_with_back_off(
    tray: TrayController,
) -> None:
    assert not tray.tray_visible
    assert tray.show_message("backbreak", "hello") is False
    delays = [tray.next_tray_check_ms]
    for _ in range(8):
        tray.check_tray_now()
        delays.append(tray.next_tray_check_ms)
    assert delays[:4] == [FIRST_TRAY_CHECK_MS, 2 * FIRST_TRAY_CHECK_MS, 8000, 16000]
    assert delays[-1] == LAST_TRAY_CHECK_MS
    assert all(d is not None and d <= LAST_TRAY_CHECK_MS for d in delays)


# Offscreen Qt has no tray window to watch; the icon is still created and "shown".
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_creates_the_icon_once_a_tray_appears(qtbot: QtBot, clock: Clock) -> None:
    available = [False]
    controller = TrayController(tray_available=lambda: available[0], now=clock)
    try:
        controller.update(make_status(), BERLIN)
        assert controller.next_tray_check_ms == FIRST_TRAY_CHECK_MS
        available[0] = True
        controller.check_tray_now()
        assert controller.next_tray_check_ms is None  # no more checks
        assert controller.tray_visible
    finally:
        controller.hide()


def opaque_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("size", [16, 64])
@pytest.mark.parametrize("dark", [True, False])
def test_icon_renders_every_state(size: int, dark: bool) -> None:
    images = []
    for fraction, paused in [(None, False), (0.0, False), (0.5, False), (1.0, False), (0.5, True)]:
        pixmap = render_tray_icon(fraction, paused, size, dark)
        assert (pixmap.width(), pixmap.height()) == (size, size)
        image = pixmap.toImage()
        assert opaque_pixels(image) > size  # something visible was drawn
        assert image.pixelColor(0, 0).alpha() == 0  # corners stay transparent
        images.append(image)
    # Every state looks different from the others.
    assert len({bytes(image.constBits()) for image in images}) == len(images)


def test_ring_fills_with_the_fraction() -> None:
    quarter = render_tray_icon(0.35, False, 64, True).toImage()
    three_quarters = render_tray_icon(0.8, False, 64, True).toImage()
    # Left of centre (the 9 o'clock side) is only coloured once the ring passes 3/4.
    left = (6, 32)
    assert quarter.pixelColor(*left) != three_quarters.pixelColor(*left)
    # 3 o'clock is coloured in both.
    right = (57, 32)
    assert quarter.pixelColor(*right) == three_quarters.pixelColor(*right)


def test_tray_icon_has_every_panel_size() -> None:
    icon = tray_icon(0.5, False, dark_panel=False)
    available = {size.width() for size in icon.availableSizes()}
    # Each panel size, and twice its pixels for HiDPI (device pixel ratio 2) screens.
    assert available == {pixels for size in ICON_SIZES for pixels in (size, 2 * size)}
