"""Rule 0 of the picker: a fresh stand-up prompt gets the person out of the chair.

Seeded picks on a small made-up catalog show the rule and its limits; a property over the
bundled catalog shows it holds for any mix of the user's settings and their day.
"""

from __future__ import annotations

import itertools
import random
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backbreak.core.catalog import KINDS, Entry, Position, parse_catalog
from backbreak.core.picker import PickContext, candidates, pick

SEEDS = range(40)
CATALOG = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "catalog.toml"


def make(
    entry_id: str,
    position: Position,
    kind: str = "stretch",
    areas: Sequence[str] = ("neck",),
    needs: Sequence[str] = (),
) -> Entry:
    return Entry(
        id=entry_id,
        title=entry_id,
        kind=kind,
        areas=tuple(areas),
        duration_seconds=30,
        sides="one",
        steps=("Do this.", "Then that."),
        why="Because.",
        caution=None,
        needs=tuple(needs),
        illustration="generic.svg",
        position=position,
    )


SMALL = [
    make("walk", "standing", "movement", ["whole_body"]),
    make("squat", "standing", "strength", ["glutes"]),
    make("bridge", "floor", "strength", ["glutes"], needs=["floor"]),
    make("blink", "seated", "mobility", ["eyes"]),
    make("breathe", "seated", "posture", ["chest"]),
    make("wrists", "seated", "stretch", ["wrists"]),
]
SEATED = {"blink", "breathe", "wrists"}


def picks(entries: Sequence[Entry], context: PickContext, seed: int, n: int = 50) -> set[str]:
    rng = random.Random(seed)
    chosen = [pick(entries, context, rng) for _ in range(n)]
    return {entry.id for entry in chosen if entry is not None}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_fresh_prompt_never_keeps_you_seated(seed: int) -> None:
    # Early in a sitting stretch posture checks (seated here) weigh three times as much;
    # that lean may choose among standing entries only.
    context = PickContext(out_of_chair=True, sitting_minutes=20)
    assert picks(SMALL, context, seed) <= {"walk", "squat", "bridge"}


def test_without_the_rule_seated_moves_come_up_as_before() -> None:
    # "Another one" passes out_of_chair=False: a seated eye or posture check may appear.
    seen = set().union(*(picks(SMALL, PickContext(), seed) for seed in SEEDS))
    assert seen >= SEATED


def test_getting_up_outranks_office_friendly_and_not_repeating() -> None:
    # Only the floor move gets you up here: it wins over the user's office-friendly wish
    # and over "not the same entry twice", since sitting on is what the app interrupts.
    entries = [SMALL[2], *[e for e in SMALL if e.id in SEATED]]
    context = PickContext(out_of_chair=True, office_friendly_only=True, last_entry_id="bridge")
    assert [e.id for e in candidates(entries, context)] == ["bridge"]


def test_with_office_friendly_only_the_floor_waits_while_a_standing_move_exists() -> None:
    context = PickContext(out_of_chair=True, office_friendly_only=True)
    for seed in SEEDS:
        assert picks(SMALL, context, seed) <= {"walk", "squat"}


def test_when_the_users_own_choices_leave_no_way_up_a_seated_move_is_the_fallback() -> None:
    # Only posture checks turned on, and the catalog has no standing one: the user's own
    # choice wins rather than showing nothing (the bundled catalog avoids this; see below).
    context = PickContext(out_of_chair=True, enabled_kinds=frozenset({"posture"}))
    assert picks(SMALL, context, seed=0) == {"breathe"}
    hidden = PickContext(out_of_chair=True, hidden_ids=frozenset({"walk", "squat", "bridge"}))
    assert picks(SMALL, hidden, seed=0) <= SEATED


# ---- the bundled catalog, any settings, any day ---------------------------------------------


def _bundled() -> list[Entry]:
    with CATALOG.open("rb") as handle:
        entries, problems = parse_catalog(tomllib.load(handle), "catalog.toml")
    assert problems == []
    return entries


BUNDLED = _bundled()
BUNDLED_IDS = [entry.id for entry in BUNDLED]
KIND_SETS = [
    frozenset(combo)
    for size in range(1, len(KINDS) + 1)
    for combo in itertools.combinations(KINDS, size)
]


@pytest.mark.parametrize("office_only", [False, True])
@pytest.mark.parametrize("kinds", KIND_SETS, ids=lambda kinds: "+".join(sorted(kinds)))
def test_every_kind_setting_has_a_way_up_that_fits_the_office_filter(
    kinds: frozenset[str], office_only: bool
) -> None:
    context = PickContext(out_of_chair=True, enabled_kinds=kinds, office_friendly_only=office_only)
    pool = candidates(BUNDLED, context)
    assert pool
    assert all(entry.gets_you_up for entry in pool)
    assert all(entry.kind in kinds for entry in pool)
    if office_only:
        assert all(entry.office_friendly for entry in pool)


@hypothesis_settings(max_examples=400, deadline=None)
@given(
    kinds=st.sampled_from(KIND_SETS),
    office_only=st.booleans(),
    hidden=st.frozensets(st.sampled_from(BUNDLED_IDS), max_size=20),
    favourites=st.frozensets(st.sampled_from(BUNDLED_IDS), max_size=8),
    shown=st.lists(st.sampled_from(BUNDLED_IDS), max_size=12),
    sitting=st.one_of(st.none(), st.floats(min_value=0, max_value=600)),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_a_fresh_prompt_gets_you_up_whatever_the_settings_and_the_day(
    *,
    kinds: frozenset[str],
    office_only: bool,
    hidden: frozenset[str],
    favourites: frozenset[str],
    shown: list[str],
    sitting: float | None,
    seed: int,
) -> None:
    context = PickContext(
        enabled_kinds=kinds,
        office_friendly_only=office_only,
        hidden_ids=hidden,
        favourite_ids=favourites,
        shown_today=tuple(shown),
        done_today=tuple(shown[::2]),
        last_entry_id=shown[-1] if shown else None,
        sitting_minutes=sitting,
        out_of_chair=True,
    )
    allowed = [e for e in BUNDLED if e.kind in kinds and e.id not in hidden]
    chosen = pick(BUNDLED, context, random.Random(seed))
    if not allowed:
        assert chosen is None
        return
    assert chosen is not None
    assert chosen.kind in kinds and chosen.id not in hidden
    ways_up = [e for e in allowed if e.gets_you_up]
    if ways_up:
        assert chosen.gets_you_up, chosen.id
    if office_only and any(e.office_friendly for e in ways_up):
        assert chosen.office_friendly, chosen.id
