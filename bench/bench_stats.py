"""Time the statistics queries on a history of 100,000 events over about five years.

Run: ``python bench/bench_stats.py``. Uses a temporary database; prints one line per call.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a source checkout

from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.platform.history import History, open_history

EVENTS = 100_000
DAYS = 5 * 365
FIRST_DAY = date(2021, 1, 4)
# A plausible mix: most prompts end in a completion, skips are rare (so streaks exist).
KIND_WEIGHTS: dict[EventKind, float] = {
    "prompted": 40,
    "completed": 30,
    "snoozed": 10,
    "skipped": 0.2,
    "away": 8,
    "paused": 2,
    "resumed": 2,
    "another": 3,
}


def generate(count: int, seed: int = 7) -> list[HistoryEvent]:
    rng = random.Random(seed)
    events = []
    for _ in range(count):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        at = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
            seconds=rng.randrange(8 * 3600, 18 * 3600)
        )
        [kind] = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))
        events.append(
            HistoryEvent(
                kind=kind,
                at=at,
                local_day=day,
                utc_offset_minutes=60,
                entry_id=f"entry-{rng.randrange(40)}" if kind == "completed" else None,
                seconds=rng.randrange(20, 240) if kind in ("completed", "away") else None,
                sitting_seconds=(
                    rng.randrange(600, 3 * 3600) if kind in ("completed", "away") else None
                ),
            )
        )
    return events


def timed(label: str, call: Callable[[], object]) -> float:
    start = time.perf_counter()
    result = call()
    elapsed = time.perf_counter() - start
    shown = result if isinstance(result, int | float | None) else type(result).__name__
    print(f"{label:<32} {elapsed * 1000:8.1f} ms   -> {shown}")
    return elapsed


def main() -> None:
    events = generate(EVENTS)
    last_day = FIRST_DAY + timedelta(days=DAYS - 1)
    year_start = last_day - timedelta(days=364)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        with History(path) as history:
            timed(f"record_many({EVENTS:,})", lambda: history.record_many(events))
        print(f"database size: {path.stat().st_size / 1e6:.1f} MB")

        opened: list[History] = []
        timed("open_history (quick_check)", lambda: opened.append(open_history(path)[0]))
        with opened[0] as history:
            total = sum(
                (
                    timed("day_counts (1 year)", lambda: history.day_counts(year_start, last_day)),
                    timed("day_counts (5 years)", lambda: history.day_counts(FIRST_DAY, last_day)),
                    timed(
                        "completion_rate (5 years)",
                        lambda: history.completion_rate(FIRST_DAY, last_day),
                    ),
                    timed(
                        "longest_sitting (5 years)",
                        lambda: history.longest_sitting(FIRST_DAY, last_day),
                    ),
                    timed("current_streak", lambda: history.current_streak(last_day)),
                    timed("best_streak", history.best_streak),
                    timed(
                        "summary (1 year)",
                        lambda: history.summary(year_start, last_day, last_day),
                    ),
                    timed("entries_done_on", lambda: history.entries_done_on(last_day)),
                )
            )
            print(f"{'total of the stats calls':<32} {total * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
