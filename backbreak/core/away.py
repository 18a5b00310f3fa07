"""Turning idle readings and lock/sleep notices into "the user was away" periods.

Pure rules, fed by ``backbreak.platform.presence``: every ~10 s an idle reading (seconds
since the last keyboard/mouse input, or None when nothing can tell), plus the moments the
session was locked/unlocked or the machine went to sleep/woke up.

One absence is the union of everything that says "not here": an idle stretch of at least
the threshold, a locked screen, a sleeping machine. They often overlap (the screen locks
after some idle minutes, the machine suspends while locked, and resumes to the lock
screen), so the tracker merges them and reports ONE period when the user is back. A
period is never reported twice: whatever starts before the end of the last reported
period is clipped to that end (the heartbeat may later report the same sleep again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from backbreak.core.cycle import Away

RETURN_TOLERANCE = timedelta(seconds=2)
"""Input this close to the start of an idle stretch is the same stretch, not a return
(wall-clock noise between two readings of the idle counter)."""


class Blocker(Enum):
    """Something that keeps the user away whatever the idle counter says."""

    LOCKED = "locked"
    ASLEEP = "asleep"


@dataclass
class AwayTracker:
    """Feed it readings and notices; it answers an ``Away`` when an absence ends.

    ``threshold`` is the "away counts as a break" setting; shorter absences are not
    reported at all (the cycle ignores them anyway, and reporting them would only clip
    a longer period that follows).
    """

    threshold: timedelta
    _start: datetime | None = None
    _blockers: dict[Blocker, datetime] = field(default_factory=dict)
    _last_end: datetime | None = None
    _present_since: datetime | None = None

    @property
    def away_since(self) -> datetime | None:
        """The start of the absence in progress, if any is known yet."""
        return self._start

    def sample(self, now: datetime, idle_seconds: float | None) -> Away | None:
        """One idle reading taken at ``now``."""
        if idle_seconds is None:
            # No source (or it failed this time): nothing is known, nothing changes.
            return None
        idle = timedelta(seconds=max(0.0, idle_seconds))
        last_input = now - idle
        if self._start is None:
            if idle >= self.threshold:
                self._open(last_input)
            return None
        if idle >= self.threshold:
            # While locked, the idle counter can show that the user left before the lock
            # (a screen that locks itself after some idle minutes).
            self._open(last_input)
        if self._blockers:
            # Typing a password on the lock screen is input too; only the unlock counts.
            return None
        if last_input > self._start + RETURN_TOLERANCE:
            return self._close(last_input)
        return None

    def on_call(self, at: datetime) -> None:
        """The user is on a call at ``at`` (microphone or camera in use): present, however
        long since the last key press. No idle stretch may begin before ``at``, so a call
        without typing is never counted as time away."""
        if self._present_since is None or at > self._present_since:
            self._present_since = at

    def locked(self, at: datetime) -> None:
        self._block(Blocker.LOCKED, at)

    def unlocked(self, at: datetime) -> Away | None:
        return self._unblock(Blocker.LOCKED, at)

    def about_to_sleep(self, at: datetime) -> None:
        self._block(Blocker.ASLEEP, at)

    def resumed(self, at: datetime) -> Away | None:
        """The machine woke up. If it wakes to the lock screen, the period goes on until
        the unlock."""
        return self._unblock(Blocker.ASLEEP, at)

    def slept(self, start: datetime, end: datetime) -> Away | None:
        """A sleep found afterwards (the clock heartbeat): merged with what we know, so a
        sleep that the OS already announced is not reported a second time."""
        if self._last_end is not None and end <= self._last_end:
            return None
        self._open(start)
        return self._unblock(Blocker.ASLEEP, end)

    # ---- internals ---------------------------------------------------------------------

    def _open(self, start: datetime) -> None:
        if self._last_end is not None:
            start = max(start, self._last_end)
        if self._present_since is not None:
            start = max(start, self._present_since)
        self._start = start if self._start is None else min(self._start, start)

    def _block(self, blocker: Blocker, at: datetime) -> None:
        self._blockers.setdefault(blocker, at)
        self._open(at)

    def _unblock(self, blocker: Blocker, at: datetime) -> Away | None:
        self._blockers.pop(blocker, None)
        if self._blockers or self._start is None:
            # Still locked (or asleep), or an unlock we never saw the lock of: the start
            # is unknown, so there is nothing honest to report.
            return None
        return self._close(at)

    def _close(self, end: datetime) -> Away | None:
        start = self._start
        self._start = None
        if start is None or end - start < self.threshold:
            return None
        self._last_end = end
        return Away(start, end)
