"""How times and the break status are said to the user: tray tooltip, tray popup and CLI.

Pure functions, no Qt: the CLI's ``status`` command uses them without a QApplication and
unit tests run them without a display. Weekday and month names are our own abbreviations
rather than ``strftime`` ones, because Qt calls ``setlocale(LC_ALL, "")`` at start-up on
Unix and the same status would otherwise read differently in the tray and CLI. Every phrase
goes through the ``_()`` seam (``backbreak.core.i18n``): English in the CLI and tests, the
user's language once the app has installed its translator.
"""

from __future__ import annotations

import math
from datetime import datetime, tzinfo

from backbreak.core.catalog import Entry
from backbreak.core.durations import hours_minutes_text
from backbreak.core.i18n import _
from backbreak.core.status import Status
from backbreak.ui.names import month_name, weekday_name

NEAR_SECONDS = 60 * 60
"""Up to this far ahead a break is told as "in 23 min"; further out also as a clock time."""
FAR_SECONDS = 12 * 60 * 60
"""Beyond this a break is told by its clock time alone."""


def duration_text(seconds: float) -> str:
    """``1380`` → ``"23 min"``, ``3900`` → ``"1 h 5 min"``, ``30`` → ``"less than a minute"``.

    Minutes round *up*: at 09:37:20 a break due at 10:00 is "in 23 min", which is what the
    clock on the panel suggests (10:00 − 09:37); rounding down would say 22.
    """
    if seconds < 60:
        return _("less than a minute")
    return hours_minutes_text(math.ceil(seconds / 60))


def clock_text(moment: datetime, zone: tzinfo, now: datetime | None = None) -> str:
    """``"14:30"`` in ``zone``; with ``now`` given, a day that is not today is named too:
    ``"Mon 10:00"`` within the coming week, ``"Mon 3 Mar 10:00"`` further away."""
    local = moment.astimezone(zone)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if now is None:
        return clock
    today = now.astimezone(zone).date()
    days_ahead = (local.date() - today).days
    if days_ahead == 0:
        return clock
    weekday = weekday_name(local.date())
    if 0 < days_ahead < 7:
        return _("{weekday} {time}").format(weekday=weekday, time=clock)
    return _("{weekday} {day} {month} {time}").format(
        weekday=weekday, day=local.day, month=month_name(local.date()), time=clock
    )


def status_text(status: Status, zone: tzinfo) -> str:
    """One line about the break cycle, e.g. ``"Next break in 23 min"``."""
    line = _cycle_text(status, zone)
    if status.wake_guard_tripped:
        return _("{0} (slowed down after a fault, see the log)").format(line)
    return line


def _cycle_text(status: Status, zone: tzinfo) -> str:
    if status.mode == "prompt_open":
        return _("Break due now")
    if status.mode == "paused_indefinitely" or (
        status.mode == "paused" and status.paused_until is None
    ):
        return _("Paused until you resume")
    if status.mode == "paused":
        assert status.paused_until is not None  # narrowed by the branch above
        return _("Paused until {0}").format(clock_text(status.paused_until, zone, status.now))
    if status.mode == "no_prompt_due":
        if status.next_prompt_at is None:
            return _("No break due until work starts")
        starts = clock_text(status.next_prompt_at, zone, status.now)
        return _("No break due until work starts ({0})").format(starts)
    return _next_break_text(status, zone)


def _next_break_text(status: Status, zone: tzinfo) -> str:
    seconds = status.seconds_to_next
    if seconds is None:
        return _("No break scheduled")
    if seconds <= 0:
        return _held_text(status.held_reason) or _("Break due now")
    assert status.next_prompt_at is not None  # seconds_to_next is None otherwise
    at = clock_text(status.next_prompt_at, zone, status.now)
    if status.outside_working_hours:
        # A grey ring and a far-off time say nothing by themselves: say why it waits.
        return _("Outside your working hours; next break {0}").format(at)
    if seconds <= NEAR_SECONDS:
        return _("Next break in {0}").format(duration_text(seconds))
    if seconds > FAR_SECONDS:
        # "in 63 h" says less than "Mon 09:00".
        return _("Next break at {0}").format(at)
    return _("Next break at {0} (in {1})").format(at, duration_text(seconds))


def _held_text(reason: str | None) -> str | None:
    if reason == "fullscreen":
        return _("Break waiting until the full-screen window closes")
    if reason == "dnd":
        return _("Break waiting until Do Not Disturb ends")
    if reason == "typing":
        return _("Break coming at the next pause in your typing")
    if reason in ("microphone", "camera"):
        return _("Break waiting until the call ends")
    if reason == "program":
        return _("Break waiting until the program on your list closes")
    return None


def sitting_text(status: Status) -> str | None:
    """``"Sitting for 37 min"``, or None when there is no sitting stretch to tell about."""
    if status.sitting_since is None or status.mode in ("paused", "paused_indefinitely"):
        return None
    return _("Sitting for {0}").format(duration_text(status.minutes_sitting * 60))


def fraction_elapsed(status: Status) -> float | None:
    """How far the countdown to the next break has come, 0.0 to 1.0 (the tray ring).

    Measured against one interval: a break due in 15 min of a 60 min interval is 0.75,
    also after a snooze. None when nothing counts down: paused, no break due, or the next
    break is further away than one interval (it waits for the working day to start).
    """
    if status.mode == "prompt_open":
        return 1.0
    seconds = status.seconds_to_next
    if status.mode != "running" or seconds is None:
        return None
    span = status.interval_minutes * 60.0
    if span <= 0 or seconds > span:
        return None
    return min(1.0, max(0.0, 1.0 - seconds / span))


def illustration_text(entry: Entry) -> str:
    """The text alternative of an exercise's picture, as a screen reader reads it."""
    # An entry without its own description (a user's) is named by its title.
    return entry.illustration_alt or _("Picture: {0}").format(entry.title)
