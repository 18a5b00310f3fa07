"""The end-of-day summary: its one line of text and when it is due.

Pure: the caller passes the day's figures (from ``History.day_counts`` and
``History.longest_sitting``), the settings and the zone. The same line heads the History
window's Today tab, so the notification and the window never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from backbreak.core.durations import hours_minutes_text
from backbreak.core.i18n import N_, _
from backbreak.core.settings import Settings
from backbreak.core.workhours import SEARCH_DAYS, local_instant

DAY_SUMMARY_TITLE = N_("Your breaks today")
"""Title of the end-of-day notification (English; show it through ``_()``)."""


class DayFigures(Protocol):
    """What the summary needs from a day's counts (``platform.stats.DayCounts`` fits)."""

    @property
    def breaks(self) -> int: ...

    @property
    def completed(self) -> int: ...


def elapsed_text(seconds: float) -> str:
    """A time that has passed, to the nearest minute: ``6000`` → ``"1 h 40 min"``.

    Unlike the countdowns in ``ui.texts`` (which round up so "in 23 min" matches the
    panel clock), a look back rounds to the nearest minute: 14 min 20 s of stretching is
    "14 min", not 15.
    """
    if seconds < 30:
        return _("less than a minute")
    return hours_minutes_text(max(1, round(seconds / 60)))


def breaks_text(done: int, offered: int) -> str:
    """``"6 of 8 breaks done"``; ``"No breaks yet"`` when none was offered."""
    # A break can be done without counting as offered when its prompt came the day
    # before (snoozed across midnight); never say "3 of 2".
    offered = max(offered, done)
    if offered == 0:
        return _("No breaks yet")
    if offered == 1:
        return _("{0} of 1 break done").format(done)
    return _("{0} of {1} breaks done").format(done, offered)


def day_summary_text(
    counts: DayFigures, longest_sitting: timedelta, minutes_exercised: float
) -> str:
    """``"6 of 8 breaks done · longest sitting 1 h 40 min · 14 min of stretching"``.

    Parts with nothing to say (no sitting stretch ended by a break, no time exercised)
    are left out rather than shown as zero.
    """
    parts = [breaks_text(counts.completed, counts.breaks)]
    if longest_sitting > timedelta(0):
        parts.append(_("longest sitting {0}").format(elapsed_text(longest_sitting.total_seconds())))
    if minutes_exercised > 0:
        parts.append(_("{0} of stretching").format(elapsed_text(minutes_exercised * 60)))
    return " · ".join(parts)


def end_of_day_at(day: date, settings: Settings, zone: tzinfo) -> datetime | None:
    """When ``day``'s summary is due: the end of its working period (aware UTC).

    None when there is no summary that day: the summary and the back check-in are both
    turned off, working hours are off (no end to the day), or ``day`` is not a working
    day. An overnight period (``work_end <= work_start``) ends on the next calendar day.
    """
    wanted = settings.end_of_day_summary or settings.back_checkin != "off"
    if not wanted or not settings.working_hours_enabled:
        return None
    if day.weekday() not in settings.working_days:
        return None
    end_day = day if settings.work_end > settings.work_start else day + timedelta(days=1)
    return local_instant(end_day, settings.work_end, zone)


def next_end_of_day(
    now: datetime, settings: Settings, zone: tzinfo
) -> tuple[date, datetime] | None:
    """The next summary strictly after ``now``: (the working day it sums up, when it is
    due); None when no summary is due within ``SEARCH_DAYS`` (summary or hours off)."""
    # Start from yesterday: last night's overnight shift may still be running.
    first = now.astimezone(zone).date() - timedelta(days=1)
    for day in _days_from(first, SEARCH_DAYS + 2):
        due = end_of_day_at(day, settings, zone)
        if due is not None and due > now:
            return day, due
    return None


def _days_from(first: date, count: int) -> Iterator[date]:
    return (first + timedelta(days=n) for n in range(count))


__all__ = [
    "DAY_SUMMARY_TITLE",
    "DayFigures",
    "breaks_text",
    "day_summary_text",
    "elapsed_text",
    "end_of_day_at",
    "next_end_of_day",
]
