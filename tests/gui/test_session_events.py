"""Session events from real D-Bus signals on private buses: a fake logind (its own
process, so it can answer GetSession while we block on the call) on a "system" bus, and a
screen saver's ActiveChanged on a "session" bus."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from backbreak.platform.session_events import SessionEvents
from tests.ci import unavailable
from tests.fake_logind import FAKE_LOGIND, bus_daemon, stop_process

MANAGER = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager")
OUR_SESSION = "/org/freedesktop/login1/session/_37"
SESSION_IFACE = "org.freedesktop.login1.Session"


@dataclass
class Buses:
    system: QDBusConnection
    session: QDBusConnection
    logind: subprocess.Popen[str]
    session_sender: QDBusConnection

    def logind_signal(self, path: str, interface: str, name: str, *args: object) -> None:
        """Emitted by the fake logind (the owner of org.freedesktop.login1)."""
        assert self.logind.stdin is not None and self.logind.stdout is not None
        self.logind.stdin.write(
            json.dumps({"path": path, "interface": interface, "name": name, "args": list(args)})
            + "\n"
        )
        self.logind.stdin.flush()
        assert self.logind.stdout.readline().strip() == "sent"

    def screensaver_active(self, active: bool) -> None:
        message = QDBusMessage.createSignal(
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
        )
        message.setArguments([active])
        assert self.session_sender.send(message)


@pytest.fixture
def buses() -> Iterator[Buses]:
    if shutil.which("dbus-daemon") is None:
        message = "dbus-daemon is not installed (Debian package dbus-daemon)"
        unavailable(message)
    system_daemon, system_address = bus_daemon()
    session_daemon, session_address = bus_daemon()
    logind = subprocess.Popen(
        [sys.executable, "-c", FAKE_LOGIND, system_address],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    names = [f"system-{id(logind)}", f"session-{id(logind)}", f"sender-{id(logind)}"]
    try:
        assert logind.stdout is not None
        assert logind.stdout.readline().strip() == "ready"
        sender = QDBusConnection.connectToBus(session_address, names[2])
        # Our listener matches on the screen saver's well-known name, as on a desktop.
        assert sender.registerService("org.freedesktop.ScreenSaver")
        yield Buses(
            system=QDBusConnection.connectToBus(system_address, names[0]),
            session=QDBusConnection.connectToBus(session_address, names[1]),
            logind=logind,
            session_sender=sender,
        )
    finally:
        for name in names:
            QDBusConnection.disconnectFromBus(name)
        if logind.stdin is not None and logind.poll() is None:
            logind.stdin.write("\n")
            logind.stdin.flush()
        for process in (logind, session_daemon, system_daemon):
            stop_process(process)


def _events(buses: Buses, environ: dict[str, str] | None = None) -> SessionEvents:
    events = SessionEvents(
        system_bus=buses.system,
        session_bus=buses.session,
        environ=environ if environ is not None else {},
        platform="linux",
    )
    events.start()
    return events


def test_prepare_for_sleep_true_then_false_is_sleep_then_resume(qtbot: QtBot, buses: Buses) -> None:
    events = _events(buses)
    assert "logind sleep" in events.sources
    with qtbot.waitSignal(events.about_to_sleep, timeout=5000):
        buses.logind_signal(*MANAGER, "PrepareForSleep", True)
    with qtbot.waitSignal(events.resumed, timeout=5000):
        buses.logind_signal(*MANAGER, "PrepareForSleep", True)
        buses.logind_signal(*MANAGER, "PrepareForSleep", False)


def test_lock_and_unlock_of_our_logind_session(qtbot: QtBot, buses: Buses) -> None:
    events = _events(buses)
    assert "logind session lock" in events.sources
    heard: list[str] = []
    events.locked.connect(lambda: heard.append("locked"))
    events.unlocked.connect(lambda: heard.append("unlocked"))
    # Another user's session locks, then a sleep notice as a marker: signals from one
    # sender arrive in order, so by the time the marker is heard, the lock would be too.
    buses.logind_signal("/org/freedesktop/login1/session/_312", SESSION_IFACE, "Lock")
    with qtbot.waitSignal(events.about_to_sleep, timeout=5000):
        buses.logind_signal(*MANAGER, "PrepareForSleep", True)
    assert heard == []
    buses.logind_signal(OUR_SESSION, SESSION_IFACE, "Lock")
    qtbot.waitUntil(lambda: heard == ["locked"], timeout=5000)
    buses.logind_signal(OUR_SESSION, SESSION_IFACE, "Unlock")
    qtbot.waitUntil(lambda: heard == ["locked", "unlocked"], timeout=5000)


def test_the_session_is_found_by_xdg_session_id(qtbot: QtBot, buses: Buses) -> None:
    events = _events(buses, {"XDG_SESSION_ID": "12"})
    with qtbot.waitSignal(events.locked, timeout=5000):
        buses.logind_signal("/org/freedesktop/login1/session/_312", SESSION_IFACE, "Lock")


def test_screen_saver_active_changed_and_duplicates_give_one_signal_each(
    qtbot: QtBot, buses: Buses
) -> None:
    events = _events(buses)
    heard: list[str] = []
    events.locked.connect(lambda: heard.append("locked"))
    events.unlocked.connect(lambda: heard.append("unlocked"))
    buses.logind_signal(OUR_SESSION, SESSION_IFACE, "Lock")
    qtbot.waitUntil(lambda: heard == ["locked"], timeout=5000)
    buses.screensaver_active(True)  # the same lock seen by the screen locker
    buses.screensaver_active(False)
    qtbot.waitUntil(lambda: heard == ["locked", "unlocked"], timeout=5000)
    buses.logind_signal(OUR_SESSION, SESSION_IFACE, "Unlock")  # already unlocked
    # Signals on two buses have no common order: wait until the Unlock has surely been
    # handled (a later signal from the same sender, as a marker) before the next lock.
    with qtbot.waitSignal(events.resumed, timeout=5000):
        buses.logind_signal(*MANAGER, "PrepareForSleep", True)
        buses.logind_signal(*MANAGER, "PrepareForSleep", False)
    buses.screensaver_active(True)
    qtbot.waitUntil(lambda: heard == ["locked", "unlocked", "locked"], timeout=5000)


def test_without_a_system_bus_the_heartbeat_is_named_as_the_fallback(
    qtbot: QtBot, buses: Buses
) -> None:
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "backbreak-no-bus")
    try:
        events = SessionEvents(
            system_bus=nowhere, session_bus=buses.session, environ={}, platform="linux"
        )
        events.start()
        assert "heartbeat" in events.describe()
        assert "screen saver lock" in events.sources
    finally:
        QDBusConnection.disconnectFromBus("backbreak-no-bus")


def test_macos_says_the_heartbeat_covers_it() -> None:
    events = SessionEvents(platform="darwin")
    events.start()
    assert "heartbeat" in events.describe()
    assert events.sources == []
