"""The real ``backbreak`` process on a virtual desktop, driven as a person would: the command
line, and keys typed into the prompt window."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Backbreak, Desktop, wait_for

pytestmark = pytest.mark.e2e

PROMPT_TITLE = "Time to stand up"
ANY_TIME = "schema_version = 1\nworking_hours_enabled = false\ninterval_minutes = 45\n"


def write_settings(app: Backbreak, text: str = ANY_TIME) -> None:
    settings = app.data_dir / "config" / "settings.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text)


def prompt_window(desktop: Desktop) -> str:
    return desktop.xdotool("search", "--onlyvisible", "--name", PROMPT_TITLE)


def press_in_prompt(desktop: Desktop, key: str) -> None:
    window = wait_for(lambda: prompt_window(desktop), what="the prompt window")
    desktop.xdotool("windowfocus", "--sync", str(window).splitlines()[0])
    desktop.xdotool("key", key)


def test_prompt_buttons_by_keyboard_land_in_history(backbreak: Backbreak, tmp_path: Path) -> None:
    write_settings(backbreak)
    backbreak.start()
    status = backbreak.status()
    assert status["mode"] == "running"
    assert status["interval_minutes"] == 45
    assert not prompt_window(backbreak.desktop)

    # Done (Alt+D)
    assert backbreak.cli("break-now").returncode == 0
    press_in_prompt(backbreak.desktop, "alt+d")
    wait_for(lambda: "completed" in [k for k, _ in backbreak.events()], what="'completed'")
    wait_for(lambda: not prompt_window(backbreak.desktop), what="the prompt to close")

    # Snooze (Esc)
    backbreak.cli("break-now")
    backbreak.desktop.screenshot(tmp_path / "prompt.png")
    press_in_prompt(backbreak.desktop, "Escape")
    wait_for(lambda: backbreak.events()[-1][0] == "snoozed", what="'snoozed'")
    snoozed = backbreak.status()
    assert snoozed["mode"] == "running"
    assert isinstance(snoozed["seconds_to_next"], int)
    assert 9 * 60 <= snoozed["seconds_to_next"] <= 10 * 60

    # Another one (Alt+A) keeps the window and swaps the exercise, then Skip (Alt+K)
    backbreak.cli("break-now")
    press_in_prompt(backbreak.desktop, "alt+a")
    wait_for(
        lambda: backbreak.events()[-1][0] == "prompted" and backbreak.events()[-2][0] == "another",
        what="'another'",
    )
    assert prompt_window(backbreak.desktop)
    press_in_prompt(backbreak.desktop, "alt+k")
    wait_for(lambda: backbreak.events()[-1][0] == "skipped", what="'skipped'")

    kinds = [kind for kind, _ in backbreak.events()]
    assert kinds == [
        "prompted",
        "completed",
        "prompted",
        "snoozed",
        "prompted",
        "another",
        "prompted",
        "skipped",
    ]
    shown = [entry for kind, entry in backbreak.events() if kind == "prompted"]
    assert shown[2] != shown[3], "Another one must show a different exercise"

    # After a skip the next prompt is one interval away, and text and JSON agree on it.
    status = backbreak.status()
    assert 44 * 60 <= int(str(status["seconds_to_next"])) <= 45 * 60
    text = backbreak.cli("status").stdout
    minutes = re.search(r"in (\d+) min", text)
    assert minutes is not None, text
    assert abs(int(minutes.group(1)) * 60 - int(str(status["seconds_to_next"]))) <= 90


def test_pause_resume_and_quit(backbreak: Backbreak) -> None:
    write_settings(backbreak)
    backbreak.start()
    paused = backbreak.cli("pause", "30m")
    assert paused.returncode == 0 and "Paused until" in paused.stdout
    status = backbreak.status()
    assert status["mode"] == "paused"
    assert backbreak.cli("pause", "indefinitely").returncode == 0
    assert backbreak.status()["mode"] == "paused_indefinitely"
    assert backbreak.cli("resume").returncode == 0
    assert backbreak.status()["mode"] == "running"
    assert [k for k, _ in backbreak.events()] == ["paused", "paused", "resumed"]

    assert backbreak.cli("quit").returncode == 0
    assert backbreak.process is not None
    assert backbreak.process.wait(timeout=15) == 0
    gone = backbreak.cli("status")
    assert gone.returncode == 1 and "not running" in gone.stderr


def test_a_second_start_hands_over_to_the_running_one(backbreak: Backbreak) -> None:
    write_settings(backbreak)
    backbreak.start()
    second = backbreak.cli(timeout=20)
    assert second.returncode == 0
    assert "already running" in second.stdout
    assert backbreak.process is not None and backbreak.process.poll() is None


def test_sigterm_quits_cleanly_and_saves_state(backbreak: Backbreak) -> None:
    write_settings(backbreak)
    backbreak.start()
    assert backbreak.process is not None
    backbreak.process.send_signal(signal.SIGTERM)
    assert backbreak.process.wait(timeout=15) == 0
    log = (backbreak.data_dir / "log" / "backbreak.log").read_text()
    assert "backbreak stopped" in log


def test_a_crash_leaves_a_stale_lock_that_the_next_start_takes_over(
    backbreak: Backbreak,
) -> None:
    write_settings(backbreak)
    backbreak.start()
    assert backbreak.process is not None
    backbreak.kill()  # SIGKILL: no clean-up, lock file and socket stay behind
    assert (backbreak.data_dir / "run" / "backbreak.lock").exists()
    backbreak.start()
    assert backbreak.status()["mode"] == "running"


def test_runs_without_a_tray_or_notification_daemon(bare_desktop: Desktop, tmp_path: Path) -> None:
    app = Backbreak(desktop=bare_desktop, data_dir=tmp_path / "bare")
    write_settings(app)
    try:
        app.start()
        assert app.status()["mode"] == "running"
        assert app.cli("break-now").returncode == 0
        wait_for(lambda: prompt_window(bare_desktop), what="the prompt window")
    finally:
        assert app.stop() == 0


def test_console_script_version() -> None:
    script = Path(sys.executable).with_name("backbreak")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "backbreak"]
    result = subprocess.run(
        [*command, "--version"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0 and result.stdout.startswith("backbreak ")
