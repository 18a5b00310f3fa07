"""Small in-memory fakes of the service's ports, shared by unit tests."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from backbreak.core.catalog import Entry
from backbreak.core.cycle import CycleState
from backbreak.core.history_model import HistoryEvent
from backbreak.core.status import Status

BERLIN = ZoneInfo("Europe/Berlin")


class FakeClock:
    def __init__(self, now: datetime, zone: tzinfo = BERLIN) -> None:
        self.current = now
        self.local_zone = zone
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.current

    def zone(self) -> tzinfo:
        return self.local_zone

    def monotonic(self) -> float:
        return self.mono

    def advance(self, delta: timedelta) -> None:
        self.current += delta
        self.mono += delta.total_seconds()


class FakeWaker:
    """Remembers the single pending wake-up; ``fire()`` moves the clock there and runs it."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.when: datetime | None = None
        self.callback: Callable[[], None] | None = None
        self.arms = 0

    def wake_at(self, when: datetime | None, callback: Callable[[], None]) -> None:
        self.when = when
        self.callback = callback if when is not None else None
        self.arms += 1

    def fire(self) -> datetime:
        assert self.when is not None and self.callback is not None, "nothing scheduled"
        when = self.when
        if when > self.clock.current:
            self.clock.advance(when - self.clock.current)
        self.callback()
        return when


@dataclass
class FakeHistory:
    events: list[HistoryEvent] = field(default_factory=list)
    state: CycleState = field(default_factory=CycleState)
    saves: int = 0

    def record(self, event: HistoryEvent) -> None:
        self.events.append(event)

    def load_state(self) -> CycleState:
        return self.state

    def save_state(self, state: CycleState) -> None:
        self.state = state
        self.saves += 1

    def entries_done_on(self, day: date) -> list[str]:
        return [
            e.entry_id
            for e in self.events
            if e.kind == "completed" and e.local_day == day and e.entry_id is not None
        ]

    def kinds(self) -> list[str]:
        return [e.kind for e in self.events]


@dataclass
class Notice:
    title: str
    body: str
    actions: Sequence[tuple[str, str]]
    on_action: Callable[[str], None] | None


@dataclass
class FakeNotifier:
    sent: list[Notice] = field(default_factory=list)

    def notify(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        on_action: Callable[[str], None] | None = None,
    ) -> None:
        self.sent.append(Notice(title, body, actions, on_action))


@dataclass
class FakeView:
    prompts: list[tuple[Entry, bool, int]] = field(default_factory=list)
    closes: int = 0
    statuses: list[Status] = field(default_factory=list)
    open: bool = False
    snooze_offers: list[tuple[bool, int]] = field(default_factory=list)
    snoozed_times: list[int] = field(default_factory=list)
    """Per show_prompt / update_snooze call, the snoozes in a row the window was told."""

    def show_prompt(
        self, entry: Entry, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.prompts.append((entry, can_snooze, snooze_minutes))
        self.snoozed_times.append(snoozed_times)
        self.open = True

    def update_snooze(
        self, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.snooze_offers.append((can_snooze, snooze_minutes))
        self.snoozed_times.append(snoozed_times)

    def close_prompt(self) -> None:
        self.closes += 1
        self.open = False

    def show_status(self, status: Status) -> None:
        self.statuses.append(status)


def make_entry(
    entry_id: str,
    kind: str = "stretch",
    areas: tuple[str, ...] = ("hamstrings",),
    sides: str = "one",
    duration: int = 60,
) -> Entry:
    return Entry(
        id=entry_id,
        title=entry_id.replace("-", " ").capitalize(),
        kind=kind,
        areas=areas,
        duration_seconds=duration,
        sides="each" if sides == "each" else "one",
        steps=("Stand up.", "Reach for the ceiling."),
        why="Moves what sitting keeps still.",
        caution=None,
        needs=(),
        illustration="generic.svg",
    )


SAMPLE_ENTRIES: tuple[Entry, ...] = (
    make_entry("hamstring-reach", "stretch", ("hamstrings",)),
    make_entry("chin-tuck", "posture", ("neck",)),
    make_entry("walk-about", "movement", ("whole_body",)),
    make_entry("chest-opener", "stretch", ("chest",)),
    make_entry("hip-flexor-lunge", "stretch", ("hip_flexors",), sides="each"),
    make_entry("calf-raise", "strength", ("calves",)),
)


@dataclass
class FakePresence:
    since_input: float | None = None
    reason: str | None = None

    def seconds_since_input(self) -> float | None:
        return self.since_input

    def hold_reason(self) -> str | None:
        return self.reason
