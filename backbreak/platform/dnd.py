"""Is the desktop's Do Not Disturb on?

``DndDetector.is_on()`` answers True, False or None ("this desktop doesn't say"). The
answer is kept for ``CACHE_SECONDS`` so it is never asked fast (each check may start a
process or make a D-Bus call), and it is only asked while a prompt is due anyway.

Sources, first that answers wins:
- GNOME: ``show-banners`` false in ``org.gnome.desktop.notifications`` is GNOME's "Do Not
  Disturb" switch (read with ``gsettings``, only when the desktop is GNOME).
- The notification server's ``Inhibited`` property (``org.freedesktop.Notifications``,
  newer versions of the spec; KDE Plasma sets it for its Do Not Disturb).
- dunst: ``dunstctl is-paused``.
Windows' Focus Assist and macOS' Focus have no public API: None there.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from backbreak.platform.helper_programs import RunCommand, run_command

log = logging.getLogger(__name__)

CACHE_SECONDS = 15.0
ReadInhibited = Callable[[], bool | None]


def notifications_inhibited(connection: object | None = None) -> bool | None:
    """The ``Inhibited`` property of the notification server on the session bus."""
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

    bus = connection if isinstance(connection, QDBusConnection) else QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    message = QDBusMessage.createMethodCall(
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        "org.freedesktop.DBus.Properties",
        "Get",
    )
    message.setArguments(["org.freedesktop.Notifications", "Inhibited"])
    reply = bus.call(message, QDBus.CallMode.Block, 500)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None  # no server, or one that predates the property
    value = reply.arguments()[0]
    if isinstance(value, QDBusVariant):
        value = value.variant()
    return value if isinstance(value, bool) else None


@dataclass(frozen=True)
class _Answer:
    value: bool | None
    source: str


def _parse_bool(text: str | None) -> bool | None:
    if text is None:
        return None
    word = text.strip().lower()
    if word == "true":
        return True
    if word == "false":
        return False
    return None


class DndDetector:
    def __init__(
        self,
        environ: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
        *,
        run: RunCommand = run_command,
        inhibited: ReadInhibited | None = None,
        which: Callable[[str], str | None] = shutil.which,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._desktop = environ.get("XDG_CURRENT_DESKTOP", "").lower()
        self._platform = platform
        self._run = run
        self._inhibited = inhibited if inhibited is not None else notifications_inhibited
        self._which = which
        self._monotonic = monotonic
        self._cached: _Answer | None = None
        self._cached_at = 0.0

    def is_on(self) -> bool | None:
        now = self._monotonic()
        if self._cached is None or now - self._cached_at >= CACHE_SECONDS:
            self._cached = self._ask()
            self._cached_at = now
        return self._cached.value

    def describe(self) -> str:
        answer = self._ask()
        if answer.value is None:
            return answer.source
        state = "on" if answer.value else "off"
        return f"{answer.source} (Do Not Disturb is {state} now)"

    def _ask(self) -> _Answer:
        if self._platform in ("win32", "darwin"):
            return _Answer(None, "the system's Focus mode has no public interface to read")
        if "gnome" in self._desktop and self._which("gsettings"):
            banners = _parse_bool(
                self._run(["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"])
            )
            if banners is not None:
                return _Answer(not banners, "GNOME notification banners setting")
        try:
            inhibited = self._inhibited()
        except (OSError, ImportError) as error:
            log.debug("Inhibited property: %s", error)
            inhibited = None
        if inhibited is not None:
            return _Answer(inhibited, "the notification server's Inhibited property")
        if self._which("dunstctl"):
            paused = _parse_bool(self._run(["dunstctl", "is-paused"]))
            if paused is not None:
                return _Answer(paused, "dunst (dunstctl is-paused)")
        return _Answer(None, "no Do Not Disturb switch found on this desktop")
