"""A snapshot of the break cycle for the UI, the CLI ``status`` command and the tray."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Mode = Literal["running", "prompt_open", "paused", "paused_indefinitely", "no_prompt_due"]


@dataclass(frozen=True)
class Status:
    now: datetime
    mode: Mode
    next_prompt_at: datetime | None
    """When the next prompt is due (aware UTC), None when paused indefinitely or none fits."""
    paused_until: datetime | None
    sitting_since: datetime | None
    interval_minutes: int
    can_snooze: bool
    """False once the user snoozed ``snooze_limit`` times in a row."""
    held_reason: str | None = None
    """Why a due prompt waits: one of ``core.hold.HOLD_REASONS`` or "typing"; None when it
    doesn't."""
    outside_working_hours: bool = False
    """Now is outside the working hours set in settings (the tray says why it waits)."""
    wake_guard_tripped: bool = False
    """The runaway guard holds wake-ups back (``core.runaway``): a rule misbehaved."""

    @property
    def seconds_to_next(self) -> float | None:
        if self.next_prompt_at is None:
            return None
        return max(0.0, (self.next_prompt_at - self.now).total_seconds())

    @property
    def minutes_sitting(self) -> int:
        if self.sitting_since is None:
            return 0
        return max(0, int((self.now - self.sitting_since).total_seconds() // 60))
