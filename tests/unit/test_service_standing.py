"""The service with the real bundled catalog: every stand-up prompt gets the person up.

Weeks of scheduled prompts are driven through the fakes (the user answering each prompt in
one of the usual ways), with several settings; "Another one" may still offer a seated move.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from backbreak.core.catalog import KINDS, Entry
from backbreak.core.settings import Settings
from backbreak.platform.catalog_files import load_catalog
from backbreak.service import BreakService
from tests.fakes import BERLIN, FakeClock, FakeHistory, FakeNotifier, FakeView, FakeWaker

BUNDLED = load_catalog(None).entries


def monday_9() -> datetime:
    return datetime(2026, 11, 23, 9, tzinfo=BERLIN).astimezone(UTC)


def service_with(
    settings: Settings, seed: int, notifier: FakeNotifier | None = None
) -> tuple[BreakService, FakeWaker, FakeView]:
    clock = FakeClock(monday_9())
    waker = FakeWaker(clock)
    view = FakeView()
    service = BreakService(
        settings=settings,
        catalog=BUNDLED,
        clock=clock,
        waker=waker,
        history=FakeHistory(),
        notifier=notifier or FakeNotifier(),
        view=view,
        rng=random.Random(seed),
    )
    service.start()
    return service, waker, view


def run_days(service: BreakService, waker: FakeWaker, view: FakeView, prompts: int) -> None:
    """Let ``prompts`` prompts come, answering them in turn with done, snooze and skip."""
    answers = (service.complete, service.snooze, service.complete, service.skip)
    shown = 0
    while shown < prompts:
        waker.fire()
        if len(view.prompts) > shown:
            shown = len(view.prompts)
            answers[shown % len(answers)]()


SETTINGS = [
    Settings(),
    Settings(office_friendly_only=True),
    Settings(enabled_kinds=frozenset({"posture"}), office_friendly_only=True),
    Settings(enabled_kinds=frozenset({"stretch", "mobility"}), interval_minutes=30),
    Settings(enabled_kinds=frozenset({"posture", "mobility"}), snooze_limit=1),
]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("settings", SETTINGS, ids=range(len(SETTINGS)))
def test_every_scheduled_prompt_gets_the_person_up(settings: Settings, seed: int) -> None:
    service, waker, view = service_with(settings, seed)
    run_days(service, waker, view, prompts=40)
    shown: list[Entry] = [entry for entry, _, _ in view.prompts]
    seated = [entry.id for entry in shown if not entry.gets_you_up]
    assert seated == []
    assert {entry.kind for entry in shown} <= settings.enabled_kinds
    if settings.office_friendly_only:
        assert all(entry.office_friendly for entry in shown)


@pytest.mark.parametrize("seed", range(6))
def test_an_exercise_announced_despite_office_friendly_is_the_one_shown(seed: int) -> None:
    # Only strength moves, all hidden but the floor ones: office-friendly is loosened to
    # offer anything at all, and the prompt must not swap what the notice named.
    hidden = frozenset(e.id for e in BUNDLED if e.kind == "strength" and e.office_friendly)
    settings = Settings(
        enabled_kinds=frozenset({"strength"}), office_friendly_only=True, hidden_entries=hidden
    )
    notifier = FakeNotifier()
    _, waker, view = service_with(settings, seed, notifier)
    waker.fire()  # the notice
    waker.fire()  # the prompt
    [(entry, _, _)] = view.prompts
    assert not entry.office_friendly
    assert notifier.sent[-1].body == f"In 1 minute: {entry.title}"


def test_take_a_break_now_is_a_stand_up_prompt_too() -> None:
    service, _, view = service_with(Settings(), seed=3)
    for _ in range(30):
        service.break_now()
        service.complete()
    assert all(entry.gets_you_up for entry, _, _ in view.prompts)


def test_another_one_may_offer_a_seated_check() -> None:
    service, waker, view = service_with(Settings(enabled_kinds=frozenset(KINDS)), seed=5)
    waker.fire()
    waker.fire()
    assert len(view.prompts) == 1
    for _ in range(40):
        service.another()
    offered = [entry for entry, _, _ in view.prompts[1:]]
    assert any(not entry.gets_you_up for entry in offered)
    assert view.prompts[0][0].gets_you_up
