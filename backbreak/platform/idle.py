"""Seconds since the last keyboard or mouse input, one backend per desktop.

``pick_idle_source()`` chooses by platform and session type and probes each candidate
once (a reading must work), falling back to the next and finally to ``NullIdleSource``
(None: "can't tell", and the presence monitor then stops polling).

- X11: the XScreenSaver extension (libXss), through ctypes.
- GNOME (also on Wayland): ``org.gnome.Mutter.IdleMonitor.GetIdletime`` over D-Bus.
- KDE and others: ``org.freedesktop.ScreenSaver.GetSessionIdleTime`` where it answers
  (several implementations reply NotSupported; KWin on Wayland doesn't answer).
- Windows: ``GetLastInputInfo`` against ``GetTickCount``.
- macOS: ``CGEventSourceSecondsSinceLastEventType``.

The Windows and macOS paths only load their system libraries on their platform; their
arithmetic is plain functions tested with fakes.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from backbreak.platform.xlib import (
    XDisplay,
    XlibUnavailableError,
    XScreenSaverInfo,
    display_name,
    load_library,
)

log = logging.getLogger(__name__)

DBUS_TIMEOUT_MS = 500
"""A D-Bus idle query runs on the GUI thread every 10 s; never let it stall the UI."""


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None when this reading failed."""
        ...


class NullIdleSource:
    """No way to tell on this desktop."""

    name = "none"

    def idle_seconds(self) -> float | None:
        return None


# ---- X11 ----------------------------------------------------------------------------------


class X11IdleSource:
    """The X server's own idle counter (XScreenSaver extension); works on any X11 desktop,
    and under Xvfb, where synthetic input from ``xdotool`` resets it too."""

    name = "X11 screen saver extension"

    def __init__(self, display: str) -> None:
        xss = load_library("Xss")
        try:
            xss.XScreenSaverQueryExtension.argtypes = [
                ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_int),
                ctypes.POINTER(ctypes.c_int),
            ]
            xss.XScreenSaverQueryExtension.restype = ctypes.c_int
            xss.XScreenSaverAllocInfo.argtypes = []
            xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(XScreenSaverInfo)
            xss.XScreenSaverQueryInfo.argtypes = [
                ctypes.c_void_p,
                ctypes.c_ulong,
                ctypes.POINTER(XScreenSaverInfo),
            ]
            xss.XScreenSaverQueryInfo.restype = ctypes.c_int
        except AttributeError as error:
            raise XlibUnavailableError(f"libXss lacks {error}") from error
        self._xss = xss
        self._display = XDisplay(display)
        event_base = ctypes.c_int()
        error_base = ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            self._display.handle, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self._display.close()
            raise XlibUnavailableError("the X server has no MIT-SCREEN-SAVER extension")
        # Allocated once (Xlib owns the layout); freed in close().
        self._info = xss.XScreenSaverAllocInfo()
        if not self._info:
            self._display.close()
            raise XlibUnavailableError("XScreenSaverAllocInfo failed")

    def idle_seconds(self) -> float | None:
        if self._display.pointer is None:
            return None
        if not self._xss.XScreenSaverQueryInfo(
            self._display.handle, self._display.root, self._info
        ):
            return None
        return float(self._info.contents.idle) / 1000.0

    def close(self) -> None:
        if self._info:
            self._display.lib.XFree(self._info)
            self._info = ctypes.POINTER(XScreenSaverInfo)()
        self._display.close()


# ---- D-Bus (GNOME Mutter, freedesktop ScreenSaver) ------------------------------------------

DBusCall = Callable[[str, str, str, str], object]
"""(service, path, interface, method) → first reply argument; raises on any failure."""


class DBusError(Exception):
    pass


