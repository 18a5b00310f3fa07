"""Realistic generated break history, for tests, the bench and ``tools/make_history.py``.

The simulated person works Monday to Friday, about 09:00 to 18:00 in their zone, with a
prompt after every hour of sitting (about eight a day). Most prompts end done; some are
snoozed (the prompt comes back ten minutes later), swapped for another exercise, skipped
or paused for a meeting; lunch and coffee walks count as time away; a few days off.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.platform.catalog_files import load_catalog

INTERVAL = timedelta(minutes=60)
SNOOZE = timedelta(minutes=10)
SNOOZE_LIMIT = 3
WORKING_DAYS = frozenset(range(5))
# How a prompt ends: mostly done, now and then put off.
OUTCOME_WEIGHTS: dict[str, float] = {
    "done": 70,
    "snoozed": 14,
    "another": 5,
    "skipped": 3,
    "paused": 3,
}
DAY_OFF_CHANCE = 0.05
LUNCH_CHANCE = 0.85
COFFEE_WALK_CHANCE = 0.12


@dataclass
class _Day:
    """One simulated working day, collecting its events."""

    zone: tzinfo
    rng: random.Random
    entry_ids: Sequence[str]
    events: list[HistoryEvent]

    def add(
        self,
        kind: EventKind,
        at: datetime,
        entry_id: str | None = None,
        seconds: int | None = None,
        sitting: timedelta | None = None,
    ) -> None:
        local = at.astimezone(self.zone)
        offset = local.utcoffset() or timedelta(0)
        self.events.append(
            HistoryEvent(
                kind=kind,
                at=at.astimezone(UTC),
                local_day=local.date(),
                utc_offset_minutes=int(offset.total_seconds() // 60),
                entry_id=entry_id,
                seconds=seconds,
                sitting_seconds=None if sitting is None else int(sitting.total_seconds()),
            )
        )


def _local(day: date, at: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def _minutes(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(minutes=rng.uniform(low, high))


def simulate_day(
    day: date, zone: tzinfo, rng: random.Random, entry_ids: Sequence[str]
) -> list[HistoryEvent]:
    """The events of one working day, in time order."""
    sim = _Day(zone, rng, entry_ids, [])
    now = _local(day, time(9), zone) + _minutes(rng, -20, 25)
    day_end = _local(day, time(18), zone) + _minutes(rng, -30, 30)
    lunch_at = _local(day, time(12, 15), zone) + _minutes(rng, -20, 30)
    lunch_left = rng.random() > LUNCH_CHANCE  # True once lunch is done or skipped
    sitting_since = now
    due = now + INTERVAL
    snoozes = 0
    while due < day_end:
        if not lunch_left and due > lunch_at:
            back = lunch_at + _minutes(rng, 30, 60)
            sim.add(
                "away",
                back,
                seconds=int((back - lunch_at).total_seconds()),
                sitting=lunch_at - sitting_since,
            )
            lunch_left = True
            sitting_since, due = back, back + INTERVAL
            continue
        if snoozes == 0 and rng.random() < COFFEE_WALK_CHANCE:
            left = sitting_since + _minutes(rng, 20, 50)
            if left < due:
                back = left + _minutes(rng, 6, 15)
                sim.add(
                    "away",
                    back,
                    seconds=int((back - left).total_seconds()),
                    sitting=left - sitting_since,
                )
                sitting_since, due = back, back + INTERVAL
                continue
        entry = rng.choice(entry_ids)
        sim.add("prompted", due, entry)
        [outcome] = rng.choices(list(OUTCOME_WEIGHTS), weights=list(OUTCOME_WEIGHTS.values()))
        answered = due + timedelta(seconds=rng.randrange(3, 25))
        if outcome == "snoozed" and snoozes >= SNOOZE_LIMIT:
            outcome = "skipped"  # the app turns a snooze past the limit into a skip
        if outcome == "another":
            sim.add("another", answered, entry)
            due = answered  # the swapped-in exercise shows at once
            continue
        if outcome == "snoozed":
            sim.add("snoozed", answered, entry, seconds=int(SNOOZE.total_seconds()))
            snoozes += 1
            due = answered + SNOOZE
            continue
        snoozes = 0
        if outcome == "done":
            spent = rng.randrange(30, 200)
            finished = due + timedelta(seconds=spent)
            sim.add("completed", finished, entry, seconds=spent, sitting=finished - sitting_since)
            sitting_since, due = finished, finished + INTERVAL
        elif outcome == "skipped":
            sim.add("skipped", answered, entry)
            due = answered + INTERVAL
        else:  # paused for a meeting: reminders come back when it ends
            length = timedelta(minutes=rng.choice((30, 60, 60, 120)))
            sim.add("paused", answered, seconds=int(length.total_seconds()))
            due = answered + length
    return sim.events


def generate(
    first_day: date,
    last_day: date,
    zone: tzinfo,
    entry_ids: Sequence[str],
    *,
    seed: int = 1,
    until: datetime | None = None,
) -> Iterator[HistoryEvent]:
    """Events of every working day from ``first_day`` to ``last_day``, oldest first;
    with ``until``, nothing at or after it (a "today" that is still going on)."""
    rng = random.Random(seed)
    day = first_day
    while day <= last_day:
        if day.weekday() in WORKING_DAYS and rng.random() >= DAY_OFF_CHANCE:
            for event in simulate_day(day, zone, rng, entry_ids):
                if until is not None and event.at >= until:
                    break
                yield event
        day += timedelta(days=1)


def bundled_entry_ids() -> list[str]:
    return [entry.id for entry in load_catalog(None).entries]
