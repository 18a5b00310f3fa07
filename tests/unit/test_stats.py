from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from backbreak.core.history_model import EVENT_KINDS, HistoryEvent
from backbreak.platform.history import History
from backbreak.platform.stats import OTHER_AREA, DayCounts, area_counts

MON = date(2024, 3, 11)
TUE, WED, THU, FRI, SAT, SUN = (MON + timedelta(days=n) for n in range(1, 7))


@pytest.fixture
def history(tmp_path: Path) -> Iterator[History]:
    with History(tmp_path / "history.sqlite3") as opened:
        yield opened


def on(
    day: date,
    kind: str,
    hour: int = 10,
    seconds: int | None = None,
    sitting_seconds: int | None = None,
) -> HistoryEvent:
    return HistoryEvent(
        kind=kind,  # type: ignore[arg-type]
        at=datetime.combine(day, time(hour), tzinfo=UTC),
        local_day=day,
        utc_offset_minutes=0,
        seconds=seconds,
        sitting_seconds=sitting_seconds,
    )


def record(history: History, *events: HistoryEvent) -> None:
    for item in events:
        history.record(item)


def done(day: date) -> tuple[HistoryEvent, HistoryEvent]:
    return on(day, "prompted"), on(day, "completed", seconds=60)


def skipped(day: date) -> tuple[HistoryEvent, HistoryEvent]:
    return on(day, "prompted"), on(day, "skipped")


# ---- day counts, rate, longest sitting ------------------------------------------------


def test_day_counts_are_per_day_and_zero_filled(history: History) -> None:
    record(
        history,
        on(MON, "prompted"),
        on(MON, "snoozed"),
        on(MON, "prompted", hour=11),
        on(MON, "completed", seconds=90),
        on(MON, "completed", seconds=45, hour=14),
        on(MON, "away", seconds=900),
        on(WED, "prompted"),
        on(WED, "skipped"),
        on(SAT, "completed", seconds=30),  # outside the range asked for
    )
    assert history.day_counts(MON, THU) == [
        DayCounts(
            MON, prompted=2, completed=2, snoozed=1, away=1, minutes_exercised=2.25, breaks=2
        ),
        DayCounts(TUE),
        DayCounts(WED, prompted=1, skipped=1, breaks=1),
        DayCounts(THU),
    ]


def test_day_counts_of_an_empty_or_reversed_range(history: History) -> None:
    assert history.day_counts(MON, MON) == [DayCounts(MON)]
    assert history.day_counts(TUE, MON) == []


def test_completion_rate_is_done_over_offered(history: History) -> None:
    assert history.completion_rate(MON, SUN) is None
    snoozed = replace(on(MON, "snoozed"), entry_id="chin-tucks")
    record(history, replace(on(MON, "prompted"), entry_id="chin-tucks"), snoozed)
    assert history.completion_rate(MON, SUN) is None  # snoozed: it comes back, not offered
    record(history, *done(MON), *done(TUE), *done(WED), *skipped(THU))
    assert history.completion_rate(MON, SUN) == 0.75
    assert history.completion_rate(THU, THU) == 0.0
    record(history, on(FRI, "prompted"))  # left open, the user walked away: not done
    assert history.completion_rate(MON, SUN) == 0.6


def test_longest_sitting_counts_completed_and_away_only(history: History) -> None:
    assert history.longest_sitting(MON, SUN) == timedelta(0)
    record(
        history,
        on(MON, "completed", sitting_seconds=3600),
        on(TUE, "away", sitting_seconds=5400),
        on(TUE, "skipped", sitting_seconds=99999),  # not a break taken
        on(SAT, "away", sitting_seconds=7200),
    )
    assert history.longest_sitting(MON, FRI) == timedelta(minutes=90)
    assert history.longest_sitting(MON, SUN) == timedelta(hours=2)


# ---- streaks --------------------------------------------------------------------------


def test_no_history_means_no_streak(history: History) -> None:
    assert history.current_streak(WED) == 0
    assert history.best_streak() == 0


def test_streak_counts_up_to_yesterday_while_today_has_nothing(history: History) -> None:
    record(history, *done(MON), *done(TUE))
    assert history.current_streak(WED) == 2


def test_today_counts_once_it_qualifies(history: History) -> None:
    record(history, *done(MON), *done(TUE), *done(WED))
    assert history.current_streak(WED) == 3


def test_today_in_progress_without_a_skip_does_not_break(history: History) -> None:
    record(history, *done(MON), *done(TUE), on(WED, "prompted"), on(WED, "snoozed"))
    assert history.current_streak(WED) == 2


def test_a_skip_today_breaks_the_streak(history: History) -> None:
    record(history, *done(MON), *done(TUE), *done(WED), *skipped(WED))
    assert history.current_streak(WED) == 0


def test_a_past_day_with_a_skip_breaks_even_with_completions(history: History) -> None:
    record(history, *done(MON), *done(TUE), *skipped(TUE), *done(WED))
    assert history.current_streak(WED) == 1


def test_a_past_day_prompted_but_never_completed_breaks(history: History) -> None:
    record(history, *done(MON), on(TUE, "prompted"), *done(WED))
    assert history.current_streak(WED) == 1


def test_days_without_prompts_are_neutral(history: History) -> None:
    next_mon, next_tue = MON + timedelta(days=7), TUE + timedelta(days=7)
    record(
        history,
        *done(THU),
        *done(FRI),
        on(SAT, "away", seconds=3600),  # weekend: only away/paused events
        on(SUN, "paused"),
        *done(next_mon),
    )
    assert history.current_streak(next_tue) == 3
    assert history.best_streak() == 3


def test_days_after_today_are_ignored_by_the_current_streak(history: History) -> None:
    record(history, *done(MON), *skipped(WED))
    assert history.current_streak(TUE) == 1


