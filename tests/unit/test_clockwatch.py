from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backbreak.core.clockwatch import Jumped, Reading, Slept, compare

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def reading(wall_s: float, mono: float, boot: float | None) -> Reading:
    return Reading(T0 + timedelta(seconds=wall_s), mono, boot)


def test_clocks_that_agree_report_nothing() -> None:
    assert compare(reading(0, 100, 500), reading(60.5, 160.4, 560.5)) == []


def test_suspend_shows_as_boot_time_running_ahead_of_monotonic() -> None:
    found = compare(reading(0, 100, 500), reading(3660, 160, 4160))
    assert found == [Slept(start=T0 + timedelta(seconds=60), end=T0 + timedelta(seconds=3660))]


def test_clock_set_back_an_hour_is_a_jump_not_sleep() -> None:
    found = compare(reading(0, 100, 500), reading(60 - 3600, 160, 560))
    assert found == [Jumped(timedelta(hours=-1))]


def test_clock_set_forward_is_a_jump_when_boot_time_is_known() -> None:
    found = compare(reading(0, 100, 500), reading(60 + 1800, 160, 560))
    assert found == [Jumped(timedelta(minutes=30))]


def test_sleep_and_a_clock_change_together() -> None:
    # 20 minutes asleep, and NTP moved the clock back two minutes meanwhile.
    found = compare(reading(0, 100, 500), reading(60 + 1200 - 120, 160, 560 + 1200))
    assert Jumped(timedelta(minutes=-2)) in found
    assert (
        Slept(start=T0 + timedelta(seconds=1140 - 1200), end=T0 + timedelta(seconds=1140)) in found
    )


def test_without_a_boot_clock_a_forward_gap_counts_as_sleep() -> None:
    found = compare(reading(0, 100, None), reading(3660, 160, None))
    assert found == [Slept(start=T0 + timedelta(seconds=60), end=T0 + timedelta(seconds=3660))]


def test_without_a_boot_clock_a_backward_gap_is_a_jump() -> None:
    found = compare(reading(0, 100, None), reading(60 - 600, 160, None))
    assert found == [Jumped(timedelta(seconds=-600))]
