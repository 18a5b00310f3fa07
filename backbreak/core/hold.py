"""Whether a due prompt may show now, or should wait a little ("don't interrupt").

Pure rules; the service asks ``decide`` when a prompt falls due and again at each
``RecheckAt``. What the desktop says (seconds since the last input, a full-screen window,
Do Not Disturb) comes in as plain values from ``backbreak.platform.presence``.

- A call (the microphone or the camera in use), a program on the user's list, a
  full-screen window or Do Not Disturb (each with its own setting) holds the prompt; we
  look again every ``HOLD_RECHECK``. Held longer than ``QUIET_NOTICE_AFTER``, the decision
  asks once for a quiet notification, so a long presentation doesn't hide the reminder
  completely. Not during a call: a notification popping up on a shared screen or in the
  middle of a conversation is an interruption too, and the tray already says why it
  waits.
- Otherwise, while the user is typing (input within the last ``TYPING_GAP``), wait for a
  short pause, looking again every second or two, but never longer than the
  ``typing_wait_seconds`` setting after the prompt fell due: then it shows anyway.
- Nothing known about input: show now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from backbreak.core.settings import Settings

HOLD_RECHECK = timedelta(seconds=15)
QUIET_NOTICE_AFTER = timedelta(minutes=15)
TYPING_GAP = 2.0
"""Seconds without input that count as a pause in typing."""
MIN_TYPING_RECHECK = 1.0
"""Never look again sooner than this while waiting for a typing pause (no busy polling)."""

HOLD_REASONS = ("microphone", "camera", "program", "fullscreen", "dnd")
CALL_REASONS = ("microphone", "camera")
"""Holds that mean "on a call": the tray says "waiting until the call ends"."""


@dataclass(frozen=True)
class ShowNow:
    pass


@dataclass(frozen=True)
class RecheckAt:
    """Don't show yet; ask again at ``when``.

    ``reason`` is one of ``HOLD_REASONS`` or "typing". ``notify_quietly`` is True in the one
    decision where a hold has lasted past ``QUIET_NOTICE_AFTER`` and no quiet notification
    was sent yet.
    """

    when: datetime
    reason: str
    notify_quietly: bool = False


Decision = ShowNow | RecheckAt


def _holds(hold_reason: str | None, settings: Settings) -> bool:
    if hold_reason == "fullscreen":
        return settings.hold_when_fullscreen
    if hold_reason == "dnd":
        return settings.hold_when_dnd
    if hold_reason == "microphone":
        return settings.hold_when_microphone
    if hold_reason == "camera":
        return settings.hold_when_camera
    if hold_reason == "program":
        return bool(settings.hold_programs)
    return False


def decide(
    due: datetime,
    now: datetime,
    since_input: float | None,
    hold_reason: str | None,
    *,
    held_since: datetime | None,
    settings: Settings,
    quiet_notice_sent: bool = False,
) -> Decision:
    """What to do with a prompt that fell due at ``due``.

    ``held_since`` is when the current full-screen/DND hold began (None if it is not held
    yet: the caller remembers ``now`` when it gets the first hold decision).
    ``quiet_notice_sent`` says whether this hold already produced its quiet notification.
    The typing wait counts from ``due``: pass the moment the prompt became showable (the
    end of a hold) if a hold came first, or the typing wait would already be used up.
    """
    if hold_reason is not None and _holds(hold_reason, settings):
        long_hold = (
            held_since is not None
            and now - held_since >= QUIET_NOTICE_AFTER
            and hold_reason not in CALL_REASONS
        )
        return RecheckAt(
            now + HOLD_RECHECK,
            hold_reason,
            notify_quietly=long_hold and not quiet_notice_sent,
        )
    if since_input is None or settings.typing_wait_seconds <= 0:
        return ShowNow()
    limit = due + timedelta(seconds=settings.typing_wait_seconds)
    since = max(0.0, since_input)
    if since >= TYPING_GAP or now >= limit:
        return ShowNow()
    # Look again just when the pause would be long enough if no key is pressed meanwhile.
    wait = timedelta(seconds=max(MIN_TYPING_RECHECK, TYPING_GAP - since))
    return RecheckAt(min(now + wait, limit), "typing")
