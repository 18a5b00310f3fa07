"""The picker's rules, one by one, with seeded random generators."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence

import pytest

from backbreak.core.catalog import BODY_AREAS, Entry
from backbreak.core.picker import PickContext, candidates, pick

SEEDS = range(40)


def make(
    entry_id: str,
    kind: str = "stretch",
    areas: Sequence[str] = ("neck",),
    needs: Sequence[str] = (),
) -> Entry:
    return Entry(
        id=entry_id,
        title=entry_id.replace("-", " ").capitalize(),
        kind=kind,
        areas=tuple(areas),
        duration_seconds=30,
        sides="one",
        steps=("Do this.", "Then that."),
        why="Because.",
        caution=None,
        needs=tuple(needs),
        illustration="generic.svg",
    )


def pick_ids(entries: Sequence[Entry], context: PickContext, picks: int = 400) -> Counter[str]:
    rng = random.Random(1234)
    counts: Counter[str] = Counter()
    for _ in range(picks):
        chosen = pick(entries, context, rng)
        assert chosen is not None
        counts[chosen.id] += 1
    return counts


MIXED = [
    make("walk", "movement", ["whole_body"]),
    make("posture", "posture", ["upper_back"]),
    make("neck", "stretch", ["neck"]),
    make("hips", "stretch", ["hip_flexors"]),
    make("bridge", "strength", ["glutes"], needs=["floor"]),
    make("doorway", "stretch", ["chest"], needs=["door"]),
    make("wall-slide", "mobility", ["shoulders"], needs=["wall"]),
]


def test_nothing_to_pick_gives_none() -> None:
    rng = random.Random(0)
    assert pick([], PickContext(), rng) is None
    everything_hidden = PickContext(hidden_ids=frozenset(e.id for e in MIXED))
    assert pick(MIXED, everything_hidden, rng) is None
    only_absent_kind = [e for e in MIXED if e.kind != "posture"]
    assert pick(only_absent_kind, PickContext(enabled_kinds=frozenset({"posture"})), rng) is None


def test_only_enabled_kinds_and_never_hidden() -> None:
    context = PickContext(
        enabled_kinds=frozenset({"stretch", "strength"}), hidden_ids=frozenset({"neck"})
    )
    counts = pick_ids(MIXED, context)
    assert set(counts) == {"hips", "bridge", "doorway"}


def test_office_friendly_only_leaves_out_entries_with_needs() -> None:
    counts = pick_ids(MIXED, PickContext(office_friendly_only=True))
    assert set(counts) == {"walk", "posture", "neck", "hips"}


def test_office_friendly_is_loosened_rather_than_showing_nothing() -> None:
    context = PickContext(office_friendly_only=True, enabled_kinds=frozenset({"strength"}))
    chosen = pick(MIXED, context, random.Random(0))
    assert chosen is not None
    assert chosen.id == "bridge"


def test_never_the_same_entry_twice_in_a_row() -> None:
    for seed in SEEDS:
        rng = random.Random(seed)
        last: str | None = None
        for _ in range(30):
            chosen = pick(MIXED, PickContext(last_entry_id=last), rng)
            assert chosen is not None
            assert chosen.id != last
            last = chosen.id


def test_the_only_candidate_may_repeat() -> None:
    context = PickContext(enabled_kinds=frozenset({"posture"}), last_entry_id="posture")
    chosen = pick(MIXED, context, random.Random(0))
    assert chosen is not None
    assert chosen.id == "posture"


def test_entries_done_today_wait_while_others_remain() -> None:
    done = ("walk", "posture", "neck", "hips", "bridge", "doorway")
    for seed in SEEDS:
        chosen = pick(MIXED, PickContext(done_today=done), random.Random(seed))
        assert chosen is not None
        assert chosen.id == "wall-slide"


def test_when_everything_is_done_something_is_still_offered() -> None:
    done = tuple(e.id for e in MIXED)
    context = PickContext(done_today=done, shown_today=done, last_entry_id="wall-slide")
    counts = pick_ids(MIXED, context)
    assert counts
    assert "wall-slide" not in counts


def test_another_one_moves_to_a_different_body_area() -> None:
    entries = [
        make("neck-a", areas=["neck"]),
        make("neck-b", areas=["neck", "shoulders"]),
        make("calf", areas=["calves"]),
        make("wrist", areas=["wrists"]),
    ]
    context = PickContext(
        last_entry_id="neck-a", shown_today=("neck-a",), exclude_areas=frozenset({"neck"})
    )
    assert set(pick_ids(entries, context)) == {"calf", "wrist"}


def test_another_one_falls_back_when_every_entry_shares_the_area() -> None:
    entries = [make("neck-a", areas=["neck"]), make("neck-b", areas=["neck"])]
    context = PickContext(last_entry_id="neck-a", exclude_areas=frozenset({"neck"}))
    chosen = pick(entries, context, random.Random(0))
    assert chosen is not None
    assert chosen.id == "neck-b"


def simulate_day(entries: Sequence[Entry], seed: int, prompts: int) -> list[Entry]:
    """Prompt ``prompts`` times, the user doing each entry, as the service would."""
    rng = random.Random(seed)
    shown: list[str] = []
    picked: list[Entry] = []
    for _ in range(prompts):
        context = PickContext(
            shown_today=tuple(shown),
            done_today=tuple(shown),
            last_entry_id=shown[-1] if shown else None,
        )
        chosen = pick(entries, context, rng)
        assert chosen is not None
        shown.append(chosen.id)
        picked.append(chosen)
    return picked


def test_a_day_of_prompts_travels_around_the_body() -> None:
    # Two single-area entries per area: plenty of ways to repeat an area by chance.
    entries = [make(f"{area}-{n}", areas=[area]) for area in BODY_AREAS for n in (1, 2)]
    for seed in SEEDS:
        areas = [entry.areas[0] for entry in simulate_day(entries, seed, prompts=8)]
        assert len(set(areas)) == 8, f"seed {seed}: an area repeated early: {areas}"


def test_areas_repeat_only_once_every_area_was_used() -> None:
    entries = [make(f"{area}-{n}", areas=[area]) for area in ("neck", "calves") for n in (1, 2)]
    for seed in SEEDS:
        areas = [entry.areas[0] for entry in simulate_day(entries, seed, prompts=4)]
        assert sorted(areas[:2]) == ["calves", "neck"]
        assert len(set(areas)) == 2


def test_kinds_already_shown_today_are_weighted_down() -> None:
    entries = [make("stretch", "stretch", ["neck"]), make("strength", "strength", ["calves"])]
    context = PickContext(shown_today=("s1", "s2"))  # unknown ids are ignored
    even = pick_ids(entries, context, picks=2000)
    assert 850 < even["stretch"] < 1150
    seen_stretch = [*entries, make("other-stretch", "stretch", ["wrists"])]
    context = PickContext(shown_today=("other-stretch",), hidden_ids=frozenset({"other-stretch"}))
    counts = pick_ids(seen_stretch, context, picks=2000)
    # Weight 1/2 against 1: about one third stretch.
    assert 550 < counts["stretch"] < 780


def test_favourites_come_up_more_often() -> None:
    entries = [make("liked", areas=["neck"]), make("plain", areas=["calves"])]
    counts = pick_ids(entries, PickContext(favourite_ids=frozenset({"liked"})), picks=2000)
    # Weight 3 against 1: about three quarters.
    assert 1400 < counts["liked"] < 1600


@pytest.mark.parametrize(("minutes", "low", "high"), [(20, 1400, 1600), (60, 850, 1150)])
def test_posture_checks_are_favoured_early_in_a_sitting_stretch(
    minutes: float, low: int, high: int
) -> None:
    entries = [make("posture", "posture", ["upper_back"]), make("stretch", "stretch", ["neck"])]
    counts = pick_ids(entries, PickContext(sitting_minutes=minutes), picks=2000)
    assert low < counts["posture"] < high


@pytest.mark.parametrize(("minutes", "low", "high"), [(120, 1500, 1750), (60, 850, 1150)])
def test_movement_is_favoured_after_a_long_sit(minutes: float, low: int, high: int) -> None:
    entries = [make("walk", "movement", ["whole_body"]), make("stretch", "stretch", ["neck"])]
    counts = pick_ids(entries, PickContext(sitting_minutes=minutes), picks=2000)
    assert low < counts["walk"] < high


def test_after_a_long_sit_movement_is_offered_even_if_its_area_was_used() -> None:
    entries = [
        make("walk", "movement", ["whole_body"]),
        make("march", "movement", ["whole_body"]),
        make("neck", "stretch", ["neck"]),
    ]
    shown = ("walk",)
    short = PickContext(shown_today=shown, last_entry_id="walk", sitting_minutes=60)
    assert [e.id for e in candidates(entries, short)] == ["neck"]
    long = PickContext(shown_today=shown, last_entry_id="walk", sitting_minutes=120)
    assert [e.id for e in candidates(entries, long)] == ["march", "neck"]


def test_office_friendly_outranks_not_repeating() -> None:
    # The only office-friendly entry was shown last: repeat it rather than send the user
    # to the floor.
    entries = [make("desk", areas=["neck"]), make("floor", areas=["glutes"], needs=["floor"])]
    context = PickContext(office_friendly_only=True, last_entry_id="desk")
    assert [e.id for e in candidates(entries, context)] == ["desk"]


def test_same_seed_same_picks() -> None:
    def run(seed: int) -> list[str]:
        return [entry.id for entry in simulate_day(MIXED, seed, prompts=7)]

    assert run(7) == run(7)
    assert any(run(7) != run(seed) for seed in range(8, 20))
