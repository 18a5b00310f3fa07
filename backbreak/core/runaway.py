"""The runaway guard: defence in depth against a rules bug that turns into a busy loop.

The schedule is recomputed from the state after every event, so a rule that keeps putting
the next wake-up at "now" wakes the service again at once, forever (issue 10: a hundred
prompts a second). Whatever the bug, this guard notices the symptom, more than a handful
of wake-ups within a minute with no user input, and from then on keeps every wake-up at
least ``BACKOFF`` away until the user does something.

Why ``LIMIT`` = 6: an ordinary minute has at most two wake-ups (the heads-up notice, then
the prompt) plus a full-screen or Do Not Disturb hold looking again every 15 s, four a
minute. Waiting for a pause in typing looks again every second or two, but the user is
typing then: that is user input, and the service tells the guard so.

Pure: times are monotonic seconds passed in by the caller (a clock change must neither
trip nor hide it).
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

LOG_MARKER = "runaway guard:"
"""Starts the one error line logged when the guard trips; ``backbreak doctor`` looks for it."""
LIMIT = 6
"""More wake-ups than this within ``WINDOW_SECONDS`` without user input is a runaway."""
WINDOW_SECONDS = 60.0
BACKOFF = timedelta(minutes=5)
"""While tripped, no wake-up comes sooner than this after the last one: with a rule still
wrong, at most twelve prompts an hour instead of a hundred a second."""


class WakeGuard:
    def __init__(self) -> None:
        self._wakes: deque[float] = deque()
        self._tripped = False

    @property
    def tripped(self) -> bool:
        """True from the wake-up that tripped it until the next user input."""
        return self._tripped

    def note_wake(self, monotonic: float) -> bool:
        """Count a wake-up; True only for the one that trips the guard (log it once)."""
        self._wakes.append(monotonic)
        while self._wakes and self._wakes[0] < monotonic - WINDOW_SECONDS:
            self._wakes.popleft()
        if self._tripped or len(self._wakes) <= LIMIT:
            return False
        self._tripped = True
        return True

    def note_input(self) -> None:
        """The user did something (a click, a command, typing): start counting afresh."""
        self._wakes.clear()
        self._tripped = False

    def hold_back(self, when: datetime | None, now: datetime) -> datetime | None:
        """``when`` unchanged normally; while tripped, no sooner than ``BACKOFF`` from now."""
        if when is None or not self._tripped:
            return when
        return max(when, now + BACKOFF)


__all__ = ["BACKOFF", "LIMIT", "LOG_MARKER", "WINDOW_SECONDS", "WakeGuard"]
