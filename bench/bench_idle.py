"""What backbreak costs next to the floor: a PySide6 tray app with one hourly APScheduler job.

Run from the repository root (about ten minutes with the defaults)::

    python bench/bench_idle.py [--idle-seconds 60] [--cycles 500] [--scheduled] [--json out.json]

It starts a private desktop (Xvfb on a free display, its own session D-Bus, trayer as the
tray host, dunst for notifications). Each app runs ALONE in it (PSS splits the pages two
processes share, so side by side both would look smaller), and every ratio comes from
this one run:

1. start-up until the tray icon is in the tray (the tray host has adopted and shown it;
   for backbreak also until its command socket answers): the median of
   ``--startup-pairs`` interleaved pairs (floor then backbreak, then the other way round);
2. RSS, PSS and USS after ``--idle-seconds`` of idle, the window starting ``--settle-seconds``
   after start (past Qt's own one-shot timer);
3. CPU seconds and context switches (all threads) over that idle window, per minute;
4. memory growth per command on the socket (``--socket-commands`` ``status`` calls);
5. delay from asking for a prompt to its window being mapped: ``backbreak break-now``
   from the shell, the bare command on the socket, and with ``--scheduled`` a real
   scheduled prompt (5 min interval, so about six more minutes);
6. RSS/PSS/USS growth over ``--cycles`` prompt open/close cycles (break-now on the command
   socket, then Esc / Alt+D / Alt+K typed into the prompt, in turn), sampled after the
   first ``FIRST_PROMPTS`` and every ``MEMORY_EVERY``.

Every process it started is stopped at the end, also on Ctrl-C. Linux + X11 only; needs
Xvfb, dbus-daemon, trayer, dunst and xdotool.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import IO

from _procstats import CpuSample, MemorySample, cpu_sample, memory_sample
from _x11watch import XRecord, XWatcher

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PROMPT_TITLE = "Time to stand up"
TOOLS = ("Xvfb", "dbus-daemon", "trayer", "dunst", "xdotool")
# Prompts due any day and time, everything else at its default: the state a person is in
# most of the day (counting down to the next prompt).
IDLE_SETTINGS = "schema_version = 1\nworking_hours_enabled = false\n"
SCHEDULED_SETTINGS = "schema_version = 1\nworking_hours_enabled = false\ninterval_minutes = 5\n"
# Esc snoozes, Alt+D is Done, Alt+K is Skip: the cycles take every way out of a prompt.
CLOSE_KEYS = ("Escape", "alt+d", "alt+k")
MEMORY_EVERY = 100
# The growth a person sees over their first days: 120 prompts is about two weeks.
FIRST_PROMPTS = 120
# Commands sent on the socket before the growth per command is measured (warm caches).
SOCKET_WARM_UP = 200
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class BenchError(RuntimeError):
    pass


# ---- the private desktop ----------------------------------------------------------------


class Session:
    """Every process the bench started; ``stop()`` ends them newest first."""

    def __init__(self, env: dict[str, str], source: Path, python: str) -> None:
        self.env = env
        self.source = source
        self.python = python
        self._processes: list[subprocess.Popen[bytes]] = []

    def spawn(
        self,
        argv: Sequence[str],
        stdout: int | IO[bytes] = subprocess.DEVNULL,
        stderr: int | IO[bytes] = subprocess.DEVNULL,
        pass_fds: Sequence[int] = (),
    ) -> subprocess.Popen[bytes]:
        # A session of its own: Ctrl-C reaches only the bench, which then stops
        # everything in order (apps before the X server they draw on).
        process = subprocess.Popen(
            list(argv),
            env=self.env,
            cwd=self.source,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,
            pass_fds=tuple(pass_fds),
        )
        self._processes.append(process)
        return process

    def stop_one(self, process: subprocess.Popen[bytes], timeout: float = 10) -> None:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def stop(self) -> None:
        for process in reversed(self._processes):
            self.stop_one(process)
        self._processes.clear()


def _start_xvfb(session: Session) -> int:
    """Start Xvfb on a display number it picks itself (``-displayfd``): guessing a free
    number races with other Xvfb servers starting at the same time (parallel test runs)."""
    read_end, write_end = os.pipe()
    try:
        session.spawn(
            [
                *("Xvfb", "-displayfd", str(write_end)),
                *("-screen", "0", "1280x800x24", "-nolisten", "tcp"),
            ],
            pass_fds=(write_end,),
        )
        os.close(write_end)
        write_end = -1
        with os.fdopen(read_end, "rb") as answer:
            read_end = -1
            found: list[bytes] = []
            reader = threading.Thread(target=lambda: found.append(answer.readline()), daemon=True)
            reader.start()
            reader.join(30)
        if not found or not found[0].strip().isdigit():
            raise BenchError("Xvfb did not start")
        return int(found[0])
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)


def compile_sources(source: Path, python: str) -> None:
    """Byte-compile the tree under test, as installing it does.

    An installed backbreak starts from cached byte code (pip compiles it); a checkout run
    with PYTHONDONTWRITEBYTECODE set (CI images often set it) would compile every module
    from source at every start, ~75 modules against the floor's one file. The apps still
    run with the environment as it is; they only find the cache ready.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [python, "-m", "compileall", "-q", str(source / "backbreak")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(f"could not byte-compile {source}: {done.stdout}{done.stderr}")


def start_desktop(source: Path, python: str) -> tuple[Session, str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise BenchError(f"the bench needs {', '.join(missing)} on PATH")
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    # `python -m backbreak` must run the tree under test, not an installed copy.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(source), env.get("PYTHONPATH")]))
    session = Session(env, source, python)
    number = _start_xvfb(session)
    env["DISPLAY"] = f":{number}"
    bus = session.spawn(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
    # trayer is the XEmbed tray host, the same as in tests/e2e/conftest.py.
    session.spawn(
        [
            *("trayer", "--edge", "top", "--align", "right", "--widthtype", "request"),
            *("--height", "24", "--transparent", "false", "--tint", "0x303030"),
        ]
    )
    session.spawn(["dunst"])
    return session, f":{number}"


# ---- talking to the apps ----------------------------------------------------------------


def socket_command(path: Path, command: str, timeout: float = 5.0) -> dict[str, object] | None:
    """One command on backbreak's socket, exactly as the CLI sends it (one JSON line each
    way) but without starting a Python process. None when nobody is listening yet."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError):
            return None
        client.sendall(json.dumps({"cmd": command, "args": {}}).encode() + b"\n")
        received = b""
        while b"\n" not in received:
            chunk = client.recv(65536)
            if not chunk:
                break
            received += chunk
    try:
        reply = json.loads(received.split(b"\n", 1)[0])
    except json.JSONDecodeError:
        reply = None
    if not isinstance(reply, dict):
        raise BenchError(f"no usable reply to {command!r}: {received!r}")
    return reply


@dataclass
class Backbreak:
    session: Session
    data_dir: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def socket_path(self) -> Path:
        # Qt uses a full path as the socket name when it fits a sockaddr_un (see
        # backbreak.platform.paths); the bench's short temp folders always fit.
        return self.data_dir / "run" / "backbreak.sock"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def write_settings(self, text: str) -> None:
        settings = self.data_dir / "config" / "settings.toml"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(text)

    def start(self) -> None:
        log = (self.data_dir / "stdout.log").open("ab")
        try:
            self.process = self.session.spawn(
                [self.session.python, "-m", "backbreak", "--data-dir", str(self.data_dir)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        finally:
            log.close()

    def died(self, grace: float = 5.0) -> bool:
        """Whether backbreak has ended, giving a dying process ``grace`` seconds: a
        fatal error closes the socket before the process is gone."""
        if self.process is None:
            return False
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            return False
        return True

    def last_words(self) -> str:
        """The first fatal line of backbreak's output, else its last line, and exit code."""
        log = (self.data_dir / "stdout.log").read_text(errors="replace").splitlines()
        fatal = [line for line in log if "Fatal" in line or "Error" in line]
        line = (fatal or log or ["(no output)"])[0 if fatal else -1]
        code = self.process.returncode if self.process is not None else None
        return f"exit code {code}: {line.strip()}"

    def answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise BenchError(f"backbreak exited early; see {self.data_dir / 'stdout.log'}")
        try:
            reply = socket_command(self.socket_path, "status")
        except OSError:
            return False
        return bool(reply and reply.get("ok"))

    def status(self) -> dict[str, object]:
        reply = socket_command(self.socket_path, "status")
        status = reply.get("status") if reply else None
        if not isinstance(status, dict):
            raise BenchError(f"no status from backbreak: {reply!r}")
        return status

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.session.python, "-m", "backbreak", "--data-dir", str(self.data_dir), *args],
            env=self.session.env,
            cwd=self.session.source,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                socket_command(self.socket_path, "quit")
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.session.stop_one(self.process)


# ---- measurements -----------------------------------------------------------------------


@dataclass
class StartUp:
    icon_s: float
    ready_s: float
    answers_s: float | None = None
    qt_shown_s: float | None = None


def _read_line(stream: IO[bytes], timeout: float) -> str:
    """One line from a child's stdout, or "" if it says nothing in time."""
    found: list[bytes] = []
    reader = threading.Thread(target=lambda: found.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    return found[0].decode().strip() if found else ""


def start_floor(session: Session, watcher: XWatcher) -> tuple[subprocess.Popen[bytes], StartUp]:
    began = time.monotonic()
    process = session.spawn(
        [session.python, str(BENCH_DIR / "floor_tray.py")], stdout=subprocess.PIPE
    )
    icon = watcher.wait_embedded(process.pid, after=began)
    assert process.stdout is not None
    line = _read_line(process.stdout, 10).split()
    shown = float(line[2]) - began if len(line) == 3 and line[1] == "True" else None
    icon_s = icon.monotonic - began
    return process, StartUp(icon_s=icon_s, ready_s=icon_s, qt_shown_s=shown)


def start_backbreak(app: Backbreak, watcher: XWatcher) -> StartUp:
    began = time.monotonic()
    app.start()
    # Polling the socket costs a connect() every 20 ms; `backbreak status` would start a
    # Python process each time and compete with the app for the CPU it is starting on.
    deadline = began + 30
    while not app.answers():
        if time.monotonic() > deadline:
            raise BenchError("backbreak did not answer on its socket within 30 s")
        time.sleep(0.02)
    answered = time.monotonic() - began
    icon = watcher.wait_embedded(app.pid, after=began).monotonic - began
    return StartUp(icon_s=icon, ready_s=max(icon, answered), answers_s=answered)


def close_prompt(session: Session, watcher: XWatcher, shown: XRecord, key: str) -> None:
    """Type ``key`` into the prompt, as a person would, and wait for it to go.

    Only an unmap after ``shown`` counts: the prompt window is reused, so its id's
    earlier unmaps are in the record too.
    """
    window = shown.window
    for _attempt in range(3):
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", str(window), "key", key],
            env=session.env,
            capture_output=True,
            timeout=15,
            check=False,
        )
        try:
            watcher.wait_unmapped(window, after=shown.monotonic, timeout=5)
            return
        except TimeoutError:
            continue
    raise BenchError(f"the prompt did not close on {key}")


@dataclass
class Idle:
    """One app's idle window, measured while it ran alone."""

    seconds: float
    cpu: CpuSample
    memory: MemorySample


def measure_idle(pid: int, seconds: float) -> Idle:
    first = cpu_sample(pid)
    began = time.monotonic()
    time.sleep(seconds)
    last = cpu_sample(pid)
    elapsed = time.monotonic() - began
    return Idle(elapsed, last - first, memory_sample(pid))


@dataclass
class SocketGrowth:
    commands: int
    before: MemorySample
    after: MemorySample


def socket_growth(app: Backbreak, commands: int) -> SocketGrowth:
    """Memory kept per ``status`` command on the socket, after a warm-up."""
    for _ in range(SOCKET_WARM_UP):
        socket_command(app.socket_path, "status")
    time.sleep(1)
    before = memory_sample(app.pid)
    for _ in range(commands):
        socket_command(app.socket_path, "status")
    time.sleep(2)  # deferred deletes run on the next turns of the event loop
    return SocketGrowth(commands, before, memory_sample(app.pid))


@dataclass
class PromptDelays:
    cli_s: list[float] = field(default_factory=list)
    socket_s: list[float] = field(default_factory=list)
    scheduled_s: float | None = None
    scheduled_due: str | None = None


@dataclass
class Cycles:
    count: int
    done: int
    before: MemorySample
    series: list[tuple[int, int, int, int]]  # (cycles done, RSS, PSS, USS in KiB)
    crash: str | None = None
    """What backbreak said as it died, if it died during the cycles."""

    @property
    def growth_kib(self) -> tuple[int, int, int, int]:
        """(cycles, RSS, PSS and USS growth) up to the last memory sample."""
        cycles, rss, pss, uss = self.series[-1]
        before = self.before
        return cycles, rss - before.rss_kib, pss - before.pss_kib, uss - before.uss_kib

    def growth_after(self, cycles: int) -> tuple[int, int, int] | None:
        """(RSS, PSS and USS growth) after the first ``cycles`` prompts, if sampled."""
        before = self.before
        for done, rss, pss, uss in self.series:
            if done == cycles:
                return rss - before.rss_kib, pss - before.pss_kib, uss - before.uss_kib
        return None


def cli_prompt_delays(
    app: Backbreak, watcher: XWatcher, samples: int, delays: PromptDelays
) -> None:
    """``backbreak break-now`` from a shell until the window is mapped: what a person
    sees, including the CLI's own Python start."""
    for index in range(samples):
        began = time.monotonic()
        result = app.cli("break-now")
        if result.returncode != 0:
            raise BenchError(f"break-now failed: {result.stderr.strip()}")
        shown = watcher.wait_mapped(PROMPT_TITLE, after=began)
        delays.cli_s.append(shown.monotonic - began)
        close_prompt(app.session, watcher, shown, CLOSE_KEYS[index % len(CLOSE_KEYS)])


def prompt_cycles(
    app: Backbreak, watcher: XWatcher, count: int, delays: PromptDelays, progress: bool
) -> Cycles:
    time.sleep(1)
    before = memory_sample(app.pid)
    series = [(0, before.rss_kib, before.pss_kib, before.uss_kib)]
    done = 0
    for index in range(count):
        try:
            began = time.monotonic()
            reply = socket_command(app.socket_path, "break-now")
            if not reply or not reply.get("ok"):
                raise BenchError(f"break-now on the socket failed: {reply!r}")
            shown = watcher.wait_mapped(PROMPT_TITLE, after=began)
            delays.socket_s.append(shown.monotonic - began)
            close_prompt(app.session, watcher, shown, CLOSE_KEYS[index % len(CLOSE_KEYS)])
        except (BenchError, TimeoutError, OSError):
            if not app.died():
                raise
            # A crash is a finding, not a failure of the bench: report it with the rest.
            return Cycles(count, done, before, series, crash=app.last_words())
        done = index + 1
        if done % MEMORY_EVERY == 0 or done in (FIRST_PROMPTS, count):
            sample = memory_sample(app.pid)
            series.append((done, sample.rss_kib, sample.pss_kib, sample.uss_kib))
            if progress:
                print(
                    f"  {done}/{count} cycles: RSS {sample.rss_kib / 1024:.1f} MiB, "
                    f"PSS {sample.pss_kib / 1024:.1f} MiB, USS {sample.uss_kib / 1024:.1f} MiB",
                    file=sys.stderr,
                )
    time.sleep(2)  # let deleteLater()s and the like run before the last look
    after = memory_sample(app.pid)
    series[-1] = (count, after.rss_kib, after.pss_kib, after.uss_kib)
    return Cycles(count, count, before, series)


def _precise_due(app: Backbreak, status: dict[str, object]) -> datetime:
    """The due time to the microsecond.

    ``status --json`` gives it to the second; with a fresh data folder and no pause the
    due time is ``sitting_since + interval`` from the saved cycle state, which has
    microseconds. Used only when the two agree, else the second-precise one.
    """
    stamp = status.get("next_prompt_at")
    interval = status.get("interval_minutes")
    if not isinstance(stamp, str) or not isinstance(interval, int):
        raise BenchError(f"no next prompt in the status: {status!r}")
    coarse = datetime.fromisoformat(stamp)
    db = app.data_dir / "data" / "history.sqlite3"
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT value FROM state WHERE key = 'cycle_state'").fetchone()
    except sqlite3.Error:
        row = None
    finally:
        connection.close()
    if row:
        since = json.loads(row[0]).get("sitting_since")
        if isinstance(since, str):
            fine = datetime.fromisoformat(since) + timedelta(minutes=interval)
            if timedelta(0) <= fine - coarse < timedelta(seconds=1):
                return fine
    return coarse


def scheduled_delay(
    session: Session, watcher: XWatcher, data_dir: Path, delays: PromptDelays
) -> None:
    app = Backbreak(session, data_dir)
    app.write_settings(SCHEDULED_SETTINGS)
    start_backbreak(app, watcher)
    try:
        due = _precise_due(app, app.status())
        wait = due.timestamp() - time.time()
        print(
            f"waiting {wait:.0f} s for the prompt scheduled at {due.astimezone():%H:%M:%S.%f}",
            file=sys.stderr,
        )
        shown = watcher.wait_mapped(PROMPT_TITLE, after=time.monotonic(), timeout=wait + 120)
        delays.scheduled_s = shown.wall - due.timestamp()
        delays.scheduled_due = due.isoformat()
    finally:
        app.stop()


# ---- the report -------------------------------------------------------------------------


@dataclass
class Results:
    idle_seconds: float
    startup_pairs: int
    startup: dict[str, list[StartUp]]
    idle: dict[str, Idle] = field(default_factory=dict)
    socket: SocketGrowth | None = None
    delays: PromptDelays = field(default_factory=PromptDelays)
    cycles: Cycles | None = None


Row = tuple[str, float | None, float | None, str]


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def rows(results: Results) -> list[Row]:
    table: list[Row] = []
    runs = results.startup
    table.append(
        (
            f"start-up until the icon is in the tray (median, {results.startup_pairs} pairs)",
            _median([s.ready_s for s in runs["backbreak"]]),
            _median([s.ready_s for s in runs["floor"]]),
            "s",
        )
    )
    table.append(
        (
            "  of which: command socket answers",
            _median([s.answers_s for s in runs["backbreak"] if s.answers_s is not None]),
            None,
            "s",
        )
    )
    if {"backbreak", "floor"} <= results.idle.keys():
        ours, floor = results.idle["backbreak"], results.idle["floor"]
        b, f = ours.cpu, floor.cpu
        b_minute, f_minute = 60 / ours.seconds, 60 / floor.seconds
        minutes = f"{results.idle_seconds:.0f} s idle, each alone"
        table += [
            (
                f"RSS after {minutes}",
                ours.memory.rss_kib / 1024,
                floor.memory.rss_kib / 1024,
                "MiB",
            ),
            (
                f"PSS after {minutes}",
                ours.memory.pss_kib / 1024,
                floor.memory.pss_kib / 1024,
                "MiB",
            ),
            (
                f"USS (private pages) after {minutes}",
                ours.memory.uss_kib / 1024,
                floor.memory.uss_kib / 1024,
                "MiB",
            ),
            (
                "CPU time while idle (schedstat, ns resolution)",
                b.run_seconds * b_minute * 1000,
                f.run_seconds * f_minute * 1000,
                "ms/min",
            ),
            (
                "CPU time while idle (utime+stime, 10 ms ticks)",
                b.cpu_seconds * b_minute * 1000,
                f.cpu_seconds * f_minute * 1000,
                "ms/min",
            ),
            (
                "voluntary context switches (≈ wake-ups)",
                b.voluntary_switches * b_minute,
                f.voluntary_switches * f_minute,
                "/min",
            ),
            (
                "involuntary context switches",
                b.involuntary_switches * b_minute,
                f.involuntary_switches * f_minute,
                "/min",
            ),
            ("threads", float(b.threads), float(f.threads), ""),
        ]
    if results.socket is not None:
        growth = results.socket
        per_command = 1024 / growth.commands
        table += [
            (
                f"RSS kept per socket command ({growth.commands} `status`)",
                (growth.after.rss_kib - growth.before.rss_kib) * per_command,
                None,
                "B",
            ),
            (
                f"USS kept per socket command ({growth.commands} `status`)",
                (growth.after.uss_kib - growth.before.uss_kib) * per_command,
                None,
                "B",
            ),
        ]
    delays = results.delays
    if delays.cli_s:
        table.append(
            ("prompt: `backbreak break-now` → window shown, first", delays.cli_s[0], None, "s")
        )
        if len(delays.cli_s) > 1:
            table.append(
                (
                    "prompt: `backbreak break-now` → shown, median",
                    _median(delays.cli_s[1:]),
                    None,
                    "s",
                )
            )
    if delays.socket_s:
        table.append(
            ("prompt: socket command → shown, median", _median(delays.socket_s), None, "s")
        )
        table.append(
            (
                "prompt: socket command → shown, 95th pct",
                _percentile(delays.socket_s, 0.95),
                None,
                "s",
            )
        )
    if delays.scheduled_s is not None:
        table.append(("prompt: scheduled due time → shown", delays.scheduled_s, None, "s"))
    if results.cycles is not None:
        c = results.cycles
        cycles, rss, pss, uss = c.growth_kib
        if c.crash:
            table.append((f"prompt cycles done of {c.count} (then it crashed)", c.done, None, ""))
        first_prompts = c.growth_after(FIRST_PROMPTS)
        if first_prompts is not None:
            for name, index in (("RSS", 0), ("USS", 2)):
                table.append(
                    (
                        f"{name} growth over the first {FIRST_PROMPTS} prompts",
                        first_prompts[index] / 1024,
                        None,
                        "MiB",
                    )
                )
        table.append((f"RSS growth over {cycles} prompts", rss / 1024, None, "MiB"))
        table.append((f"PSS growth over {cycles} prompts", pss / 1024, None, "MiB"))
        table.append((f"USS growth over {cycles} prompts", uss / 1024, None, "MiB"))
        if len(c.series) > 2:
            # The first prompts fill caches (fonts, pictures); a leak keeps growing after.
            first, last = c.series[1], c.series[-1]
            per_100 = 100 / (last[0] - first[0])
            table.append(
                (
                    f"  RSS growth per 100 prompts after the first {first[0]}",
                    (last[1] - first[1]) * per_100 / 1024,
                    None,
                    "MiB",
                )
            )
    return table


def _format(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "s":
        text = f"{value:.3f}"
    elif unit == "B":
        text = f"{value:.0f}"
    elif unit == "ms/min":
        text = f"{value:.2f}"
    elif unit == "":
        text = f"{value:.0f}"
    else:
        text = f"{value:.1f}"
    return f"{text} {unit}".rstrip()


def render(table: list[Row]) -> str:
    lines = [f"{'figure':<58} {'backbreak':>13} {'floor':>13} {'ratio':>7}"]
    for name, ours, floor, unit in table:
        ratio = "n/a"
        if ours is not None and floor:
            ratio = f"{ours / floor:.1f}×"
        elif ours and floor == 0:
            ratio = "∞"  # the floor did none of it in the window
        lines.append(f"{name:<58} {_format(ours, unit):>13} {_format(floor, unit):>13} {ratio:>7}")
    return "\n".join(lines)


def to_json(results: Results, table: list[Row]) -> dict[str, object]:
    return {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "table": [
            {"figure": name, "backbreak": ours, "floor": floor, "unit": unit}
            for name, ours, floor, unit in table
        ],
        "raw": asdict(results),
    }


# ---- the run ----------------------------------------------------------------------------


def _raise_interrupt(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def interrupts_as_keyboard_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP take the same clean-up path as Ctrl-C (and SIGINT takes it even
    when the shell started the bench with SIGINT ignored, as for background jobs)."""
    previous = {sig: signal.signal(sig, _raise_interrupt) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run(options: argparse.Namespace) -> Results:
    results = Results(
        idle_seconds=options.idle_seconds,
        startup_pairs=options.startup_pairs,
        startup={"backbreak": [], "floor": []},
    )

    def say(text: str) -> None:
        if not options.quiet:
            print(text, file=sys.stderr)

    compile_sources(options.source.resolve(), options.python)
    session, display = start_desktop(options.source.resolve(), options.python)
    watcher: XWatcher | None = None
    folder = Path(tempfile.mkdtemp(prefix="bb-bench-"))
    try:
        watcher = XWatcher(display)
        app = Backbreak(session, folder / "idle")
        app.write_settings(IDLE_SETTINGS)

        def floor_alone() -> None:
            floor, started = start_floor(session, watcher)
            results.startup["floor"].append(started)
            session.stop_one(floor)

        def backbreak_alone() -> None:
            results.startup["backbreak"].append(start_backbreak(app, watcher))
            app.stop()

        say(f"desktop on {display}; {options.startup_pairs} start-up pairs, each app alone")
        for pair in range(options.startup_pairs):
            # Interleaved, and the order swapped every pair: a slow spell of the machine
            # or a warm cache then favours neither app.
            order = (
                (floor_alone, backbreak_alone) if pair % 2 == 0 else (backbreak_alone, floor_alone)
            )
            for start_one in order:
                start_one()

        say(
            f"floor alone: settling {options.settle_seconds:.0f} s, "
            f"then {options.idle_seconds:.0f} s idle"
        )
        floor, _ = start_floor(session, watcher)
        time.sleep(options.settle_seconds)
        results.idle["floor"] = measure_idle(floor.pid, options.idle_seconds)
        session.stop_one(floor)

        say(
            f"backbreak alone: settling {options.settle_seconds:.0f} s, "
            f"then {options.idle_seconds:.0f} s idle"
        )
        start_backbreak(app, watcher)
        time.sleep(options.settle_seconds)
        results.idle["backbreak"] = measure_idle(app.pid, options.idle_seconds)

        if options.socket_commands:
            say(f"{options.socket_commands} `status` commands on the socket")
            results.socket = socket_growth(app, options.socket_commands)
        say(f"prompt delays: {options.cli_samples} × `backbreak break-now`")
        cli_prompt_delays(app, watcher, options.cli_samples, results.delays)
        if options.cycles:
            say(f"{options.cycles} prompt open/close cycles")
            results.cycles = prompt_cycles(
                app, watcher, options.cycles, results.delays, progress=not options.quiet
            )
        app.stop()
        if options.scheduled:
            scheduled_delay(session, watcher, folder / "scheduled", results.delays)
        return results
    finally:
        # A second Ctrl-C must not cut the clean-up short.
        ignored = {sig: signal.signal(sig, signal.SIG_IGN) for sig in STOP_SIGNALS}
        # The watcher first: Xlib ends the whole process when its X server goes away.
        if watcher is not None:
            watcher.close()
        session.stop()
        for sig, handler in ignored.items():
            signal.signal(sig, handler)
        if options.keep:
            say(f"data folders kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    parser.add_argument("--cycles", type=int, default=500, help="prompt open/close cycles")
    parser.add_argument(
        "--startup-pairs",
        type=int,
        default=40,
        help="start-up pairs (floor and backbreak, each alone, order swapped every pair)",
    )
    parser.add_argument(
        "--socket-commands",
        type=int,
        default=3000,
        help="`status` commands for the memory kept per command (0 = skip)",
    )
    parser.add_argument("--cli-samples", type=int, default=5, help="timed `break-now` calls")
    parser.add_argument(
        "--settle-seconds",
        type=float,
        default=40.0,
        help="wait after start-up before the idle window; Qt itself has a one-shot timer "
        "about 30 s after start in both apps",
    )
    parser.add_argument(
        "--scheduled", action="store_true", help="also time a real scheduled prompt (+6 min)"
    )
    parser.add_argument(
        "--source",
        type=Path,
        default=REPO,
        help="the backbreak source tree to run (default: this checkout)",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the interpreter that runs both apps (default: the one running the bench)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the data folders and logs")
    parser.add_argument("--quiet", action="store_true", help="only print the table")
    options = parser.parse_args(argv)
    if options.startup_pairs < 1 or options.cli_samples < 1 or options.idle_seconds <= 0:
        parser.error("--startup-pairs and --cli-samples need at least 1, --idle-seconds > 0")
    try:
        with interrupts_as_keyboard_interrupt():
            results = run(options)
    except KeyboardInterrupt:
        print("interrupted; everything the bench started is stopped", file=sys.stderr)
        return 130
    except (BenchError, TimeoutError) as error:
        print(f"bench failed: {error}", file=sys.stderr)
        return 1
    table = rows(results)
    print(render(table))
    if options.json:
        options.json.write_text(json.dumps(to_json(results, table), indent=2) + "\n")
    if results.cycles is not None and results.cycles.crash:
        print(f"\nbackbreak CRASHED during the prompt cycles: {results.cycles.crash}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
