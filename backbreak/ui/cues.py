"""``CuePlayer``: turns the prompt's countdown cues into a soft chime and a spoken line.

The prompt window emits ``cue_requested("start" | "switch" | "end")``; this object decides,
from the user's current settings (read through callables at each cue, so a change in the
settings dialog counts from the next cue on), whether to play the chime and whether to
speak. Neither the chime nor the voice blocks: ``SoundPlayer`` starts a detached player
and ``Speaker`` speaks on its own thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Slot

log = logging.getLogger(__name__)


class ChimeOutput(Protocol):
    def play(self, cue: str) -> None: ...


class VoiceOutput(Protocol):
    def say(self, text: str) -> None: ...


class CuePlayer(QObject):
    """Connect ``prompt.cue_requested`` to ``handle``."""

    def __init__(
        self,
        chime: ChimeOutput,
        voice: VoiceOutput,
        sound_enabled: Callable[[], bool],
        voice_enabled: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._chime = chime
        self._voice = voice
        self._sound_enabled = sound_enabled
        self._voice_enabled = voice_enabled

    def spoken_line(self, cue: str) -> str | None:
        """What is said for ``cue``; the same words the prompt shows, kept short."""
        lines = {
            "start": self.tr("Start now"),
            "switch": self.tr("Switch sides"),
            "end": self.tr("Done — nice work"),
        }
        return lines.get(cue)

    @Slot(str)
    def handle(self, cue: str) -> None:
        line = self.spoken_line(cue)
        if line is None:
            log.debug("ignoring unknown cue %r", cue)
            return
        if self._sound_enabled():
            self._chime.play(cue)
        if self._voice_enabled():
            self._voice.say(line)
