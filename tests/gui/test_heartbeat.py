"""The heartbeat hands the service what the clocks show (readings are faked)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QApplication

from backbreak.core.clockwatch import Finding, Jumped, Reading, Slept
from backbreak.platform.heartbeat import (
    HEARTBEAT_MS,
    PAST_THE_MINUTE_MS,
    Heartbeat,
    ms_to_next_minute,
    read_clocks,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def scripted(readings: list[Reading]) -> Callable[[Callable[[], datetime]], Reading]:
    feed: Iterator[Reading] = iter(readings)
    return lambda _now: next(feed)


def test_each_beat_reports_what_changed_since_the_last(qapp: QApplication) -> None:
    seen: list[list[Finding]] = []
    beat = Heartbeat(
        lambda: T0,
        seen.append,
        read=scripted(
            [
                Reading(T0, 100.0, 500.0),
                Reading(T0 + timedelta(seconds=60), 160.0, 560.0),  # quiet minute
                Reading(T0 + timedelta(minutes=41), 220.0, 2960.0),  # awake 1 min, asleep 39
                Reading(T0 + timedelta(minutes=12), 280.0, 3020.0),  # clock set back 30 min
            ]
        ),
    )
    beat.beat()
    assert seen == []
    beat.beat()
    assert seen == [[Slept(T0 + timedelta(minutes=2), T0 + timedelta(minutes=41))]]
    beat.beat()
    assert seen[-1] == [Jumped(timedelta(minutes=-30))]


def test_beats_land_just_past_each_wall_clock_minute(qapp: QApplication) -> None:
    assert ms_to_next_minute(T0.replace(second=20)) == 40_000 + PAST_THE_MINUTE_MS
    assert ms_to_next_minute(T0.replace(second=59, microsecond=990_000)) == 10 + 50
    ticks: list[int] = []
    beat = Heartbeat(
        lambda: T0.replace(second=45), lambda _f: None, on_tick=lambda: ticks.append(1)
    )
    beat.start()
    try:
        assert beat._timer.isSingleShot() and beat._timer.isActive()
        assert beat._timer.interval() <= HEARTBEAT_MS + PAST_THE_MINUTE_MS
        beat.beat()
        assert ticks == [1] and beat._timer.isActive()
    finally:
        beat.stop()
    assert not beat._timer.isActive()
    beat.beat()  # a resume notice after stop() doesn't restart the timer
    assert not beat._timer.isActive()


def test_real_clock_readings_are_consistent() -> None:
    first = read_clocks(lambda: datetime.now(UTC))
    second = read_clocks(lambda: datetime.now(UTC))
    assert second.monotonic >= first.monotonic
    if first.boottime is not None and second.boottime is not None:
        assert second.boottime >= first.boottime
