"""The runaway guard (issue 10): a rules bug must never become a busy loop or a flood."""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backbreak.app import status_json
from backbreak.core import cycle
from backbreak.core.runaway import BACKOFF, LIMIT, LOG_MARKER, WakeGuard
from backbreak.core.settings import Settings
from backbreak.doctor import check_wakeups
from backbreak.service import BreakService
from backbreak.ui.texts import status_text
from tests.fakes import (
    BERLIN,
    SAMPLE_ENTRIES,
    FakeClock,
    FakeHistory,
    FakeNotifier,
    FakePresence,
    FakeView,
    FakeWaker,
)

START = datetime(2026, 11, 23, 9, 0, tzinfo=BERLIN).astimezone(UTC)


# ---- the guard on its own ------------------------------------------------------------------


def test_more_than_the_limit_within_a_minute_trips_once() -> None:
    guard = WakeGuard()
    trips = [guard.note_wake(100.0 + n) for n in range(LIMIT + 5)]
    assert trips == [False] * LIMIT + [True] + [False] * 4
    assert guard.tripped


def test_the_same_number_spread_over_more_than_a_minute_does_not_trip() -> None:
    guard = WakeGuard()
    assert not any(guard.note_wake(n * 11.0) for n in range(100))
    assert not guard.tripped


def test_user_input_starts_counting_afresh_and_lifts_the_backoff() -> None:
    guard = WakeGuard()
    for n in range(LIMIT + 1):
        guard.note_wake(float(n))
    assert guard.hold_back(START, START) == START + BACKOFF
    assert guard.hold_back(START + 2 * BACKOFF, START) == START + 2 * BACKOFF
    assert guard.hold_back(None, START) is None
    guard.note_input()
    assert not guard.tripped
    assert guard.hold_back(START, START) == START
    assert not any(guard.note_wake(10.0) for _ in range(LIMIT))


# ---- in the service ------------------------------------------------------------------------


class Rig:
    def __init__(self, presence: FakePresence | None = None) -> None:
        self.clock = FakeClock(START)
        self.waker = FakeWaker(self.clock)
        self.history = FakeHistory()
        self.view = FakeView()
        self.service = BreakService(
            settings=Settings(notice_seconds=0, working_hours_enabled=False),
            catalog=SAMPLE_ENTRIES,
            clock=self.clock,
            waker=self.waker,
            history=self.history,
            notifier=FakeNotifier(),
            view=self.view,
            rng=random.Random(3),
            presence=presence,
        )
        self.service.start()


def broken_rules(
    state: cycle.CycleState, settings: Settings, now: datetime, zone: object
) -> datetime:
    """A rule bug like issue 10's: the next prompt is always due now."""
    return now


def test_a_looping_rule_is_slowed_down_logged_once_and_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    rig = Rig()
    monkeypatch.setattr(cycle, "next_prompt_at", broken_rules)
    rig.service.refresh()
    assert rig.waker.when == START
    with caplog.at_level(logging.ERROR, logger="backbreak.service"):
        for _ in range(200):
            rig.waker.fire()
    # Without the guard: 200 prompts at the same instant. With it: a handful, then one
    # every BACKOFF.
    prompted = [e.at for e in rig.history.events if e.kind == "prompted"]
    elapsed = rig.clock.now() - START
    assert len(prompted) <= LIMIT + elapsed / BACKOFF + 1
    assert elapsed >= 150 * BACKOFF
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1
    message = errors[0].getMessage()
    assert message.startswith(LOG_MARKER) and "CycleState(" in message
    status = rig.service.status()
    assert status.wake_guard_tripped
    assert status_json(status, BERLIN)["wake_guard_tripped"] is True
    assert "slowed down after a fault" in status_text(status, BERLIN)
    # Any user intent lifts the slow-down.
    rig.service.complete()
    assert not rig.service.status().wake_guard_tripped


def test_a_healthy_day_never_trips_it(caplog: pytest.LogCaptureFixture) -> None:
    rig = Rig()
    with caplog.at_level(logging.ERROR, logger="backbreak.service"):
        for _ in range(50):  # an ignored prompt, nudged once an hour for two days
            rig.waker.fire()
    assert not rig.service.status().wake_guard_tripped
    assert caplog.records == []


def test_waiting_for_a_pause_in_typing_is_user_input_not_a_runaway(
    caplog: pytest.LogCaptureFixture,
) -> None:
    presence = FakePresence(since_input=0.5)  # typing without a pause, for minutes
    rig = Rig(presence)
    with caplog.at_level(logging.ERROR, logger="backbreak.service"):
        while not rig.view.prompts:
            rig.waker.fire()
    assert rig.clock.now() - START >= timedelta(minutes=61)  # the 120 s typing limit
    assert not rig.service.status().wake_guard_tripped
    assert caplog.records == []


# ---- doctor --------------------------------------------------------------------------------


def test_doctor_reports_a_tripped_guard_from_the_log(tmp_path: Path) -> None:
    log = tmp_path / "backbreak.log"
    assert check_wakeups(log).ok  # no log yet
    log.write_text("2026-11-23 10:00:00,000 INFO    backbreak.service: started\n")
    assert check_wakeups(log).ok
    with log.open("a") as stream:
        stream.write(f"2026-11-23 11:00:01,123 ERROR   backbreak.service: {LOG_MARKER} ...\n")
    line = check_wakeups(log)
    assert not line.ok
    assert "2026-11-23 11:00:01" in line.detail
    assert str(log) in line.advice
