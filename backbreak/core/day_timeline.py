"""One day's events as a timeline: sitting stretches, breaks away, and prompt outcomes.

Pure; the History window draws what ``day_timeline`` returns. Events carry how long the
user had sat when a break was taken (``sitting_seconds``), so a stretch is read back from
the break that ended it rather than guessed from the prompts in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from backbreak.core.history_model import HistoryEvent

Outcome = Literal["done", "snoozed", "skipped", "away", "paused", "unanswered"]
OUTCOMES: tuple[Outcome, ...] = ("done", "snoozed", "skipped", "away", "paused", "unanswered")
"""In legend order."""


@dataclass(frozen=True)
class Marker:
    """What happened at ``at`` (aware UTC): a prompt's outcome, a pause, or a time away."""

    at: datetime
    outcome: Outcome
    entry_id: str | None = None


@dataclass(frozen=True)
class Span:
    """``start <= t < end``, aware UTC."""

    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class SittingStretch(Span):
    sat: timedelta = timedelta(0)
    """How long the user had sat, as recorded with the break that ended the stretch; the
    figure the stats call "longest sitting" (the span may be clipped at midnight)."""


@dataclass(frozen=True)
class DayTimeline:
    stretches: tuple[SittingStretch, ...]
    away: tuple[Span, ...]
    paused: tuple[Span, ...]
    markers: tuple[Marker, ...]
    longest: SittingStretch | None
    """The stretch with the most sitting (the first of equals); None without stretches."""

    @property
    def is_empty(self) -> bool:
        return not (self.stretches or self.away or self.paused or self.markers)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for marker in self.markers if marker.outcome == outcome)


def day_timeline(events: Iterable[HistoryEvent], start: datetime, end: datetime) -> DayTimeline:
    """Build the timeline of the events in ``[start, end)`` (the local day, as UTC).

    A prompt ("prompted") gets the outcome of the next answer: completed → done, snoozed,
    skipped, paused; "another" swaps the exercise and keeps waiting. A prompt with no
    answer before the next prompt or the end of the events is "unanswered" (the app was
    closed, or the prompt is still open). Spans reaching outside the day are clipped.
    """
    stretches: list[SittingStretch] = []
    away: list[Span] = []
    paused: list[Span] = []
    markers: list[Marker] = []
    waiting: HistoryEvent | None = None
    pause_started: datetime | None = None
    pause_ends: datetime | None = None
    """The running pause's planned end; None for "until I resume"."""

    def clip(first: datetime, last: datetime) -> Span | None:
        first, last = max(first, start), min(last, end)
        return Span(first, last) if first < last else None

    def end_pause(at: datetime) -> None:
        """The running pause ends at ``at`` (a resume, a new pause) or at its planned end,
        whichever comes first: a pause cancelled a second after it began was a second."""
        nonlocal pause_started, pause_ends
        if pause_started is None:
            return
        span = clip(pause_started, at if pause_ends is None else min(at, pause_ends))
        if span is not None:
            paused.append(span)
        pause_started = pause_ends = None

    for event in sorted(events, key=lambda item: item.at):
        if not start <= event.at < end:
            continue
        kind = event.kind
        if kind == "prompted":
            if waiting is not None:
                markers.append(Marker(waiting.at, "unanswered", waiting.entry_id))
            waiting = event
            continue
        if kind == "another":
            # The exercise was swapped: the same break goes on with the next prompt.
            waiting = None
            continue
        if kind in ("completed", "snoozed", "skipped", "paused"):
            waiting = None
        if kind == "completed":
            markers.append(Marker(event.at, "done", event.entry_id))
            # The prompt appeared ``seconds`` before the completion: sitting ended there.
            break_start = event.at - timedelta(seconds=event.seconds or 0)
            _add_stretch(stretches, clip, break_start, event)
        elif kind in ("snoozed", "skipped"):
            markers.append(Marker(event.at, kind, event.entry_id))
        elif kind == "away":
            left = event.at - timedelta(seconds=event.seconds or 0)
            markers.append(Marker(max(left, start), "away"))
            span = clip(left, event.at)
            if span is not None:
                away.append(span)
            _add_stretch(stretches, clip, left, event)
        elif kind == "paused":
            markers.append(Marker(event.at, "paused"))
            end_pause(event.at)
            pause_started = event.at
            if event.seconds is not None:
                pause_ends = event.at + timedelta(seconds=event.seconds)
        elif kind == "resumed":
            end_pause(event.at)
    if pause_ends is not None:
        # A timed pause nobody cancelled runs to its planned end (an indefinite one that
        # is still running is not drawn: its end is unknown).
        end_pause(pause_ends)
    if waiting is not None:
        markers.append(Marker(waiting.at, "unanswered", waiting.entry_id))
    markers.sort(key=lambda marker: marker.at)
    # Stretches come from "sat this long before the break"; on a day of odd data (a clock
    # change) two could overlap, which would draw as one blur. Trim each to start after
    # the previous one ends.
    stretches.sort(key=lambda stretch: stretch.start)
    tidy: list[SittingStretch] = []
    for stretch in stretches:
        if tidy and stretch.start < tidy[-1].end:
            if stretch.end > tidy[-1].end:
                tidy.append(SittingStretch(tidy[-1].end, stretch.end, stretch.sat))
            continue
        tidy.append(stretch)
    longest = None
    for stretch in tidy:
        if longest is None or stretch.sat > longest.sat:
            longest = stretch
    return DayTimeline(tuple(tidy), tuple(away), tuple(paused), tuple(markers), longest)


def _add_stretch(
    stretches: list[SittingStretch],
    clip: Callable[[datetime, datetime], Span | None],
    sitting_ended: datetime,
    event: HistoryEvent,
) -> None:
    if not event.sitting_seconds:
        return
    sat = timedelta(seconds=event.sitting_seconds)
    # For "away" the figure was taken when the user left; for "completed" at the
    # completion, so it includes the minute or two of the exercise itself.
    began = (event.at if event.kind == "completed" else sitting_ended) - sat
    span = clip(began, sitting_ended)
    if span is not None:
        stretches.append(SittingStretch(span.start, span.end, sat))


__all__ = [
    "OUTCOMES",
    "DayTimeline",
    "Marker",
    "Outcome",
    "SittingStretch",
    "Span",
    "day_timeline",
]
