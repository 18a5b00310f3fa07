"""A once-a-minute heartbeat that notices sleep and clock changes.

Qt timers count monotonic time, which stops while the machine sleeps, so a wake-up armed
before a suspend comes late by the time asleep. Once a minute we compare the clocks
(``backbreak.core.clockwatch``) and tell the service, which re-arms from the wall clock.
One wake-up a minute is the whole idle cost; the timer is "very coarse" so the OS may batch it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer

from backbreak.core.clockwatch import Finding, Reading, compare

HEARTBEAT_MS = 60_000


def read_clocks(now: Callable[[], datetime]) -> Reading:
    # CLOCK_BOOTTIME (Linux) keeps counting through suspend; elsewhere we go without it.
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return Reading(
        wall=now(),
        monotonic=time.monotonic(),
        boottime=time.clock_gettime(boot) if boot is not None else None,
    )


class Heartbeat(QObject):
    def __init__(
        self,
        now: Callable[[], datetime],
        on_findings: Callable[[list[Finding]], None],
        parent: QObject | None = None,
        read: Callable[[Callable[[], datetime]], Reading] = read_clocks,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._read = read
        self._on_findings = on_findings
        self._last = read(now)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.setInterval(HEARTBEAT_MS)
        self._timer.timeout.connect(self.beat)

    def start(self) -> None:
        self._last = self._read(self._now)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def beat(self) -> None:
        """Compare the clocks with the last beat; also called on logind's resume signal."""
        current = self._read(self._now)
        findings = compare(self._last, current)
        self._last = current
        if findings:
            self._on_findings(findings)
