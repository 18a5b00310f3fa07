"""A real call holds the prompt: a private PulseAudio server with a null source as the
microphone, and ``parec`` recording from it as the call (issue 14, "never during a call").

The detector is asked the way the app asks it (``pactl`` over the PulseAudio protocol), and
the whole app is run once with the call going on past the due time: no prompt, "waiting
until the call ends" in ``status``, and exactly one prompt once ``parec`` stops.

Needs the Debian packages pulseaudio and pulseaudio-utils (installed by scripts/test.sh);
without them the tests skip locally and fail under CI.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from backbreak.platform.calls import PulseCaptureStreams
from tests.e2e.conftest import Backbreak, wait_for
from tests.e2e.pulse import PulseServer, private_pulseaudio, require_tools
from tests.e2e.test_away_aware import PROMPT_TITLE, next_prompt, seed_sitting, write_settings

pytestmark = pytest.mark.e2e

NEEDED = {"pulseaudio": "pulseaudio", "pactl": "pulseaudio-utils", "parec": "pulseaudio-utils"}
SETTINGS = (
    "schema_version = 1\nworking_hours_enabled = false\ninterval_minutes = 45\n"
    "away_minutes = 5\nnotice_seconds = 0\n"
)


@dataclass
class SoundServer:
    """A private PulseAudio with a null source ``mic`` and a null sink ``speakers``."""

    pulse: PulseServer
    calls: list[subprocess.Popen[bytes]]

    def record(self, device: str) -> subprocess.Popen[bytes]:
        """Start recording from ``device`` (a call when it is the microphone)."""
        before = self._streams()
        process = subprocess.Popen(
            ["parec", "-d", device, "--raw"],
            env=self.pulse.env,
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
        return len(self.pulse.pactl("list", "short", "source-outputs").stdout.strip().splitlines())


@pytest.fixture
def sound_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[SoundServer]:
    require_tools(NEEDED, "the call tests")
    with private_pulseaudio(
        "bb-call-", "module-null-source source_name=mic", "module-null-sink sink_name=speakers"
    ) as pulse:
        sound = SoundServer(pulse=pulse, calls=[])
        monkeypatch.setenv("PULSE_SERVER", pulse.env["PULSE_SERVER"])  # for the detector's pactl
        try:
            yield sound
        finally:
            for call in sound.calls:
                if call.poll() is None:
                    call.kill()
                    call.wait()


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
    backbreak.desktop.env["PULSE_SERVER"] = sound_server.pulse.env["PULSE_SERVER"]
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
