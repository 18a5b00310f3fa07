"""A once-a-minute heartbeat: notices sleep and clock changes, and keeps the status fresh.

Qt timers count monotonic time, which stops while the machine sleeps, so a wake-up armed
before a suspend comes late by the time asleep. Once a minute we compare the clocks
(``backbreak.core.clockwatch``) and tell the app, which re-arms from the wall clock. The
same beat refreshes the "next break in N min" text, so the whole idle cost is one wake-up
a minute. Beats land just after the wall clock's minute turns, so the tray's minutes change
with the panel clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer

from backbreak.core.clockwatch import Finding, Reading, compare

HEARTBEAT_MS = 60_000
PAST_THE_MINUTE_MS = 50


def read_clocks(now: Callable[[], datetime]) -> Reading:
    # CLOCK_BOOTTIME (Linux) keeps counting through suspend; elsewhere we go without it.
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return Reading(
        wall=now(),
        monotonic=time.monotonic(),
        boottime=time.clock_gettime(boot) if boot is not None else None,
    )


def ms_to_next_minute(moment: datetime) -> int:
    """Milliseconds from ``moment`` to just past the next full minute."""
    into_minute = moment.second * 1000 + moment.microsecond // 1000
    return HEARTBEAT_MS - into_minute + PAST_THE_MINUTE_MS


class Heartbeat(QObject):
    def __init__(
        self,
        now: Callable[[], datetime],
        on_findings: Callable[[list[Finding]], None],
        parent: QObject | None = None,
        *,
        on_tick: Callable[[], None] = lambda: None,
        read: Callable[[Callable[[], datetime]], Reading] = read_clocks,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._read = read
        self._on_findings = on_findings
        self._on_tick = on_tick
        self._last = read(now)
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5 % early, before the minute turns.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._last = self._read(self._now)
        self._running = True
        self._arm()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    def _arm(self) -> None:
        self._timer.start(ms_to_next_minute(self._last.wall))

    def beat(self) -> None:
        """Compare the clocks with the last beat; also called on logind's resume signal."""
        current = self._read(self._now)
        findings = compare(self._last, current)
        self._last = current
        if findings:
            self._on_findings(findings)
        self._on_tick()
        if self._running:
            self._arm()  # re-aligned to the wall clock's minute after every beat
