"""Promises that hold for any settings, any state and any sequence of events (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backbreak.core.cycle import (
    Away,
    ClockJumped,
    Completed,
    CycleState,
    Event,
    Pause,
    Paused,
    PromptShown,
    Resumed,
    Skipped,
    Snoozed,
    Started,
    apply,
    next_prompt_at,
    settle,
    status,
)
from backbreak.core.settings import Settings
from backbreak.core.workhours import is_working_time

ZONES = [
    ZoneInfo(name)
    for name in (
        "UTC",
        "Europe/Berlin",
        "America/New_York",
        "Australia/Lord_Howe",  # a 30-minute DST shift
        "Asia/Kolkata",  # a half-hour offset, no DST
        "Pacific/Apia",  # skipped a whole day in 2011
    )
]

PROPERTY_RUNS = hypothesis_settings(deadline=None, max_examples=200)

minutes = st.integers
times_of_day = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59]))


@st.composite
def user_settings(draw: st.DrawFn) -> Settings:
    """Any settings the validation accepts (start and end of work differ)."""
    start = draw(times_of_day)
    end = draw(times_of_day.filter(lambda t: t != start))
    return Settings(
        interval_minutes=draw(minutes(5, 240)),
        snooze_minutes=draw(minutes(1, 60)),
        snooze_limit=draw(minutes(0, 10)),
        away_minutes=draw(minutes(1, 60)),
        working_hours_enabled=draw(st.booleans()),
        work_start=start,
        work_end=end,
        working_days=draw(st.frozensets(st.integers(0, 6), min_size=1)),
    )


instants = st.datetimes(
    min_value=datetime(2010, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
)


def near(now: datetime, low: int, high: int) -> st.SearchStrategy[datetime]:
    """An instant from ``low`` to ``high`` minutes after ``now``."""
    return st.integers(low, high).map(lambda m: now + timedelta(minutes=m))


def optional_near(now: datetime, low: int, high: int) -> st.SearchStrategy[datetime | None]:
    return st.none() | near(now, low, high)


@st.composite
def states(draw: st.DrawFn, now: datetime) -> CycleState:
    """Any stored state, including instants a moved clock left in the future."""
    pause = draw(
        st.none() | st.builds(Pause, optional_near(now, -3000, 3000), st.booleans()),
    )
    return CycleState(
        sitting_since=draw(optional_near(now, -5000, 120)),
        snoozed_until=draw(optional_near(now, -600, 600)),
        snoozes_in_row=draw(st.integers(0, 12)),
        pause=pause,
        prompt_open_since=draw(optional_near(now, -600, 60)),
        last_seen=draw(optional_near(now, -5000, 60)),
    )


def events(now: datetime) -> st.SearchStrategy[Event]:
    away_end = near(now, -600, 0)
    return st.one_of(
        st.just(Started()),
        st.just(PromptShown()),
        st.just(Completed()),
        st.builds(Snoozed, minutes(1, 60)),
        st.just(Skipped()),
        st.builds(Paused, optional_near(now, -30, 4000), st.booleans()),
        st.just(Resumed()),
        away_end.flatmap(
            lambda end: st.builds(Away, near(end, -600, 0), st.just(end)),
        ),
        st.builds(ClockJumped, minutes(-180, 180).map(lambda m: timedelta(minutes=m))),
    )


def check_due(state: CycleState, settings: Settings, now: datetime, zone: ZoneInfo) -> None:
    due = next_prompt_at(state, settings, now, zone)
    assert due is None or due >= now
    if due is not None and settings.working_hours_enabled:
        assert is_working_time(due, settings, zone)


@PROPERTY_RUNS
@given(st.data(), user_settings(), st.sampled_from(ZONES), instants)
def test_any_sequence_keeps_the_promises(
    data: st.DataObject, settings: Settings, zone: ZoneInfo, start: datetime
) -> None:
    state = data.draw(states(start))
    now = start
    pause_ends = None if state.pause is None else state.pause.until
    steps = data.draw(st.integers(1, 12))
    for _ in range(steps):
        now += timedelta(minutes=data.draw(st.integers(0, 3 * 24 * 60)))
        event = data.draw(events(now))
        state = apply(state, event, settings, now)
        if isinstance(event, Paused):
            pause_ends = event.until
        elif isinstance(event, Resumed):
            pause_ends = None

        check_due(state, settings, now, zone)
        snapshot = status(state, settings, now, zone)
        assert snapshot.next_prompt_at == next_prompt_at(state, settings, now, zone)
        assert state.last_seen == now
        if pause_ends is not None and now >= pause_ends:
            # A pause with an end always ends.
            assert snapshot.mode != "paused"
            assert snapshot.paused_until is None


@PROPERTY_RUNS
@given(st.data(), user_settings(), st.sampled_from(ZONES), instants)
def test_due_time_is_never_past_and_always_working_time(
    data: st.DataObject, settings: Settings, zone: ZoneInfo, now: datetime
) -> None:
    state = data.draw(states(now))
    check_due(state, settings, now, zone)
    later = now + timedelta(minutes=data.draw(st.integers(0, 30 * 24 * 60)))
    check_due(state, settings, later, zone)


@PROPERTY_RUNS
@given(st.data(), user_settings(), st.sampled_from(ZONES), instants)
def test_a_break_buys_a_full_interval(
    data: st.DataObject, settings: Settings, zone: ZoneInfo, now: datetime
) -> None:
    state = apply(data.draw(states(now)), Completed(), settings, now)
    interval = timedelta(minutes=settings.interval_minutes)
    for elapsed in (0, data.draw(st.integers(0, 20 * 24 * 60))):
        later = now + timedelta(minutes=elapsed)
        due = next_prompt_at(state, settings, later, zone)
        assert due is None or due >= now + interval


@PROPERTY_RUNS
@given(st.data(), user_settings(), st.sampled_from(ZONES), instants)
def test_the_due_time_stays_put_until_it_comes(
    data: st.DataObject, settings: Settings, zone: ZoneInfo, now: datetime
) -> None:
    # The scheduler wakes at the due time and must find the prompt due exactly then, and
    # a look at any moment before must name the same time.
    state = settle(data.draw(states(now)), settings, now)
    # With no sitting stretch recorded (never the case after Started) the due time is
    # "an interval from whenever you ask", which moves by definition.
    assume(state.sitting_since is not None)
    due = next_prompt_at(state, settings, now, zone)
    if due is None:
        return
    assert next_prompt_at(state, settings, due, zone) == due
    between = now + (due - now) * data.draw(st.floats(0, 1))
    assert next_prompt_at(state, settings, between, zone) == due


@PROPERTY_RUNS
@given(st.data(), user_settings(), st.sampled_from(ZONES), instants)
def test_settling_twice_changes_nothing(
    data: st.DataObject, settings: Settings, zone: ZoneInfo, now: datetime
) -> None:
    state = data.draw(states(now))
    once = settle(state, settings, now)
    assert settle(once, settings, now) == once
    assert next_prompt_at(once, settings, now, zone) == next_prompt_at(state, settings, now, zone)
