"""The away tracker driven through idle, lock and sleep scenarios with fake times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from backbreak.core.away import AwayTracker
from backbreak.core.cycle import Away

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
THRESHOLD = timedelta(minutes=5)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


@dataclass(frozen=True)
class Idle:
    """An idle reading taken at ``minute`` showing ``idle_minutes`` (None: no source)."""

    minute: float
    idle_minutes: float | None


@dataclass(frozen=True)
class Lock:
    minute: float


@dataclass(frozen=True)
class Unlock:
    minute: float


@dataclass(frozen=True)
class Sleep:
    minute: float


@dataclass(frozen=True)
class Wake:
    minute: float


@dataclass(frozen=True)
class HeartbeatSlept:
    start: float
    end: float


Step = Idle | Lock | Unlock | Sleep | Wake | HeartbeatSlept


def feed(tracker: AwayTracker, step: Step) -> Away | None:
    match step:
        case Idle(minute=m, idle_minutes=idle):
            return tracker.sample(at(m), None if idle is None else idle * 60)
        case Lock(minute=m):
            tracker.locked(at(m))
            return None
        case Unlock(minute=m):
            return tracker.unlocked(at(m))
        case Sleep(minute=m):
            tracker.about_to_sleep(at(m))
            return None
        case Wake(minute=m):
            return tracker.resumed(at(m))
        case HeartbeatSlept(start=s, end=e):
            return tracker.slept(at(s), at(e))


def run(steps: list[Step]) -> list[tuple[float, float]]:
    """Every reported period as (start, end) minutes after T0."""
    tracker = AwayTracker(THRESHOLD)
    found: list[tuple[float, float]] = []
    for step in steps:
        period = feed(tracker, step)
        if period is not None:
            found.append(
                (
                    (period.start - T0) / timedelta(minutes=1),
                    (period.end - T0) / timedelta(minutes=1),
                )
            )
    return found


def idle_run(start: float, stop: float, left_at: float, every: float = 1 / 6) -> list[Step]:
    """Readings every 10 s from ``start`` to ``stop`` for a user who left at ``left_at``."""
    steps: list[Step] = []
    minute = start
    while minute <= stop + 1e-9:
        steps.append(Idle(minute, max(0.0, minute - left_at)))
        minute += every
    return steps


SCENARIOS: dict[str, tuple[list[Step], list[tuple[float, float]]]] = {
    "typing all the time: nothing": (
        [Idle(m, 0.01) for m in range(0, 30)],
        [],
    ),
    "short idle below the threshold: nothing": (
        [Idle(0, 0), Idle(3, 3), Idle(4, 0.1)],
        [],
    ),
    "lunch: away from the moment input stopped to the moment it came back": (
        [Idle(0, 0), Idle(10, 10), Idle(40, 40), Idle(52, 0.5)],
        [(0, 51.5)],
    ),
    "readings every 10 s give one period, not many": (
        [*idle_run(0, 20, left_at=2), Idle(20 + 1 / 6, 0.05)],
        [(2, 20 + 1 / 6 - 0.05)],
    ),
    "no idle source: nothing is invented": (
        [Idle(0, None), Idle(30, None), Idle(60, None)],
        [],
    ),
    "a source that fails for a while keeps the open period": (
        [Idle(0, 0), Idle(10, 10), Idle(20, None), Idle(30, 0)],
        [(0, 30)],
    ),
    "lock and unlock count whatever idle says": (
        [Idle(0, 0), Lock(1), Idle(3, 0.01), Unlock(11)],
        [(1, 11)],
    ),
    "a short lock is not a break": (
        [Lock(1), Unlock(3)],
        [],
    ),
    "typing the password while locked does not end the period": (
        [Lock(0), Idle(10, 10), Idle(19, 0.1), Unlock(20), Idle(20.2, 0.05)],
        [(0, 20)],
    ),
    "screen locks itself after idle minutes: one period from the real leaving": (
        [Idle(0, 0), Idle(6, 6), Lock(10), Idle(30, 30), Unlock(40), Idle(40.2, 0.1)],
        [(0, 40)],
    ),
    "idle counter shows leaving before the lock even if the lock came first": (
        [Lock(4), Idle(6, 6), Unlock(20)],
        [(0, 20)],
    ),
    "unlock without a seen lock reports nothing": (
        [Idle(0, 0), Unlock(10), Idle(11, 0)],
        [],
    ),
    "sleep and resume count as away": (
        [Idle(0, 0), Sleep(1), Wake(61), Idle(61.2, 0.1)],
        [(1, 61)],
    ),
    "resume to the lock screen: one period until the unlock": (
        [Lock(1), Sleep(2), Wake(60), Unlock(62)],
        [(1, 62)],
    ),
    "the heartbeat's later view of an announced sleep is not reported again": (
        [Sleep(10), Wake(70), HeartbeatSlept(10, 70.5)],
        [(10, 70)],
    ),
    "a heartbeat sleep merges with the idle stretch before it": (
        [Idle(0, 0), Idle(10, 8), HeartbeatSlept(15, 60), Idle(60.2, 0.1)],
        [(2, 60)],
    ),
    "a heartbeat sleep alone (no OS notices) is reported": (
        [Idle(0, 0.1), HeartbeatSlept(1, 31)],
        [(1, 31)],
    ),
    "idle counter still high after a reported sleep is clipped, not doubled": (
        [Idle(0, 0), Idle(10, 10), Sleep(12), Wake(50), Idle(50.2, 50.2), Idle(51, 0.1)],
        [(0, 50)],
    ),
    "away again after a return: two separate periods": (
        [Idle(0, 0), Idle(10, 10), Idle(11, 0), Idle(20, 8), Idle(30, 0)],
        [(0, 11), (12, 30)],
    ),
}


@pytest.mark.parametrize("steps, expected", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_scenario(steps: list[Step], expected: list[tuple[float, float]]) -> None:
    found = run(steps)
    assert [(round(s, 4), round(e, 4)) for s, e in found] == [
        (round(s, 4), round(e, 4)) for s, e in expected
    ]


def test_away_since_tells_the_open_period() -> None:
    tracker = AwayTracker(THRESHOLD)
    assert tracker.away_since is None
    tracker.sample(at(10), 7 * 60)
    assert tracker.away_since == at(3)
    assert tracker.sample(at(11), 1.0) == Away(at(3), at(11) - timedelta(seconds=1))
    assert tracker.away_since is None


def test_a_changed_threshold_applies_to_the_next_reading() -> None:
    tracker = AwayTracker(THRESHOLD)
    tracker.threshold = timedelta(minutes=1)
    tracker.sample(at(2), 90)
    assert tracker.sample(at(3), 0) == Away(at(0.5), at(3))


def test_negative_idle_is_read_as_zero() -> None:
    tracker = AwayTracker(THRESHOLD)
    assert tracker.sample(at(0), -5) is None
    assert tracker.away_since is None


def test_a_call_marks_the_user_present_so_idle_before_it_never_counts() -> None:
    tracker = AwayTracker(THRESHOLD)
    tracker.on_call(at(30))
    # Last key press at 0, the call was seen at 30, the user types again at 40.
    assert tracker.sample(at(38), 38 * 60) is None
    assert tracker.away_since == at(30)
    assert tracker.sample(at(40), 0) == Away(at(30), at(40))


def test_a_short_gap_after_a_call_is_no_away() -> None:
    tracker = AwayTracker(THRESHOLD)
    tracker.on_call(at(30))
    tracker.sample(at(33), 33 * 60)
    assert tracker.sample(at(34), 0) is None
