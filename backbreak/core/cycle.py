"""The break-cycle rules: when the next stand-up prompt is due and what each event does.

Pure functions over immutable values. No Qt, no scheduler, no ``datetime.now()``: the
caller passes ``now`` (aware, UTC) and the user's time zone. All durations are measured in
absolute (UTC) time, so "sat for 60 minutes" stays 60 minutes across a DST change; working
hours are local wall-clock times in the user's zone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from typing import assert_never

from backbreak.core.settings import Settings
from backbreak.core.status import Mode, Status
from backbreak.core.workhours import is_working_time, working_periods


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
    """When the open prompt window was last shown: its first showing or its latest nudge
    (None when no window is open). The next nudge is due one interval after it, so an
    unanswered window is nudged once an interval for as long as it stays open (issue 10:
    keeping the first showing here put every later nudge in the past, and the service
    woke at once, forever). Nudging does not stop after a number of nudges: working
    hours already bound it to a few a day, and an open window is never stacked."""
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
    Started | PromptShown | Completed | Snoozed | Skipped | Paused | Resumed | Away | ClockJumped
)


def _earliest(a: datetime | None, b: datetime) -> datetime | None:
    return None if a is None else min(a, b)


def settle(state: CycleState, settings: Settings, now: datetime) -> CycleState:
    """Bring ``state`` up to ``now``: end an expired pause, pull future instants back.

    - A plain pause that has ended restarts the sitting clock at its end.
    - A meeting pause that has ended keeps the sitting stretch (sitting through a meeting
      is still sitting) and records the end as ``snoozed_until``: a snooze that is already
      due is exactly "prompt right when the meeting ends", with no new state field. That
      happens only if the interval had run out by then; a short sit (or a break taken during
      the meeting) keeps its ordinary due time, so a prompt never comes early.
    - Either way a snooze from before the pause no longer counts (the ``Paused`` event
      already clears it; this keeps odd stored states consistent): the due time computed
      during the pause stays the due time after it. A window open when the pause ends was
      asked for during it (``Paused`` closes the others): it stays open, to be nudged one
      interval after the pause's end (issue 10).
    - Instants that measure the past (sitting, open prompt, last seen) cannot lie after
      ``now``; if they do, the clock moved back unannounced and they are clamped to ``now``.
      A snooze cannot reach further than one snooze length from ``now`` for the same reason.
    """
    pause = state.pause
    if pause is not None and pause.until is not None and pause.until <= now:
        if pause.meeting:
            interval = timedelta(minutes=settings.interval_minutes)
            interval_over = state.sitting_since is None or (
                pause.until >= state.sitting_since + interval
            )
            # Without the marker the ordinary (later) interval end applies.
            marker = pause.until if interval_over else None
            state = replace(state, pause=None, snoozed_until=marker)
        else:
            state = replace(state, pause=None, sitting_since=pause.until, snoozed_until=None)
        if state.prompt_open_since is not None:
            # A window asked for during the pause (break now) stays open, and its next
            # nudge counts from the pause's end, as next_prompt_at promised during it.
            state = replace(state, prompt_open_since=max(state.prompt_open_since, pause.until))
    snooze_horizon = now + timedelta(minutes=settings.snooze_minutes)
    clamped = (
        _earliest(state.sitting_since, now),
        _earliest(state.prompt_open_since, now),
        _earliest(state.last_seen, now),
        _earliest(state.snoozed_until, snooze_horizon),
    )
    if clamped == (
        state.sitting_since,
        state.prompt_open_since,
        state.last_seen,
        state.snoozed_until,
    ):
        return state  # the usual case; every wake-up settles a few times
    sitting, prompt, seen, snoozed = clamped
    return replace(
        state,
        sitting_since=sitting,
        prompt_open_since=prompt,
        last_seen=seen,
        snoozed_until=snoozed,
    )


def _shift(value: datetime | None, delta: timedelta) -> datetime | None:
    return None if value is None else value + delta


def _new_stretch(state: CycleState, now: datetime) -> CycleState:
    """A sitting stretch starts now: no snooze pending, no window open."""
    return replace(
        state, sitting_since=now, snoozed_until=None, snoozes_in_row=0, prompt_open_since=None
    )


def _apply_settled(
    state: CycleState, event: Event, settings: Settings, now: datetime
) -> CycleState:
    match event:
        case Started():
            away = timedelta(minutes=settings.away_minutes)
            fresh = (
                state.last_seen is None
                or state.sitting_since is None
                or now - state.last_seen >= away
            )
            if fresh:
                # The app was off or the machine asleep long enough to count as a break.
                return _new_stretch(state, now)
            # A quick restart: same sitting stretch, but no window survives a restart.
            return replace(state, prompt_open_since=None)
        case PromptShown():
            # A nudge (or a swapped exercise) re-shows the window: the next nudge counts
            # from now, never from the first showing.
            return replace(state, prompt_open_since=now, snoozed_until=None)
        case Completed() | Skipped():
            # Skipping still starts a new interval: the user saw the prompt and chose.
            return _new_stretch(state, now)
        case Snoozed(minutes=minutes):
            return replace(
                state,
                snoozed_until=now + timedelta(minutes=minutes),
                snoozes_in_row=state.snoozes_in_row + 1,
                prompt_open_since=None,
            )
        case Paused(until=until, meeting=meeting):
            return replace(
                state,
                pause=Pause(until, meeting),
                snoozed_until=None,
                snoozes_in_row=0,
                prompt_open_since=None,
            )
        case Resumed():
            # A window asked for during the pause (break now) stays open: resuming answers
            # nothing (found by the simulator, issue 10).
            return replace(
                state, pause=None, sitting_since=now, snoozed_until=None, snoozes_in_row=0
            )
        case Away(start=start, end=end):
            if end - start < timedelta(minutes=settings.away_minutes):
                return state
            # A long enough absence is a break. An open prompt stays open (issue 5): the
            # window was not answered, and being away is not the same as skipping it.
            sitting = end if state.sitting_since is None else max(state.sitting_since, end)
            return replace(state, sitting_since=sitting, snoozed_until=None, snoozes_in_row=0)
        case ClockJumped():
            # Already shifted before settling; see apply().
            return state
    assert_never(event)


def apply(state: CycleState, event: Event, settings: Settings, now: datetime) -> CycleState:
    """The state after ``event`` happened at ``now``.

    The state is settled first, except that a clock jump shifts the stored instants before
    settling: settling first would clamp instants the jump has just put in the "future"
    and lose the sitting time they measure. ``pause.until`` is not shifted: it is a
    wall-clock promise made to the user ("until 14:00").
    """
    if isinstance(event, ClockJumped):
        state = replace(
            state,
            sitting_since=_shift(state.sitting_since, event.delta),
            snoozed_until=_shift(state.snoozed_until, event.delta),
            prompt_open_since=_shift(state.prompt_open_since, event.delta),
            # last_seen needs no shift: every event sets it to ``now``.
        )
    state = settle(state, settings, now)
    return replace(_apply_settled(state, event, settings, now), last_seen=now)


def _fit_to_working_time(
    candidate: datetime,
    stretch_start: datetime,
    settings: Settings,
    zone: tzinfo,
) -> datetime | None:
    """Move ``candidate`` into working time.

    Inside a period the candidate stands, unless the sitting stretch began before that
    period: time sat before work (yesterday evening, or before 09:00) does not count, so
    the first prompt of the period comes one interval after it starts. A period too short
    to hold that prompt is skipped.
    """
    if not settings.working_hours_enabled:
        return candidate
    interval = timedelta(minutes=settings.interval_minutes)
    for period in working_periods(candidate, settings, zone):
        earliest = period.start + interval if stretch_start < period.start else period.start
        due = max(candidate, earliest)
        if due < period.end:
            return due
    return None


def next_prompt_at(
    state: CycleState, settings: Settings, now: datetime, zone: tzinfo
) -> datetime | None:
    """When the next prompt is due: never before ``now``, never outside working time.

    None when paused indefinitely, or when no working period within ``SEARCH_DAYS`` of the
    due time can hold a prompt.
    """
    state = settle(state, settings, now)
    interval = timedelta(minutes=settings.interval_minutes)
    stretch_start = now if state.sitting_since is None else state.sitting_since
    pause = state.pause
    if pause is not None:
        if pause.until is None:
            return None
        if pause.meeting and state.prompt_open_since is None:
            # The prompt held back by the meeting, as it ends; none before the interval.
            candidate = max(pause.until, stretch_start + interval)
        else:
            # A plain pause restarts the sitting clock when it ends; a window asked for
            # during a pause is nudged one interval after the pause ends (see settle).
            if not pause.meeting:
                stretch_start = pause.until
            candidate = pause.until + interval
    elif state.prompt_open_since is not None:
        # The open window is nudged one interval after it was last shown; a second
        # window is never stacked on it.
        candidate = state.prompt_open_since + interval
    elif state.snoozed_until is not None:
        candidate = state.snoozed_until
    else:
        candidate = stretch_start + interval
    # A prompt that fell due while the machine slept fires once, now, not in the past.
    candidate = max(candidate, now)
    return _fit_to_working_time(candidate, stretch_start, settings, zone)


def can_snooze(state: CycleState, settings: Settings) -> bool:
    return settings.snooze_limit == 0 or state.snoozes_in_row < settings.snooze_limit


def status(state: CycleState, settings: Settings, now: datetime, zone: tzinfo) -> Status:
    """A snapshot for the tray, the prompt window and ``backbreak status``."""
    state = settle(state, settings, now)
    upcoming = next_prompt_at(state, settings, now, zone)
    mode: Mode
    if state.pause is not None and state.pause.until is None:
        mode = "paused_indefinitely"
    elif state.pause is not None:
        mode = "paused"
    elif state.prompt_open_since is not None:
        mode = "prompt_open"
    elif upcoming is None:
        mode = "no_prompt_due"
    else:
        mode = "running"
    return Status(
        now=now,
        mode=mode,
        next_prompt_at=upcoming,
        paused_until=None if state.pause is None else state.pause.until,
        sitting_since=state.sitting_since,
        interval_minutes=settings.interval_minutes,
        can_snooze=can_snooze(state, settings),
        outside_working_hours=(
            settings.working_hours_enabled and not is_working_time(now, settings, zone)
        ),
    )


__all__ = [
    "Away",
    "ClockJumped",
    "Completed",
    "CycleState",
    "Event",
    "Pause",
    "Paused",
    "PromptShown",
    "Resumed",
    "Skipped",
    "Snoozed",
    "Started",
    "apply",
    "can_snooze",
    "next_prompt_at",
    "replace",
    "settle",
    "status",
]
