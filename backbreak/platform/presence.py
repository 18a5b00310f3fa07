"""Is the user at the computer? The ``Presence`` port, plus the away periods.

``PresenceMonitor`` owns the idle polling. It reads the idle source into the pure
``AwayTracker`` and emits ``away(start, end)`` when an absence ends. It reads only as often
as an answer could matter (a single-shot "very coarse" timer the OS may batch): while the
user is active, not before the idle time could first reach the away threshold (a user who
types all day costs one read per threshold, not six a minute); while away, once a minute,
since the idle counter tells the exact moment of return whenever we look.

Lock/unlock and sleep/resume notices from ``SessionEvents`` go into the same tracker, so
one absence is reported once however many sources saw it. Sleeps found by the clock
heartbeat go in through ``note_sleep`` for the same reason.

No idle source on this desktop means no timer at all: nothing to read, so no wake-ups.

A call is presence: when the idle time is about to make an absence (once per threshold, not
on every reading), the microphone and camera are asked, and while one is in use the user is
on a call, not away. The hold checks (``hold_reason``) ask only the detectors whose setting
is on, so a turned-off check costs nothing and never hides another one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from backbreak.core.away import AwayTracker
from backbreak.core.cycle import Away
from backbreak.core.settings import Settings
from backbreak.platform.calls import CallDetectors
from backbreak.platform.dnd import DndDetector
from backbreak.platform.fullscreen import FullscreenDetector
from backbreak.platform.idle import IdleSource, NullIdleSource, pick_idle_source
from backbreak.platform.session_events import SessionEvents

log = logging.getLogger(__name__)

POLL_MS = 10_000
"""The shortest gap between two readings, and the retry gap after a failed one."""
AWAY_POLL_MS = 60_000
"""Gap between readings while the user is away (to notice the return)."""
GIVE_UP_AFTER = 30
"""Failed readings in a row (5 minutes) after which polling stops until the next resume
or unlock: a source that broke (X server gone, D-Bus service restarted) is re-picked then."""


def next_poll_ms(idle_seconds: float | None, away: bool, threshold: timedelta) -> int:
    """When to read the idle time again, given the last reading."""
    if idle_seconds is None:
        return POLL_MS
    if away:
        return AWAY_POLL_MS
    until_threshold_ms = (threshold.total_seconds() - idle_seconds) * 1000
    return int(min(max(until_threshold_ms, POLL_MS), threshold.total_seconds() * 1000))


class PresenceMonitor(QObject):
    away = Signal(object, object)
    """(start, end): aware datetimes of an absence that just ended (at least the
    away threshold long)."""
    resumed = Signal()
    """The machine woke up (the lead runs the clock heartbeat at once)."""

    def __init__(
        self,
        now: Callable[[], datetime],
        away_minutes: int,
        *,
        idle_source: IdleSource | None = None,
        pick_source: Callable[[], IdleSource] = pick_idle_source,
        session_events: SessionEvents | None = None,
        fullscreen: FullscreenDetector | None = None,
        dnd: DndDetector | None = None,
        calls: CallDetectors | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._tracker = AwayTracker(timedelta(minutes=away_minutes))
        self._source = idle_source
        self._pick_source = pick_source
        self._events = session_events
        self._fullscreen = fullscreen
        self._dnd = dnd
        self._calls = calls
        self._hold_settings = Settings()
        self._failures = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.timeout.connect(self.sample)
        if session_events is not None:
            session_events.locked.connect(self._on_locked)
            session_events.unlocked.connect(self._on_unlocked)
            session_events.about_to_sleep.connect(self._on_about_to_sleep)
            session_events.resumed.connect(self._on_resumed)

    # ---- life cycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Pick the idle source (if none was given) and start polling when it works."""
        if self._source is None:
            self._source = self._pick_source()
        self._failures = 0
        if isinstance(self._source, NullIdleSource):
            log.info("no idle source: not polling")
            self._timer.stop()
            return
        self.sample()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def polling(self) -> bool:
        return self._timer.isActive()

    @property
    def idle_source(self) -> IdleSource:
        return self._source if self._source is not None else NullIdleSource()

    def set_away_minutes(self, minutes: int) -> None:
        self._tracker.threshold = timedelta(minutes=minutes)

    def set_hold_settings(self, settings: Settings) -> None:
        """Which holds are on (and the user's program list)."""
        self._hold_settings = settings
        if self._calls is not None:
            self._calls.programs.set_names(settings.hold_programs)

    @property
    def away_since(self) -> datetime | None:
        """The start of an absence in progress (for the status), None when present."""
        return self._tracker.away_since

    # ---- the Presence port ---------------------------------------------------------------------

    def seconds_since_input(self) -> float | None:
        """A fresh reading (asked every second or two only while a prompt waits for a pause
        in typing)."""
        if self._source is None:
            return None
        return self._source.idle_seconds()

    def hold_reason(self) -> str | None:
        """The first hold that is on and applies now. A call comes first: a shared screen
        or a full-screen video call reads better as "until the call ends"."""
        settings = self._hold_settings
        call = self.call_reason()
        if call is not None:
            return call
        if (
            settings.hold_when_fullscreen
            and self._fullscreen is not None
            and self._fullscreen.is_fullscreen()
        ):
            return "fullscreen"
        if settings.hold_when_dnd and self._dnd is not None and self._dnd.is_on():
            return "dnd"
        calls = self._calls
        if settings.hold_programs and calls is not None and calls.programs.in_use():
            return "program"
        return None

    def call_reason(self) -> str | None:
        """ "microphone" or "camera" while one is in use (and its hold is on), else None."""
        calls = self._calls
        if calls is None:
            return None
        settings = self._hold_settings
        if settings.hold_when_microphone and calls.microphone.in_use():
            return "microphone"
        if settings.hold_when_camera and calls.camera.in_use():
            return "camera"
        return None

    # ---- readings and notices ------------------------------------------------------------------

    def sample(self) -> None:
        """Read the idle time, report an absence that ended, and plan the next reading."""
        idle = self._source.idle_seconds() if self._source is not None else None
        if idle is None:
            self._failures += 1
            if self._failures >= GIVE_UP_AFTER:
                log.warning(
                    "idle source %s stopped answering; polling stops", self.idle_source.name
                )
                self._timer.stop()
                return
        else:
            self._failures = 0
            if self._becoming_away(idle) and self.call_reason() is not None:
                # On a call without touching the keyboard: present, not away. Looked at
                # again one threshold later, so a long call costs one check per threshold.
                self._tracker.on_call(self._now())
                idle = 0.0
            else:
                self._report(self._tracker.sample(self._now(), idle))
        away = self._tracker.away_since is not None
        self._timer.start(next_poll_ms(idle, away, self._tracker.threshold))

    def _becoming_away(self, idle: float) -> bool:
        return self._tracker.away_since is None and idle >= self._tracker.threshold.total_seconds()

    def note_sleep(self, start: datetime, end: datetime) -> None:
        """A sleep the clock heartbeat found: merged, so it is never reported twice."""
        self._report(self._tracker.slept(start, end))

    def _on_locked(self) -> None:
        self._tracker.locked(self._now())

    def _on_unlocked(self) -> None:
        self._report(self._tracker.unlocked(self._now()))
        self._restart_if_given_up()

    def _on_about_to_sleep(self) -> None:
        self._tracker.about_to_sleep(self._now())

    def _on_resumed(self) -> None:
        self._report(self._tracker.resumed(self._now()))
        self._restart_if_given_up()
        self.resumed.emit()

    def _restart_if_given_up(self) -> None:
        if self._failures >= GIVE_UP_AFTER:
            log.info("re-picking the idle source after a resume/unlock")
            self._source = None
            self.start()

    def _report(self, period: Away | None) -> None:
        if period is not None:
            log.info("away from %s to %s", period.start, period.end)
            self.away.emit(period.start, period.end)
