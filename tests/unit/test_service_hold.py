"""Don't interrupt: the service holds a due prompt behind full screen, DND and typing."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from backbreak.core.settings import Settings
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


def at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute, second, tzinfo=BERLIN).astimezone(UTC)


class Rig:
    def __init__(self, **settings: object) -> None:
        self.clock = FakeClock(at(9))
        self.waker = FakeWaker(self.clock)
        self.view = FakeView()
        self.notifier = FakeNotifier()
        self.presence = FakePresence()
        self.history = FakeHistory()
        self.service = BreakService(
            settings=Settings(notice_seconds=0).replace(**settings),
            catalog=SAMPLE_ENTRIES,
            clock=self.clock,
            waker=self.waker,
            history=self.history,
            notifier=self.notifier,
            view=self.view,
            rng=random.Random(1),
            presence=self.presence,
        )
        self.service.start()


def test_nothing_known_about_input_shows_on_time() -> None:
    rig = Rig()
    rig.waker.fire()
    assert len(rig.view.prompts) == 1


def test_typing_delays_the_prompt_until_a_pause() -> None:
    rig = Rig()
    rig.presence.since_input = 0.5
    rig.waker.fire()  # 10:00, typing
    assert rig.view.prompts == []
    assert rig.waker.when is not None and rig.waker.when - at(10) <= timedelta(seconds=2)
    rig.waker.fire()  # still typing
    assert rig.view.prompts == []
    rig.presence.since_input = 3.0  # a pause in typing
    rig.waker.fire()
    assert len(rig.view.prompts) == 1


def test_typing_wait_has_a_limit() -> None:
    rig = Rig(typing_wait_seconds=30)
    rig.presence.since_input = 0.1
    fired = [rig.waker.fire() for _ in range(40) if not rig.view.prompts]
    assert len(rig.view.prompts) == 1
    assert fired[-1] - at(10) <= timedelta(seconds=30)


def test_full_screen_holds_until_it_ends_with_one_quiet_notice() -> None:
    rig = Rig()
    rig.presence.reason = "fullscreen"
    for _ in range(4 * 20):  # twenty minutes of 15 s re-checks
        rig.waker.fire()
    assert rig.view.prompts == []
    assert [n.title for n in rig.notifier.sent] == ["Stand-up break waiting"]
    held = rig.service.status()
    assert held.held_reason == "fullscreen"
    assert rig.view.statuses[-1].held_reason == "fullscreen"  # the tray knows at once
    rig.presence.reason = None
    rig.presence.since_input = 0.2  # the user types right after the slides end
    rig.waker.fire()
    assert rig.view.prompts == []  # the typing wait starts now, not at 10:00
    assert rig.service.status().held_reason == "typing"
    rig.presence.since_input = 5
    rig.waker.fire()
    assert len(rig.view.prompts) == 1
    assert rig.service.status().held_reason is None


def test_full_screen_hold_can_be_turned_off() -> None:
    rig = Rig(hold_when_fullscreen=False)
    rig.presence.reason = "fullscreen"
    rig.waker.fire()
    assert len(rig.view.prompts) == 1


def test_break_now_is_never_held() -> None:
    rig = Rig()
    rig.presence.reason = "dnd"
    rig.service.break_now()
    assert len(rig.view.prompts) == 1


def test_a_call_holds_the_prompt_until_it_ends_then_one_prompt_and_no_break() -> None:
    rig = Rig()
    rig.presence.reason = "microphone"
    for _ in range(4 * 60):  # an hour-long call, looked at every 15 s
        rig.waker.fire()
    assert rig.view.prompts == []
    assert rig.service.status().held_reason == "microphone"
    assert status_text(rig.service.status(), BERLIN) == "Break waiting until the call ends"
    assert rig.notifier.sent == []  # no pop-up in the middle of a call, however long
    sitting_since = rig.service.state.sitting_since
    rig.presence.reason = None
    rig.waker.fire()
    assert len(rig.view.prompts) == 1
    # The call was no break: the sitting stretch runs on from before it.
    assert rig.service.state.sitting_since == sitting_since
    assert [event.kind for event in rig.history.events] == ["prompted"]
