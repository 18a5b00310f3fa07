"""Working periods: when, in real (UTC) time, the user's local working hours run.

A working day ``d`` (``d.weekday()`` in ``settings.working_days``) has one period from
``d`` at ``work_start`` to ``d`` at ``work_end``, local time in the user's zone. When
``work_end <= work_start`` the period runs overnight and ends on ``d + 1`` at ``work_end``.
Periods that touch or overlap (only possible with odd settings) are merged into one.

Local wall-clock times are turned into UTC instants before any comparison, so DST changes
are handled by the zone's rules instead of by us:

- A wall time that does not exist (inside the spring-forward gap) is read with the offset
  in force before the gap (PEP 495, ``fold=0``), i.e. it lands as far after the gap as it
  was into it: a 02:30 start on the Berlin spring-forward day begins at 03:30 CEST.
- A wall time that happens twice (fall-back fold) means its first occurrence.

Only the standard library; the caller passes the instant and the zone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from backbreak.core.settings import Settings

SEARCH_DAYS = 14
"""How many days ahead the search for a working period goes before giving up. Two weeks
covers every valid schedule (at least one working day a week) with room to skip a period
too short to hold a prompt."""


class Period(NamedTuple):
    """One stretch of working time, ``start <= t < end``, both aware UTC."""

    start: datetime
    end: datetime

    def contains(self, t: datetime) -> bool:
        return self.start <= t < self.end


ANY_TIME = Period(datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=UTC))
"""The single period returned when working hours are turned off: every instant works."""


def local_instant(day: date, at: time, zone: tzinfo) -> datetime:
    """The UTC instant when the wall clock in ``zone`` shows ``at`` on ``day``."""
    # fold=0: first occurrence in a fall-back fold, offset-before-the-gap in a spring gap.
    wall = datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    return wall.astimezone(UTC)


def _day_period(day: date, settings: Settings, zone: tzinfo) -> Period:
    return _period_of(day, settings.work_start, settings.work_end, zone)


@functools.lru_cache(maxsize=64)
def _period_of(day: date, start: time, end: time, zone: tzinfo) -> Period:
    # Cached: every wake-up asks for the same few days again (a pure function of its
    # arguments; zones are immutable).
    end_day = day if end > start else day + timedelta(days=1)
    return Period(local_instant(day, start, zone), local_instant(end_day, end, zone))


def _scheduled_periods(
    t: datetime, settings: Settings, zone: tzinfo, days: int, working_days: frozenset[int]
) -> Iterator[Period]:
    """Periods by the schedule (ignoring the on/off switch) that end after ``t``.

    Lazy: a caller that needs only the next period or two (every wake-up does) does not
    pay for the whole ``days`` ahead."""
    first_day = t.astimezone(zone).date() - timedelta(days=1)  # yesterday's overnight shift
    pending: Period | None = None
    for day in (first_day + timedelta(days=n) for n in range(days + 2)):
        if day.weekday() not in working_days:
            continue
        period = _day_period(day, settings, zone)
        if period.end <= period.start:
            # Only a start/end pair straddling a DST gap can do this; nothing to work then.
            continue
        if pending is not None and period.start <= pending.end:
            pending = Period(pending.start, max(pending.end, period.end))
            continue
        if pending is not None and pending.end > t:
            yield pending
        pending = period
    if pending is not None and pending.end > t:
        yield pending


def working_periods(
    t: datetime, settings: Settings, zone: tzinfo, *, days: int = SEARCH_DAYS
) -> Iterator[Period]:
    """Working periods in time order, from the one containing ``t`` (or the next one),
    looking about ``days`` days ahead. With working hours off: just ``ANY_TIME``."""
    if not settings.working_hours_enabled:
        return iter((ANY_TIME,))
    return _scheduled_periods(t, settings, zone, days, settings.working_days)


def period_at_or_after(t: datetime, settings: Settings, zone: tzinfo) -> Period | None:
    """The working period containing ``t``, else the next one; None if none starts within
    ``SEARCH_DAYS``. With working hours off, ``ANY_TIME``."""
    return next(working_periods(t, settings, zone), None)


def is_working_time(t: datetime, settings: Settings, zone: tzinfo) -> bool:
    """Whether ``t`` lies inside a working period (always True with working hours off)."""
    period = period_at_or_after(t, settings, zone)
    return period is not None and period.contains(t)


def next_work_start(now: datetime, settings: Settings, zone: tzinfo) -> datetime | None:
    """When the next working period begins (strictly after ``now``), for "pause until work
    starts again" menus.

    It follows the configured hours even when working hours are switched off; then every
    day counts, so the answer is the next ``work_start`` on the local clock. None only for
    a schedule with no working days."""
    days = settings.working_days if settings.working_hours_enabled else frozenset(range(7))
    for period in _scheduled_periods(now, settings, zone, SEARCH_DAYS, days):
        if period.start > now:
            return period.start
    return None


__all__ = [
    "ANY_TIME",
    "SEARCH_DAYS",
    "Period",
    "is_working_time",
    "local_instant",
    "next_work_start",
    "period_at_or_after",
    "working_periods",
]
