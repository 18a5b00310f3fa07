"""The break-cycle rules: when the next stand-up prompt is due and what each event does.

Pure functions over immutable values. No Qt, no scheduler, no ``datetime.now()``: the
caller passes ``now`` (aware, UTC) and the user's time zone. All durations are measured in
absolute (UTC) time, so "sat for 60 minutes" stays 60 minutes across a DST change; working
hours are local wall-clock times in the user's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from backbreak.core.settings import Settings
from backbreak.core.status import Status


@dataclass(frozen=True)
class Pause:
    """Reminders paused; ``until`` None means until the user resumes."""

    until: datetime | None
    meeting: bool = False
    """A meeting hold gives one prompt as soon as it ends (issue 5); a plain pause restarts
    the sitting clock when it ends."""


@dataclass(frozen=True)
class CycleState:
    """What the service persists between runs. Every datetime is aware UTC."""

    sitting_since: datetime | None = None
    """Start of the current sitting stretch: the last break, away period or resume."""
    snoozed_until: datetime | None = None
    snoozes_in_row: int = 0
    pause: Pause | None = None
    prompt_open_since: datetime | None = None
    last_seen: datetime | None = None
    """Last time the app was known to run (updated on every event): on start, a gap since
    then of at least the away threshold counts as time away."""


# ---- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Started:
    """The app started (login, restart after a crash)."""


@dataclass(frozen=True)
class PromptShown:
    pass


@dataclass(frozen=True)
class Completed:
    pass


@dataclass(frozen=True)
class Snoozed:
    minutes: int


@dataclass(frozen=True)
class Skipped:
    pass


@dataclass(frozen=True)
class Paused:
    until: datetime | None
    meeting: bool = False


@dataclass(frozen=True)
class Resumed:
    pass


@dataclass(frozen=True)
class Away:
    """The user was away (idle, locked, asleep) from ``start`` to ``end``."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class ClockJumped:
    """The wall clock moved by ``delta`` relative to real elapsed time (NTP, manual change).

    Stored instants that measure elapsed time shift by it, so no sitting time is lost or
    invented."""

    delta: timedelta


Event = (
    Started
    | PromptShown
    | Completed
    | Snoozed
    | Skipped
    | Paused
    | Resumed
    | Away
    | ClockJumped
)


def settle(state: CycleState, settings: Settings, now: datetime) -> CycleState:
    """Bring ``state`` up to ``now``: end an expired pause, pull future instants back."""
    raise NotImplementedError


def apply(state: CycleState, event: Event, settings: Settings, now: datetime) -> CycleState:
    """The state after ``event`` happened at ``now``."""
    raise NotImplementedError


def next_prompt_at(
    state: CycleState, settings: Settings, now: datetime, zone: tzinfo
) -> datetime | None:
    """When the next prompt is due: never before ``now``, never outside working time."""
    raise NotImplementedError


def can_snooze(state: CycleState, settings: Settings) -> bool:
    return settings.snooze_limit == 0 or state.snoozes_in_row < settings.snooze_limit


def status(state: CycleState, settings: Settings, now: datetime, zone: tzinfo) -> Status:
    raise NotImplementedError


__all__ = ["CycleState", "Event", "Pause", "apply", "next_prompt_at", "replace", "settle", "status"]
