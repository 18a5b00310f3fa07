"""What the OS says about the session: the machine goes to sleep or wakes, the screen locks
or unlocks. Turned into four Qt signals.

- Linux (QtDBus): logind's ``Manager.PrepareForSleep(bool)`` on the SYSTEM bus; for our
  logind session its ``Lock``/``Unlock`` signals; and ``ActiveChanged(bool)`` of
  ``org.freedesktop.ScreenSaver`` / ``org.gnome.ScreenSaver`` on the session bus (the
  screen lockers of KDE, Xfce, GNOME). Several of these fire for one lock, so only
  changes of state are passed on. (logind's ``LockedHint`` property is not watched:
  PySide6 6.12 cannot unpack the ``a{sv}`` of PropertiesChanged, and the lockers that
  set it also send ``ActiveChanged``.)
- Windows: ``WM_POWERBROADCAST`` and ``WM_WTSSESSION_CHANGE`` seen through a Qt native event
  filter on a hidden window registered with ``WTSRegisterSessionNotification``.
- macOS: the sleep/wake and lock notifications come from ``NSWorkspace``, which needs
  pyobjc; we don't depend on it. The clock heartbeat (``backbreak.platform.heartbeat``)
  notices a sleep within a minute of waking, which is what counts there.

Everywhere, the heartbeat stays the safety net for anything missed.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QObject, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusObjectPath

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
CALL_TIMEOUT_MS = 1000


def _slot(signature: str) -> Any:
    # QDBusConnection.connect wants Qt's SLOT() string ("1name(args)"); PySide6's stubs
    # and its SLOT() disagree on bytes vs str, so the value is passed through untyped.
    return SLOT(signature)


class SessionEvents(QObject):
    about_to_sleep = Signal()
    resumed = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        system_bus: QDBusConnection | None = None,
        session_bus: QDBusConnection | None = None,
        environ: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._system_bus = system_bus
        self._session_bus = session_bus
        self._environ = environ
        self._platform = platform
        self._asleep = False
        self._is_locked = False
        self._sources: list[str] = []
        self._missing: list[str] = []
        self._windows_filter: WindowsSessionFilter | None = None
        self._windows_window: object | None = None

    # ---- starting --------------------------------------------------------------------------

    def start(self) -> None:
        """Subscribe to whatever this platform offers (safe to call once)."""
        if self._platform == "darwin":
            self._missing.append(
                "macOS sleep and lock notices need pyobjc; the clock heartbeat notices a "
                "sleep within a minute instead"
            )
        elif self._platform == "win32":
            self._start_windows()
        else:
            self._start_linux()

    def describe(self) -> str:
        parts = []
        if self._sources:
            parts.append("listening to " + ", ".join(self._sources))
        if self._missing:
            parts.append("; ".join(self._missing))
        return ". ".join(parts) if parts else "not started"

    @property
    def sources(self) -> list[str]:
        return list(self._sources)

    def _start_linux(self) -> None:
        system = self._system_bus if self._system_bus is not None else QDBusConnection.systemBus()
        if system.isConnected():
            if system.connect(
                LOGIN1,
                LOGIN1_PATH,
                LOGIN1_MANAGER,
                "PrepareForSleep",
                self,
                _slot("_on_prepare_for_sleep(QDBusMessage)"),
            ):
                self._sources.append("logind sleep")
            session_path = self._logind_session(system)
            if session_path is not None:
                ok = system.connect(
                    LOGIN1, session_path, LOGIN1_SESSION, "Lock", self, _slot("_on_lock()")
                )
                ok = (
                    system.connect(
                        LOGIN1, session_path, LOGIN1_SESSION, "Unlock", self, _slot("_on_unlock()")
                    )
                    and ok
                )
                if ok:
                    self._sources.append("logind session lock")
            else:
                self._missing.append("no logind session found for lock/unlock")
        else:
            self._missing.append(
                "no system D-Bus (logind): sleep is noticed by the clock heartbeat instead"
            )
        session = (
            self._session_bus if self._session_bus is not None else QDBusConnection.sessionBus()
        )
        if session.isConnected():
            connected = [
                session.connect(
                    service,
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    _slot("_on_screensaver_active(QDBusMessage)"),
                )
                for service, path, interface in SCREENSAVERS
            ]
            if any(connected):
                self._sources.append("screen saver lock")
        else:
            self._missing.append("no session D-Bus: screen locker notices are off")

    def _logind_session(self, system: QDBusConnection) -> str | None:
        """Our logind session's object path: by ``XDG_SESSION_ID``, else the caller's own."""
        # "auto" asks logind for the caller's own session (what GetSessionByPID(our pid)
        # would answer, without having to send a uint32 through PySide6's QtDBus, which
        # sends Python ints as int32 and logind would reject the call).
        session_id = self._environ.get("XDG_SESSION_ID", "").strip() or "auto"
        message = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession")
        message.setArguments([session_id])
        reply = system.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            log.info("no logind session: %s", reply.errorMessage())
            return None
        path = reply.arguments()[0]
        if isinstance(path, QDBusObjectPath):
            return path.path()
        return path if isinstance(path, str) else None

    # ---- Linux handlers ----------------------------------------------------------------------

    @Slot(QDBusMessage)
    def _on_prepare_for_sleep(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if arguments and isinstance(arguments[0], bool):
            self._sleep_changed(arguments[0])

    @Slot()
    def _on_lock(self) -> None:
        self._lock_changed(True)

    @Slot()
    def _on_unlock(self) -> None:
        self._lock_changed(False)

    @Slot(QDBusMessage)
    def _on_screensaver_active(self, message: QDBusMessage) -> None:
        arguments = message.arguments()
        if arguments and isinstance(arguments[0], bool):
            self._lock_changed(arguments[0])

    # ---- state changes (all platforms) -------------------------------------------------------

    def _sleep_changed(self, going_to_sleep: bool) -> None:
        if going_to_sleep == self._asleep:
            return
        self._asleep = going_to_sleep
        if going_to_sleep:
            self.about_to_sleep.emit()
        else:
            self.resumed.emit()

    def _lock_changed(self, now_locked: bool) -> None:
        if now_locked == self._is_locked:
            return
        self._is_locked = now_locked
        if now_locked:
            self.locked.emit()
        else:
            self.unlocked.emit()

    def handle_notice(self, notice: str) -> None:
        """One decoded OS notice ("about_to_sleep", "resumed", "locked", "unlocked")."""
        if notice == "about_to_sleep":
            self._sleep_changed(True)
        elif notice == "resumed":
            self._sleep_changed(False)
        elif notice == "locked":
            self._lock_changed(True)
        elif notice == "unlocked":
            self._lock_changed(False)

    # ---- Windows -----------------------------------------------------------------------------

    def _start_windows(self) -> None:  # pragma: no cover - runs on Windows only
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QWindow

        app = QCoreApplication.instance()
        if app is None:
            self._missing.append("no Qt application")
            return
        self._windows_filter = WindowsSessionFilter(self.handle_notice)
        app.installNativeEventFilter(self._windows_filter)
        self._sources.append("Windows power notices")
        # WM_POWERBROADCAST reaches every top-level window; session lock notices only
        # windows registered with WTSRegisterSessionNotification: a hidden one will do.
        window = QWindow()
        handle = int(window.winId())
        self._windows_window = window
        try:
            wtsapi32 = getattr(ctypes, "windll").wtsapi32  # noqa: B009 - Windows only
            if wtsapi32.WTSRegisterSessionNotification(handle, NOTIFY_FOR_THIS_SESSION):
                self._sources.append("Windows session lock notices")
            else:
                self._missing.append("WTSRegisterSessionNotification failed")
        except (OSError, AttributeError) as error:
            self._missing.append(f"session lock notices unavailable: {error}")


# ---- Windows message decoding (pure; tested with fakes on every platform) ---------------------

WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x0004
PBT_APMRESUMEAUTOMATIC = 0x0012
"""Sent on every resume; PBT_APMRESUMESUSPEND follows only after user input, so it is
ignored to report each wake once."""
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
NOTIFY_FOR_THIS_SESSION = 0


def decode_windows_message(message: int, wparam: int) -> str | None:
    """The session notice a window message carries, if any."""
    if message == WM_POWERBROADCAST:
        if wparam == PBT_APMSUSPEND:
            return "about_to_sleep"
        if wparam == PBT_APMRESUMEAUTOMATIC:
            return "resumed"
    elif message == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return "locked"
        if wparam == WTS_SESSION_UNLOCK:
            return "unlocked"
    return None


class WindowsMsg(ctypes.Structure):
    """The start of the Win32 ``MSG`` struct: hwnd (HWND), message (UINT), wParam (WPARAM,
    pointer-sized unsigned), lParam (LPARAM, pointer-sized signed). time/pt follow; unused."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wparam", ctypes.c_size_t),
        ("lparam", ctypes.c_ssize_t),
    )


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Looks at every native Windows message Qt receives; passes them all on unchanged."""

    def __init__(self, on_notice: Callable[[str], None]) -> None:
        super().__init__()
        self._on_notice = on_notice

    def nativeEventFilter(self, eventType: Any, message: int) -> object:  # noqa: N802, N803 - Qt API
        if bytes(eventType) == b"windows_generic_MSG" and message:
            msg = WindowsMsg.from_address(int(message))
            notice = decode_windows_message(msg.message, msg.wparam)
            if notice is not None:
                self._on_notice(notice)
        return False, 0
