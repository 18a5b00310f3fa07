"""PresenceMonitor: idle readings and session notices in, away periods out; the hold
reason from full-screen and DND detectors; no polling without an idle source."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from backbreak.core.settings import Settings
from backbreak.platform.calls import CallDetectors, ListedPrograms
from backbreak.platform.dnd import DndDetector
from backbreak.platform.fullscreen import FullscreenDetector
from backbreak.platform.idle import IdleSource, NullIdleSource
from backbreak.platform.presence import (
    AWAY_POLL_MS,
    GIVE_UP_AFTER,
    POLL_MS,
    PresenceMonitor,
    next_poll_ms,
)
from backbreak.platform.session_events import SessionEvents

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.current = T0

    def __call__(self) -> datetime:
        return self.current

    def advance(self, minutes: float) -> None:
        self.current += timedelta(minutes=minutes)


class FakeIdle:
    name = "fake"

    def __init__(self, seconds: float | None = 0.0) -> None:
        self.seconds = seconds
        self.reads = 0

    def idle_seconds(self) -> float | None:
        self.reads += 1
        return self.seconds


class Answer:
    def __init__(self, value: bool | None) -> None:
        self.value = value

    def is_fullscreen(self) -> bool | None:
        return self.value

    def describe(self) -> str:
        return "fake"


def _monitor(  # noqa: PLR0917 - test helper: every detector is optional
    clock: Clock,
    source: IdleSource,
    events: SessionEvents | None = None,
    fullscreen: FullscreenDetector | None = None,
    dnd: DndDetector | None = None,
    calls: CallDetectors | None = None,
) -> tuple[PresenceMonitor, list[tuple[datetime, datetime]]]:
    monitor = PresenceMonitor(
        clock,
        away_minutes=5,
        idle_source=source,
        session_events=events,
        fullscreen=fullscreen,
        dnd=dnd,
        calls=calls,
    )
    found: list[tuple[datetime, datetime]] = []
    monitor.away.connect(lambda start, end: found.append((start, end)))
    return monitor, found


def test_idle_stretch_then_input_emits_one_away(qtbot: QtBot) -> None:
    clock = Clock()
    idle = FakeIdle(0.0)
    monitor, found = _monitor(clock, idle)
    monitor.start()
    assert monitor.polling
    clock.advance(12)
    idle.seconds = 12 * 60
    monitor.sample()
    assert monitor.away_since == T0
    clock.advance(1)
    idle.seconds = 3.0
    monitor.sample()
    assert found == [(T0, clock.current - timedelta(seconds=3))]
    monitor.stop()


def test_no_idle_source_means_no_timer(qtbot: QtBot) -> None:
    monitor, _ = _monitor(Clock(), NullIdleSource())
    monitor.start()
    assert not monitor.polling
    assert monitor.seconds_since_input() is None


def test_a_source_that_stops_answering_stops_the_polling(qtbot: QtBot) -> None:
    idle = FakeIdle(1.0)
    monitor, _ = _monitor(Clock(), idle)
    monitor.start()
    idle.seconds = None
    for _ in range(GIVE_UP_AFTER):
        monitor.sample()
    assert not monitor.polling


def test_a_given_up_source_is_picked_again_after_resume(qtbot: QtBot) -> None:
    broken = FakeIdle(1.0)
    fresh = FakeIdle(2.0)
    events = SessionEvents(platform="darwin")
    monitor = PresenceMonitor(
        Clock(), 5, idle_source=broken, pick_source=lambda: fresh, session_events=events
    )
    monitor.start()
    broken.seconds = None
    for _ in range(GIVE_UP_AFTER):
        monitor.sample()
    assert not monitor.polling
    with qtbot.waitSignal(monitor.resumed, timeout=1000):
        events.handle_notice("about_to_sleep")
        events.handle_notice("resumed")
    assert monitor.polling
    assert monitor.idle_source is fresh
    monitor.stop()


def test_lock_unlock_and_sleep_resume_become_away_periods(qtbot: QtBot) -> None:
    clock = Clock()
    events = SessionEvents(platform="darwin")  # no OS hooks; notices fed by hand
    monitor, found = _monitor(clock, FakeIdle(0.5), events)
    events.handle_notice("locked")
    clock.advance(10)
    events.handle_notice("unlocked")
    assert found == [(T0, T0 + timedelta(minutes=10))]
    clock.advance(5)
    sleep_start = clock.current
    events.handle_notice("about_to_sleep")
    clock.advance(60)
    with qtbot.waitSignal(monitor.resumed, timeout=1000):
        events.handle_notice("resumed")
    assert found[-1] == (sleep_start, clock.current)
    # The heartbeat's view of the same sleep, a few seconds later, is not a second period.
    monitor.note_sleep(sleep_start, clock.current + timedelta(seconds=20))
    assert len(found) == 2


def test_a_sleep_only_the_heartbeat_saw_is_reported(qtbot: QtBot) -> None:
    clock = Clock()
    monitor, found = _monitor(clock, FakeIdle(0.5))
    monitor.note_sleep(T0, T0 + timedelta(minutes=40))
    assert found == [(T0, T0 + timedelta(minutes=40))]


def test_changing_the_threshold_applies(qtbot: QtBot) -> None:
    clock = Clock()
    idle = FakeIdle(0.0)
    monitor, found = _monitor(clock, idle)
    monitor.set_away_minutes(1)
    clock.advance(2)
    idle.seconds = 90
    monitor.sample()
    idle.seconds = 0
    monitor.sample()
    assert found == [(T0 + timedelta(seconds=30), T0 + timedelta(minutes=2))]


def test_hold_reason_prefers_fullscreen_then_dnd(qtbot: QtBot) -> None:
    def dnd(value: bool | None) -> DndDetector:
        return DndDetector(
            environ={}, platform="linux", inhibited=lambda: value, which=lambda name: None
        )

    cases = [
        (True, True, "fullscreen"),
        (False, True, "dnd"),
        (None, True, "dnd"),
        (False, False, None),
        (None, None, None),
    ]
    for full, dnd_on, expected in cases:
        monitor, _ = _monitor(
            Clock(),
            FakeIdle(),
            fullscreen=FullscreenDetector(backend=Answer(full)),
            dnd=dnd(dnd_on),
        )
        assert monitor.hold_reason() == expected, (full, dnd_on)


def test_seconds_since_input_is_a_fresh_reading(qtbot: QtBot) -> None:
    idle = FakeIdle(4.0)
    monitor, _ = _monitor(Clock(), idle)
    monitor.start()
    idle.seconds = 0.5
    assert monitor.seconds_since_input() == 0.5
    monitor.stop()


def test_readings_are_only_as_frequent_as_an_answer_could_matter() -> None:
    five = timedelta(minutes=5)
    # Active user, just typed: nothing can change before the threshold could be reached.
    assert next_poll_ms(0.5, away=False, threshold=five) == 299_500
    # Idle for 4 min 55 s: look again soon, but never sooner than the minimum gap.
    assert next_poll_ms(295.0, away=False, threshold=five) == POLL_MS
    # Away: once a minute is enough, the idle counter dates the return exactly.
    assert next_poll_ms(900.0, away=True, threshold=five) == AWAY_POLL_MS
    # A failed reading: retry after the minimum gap.
    assert next_poll_ms(None, away=False, threshold=five) == POLL_MS


def test_the_next_reading_is_planned_from_the_last_one(qtbot: QtBot) -> None:
    idle = FakeIdle(60.0)
    monitor, _ = _monitor(Clock(), idle)
    monitor.start()
    assert monitor.polling
    assert monitor._timer.isSingleShot()
    assert monitor._timer.interval() == 240_000  # 5 min threshold − 1 min idle
    monitor.stop()


class InUse:
    """A call detector with a fixed answer that counts how often it was asked."""

    def __init__(self, value: bool | None) -> None:
        self.value = value
        self.asked = 0

    def in_use(self) -> bool | None:
        self.asked += 1
        return self.value

    def describe(self) -> str:
        return "fake"


def _calls(mic: bool | None, camera: bool | None = False) -> CallDetectors:
    return CallDetectors(InUse(mic), InUse(camera), ListedPrograms(running=lambda: ["obs"]))


def test_a_call_holds_first_and_each_detector_has_its_setting(qtbot: QtBot) -> None:
    calls = _calls(True, True)
    monitor, _ = _monitor(
        Clock(), FakeIdle(), fullscreen=FullscreenDetector(backend=Answer(True)), calls=calls
    )
    assert monitor.hold_reason() == "microphone"
    monitor.set_hold_settings(Settings(hold_when_microphone=False))
    assert monitor.hold_reason() == "camera"
    microphone = calls.microphone
    assert isinstance(microphone, InUse)
    asked = microphone.asked
    monitor.set_hold_settings(Settings(hold_when_microphone=False, hold_when_camera=False))
    assert monitor.hold_reason() == "fullscreen"
    assert microphone.asked == asked  # a check that is turned off costs nothing
    # A turned-off full-screen hold no longer hides the program list behind it.
    monitor.set_hold_settings(
        Settings(
            hold_when_microphone=False,
            hold_when_camera=False,
            hold_when_fullscreen=False,
            hold_programs=("OBS",),
        )
    )
    assert monitor.hold_reason() == "program"
    monitor.set_hold_settings(
        Settings(hold_when_microphone=False, hold_when_camera=False, hold_when_fullscreen=False)
    )
    assert monitor.hold_reason() is None


def test_a_call_without_typing_is_never_time_away(qtbot: QtBot) -> None:
    clock = Clock()
    idle = FakeIdle(0.0)
    calls = _calls(True)
    monitor, found = _monitor(clock, idle, calls=calls)
    monitor.start()
    # Forty minutes on a call, listening, no key pressed: read at the threshold times.
    for minutes in range(5, 45, 5):
        clock.current = T0 + timedelta(minutes=minutes)
        idle.seconds = minutes * 60
        monitor.sample()
        assert monitor.away_since is None
    assert monitor.polling
    # The call ends; the user sits on without typing for ten more minutes, then types.
    microphone = calls.microphone
    assert isinstance(microphone, InUse)
    microphone.value = False
    clock.current = T0 + timedelta(minutes=50)
    idle.seconds = 50 * 60
    monitor.sample()
    clock.current = T0 + timedelta(minutes=52)
    idle.seconds = 0
    monitor.sample()
    # Only the time after the last moment seen on the call counts as away.
    assert found == [(T0 + timedelta(minutes=40), T0 + timedelta(minutes=52))]


def test_calls_are_asked_only_when_idle_would_turn_into_away(qtbot: QtBot) -> None:
    clock = Clock()
    idle = FakeIdle(0.0)
    calls = _calls(True)
    monitor, _ = _monitor(clock, idle, calls=calls)
    monitor.start()
    for seconds in (10, 60, 200):
        idle.seconds = seconds
        monitor.sample()
    microphone = calls.microphone
    assert isinstance(microphone, InUse)
    assert microphone.asked == 0
