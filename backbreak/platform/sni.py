"""The StatusNotifierItem tray (the D-Bus tray of KDE, GNOME's AppIndicator extension and
most Wayland bars): which icons its watcher knows, and keeping ours registered when the
watcher restarts.

Qt registers the icon once, with the watcher it finds. When the watcher restarts (a panel
crash, a desktop update), Qt registers again the moment the watcher's bus name has a new
owner, usually before the new watcher has exported its object: the call fails, Qt never
retries, and the icon is gone for good. ``WatcherWatch`` looks again a moment later and
says when ours is missing; the tray then shows its icon afresh, which registers it again.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
CALL_TIMEOUT_MS = 500
RECHECK_DELAYS_MS: tuple[int, ...] = (1_000, 3_000, 10_000)
"""After the watcher (re)appears: when to look for our icon, and again after re-showing."""


def _call(service: str, path: str, interface: str, method: str, *args: object) -> object | None:
    """One blocking call on the session bus (short timeout); None when it fails."""
    from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return None
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setArguments(list(args))
    reply = bus.call(message, QDBus.CallMode.Block, CALL_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    value: object = reply.arguments()[0]
    if isinstance(value, QDBusVariant):
        value = value.variant()
    return value


def _watcher_property(name: str) -> object | None:
    return _call(WATCHER, WATCHER_PATH, "org.freedesktop.DBus.Properties", "Get", WATCHER, name)


def watcher_running() -> bool:
    return _watcher_property("ProtocolVersion") is not None


def registered_pids() -> set[int]:
    """The processes whose items the watcher lists (entries are a bus name, optionally
    followed by an object path)."""
    items = _watcher_property("RegisteredStatusNotifierItems")
    if not isinstance(items, list):
        return set()
    pids = set()
    for item in items:
        service = str(item).split("/", 1)[0]
        pid = _call(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "GetConnectionUnixProcessID",
            service,
        )
        if isinstance(pid, int):
            pids.add(pid)
    return pids


def backbreak_registered() -> bool:
    """Some running backbreak's icon is registered with the watcher (for ``doctor``,
    which runs in a process of its own)."""
    for pid in registered_pids():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if pid == os.getpid() or b"backbreak" in command:
            return True
    return False


class WatcherWatch(QObject):
    """Emits ``lost`` when a (re)started watcher does not list this process's icon."""

    lost = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher

        self._checks_left: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._service_watcher = QDBusServiceWatcher(
            WATCHER,
            QDBusConnection.sessionBus(),
            QDBusServiceWatcher.WatchModeFlag.WatchForRegistration,
            self,
        )
        self._service_watcher.serviceRegistered.connect(self._watcher_appeared)

    @property
    def checking(self) -> bool:
        return self._timer.isActive()

    def _watcher_appeared(self, _service: str) -> None:
        log.info("the StatusNotifierItem watcher (re)started; checking the tray icon")
        self._checks_left = list(RECHECK_DELAYS_MS)
        self._timer.start(self._checks_left.pop(0))

    def check(self) -> None:
        """Is our icon registered? If not, say so and look again later (the timer's
        slot; tests call it directly)."""
        if os.getpid() in registered_pids():
            self._checks_left = []
            return
        log.warning("the tray icon is not registered with the new watcher; showing it again")
        self.lost.emit()
        if self._checks_left:
            self._timer.start(self._checks_left.pop(0))
