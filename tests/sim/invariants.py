"""What must hold after every step of a simulated day, whatever the user and the platform do.

``Invariants`` is the world's ``check`` callback; ``check_day`` compares a finished day's
history with what the stats and the History window make of it.
"""

from __future__ import annotations

from collections import deque
from datetime import date, datetime, timedelta

from backbreak.core import cycle
from backbreak.core.day_timeline import day_timeline
from backbreak.core.workhours import is_working_time, local_instant
from backbreak.platform.history import History
from tests.sim.world import INTENTS, World

GAP_TOLERANCE = timedelta(seconds=15)
"""The clock check ignores jumps under 10 s (``core.clockwatch.TOLERANCE``)."""
IDLE_WAKEUPS_PER_HOUR = 70
"""Without user input, holds or clock changes: at most a heads-up notice and a prompt per
interval, and the shortest interval is 5 minutes (24 an hour). 70 leaves room for the
odd refresh; the loop of issue 10 made thousands."""
BASE_ROWS_PER_DAY = 4
"""Rows a day may hold beyond what the user and the schedule did (a prompt carried over
midnight, the away row of a night's sleep)."""


SERVICE_STEPS = frozenset(("wake", "restart", "return", "resume", *INTENTS))
"""Steps after which the service has pushed a fresh status to the tray."""


class InvariantError(AssertionError):
    pass


class Invariants:
    def __init__(self) -> None:
        self.checked_shown = 0
        self.past_in_a_row = 0
        self.idle_wakes: deque[datetime] = deque()
        self.quiet_since: datetime | None = None
        self.activity_by_day: dict[date, int] = {}
        self.shortest_interval_by_day: dict[date, int] = {}

    def fail(self, world: World, message: str) -> None:
        local = world.clock.now().astimezone(world.zone)
        raise InvariantError(f"{world.persona.name} at {local:%a %Y-%m-%d %H:%M:%S}: {message}")

    def __call__(self, world: World, what: str) -> None:
        now = world.clock.now()
        real = world.clock.real
        service = world.service
        settings = service.settings
        zone = world.clock.zone()
        state = service.state
        if what != "wake" or world.presence.reason is not None:
            # User input, a restart, a hold, a clock or zone change: start counting again.
            self.quiet_since = real
            self.idle_wakes.clear()
            day = now.astimezone(zone).date()
            self.activity_by_day[day] = self.activity_by_day.get(day, 0) + 1
        self._check_prompts(world)
        if what == "wake":
            armed = world.waker.when
            self.past_in_a_row = self.past_in_a_row + 1 if armed and armed <= now else 0
            if self.past_in_a_row >= 2:
                self.fail(world, f"the wake-up was armed in the past twice in a row ({armed})")
            if world.presence.reason is None:
                self.idle_wakes.append(real)
                while self.idle_wakes[0] < real - timedelta(hours=1):
                    self.idle_wakes.popleft()
                if len(self.idle_wakes) > IDLE_WAKEUPS_PER_HOUR:
                    self.fail(world, f"{len(self.idle_wakes)} wake-ups within an idle hour")
        status = service.status()
        if status.wake_guard_tripped:
            self.fail(world, "the runaway guard tripped: something woke the service in a loop")
        if status.mode == "paused" and (status.paused_until is None or status.paused_until <= now):
            self.fail(world, f"a pause did not end ({status.paused_until})")
        open_window = world.view.open_entry is not None
        # A prompt asked for during a pause does not end the pause: then "paused" wins.
        paused = status.mode in ("paused", "paused_indefinitely")
        if (status.mode == "prompt_open") != (open_window and not paused) or (
            open_window != (state.prompt_open_since is not None)
        ):
            self.fail(world, f"status says {status.mode}, the window is open: {open_window}")
        shown = world.view.last_status
        # What the tray shows right after the service acted is what status says.
        if (
            what in SERVICE_STEPS
            and shown is not None
            and shown.now == now
            and (shown.mode, shown.next_prompt_at) != (status.mode, status.next_prompt_at)
        ):
            self.fail(world, f"the tray shows {shown.mode}, status says {status.mode}")
        if open_window:
            offer = (world.view.can_snooze, world.view.snooze_minutes)
            wanted = (cycle.can_snooze(state, settings), settings.snooze_minutes)
            if offer != wanted:
                self.fail(world, f"the prompt offers snooze {offer}, the settings say {wanted}")
        self._check_rows(world, now.astimezone(zone).date())

    def _check_prompts(self, world: World) -> None:
        settings = world.service.settings
        interval = timedelta(minutes=settings.interval_minutes)
        while self.checked_shown < len(world.shown):
            index = self.checked_shown
            self.checked_shown += 1
            shown = world.shown[index]
            if shown.asked:
                continue
            if not self._gets_the_user_up(world, shown.entry_id):
                self.fail(world, f"a scheduled prompt keeps the user seated: {shown.entry_id}")
            if settings.working_hours_enabled and not is_working_time(
                shown.wall, settings, world.clock.zone()
            ):
                self.fail(world, "a prompt was shown outside working hours")
            if world.service.state.pause is not None:
                self.fail(world, "a prompt was shown while paused")
            if index == 0:
                continue
            before = world.shown[index - 1]
            asked_between = any(before.real <= at <= shown.real for at, _ in world.intents[-50:])
            restarted = any(before.real <= at <= shown.real for at in world.restarts[-5:])
            if asked_between or restarted:
                continue
            if shown.real - before.real < interval - GAP_TOLERANCE:
                self.fail(
                    world,
                    f"two prompts {shown.real - before.real} apart without the user asking "
                    f"(interval {interval})",
                )

    @staticmethod
    def _gets_the_user_up(world: World, entry_id: str) -> bool:
        """Issue 14: a scheduled prompt is a standing (or floor) move, unless the user's
        own kind and hidden settings leave none in the catalog."""
        settings = world.service.settings
        by_id = {entry.id: entry for entry in world.catalog}
        entry = by_id.get(entry_id)
        if entry is None or entry.gets_you_up:
            return True
        return not any(
            other.gets_you_up
            and other.kind in settings.enabled_kinds
            and other.id not in settings.hidden_entries
            for other in world.catalog
        )

    def _check_rows(self, world: World, day: date) -> None:
        rows = len(world.history.by_day.get(day, ()))
        interval = min(
            world.service.settings.interval_minutes,
            self.shortest_interval_by_day.get(day, 24 * 60),
        )
        self.shortest_interval_by_day[day] = interval  # the settings may change that day
        per_interval = 24 * 60 // interval + 1
        bound = BASE_ROWS_PER_DAY + per_interval + 3 * self.activity_by_day.get(day, 0)
        if rows > bound:
            self.fail(world, f"{rows} history rows on {day}, more than {bound}")


