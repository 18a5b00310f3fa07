"""A real desktop session for end-to-end tests: Xvfb, a session D-Bus, a tray host
(trayer) and a notification daemon (dunst), and the real ``backbreak`` process in it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from backbreak.platform.paths import resolve_paths
from tests.ci import unavailable

TOOLS = ("Xvfb", "dbus-daemon", "trayer", "dunst", "xdotool")
WM_TOOLS = ("openbox", "xprop", "xwininfo", "xrandr")
"""Only for the tests under a real window manager."""

BARE_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
"""A session bus that starts no service on demand (no <servicedir>)."""
START_TIMEOUT = 20.0


def _missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(
    condition: Callable[[], object], timeout: float = START_TIMEOUT, what: str = "condition"
) -> object:
    """Poll an outside process until ``condition`` is truthy (these are real processes, so
    there is no fake clock to advance); fail with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def _has_window_manager(env: dict[str, str]) -> bool:
    result = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return "window id" in result.stdout


def _listening_displays() -> set[int]:
    """Display numbers an X server listens on, from the kernel's socket table. An X server
    whose socket file or lock is gone (another test run's /tmp, a cleaned folder) still
    holds its abstract socket, and a second server on that number fails to start."""
    try:
        table = Path("/proc/net/unix").read_text()
    except OSError:
        return set()
    found = set()
    for line in table.splitlines():
        _, _, name = line.rpartition(" ")
        if "/.X11-unix/X" in name and name.rpartition("X")[2].isdigit():
            found.add(int(name.rpartition("X")[2]))
    return found


