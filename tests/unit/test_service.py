"""BreakService driven through its ports with fakes: no Qt, no sleeping."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from backbreak.core.clockwatch import Jumped, Reading, compare
from backbreak.core.pause import PauseRequest
from backbreak.core.settings import Settings
from backbreak.service import BreakService
from tests.fakes import (
    BERLIN,
    SAMPLE_ENTRIES,
    FakeClock,
    FakeHistory,
    FakeNotifier,
    FakeView,
    FakeWaker,
)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A Berlin wall-clock time in the week of Monday 23 November 2026, as aware UTC."""
    return datetime(2026, 11, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


class Rig:
    def __init__(self, settings: Settings | None = None, start: datetime | None = None) -> None:
        self.clock = FakeClock(start or at(23, 9))
        self.waker = FakeWaker(self.clock)
        self.history = FakeHistory()
        self.notifier = FakeNotifier()
        self.view = FakeView()
        self.saved_settings: list[Settings] = []
        self.service = BreakService(
            settings=settings or Settings(),
            catalog=SAMPLE_ENTRIES,
            clock=self.clock,
            waker=self.waker,
            history=self.history,
            notifier=self.notifier,
            view=self.view,
            rng=random.Random(7),
            on_settings_changed=self.saved_settings.append,
        )


@pytest.fixture
def rig() -> Rig:
    r = Rig()
    r.service.start()
    return r


def test_first_wakeup_is_the_notice_a_minute_before_the_prompt(rig: Rig) -> None:
    assert rig.waker.when == at(23, 9, 59)
    rig.waker.fire()
    [notice] = rig.notifier.sent
    # It names the exercise, so the person can finish a sentence and get ready for it.
    assert notice.title == "Stand-up break soon"
    assert notice.body.startswith("In 1 minute: ")
    assert rig.waker.when == at(23, 10)
    assert rig.view.prompts == []


def test_prompt_fires_at_the_interval_and_lands_in_history(rig: Rig) -> None:
    rig.waker.fire()  # notice
    rig.waker.fire()  # prompt
    assert rig.clock.now() == at(23, 10)
    assert len(rig.view.prompts) == 1
    assert rig.history.kinds() == ["prompted"]
    assert rig.service.status().mode == "prompt_open"


def test_done_restarts_the_sitting_clock(rig: Rig) -> None:
    rig.waker.fire()
    rig.waker.fire()
    rig.clock.advance(timedelta(minutes=2))
    entry = rig.service.current_entry
    assert entry is not None
    rig.service.complete()
    assert rig.view.closes == 1
    assert rig.history.kinds() == ["prompted", "completed"]
    done = rig.history.events[-1]
    assert done.entry_id == entry.id
    assert done.seconds == 120
    assert done.sitting_seconds == 62 * 60
    assert rig.service.status().next_prompt_at == at(23, 11, 2)


def test_snooze_then_limit_turns_snooze_into_skip() -> None:
    r = Rig(Settings(snooze_limit=2, notice_seconds=0))
    r.service.start()
    r.waker.fire()
    assert r.view.prompts[-1][1] is True  # snooze offered
    r.service.snooze()
    assert r.waker.when == at(23, 10, 10)
    r.waker.fire()
    r.service.snooze()
    r.waker.fire()
    assert r.view.prompts[-1][1] is False  # limit reached: snooze no longer offered
    assert r.view.snoozed_times == [0, 1, 2]  # ...and the window can say how often
    r.service.snooze()  # e.g. Esc or closing the window: counts as a skip now
    assert r.history.kinds()[-1] == "skipped"
    assert r.service.status().next_prompt_at == at(23, 11, 20)


def test_skip_moves_the_next_prompt_one_interval_on() -> None:
    r = Rig(Settings(notice_seconds=0))
    r.service.start()
    r.waker.fire()
    r.service.skip()
    assert r.history.kinds() == ["prompted", "skipped"]
    assert r.waker.when == at(23, 11)


def test_another_one_swaps_to_a_different_body_area(rig: Rig) -> None:
    rig.service.break_now()
    first = rig.service.current_entry
    assert first is not None
    rig.service.another()
    second = rig.service.current_entry
    assert second is not None
    assert second.id != first.id
    assert not set(second.areas) & set(first.areas)
    assert rig.history.kinds() == ["prompted", "another", "prompted"]
    assert len(rig.view.prompts) == 2


def test_pause_and_resume(rig: Rig) -> None:
    until = rig.service.pause(PauseRequest(minutes=30))
    assert until == at(23, 9, 30)
    status = rig.service.status()
    assert status.mode == "paused"
    assert status.paused_until == at(23, 9, 30)
    rig.clock.advance(timedelta(minutes=10))
    rig.service.resume()
    assert rig.history.kinds() == ["paused", "resumed"]
    assert rig.service.status().next_prompt_at == at(23, 10, 10)


def test_pause_indefinitely_cancels_the_wakeup(rig: Rig) -> None:
    assert rig.service.pause(PauseRequest(indefinitely=True)) is None
    assert rig.waker.when is None
    assert rig.service.status().mode == "paused_indefinitely"


def test_pause_until_tomorrow_resumes_at_start_of_work(rig: Rig) -> None:
    until = rig.service.pause(PauseRequest(until_tomorrow=True))
    assert until == at(24, 9)


def test_changing_the_interval_moves_the_next_prompt(rig: Rig) -> None:
    rig.service.update_settings(rig.service.settings.replace(interval_minutes=30))
    assert rig.service.status().next_prompt_at == at(23, 9, 30)
    assert rig.saved_settings[-1].interval_minutes == 30
    assert rig.waker.when == at(23, 9, 29)


def test_long_away_counts_as_a_break_and_is_recorded(rig: Rig) -> None:
    rig.clock.advance(timedelta(minutes=50))
    rig.service.away(at(23, 9, 50), at(23, 10, 30))
    assert rig.history.kinds() == ["away"]
    assert rig.history.events[0].seconds == 40 * 60
    rig.clock.current = at(23, 10, 30)
    rig.service.refresh()
    assert rig.service.status().next_prompt_at == at(23, 11, 30)


def test_short_away_changes_nothing(rig: Rig) -> None:
    rig.service.away(at(23, 9, 10), at(23, 9, 12))
    assert rig.history.kinds() == []
    assert rig.service.status().next_prompt_at == at(23, 10)


def test_prompt_open_when_next_is_due_is_reused_not_stacked() -> None:
    r = Rig(Settings(notice_seconds=0))
    r.service.start()
    r.waker.fire()
    r.waker.fire()  # an hour later, the prompt is still open
    assert len(r.view.prompts) == 2
    assert r.view.closes == 0  # same window, refreshed; the view decides reuse


def test_notice_action_start_now_opens_the_prompt(rig: Rig) -> None:
    rig.waker.fire()
    notice = rig.notifier.sent[0]
    assert ("start", "Start now") in notice.actions
    assert notice.on_action is not None
    notice.on_action("start")
    assert len(rig.view.prompts) == 1
    assert notice.body == f"In 1 minute: {rig.view.prompts[0][0].title}"


def fire_until_prompt(rig: Rig) -> None:
    shown = len(rig.view.prompts)
    for _ in range(5):
        rig.waker.fire()
        if len(rig.view.prompts) > shown:
            return
    raise AssertionError("no prompt came")


@pytest.mark.parametrize("seed", range(12))
def test_the_prompt_shows_the_exercise_the_notice_named(seed: int) -> None:
    r = Rig()
    r.service._rng = random.Random(seed)
    r.service.start()
    for _ in range(4):
        r.waker.fire()  # the notice
        named = r.notifier.sent[-1].body.removeprefix("In 1 minute: ")
        r.waker.fire()  # the prompt
        assert r.view.prompts[-1][0].title == named
        r.service.complete()


def test_a_snooze_from_the_notice_keeps_the_named_exercise(rig: Rig) -> None:
    rig.waker.fire()
    notice = rig.notifier.sent[-1]
    assert notice.on_action is not None
    notice.on_action("snooze")
    fire_until_prompt(rig)  # a second notice before the snooze runs out, then the prompt
    assert [n.body for n in rig.notifier.sent] == [notice.body, notice.body]
    assert f"In 1 minute: {rig.view.prompts[-1][0].title}" == notice.body


def test_a_named_exercise_hidden_meanwhile_is_replaced(rig: Rig) -> None:
    rig.waker.fire()
    named = rig.notifier.sent[-1].body.removeprefix("In 1 minute: ")
    [entry] = [e for e in SAMPLE_ENTRIES if e.title == named]
    rig.service.set_entry_hidden(entry.id)
    fire_until_prompt(rig)
    assert rig.view.prompts[-1][0].id != entry.id


def test_time_away_forgets_the_named_exercise(rig: Rig) -> None:
    # The break it was for is taken; the next notice names (and the prompt shows) its own.
    rig.waker.fire()
    first = rig.service._announced
    assert first is not None
    rig.clock.advance(timedelta(minutes=10))
    rig.service.away(rig.clock.now() - timedelta(minutes=10), rig.clock.now())
    assert rig.service._announced is None
    fire_until_prompt(rig)
    assert len(rig.notifier.sent) == 2
    assert rig.notifier.sent[-1].body == f"In 1 minute: {rig.view.prompts[-1][0].title}"


def test_state_survives_a_restart() -> None:
    first = Rig(Settings(notice_seconds=0))
    first.service.start()
    first.waker.fire()
    first.service.complete()
    first.service.shutdown()
    second = Rig(Settings(notice_seconds=0), start=first.clock.now() + timedelta(minutes=1))
    second.history = first.history
    second.service = BreakService(
        settings=Settings(notice_seconds=0),
        catalog=SAMPLE_ENTRIES,
        clock=second.clock,
        waker=second.waker,
        history=first.history,
        notifier=second.notifier,
        view=second.view,
    )
    second.service.start()
    # A one-minute restart keeps the sitting stretch that began at 10:00.
    assert second.service.status().next_prompt_at == at(23, 11)


def test_hidden_and_favourite_entries_are_saved_in_settings(rig: Rig) -> None:
    rig.service.set_entry_hidden("chin-tuck")
    rig.service.set_entry_favourite("calf-raise", True)
    assert rig.service.settings.hidden_entries == frozenset({"chin-tuck"})
    assert rig.service.settings.favourite_entries == frozenset({"calf-raise"})
    rig.service.set_entry_favourite("calf-raise", False)
    assert rig.saved_settings[-1].favourite_entries == frozenset()
    for _ in range(12):
        rig.service.break_now()
        current = rig.service.current_entry
        assert current is not None and current.id != "chin-tuck"
        rig.service.skip()


def test_no_entry_enabled_still_reminds_with_a_notification() -> None:
    r = Rig(Settings(hidden_entries=frozenset(e.id for e in SAMPLE_ENTRIES)))
    r.service.start()
    r.service.break_now()
    assert r.view.prompts == []
    assert r.notifier.sent and "walk" in r.notifier.sent[-1].body


def test_history_failure_does_not_stop_the_schedule(rig: Rig) -> None:
    def broken(event: object) -> None:
        raise OSError("disk full")

    rig.history.record = broken  # type: ignore[method-assign]
    rig.service.break_now()
    rig.service.complete()
    assert rig.waker.when is not None


def test_an_unanswered_prompt_is_nudged_once_an_interval_not_in_a_loop() -> None:
    # Issue 10: interval 5, working hours off, break-now, prompt left alone. The first nudge
    # used to start a loop of ~100 prompted rows a second.
    rig = Rig(Settings(interval_minutes=5, working_hours_enabled=False))
    rig.service.start()
    rig.service.break_now()
    for _ in range(12):
        rig.waker.fire()
    prompted = [e.at for e in rig.history.events if e.kind == "prompted"]
    assert len(prompted) == 13
    gaps = {later - earlier for earlier, later in pairwise(prompted)}
    assert gaps == {timedelta(minutes=5)}
    assert rig.waker.when == prompted[-1] + timedelta(minutes=5)


def test_the_notice_snooze_asks_the_snooze_limit_like_the_prompt() -> None:
    # Issue 10: six presses of the heads-up notice's Snooze with a limit of 1 gave six
    # snoozed rows and no prompt. There is one snooze path, and it asks can_snooze.
    rig = Rig(Settings(snooze_limit=1))
    rig.service.start()
    rig.waker.fire()  # the heads-up notice, a minute before the prompt
    notice = rig.notifier.sent[-1]
    assert ("snooze", "Snooze") in notice.actions and notice.on_action is not None
    for _ in range(6):
        notice.on_action("snooze")
    assert rig.history.kinds() == ["snoozed"]
    rig.waker.fire()  # the snoozed prompt's own heads-up: no Snooze left to offer
    assert [key for key, _label in rig.notifier.sent[-1].actions] == ["start"]
    rig.waker.fire()
    assert rig.history.kinds() == ["snoozed", "prompted"]
    assert rig.view.open


def test_a_clock_set_back_before_the_minute_check_does_not_shift_a_new_done() -> None:
    # Issue 10: the clock set back an hour, Done pressed before the once-a-minute clock
    # check: the check then shifted the new Done back too, and the next prompt came 57 s
    # after Done. The service now has the clocks checked before it applies a user intent.
    rig = Rig(Settings(notice_seconds=0, working_hours_enabled=False))
    watch = ClockWatch(rig)
    rig.service = BreakService(
        settings=rig.service.settings,
        catalog=SAMPLE_ENTRIES,
        clock=rig.clock,
        waker=rig.waker,
        history=rig.history,
        notifier=rig.notifier,
        view=rig.view,
        rng=random.Random(7),
        check_clock=watch.check,
    )
    rig.service.start()
    rig.waker.fire()  # the prompt at 10:00
    rig.clock.advance(timedelta(seconds=30))
    rig.clock.current -= timedelta(hours=1)  # set back; the monotonic clock runs on
    rig.clock.advance(timedelta(seconds=3))
    rig.service.complete()
    done_at = rig.clock.now()
    rig.clock.advance(timedelta(seconds=27))
    watch.check()  # the heartbeat's minute check
    assert rig.waker.when == done_at + timedelta(hours=1)


class ClockWatch:
    """The heartbeat's clock comparison over the fake clock (boot time = monotonic)."""

    def __init__(self, rig: Rig) -> None:
        self.rig = rig
        self.last = self.reading()

    def reading(self) -> Reading:
        return Reading(self.rig.clock.now(), self.rig.clock.mono, self.rig.clock.mono)

    def check(self) -> None:
        current = self.reading()
        findings = compare(self.last, current)
        self.last = current
        for finding in findings:
            if isinstance(finding, Jumped):
                self.rig.service.clock_jumped(finding.delta)


def test_the_open_prompt_follows_a_new_snooze_length(rig: Rig) -> None:
    # Issue 10: "Snooze 10 min" stayed on the open window after the length changed.
    rig.waker.fire()
    rig.waker.fire()
    assert rig.view.open
    rig.service.update_settings(rig.service.settings.replace(snooze_minutes=5))
    assert rig.view.snooze_offers[-1] == (True, 5)
    rig.service.update_settings(rig.service.settings.replace(snooze_limit=1))
    rig.service.snooze()
    rig.waker.fire()  # the snoozed prompt's heads-up
    rig.waker.fire()  # the snoozed prompt, now past the limit of 1
    assert rig.view.open
    rig.service.update_settings(rig.service.settings.replace(snooze_minutes=7))
    assert rig.view.snooze_offers[-1] == (False, 7)


def test_an_old_notice_snoozed_while_its_prompt_is_open_snoozes_the_prompt(rig: Rig) -> None:
    # Found by the simulator: the notice's Snooze pressed after the prompt had opened
    # snoozed the schedule but left the window open with nothing behind it.
    rig.waker.fire()  # notice
    notice = rig.notifier.sent[-1]
    rig.waker.fire()  # prompt
    assert rig.view.open and notice.on_action is not None
    notice.on_action("snooze")
    assert not rig.view.open
    assert rig.service.status().mode == "running"
    assert rig.history.kinds() == ["prompted", "snoozed"]
    assert rig.history.events[-1].entry_id is not None  # the prompt's snooze, one break


def test_a_time_away_gives_the_open_window_its_snooze_back() -> None:
    # Found by the simulator: Away starts the snooze count afresh, but the open window
    # kept hiding Snooze.
    rig = Rig(Settings(snooze_limit=1, notice_seconds=0))
    rig.service.start()
    rig.waker.fire()
    rig.service.snooze()
    rig.waker.fire()
    assert rig.view.prompts[-1][1] is False  # at the limit
    start = rig.clock.now()
    rig.clock.advance(timedelta(minutes=20))
    rig.service.away(start, rig.clock.now())
    assert rig.view.open
    assert rig.view.snooze_offers[-1] == (True, 10)
