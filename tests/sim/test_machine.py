"""Random use: a hypothesis state machine over every user intent and platform event, with
the clock advancing by random amounts. The world checks the invariants after every step."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from backbreak.core.pause import PauseRequest
from tests.sim.invariants import Invariants, check_day
from tests.sim.run import BERLIN, catalog
from tests.sim.world import Persona, World

START = datetime(2026, 3, 25, 8, 0, tzinfo=BERLIN).astimezone(UTC)  # DST comes on Sunday
SIMULATED: list[timedelta] = []


class Anybody(Persona):
    name = "random"


class ServiceMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.world = World(Anybody(), start=START, zone=BERLIN, catalog=catalog())
        self.world.check = Invariants()
        self.checked_to = self.today()

    def today(self) -> object:
        return self.world.clock.now().astimezone(self.world.zone).date()

    def advance(self, by: timedelta) -> None:
        self.world.run_until(self.world.clock.real + by)

    # ---- time --------------------------------------------------------------------------

    @rule(minutes=st.integers(1, 180))
    def some_minutes_pass(self, minutes: int) -> None:
        self.advance(timedelta(minutes=minutes))

    @rule(hours=st.integers(3, 60))
    def hours_pass(self, hours: int) -> None:
        self.advance(timedelta(hours=hours))

    # ---- the user ----------------------------------------------------------------------

    @rule()
    def break_now(self) -> None:
        self.world.intent("break_now", lambda s: s.break_now())

    @precondition(lambda self: self.world.view.open_entry is not None)
    @rule(answer=st.sampled_from(["complete", "snooze", "skip", "another"]))
    def answer(self, answer: str) -> None:
        self.world.answer(answer, timedelta(0))
        self.advance(timedelta(seconds=1))

    @precondition(lambda self: bool(self.world.notifier.sent))
    @rule(key=st.sampled_from(["start", "snooze"]))
    def press_the_notice(self, key: str) -> None:
        self.world.notice_action(self.world.notifier.sent[-1], key, timedelta(0))
        self.advance(timedelta(seconds=1))

    @rule(
        request=st.one_of(
            st.builds(PauseRequest, minutes=st.integers(1, 240)),
            st.builds(PauseRequest, minutes=st.integers(5, 120), meeting=st.just(True)),
            st.just(PauseRequest(until_tomorrow=True)),
            st.just(PauseRequest(indefinitely=True)),
        )
    )
    def pause(self, request: PauseRequest) -> None:
        self.world.pause(request)

    @rule()
    def resume(self) -> None:
        self.world.intent("resume", lambda s: s.resume())

    @rule(
        changes=st.fixed_dictionaries(
            {
                "interval_minutes": st.sampled_from([5, 20, 60, 90, 240]),
                "snooze_minutes": st.integers(1, 30),
                "snooze_limit": st.integers(0, 4),
                "working_hours_enabled": st.booleans(),
                "notice_seconds": st.sampled_from([0, 30, 60, 300]),
            }
        ),
        start=st.integers(0, 12),
        length=st.integers(1, 16),
    )
    def change_settings(self, changes: dict[str, object], start: int, length: int) -> None:
        hours = {"work_start": time(start), "work_end": time((start + length) % 24)}
        self.world.change_settings(**changes, **hours)

    # ---- the platform ------------------------------------------------------------------

    @rule(minutes=st.integers(1, 180))
    def away_and_back(self, minutes: int) -> None:
        self.world.leave()
        self.advance(timedelta(minutes=minutes))
        self.world.come_back()

    @rule(hours=st.integers(1, 40))
    def suspend_and_resume(self, hours: int) -> None:
        self.world.suspend()
        self.advance(timedelta(hours=hours))
        self.world.resume()

    @rule(minutes=st.sampled_from([-540, -60, -5, 5, 60, 540]))
    def clock_jumps(self, minutes: int) -> None:
        self.world.jump_clock(timedelta(minutes=minutes))

    @rule(reason=st.sampled_from([None, "fullscreen", "dnd"]))
    def hold(self, reason: str | None) -> None:
        self.world.set_hold(reason)

    @rule()
    def restart(self) -> None:
        self.world.restart()

    @invariant()
    def finished_days_agree_with_the_stats(self) -> None:
        today = self.today()
        day = self.checked_to
        while day < today:  # type: ignore[operator]
            check_day(self.world, day)  # type: ignore[arg-type]
            day += timedelta(days=1)  # type: ignore[operator]
        self.checked_to = today

    def teardown(self) -> None:
        SIMULATED.append(self.world.clock.real - START)


TestServiceMachine = ServiceMachine.TestCase
TestServiceMachine.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    derandomize=True,  # the same runs in CI every time; widen max_examples to explore
    suppress_health_check=[HealthCheck.too_slow],
)
