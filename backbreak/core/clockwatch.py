"""Telling a suspend from a wall-clock change by comparing three clocks.

Between two heartbeats we read the wall clock, a monotonic clock that stops while the
machine sleeps (Linux ``CLOCK_MONOTONIC``), and, where there is one, a clock that keeps
counting through sleep (Linux ``CLOCK_BOOTTIME``). Sleep shows as boot time running ahead of
monotonic time; a clock change shows as wall time disagreeing with boot time. Without a boot
clock, any forward gap is taken as sleep (the safe reading: it only ever ends a sitting
stretch early) and a backward gap as a clock change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

TOLERANCE = timedelta(seconds=10)
"""Timer lateness and scheduling noise below this are ignored."""


@dataclass(frozen=True)
class Reading:
    wall: datetime
    monotonic: float
    boottime: float | None


@dataclass(frozen=True)
class Slept:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Jumped:
    delta: timedelta


Finding = Slept | Jumped


def compare(before: Reading, after: Reading) -> list[Finding]:
    """What happened between two readings (empty when the clocks agree)."""
    wall = after.wall - before.wall
    awake = timedelta(seconds=after.monotonic - before.monotonic)
    if before.boottime is not None and after.boottime is not None:
        elapsed = timedelta(seconds=after.boottime - before.boottime)
    else:
        elapsed = max(wall, awake)
    findings: list[Finding] = []
    jump = wall - elapsed
    if abs(jump) > TOLERANCE:
        findings.append(Jumped(jump))
    asleep = elapsed - awake
    if asleep > TOLERANCE:
        findings.append(Slept(start=after.wall - asleep, end=after.wall))
    return findings
