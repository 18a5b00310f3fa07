from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from backbreak.platform.wall_timer import MAX_WAIT_MS, WallClockTimer


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_fires_once_when_the_wall_clock_says_so(qtbot: QtBot) -> None:
    def clock() -> datetime:
        return datetime.now(UTC)

    fired: list[datetime] = []
    timer = WallClockTimer(clock, lambda: fired.append(clock()))
    timer.arm(clock() + timedelta(milliseconds=50))
    qtbot.waitUntil(lambda: len(fired) == 1, timeout=2000)
    assert timer.when is None
    timer._check()  # a stray timeout after firing does nothing
    assert len(fired) == 1


def test_a_timeout_before_the_moment_rearms_instead_of_firing(qtbot: QtBot) -> None:
    clock = Clock()
    fired: list[datetime] = []
    timer = WallClockTimer(clock, lambda: fired.append(clock.now))
    timer.arm(clock.now + timedelta(hours=3))
    assert timer._timer.interval() == MAX_WAIT_MS + 1  # long waits are cut into hours
    timer._check()  # e.g. the clock was set back: not yet
    assert fired == [] and timer._timer.isActive()
    clock.now += timedelta(hours=3)  # e.g. after a suspend
    timer._check()
    assert fired == [clock.now]


def test_arm_none_cancels(qtbot: QtBot) -> None:
    clock = Clock()
    timer = WallClockTimer(clock, lambda: None)
    timer.arm(clock.now + timedelta(minutes=1))
    timer.arm(None)
    assert not timer._timer.isActive()
