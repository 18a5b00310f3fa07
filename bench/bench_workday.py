"""A workday in fast-forward: the real backbreak, every clock of it running N times faster.

Run from the repository root (about ten minutes with the defaults)::

    python bench/bench_workday.py [--speed 120] [--persona ignorer --persona diligent]

libfaketime (Debian: ``faketime``, ``libfaketime``) is preloaded into the app alone, so its
wall, monotonic and boot clocks run ``--speed`` times faster together: Monday 08:55 to
18:00 (working hours 09:00-18:00, everything else default) passes in 545 / speed minutes,
and nothing looks like a suspend or a clock change to it. Two people play the day:

- ``ignorer``: never answers; every prompt stays open and is nudged once an hour;
- ``diligent``: presses Done (Alt+D) two simulated minutes after each prompt appears.

For each, per simulated hour: CPU seconds (``/proc/PID/task/*/schedstat``), wake-ups
(voluntary context switches over every thread) and history rows; and the prompts shown.
Every timer the app sets scales with its clocks, so a simulated hour costs what a real
one would, except the CPU of painting, which runs at real frame rates. Needs the same
tools as ``bench_idle.py`` (Xvfb, dbus-daemon, trayer, dunst, xdotool).
"""

from __future__ import annotations

import argparse
import glob
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from _procstats import cpu_sample
from bench_idle import REPO, Backbreak, BenchError, Session, compile_sources, start_desktop

START = "2026-11-23 08:55:00"  # a Monday
SIMULATED_MINUTES = 9 * 60 + 5  # until 18:00
ZONE = "Europe/Berlin"
PROMPT_TITLE = "Time to stand up"
DONE_AFTER_MINUTES = 2.0


@dataclass(frozen=True)
class Day:
    persona: str
    simulated_hours: float
    cpu_seconds: float
    wakeups: int
    rows: int
    prompts: int
    runaway: bool


def faketime_library() -> str:
    found = sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))
    if not found:
        raise BenchError("the bench needs libfaketime (Debian: faketime, libfaketime)")
    return found[0]


def visible_prompt(session: Session) -> str | None:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", PROMPT_TITLE],
        env=session.env,
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
    ).stdout.split()
    return found[0] if found else None


def press_done(session: Session, window: str) -> None:
    subprocess.run(
        ["xdotool", "windowfocus", "--sync", window, "key", "alt+d"],
        env=session.env,
        capture_output=True,
        timeout=15,
        check=False,
    )


def history_counts(data_dir: Path) -> tuple[int, int]:
    with sqlite3.connect(data_dir / "data" / "history.sqlite3") as conn:
        (rows,) = conn.execute("SELECT COUNT(*) FROM events").fetchone()
        (prompts,) = conn.execute("SELECT COUNT(*) FROM events WHERE kind = 'prompted'").fetchone()
    conn.close()
    return int(rows), int(prompts)


def play(desktop: Session, persona: str, speed: int, library: str) -> Day:
    app_env = {
        **desktop.env,
        "LD_PRELOAD": library,
        "FAKETIME": f"@{START} x{speed}",
        "TZ": ZONE,
    }
    app_session = Session(app_env, desktop.source, desktop.python)
    with tempfile.TemporaryDirectory(prefix="bb-day-") as folder:
        app = Backbreak(app_session, Path(folder))
        app.write_settings("schema_version = 1\n")
        try:
            app.start()
            deadline = time.monotonic() + 60
            while not app.answers():
                if time.monotonic() > deadline:
                    raise BenchError("backbreak did not answer 'status'")
                time.sleep(0.2)
            began, first = time.monotonic(), cpu_sample(app.pid)
            day_ends = began + SIMULATED_MINUTES * 60 / speed
            answered: set[str] = set()
            seen_at: dict[str, float] = {}
            while time.monotonic() < day_ends:
                time.sleep(0.25)
                if persona != "diligent":
                    continue
                window = visible_prompt(desktop)
                if window is None:
                    seen_at.clear()
                    continue
                seen = seen_at.setdefault(window, time.monotonic())
                if time.monotonic() - seen >= DONE_AFTER_MINUTES * 60 / speed:
                    press_done(desktop, window)
                    answered.add(window)
                    seen_at.clear()
            elapsed = time.monotonic() - began
            cost = cpu_sample(app.pid) - first
            runaway = bool(app.status().get("wake_guard_tripped"))
        finally:
            app.stop()
            app_session.stop()
        rows, prompts = history_counts(Path(folder))
    return Day(
        persona=persona,
        simulated_hours=elapsed * speed / 3600,
        cpu_seconds=cost.run_seconds,
        wakeups=cost.voluntary_switches,
        rows=rows,
        prompts=prompts,
        runaway=runaway,
    )


def render(days: Sequence[Day], speed: int) -> str:
    lines = [
        f"A workday (Mon 08:55-18:00) in fast-forward, every clock at {speed}x:",
        "",
        "| persona | CPU per simulated hour | wake-ups per simulated hour "
        "| history rows per simulated hour | prompts shown | runaway guard |",
        "|---|---|---|---|---|---|",
    ]
    for day in days:
        hours = day.simulated_hours
        lines.append(
            f"| {day.persona} | {day.cpu_seconds / hours * 1000:.0f} ms "
            f"| {day.wakeups / hours:.0f} | {day.rows / hours:.1f} | {day.prompts} "
            f"| {'tripped' if day.runaway else 'quiet'} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--speed", type=int, default=120, help="how much faster the clocks run")
    parser.add_argument(
        "--persona", action="append", choices=("ignorer", "diligent"), help="default: both"
    )
    parser.add_argument("--source", type=Path, default=REPO)
    parser.add_argument("--python", default=sys.executable)
    options = parser.parse_args(argv)
    try:
        library = faketime_library()
        compile_sources(options.source, options.python)
        desktop, _display = start_desktop(options.source, options.python)
        try:
            days = [
                play(desktop, persona, options.speed, library)
                for persona in options.persona or ("ignorer", "diligent")
            ]
        finally:
            desktop.stop()
    except BenchError as error:
        print(f"bench_workday: {error}", file=sys.stderr)
        return 1
    print(render(days, options.speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
