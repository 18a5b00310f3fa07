"""``Speaker``: speaks off the calling thread, drops stale lines, stays quiet (and says so
once) without an engine, and really goes through plyer to the ``espeak`` command."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from backbreak.platform.speech import NO_ENGINE_REASON, Engine, Speaker, plyer_engine

WAIT = 10.0
"""Upper bound for a worker hand-over; the tests wait on events, never on the clock."""


class BlockingEngine:
    """Records each line and the thread that spoke it; holds the first line until
    ``release`` is set, so a test can queue more lines while one is being spoken."""

    def __init__(self) -> None:
        self.spoken: list[str] = []
        self.threads: list[threading.Thread] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def speak(self, text: str) -> None:
        self.threads.append(threading.current_thread())
        self.started.set()
        assert self.release.wait(WAIT), "test never released the engine"
        self.spoken.append(text)

    def lookup(self) -> Engine:
        return Engine(self.speak)


@pytest.fixture
def engine() -> BlockingEngine:
    return BlockingEngine()


@pytest.fixture
def speaker(engine: BlockingEngine) -> Iterator[Speaker]:
    speaker = Speaker(engine.lookup)
    yield speaker
    engine.release.set()
    speaker.shutdown()


def test_say_returns_while_the_line_is_still_being_spoken(
    speaker: Speaker, engine: BlockingEngine
) -> None:
    speaker.say("Switch sides")
    assert engine.started.wait(WAIT)
    # say() came back although the engine is still busy with the line ...
    assert engine.spoken == []
    # ... and the engine runs on a worker, not on the caller's thread.
    assert engine.threads[0] is not threading.current_thread()
    engine.release.set()
    assert speaker.flush(WAIT)
    assert engine.spoken == ["Switch sides"]


def test_a_line_still_waiting_is_replaced_by_the_newer_one(
    speaker: Speaker, engine: BlockingEngine
) -> None:
    speaker.say("Start now")
    assert engine.started.wait(WAIT)
    speaker.say("Switch sides")  # waits behind "Start now" ...
    speaker.say("Done — nice work")  # ... and is stale once this arrives
    engine.release.set()
    assert speaker.flush(WAIT)
    assert engine.spoken == ["Start now", "Done — nice work"]


def test_lines_spoken_in_turn_all_come_out_on_one_worker(
    speaker: Speaker, engine: BlockingEngine
) -> None:
    engine.release.set()
    for line in ("Start now", "Switch sides", "Done — nice work"):
        speaker.say(line)
        assert speaker.flush(WAIT)
    assert engine.spoken == ["Start now", "Switch sides", "Done — nice work"]
    assert len(set(engine.threads)) == 1


def test_an_engine_error_is_logged_and_the_worker_carries_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    spoken: list[str] = []

    def flaky(text: str) -> None:
        if not spoken and text == "first":
            spoken.append("failed")
            raise OSError("audio device busy")
        spoken.append(text)

    speaker = Speaker(lambda: Engine(flaky))
    try:
        with caplog.at_level(logging.ERROR, logger="backbreak.platform.speech"):
            speaker.say("first")
            assert speaker.flush(WAIT)
            speaker.say("second")
            assert speaker.flush(WAIT)
    finally:
        speaker.shutdown()
    assert spoken == ["failed", "second"]
    assert "speaking 'first' failed" in caplog.text


def test_shutdown_drops_the_waiting_line_and_joins_the_worker(
    speaker: Speaker, engine: BlockingEngine
) -> None:
    speaker.say("Start now")
    assert engine.started.wait(WAIT)
    speaker.say("Switch sides")
    engine.release.set()
    speaker.shutdown(timeout=WAIT)
    assert engine.spoken == ["Start now"]
    assert not any(t.is_alive() for t in engine.threads)
    speaker.say("Done — nice work")  # after shutdown: ignored, no new worker
    assert engine.spoken == ["Start now"]
    assert len(engine.threads) == 1


def test_the_engine_is_looked_up_once() -> None:
    lookups: list[int] = []

    def lookup() -> Engine:
        lookups.append(1)
        return Engine(None, NO_ENGINE_REASON)

    speaker = Speaker(lookup)
    assert not speaker.available()
    assert speaker.unavailable_reason == NO_ENGINE_REASON
    speaker.say("Switch sides")
    speaker.say("Done — nice work")
    assert lookups == [1]


# ---- the real plyer lookup, with PATH under the test's control ----------------------------


def _path_with_only(tmp_path: Path, programs: dict[str, str]) -> str:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, script in programs.items():
        program = bin_dir / name
        program.write_text(script)
        program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return str(bin_dir)


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="plyer looks for espeak/flite on Linux"
)


@linux_only
def test_without_espeak_or_flite_on_path_the_speaker_is_quiet_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", _path_with_only(tmp_path, {}))
    speaker = Speaker(plyer_engine)
    try:
        with caplog.at_level(logging.INFO, logger="backbreak.platform.speech"):
            assert not speaker.available()
            for line in ("Start now", "Switch sides", "Done — nice work"):
                speaker.say(line)  # a no-op: must not raise
        assert speaker.flush(WAIT)
    finally:
        speaker.shutdown()
    assert speaker.unavailable_reason == NO_ENGINE_REASON
    assert "install espeak-ng" in NO_ENGINE_REASON
    notices = [r for r in caplog.records if "Spoken cues are off" in r.getMessage()]
    assert len(notices) == 1
    assert not [t for t in threading.enumerate() if t.name == "backbreak-speech"]


@linux_only
def test_plyer_runs_the_espeak_command_with_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heard = tmp_path / "heard.txt"
    fake_espeak = f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{heard}"\n'
    monkeypatch.setenv("PATH", _path_with_only(tmp_path, {"espeak": fake_espeak}))
    speaker = Speaker(plyer_engine)
    try:
        assert speaker.available()
        assert speaker.unavailable_reason is None
        speaker.say("Switch sides")
        assert speaker.flush(WAIT)
    finally:
        speaker.shutdown()
    assert heard.read_text() == "Switch sides\n"
