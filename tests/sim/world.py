"""A simulated desktop around the real ``BreakService``: clocks, timers, a user, a history.

Time is a value here. The world keeps three clocks the way Linux does: ``real`` (true
elapsed time, what ``CLOCK_BOOTTIME`` counts, never jumps), ``awake`` (what
``CLOCK_MONOTONIC`` counts: it stops while the machine is suspended) and the wall clock
(``real`` plus an offset the user or NTP can change). The service sees the wall clock
through its ``Clock`` port, as in the app.

Everything that happens is an item on one agenda ordered by real time: the service's
single wake-up (a wall-clock timer, so it fires as soon as the wall clock passes it, also
after a jump), the heartbeat's clock check, and the scripted or random actions of the user
and the platform. ``run_until`` plays the agenda; the invariants are checked after every
step (``tests/sim/invariants.py``).
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import count

from backbreak.core import cycle
from backbreak.core.catalog import Entry
from backbreak.core.clockwatch import Jumped, Reading, Slept, compare
from backbreak.core.history_model import HistoryEvent
from backbreak.core.pause import PauseRequest
from backbreak.core.settings import Settings
from backbreak.core.status import Status
from backbreak.platform.history import History
from backbreak.service import BreakService
from tests.fakes import FakeNotifier, FakePresence, Notice

Action = Callable[[], None]

INTENTS = (
    "break_now",
    "complete",
    "snooze",
    "skip",
    "another",
    "pause",
    "resume",
    "notice_snooze",
    "notice_start",
    "settings",
)
"""What the user can ask for; any of them lets the next prompt come sooner than one
interval after the last (a snooze, a break-now, a shorter interval, a meeting's end)."""


class SimClock:
    """The service's ``Clock`` port over the world's clocks."""

    def __init__(self, start: datetime, zone: tzinfo) -> None:
        self.real = start
        self.wall_offset = timedelta(0)
        self.awake_seconds = 0.0
        self.local_zone = zone

    def now(self) -> datetime:
        return self.real + self.wall_offset

    def zone(self) -> tzinfo:
        return self.local_zone

    def monotonic(self) -> float:
        return self.awake_seconds

    def reading(self) -> Reading:
        boot = (self.real - datetime(2000, 1, 1, tzinfo=UTC)).total_seconds()
        return Reading(self.now(), self.awake_seconds, boot)


class SimWaker:
    """The service's ``Waker`` port: one pending wall-clock wake-up."""

    def __init__(self) -> None:
        self.when: datetime | None = None
        self.callback: Action | None = None
        self.arms = 0

    def wake_at(self, when: datetime | None, callback: Action) -> None:
        self.when = when
        self.callback = callback if when is not None else None
        self.arms += 1


class SimHistory:
    """The ``HistoryPort`` kept in memory, indexed by local day (weeks stay cheap)."""

    def __init__(self) -> None:
        self.by_day: dict[date, list[HistoryEvent]] = {}
        self.state = cycle.CycleState()
        self.rows = 0

    def record(self, event: HistoryEvent) -> None:
        self.by_day.setdefault(event.local_day, []).append(event)
        self.rows += 1

    def load_state(self) -> cycle.CycleState:
        return self.state

    def save_state(self, state: cycle.CycleState) -> None:
        self.state = state

    def entries_done_on(self, day: date) -> list[str]:
        return [
            e.entry_id
            for e in self.by_day.get(day, ())
            if e.kind == "completed" and e.entry_id is not None
        ]


@dataclass(frozen=True)
class Shown:
    """One prompt the user saw: a first showing, a nudge, or a swap."""

    real: datetime
    wall: datetime
    day: date
    """The user's local day then (as the history records it)."""
    asked: bool
    """True when a user intent showed it (break now, another, a notice's Start now)."""
    entry_id: str


class SimView:
    """The ``View`` port: remembers what the user sees."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.open_entry: Entry | None = None
        self.can_snooze = True
        self.snooze_minutes = 0
        self.last_status: Status | None = None

    def show_prompt(
        self, entry: Entry, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.open_entry = entry
        self.can_snooze = can_snooze
        self.snooze_minutes = snooze_minutes
        self.world.prompt_shown(entry)

    def update_snooze(
        self, can_snooze: bool, snooze_minutes: int, *, snoozed_times: int = 0
    ) -> None:
        self.can_snooze = can_snooze
        self.snooze_minutes = snooze_minutes

    def close_prompt(self) -> None:
        self.open_entry = None

    def show_status(self, status: Status) -> None:
        self.last_status = status


class Persona:
    """Scripted behaviour: plans each day, answers prompts and notices. The default is a
    user who never answers anything."""

    name = "nobody"
    settings = Settings()

    def plan_day(self, world: World, day: date) -> None:
        """Put the day's actions on the agenda (local times through ``world.at``)."""

    def on_prompt(self, world: World, entry: Entry) -> None:
        """A prompt was shown (or nudged, or swapped)."""

    def on_notice(self, world: World, notice: Notice) -> None:
        """The heads-up notification came."""


@dataclass
class Metrics:
    days: int = 0
    wakeups: int = 0
    shown: int = 0
    rows: int = 0
    restarts: int = 0
    intents: int = 0


@dataclass
class World:
    persona: Persona
    start: datetime
    zone: tzinfo
    seed: int = 0
    catalog: Sequence[Entry] = ()
    check: Callable[[World, str], None] | None = None
    """Called after every step with a word for what happened (the invariants)."""
    rng: random.Random = field(init=False)
    clock: SimClock = field(init=False)
    waker: SimWaker = field(init=False)
    history: SimHistory = field(init=False)
    view: SimView = field(init=False)
    notifier: FakeNotifier = field(init=False)
    presence: FakePresence = field(init=False)
    service: BreakService = field(init=False)
    settings: Settings = field(init=False)
    metrics: Metrics = field(default_factory=Metrics)
    shown: list[Shown] = field(default_factory=list)
    intents: list[tuple[datetime, str]] = field(default_factory=list)
    """(real time, intent) of everything the user asked for."""
    shown_per_day: dict[date, int] = field(default_factory=dict)
    restarts: list[datetime] = field(default_factory=list)
    asleep_since: datetime | None = None
    away_since: datetime | None = None
    wake_log: list[tuple[datetime, datetime | None]] = field(default_factory=list)
    """(real time of the wake-up, what was armed right after it)."""
    stats_db: History | None = None
    """The real history database the day checks feed (``invariants.check_day``)."""
    _agenda: list[tuple[datetime, int, Action]] = field(default_factory=list)
    _order: count[int] = field(default_factory=count)
    _asking: str | None = None
    _watch: Reading | None = None
    _notices_seen: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.clock = SimClock(self.start, self.zone)
        self.history = SimHistory()
        self.notifier = FakeNotifier()
        self.presence = FakePresence()
        self.settings = self.persona.settings
        self._watch = self.clock.reading()
        self.boot()

    # ---- the process ---------------------------------------------------------------------

    def boot(self) -> None:
        """Start the app (first start, or a restart from the saved state)."""
        self.waker = SimWaker()
        self.view = SimView(self)
        self.service = BreakService(
            settings=self.settings,
            catalog=self.catalog,
            clock=self.clock,
            waker=self.waker,
            history=self.history,
            notifier=self.notifier,
            view=self.view,
            rng=random.Random(self.rng.random()),
            on_settings_changed=self._settings_saved,
            presence=self.presence,
            check_clock=self.check_clocks,
        )
        self.service.start()

    def restart(self) -> None:
        """The process dies and starts again: only the saved state and history remain."""
        self.restarts.append(self.clock.real)
        self.metrics.restarts += 1
        self.boot()
        self._step("restart")

    def _settings_saved(self, settings: Settings) -> None:
        self.settings = settings

    # ---- what the service sees -----------------------------------------------------------

    def check_clocks(self) -> None:
        """The heartbeat's clock check, as ``TrayApp`` wires it."""
        assert self._watch is not None
        current = self.clock.reading()
        findings = compare(self._watch, current)
        self._watch = current
        for finding in findings:
            if isinstance(finding, Jumped):
                self.service.clock_jumped(finding.delta)
            elif isinstance(finding, Slept):
                self.service.away(finding.start, finding.end)
        if findings:
            self.service.refresh()

    def prompt_shown(self, entry: Entry) -> None:
        self.metrics.shown += 1
        today = self.clock.now().astimezone(self.zone).date()
        self.shown_per_day[today] = self.shown_per_day.get(today, 0) + 1
        self.shown.append(
            Shown(
                self.clock.real,
                self.clock.now(),
                today,
                self._asking is not None,
                entry.id,
            )
        )
        if self.asleep_since is None:
            self.persona.on_prompt(self, entry)

    # ---- the agenda ----------------------------------------------------------------------

    def at(self, day: date, clock: time) -> datetime:
        """Real time of a local wall-clock time (as the wall clock now stands)."""
        wall = datetime.combine(day, clock, tzinfo=self.zone).astimezone(UTC)
        return wall - self.clock.wall_offset

    def later(self, delay: timedelta, action: Action) -> None:
        self.schedule(self.clock.real + delay, action)

    def schedule(self, real: datetime, action: Action) -> None:
        heapq.heappush(self._agenda, (real, next(self._order), action))

    def _next_wake(self) -> datetime | None:
        if self.asleep_since is not None or self.waker.when is None:
            return None
        return max(self.waker.when - self.clock.wall_offset, self.clock.real)

    def _advance(self, to: datetime) -> None:
        if to <= self.clock.real:
            return
        if self.asleep_since is None:
            self.clock.awake_seconds += (to - self.clock.real).total_seconds()
        self.clock.real = to

    def run_until(self, end: datetime) -> None:
        while True:
            wake = self._next_wake()
            item = self._agenda[0][0] if self._agenda else None
            if wake is not None and wake <= end and (item is None or wake <= item):
                self._advance(wake)
                self._fire()
            elif item is not None and item <= end:
                _, _, action = heapq.heappop(self._agenda)
                self._advance(item)
                action()
            else:
                self._advance(end)
                return

    def _fire(self) -> None:
        callback = self.waker.callback
        assert callback is not None
        self.metrics.wakeups += 1
        callback()
        self.wake_log.append((self.clock.real, self.waker.when))
        self._deliver_notices()
        self._step("wake")

    def _deliver_notices(self) -> None:
        sent = self.notifier.sent
        while self._notices_seen < len(sent):
            notice = sent[self._notices_seen]
            self._notices_seen += 1
            if notice.actions and self.asleep_since is None:
                self.persona.on_notice(self, notice)

    def _step(self, what: str) -> None:
        if self.check is not None:
            self.check(self, what)

    # ---- the user ------------------------------------------------------------------------

    def intent(self, name: str, act: Callable[[BreakService], object]) -> None:
        """The user asks for something (a click, a command); ignored while asleep."""
        if self.asleep_since is not None:
            return
        self.intents.append((self.clock.real, name))
        self.metrics.intents += 1
        self._asking = name
        try:
            act(self.service)
        finally:
            self._asking = None
        self._deliver_notices()
        self._step(name)

    def answer(self, name: str, delay: timedelta) -> None:
        """Answer the prompt open now after ``delay``, if it is still the same showing."""
        showing = len(self.shown)

        def act() -> None:
            if self.view.open_entry is None or len(self.shown) != showing:
                return
            if name == "complete":
                self.intent(name, BreakService.complete)
            elif name == "snooze":
                self.intent(name, BreakService.snooze)
            elif name == "skip":
                self.intent(name, BreakService.skip)
            elif name == "another":
                self.intent(name, BreakService.another)

        self.later(delay, act)

    def notice_action(self, notice: Notice, key: str, delay: timedelta) -> None:
        on_action = notice.on_action
        if on_action is None or key not in [k for k, _label in notice.actions]:
            return
        self.later(delay, lambda: self.intent(f"notice_{key}", lambda _s: on_action(key)))

    def pause(self, request: PauseRequest) -> None:
        self.intent("pause", lambda s: s.pause(request))

    def change_settings(self, **changes: object) -> None:
        self.intent("settings", lambda s: s.update_settings(s.settings.replace(**changes)))

    # ---- the platform --------------------------------------------------------------------

    def leave(self) -> None:
        """The user walks away (idle, then locked)."""
        if self.away_since is None:
            self.away_since = self.clock.real

    def come_back(self) -> None:
        """Back at the desk: the presence monitor reports the time away (wall times)."""
        if self.away_since is None or self.asleep_since is not None:
            return
        gone = self.clock.real - self.away_since
        self.away_since = None
        end = self.clock.now()
        self.service.away(end - gone, end)
        self._step("return")

    def suspend(self) -> None:
        if self.asleep_since is None:
            self.asleep_since = self.clock.real

    def resume(self) -> None:
        """Wake from suspend: logind's signal runs the heartbeat's check at once."""
        if self.asleep_since is None:
            return
        self.asleep_since = None
        self.check_clocks()
        self.service.refresh()
        self._step("resume")

    def jump_clock(self, delta: timedelta) -> None:
        """The wall clock is set by ``delta`` (by hand or NTP); the heartbeat notices
        within a minute."""
        self.clock.wall_offset += delta
        self.later(timedelta(seconds=self.rng.uniform(1, 60)), self._heartbeat)
        self._step("jump")

    def _heartbeat(self) -> None:
        if self.asleep_since is None:
            self.check_clocks()
            self._step("heartbeat")

    def move_zone(self, zone: tzinfo) -> None:
        """Travel: the time zone changes. The app is not told (as on a real desktop):
        the service reads the zone on every wake-up."""
        self.clock.local_zone = zone
        self.zone = zone
        self._step("zone")

    def set_hold(self, reason: str | None) -> None:
        self.presence.reason = reason
        self._step("hold")
