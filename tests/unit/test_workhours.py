"""Working periods in the user's zone, including DST days and overnight shifts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from backbreak.core.settings import Settings
from backbreak.core.workhours import (
    ANY_TIME,
    Period,
    is_working_time,
    local_instant,
    next_work_start,
    period_at_or_after,
    working_periods,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
OFFICE = Settings()  # Mon–Fri 09:00–18:00
EVERY_DAY = Settings(working_days=frozenset(range(7)))
NIGHTS = Settings(work_start=time(22, 0), work_end=time(6, 0))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Berlin wall-clock time as UTC (for unambiguous times)."""
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


# ---- local_instant ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "at", "zone", "expected"),
    [
        # Winter (CET, +1) and summer (CEST, +2) in Berlin.
        (date(2024, 1, 15), time(9, 0), BERLIN, utc(2024, 1, 15, 8, 0)),
        (date(2024, 7, 15), time(9, 0), BERLIN, utc(2024, 7, 15, 7, 0)),
        # On the change days themselves 09:00 is still 09:00 local.
        (date(2024, 3, 31), time(9, 0), BERLIN, utc(2024, 3, 31, 7, 0)),
        (date(2024, 10, 27), time(9, 0), BERLIN, utc(2024, 10, 27, 8, 0)),
        (date(2024, 3, 10), time(9, 0), NEW_YORK, utc(2024, 3, 10, 13, 0)),
        (date(2024, 11, 3), time(9, 0), NEW_YORK, utc(2024, 11, 3, 14, 0)),
        # 02:30 does not exist on the Berlin spring-forward day: read as 03:30 CEST.
        (date(2024, 3, 31), time(2, 30), BERLIN, utc(2024, 3, 31, 1, 30)),
        # 02:30 happens twice on the fall-back day: the first one (CEST) is meant.
        (date(2024, 10, 27), time(2, 30), BERLIN, utc(2024, 10, 27, 0, 30)),
    ],
)
def test_local_instant(day: date, at: time, zone: ZoneInfo, expected: datetime) -> None:
    assert local_instant(day, at, zone) == expected
    assert local_instant(day, at, zone).tzinfo is UTC


# ---- periods ------------------------------------------------------------------------------


def test_period_containing_now_on_a_weekday() -> None:
    period = period_at_or_after(berlin(2024, 3, 6, 11, 0), OFFICE, BERLIN)  # Wednesday
    assert period == Period(berlin(2024, 3, 6, 9, 0), berlin(2024, 3, 6, 18, 0))


def test_period_before_work_is_today() -> None:
    period = period_at_or_after(berlin(2024, 3, 6, 7, 0), OFFICE, BERLIN)
    assert period == Period(berlin(2024, 3, 6, 9, 0), berlin(2024, 3, 6, 18, 0))


def test_end_of_work_belongs_to_the_next_period() -> None:
    # Periods are half-open: 18:00 sharp is already after work.
    period = period_at_or_after(berlin(2024, 3, 6, 18, 0), OFFICE, BERLIN)
    assert period == Period(berlin(2024, 3, 7, 9, 0), berlin(2024, 3, 7, 18, 0))


def test_friday_evening_leads_to_monday() -> None:
    period = period_at_or_after(berlin(2024, 3, 8, 19, 0), OFFICE, BERLIN)  # Friday
    assert period == Period(berlin(2024, 3, 11, 9, 0), berlin(2024, 3, 11, 18, 0))


def test_overnight_period_runs_into_the_next_day() -> None:
    # Monday's night shift 22:00–06:00 still holds at 03:00 on Tuesday.
    period = period_at_or_after(berlin(2024, 3, 5, 3, 0), NIGHTS, BERLIN)
    assert period == Period(berlin(2024, 3, 4, 22, 0), berlin(2024, 3, 5, 6, 0))


def test_overnight_period_of_a_non_working_day_is_absent() -> None:
    # Saturday evening: Friday's shift ended at 06:00, Saturday is no working day.
    period = period_at_or_after(berlin(2024, 3, 9, 23, 0), NIGHTS, BERLIN)
    assert period == Period(berlin(2024, 3, 11, 22, 0), berlin(2024, 3, 12, 6, 0))


def test_overnight_shift_across_fall_back_is_nine_real_hours() -> None:
    nights_every_day = NIGHTS.replace(working_days=frozenset(range(7)))
    period = period_at_or_after(berlin(2024, 10, 26, 23, 0), nights_every_day, BERLIN)
    assert period is not None
    assert period.start == utc(2024, 10, 26, 20, 0)  # 22:00 CEST
    assert period.end == utc(2024, 10, 27, 5, 0)  # 06:00 CET
    assert period.end - period.start == utc(2024, 1, 1, 9) - utc(2024, 1, 1, 0)


