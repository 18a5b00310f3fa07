"""Spoken cues ("Switch sides", "Done — nice work") through plyer's text-to-speech.

plyer's ``tts.speak`` blocks until the line has been spoken (on Linux it runs ``espeak``
and waits for it, about a second and a half per short line), so a ``Speaker`` speaks on
one worker thread of its own and ``say`` returns at once: the prompt's countdown never
stutters. Only the newest waiting line is kept: a cue that is still waiting when a newer
one arrives is stale ("Switch sides" after the hold is over) and is dropped unspoken.

With no speech engine (no ``espeak``/``flite`` on Linux, no ``say`` on macOS, ...) a
``Speaker`` says nothing, logs that once, and tells why through ``unavailable_reason``
for the settings dialog.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

SpeakFunction = Callable[[str], None]

NO_ENGINE_REASON = "No speech engine found; install espeak-ng to hear spoken cues."
SHUTDOWN_TIMEOUT = 3.0
"""How long ``shutdown`` waits for a line being spoken; a short cue takes under two
seconds, and the worker is a daemon thread, so a stuck engine cannot hold the app open."""


@dataclass(frozen=True)
class Engine:
    """What the lookup found: a function that speaks one line, or why there is none."""

    speak: SpeakFunction | None
    unavailable_reason: str | None = None


def plyer_engine() -> Engine:
    """plyer's text-to-speech for this platform, or the reason it has none.

    We ask plyer's platform module for its TTS object the same way the ``plyer.tts``
    proxy does, rather than through the proxy, because the proxy hides "no engine":
    it prints a traceback on a failed import and hands back the bare facade, which only
    fails (``NotImplementedError``) once asked to speak. On Linux plyer looks up
    ``espeak`` and then ``flite`` on PATH; Debian's ``espeak`` command comes from the
    ``espeak-ng-espeak`` package.
    """
    try:
        from plyer.facades import TTS
        from plyer.utils import platform

        module = importlib.import_module(f"plyer.platforms.{platform}.tts")
        tts = module.instance()
    except Exception as error:  # plyer has no TTS module here, or its import failed
        log.debug("plyer text-to-speech failed to load", exc_info=True)
        return Engine(None, f"{NO_ENGINE_REASON} ({error})")
    if type(tts) is TTS:
        # plyer's facade itself: the platform module found no program to speak with.
        return Engine(None, NO_ENGINE_REASON)

    def speak(text: str) -> None:
        tts.speak(message=text)

    return Engine(speak)


class Speaker:
    """Speaks short lines one at a time, off the calling thread.

    ``engine_lookup`` is called once, on first use; tests pass a fake engine.
    """

    def __init__(self, engine_lookup: Callable[[], Engine] = plyer_engine) -> None:
        self._engine_lookup = engine_lookup
        self._engine: Engine | None = None
        self._condition = threading.Condition()
        self._pending: str | None = None
        self._speaking = False
        self._closed = False
        self._worker: threading.Thread | None = None
        self._told_unavailable = False

    # ---- engine ---------------------------------------------------------------------------

    def _resolved(self) -> Engine:
        with self._condition:
            if self._engine is None:
                self._engine = self._engine_lookup()
            return self._engine

    def available(self) -> bool:
        """Whether a speech engine was found (looked up once, then remembered)."""
        return self._resolved().speak is not None

    @property
    def unavailable_reason(self) -> str | None:
        """A sentence for the settings dialog when nothing can be spoken, else ``None``."""
        engine = self._resolved()
        return None if engine.speak is not None else engine.unavailable_reason

    # ---- speaking -------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Queue ``text`` to be spoken and return at once; replaces a line still waiting.

        Does nothing (and never raises) when no engine exists or after ``shutdown``.
        """
        engine = self._resolved()
        if engine.speak is None:
            self._tell_unavailable_once(engine)
            return
        with self._condition:
            if self._closed:
                return
            if self._pending is not None:
                log.debug("dropping stale spoken cue %r for %r", self._pending, text)
            self._pending = text
            if self._worker is None:
                self._worker = threading.Thread(
                    target=self._run, args=(engine.speak,), name="backbreak-speech", daemon=True
                )
                self._worker.start()
            self._condition.notify_all()

    def _tell_unavailable_once(self, engine: Engine) -> None:
        with self._condition:
            if self._told_unavailable:
                return
            self._told_unavailable = True
        log.warning("Spoken cues are off: %s", engine.unavailable_reason)

    def _run(self, speak: SpeakFunction) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._closed:
                    self._condition.wait()
                if self._closed or self._pending is None:
                    return
                text, self._pending = self._pending, None
                self._speaking = True
            try:
                speak(text)
            except Exception:
                # A broken engine must not end the worker or reach the GUI: log and go on.
                log.exception("speaking %r failed", text)
            finally:
                with self._condition:
                    self._speaking = False
                    self._condition.notify_all()

    def flush(self, timeout: float) -> bool:
        """Wait until every queued line has been spoken; ``False`` on timeout.

        For tests and for measuring; the app itself never waits for speech.
        """
        with self._condition:
            return self._condition.wait_for(
                lambda: self._pending is None and not self._speaking, timeout=timeout
            )

    def shutdown(self, timeout: float = SHUTDOWN_TIMEOUT) -> None:
        """Drop any waiting line, let the current one end, and join the worker."""
        with self._condition:
            self._closed = True
            self._pending = None
            self._condition.notify_all()
            worker = self._worker
        if worker is not None:
            worker.join(timeout)
            if worker.is_alive():
                log.warning("speech engine still busy after %.0f s; not waiting", timeout)
