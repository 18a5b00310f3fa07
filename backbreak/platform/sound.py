"""Soft chimes for the countdown: start, switch sides, end.

Why not QtMultimedia's ``QSoundEffect``: it lives in PySide6-Addons, and backbreak depends
on PySide6-Essentials only (no Multimedia module, and none of its FFmpeg backend).
Instead the chime is handed to the desktop's own command-line player, started detached
through ``QProcess.startDetached`` so the GUI thread never waits and no child is left to
reap: ``paplay`` (PulseAudio, and PipeWire's pulse layer), then ``pw-play`` (PipeWire),
then ``aplay`` (bare ALSA). With none of them, or when the chime files are not real files
on disk (a zipped install), the cue falls back to ``QApplication.beep()``.

The chimes are ``resources/sounds/<cue>.wav``, made by ``tools/make_cues.py``.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from backbreak.bundled import resource_root

log = logging.getLogger(__name__)

CUES = ("start", "switch", "end")

PLAYERS: tuple[tuple[str, ...], ...] = (
    ("paplay",),
    ("pw-play",),
    ("aplay", "--quiet"),
)
"""Command-line players tried in order; the chime's path is appended to the command."""

Launcher = Callable[[str, list[str]], bool]
"""Starts ``program`` with ``arguments`` without waiting; ``True`` if it started."""


def sounds_dir() -> Traversable:
    """The folder of bundled chimes."""
    return resource_root().joinpath("sounds")


def start_detached(program: str, arguments: list[str]) -> bool:
    """Start a player and forget it: Qt double-forks, so there is no child to reap."""
    from PySide6.QtCore import QProcess

    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)


def application_beep() -> None:
    """The desktop's plain beep; needs a QApplication (there is none in a bare CLI run)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QApplication.beep()


def find_player(
    players: Sequence[tuple[str, ...]] = PLAYERS,
    which: Callable[[str], str | None] = shutil.which,
) -> tuple[str, ...] | None:
    """The first player command whose program is on PATH, with its full path."""
    for command in players:
        path = which(command[0])
        if path is not None:
            return (path, *command[1:])
    return None


class SoundPlayer:
    """Plays one of the ``CUES`` without blocking; a beep when no player can."""

    def __init__(
        self,
        sounds: Traversable | None = None,
        players: Sequence[tuple[str, ...]] = PLAYERS,
        which: Callable[[str], str | None] = shutil.which,
        launch: Launcher = start_detached,
        beep: Callable[[], None] = application_beep,
    ) -> None:
        """The player is looked up on PATH once, here; tests pass their own ``which``."""
        self._sounds = sounds if sounds is not None else sounds_dir()
        self._player = find_player(players, which)
        self._launch = launch
        self._beep = beep
        self._warned = False
        if self._player is None:
            log.info("No sound player (paplay, pw-play, aplay) found; cues will beep.")

    @property
    def backend(self) -> str:
        """The player's program name, or ``"beep"`` (for logs and the About box)."""
        return Path(self._player[0]).name if self._player else "beep"

    def sound_file(self, cue: str) -> Path | None:
        """The chime for ``cue`` as a real file path, or ``None``."""
        if cue not in CUES:
            return None
        chime = self._sounds.joinpath(f"{cue}.wav")
        # An external player needs a path on disk; a zipped install has none, and an
        # extracted temporary copy would vanish before the detached player opened it.
        if isinstance(chime, Path) and chime.is_file():
            return chime
        return None

    def play(self, cue: str) -> None:
        """Play the chime for ``cue`` ("start", "switch" or "end"); never blocks or raises."""
        if cue not in CUES:
            log.debug("no chime for cue %r", cue)
            return
        chime = self.sound_file(cue)
        if self._player is not None and chime is not None:
            program, *arguments = self._player
            try:
                if self._launch(program, [*arguments, str(chime)]):
                    return
            except Exception:
                log.debug("starting %s failed", program, exc_info=True)
            self._warn_once(f"could not start {program}; cues will beep")
        elif chime is None:
            self._warn_once(f"chime for {cue!r} is not a file on disk; cues will beep")
        self._beep()

    def _warn_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("Sound: %s", message)
