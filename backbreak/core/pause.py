"""Pause requests as people type them: ``30m``, ``1h``, ``2h30m``, ``until-tomorrow``, ..."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DURATION_RE = re.compile(r"^(?:(?P<h>\d{1,2})h)?(?:(?P<m>\d{1,4})m(?:in)?)?$")
MAX_PAUSE_MINUTES = 24 * 60


@dataclass(frozen=True)
class PauseRequest:
    """Exactly one of: a number of minutes, until tomorrow's start of work, indefinitely."""

    minutes: int | None = None
    until_tomorrow: bool = False
    indefinitely: bool = False
    meeting: bool = False


class PauseSpecError(ValueError):
    """A pause spec we can't read; the message says what is accepted."""


ACCEPTED = "30m, 1h, 2h30m, until-tomorrow or indefinitely"
UNTIL_TOMORROW = ("until-tomorrow", "tomorrow")
INDEFINITELY = ("indefinitely", "until-resume", "forever")
"""The words for the two open-ended pauses; the first of each is the one the help shows."""


def parse_pause(text: str, meeting: bool = False) -> PauseRequest:
    """The pause ``text`` asks for; a ``meeting`` one needs a length (it gives one prompt as
    it ends, and an open-ended meeting never ends)."""
    request = _parse(text)
    if not meeting:
        return request
    if request.minutes is None:
        raise PauseSpecError(f"a meeting needs a length such as 45m or 1h30m, not {text!r}")
    return PauseRequest(minutes=request.minutes, meeting=True)


def _parse(text: str) -> PauseRequest:
    spec = text.strip().lower()
    if spec in UNTIL_TOMORROW:
        return PauseRequest(until_tomorrow=True)
    if spec in INDEFINITELY:
        return PauseRequest(indefinitely=True)
    # A bare number is minutes: "pause 20".
    if spec.isdigit():
        spec += "m"
    match = _DURATION_RE.match(spec)
    if not spec or match is None or not (match.group("h") or match.group("m")):
        raise PauseSpecError(f"can't read pause length {text!r}; use {ACCEPTED}")
    minutes = int(match.group("h") or 0) * 60 + int(match.group("m") or 0)
    if not 1 <= minutes <= MAX_PAUSE_MINUTES:
        raise PauseSpecError(f"a pause lasts from 1 minute to 24 hours, not {text!r}")
    return PauseRequest(minutes=minutes)
