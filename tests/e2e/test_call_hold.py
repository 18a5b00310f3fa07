"""A real call holds the prompt: a private PulseAudio server with a null source as the
microphone, and ``parec`` recording from it as the call (issue 14, "never during a call").

The detector is asked the way the app asks it (``pactl`` over the PulseAudio protocol), and
the whole app is run once with the call going on past the due time: no prompt, "waiting
until the call ends" in ``status``, and exactly one prompt once ``parec`` stops.

Needs the Debian packages pulseaudio and pulseaudio-utils (installed by scripts/test.sh);
without them the tests skip locally and fail under CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backbreak.platform.calls import PulseCaptureStreams
from tests.e2e.conftest import Backbreak, wait_for
from tests.e2e.test_away_aware import PROMPT_TITLE, next_prompt, seed_sitting, write_settings

pytestmark = pytest.mark.e2e

NEEDED = {"pulseaudio": "pulseaudio", "pactl": "pulseaudio-utils", "parec": "pulseaudio-utils"}
SETTINGS = (
    "schema_version = 1\nworking_hours_enabled = false\ninterval_minutes = 45\n"
    "away_minutes = 5\nnotice_seconds = 0\n"
)


def _require_tools() -> None:
    missing = sorted({package for tool, package in NEEDED.items() if not shutil.which(tool)})
    if missing:
        message = f"the call tests need the Debian packages {' '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@dataclass
class SoundServer:
    """A private PulseAudio with a null source ``mic`` and a null sink ``speakers``."""

    env: dict[str, str]
    calls: list[subprocess.Popen[bytes]]

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10, check=False
        )

    def record(self, device: str) -> subprocess.Popen[bytes]:
        """Start recording from ``device`` (a call when it is the microphone)."""
        before = self._streams()
        process = subprocess.Popen(
            ["parec", "-d", device, "--raw"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.calls.append(process)
        wait_for(lambda: self._streams() > before, what=f"parec to record from {device}")
        return process

    def hang_up(self, process: subprocess.Popen[bytes]) -> None:
        before = self._streams()
        process.terminate()
        process.wait(timeout=10)
        wait_for(lambda: self._streams() < before, what="the capture stream to go")

    def _streams(self) -> int:
        return len(self.pactl("list", "short", "source-outputs").stdout.strip().splitlines())


@pytest.fixture
def sound_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SoundServer]:
    _require_tools()
    # A short private folder: the socket path must fit a sockaddr_un, and HOME/XDG dirs
    # pointing here keep the server away from any real user configuration.
    base = Path(tempfile.mkdtemp(prefix="bb-call-"))
    socket = base / "native"
    env = dict(os.environ)
    env.update(HOME=str(base), XDG_RUNTIME_DIR=str(base), XDG_CONFIG_HOME=str(base / "config"))
    env["PULSE_SERVER"] = f"unix:{socket}"
    log = base / "pulseaudio.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--log-target=stderr",
                "-L", "module-null-source source_name=mic",
                "-L", "module-null-sink sink_name=speakers",
                "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )  # fmt: skip
    sound = SoundServer(env=env, calls=[])
    try:
        try:
            wait_for(
                lambda: server.poll() is None and sound.pactl("info").returncode == 0,
                what="the PulseAudio server",
            )
        except AssertionError as error:
            raise AssertionError(f"{error}\n{log.read_text(errors='replace')}") from None
        monkeypatch.setenv("PULSE_SERVER", env["PULSE_SERVER"])  # for pactl run by the detector
        yield sound
    finally:
        for call in sound.calls:
            if call.poll() is None:
                call.kill()
                call.wait()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(base, ignore_errors=True)


def test_recording_the_microphone_is_a_call_and_stopping_ends_it(
    sound_server: SoundServer,
) -> None:
    detector = PulseCaptureStreams()
    assert detector.in_use() is False, detector.describe()
    # Recording what the speakers play (a screen recorder) is not a call.
    recorder = sound_server.record("speakers.monitor")
    assert detector.in_use() is False
    call = sound_server.record("mic")
    assert detector.in_use() is True
    assert "yes" in detector.describe()
    sound_server.hang_up(call)
    assert detector.in_use() is False
    sound_server.hang_up(recorder)


def test_the_app_holds_a_due_prompt_through_a_call_and_shows_one_after(
    backbreak: Backbreak, sound_server: SoundServer
) -> None:
    backbreak.desktop.env["PULSE_SERVER"] = sound_server.env["PULSE_SERVER"]
    write_settings(backbreak, SETTINGS)
    seed_sitting(backbreak, timedelta(minutes=45) - timedelta(seconds=12))
    call = sound_server.record("mic")
    backbreak.start()
    due = next_prompt(backbreak)
    assert due - datetime.now(UTC) < timedelta(seconds=15)
    time.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 6)
    desktop = backbreak.desktop
    assert not desktop.xdotool("search", "--onlyvisible", "--name", PROMPT_TITLE)
    assert backbreak.status()["held_reason"] == "microphone"
    assert "call ends" in backbreak.cli("status").stdout
    assert backbreak.events() == []
    sound_server.hang_up(call)
    wait_for(
        lambda: desktop.xdotool("search", "--onlyvisible", "--name", PROMPT_TITLE),
        timeout=30,
        what="the held prompt to show after the call",
    )
    assert [kind for kind, _ in backbreak.events()] == ["prompted"]