def test_periods_are_ordered_and_end_after_the_instant() -> None:
    start = berlin(2024, 3, 6, 12, 0)
    periods = list(working_periods(start, OFFICE, BERLIN))
    assert periods[0].contains(start)
    assert all(p.end > start for p in periods)
    assert all(a.end < b.start for a, b in pairwise(periods))
    # Today and the 14 days after it: Wed 6 March up to and including Wed 20 March.
    assert len(periods) == 11
    assert periods[-1].start == berlin(2024, 3, 20, 9, 0)


def test_touching_periods_merge() -> None:
    # Start == end (not accepted from the file, but possible in code) means all day long.
    all_day = Settings(work_start=time(9, 0), work_end=time(9, 0))
    period = period_at_or_after(berlin(2024, 3, 6, 12, 0), all_day, BERLIN)
    assert period is not None
    assert period.contains(berlin(2024, 3, 7, 12, 0))  # Thursday noon, same period


def test_no_working_days_means_no_period() -> None:
    nobody = Settings(working_days=frozenset())
    assert period_at_or_after(berlin(2024, 3, 6, 12, 0), nobody, BERLIN) is None
    assert not is_working_time(berlin(2024, 3, 6, 12, 0), nobody, BERLIN)
    assert next_work_start(berlin(2024, 3, 6, 12, 0), nobody, BERLIN) is None


def test_working_hours_off_is_one_endless_period() -> None:
    off = OFFICE.replace(working_hours_enabled=False)
    assert period_at_or_after(berlin(2024, 3, 9, 3, 0), off, BERLIN) == ANY_TIME
    assert list(working_periods(berlin(2024, 3, 9, 3, 0), off, BERLIN)) == [ANY_TIME]


# ---- is_working_time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "instant", "expected"),
    [
        (OFFICE, berlin(2024, 3, 6, 8, 59), False),
        (OFFICE, berlin(2024, 3, 6, 9, 0), True),
        (OFFICE, berlin(2024, 3, 6, 17, 59), True),
        (OFFICE, berlin(2024, 3, 6, 18, 0), False),
        (OFFICE, berlin(2024, 3, 9, 12, 0), False),  # Saturday
        (OFFICE.replace(working_hours_enabled=False), berlin(2024, 3, 9, 3, 0), True),
        (NIGHTS, berlin(2024, 3, 6, 23, 0), True),
        (NIGHTS, berlin(2024, 3, 7, 5, 59), True),
        (NIGHTS, berlin(2024, 3, 7, 6, 0), False),
        (NIGHTS, berlin(2024, 3, 6, 12, 0), False),
        (NIGHTS, berlin(2024, 3, 9, 2, 0), True),  # Friday's shift, Saturday morning
        (NIGHTS, berlin(2024, 3, 10, 2, 0), False),  # no Saturday shift
        (EVERY_DAY, berlin(2024, 3, 31, 8, 30), False),  # DST day, before 09:00 local
        (EVERY_DAY, berlin(2024, 3, 31, 9, 0), True),
    ],
)
def test_is_working_time(settings: Settings, instant: datetime, expected: bool) -> None:
    assert is_working_time(instant, settings, BERLIN) is expected


# ---- next_work_start ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "now", "expected"),
    [
        (OFFICE, berlin(2024, 3, 6, 14, 0), berlin(2024, 3, 7, 9, 0)),  # during work
        (OFFICE, berlin(2024, 3, 6, 7, 0), berlin(2024, 3, 6, 9, 0)),  # before work
        (OFFICE, berlin(2024, 3, 6, 9, 0), berlin(2024, 3, 7, 9, 0)),  # strictly after
        (OFFICE, berlin(2024, 3, 8, 14, 0), berlin(2024, 3, 11, 9, 0)),  # Friday
        (NIGHTS, berlin(2024, 3, 6, 23, 0), berlin(2024, 3, 7, 22, 0)),
        # Working hours off: the configured start time on the very next day, weekend too.
        (
            OFFICE.replace(working_hours_enabled=False),
            berlin(2024, 3, 8, 14, 0),
            berlin(2024, 3, 9, 9, 0),
        ),
        # Spring forward in New York on Sunday 10 March: Monday 09:00 EDT.
        (OFFICE, datetime(2024, 3, 8, 17, 0, tzinfo=NEW_YORK), utc(2024, 3, 11, 13, 0)),
    ],
)
def test_next_work_start(settings: Settings, now: datetime, expected: datetime) -> None:
    zone = NEW_YORK if now.tzinfo is NEW_YORK else BERLIN
    assert next_work_start(now.astimezone(UTC), settings, zone) == expected
