"""Weeks of ordinary, messy use by the scripted personas of issue 10, every promise checked
after every step (``tests/sim/invariants.py``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from backbreak.core import cycle
from backbreak.core.settings import Settings
from tests.sim.invariants import InvariantError
from tests.sim.personas import PERSONAS, Ignorer
from tests.sim.run import DAYS_PER_PERSONA, report, simulate
from tests.sim.world import Persona


@pytest.mark.parametrize("persona", PERSONAS, ids=[p.name for p in PERSONAS])
def test_a_persona_keeps_every_promise_for_years(persona: type[Persona]) -> None:
    result = report(persona)
    assert result.days == DAYS_PER_PERSONA
    # Somebody was prompted, and never more often than the schedule allows.
    assert 1 <= result.prompts_per_day <= 24 * 60 / 5
    assert result.wakeups_per_hour < 5


def old_prompt_shown_rule(
    state: cycle.CycleState, event: cycle.Event, settings: Settings, now: datetime
) -> cycle.CycleState:
    """The rule before issue 10's fix: a nudge kept the first opening time."""
    after = ORIGINAL_RULE(state, event, settings, now)
    if isinstance(event, cycle.PromptShown) and state.prompt_open_since is not None:
        return replace(after, prompt_open_since=state.prompt_open_since)
    return after


ORIGINAL_RULE = cycle._apply_settled


def test_the_simulator_finds_the_loop_when_the_fix_is_reverted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The simulator must be able to fail: with the old rule the ignorer's first nudge
    # starts the loop, and the invariants stop it at once.
    monkeypatch.setattr(cycle, "_apply_settled", old_prompt_shown_rule)
    loop = "two prompts 0:00:00 apart|armed in the past twice in a row"
    with pytest.raises(InvariantError, match=loop):
        simulate(Ignorer(), days=14)
