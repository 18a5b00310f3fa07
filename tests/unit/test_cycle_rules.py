"""Rule by rule: each event, settling, the due-time computation and the status snapshot."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

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
    can_snooze,
    next_prompt_at,
    settle,
    status,
)
from backbreak.core.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
SETTINGS = Settings()  # 60 min interval, 10 min snooze, limit 3, away 5 min, Mon–Fri 9–18


def at(hour: int, minute: int = 0, day: int = 6) -> datetime:
    """Wall-clock time in Berlin on Wednesday 6 March 2024 (or another March day), as UTC."""
    return datetime(2024, 3, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


NOW = at(11, 0)
MIN = timedelta(minutes=1)

SITTING = CycleState(sitting_since=at(10, 0), last_seen=at(10, 59))
SNOOZED = CycleState(
    sitting_since=at(9, 30), snoozed_until=at(11, 5), snoozes_in_row=2, last_seen=at(10, 55)
)
PROMPT_OPEN = CycleState(
    sitting_since=at(9, 30), prompt_open_since=at(10, 30), last_seen=at(10, 59)
)


# ---- apply: one row per event and starting situation ---------------------------------------

APPLY_TABLE: list[tuple[str, CycleState, Event, CycleState]] = [
    (
        "first start ever begins a stretch",
        CycleState(),
        Started(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "start after a long gap is a fresh stretch, snoozes and window dropped",
        CycleState(
            sitting_since=at(8, 0),
            snoozed_until=at(9, 5),
            snoozes_in_row=2,
            prompt_open_since=at(9, 0),
            last_seen=at(9, 0),
        ),
        Started(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "start exactly one away threshold later is fresh",
        CycleState(sitting_since=at(10, 0), last_seen=NOW - 5 * MIN),
        Started(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "quick restart keeps the stretch and snoozes, closes the window",
        CycleState(
            sitting_since=at(10, 0),
            snoozed_until=at(11, 5),
            snoozes_in_row=1,
            prompt_open_since=at(10, 58),
            last_seen=NOW - 4 * MIN,
        ),
        Started(),
        CycleState(
            sitting_since=at(10, 0), snoozed_until=at(11, 5), snoozes_in_row=1, last_seen=NOW
        ),
    ),
    (
        "start with no stretch recorded begins one",
        CycleState(last_seen=NOW - MIN),
        Started(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "start keeps a pause",
        CycleState(sitting_since=at(8, 0), pause=Pause(None), last_seen=at(8, 0)),
        Started(),
        CycleState(sitting_since=NOW, pause=Pause(None), last_seen=NOW),
    ),
    (
        "prompt shown opens the window and ends the snooze, keeps the count",
        SNOOZED,
        PromptShown(),
        CycleState(sitting_since=at(9, 30), prompt_open_since=NOW, snoozes_in_row=2, last_seen=NOW),
    ),
    (
        "prompt shown again (a nudge) counts the next nudge from now (issue 10)",
        PROMPT_OPEN,
        PromptShown(),
        CycleState(sitting_since=at(9, 30), prompt_open_since=NOW, last_seen=NOW),
    ),
    (
        "completed starts a new stretch and clears everything",
        CycleState(
            sitting_since=at(9, 0), snoozes_in_row=3, prompt_open_since=at(10, 55), last_seen=NOW
        ),
        Completed(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "snooze sets the due time, counts, closes the window",
        CycleState(sitting_since=at(9, 30), prompt_open_since=at(10, 30), snoozes_in_row=1),
        Snoozed(10),
        CycleState(
            sitting_since=at(9, 30), snoozed_until=NOW + 10 * MIN, snoozes_in_row=2, last_seen=NOW
        ),
    ),
    (
        "skip starts the next interval from now",
        CycleState(sitting_since=at(9, 0), snoozes_in_row=2, prompt_open_since=at(10, 50)),
        Skipped(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "pause for a while",
        PROMPT_OPEN,
        Paused(at(11, 30)),
        CycleState(sitting_since=at(9, 30), pause=Pause(at(11, 30)), last_seen=NOW),
    ),
    (
        "pause for a meeting drops a snooze",
        SNOOZED,
        Paused(at(12, 0), meeting=True),
        CycleState(sitting_since=at(9, 30), pause=Pause(at(12, 0), meeting=True), last_seen=NOW),
    ),
    (
        "pause indefinitely",
        SITTING,
        Paused(None),
        CycleState(sitting_since=at(10, 0), pause=Pause(None), last_seen=NOW),
    ),
    (
        "resume restarts the sitting clock",
        CycleState(sitting_since=at(8, 0), pause=Pause(None), snoozes_in_row=1),
        Resumed(),
        CycleState(sitting_since=NOW, last_seen=NOW),
    ),
    (
        "long away period is a break",
        SNOOZED,
        Away(at(10, 20), at(10, 50)),
        CycleState(sitting_since=at(10, 50), last_seen=NOW),
    ),
    (
        "away exactly the threshold is a break",
        SITTING,
        Away(at(10, 30), at(10, 35)),
        CycleState(sitting_since=at(10, 35), last_seen=NOW),
    ),
    (
        "short away period changes nothing",
        SNOOZED,
        Away(at(10, 30), at(10, 34)),
        CycleState(
            sitting_since=at(9, 30), snoozed_until=at(11, 5), snoozes_in_row=2, last_seen=NOW
        ),
    ),
    (
        "away with an open prompt leaves it open (issue 5)",
        PROMPT_OPEN,
        Away(at(10, 35), at(10, 55)),
        CycleState(sitting_since=at(10, 55), prompt_open_since=at(10, 30), last_seen=NOW),
    ),
    (
        "away reported late never moves the stretch backwards",
        CycleState(sitting_since=at(10, 50)),
        Away(at(10, 0), at(10, 30)),
        CycleState(sitting_since=at(10, 50), last_seen=NOW),
    ),
    (
        "away with no stretch recorded starts one at its end",
        CycleState(),
        Away(at(10, 0), at(10, 30)),
        CycleState(sitting_since=at(10, 30), last_seen=NOW),
    ),
    (
        "clock jumped back shifts elapsed-time instants, not the pause",
        CycleState(
            sitting_since=at(11, 30),
            snoozed_until=at(11, 55),
            prompt_open_since=at(11, 45),
            pause=Pause(at(13, 0), meeting=True),
            last_seen=at(11, 50),
        ),
        ClockJumped(-timedelta(hours=1)),
        CycleState(
            sitting_since=at(10, 30),
            snoozed_until=at(10, 55),
            prompt_open_since=at(10, 45),
            pause=Pause(at(13, 0), meeting=True),
            last_seen=NOW,
        ),
    ),
    (
        "clock jumped forward keeps the elapsed sitting time",
        CycleState(sitting_since=at(9, 0), last_seen=at(9, 50)),
        ClockJumped(timedelta(hours=1)),
        CycleState(sitting_since=at(10, 0), last_seen=NOW),
    ),
]


@pytest.mark.parametrize(
    ("before", "event", "expected"),
    [row[1:] for row in APPLY_TABLE],
    ids=[row[0] for row in APPLY_TABLE],
)
def test_apply(before: CycleState, event: Event, expected: CycleState) -> None:
    assert apply(before, event, SETTINGS, NOW) == expected


def test_apply_settles_an_expired_pause_before_the_event() -> None:
    paused = CycleState(sitting_since=at(8, 0), pause=Pause(at(10, 30)))
    after = apply(paused, PromptShown(), SETTINGS, NOW)
    assert after.pause is None
    assert after.sitting_since == at(10, 30)
    assert after.prompt_open_since == NOW


def test_snooze_is_accepted_past_the_limit() -> None:
    # The service asks can_snooze first; apply itself does not refuse.
    worn_out = CycleState(sitting_since=at(9, 0), snoozes_in_row=3)
    after = apply(worn_out, Snoozed(10), SETTINGS, NOW)
    assert after.snoozes_in_row == 4
    assert after.snoozed_until == NOW + 10 * MIN


# ---- settle -------------------------------------------------------------------------------


def test_settle_keeps_a_running_pause() -> None:
    paused = CycleState(sitting_since=at(10, 0), pause=Pause(at(11, 30)))
    assert settle(paused, SETTINGS, NOW) == paused


def test_settle_ends_a_plain_pause_and_restarts_sitting_at_its_end() -> None:
    paused = CycleState(sitting_since=at(9, 0), pause=Pause(at(10, 30)))
    assert settle(paused, SETTINGS, NOW) == CycleState(sitting_since=at(10, 30))


def test_settle_ends_a_pause_exactly_at_its_end() -> None:
    paused = CycleState(sitting_since=at(9, 0), pause=Pause(NOW))
    assert settle(paused, SETTINGS, NOW).pause is None


def test_settle_ends_a_meeting_with_a_prompt_due_at_its_end() -> None:
    meeting = CycleState(sitting_since=at(9, 0), pause=Pause(at(10, 30), meeting=True))
    settled = settle(meeting, SETTINGS, NOW)
    assert settled == CycleState(sitting_since=at(9, 0), snoozed_until=at(10, 30))
    assert settled.snoozes_in_row == 0  # the meeting is not held against the user


def test_settle_never_ends_an_indefinite_pause() -> None:
    paused = CycleState(sitting_since=at(9, 0), pause=Pause(None))
    assert settle(paused, SETTINGS, at(23, 0, day=20)) == paused


def test_settle_clamps_instants_the_clock_left_in_the_future() -> None:
    from_the_future = CycleState(
        sitting_since=at(12, 0),
        prompt_open_since=at(12, 30),
        last_seen=at(12, 45),
        snoozed_until=at(13, 0),
    )
    assert settle(from_the_future, SETTINGS, NOW) == CycleState(
        sitting_since=NOW, prompt_open_since=NOW, last_seen=NOW, snoozed_until=NOW + 10 * MIN
    )


def test_settle_keeps_a_snooze_within_one_snooze_length() -> None:
    snoozed = CycleState(sitting_since=at(10, 0), snoozed_until=NOW + 10 * MIN)
    assert settle(snoozed, SETTINGS, NOW) == snoozed


def test_settle_is_idempotent() -> None:
    state = CycleState(
        sitting_since=at(12, 0), pause=Pause(at(10, 30), meeting=True), snoozed_until=at(14, 0)
    )
    once = settle(state, SETTINGS, NOW)
    assert settle(once, SETTINGS, NOW) == once


# ---- next_prompt_at -----------------------------------------------------------------------


def due(state: CycleState, now: datetime = NOW, settings: Settings = SETTINGS) -> datetime | None:
    return next_prompt_at(state, settings, now, BERLIN)


def test_one_interval_after_sitting_down() -> None:
    assert due(CycleState(sitting_since=at(10, 30))) == at(11, 30)


def test_no_stretch_recorded_counts_from_now() -> None:
    assert due(CycleState()) == at(12, 0)


def test_overdue_prompt_is_due_now_not_in_the_past() -> None:
    assert due(CycleState(sitting_since=at(9, 10))) == NOW


def test_snooze_decides_the_due_time() -> None:
    assert due(CycleState(sitting_since=at(9, 0), snoozed_until=at(11, 5))) == at(11, 5)


def test_open_prompt_is_nudged_one_interval_after_it_opened() -> None:
    assert due(PROMPT_OPEN) == at(11, 30)


def test_open_prompt_wins_over_a_snooze() -> None:
    both = CycleState(sitting_since=at(9, 0), prompt_open_since=at(10, 45), snoozed_until=NOW)
    assert due(both) == at(11, 45)


def test_indefinite_pause_has_no_prompt() -> None:
    assert due(CycleState(sitting_since=at(9, 0), pause=Pause(None))) is None


def test_plain_pause_restarts_the_clock_when_it_ends() -> None:
    assert due(CycleState(sitting_since=at(9, 0), pause=Pause(at(11, 30)))) == at(12, 30)


def test_meeting_pause_prompts_when_it_ends() -> None:
    meeting = CycleState(sitting_since=at(9, 0), pause=Pause(at(11, 30), meeting=True))
    assert due(meeting) == at(11, 30)


def test_meeting_never_brings_a_prompt_before_the_interval() -> None:
    # Sat down at 10:30: a meeting ending at 11:10 or one that ended at 10:45 changes nothing.
    running = CycleState(sitting_since=at(10, 30), pause=Pause(at(11, 10), meeting=True))
    assert due(running) == at(11, 30)
    ended = CycleState(sitting_since=at(10, 30), pause=Pause(at(10, 45), meeting=True))
    assert settle(ended, SETTINGS, NOW) == CycleState(sitting_since=at(10, 30))
    assert due(ended) == at(11, 30)


def test_ended_meeting_prompts_now() -> None:
    meeting = CycleState(sitting_since=at(9, 0), pause=Pause(at(10, 30), meeting=True))
    assert due(meeting) == NOW


def test_sitting_before_work_counts_from_the_start_of_work() -> None:
    early = CycleState(sitting_since=at(8, 30))
    assert due(early, now=at(8, 45)) == at(10, 0)


def test_sitting_down_in_the_evening_prompts_tomorrow() -> None:
    assert due(CycleState(sitting_since=at(17, 30)), now=at(17, 30)) == at(10, 0, day=7)


def test_snooze_running_past_the_end_of_work_moves_to_tomorrow() -> None:
    late = CycleState(sitting_since=at(16, 0), snoozed_until=at(18, 5))
    assert due(late, now=at(17, 55)) == at(10, 0, day=7)


def test_prompt_due_exactly_at_the_end_of_work_moves_to_tomorrow() -> None:
    assert due(CycleState(sitting_since=at(17, 0)), now=at(17, 0)) == at(10, 0, day=7)


def test_last_minute_of_work_is_still_working_time() -> None:
    assert due(CycleState(sitting_since=at(16, 59)), now=at(17, 0)) == at(17, 59)


def test_period_too_short_for_an_interval_is_skipped() -> None:
    short_days = SETTINGS.replace(work_start=time(9, 0), work_end=time(9, 45))
    # Wednesday's window 09:00–09:45 cannot hold 09:00 + 60 min: Thursday's can't either.
    assert due(CycleState(sitting_since=at(8, 0)), now=at(8, 0), settings=short_days) is None
    # One exactly an interval long can't either: its end is already after work.
    one_hour_days = SETTINGS.replace(work_start=time(9, 0), work_end=time(10, 0))
    assert due(CycleState(sitting_since=at(8, 0)), now=at(8, 0), settings=one_hour_days) is None
    # ... but a stretch begun inside the period still gets its prompt there.
    ten_minutes = short_days.replace(interval_minutes=10)
    assert due(CycleState(sitting_since=at(9, 20)), at(9, 20), ten_minutes) == at(9, 30)


def test_working_hours_off_prompts_at_any_hour() -> None:
    off = SETTINGS.replace(working_hours_enabled=False)
    saturday_night = at(3, 0, day=9)
    assert due(CycleState(sitting_since=saturday_night), saturday_night, off) == at(4, 0, day=9)


def test_no_working_day_within_the_search_means_no_prompt() -> None:
    nobody = SETTINGS.replace(working_days=frozenset())
    assert due(CycleState(sitting_since=at(10, 0)), settings=nobody) is None


# ---- can_snooze and status ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "in_row", "expected"),
    [(3, 0, True), (3, 2, True), (3, 3, False), (3, 7, False), (0, 0, True), (0, 99, True)],
)
def test_can_snooze(limit: int, in_row: int, expected: bool) -> None:
    state = CycleState(snoozes_in_row=in_row)
    assert can_snooze(state, SETTINGS.replace(snooze_limit=limit)) is expected


@pytest.mark.parametrize(
    ("state", "settings", "mode", "next_due"),
    [
        (SITTING, SETTINGS, "running", at(11, 0)),
        (PROMPT_OPEN, SETTINGS, "prompt_open", at(11, 30)),
        (
            CycleState(sitting_since=at(10, 0), pause=Pause(None)),
            SETTINGS,
            "paused_indefinitely",
            None,
        ),
        (
            CycleState(sitting_since=at(10, 0), pause=Pause(at(12, 0))),
            SETTINGS,
            "paused",
            at(13, 0),
        ),
        (
            CycleState(sitting_since=at(10, 0), pause=Pause(at(10, 30))),
            SETTINGS,
            "running",
            at(11, 30),
        ),
        (SITTING, SETTINGS.replace(working_days=frozenset()), "no_prompt_due", None),
    ],
)
def test_status_mode(
    state: CycleState, settings: Settings, mode: str, next_due: datetime | None
) -> None:
    snapshot = status(state, settings, NOW, BERLIN)
    assert snapshot.mode == mode
    assert snapshot.next_prompt_at == next_due
    assert snapshot.now == NOW
    assert snapshot.interval_minutes == 60


def test_status_reports_the_settled_state() -> None:
    snapshot = status(
        CycleState(sitting_since=at(8, 0), pause=Pause(at(10, 0)), snoozes_in_row=3),
        SETTINGS,
        NOW,
        BERLIN,
    )
    assert snapshot.sitting_since == at(10, 0)
    assert snapshot.paused_until is None
    assert snapshot.minutes_sitting == 60
    assert snapshot.can_snooze is False


def test_status_shows_when_a_pause_ends() -> None:
    snapshot = status(CycleState(pause=Pause(at(12, 0))), SETTINGS, NOW, BERLIN)
    assert snapshot.paused_until == at(12, 0)


def test_resuming_keeps_a_window_opened_during_the_pause() -> None:
    # Found by the simulator: pause, break now, resume left the window open on screen
    # while the state said no window was open.
    paused = CycleState(sitting_since=at(9, 0), pause=Pause(None), prompt_open_since=at(10, 30))
    after = apply(paused, Resumed(), SETTINGS, NOW)
    assert after.pause is None and after.prompt_open_since == at(10, 30)
    assert next_prompt_at(after, SETTINGS, NOW, BERLIN) == at(11, 30)


@pytest.mark.parametrize("meeting", [False, True])
def test_a_window_opened_during_a_pause_outlives_its_end(meeting: bool) -> None:
    # Found by the simulator: pause 1 min, break now, and when the pause ended the state
    # forgot the window still on screen.
    paused = apply(SITTING, Paused(NOW + MIN, meeting=meeting), SETTINGS, NOW)
    opened = apply(paused, PromptShown(), SETTINGS, NOW)
    later = settle(opened, SETTINGS, NOW + 2 * MIN)
    assert later.pause is None and later.prompt_open_since == NOW + MIN
    assert status(opened, SETTINGS, NOW + 2 * MIN, BERLIN).mode == "prompt_open"
    # The nudge promised during the pause is the nudge after it.
    assert next_prompt_at(opened, SETTINGS, NOW, BERLIN) == NOW + 61 * MIN
    assert next_prompt_at(later, SETTINGS, NOW + 2 * MIN, BERLIN) == NOW + 61 * MIN


def test_a_nudge_rearms_the_next_one_an_interval_later() -> None:
    # Issue 10, the pure-core reproduction: the second PromptShown kept the first opening
    # time, so next_prompt_at stayed at "now" and the service woke again at once, forever.
    settings = Settings(working_hours_enabled=False)
    state = apply(CycleState(), Started(), settings, at(9, 0))
    state = apply(state, PromptShown(), settings, at(10, 0))
    state = apply(state, PromptShown(), settings, at(11, 0))
    for _ in range(3):
        assert next_prompt_at(state, settings, at(11, 0), BERLIN) == at(12, 0)


def test_status_knows_when_now_is_outside_working_hours() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    sunday_evening = datetime(2026, 11, 29, 20, 0, tzinfo=berlin).astimezone(UTC)
    monday_morning = datetime(2026, 11, 30, 10, 0, tzinfo=berlin).astimezone(UTC)
    settings = Settings()
    assert status(CycleState(), settings, sunday_evening, berlin).outside_working_hours
    assert not status(CycleState(), settings, monday_morning, berlin).outside_working_hours
    any_time = settings.replace(working_hours_enabled=False)
    assert not status(CycleState(), any_time, sunday_evening, berlin).outside_working_hours