def test_best_streak_is_the_longest_run(history: History) -> None:
    days = [MON + timedelta(days=n) for n in range(12)]
    for day in days[:3]:
        record(history, *done(day))
    record(history, *skipped(days[3]))
    for day in days[4:9]:  # the longest run: 5
        record(history, *done(day))
    record(history, on(days[9], "prompted"))  # prompted, never done: breaks
    record(history, *done(days[10]), *done(days[11]))
    assert history.best_streak() == 5
    assert history.current_streak(days[11]) == 2


# ---- summary ---------------------------------------------------------------------------


def test_summary_is_complete_and_json_serialisable(history: History) -> None:
    record(
        history,
        *done(MON),
        on(TUE, "prompted"),
        on(TUE, "completed", seconds=120, sitting_seconds=4000),
        *skipped(WED),
    )
    result = history.summary(MON, WED, today=WED)
    assert result.totals == DayCounts(
        MON, prompted=3, completed=2, skipped=1, minutes_exercised=3.0, breaks=3
    )
    assert result.completion_rate == pytest.approx(2 / 3)
    assert result.longest_sitting == timedelta(seconds=4000)
    assert (result.current_streak, result.best_streak) == (0, 2)
    data = json.loads(json.dumps(result.to_json_dict()))
    assert data["first_day"] == "2024-03-11"
    assert (data["prompted"], data["completed"], data["skipped"]) == (3, 2, 1)
    assert data["minutes_exercised"] == 3.0
    assert "day" not in data
    assert data["longest_sitting_seconds"] == 4000
    assert data["current_streak"] == 0
    assert data["best_streak"] == 2
    assert [day["day"] for day in data["days"]] == ["2024-03-11", "2024-03-12", "2024-03-13"]
    assert data["days"][1]["minutes_exercised"] == 2.0


# ---- volume ----------------------------------------------------------------------------


def test_hundred_thousand_events_give_exact_counts(history: History) -> None:
    rng = random.Random(20240311)
    first = date(2020, 1, 1)
    events: list[HistoryEvent] = []
    expected: Counter[tuple[date, str]] = Counter()
    expected_seconds: Counter[date] = Counter()
    for n in range(100_000):
        day = first + timedelta(days=rng.randrange(5 * 365))
        kind = rng.choice(EVENT_KINDS)
        seconds = rng.randrange(20, 300) if kind == "completed" else None
        events.append(on(day, kind, hour=n % 24, seconds=seconds))
        expected[day, kind] += 1
        if seconds:
            expected_seconds[day] += seconds
    history.record_many(events)

    last = first + timedelta(days=5 * 365 - 1)
    counts = history.day_counts(first, last)
    assert len(counts) == 5 * 365
    for item in counts:
        assert (item.prompted, item.completed, item.snoozed, item.skipped, item.away) == tuple(
            expected[item.day, kind]
            for kind in ("prompted", "completed", "snoozed", "skipped", "away")
        )
        assert item.minutes_exercised == pytest.approx(expected_seconds[item.day] / 60)
    assert sum(item.prompted for item in counts) == sum(
        n for (_, kind), n in expected.items() if kind == "prompted"
    )
    assert len(list(history.iter_events())) == 100_000


# ---- breaks offered, entries and areas -------------------------------------------------


def prompt_event(day: date, kind: str, entry_id: str | None, hour: int = 10) -> HistoryEvent:
    return HistoryEvent(
        kind=kind,  # type: ignore[arg-type]
        at=datetime.combine(day, time(hour), tzinfo=UTC),
        local_day=day,
        utc_offset_minutes=0,
        entry_id=entry_id,
    )


def test_breaks_count_a_snoozed_or_swapped_prompt_once(history: History) -> None:
    record(
        history,
        # One break: snoozed twice, swapped once, then done.
        prompt_event(MON, "prompted", "a"),
        prompt_event(MON, "snoozed", "a"),
        prompt_event(MON, "prompted", "a"),
        prompt_event(MON, "snoozed", "a"),
        prompt_event(MON, "prompted", "a"),
        prompt_event(MON, "another", "a"),
        prompt_event(MON, "prompted", "b"),
        prompt_event(MON, "completed", "b"),
        # A second: skipped. A snooze from the pre-prompt notice is no prompt.
        prompt_event(MON, "prompted", "c", hour=11),
        prompt_event(MON, "skipped", "c", hour=11),
        prompt_event(MON, "snoozed", None, hour=12),
    )
    [counts] = history.day_counts(MON, MON)
    assert (counts.prompted, counts.breaks, counts.completed) == (5, 2, 1)


def test_entry_counts_per_range(history: History) -> None:
    record(
        history,
        prompt_event(MON, "completed", "neck"),
        prompt_event(MON, "completed", "neck", hour=11),
        prompt_event(TUE, "completed", "calf"),
        prompt_event(TUE, "skipped", "hip"),
        prompt_event(WED, "completed", "hip"),
        prompt_event(TUE, "completed", None),
    )
    assert history.entry_counts(MON, TUE) == {"neck": 2, "calf": 1}
    assert list(history.entry_counts(MON, WED)) == ["neck", "calf", "hip"]  # most, then name
    assert history.entry_counts(THU, FRI) == {}


def test_area_counts_spread_entries_over_their_areas() -> None:
    catalog = {"neck": ("neck", "shoulders"), "calf": ("calves",), "shrug": ("shoulders",)}
    counts = area_counts({"neck": 3, "calf": 1, "shrug": 2, "deleted": 1}, catalog)
    assert counts == {"shoulders": 5, "neck": 3, "calves": 1, OTHER_AREA: 1}
    assert list(counts) == ["shoulders", "neck", "calves", OTHER_AREA]
    assert area_counts({}, catalog) == {}
