"""The countdown chimes: the shipped WAVs are short, quiet and our own (remade byte for byte
by tools/make_cues.py); ``SoundPlayer`` picks a player, never blocks, and beeps otherwise."""

from __future__ import annotations

import importlib.util
import stat
import sys
import time
import wave
from array import array
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from backbreak.platform.sound import CUES, SoundPlayer, find_player, sounds_dir, start_detached

REPO = Path(__file__).resolve().parents[2]
SOUNDS = REPO / "resources" / "sounds"


def _make_cues() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_cues", REPO / "tools" / "make_cues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _samples(path: Path) -> tuple[wave._wave_params, list[float]]:
    with wave.open(str(path), "rb") as chime:
        params = chime.getparams()
        data = array("h", chime.readframes(params.nframes))
    if sys.byteorder == "big":
        data.byteswap()
    return params, [s / 32768 for s in data]


# ---- the shipped chimes -------------------------------------------------------------------


@pytest.mark.parametrize("cue", CUES)
def test_each_chime_is_short_quiet_and_starts_and_ends_silent(cue: str) -> None:
    params, samples = _samples(SOUNDS / f"{cue}.wav")
    assert (params.nchannels, params.sampwidth) == (1, 2)
    seconds = params.nframes / params.framerate
    assert 0.2 < seconds < 0.6
    peak = max(abs(s) for s in samples)
    assert 0.1 < peak <= 0.3, "audible but gentle: a quarter of full scale"
    # Fades in and out: no click at either end.
    assert abs(samples[0]) < 0.005
    assert abs(samples[-1]) < 0.005


def test_the_chimes_differ_from_each_other() -> None:
    contents = {(SOUNDS / f"{cue}.wav").read_bytes() for cue in CUES}
    assert len(contents) == len(CUES)


def test_the_shipped_chimes_are_what_make_cues_writes(tmp_path: Path) -> None:
    assert _make_cues().main(["make_cues.py", str(tmp_path)]) == 0
    for cue in CUES:
        assert (tmp_path / f"{cue}.wav").read_bytes() == (SOUNDS / f"{cue}.wav").read_bytes()


def test_the_chimes_are_found_through_the_bundled_resources() -> None:
    for cue in CUES:
        assert sounds_dir().joinpath(f"{cue}.wav").is_file()


# ---- choosing and starting a player -------------------------------------------------------


def _which(*present: str) -> Callable[[str], str | None]:
    return lambda name: f"/usr/bin/{name}" if name in present else None


def test_paplay_is_preferred_then_pw_play_then_aplay() -> None:
    assert find_player(which=_which("aplay", "pw-play", "paplay")) == ("/usr/bin/paplay",)
    assert find_player(which=_which("aplay", "pw-play")) == ("/usr/bin/pw-play",)
    assert find_player(which=_which("aplay")) == ("/usr/bin/aplay", "--quiet")
    assert find_player(which=_which()) is None


class Recorder:
    def __init__(self, starts: bool = True) -> None:
        self.starts = starts
        self.launched: list[tuple[str, list[str]]] = []
        self.beeps = 0

    def launch(self, program: str, arguments: list[str]) -> bool:
        self.launched.append((program, arguments))
        return self.starts

    def beep(self) -> None:
        self.beeps += 1


def test_play_hands_the_cue_s_chime_to_the_player() -> None:
    recorder = Recorder()
    player = SoundPlayer(
        sounds=SOUNDS, which=_which("paplay"), launch=recorder.launch, beep=recorder.beep
    )
    player.play("switch")
    assert recorder.launched == [("/usr/bin/paplay", [str(SOUNDS / "switch.wav")])]
    assert recorder.beeps == 0
    assert player.backend == "paplay"


def test_no_player_means_a_beep(caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    player = SoundPlayer(sounds=SOUNDS, which=_which(), launch=recorder.launch, beep=recorder.beep)
    player.play("end")
    assert recorder.launched == []
    assert recorder.beeps == 1
    assert player.backend == "beep"


def test_a_player_that_fails_to_start_falls_back_to_a_beep_and_warns_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder = Recorder(starts=False)
    player = SoundPlayer(
        sounds=SOUNDS, which=_which("aplay"), launch=recorder.launch, beep=recorder.beep
    )
    player.play("start")
    player.play("end")
    assert recorder.beeps == 2
    assert len([r for r in caplog.records if "could not start" in r.getMessage()]) == 1


def test_a_missing_chime_file_beeps(tmp_path: Path) -> None:
    recorder = Recorder()
    player = SoundPlayer(
        sounds=tmp_path, which=_which("paplay"), launch=recorder.launch, beep=recorder.beep
    )
    player.play("start")
    assert recorder.launched == []
    assert recorder.beeps == 1


def test_an_unknown_cue_plays_nothing() -> None:
    recorder = Recorder()
    player = SoundPlayer(
        sounds=SOUNDS, which=_which("paplay"), launch=recorder.launch, beep=recorder.beep
    )
    player.play("fanfare")
    assert (recorder.launched, recorder.beeps) == ([], 0)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a POSIX shell script")
def test_start_detached_really_runs_the_player_without_waiting_for_it(tmp_path: Path) -> None:
    played = tmp_path / "played.txt"
    fake_player = tmp_path / "fake-paplay"
    fake_player.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{played}.part"\nmv "{played}.part" "{played}"\n'
    )
    fake_player.chmod(fake_player.stat().st_mode | stat.S_IXUSR)
    assert start_detached(str(fake_player), [str(SOUNDS / "end.wav")])
    # The player is a separate, detached process: poll for what it wrote.
    deadline = time.monotonic() + 10
    while not played.exists():
        assert time.monotonic() < deadline, "the detached player never ran"
        time.sleep(0.02)
    assert played.read_text() == f"{SOUNDS / 'end.wav'}\n"
