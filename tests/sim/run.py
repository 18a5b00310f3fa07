"""Play a persona through simulated days; print the per-persona table for the notes.

python -m tests.sim.run            # the table the unit suite's runs produce
"""

from __future__ import annotations

import functools
import sys
import time as wallclock
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from backbreak.core.catalog import Entry
from backbreak.platform.catalog_files import load_catalog
from tests.fakes import SAMPLE_ENTRIES
from tests.sim.invariants import Invariants, check_day
from tests.sim.personas import PERSONAS
from tests.sim.world import Persona, World

BERLIN = ZoneInfo("Europe/Berlin")
DAYS_PER_PERSONA = 1225
"""Eight personas x 1225 days (9,800), plus the random machine's 265: over 10,000."""
STARTS = (date(2026, 3, 16), date(2026, 10, 19))
"""Each persona's days begin in a week before a DST change (spring, then autumn)."""


@functools.cache
def catalog() -> tuple[Entry, ...]:
    """Whatever the bundled catalog holds today (the simulator names no exercise)."""
    entries = tuple(load_catalog(None).entries)
    return entries or SAMPLE_ENTRIES


@dataclass(frozen=True)
class Report:
    persona: str
    days: int
    prompts_per_day: float
    wakeups_per_hour: float
    rows_per_day: float
    restarts: int
    seconds: float


def simulate(
    persona: Persona,
    days: int,
    seed: int = 0,
    start: date = STARTS[0],
    entries: Sequence[Entry] | None = None,
) -> World:
    """Run ``days`` days from local midnight of ``start``; raises ``InvariantError``."""
    first = datetime.combine(start, time(0), tzinfo=BERLIN).astimezone(UTC)
    world = World(
        persona,
        start=first,
        zone=BERLIN,
        seed=seed,
        catalog=catalog() if entries is None else entries,
        check=Invariants(),
    )
    for offset in range(days):
        day = start + timedelta(days=offset)
        persona.plan_day(world, day)
        world.run_until(world.at(day + timedelta(days=1), time(0)))
        check_day(world, day)
        world.metrics.days += 1
    return world


def report(persona: type[Persona], days: int = DAYS_PER_PERSONA, seed: int = 0) -> Report:
    began = wallclock.perf_counter()
    half = days // 2
    worlds = [
        simulate(persona(), half, seed=seed, start=STARTS[0]),
        simulate(persona(), days - half, seed=seed + 1, start=STARTS[1]),
    ]
    total_days = sum(w.metrics.days for w in worlds)
    return Report(
        persona=persona.name,
        days=total_days,
        prompts_per_day=sum(w.metrics.shown for w in worlds) / total_days,
        wakeups_per_hour=sum(w.metrics.wakeups for w in worlds) / (total_days * 24),
        rows_per_day=sum(w.history.rows for w in worlds) / total_days,
        restarts=sum(w.metrics.restarts for w in worlds),
        seconds=wallclock.perf_counter() - began,
    )


def main() -> int:
    print("| persona | simulated days | prompts/day | wake-ups/hour | rows/day | time |")
    print("|---|---:|---:|---:|---:|---:|")
    for persona in PERSONAS:
        r = report(persona)
        print(
            f"| {r.persona} | {r.days} | {r.prompts_per_day:.1f} | {r.wakeups_per_hour:.2f} "
            f"| {r.rows_per_day:.1f} | {r.seconds:.1f} s |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
