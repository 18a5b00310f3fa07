"""Choose the one entry a stand-up prompt shows.

Only the standard library; the caller passes the random generator, so a seeded
``random.Random`` gives the same picks every time (tests, reproducible bug reports).

How a pick is made:

1. Only entries of enabled kinds that the user has not hidden can be shown at all; if none
   remain, there is nothing to show (None).
2. Preferences narrow the choice one after another, each applied only when it leaves at
   least one entry, so a rule that cannot be met is loosened instead of giving nothing.
   In order of importance:
     0. for a fresh prompt (scheduled or "Take a break now"): entries that get the person
        out of the chair (position standing or floor). Sitting still is what the app is
        there to interrupt, so this outranks everything else; seated moves (eye, wrist and
        posture checks) come only on "Another one". It is loosened only when the user's
        own kind and hidden choices leave no such entry (the bundled catalog has an
        office-friendly standing entry of every kind, so with nothing hidden that never
        happens; tests/unit/test_picker_standing.py checks every combination);
     a. office-friendly entries only, when the user asked for that;
     b. not the entry shown last (never the same twice in a row);
     c. not an entry already done today;
     d. for "Another one": no body area shared with the entry being replaced;
     e. body areas not yet shown today, so a day's prompts travel around the body (after
        a long sitting stretch, movement entries are exempt: getting up comes first).
3. Among what remains the choice is random, weighted: kinds and body areas already shown
   today count against an entry, favourites count for it, posture checks are favoured early
   in a sitting stretch and movement after a long one.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from backbreak.core.catalog import KINDS, Entry

EARLY_SITTING_MINUTES = 45
"""Below this, a prompt (say, after a short interval) leans toward a quick posture check."""
LONG_SITTING_MINUTES = 90
"""From this on, the prompt leans toward getting up and moving."""

FAVOURITE_WEIGHT = 3.0
EARLY_POSTURE_WEIGHT = 3.0
LONG_SITTING_MOVEMENT_WEIGHT = 4.0


@dataclass(frozen=True)
class PickContext:
    """What the picker needs to know about the user and their day."""

    enabled_kinds: frozenset[str] = frozenset(KINDS)
    office_friendly_only: bool = False
    hidden_ids: frozenset[str] = frozenset()
    """Entries the user never wants to see."""
    favourite_ids: frozenset[str] = frozenset()
    done_today: tuple[str, ...] = ()
    """Ids completed today, oldest first."""
    shown_today: tuple[str, ...] = ()
    """Ids prompted today (done or not), oldest first."""
    last_entry_id: str | None = None
    """The entry shown last (for "Another one": the entry being replaced)."""
    exclude_areas: frozenset[str] = frozenset()
    """For "Another one": the body areas of the entry being replaced."""
    sitting_minutes: float | None = None
    """How long the user has been sitting; None when unknown (no bias)."""
    out_of_chair: bool = False
    """A fresh stand-up prompt: prefer entries that get the person up (rule 0). False for
    "Another one", which may offer a seated move."""


@dataclass(frozen=True)
class _Day:
    """Today's tallies, computed once per pick."""

    area_counts: Counter[str]
    kind_counts: Counter[str]
    long_sitting: bool
    early_sitting: bool


def _tally(entries: Sequence[Entry], context: PickContext) -> _Day:
    by_id = {entry.id: entry for entry in entries}
    shown = [by_id[entry_id] for entry_id in context.shown_today if entry_id in by_id]
    minutes = context.sitting_minutes
    return _Day(
        area_counts=Counter(area for entry in shown for area in entry.areas),
        kind_counts=Counter(entry.kind for entry in shown),
        long_sitting=minutes is not None and minutes >= LONG_SITTING_MINUTES,
        early_sitting=minutes is not None and minutes < EARLY_SITTING_MINUTES,
    )


def _ignores_area_spread(entry: Entry, day: _Day) -> bool:
    return day.long_sitting and entry.kind == "movement"


def _preferences(context: PickContext, day: _Day) -> list[Callable[[Entry], bool]]:
    """The narrowing rules, most important first (see the module docstring)."""
    done = frozenset(context.done_today)
    return [
        lambda entry: entry.gets_you_up or not context.out_of_chair,
        lambda entry: entry.office_friendly or not context.office_friendly_only,
        lambda entry: entry.id != context.last_entry_id,
        lambda entry: entry.id not in done,
        lambda entry: context.exclude_areas.isdisjoint(entry.areas),
        lambda entry: (
            _ignores_area_spread(entry, day)
            or all(day.area_counts[area] == 0 for area in entry.areas)
        ),
    ]


def _weight(entry: Entry, context: PickContext, day: _Day) -> float:
    weight = 1.0 / (1 + day.kind_counts[entry.kind])
    if not _ignores_area_spread(entry, day):
        # Only matters once every entry repeats some area (rule e was loosened).
        weight /= 1 + sum(day.area_counts[area] for area in entry.areas)
    if entry.id in context.favourite_ids:
        weight *= FAVOURITE_WEIGHT
    if day.early_sitting and entry.kind == "posture":
        weight *= EARLY_POSTURE_WEIGHT
    if day.long_sitting and entry.kind == "movement":
        weight *= LONG_SITTING_MOVEMENT_WEIGHT
    return weight


def _narrowed(entries: Sequence[Entry], context: PickContext, day: _Day) -> list[Entry]:
    allowed = [
        entry
        for entry in entries
        if entry.kind in context.enabled_kinds and entry.id not in context.hidden_ids
    ]
    for prefer in _preferences(context, day):
        narrowed = [entry for entry in allowed if prefer(entry)]
        if narrowed:
            allowed = narrowed
    return allowed


def candidates(entries: Sequence[Entry], context: PickContext) -> list[Entry]:
    """The entries ``pick`` chooses among, in catalog order (empty: nothing to show)."""
    return _narrowed(entries, context, _tally(entries, context))


def pick(entries: Sequence[Entry], context: PickContext, rng: random.Random) -> Entry | None:
    """One entry for the next prompt, or None when no entry passes the kind/hidden filters."""
    day = _tally(entries, context)
    pool = _narrowed(entries, context, day)
    if not pool:
        return None
    weights = [_weight(entry, context, day) for entry in pool]
    return rng.choices(pool, weights=weights)[0]
