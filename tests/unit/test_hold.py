"""The "don't interrupt" rules for a due prompt, with fake times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from backbreak.core.hold import (
    HOLD_RECHECK,
    QUIET_NOTICE_AFTER,
    RecheckAt,
    ShowNow,
    decide,
)
from backbreak.core.settings import Settings

DUE = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
DEFAULTS = Settings()


def seconds(value: float) -> timedelta:
    return timedelta(seconds=value)


def test_no_idle_source_shows_at_once() -> None:
    assert decide(DUE, DUE, None, None, held_since=None, settings=DEFAULTS) == ShowNow()


def test_a_pause_in_typing_shows_at_once() -> None:
    assert decide(DUE, DUE, 5.0, None, held_since=None, settings=DEFAULTS) == ShowNow()


def test_typing_waits_a_moment_and_looks_again_when_the_pause_would_be_long_enough() -> None:
    decision = decide(DUE, DUE, 0.5, None, held_since=None, settings=DEFAULTS)
    assert decision == RecheckAt(DUE + seconds(1.5), "typing")


def test_typing_recheck_is_never_sooner_than_a_second() -> None:
    decision = decide(DUE, DUE, 1.9, None, held_since=None, settings=DEFAULTS)
    assert decision == RecheckAt(DUE + seconds(1), "typing")


def test_typing_never_waits_past_the_limit() -> None:
    now = DUE + seconds(DEFAULTS.typing_wait_seconds - 0.5)
    decision = decide(DUE, now, 0.1, None, held_since=None, settings=DEFAULTS)
    assert decision == RecheckAt(DUE + seconds(DEFAULTS.typing_wait_seconds), "typing")
    limit = DUE + seconds(DEFAULTS.typing_wait_seconds)
    assert decide(DUE, limit, 0.1, None, held_since=None, settings=DEFAULTS) == ShowNow()


def test_typing_wait_zero_shows_even_while_typing() -> None:
    assert (
        decide(
            DUE, DUE, 0.0, None, held_since=None, settings=DEFAULTS.replace(typing_wait_seconds=0)
        )
        == ShowNow()
    )


@pytest.mark.parametrize("reason", ["fullscreen", "dnd"])
def test_fullscreen_and_dnd_hold_and_look_again_in_15_s(reason: str) -> None:
    decision = decide(DUE, DUE, 100.0, reason, held_since=None, settings=DEFAULTS)
    assert decision == RecheckAt(DUE + HOLD_RECHECK, reason, notify_quietly=False)


@pytest.mark.parametrize(
    ("reason", "setting"), [("fullscreen", "hold_when_fullscreen"), ("dnd", "hold_when_dnd")]
)
def test_a_hold_turned_off_in_settings_does_not_hold(reason: str, setting: str) -> None:
    settings = DEFAULTS.replace(**{setting: False})
    assert decide(DUE, DUE, 100.0, reason, held_since=None, settings=settings) == ShowNow()


def test_an_unknown_hold_reason_does_not_hold() -> None:
    assert decide(DUE, DUE, 100.0, "lunch", held_since=None, settings=DEFAULTS) == ShowNow()


def test_a_hold_outranks_typing_and_the_typing_limit() -> None:
    late = DUE + timedelta(hours=1)
    decision = decide(DUE, late, 0.1, "fullscreen", held_since=late, settings=DEFAULTS)
    assert isinstance(decision, RecheckAt)
    assert decision.reason == "fullscreen"


def test_a_long_hold_asks_for_one_quiet_notification() -> None:
    held_since = DUE
    almost = DUE + QUIET_NOTICE_AFTER - seconds(1)
    before = decide(DUE, almost, 50.0, "dnd", held_since=held_since, settings=DEFAULTS)
    assert isinstance(before, RecheckAt) and not before.notify_quietly
    past = DUE + QUIET_NOTICE_AFTER
    first = decide(DUE, past, 50.0, "dnd", held_since=held_since, settings=DEFAULTS)
    assert isinstance(first, RecheckAt) and first.notify_quietly
    again = decide(
        DUE,
        past + HOLD_RECHECK,
        50.0,
        "dnd",
        held_since=held_since,
        settings=DEFAULTS,
        quiet_notice_sent=True,
    )
    assert isinstance(again, RecheckAt) and not again.notify_quietly


def test_when_the_hold_ends_it_shows() -> None:
    after = DUE + timedelta(minutes=20)
    assert decide(DUE, after, 30.0, None, held_since=DUE, settings=DEFAULTS) == ShowNow()


def test_typing_after_a_hold_counts_from_the_end_of_the_hold() -> None:
    hold_ended = DUE + timedelta(minutes=20)
    decision = decide(hold_ended, hold_ended, 0.2, None, held_since=None, settings=DEFAULTS)
    assert isinstance(decision, RecheckAt) and decision.reason == "typing"


@pytest.mark.parametrize(
    ("reason", "setting", "off"),
    [
        ("microphone", "hold_when_microphone", False),
        ("camera", "hold_when_camera", False),
        ("program", "hold_programs", ()),
    ],
)
def test_calls_and_listed_programs_hold_like_full_screen(
    reason: str, setting: str, off: object
) -> None:
    on = DEFAULTS.replace(hold_programs=("zoom",))
    decision = decide(DUE, DUE, 100.0, reason, held_since=None, settings=on)
    assert decision == RecheckAt(DUE + HOLD_RECHECK, reason, notify_quietly=False)
    turned_off = on.replace(**{setting: off})
    assert decide(DUE, DUE, 100.0, reason, held_since=None, settings=turned_off) == ShowNow()


def test_a_long_call_never_asks_for_a_notification() -> None:
    later = DUE + QUIET_NOTICE_AFTER + timedelta(minutes=1)
    for reason in ("microphone", "camera"):
        decision = decide(DUE, later, 100.0, reason, held_since=DUE, settings=DEFAULTS)
        assert decision == RecheckAt(later + HOLD_RECHECK, reason, notify_quietly=False)
    program = decide(
        DUE, later, 100.0, "program", held_since=DUE,
        settings=DEFAULTS.replace(hold_programs=("obs",)),
    )  # fmt: skip
    assert isinstance(program, RecheckAt) and program.notify_quietly