def _free_display() -> int:
    busy = _listening_displays()
    # Start the search at a number of this process's own: test runs side by side (in
    # other sandboxes, whose sockets and locks this one cannot see) then rarely race
    # for the same display, whose clients would connect to the other run's server.
    first = os.getpid() % 800
    for offset in range(800):
        number = 100 + (first + offset) % 800
        if (
            number not in busy
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise RuntimeError("no free X display number")


@dataclass
class Desktop:
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    display: str = ""
    folders: list[Path] = field(default_factory=list)
    """Temporary folders to remove when the session stops."""

    def start(self, *argv: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.processes.append(process)
        return process

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return result.stdout.strip()

    def screenshot(self, path: Path) -> None:
        if shutil.which("import"):
            subprocess.run(
                ["import", "-window", "root", str(path)], env=self.env, timeout=20, check=False
            )

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)


def _start_desktop(
    with_tray: bool = True,
    with_notifications: bool = True,
    *,
    window_manager: bool = False,
    tray_edge: str = "top",
    screen: str = "1280x800x24",
) -> Desktop:
    """``window_manager`` adds openbox (frames, a work area that leaves panels clear,
    Alt+Tab); ``tray_edge`` is where trayer sits, reserving its strip of the screen."""
    missing = _missing_tools() + [
        tool for tool in (WM_TOOLS if window_manager else ()) if shutil.which(tool) is None
    ]
    if missing:
        message = f"end-to-end tests need {', '.join(missing)} (run scripts/test.sh as root)"
        unavailable(message)
    number = _free_display()
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env["DISPLAY"] = f":{number}"
    desktop = Desktop(env=env, display=f":{number}")
    # A part that fails to start must not leave the others running (an X server left
    # behind also keeps its display number from every later run).
    try:
        # -noreset: an X server resets when its last client leaves, and a client (openbox)
        # connecting during that reset fails with "failed to open the display".
        desktop.start("Xvfb", f":{number}", "-screen", "0", screen, "-nolisten", "tcp", "-noreset")
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), what="Xvfb")
        # The socket exists a moment before the server accepts clients (a window manager
        # started then exits with "failed to open the display").
        wait_for(lambda: desktop.xdotool("getdisplaygeometry"), what="Xvfb to answer")
        if with_notifications:
            bus_args = ["--session"]
        else:
            # A standard session bus would start the installed dunst by D-Bus activation on
            # the first notification, and the session would not be bare any more.
            folder = Path(tempfile.mkdtemp(prefix="backbreak-bus-"))
            desktop.folders.append(folder)
            config = folder / "bus.conf"
            config.write_text(BARE_BUS_CONFIG)
            bus_args = [f"--config-file={config}"]
        bus = subprocess.Popen(
            ["dbus-daemon", *bus_args, "--nofork", "--print-address=1"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        desktop.processes.append(bus)
        assert bus.stdout is not None
        env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        bus.stdout.close()  # the address is all it prints
        if window_manager:
            desktop.start("openbox", "--sm-disable")
            wait_for(lambda: _has_window_manager(env), what="openbox")
        if with_tray:
            desktop.start(
                "trayer",
                # A dock with a strut, as a real panel: the window manager keeps its strip
                # out of the work area (the screen's "available geometry").
                "--SetDockType",
                "true",
                "--SetPartialStrut",
                "true",
                "--edge",
                tray_edge,
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "24",
                "--transparent",
                "false",
                "--tint",
                "0x303030",
            )
        if with_notifications:
            desktop.start("dunst")
    except BaseException:
        desktop.stop()
        raise
    return desktop


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    session = _start_desktop()
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def wm_desktop() -> Iterator[Desktop]:
    """A desktop with a window manager (openbox) and the tray as a bottom panel."""
    session = _start_desktop(window_manager=True, tray_edge="bottom")
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def bare_desktop() -> Iterator[Desktop]:
    """A screen with no tray host and no notification daemon, not even one started on
    demand by D-Bus activation."""
    session = _start_desktop(with_tray=False, with_notifications=False)
    try:
        yield session
    finally:
        session.stop()


@dataclass
class Launch:
    """One start of the app process and the exit code the test expects of it."""

    process: subprocess.Popen[bytes]
    expected_exit: int = 0
    """0: it ends by SIGTERM or 'quit' and must end cleanly; a test that kills it says so."""


@dataclass
class Backbreak:
    """The real app, started as a person would, with its own data dir.

    Every instance is watched (``_app_ends_clean``): when the test ends, each process it
    started must have exited with the expected code, and the app's log and output must hold
    no ERROR line and no traceback that the test did not declare with
    ``@pytest.mark.app_log_allows(pattern, ...)``."""

    desktop: Desktop
    data_dir: Path
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    app_env: dict[str, str] = field(default_factory=dict)
    """Extra environment for the app process only (not its CLI calls), e.g. libfaketime."""
    launches: list[Launch] = field(default_factory=list)

    def __post_init__(self) -> None:
        _WATCHED.append(self)

    def cli(self, *args: str, timeout: float = 15) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "backbreak", "--data-dir", str(self.data_dir), *args],
            env=self.desktop.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def start(self, *extra: str) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.data_dir / "stdout.log"
        with self.log_path.open("ab") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "backbreak", "--data-dir", str(self.data_dir), *extra],
                env={**self.desktop.env, **self.app_env},
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        self.launches.append(Launch(self.process))
        wait_for(self._answers, what="backbreak to answer 'status'")

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"backbreak exited early:\n{self.output()}")
        return self.cli("status", timeout=5).returncode == 0

    def status(self) -> dict[str, object]:
        result = self.cli("status", "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert isinstance(data, dict)
        return data

    def output(self) -> str:
        """What the app printed (stdout and stderr) over all its starts."""
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def app_log(self) -> str:
        """The app's own log file, rotated parts first (oldest to newest)."""
        log_file = resolve_paths(self.data_dir).log_file
        parts = sorted(
            log_file.parent.glob(log_file.name + ".*"),
            key=lambda path: -int(path.suffix[1:]) if path.suffix[1:].isdigit() else 0,
        )
        return "".join(
            path.read_text(errors="replace") for path in [*parts, log_file] if path.is_file()
        )

    def events(self) -> list[tuple[str, str | None]]:
        db = self.data_dir / "data" / "history.sqlite3"
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT kind, entry_id FROM events ORDER BY id").fetchall()
        conn.close()
        return [(str(kind), entry) for kind, entry in rows]

    def kill(self) -> None:
        """SIGKILL, as a crash would: no clean-up; the test expects that exit code."""
        assert self.process is not None
        self.process.kill()
        self.process.wait()
        self.launches[-1].expected_exit = -signal.SIGKILL

    def stop(self) -> int | None:
        """Ask every process still running to quit (SIGTERM); the last one's exit code."""
        for launch in self.launches:
            process = launch.process
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        return None if self.process is None else self.process.returncode


_WATCHED: list[Backbreak] = []
"""Every Backbreak made during the current test (filled by Backbreak itself)."""

LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (?P<level>[A-Z]+) ")
"""The first line of a record in the log file (platform/logging_setup.FORMAT)."""
BAD_LEVELS = frozenset({"ERROR", "CRITICAL"})
TRACEBACK = "Traceback (most recent call last):"
CHAIN_LINES = (
    "During handling of the above exception",
    "The above exception was the direct cause",
)


def log_records(text: str) -> list[tuple[str, str]]:
    """(level, full text) of each record of a log file; a record's traceback lines
    belong to it."""
    records: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        match = LOG_RECORD.match(line)
        if match is not None:
            records.append((match["level"], [line]))
        elif records:
            records[-1][1].append(line)
        else:
            records.append(("", [line]))
    return [(level, "\n".join(lines)) for level, lines in records]


def stray_tracebacks(output: str, app_log: str = "") -> list[str]:
    """Tracebacks in the app's stdout/stderr that no log record carries: an exception
    that escaped into Qt (PySide prints it and carries on) or a fatal Python error. A
    logged exception (the console handler prints it too) is judged in the log file."""
    lines = output.splitlines()
    found: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("Fatal Python error"):
            found.append("\n".join(lines[index : index + 20]))
            index += 1
            continue
        if not line.startswith(TRACEBACK):
            index += 1
            continue
        end = _traceback_end(lines, index)
        block = "\n".join(lines[index:end])
        if block not in app_log:
            found.append(block)
        index = end
    return found


def _traceback_end(lines: list[str], start: int) -> int:
    """The index after a traceback that begins at ``start``, chained parts included."""
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line.startswith(" ") or line.startswith(TRACEBACK):
            index += 1
            continue
        # The exception line ends this part; a chained part may follow after a blank.
        index += 1
        following = index
        while following < len(lines) and not lines[following].strip():
            following += 1
        if following < len(lines) and lines[following].startswith(CHAIN_LINES):
            index = following + 1
            while index < len(lines) and not lines[index].strip():
                index += 1
            continue
        return index
    return index


def unexpected_log_lines(
    app_log: str, output: str, allowed: Iterable[re.Pattern[str]]
) -> list[str]:
    """ERROR/CRITICAL records and tracebacks that no ``allowed`` pattern matches."""
    patterns = list(allowed)
    suspects = [
        record
        for level, record in log_records(app_log)
        if level in BAD_LEVELS or TRACEBACK in record
    ]
    suspects += stray_tracebacks(output, app_log)
    return [text for text in suspects if not any(p.search(text) for p in patterns)]


def allowed_log_patterns(node: pytest.Item) -> list[re.Pattern[str]]:
    return [
        re.compile(pattern)
        for marker in node.iter_markers("app_log_allows")
        for pattern in marker.args
    ]


@pytest.fixture(autouse=True)
def _app_ends_clean(request: pytest.FixtureRequest) -> Iterator[None]:
    """After the test (and after the fixtures that stop the app): every app process
    ended with the code the test expects, and its log holds nothing unexpected."""
    _WATCHED.clear()
    yield
    apps = list(_WATCHED)
    _WATCHED.clear()
    allowed = allowed_log_patterns(request.node)
    problems: list[str] = []
    for app in apps:
        app.stop()  # a test that forgot to: its exit code is still checked
        for number, launch in enumerate(app.launches, start=1):
            code = launch.process.returncode
            if code != launch.expected_exit:
                problems.append(
                    f"{app.data_dir.name}, start {number}: exit code {code}, "
                    f"expected {launch.expected_exit}"
                )
        if app.launches:
            problems += [
                f"{app.data_dir.name}: unexpected in the app's log or output:\n{text}"
                for text in unexpected_log_lines(app.app_log(), app.output(), allowed)
            ]
    if problems:
        tail = "\n".join(apps[-1].output().splitlines()[-30:]) if apps else ""
        pytest.fail(
            "\n\n".join(problems)
            + "\n\n(an expected line is declared with @pytest.mark.app_log_allows)"
            + (f"\n\nlast output:\n{tail}" if tail else ""),
            pytrace=False,
        )


@pytest.fixture
def backbreak(desktop: Desktop, tmp_path: Path) -> Iterator[Backbreak]:
    app = Backbreak(desktop=desktop, data_dir=tmp_path / "data-dir")
    try:
        yield app
    finally:
        app.stop()
