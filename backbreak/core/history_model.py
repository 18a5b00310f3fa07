"""History event values shared by the service, the store and the stats views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

EventKind = Literal[
    "prompted", "completed", "snoozed", "skipped", "another", "away", "paused", "resumed"
]
EVENT_KINDS: tuple[EventKind, ...] = (
    "prompted",
    "completed",
    "snoozed",
    "skipped",
    "another",
    "away",
    "paused",
    "resumed",
)


@dataclass(frozen=True)
class HistoryEvent:
    """One row of history.

    ``at`` is aware UTC; ``local_day`` and ``utc_offset_minutes`` are the user's wall-clock
    day and offset at that moment (stored so per-day stats and exports stay right after
    the user travels or DST changes).
    """

    kind: EventKind
    at: datetime
    local_day: date
    utc_offset_minutes: int
    entry_id: str | None = None
    seconds: int | None = None
    """completed: seconds spent on the exercise; away: length of the away period;
    paused: pause length (None = indefinitely)."""
    sitting_seconds: int | None = None
    """completed / away: how long the user had sat before this break."""
