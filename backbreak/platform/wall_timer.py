"""A one-shot timer for a wall-clock moment (the end-of-day summary, the daily purge).

QTimer counts monotonic time, which stops while the machine sleeps; so the owner calls
``rearm()`` after a resume or clock change (the heartbeat tells it), and the timer counts
again from the wall clock. Long waits are cut into hours so a clock change can't leave it
days off even without that call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer

MAX_WAIT_MS = 60 * 60 * 1000


class WallClockTimer(QObject):
    def __init__(
        self,
        now: Callable[[], datetime],
        on_time: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._on_time = on_time
        self._when: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._check)

    @property
    def when(self) -> datetime | None:
        return self._when

    def arm(self, when: datetime | None) -> None:
        self._when = when
        self.rearm()

    def rearm(self) -> None:
        self._timer.stop()
        if self._when is None:
            return
        wait_ms = (self._when - self._now()).total_seconds() * 1000
        self._timer.start(int(min(max(wait_ms, 0), MAX_WAIT_MS)) + 1)

    def _check(self) -> None:
        if self._when is None:
            return
        if self._now() >= self._when:
            self._when = None
            self._on_time()
        else:
            self.rearm()
