"""The real app knows when the user is away, asleep or presenting (issue: away-aware).

These wait on real time (the idle threshold is at least a minute), so each takes one to
two minutes; they poll the app from outside, as there is no fake clock in a real process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backbreak.core.cycle import CycleState
from backbreak.platform.history import open_history
from tests.e2e.conftest import Backbreak, Desktop, wait_for
from tests.e2e.windows import qt_window
from tests.fake_logind import FAKE_LOGIND, bus_daemon, stop_process

pytestmark = pytest.mark.e2e

AWAY_SETTINGS = (
    "schema_version = 1\nworking_hours_enabled = false\ninterval_minutes = 45\n"
    "away_minutes = 1\nnotice_seconds = 0\n"
)
PROMPT_TITLE = "Time to stand up"


def write_settings(app: Backbreak, text: str) -> None:
    settings = app.data_dir / "config" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text)


def next_prompt(app: Backbreak) -> datetime:
    return datetime.fromisoformat(str(app.status()["next_prompt_at"]))


def away_rows(app: Backbreak) -> list[tuple[str, str | None]]:
    return [row for row in app.events() if row[0] == "away"]


def away_seconds(app: Backbreak) -> list[int]:
    import sqlite3

    db = app.data_dir / "data" / "history.sqlite3"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT seconds FROM events WHERE kind = 'away'").fetchall()
    conn.close()
    return [int(seconds) for (seconds,) in rows]


def test_idle_longer_than_the_threshold_is_a_break_taken_away(backbreak: Backbreak) -> None:
    write_settings(backbreak, AWAY_SETTINGS)
    backbreak.desktop.xdotool("mousemove", "10", "10")
    backbreak.start()
    first_due = next_prompt(backbreak)
    # Sit still for longer than the 1-minute threshold (plus one 10 s idle poll)...
    time.sleep(75)
    assert away_rows(backbreak) == []  # still away: nothing recorded until the return
    # ...then come back.
    returned_at = datetime.now(UTC)
    backbreak.desktop.xdotool("mousemove", "400", "300")
    # While away the idle time is read once a minute, so the return shows within a minute.
    wait_for(lambda: away_rows(backbreak), timeout=90, what="an 'away' row")
    assert len(away_seconds(backbreak)) == 1 and away_seconds(backbreak)[0] >= 60
    moved = next_prompt(backbreak)
    assert moved - first_due >= timedelta(seconds=60)
    # One interval after the return, dated by the idle counter (not by when we noticed).
    assert abs(moved - (returned_at + timedelta(minutes=45))) < timedelta(seconds=15)


@pytest.fixture
def fake_logind(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    daemon, address = bus_daemon()
    logind = subprocess.Popen(
        [sys.executable, "-c", FAKE_LOGIND, address],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert logind.stdout is not None and logind.stdout.readline().strip() == "ready"
        yield address, logind
    finally:
        if logind.stdin is not None and logind.poll() is None:
            logind.stdin.write("\n")
            logind.stdin.flush()
        stop_process(logind)
        stop_process(daemon)


def send_sleep(logind: subprocess.Popen[str], asleep: bool) -> None:
    assert logind.stdin is not None and logind.stdout is not None
    signal = {
        "path": "/org/freedesktop/login1",
        "interface": "org.freedesktop.login1.Manager",
        "name": "PrepareForSleep",
        "args": [asleep],
    }
    logind.stdin.write(json.dumps(signal) + "\n")
    logind.stdin.flush()
    assert logind.stdout.readline().strip() == "sent"


def test_a_suspend_announced_by_logind_is_one_away_period_and_no_burst(
    desktop: Desktop, tmp_path: Path, fake_logind: tuple[str, subprocess.Popen[str]]
) -> None:
    address, logind = fake_logind
    desktop.env["DBUS_SYSTEM_BUS_ADDRESS"] = address
    app = Backbreak(desktop=desktop, data_dir=tmp_path / "sleepy")
    write_settings(app, AWAY_SETTINGS)
    try:
        desktop.xdotool("mousemove", "20", "20")
        app.start()
        first_due = next_prompt(app)
        send_sleep(logind, True)
        # The pointer moves every 10 s through the "sleep" (the X server does not really
        # sleep), so the idle counter never reaches the 1-minute threshold: an away
        # period of a minute or more can only come from logind's two signals.
        for step in range(7):
            desktop.xdotool("mousemove", str(30 + 10 * step), "20")
            time.sleep(9.5)
        assert away_rows(app) == []  # asleep: nothing is recorded before the resume
        send_sleep(logind, False)
        desktop.xdotool("mousemove", "300", "200")  # the user is back at the desk
        wait_for(lambda: away_rows(app), timeout=30, what="an 'away' row after resume")
        time.sleep(12)  # one more idle poll: the idle period must not be reported again
        assert len(away_rows(app)) == 1
        assert away_seconds(app)[0] >= 60
        assert [kind for kind, _ in app.events()].count("prompted") == 0
        assert next_prompt(app) - first_due >= timedelta(seconds=60)
    finally:
        assert app.stop() == 0


def seed_sitting(app: Backbreak, sat_for: timedelta) -> None:
    """A sitting stretch that began ``sat_for`` ago, as if the app had just restarted."""
    db = app.data_dir / "data" / "history.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    history, _ = open_history(db)
    with history:
        history.save_state(CycleState(sitting_since=now - sat_for, last_seen=now))


def test_a_full_screen_window_holds_a_due_prompt_until_it_goes(backbreak: Backbreak) -> None:
    write_settings(backbreak, AWAY_SETTINGS.replace("away_minutes = 1", "away_minutes = 5"))
    seed_sitting(backbreak, timedelta(minutes=45) - timedelta(seconds=12))
    desktop = backbreak.desktop
    with qt_window(desktop, "fullscreen") as (slides, _window_id):
        backbreak.start()
        due = next_prompt(backbreak)
        assert due - datetime.now(UTC) < timedelta(seconds=15)
        time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 6)
        assert not desktop.xdotool("search", "--onlyvisible", "--name", PROMPT_TITLE)
        assert [kind for kind, _ in backbreak.events()] == []
        assert backbreak.status()["held_reason"] == "fullscreen"
        assert "full-screen" in backbreak.cli("status").stdout
        assert slides.stdin is not None
        slides.stdin.write("quit\n")  # the presentation ends
        slides.stdin.flush()
    wait_for(
        lambda: desktop.xdotool("search", "--onlyvisible", "--name", PROMPT_TITLE),
        timeout=30,
        what="the held prompt to show",
    )
    assert [kind for kind, _ in backbreak.events()] == ["prompted"]
