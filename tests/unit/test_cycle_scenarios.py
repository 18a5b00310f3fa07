"""Whole days of use, written as timelines a person can read.

Each scenario is a script, one step a line, run against the pure rules with a fake ``now``:

    [Day] [HH:MM[+OO]] action [arguments]

A leading time moves the fake clock; the action then happens at that moment. A bare time
is on the current day (the scenario's date before the first step); "Mon 10:00" is on the
first Monday from the current day on. Times are
wall-clock times in the scenario's zone; a time that happens twice or not at all on a DST
day must carry its UTC offset ("02:30+02"). Actions:

    start | prompt | done | skip | resume              the matching event
    snooze N | pause N | jump ±N                       N minutes (jump = ClockJumped)
    pause until TIME | pause until-work | pause forever
    meeting until TIME
    away HH:MM-HH:MM                                   Away(start, end) on the same day
    expect TIME | expect now | expect none             next_prompt_at at the current time
    mode NAME | can-snooze yes|no                      the status snapshot
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from backbreak.core.cycle import (
    Away,
    ClockJumped,
    Completed,
    CycleState,
    Event,
    Paused,
    PromptShown,
    Resumed,
    Skipped,
    Snoozed,
    Started,
    apply,
    next_prompt_at,
    status,
)
from backbreak.core.settings import Settings
from backbreak.core.workhours import is_working_time, next_work_start

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_TIME = re.compile(r"^(\d{2}):(\d{2})([+-]\d{2})?$")


@dataclass
class Timeline:
    """Plays a script against the rules, keeping the state and the fake clock."""

    base: date
    zone: ZoneInfo
    settings: Settings
    state: CycleState = field(default_factory=CycleState)
    now: datetime | None = None

    def instant(self, tokens: list[str]) -> datetime:
        """Consume "[Day] HH:MM[+OO]" from the front of ``tokens``; return it as UTC."""
        day = self.base if self.now is None else self.now.astimezone(self.zone).date()
        if tokens[0] in DAY_NAMES:
            weekday = DAY_NAMES.index(tokens.pop(0))
            day += timedelta(days=(weekday - day.weekday()) % 7)
        match = _TIME.match(tokens.pop(0))
        assert match is not None, "expected a time such as 09:30"
        wall = datetime.combine(day, time(int(match[1]), int(match[2])), tzinfo=self.zone)
        offsets = {fold: wall.replace(fold=fold).utcoffset() for fold in (0, 1)}
        if match[3] is None:
            assert offsets[0] == offsets[1], f"{wall:%H:%M} is a DST edge: give its offset"
            return wall.astimezone(UTC)
        wanted = timedelta(hours=int(match[3]))
        folds = [fold for fold, offset in offsets.items() if offset == wanted]
        assert folds, f"{wall:%H:%M} never has offset {match[3]}"
        return wall.replace(fold=folds[0]).astimezone(UTC)

    def clock(self) -> datetime:
        assert self.now is not None, "the script must set the time before its first step"
        return self.now

    def event(self, action: str, args: list[str]) -> Event | None:
        now = self.clock()
        simple: dict[str, Event] = {
            "start": Started(),
            "prompt": PromptShown(),
            "done": Completed(),
            "skip": Skipped(),
            "resume": Resumed(),
        }
        if action in simple:
            return simple[action]
        if action == "snooze":
            return Snoozed(int(args[0]))
        if action == "jump":
            return ClockJumped(timedelta(minutes=int(args[0])))
        if action == "away":
            start, end = args[0].split("-")
            return Away(self.instant([start]), self.instant([end]))
        if action == "meeting":
            assert args[0] == "until"
            return Paused(self.instant(args[1:]), meeting=True)
        if action == "pause":
            if args == ["forever"]:
                return Paused(None)
            if args == ["until-work"]:
                return Paused(next_work_start(now, self.settings, self.zone))
            if args[0] == "until":
                return Paused(self.instant(args[1:]))
            return Paused(now + timedelta(minutes=int(args[0])))
        return None

    def check(self, action: str, args: list[str]) -> None:
        now = self.clock()
        snapshot = status(self.state, self.settings, now, self.zone)
        due = next_prompt_at(self.state, self.settings, now, self.zone)
        # Whatever the script checks, the global promises hold at every step.
        assert due == snapshot.next_prompt_at
        if due is not None:
            assert due >= now
            assert is_working_time(due, self.settings, self.zone)
        if action == "expect":
            expected: datetime | None
            if args == ["none"]:
                expected = None
            elif args == ["now"]:
                expected = now
            else:
                expected = self.instant(list(args))
            assert due == expected, f"due {self.show(due)}, expected {self.show(expected)}"
        elif action == "mode":
            assert snapshot.mode == args[0]
        elif action == "can-snooze":
            assert snapshot.can_snooze is {"yes": True, "no": False}[args[0]]
        else:
            raise AssertionError(f"unknown action {action!r}")

    def show(self, instant: datetime | None) -> str:
        return "none" if instant is None else f"{instant.astimezone(self.zone):%a %H:%M%z}"

    def play(self, script: str) -> None:
        for number, raw in enumerate(script.strip().splitlines(), start=1):
            line = raw.split("#")[0].strip()
            if not line:
                continue
            tokens = line.split()
            if tokens[0] in DAY_NAMES or _TIME.match(tokens[0]):
                self.now = self.instant(tokens)
            action, args = tokens[0], tokens[1:]
            try:
                event = self.event(action, args)
                if event is None:
                    self.check(action, args)
                else:
                    self.state = apply(self.state, event, self.settings, self.clock())
            except AssertionError as error:
                raise AssertionError(f"step {number} {line!r}: {error}") from error


OFFICE = Settings()  # 60 min interval, 10 min snooze, limit 3, away 5 min, Mon–Fri 09–18
EVERY_DAY = OFFICE.replace(working_days=frozenset(range(7)))
NIGHTS = EVERY_DAY.replace(work_start=time(22, 0), work_end=time(6, 0))
WEDNESDAY = date(2024, 3, 6)

SCENARIOS: dict[str, tuple[date, ZoneInfo, Settings, str]] = {
    "a normal day": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        08:55 start
        expect 10:00          # sitting before work counts from 09:00
        09:00 start           # a quick restart changes nothing
        expect 10:00
        mode running
        10:00 prompt
        mode prompt_open
        expect 11:00          # an unanswered window is nudged again, never stacked
        10:02 done
        expect 11:02
        11:02 prompt
        11:03 snooze 10
        can-snooze yes
        expect 11:13
        11:13 prompt
        11:14 done
        expect 12:14
        17:14 prompt
        17:15 done
        expect Thu 10:00      # 18:15 is after work: tomorrow, an hour after 09:00
        """,
    ),
    "a normal day with an ignored prompt (issue 10)": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        10:00 prompt              # ignored
        expect 11:00
        11:00 prompt              # the nudge
        mode prompt_open
        expect 12:00              # one interval after the nudge, not "now" again
        11:00 expect 12:00
        11:30 expect 12:00
        12:00 prompt
        expect 13:00
        12:02 done
        expect 13:02
        """,
    ),
    "lunch away from an open prompt (issue 10)": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        11:00 start
        12:00 prompt
        12:05 expect 13:00
        13:00 prompt              # nudged while nobody is there
        expect 14:00
        13:20 away 12:05-13:20    # reported on return; the window stays open
        mode prompt_open
        expect 14:00
        13:21 expect 14:00
        13:25 done
        expect 14:25
        """,
    ),
    "snooze limit": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        10:00 prompt
        10:00 snooze 10
        10:10 prompt
        10:10 snooze 10
        can-snooze yes
        10:20 prompt
        10:20 snooze 10
        can-snooze no          # three in a row with a limit of 3
        expect 10:30
        10:30 prompt
        can-snooze no
        10:31 skip
        can-snooze yes
        expect 11:31
        """,
    ),
    "no snooze limit": (
        WEDNESDAY,
        BERLIN,
        OFFICE.replace(snooze_limit=0),
        """
        09:00 start
        10:00 snooze 10
        10:10 snooze 10
        10:20 snooze 10
        10:30 snooze 10
        can-snooze yes
        expect 10:40
        """,
    ),
    "skip": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        10:00 prompt
        10:05 skip
        mode running
        expect 11:05
        """,
    ),
    "pause for 30 minutes": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        09:40 pause 30
        mode paused
        expect 11:10          # the sitting clock restarts when the pause ends
        10:09 mode paused
        10:10 mode running
        expect 11:10
        11:10 expect now
        """,
    ),
    "pause until work starts tomorrow": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        15:00 start
        15:30 pause until-work
        mode paused
        expect Thu 10:00
        Thu 08:59 mode paused
        Thu 09:00 mode running
        expect Thu 10:00
        """,
    ),
    "pause indefinitely then resume": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        09:30 pause forever
        mode paused_indefinitely
        expect none
        Fri 12:00 mode paused_indefinitely
        Fri 12:00 resume
        mode running
        expect Fri 13:00
        """,
    ),
    "meeting hold prompts once when it ends": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        09:00 start
        09:50 meeting until 11:00
        mode paused
        expect 11:00
        11:00 expect now
        mode running
        11:00 prompt
        expect 12:00
        11:02 done
        expect 12:02
        """,
    ),
    "away from the desk is a break": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        11:30 start
        expect 12:30
        12:40 away 12:00-12:40   # reported on return; the screen was locked meanwhile
        expect 13:40
        12:50 away 12:45-12:48   # under the 5-minute threshold: not a break
        expect 13:40
        """,
    ),
    "away with a prompt open leaves it open": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        11:30 start
        12:30 prompt
        12:40 away 12:20-12:40
        mode prompt_open          # not counted as skipped (issue 5)
        expect 13:30
        12:41 done
        expect 13:41
        """,
    ),
    "friday evening waits for monday": (
        date(2024, 3, 8),
        BERLIN,
        OFFICE,
        """
        17:30 done
        expect Mon 10:00
        Sat 11:00 expect Mon 10:00
        Mon 08:30 start           # app was off all weekend: a fresh stretch
        expect Mon 10:00
        """,
    ),
    "working hours off": (
        date(2024, 3, 9),
        BERLIN,
        OFFICE.replace(working_hours_enabled=False),
        """
        02:00 start
        expect 03:00
        03:00 prompt
        03:01 done
        expect 04:01
        23:30 done
        expect Sun 00:30
        """,
    ),
    "overnight hours": (
        date(2024, 3, 4),
        BERLIN,
        NIGHTS.replace(working_days=frozenset(range(5))),
        """
        21:30 start
        expect 23:00              # 21:30 is before the 22:00 start
        23:00 prompt
        23:05 done
        expect Tue 00:05          # past midnight, same shift
        Tue 05:30 done
        expect Tue 23:00          # 06:30 is after the shift: the next one
        Fri 23:00 done
        expect Sat 00:00          # Friday's shift runs into Saturday
        Sat 05:30 done
        expect Mon 23:00          # no shift on Saturday or Sunday night
        """,
    ),
    "berlin spring forward, office day": (
        date(2024, 3, 31),
        BERLIN,
        EVERY_DAY,
        """
        09:00 start
        expect 10:00+02           # 09:00 local on the change day, 60 minutes later
        10:00 done
        expect 11:00
        """,
    ),
    "berlin spring forward, night shift": (
        date(2024, 3, 30),
        BERLIN,
        NIGHTS,
        """
        Sun 01:30 start
        expect Sun 03:30+02       # 60 real minutes: 01:30 CET is 03:30 CEST an hour later
        Sun 03:30 done
        expect Sun 04:30
        """,
    ),
    "berlin fall back, office day": (
        date(2024, 10, 27),
        BERLIN,
        EVERY_DAY,
        """
        09:00 start
        expect 10:00+01
        """,
    ),
    "berlin fall back, night shift": (
        date(2024, 10, 26),
        BERLIN,
        NIGHTS,
        """
        Sun 01:30 start
        expect Sun 02:30+02       # the first 02:30
        Sun 02:30+02 done
        expect Sun 02:30+01       # the second 02:30, one real hour later
        Sun 02:30+01 done
        expect Sun 03:30
        Sun 05:30 done
        expect Sun 23:00          # the shift ends at 06:00 CET
        """,
    ),
    "new york spring forward and fall back": (
        date(2024, 3, 10),
        NEW_YORK,
        EVERY_DAY,
        """
        08:30 start
        expect 10:00-04           # an hour after 09:00 EDT
        Mon 09:00 start
        expect Mon 10:00
        """,
    ),
    "new york fall back night": (
        date(2024, 11, 2),
        NEW_YORK,
        NIGHTS,
        """
        Sun 00:30 start
        expect Sun 01:30-04
        Sun 01:30-04 done
        expect Sun 01:30-05
        """,
    ),
    "clock set back an hour, announced": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        10:00 start
        10:45 expect 11:00
        09:45 jump -60            # the wall clock now reads an hour less
        expect 10:00              # still 15 real minutes to go
        10:00 expect now
        """,
    ),
    "clock set back an hour, unannounced": (
        WEDNESDAY,
        BERLIN,
        OFFICE,
        """
        10:00 start
        10:45 expect 11:00
        09:45 expect 10:45        # the stretch can't start in the future: it starts now
        mode running
        """,
    ),
    "prompt due while suspended fires once on wake": (
        WEDNESDAY,
        BERLIN,
        OFFICE.replace(away_minutes=60 * 24),
        """
        09:00 start
        09:30 expect 10:00
        11:45 expect now          # slept 09:30–11:45, nothing reported
        11:45 prompt
        expect 12:45              # not immediately due again
        11:46 expect 12:45
        """,
    ),
}


@pytest.mark.parametrize(("base", "zone", "settings", "script"), SCENARIOS.values(), ids=SCENARIOS)
def test_scenario(base: date, zone: ZoneInfo, settings: Settings, script: str) -> None:
    Timeline(base, zone, settings).play(script)


def test_timeline_reports_the_failing_step() -> None:
    # The runner itself must be able to fail, or every scenario above proves nothing.
    with pytest.raises(AssertionError, match=r"step 2 'expect 10:30'"):
        Timeline(WEDNESDAY, BERLIN, OFFICE).play("09:00 start\nexpect 10:30")


def test_timeline_refuses_ambiguous_times() -> None:
    with pytest.raises(AssertionError, match="DST edge"):
        Timeline(date(2024, 10, 27), BERLIN, NIGHTS).play("02:30 start")
