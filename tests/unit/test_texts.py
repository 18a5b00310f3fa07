"""How times and the break status are phrased (tray tooltip, tray menu, CLI)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from backbreak.core.status import Mode, Status
from backbreak.ui.texts import (
    clock_text,
    duration_text,
    fraction_elapsed,
    sitting_text,
    status_text,
)

BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 2024-03-13, 09:37 in Berlin (UTC+1 in March before the DST switch).
NOW = datetime(2024, 3, 13, 8, 37, tzinfo=UTC)


def make_status(
    mode: Mode = "running",
    next_in: timedelta | None = timedelta(minutes=23),
    paused_until: datetime | None = None,
    sitting_for: timedelta | None = timedelta(minutes=37),
    interval_minutes: int = 60,
) -> Status:
    return Status(
        now=NOW,
        mode=mode,
        next_prompt_at=None if next_in is None else NOW + next_in,
        paused_until=paused_until,
        sitting_since=None if sitting_for is None else NOW - sitting_for,
        interval_minutes=interval_minutes,
        can_snooze=True,
    )


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "less than a minute"),
        (59.9, "less than a minute"),
        (60, "1 min"),
        (23 * 60, "23 min"),
        (22 * 60 + 40, "23 min"),  # rounds up, like reading the panel clock
        (60 * 60, "1 h"),
        (65 * 60, "1 h 5 min"),
        (3 * 3600 + 59 * 60 + 1, "4 h"),
    ],
)
def test_duration_text(seconds: float, expected: str) -> None:
    assert duration_text(seconds) == expected


def test_clock_text_is_local_24_hour_time() -> None:
    assert clock_text(datetime(2024, 3, 13, 13, 30, tzinfo=UTC), BERLIN) == "14:30"


def test_clock_text_names_the_day_only_when_it_is_not_today() -> None:
    same_day = datetime(2024, 3, 13, 20, 0, tzinfo=UTC)  # 21:00 Berlin
    next_monday = datetime(2024, 3, 18, 8, 0, tzinfo=UTC)  # Mon 09:00 Berlin
    far = datetime(2024, 4, 1, 7, 0, tzinfo=UTC)  # Mon 1 Apr 09:00 Berlin (after DST)
    assert clock_text(same_day, BERLIN, NOW) == "21:00"
    assert clock_text(next_monday, BERLIN, NOW) == "Mon 09:00"
    assert clock_text(far, BERLIN, NOW) == "Mon 1 Apr 09:00"


def test_clock_text_uses_the_local_date_not_the_utc_date() -> None:
    # 23:30 UTC on the 13th is already 00:30 on Thursday the 14th in Berlin.
    late = datetime(2024, 3, 13, 23, 30, tzinfo=UTC)
    assert clock_text(late, BERLIN, NOW) == "Thu 00:30"
    assert clock_text(late, UTC, NOW) == "23:30"


def test_status_text_running_soon() -> None:
    assert status_text(make_status(), BERLIN) == "Next break in 23 min"


def test_status_text_running_later_also_gives_the_clock_time() -> None:
    status = make_status(next_in=timedelta(hours=1, minutes=5))
    assert status_text(status, BERLIN) == "Next break at 10:42 (in 1 h 5 min)"


def test_status_text_far_away_gives_only_the_clock_time() -> None:
    status = make_status(next_in=timedelta(days=2, hours=1))
    assert status_text(status, BERLIN) == "Next break at Fri 10:37"


def test_status_text_due_and_prompt_open() -> None:
    assert status_text(make_status(next_in=timedelta(0)), BERLIN) == "Break due now"
    assert status_text(make_status(mode="prompt_open"), BERLIN) == "Break due now"


def test_status_text_paused() -> None:
    until = datetime(2024, 3, 13, 13, 30, tzinfo=UTC)
    status = make_status(mode="paused", next_in=None, paused_until=until)
    assert status_text(status, BERLIN) == "Paused until 14:30"


def test_status_text_paused_indefinitely() -> None:
    status = make_status(mode="paused_indefinitely", next_in=None)
    assert status_text(status, BERLIN) == "Paused until you resume"


def test_status_text_no_prompt_due() -> None:
    status = make_status(mode="no_prompt_due", next_in=None)
    assert status_text(status, BERLIN) == "No break due until work starts"


def test_sitting_text() -> None:
    assert sitting_text(make_status()) == "Sitting for 37 min"
    assert sitting_text(make_status(sitting_for=None)) is None
    assert sitting_text(make_status(mode="paused_indefinitely", next_in=None)) is None


def test_fraction_elapsed_counts_down_one_interval() -> None:
    assert fraction_elapsed(make_status(next_in=timedelta(minutes=15))) == pytest.approx(0.75)
    assert fraction_elapsed(make_status(next_in=timedelta(minutes=60))) == pytest.approx(0.0)
    assert fraction_elapsed(make_status(next_in=timedelta(0))) == pytest.approx(1.0)
    assert fraction_elapsed(make_status(mode="prompt_open")) == 1.0


def test_fraction_elapsed_is_none_when_nothing_counts_down() -> None:
    assert fraction_elapsed(make_status(mode="paused_indefinitely", next_in=None)) is None
    assert fraction_elapsed(make_status(mode="no_prompt_due", next_in=None)) is None
    # Waiting overnight for the working day: no slowly creeping ring.
    assert fraction_elapsed(make_status(next_in=timedelta(hours=14))) is None


def test_texts_need_no_qt() -> None:
    # The CLI's status command uses these without a display or Qt.
    code = "import sys, backbreak.ui.texts; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (None, "Break due now"),
        ("fullscreen", "Break waiting until the full-screen window closes"),
        ("dnd", "Break waiting until Do Not Disturb ends"),
        ("typing", "Break coming at the next pause in your typing"),
        ("microphone", "Break waiting until the call ends"),
        ("camera", "Break waiting until the call ends"),
        ("program", "Break waiting until the program on your list closes"),
    ],
)
def test_a_held_break_says_why(reason: str | None, expected: str) -> None:
    status = dataclasses.replace(make_status(next_in=timedelta(0)), held_reason=reason)
    assert status_text(status, BERLIN) == expected


def test_outside_working_hours_says_so_with_the_next_break() -> None:
    # Wednesday 09:37; the working day starts Thursday 09:00.
    status = dataclasses.replace(
        make_status(next_in=timedelta(hours=23, minutes=23)), outside_working_hours=True
    )
    assert status_text(status, BERLIN) == "Outside your working hours; next break Thu 09:00"
