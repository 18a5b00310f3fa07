"""The scripted people of issue 10, each a ``Persona`` that plans its days and answers.

They only use what a real user has: the prompt's buttons, the notice's actions, the tray's
pause, the settings dialog, and the machine (walking away, the lid, the clock, travel).
Nothing here names an exercise: the catalog can change under the simulator.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from backbreak.core.catalog import Entry
from backbreak.core.pause import PauseRequest
from backbreak.core.settings import Settings
from tests.fakes import Notice
from tests.sim.world import Persona, World

MIN = timedelta(minutes=1)
WORKDAYS = range(5)


def _clock(hour: int, minute: int = 0) -> time:
    return time(hour, minute)


def _away(world: World, day: date, leave: time, back: time) -> None:
    world.schedule(world.at(day, leave), world.leave)
    world.schedule(world.at(day, back), world.come_back)


def _night_away(world: World, day: date) -> None:
    """Home at 18:00, back at 08:50 the next morning (reported on return)."""
    world.schedule(world.at(day, _clock(18)), world.leave)
    world.schedule(world.at(day + timedelta(days=1), _clock(8, 50)), world.come_back)


class Diligent(Persona):
    """Done every time, a minute or three after the prompt; lunch away."""

    name = "diligent"

    def plan_day(self, world: World, day: date) -> None:
        if day.weekday() in WORKDAYS:
            _away(world, day, _clock(12, 30), _clock(13, 15))
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        world.answer("complete", timedelta(seconds=world.rng.uniform(30, 180)))


class Ignorer(Persona):
    """Never answers; goes to lunch with the prompt open (issue 10's loop)."""

    name = "ignorer"

    def plan_day(self, world: World, day: date) -> None:
        if day.weekday() in WORKDAYS:
            _away(world, day, _clock(12, 5), _clock(13, 20))
        _night_away(world, day)


class Snoozer(Persona):
    """Snoozes to the limit, then skips; now and then snoozes from the heads-up notice."""

    name = "snoozer"
    settings = Settings(snooze_limit=3, snooze_minutes=10)

    def plan_day(self, world: World, day: date) -> None:
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        action = "snooze" if world.view.can_snooze else "skip"
        world.answer(action, timedelta(seconds=world.rng.uniform(5, 90)))

    def on_notice(self, world: World, notice: Notice) -> None:
        if world.rng.random() < 0.5:
            for _ in range(world.rng.randint(1, 6)):  # pressed again and again
                world.notice_action(notice, "snooze", timedelta(seconds=world.rng.uniform(1, 50)))


class Laptop(Persona):
    """Lid closed at 18:00, opened at 08:50; a lock at lunch; Done after a few minutes."""

    name = "laptop"

    def plan_day(self, world: World, day: date) -> None:
        if day.weekday() in WORKDAYS:
            _away(world, day, _clock(12), _clock(12, 45))
        world.schedule(world.at(day, _clock(18)), world.suspend)
        world.schedule(world.at(day + timedelta(days=1), _clock(8, 50)), world.resume)

    def on_prompt(self, world: World, entry: Entry) -> None:
        if world.rng.random() < 0.8:
            world.answer("complete", timedelta(minutes=world.rng.uniform(1, 8)))


ZONES = [ZoneInfo(name) for name in ("Europe/London", "Asia/Tokyo", "America/New_York")]


class Traveller(Persona):
    """The clock moves: ±1 h and ±9 h set by hand, time-zone changes, DST both ways (the
    runs start just before a change)."""

    name = "traveller"

    def __init__(self) -> None:
        self.home = ZoneInfo("Europe/Berlin")

    def plan_day(self, world: World, day: date) -> None:
        rng = world.rng
        moment = world.at(day, _clock(rng.randint(8, 17), rng.randint(0, 59)))
        roll = rng.random()
        if roll < 0.25:
            delta = timedelta(hours=rng.choice((-9, -1, 1, 9)))
            world.schedule(moment, lambda: world.jump_clock(delta))
            # Set right again later that day (or NTP does it).
            world.schedule(
                moment + timedelta(hours=rng.uniform(1, 5)), lambda: world.jump_clock(-delta)
            )
        elif roll < 0.45:
            zone = rng.choice([*ZONES, self.home])
            world.schedule(moment, lambda: world.move_zone(zone))
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        choice = world.rng.random()
        if choice < 0.6:
            world.answer("complete", timedelta(minutes=world.rng.uniform(0.5, 20)))
        elif choice < 0.75 and world.view.can_snooze:
            world.answer("snooze", timedelta(seconds=world.rng.uniform(5, 60)))


class MeetingHeavy(Persona):
    """Meeting pauses, full-screen presentations, Do Not Disturb; Done in between."""

    name = "meetings"

    def plan_day(self, world: World, day: date) -> None:
        rng = world.rng
        if day.weekday() in WORKDAYS:
            for _ in range(rng.randint(1, 4)):
                start = world.at(day, _clock(rng.randint(9, 17), rng.choice((0, 15, 30, 45))))
                length = rng.choice((30, 45, 60, 90))
                kind = rng.random()
                if kind < 0.5:
                    request = PauseRequest(minutes=length, meeting=True)
                    world.schedule(start, partial(world.pause, request))
                else:
                    reason = "fullscreen" if kind < 0.8 else "dnd"
                    world.schedule(start, partial(world.set_hold, reason))
                    world.schedule(start + length * MIN, partial(world.set_hold, None))
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        if world.rng.random() < 0.85:
            world.answer("complete", timedelta(minutes=world.rng.uniform(0.5, 4)))


class Tinkerer(Persona):
    """Changes the interval, working hours and snooze settings while a prompt is open."""

    name = "tinkerer"

    def plan_day(self, world: World, day: date) -> None:
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        rng = world.rng
        delay = timedelta(seconds=rng.uniform(5, 300))
        change = rng.choice(("interval", "hours", "snooze", "limit", "answer"))
        if change == "interval":
            minutes = rng.choice((5, 15, 30, 45, 60, 90, 120))
            world.later(delay, lambda: world.change_settings(interval_minutes=minutes))
        elif change == "hours":
            start = _clock(rng.randint(6, 11))
            end = _clock(rng.randint(15, 22))
            world.later(delay, lambda: world.change_settings(work_start=start, work_end=end))
        elif change == "snooze":
            minutes = rng.randint(1, 30)
            world.later(delay, lambda: world.change_settings(snooze_minutes=minutes))
        elif change == "limit":
            limit = rng.randint(0, 4)
            world.later(delay, lambda: world.change_settings(snooze_limit=limit))
        if rng.random() < 0.6:
            action = rng.choice(("complete", "snooze", "skip", "another"))
            world.answer(action, delay + timedelta(seconds=rng.uniform(1, 120)))


class Crash(Persona):
    """The process restarts from its saved state at any moment; answers now and then."""

    name = "crash"

    def plan_day(self, world: World, day: date) -> None:
        rng = world.rng
        for _ in range(rng.randint(1, 6)):
            moment = world.at(day, _clock(rng.randint(0, 23), rng.randint(0, 59)))
            world.schedule(moment + timedelta(seconds=rng.uniform(0, 59)), world.restart)
        _night_away(world, day)

    def on_prompt(self, world: World, entry: Entry) -> None:
        rng = world.rng
        if rng.random() < 0.3:
            world.later(timedelta(seconds=rng.uniform(0, 120)), world.restart)
        if rng.random() < 0.6:
            world.answer(
                rng.choice(("complete", "snooze", "skip")), timedelta(seconds=rng.uniform(5, 240))
            )


PERSONAS: tuple[type[Persona], ...] = (
    Diligent,
    Ignorer,
    Snoozer,
    Laptop,
    Traveller,
    MeetingHeavy,
    Tinkerer,
    Crash,
)
