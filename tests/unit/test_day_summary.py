from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from backbreak.core.day_summary import (
    breaks_text,
    day_summary_text,
    elapsed_text,
    end_of_day_at,
    next_end_of_day,
)
from backbreak.core.day_timeline import day_timeline
from backbreak.core.history_model import HistoryEvent
from backbreak.core.retention import retention_cutoff
from backbreak.core.settings import Settings
from backbreak.platform.stats import DayCounts

BERLIN = ZoneInfo("Europe/Berlin")
FRI = date(2026, 3, 13)
SAT = date(2026, 3, 14)


@dataclass(frozen=True)
class Figures:
    completed: int
    breaks: int


# ---- the summary line -----------------------------------------------------------------


def test_summary_line_has_every_part() -> None:
    text = day_summary_text(Figures(6, 8), timedelta(hours=1, minutes=40), 14.3)
    assert text == "6 of 8 breaks done · longest sitting 1 h 40 min · 14 min of stretching"


def test_summary_accepts_the_stats_day_counts() -> None:
    counts = DayCounts(FRI, prompted=3, completed=1, breaks=1, minutes_exercised=1.0)
    assert day_summary_text(counts, timedelta(0), counts.minutes_exercised) == (
        "1 of 1 break done · 1 min of stretching"
    )


def test_summary_leaves_out_what_did_not_happen() -> None:
    assert day_summary_text(Figures(0, 0), timedelta(0), 0.0) == "No breaks yet"
    assert day_summary_text(Figures(0, 2), timedelta(0), 0.0) == "0 of 2 breaks done"


def test_done_is_never_more_than_offered() -> None:
    # A prompt snoozed across midnight is done on a day that did not offer it.
    assert breaks_text(3, 2) == "3 of 3 breaks done"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "less than a minute"),
        (29, "less than a minute"),
        (31, "1 min"),
        (14 * 60 + 20, "14 min"),
        (14 * 60 + 40, "15 min"),
        (3600, "1 h"),
        (6000, "1 h 40 min"),
    ],
)
def test_elapsed_text_rounds_to_the_nearest_minute(seconds: int, text: str) -> None:
    assert elapsed_text(seconds) == text


# ---- when the summary is due ----------------------------------------------------------


def test_end_of_day_is_the_end_of_working_hours_in_the_zone() -> None:
    due = end_of_day_at(FRI, Settings(), BERLIN)
    assert due == datetime(2026, 3, 13, 17, 0, tzinfo=UTC)  # 18:00 CET


def test_end_of_day_follows_dst() -> None:
    # Berlin moves to summer time on 29 March 2026: 18:00 is then 16:00 UTC.
    assert end_of_day_at(date(2026, 3, 30), Settings(), BERLIN) == datetime(
        2026, 3, 30, 16, 0, tzinfo=UTC
    )


def test_no_summary_on_days_off_or_without_working_hours_or_when_turned_off() -> None:
    assert end_of_day_at(SAT, Settings(), BERLIN) is None
    assert end_of_day_at(FRI, Settings(working_hours_enabled=False), BERLIN) is None
    assert (
        end_of_day_at(FRI, Settings(end_of_day_summary=False, back_checkin="off"), BERLIN) is None
    )


def test_an_overnight_shift_ends_the_next_morning() -> None:
    night = Settings(work_start=time(22, 0), work_end=time(6, 0))
    assert end_of_day_at(FRI, night, BERLIN) == datetime(2026, 3, 14, 5, 0, tzinfo=UTC)


def test_next_end_of_day_skips_the_weekend() -> None:
    friday_evening = datetime(2026, 3, 13, 17, 30, tzinfo=UTC)
    assert next_end_of_day(friday_evening, Settings(), BERLIN) == (
        date(2026, 3, 16),
        datetime(2026, 3, 16, 17, 0, tzinfo=UTC),
    )
    friday_noon = datetime(2026, 3, 13, 11, 0, tzinfo=UTC)
    assert next_end_of_day(friday_noon, Settings(), BERLIN) == (
        FRI,
        datetime(2026, 3, 13, 17, 0, tzinfo=UTC),
    )
    assert (
        next_end_of_day(friday_noon, Settings(end_of_day_summary=False, back_checkin="off"), BERLIN)
        is None
    )


def test_next_end_of_day_finds_last_nights_shift_still_running() -> None:
    night = Settings(work_start=time(22, 0), work_end=time(6, 0))
    saturday_3am = datetime(2026, 3, 14, 2, 0, tzinfo=UTC)
    assert next_end_of_day(saturday_3am, night, BERLIN) == (
        FRI,
        datetime(2026, 3, 14, 5, 0, tzinfo=UTC),
    )


