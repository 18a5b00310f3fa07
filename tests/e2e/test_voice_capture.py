"""The cues really make sound on this machine: ``Speaker`` speaks through plyer and
Debian's ``espeak`` (espeak-ng), ``SoundPlayer`` plays a chime through ``paplay``, and both
are recorded from a private PulseAudio server's null sink with ``parec`` and measured with
``sox``.

Needs the Debian packages pulseaudio, pulseaudio-utils (pactl, parec, paplay), sox and
espeak-ng-espeak (the ``espeak`` command plyer looks for). Without them the tests skip
locally and fail under CI.
"""

from __future__ import annotations

import subprocess
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from backbreak.platform.sound import SoundPlayer
from backbreak.platform.speech import Speaker
from tests.e2e.pulse import PulseServer, private_pulseaudio, require_tools

pytestmark = pytest.mark.e2e

NEEDED = {
    "pulseaudio": "pulseaudio",
    "pactl": "pulseaudio-utils",
    "parec": "pulseaudio-utils",
    "paplay": "pulseaudio-utils",
    "sox": "sox",
    "espeak": "espeak-ng-espeak",
}
RATE = 16_000
"""Capture rate: mono 16-bit, plenty for speech and a chime."""
SILENCE_RMS = 0.001
"""A null sink's monitor with nothing playing records exact zeros; speech is far above."""


def _poll(condition: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    """Wait for an outside process (a real server, not our logic) to reach a state."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def null_sink(monkeypatch: pytest.MonkeyPatch) -> Iterator[PulseServer]:
    """A private PulseAudio server whose only output is a null sink named ``capture``."""
    require_tools(NEEDED, "the voice capture tests")
    with private_pulseaudio("bb-pulse-", "module-null-sink sink_name=capture") as sink:
        # espeak (run by plyer) and paplay (run detached by Qt) inherit our environment.
        monkeypatch.setenv("PULSE_SERVER", sink.env["PULSE_SERVER"])
        yield sink


@dataclass
class Recording:
    path: Path
    process: subprocess.Popen[bytes]

    def peak(self) -> float:
        data = array("h", self.path.read_bytes()[: self.path.stat().st_size // 2 * 2])
        return max((abs(s) for s in data), default=0) / 32768

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def recording(null_sink: PulseServer, tmp_path: Path) -> Iterator[Recording]:
    path = tmp_path / "capture.raw"
    with path.open("wb") as out:
        process = subprocess.Popen(
            ["parec", "-d", "capture.monitor", "--raw", "--format=s16le",
             f"--rate={RATE}", "--channels=1",
             # Small fragments: by default parec holds back seconds of audio before it
             # writes any, and the chime test watches the file as it grows.
             "--latency-msec=20"],
            env=null_sink.env,
            stdout=out,
        )  # fmt: skip
    record = Recording(path, process)
    try:
        _poll(
            lambda: bool(null_sink.pactl("list", "short", "source-outputs").stdout.strip()),
            "parec to connect to the monitor",
        )
        yield record
    finally:
        if process.poll() is None:
            record.stop()


def sox_stat(path: Path) -> dict[str, float]:
    """``sox … -n stat`` of a raw capture or a WAV file, as {"RMS amplitude": 0.05, ...}."""
    raw = ["-t", "raw", "-r", str(RATE), "-e", "signed-integer", "-b", "16", "-c", "1"]
    result = subprocess.run(
        ["sox", *(raw if path.suffix == ".raw" else []), str(path), "-n", "stat"],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    stats: dict[str, float] = {}
    for line in result.stderr.splitlines():
        name, _, value = line.partition(":")
        try:
            stats[" ".join(name.split())] = float(value)
        except ValueError:
            continue
    return stats


def test_speaker_says_switch_sides_through_plyer_and_espeak(
    null_sink: PulseServer, recording: Recording, tmp_path: Path
) -> None:
    speaker = Speaker()
    try:
        assert speaker.available(), speaker.unavailable_reason
        speaker.say("Switch sides")
        # plyer's espeak call returns once the line has been played into the sink.
        assert speaker.flush(timeout=30), "espeak did not finish speaking"
    finally:
        speaker.shutdown()
    recording.stop()
    stats = sox_stat(recording.path)
    print(f"voice capture (sox stat): {stats}")
    assert stats["RMS amplitude"] > 20 * SILENCE_RMS, "the capture is silent"
    assert stats["Maximum amplitude"] > 0.1
    # The same line rendered straight to a file: the capture holds all of it, as loud.
    reference = tmp_path / "reference.wav"
    subprocess.run(["espeak", "-w", str(reference), "Switch sides"], check=True, timeout=30)
    expected = sox_stat(reference)
    print(f"espeak -w reference (sox stat): {expected}")
    assert stats["Length (seconds)"] >= 0.9 * expected["Length (seconds)"]
    assert stats["RMS amplitude"] == pytest.approx(expected["RMS amplitude"], rel=0.3)


def test_sound_player_chime_reaches_the_sink_quietly(
    null_sink: PulseServer, recording: Recording
) -> None:
    player = SoundPlayer()
    assert player.backend == "paplay"
    player.play("switch")
    # paplay runs detached: wait until the chime has arrived in the capture.
    _poll(lambda: recording.peak() > 0.1, "the chime in the capture")
    _poll(lambda: not null_sink.pactl("list", "short", "sink-inputs").stdout.strip(),
          "paplay to finish")  # fmt: skip
    recording.stop()
    stats = sox_stat(recording.path)
    print(f"chime capture (sox stat): {stats}")
    assert stats["RMS amplitude"] > 5 * SILENCE_RMS
    # The chime peaks at a quarter of full scale, and arrives at that level: gentle.
    assert 0.15 < stats["Maximum amplitude"] < 0.35