def stats_store(world: World) -> History:
    """The real history database (in memory) the stats are computed from, one per world."""
    if world.stats_db is None:
        world.stats_db = History.in_memory()
    return world.stats_db


def check_day(world: World, day: date) -> None:
    """The stats (SQL) and the History window (its timeline) agree with the day's rows and
    with what the simulated user did."""
    rows = world.history.by_day.get(day, [])
    if not rows:
        return
    zone = world.clock.zone()
    history = stats_store(world)
    history.record_many(rows)  # each day is checked once, so it is stored once
    (counts,) = history.day_counts(day, day)
    start = local_instant(day, datetime.min.time(), zone)
    end = local_instant(day + timedelta(days=1), datetime.min.time(), zone)
    # The rows of the local day, as the window asks for them (a day's span in UTC).
    timeline = day_timeline([r for r in rows if start <= r.at < end], start, end)
    in_span = [r for r in rows if start <= r.at < end]
    kinds = [r.kind for r in rows]
    problems = []
    if counts.completed != kinds.count("completed"):
        problems.append(f"stats say {counts.completed} done, the rows {kinds.count('completed')}")
    if counts.prompted != kinds.count("prompted"):
        problems.append(f"stats say {counts.prompted} prompts, rows {kinds.count('prompted')}")
    done_marks = timeline.count("done")
    if done_marks != sum(r.kind == "completed" for r in in_span):
        problems.append(f"the History window draws {done_marks} done")
    skipped = timeline.count("skipped")
    if skipped != sum(r.kind == "skipped" for r in in_span):
        problems.append(f"the History window draws {skipped} skipped")
    shown = world.shown_per_day.get(day, 0)
    if shown != counts.prompted:
        problems.append(f"{shown} prompts shown, {counts.prompted} recorded")
    if problems:
        raise InvariantError(f"{world.persona.name} on {day}: " + "; ".join(problems))