# ---- retention ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "months", "cutoff"),
    [
        (date(2026, 3, 13), 0, None),
        (date(2026, 3, 13), 1, date(2026, 2, 13)),
        (date(2026, 3, 13), 3, date(2025, 12, 13)),
        (date(2026, 5, 31), 3, date(2026, 2, 28)),
        (date(2024, 5, 31), 3, date(2024, 2, 29)),
        (date(2026, 3, 13), 120, date(2016, 3, 13)),
    ],
)
def test_retention_cutoff(today: date, months: int, cutoff: date | None) -> None:
    assert retention_cutoff(today, months) == cutoff


# ---- the day's timeline ---------------------------------------------------------------

DAY_START = datetime(2026, 3, 12, 23, 0, tzinfo=UTC)  # Berlin midnight, 13 March
DAY_END = DAY_START + timedelta(days=1)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, 13, hour, minute, tzinfo=BERLIN).astimezone(UTC)


def ev(kind: str, when: datetime, **kw: object) -> HistoryEvent:
    return HistoryEvent(
        kind=kind,  # type: ignore[arg-type]
        at=when,
        local_day=FRI,
        utc_offset_minutes=60,
        **kw,  # type: ignore[arg-type]
    )


def test_each_prompt_gets_the_outcome_of_its_answer() -> None:
    events = [
        ev("prompted", at(10), entry_id="a"),
        ev("snoozed", at(10, 1), entry_id="a", seconds=600),
        ev("prompted", at(10, 11), entry_id="a"),
        ev("another", at(10, 11), entry_id="a"),
        ev("prompted", at(10, 11), entry_id="b"),  # the swap: same break
        ev("completed", at(10, 13), entry_id="b", seconds=120, sitting_seconds=3600),
        ev("prompted", at(11, 15), entry_id="c"),
        ev("skipped", at(11, 16), entry_id="c"),
        ev("prompted", at(12, 15), entry_id="d"),
        ev("paused", at(12, 16), seconds=1800),
        ev("prompted", at(14), entry_id="e"),  # no answer yet
    ]
    timeline = day_timeline(events, DAY_START, DAY_END)
    assert [(m.outcome, m.entry_id) for m in timeline.markers] == [
        ("snoozed", "a"),
        ("done", "b"),
        ("skipped", "c"),
        ("paused", None),
        ("unanswered", "e"),
    ]
    assert [(p.start, p.end) for p in timeline.paused] == [(at(12, 16), at(12, 46))]


def test_sitting_stretches_end_where_the_break_began() -> None:
    events = [
        ev("completed", at(10, 2), entry_id="a", seconds=120, sitting_seconds=3720),
        ev("away", at(12, 30), seconds=1800, sitting_seconds=6480),
    ]
    timeline = day_timeline(events, DAY_START, DAY_END)
    assert [(s.start, s.end) for s in timeline.stretches] == [
        (at(9), at(10)),
        (at(10, 12), at(12)),
    ]
    assert timeline.longest == timeline.stretches[1]
    assert timeline.longest.sat == timedelta(seconds=6480)
    assert [(s.start, s.end) for s in timeline.away] == [(at(12), at(12, 30))]
    assert [(m.outcome, m.at) for m in timeline.markers] == [
        ("done", at(10, 2)),
        ("away", at(12)),
    ]


def test_spans_are_clipped_to_the_day_and_other_days_ignored() -> None:
    events = [
        ev("completed", at(0, 30), seconds=60, sitting_seconds=3 * 3600),
        ev("completed", DAY_END + timedelta(hours=1), seconds=60, sitting_seconds=600),
    ]
    timeline = day_timeline(events, DAY_START, DAY_END)
    assert [(s.start, s.end) for s in timeline.stretches] == [(DAY_START, at(0, 29))]
    assert len(timeline.markers) == 1


def test_a_pause_until_resumed_spans_to_the_resume() -> None:
    events = [ev("paused", at(13)), ev("resumed", at(14, 30))]
    timeline = day_timeline(events, DAY_START, DAY_END)
    assert [(p.start, p.end) for p in timeline.paused] == [(at(13), at(14, 30))]


def test_a_timed_pause_cancelled_by_resume_ends_at_the_resume() -> None:
    # Issue 10: a pause "until tomorrow" resumed a second later was drawn as paused time
    # until midnight.
    until_tomorrow = int((DAY_END - at(10)).total_seconds()) + 9 * 3600
    events = [
        ev("paused", at(10), seconds=until_tomorrow),
        ev("resumed", at(10) + timedelta(seconds=1)),
        ev("paused", at(15), seconds=3600),
        ev("paused", at(15, 20), seconds=600),  # a new pause replaces the running one
    ]
    timeline = day_timeline(events, DAY_START, DAY_END)
    assert [(p.start, p.end) for p in timeline.paused] == [
        (at(10), at(10) + timedelta(seconds=1)),
        (at(15), at(15, 20)),
        (at(15, 20), at(15, 30)),
    ]


def test_an_empty_day() -> None:
    timeline = day_timeline([], DAY_START, DAY_END)
    assert timeline.is_empty
    assert timeline.longest is None