def session_bus_call(connection: object | None = None) -> DBusCall:
    """A blocking method call on the session bus (or the given ``QDBusConnection``)."""
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

    bus = connection if isinstance(connection, QDBusConnection) else QDBusConnection.sessionBus()

    def call(service: str, path: str, interface: str, method: str) -> object:
        if not bus.isConnected():
            raise DBusError("no session bus")
        message = QDBusMessage.createMethodCall(service, path, interface, method)
        reply = bus.call(message, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            raise DBusError(f"{reply.errorName()}: {reply.errorMessage()}")
        arguments = reply.arguments()
        if not arguments:
            raise DBusError(f"{method} returned nothing")
        return arguments[0]

    return call


def _as_number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DBusError(f"expected a number, got {value!r}")
    return float(value)


class MutterIdleSource:
    """GNOME Shell's idle monitor; the one that works on GNOME Wayland."""

    name = "GNOME Mutter idle monitor"
    SERVICE = "org.gnome.Mutter.IdleMonitor"
    PATH = "/org/gnome/Mutter/IdleMonitor/Core"
    INTERFACE = "org.gnome.Mutter.IdleMonitor"

    def __init__(self, call: DBusCall) -> None:
        self._call = call

    def idle_seconds(self) -> float | None:
        try:
            value = _as_number(self._call(self.SERVICE, self.PATH, self.INTERFACE, "GetIdletime"))
        except DBusError as error:
            log.debug("Mutter idle monitor: %s", error)
            return None
        return value / 1000.0  # GetIdletime answers milliseconds (uint64)


class ScreenSaverIdleSource:
    """``org.freedesktop.ScreenSaver.GetSessionIdleTime`` (KDE Plasma on X11, some others).

    The method is not in the published spec; KDE, its main implementer, answers in
    milliseconds, so that is how we read it. Others reply NotSupported, which the probe in
    ``pick_idle_source`` catches.
    """

    name = "freedesktop screen saver"
    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"
    INTERFACE = "org.freedesktop.ScreenSaver"

    def __init__(self, call: DBusCall) -> None:
        self._call = call

    def idle_seconds(self) -> float | None:
        try:
            value = _as_number(
                self._call(self.SERVICE, self.PATH, self.INTERFACE, "GetSessionIdleTime")
            )
        except DBusError as error:
            log.debug("freedesktop screen saver idle time: %s", error)
            return None
        return value / 1000.0


# ---- Windows ----------------------------------------------------------------------------------

TICK_WRAP = 2**32
"""GetTickCount and LASTINPUTINFO.dwTime are 32-bit milliseconds: they wrap every ~49.7 days."""


def idle_from_ticks(now_ticks: int, last_input_ticks: int) -> float:
    """Seconds between two 32-bit tick counts, correct across the 49-day wraparound
    (unsigned subtraction modulo 2**32, as Windows documents for these values)."""
    return ((now_ticks - last_input_ticks) % TICK_WRAP) / 1000.0


class WindowsIdleSource:
    name = "Windows GetLastInputInfo"

    def __init__(
        self,
        get_tick_count: Callable[[], int],
        get_last_input_ticks: Callable[[], int | None],
    ) -> None:
        self._ticks = get_tick_count
        self._last_input = get_last_input_ticks

    def idle_seconds(self) -> float | None:
        last = self._last_input()
        if last is None:
            return None
        return idle_from_ticks(self._ticks(), last)

    @classmethod
    def from_system(cls) -> WindowsIdleSource:
        if sys.platform != "win32":
            raise OSError("GetLastInputInfo exists only on Windows")
        return cls(*_windows_functions())


def _windows_functions() -> tuple[Callable[[], int], Callable[[], int | None]]:  # pragma: no cover
    from ctypes import wintypes

    class LastInputInfo(ctypes.Structure):
        # LASTINPUTINFO: cbSize (UINT) must be set before the call; dwTime (DWORD) is the
        # tick count of the last input event.
        _fields_ = (("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD))

    windll = getattr(ctypes, "windll")  # noqa: B009 - only on Windows; hidden from mypy on Linux
    user32 = windll.user32
    kernel32 = windll.kernel32
    kernel32.GetTickCount.restype = wintypes.DWORD
    user32.GetLastInputInfo.argtypes = [ctypes.POINTER(LastInputInfo)]
    user32.GetLastInputInfo.restype = wintypes.BOOL

    def tick_count() -> int:
        return int(kernel32.GetTickCount())

    def last_input() -> int | None:
        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        return int(info.dwTime)

    return tick_count, last_input


# ---- macOS ------------------------------------------------------------------------------------

CG_COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
CG_ANY_INPUT_EVENT_TYPE = 0xFFFFFFFF  # kCGAnyInputEventType (~0)


class MacIdleSource:
    name = "macOS CGEventSource"

    def __init__(self, seconds_since_last_event: Callable[[int, int], float]) -> None:
        self._since = seconds_since_last_event

    def idle_seconds(self) -> float | None:
        value = float(self._since(CG_COMBINED_SESSION_STATE, CG_ANY_INPUT_EVENT_TYPE))
        if math.isnan(value) or value < 0:
            return None
        return value

    @classmethod
    def from_system(cls) -> MacIdleSource:
        if sys.platform != "darwin":
            raise OSError("CGEventSource exists only on macOS")
        return cls(_mac_function())


def _mac_function() -> Callable[[int, int], float]:  # pragma: no cover
    library = ctypes.CDLL(
        "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"
    )
    function = library.CGEventSourceSecondsSinceLastEventType
    # CFTimeInterval CGEventSourceSecondsSinceLastEventType(CGEventSourceStateID, CGEventType)
    function.argtypes = [ctypes.c_int32, ctypes.c_uint32]
    function.restype = ctypes.c_double

    def since(state: int, event_type: int) -> float:
        return float(function(state, event_type))

    return since


# ---- choosing --------------------------------------------------------------------------------

Candidate = tuple[str, Callable[[], IdleSource]]


def idle_candidates(
    environ: Mapping[str, str],
    platform: str,
    dbus_call: Callable[[], DBusCall],
) -> list[Candidate]:
    """The backends worth trying here, best first (not yet opened)."""
    if platform == "win32":
        return [("Windows", WindowsIdleSource.from_system)]
    if platform == "darwin":
        return [("macOS", MacIdleSource.from_system)]
    session = environ.get("XDG_SESSION_TYPE", "").lower()
    wayland = session == "wayland" or bool(environ.get("WAYLAND_DISPLAY"))
    desktop = environ.get("XDG_CURRENT_DESKTOP", "").lower()
    display = display_name(environ)
    candidates: list[Candidate] = []
    x11: Candidate | None = None
    if display is not None:
        name = display
        x11 = ("X11", lambda: X11IdleSource(name))
    mutter: Candidate = ("GNOME", lambda: MutterIdleSource(dbus_call()))
    screensaver: Candidate = ("ScreenSaver", lambda: ScreenSaverIdleSource(dbus_call()))
    if wayland:
        # Under Wayland, XWayland's X idle counter only sees input to X clients: the
        # compositor's own D-Bus answer comes first.
        candidates += [mutter, screensaver] if "gnome" in desktop else [screensaver, mutter]
        if x11 is not None:
            candidates.append(x11)
    else:
        if x11 is not None:
            candidates.append(x11)
        candidates += [mutter, screensaver] if "gnome" in desktop else [screensaver, mutter]
    return candidates


def pick_idle_source(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    dbus_call: Callable[[], DBusCall] | None = None,
    candidates: Iterable[Candidate] | None = None,
) -> IdleSource:
    """The first backend that opens and gives a reading; ``NullIdleSource`` otherwise."""
    call_factory = dbus_call if dbus_call is not None else session_bus_call
    if candidates is None:
        candidates = idle_candidates(environ, platform, call_factory)
    for label, make in candidates:
        try:
            source = make()
        except (OSError, XlibUnavailableError, DBusError, ImportError) as error:
            log.info("idle source %s not available: %s", label, error)
            continue
        reading = source.idle_seconds()
        if reading is None:
            log.info("idle source %s gave no reading", label)
            close = getattr(source, "close", None)
            if callable(close):
                close()
            continue
        log.info("idle source: %s", source.name)
        return source
    log.info("no idle source works here; away time comes only from lock and sleep")
    return NullIdleSource()
