"""Notification chain, and the freedesktop backend against a real dunst."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import weakref
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from backbreak.platform.notifier import (
    ChainNotifier,
    FreedesktopNotifier,
    TrayNotifier,
    pick_notifier,
)
from tests.ci import unavailable


class _Fake:
    def __init__(self, name: str, outcome: bool | Exception) -> None:
        self.name = name
        self.outcome = outcome
        self.shown: list[str] = []

    def describe(self) -> str:
        return f"fake {self.name}"

    def show(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        on_action: Callable[[str], None] | None,
    ) -> bool:
        self.shown.append(title)
        if isinstance(self.outcome, Exception):
            raise self.outcome
        return self.outcome


def test_a_failing_backend_is_logged_and_the_next_one_used(
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = _Fake("broken", RuntimeError("no daemon"))
    working = _Fake("working", True)
    unused = _Fake("unused", True)
    ChainNotifier([broken, working, unused]).notify("Stand up", "Time to stretch")
    assert broken.shown == working.shown == ["Stand up"]
    assert unused.shown == []
    failure = [r for r in caplog.records if r.name == "backbreak.notify"]
    assert len(failure) == 1
    assert "broken" in failure[0].getMessage()
    assert failure[0].exc_info is not None


def test_a_backend_reporting_false_is_skipped_and_nothing_raises(
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = _Fake("first", False), _Fake("second", RuntimeError("also down"))
    ChainNotifier([first, second]).notify("Stand up", "")  # must not raise
    assert first.shown == second.shown == ["Stand up"]
    assert "No notification backend" in caplog.text


def test_describe_lists_every_backend() -> None:
    chain = ChainNotifier([_Fake("a", True), TrayNotifier(lambda t, b: True)])
    assert chain.describe() == ["a: fake a", "tray: tray balloon (no actions)"]


def test_pick_notifier_ends_with_the_tray(qtbot: QtBot) -> None:
    shown: list[tuple[str, str]] = []

    def tray(title: str, body: str) -> bool:
        shown.append((title, body))
        return True

    chain = pick_notifier(tray, bus_address=None)
    assert [b.name for b in chain.backends][-1] == "tray"
    assert chain.backends[-1].show("t", "b", (), None)
    assert shown == [("t", "b")]


class _AnyServer(FreedesktopNotifier):
    """Takes any bus for a notification server, so only the notify-send side runs."""

    def capabilities(self) -> list[str]:
        return ["body"]


def test_a_notifier_dropped_with_a_notification_pending_goes_at_once_and_safely(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # Once a segfault: close() reaps the waiting notify-send and schedules its deleteLater;
    # closures on the process's signals kept the notifier alive until that deferred delete
    # ran, and then freed it (and so its child, the process being deleted) a second time.
    waiting = tmp_path / "notify-send"
    waiting.write_text("#!/bin/sh\nexec sleep 60\n")  # like notify-send waiting for a click
    waiting.chmod(waiting.stat().st_mode | stat.S_IXUSR)
    notifier = _AnyServer(bus_address=None, notify_send=str(waiting))
    destroyed: list[bool] = []
    notifier.destroyed.connect(lambda: destroyed.append(True))
    assert notifier.show("Stand up", "", [("default", "Open")], lambda key: None)
    notifier.close()
    wrapper = weakref.ref(notifier)
    del notifier
    assert wrapper() is None, "the pending notify-send process still holds the notifier"
    assert destroyed == [True]
    # What any later event loop does first; this used to crash the interpreter.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --- a real notification daemon on a private bus -------------------------------------

_TOOLS = ("dbus-daemon", "Xvfb", "dunst", "dunstctl", "notify-send")


def _start(argv: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


@pytest.fixture
def dunst_bus(tmp_path: Path) -> Iterator[str]:
    """A private session bus with dunst on a private Xvfb display (dunst needs X11)."""
    missing = [tool for tool in _TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"not installed: {', '.join(missing)} (scripts/test.sh installs them as root)"
        unavailable(message)
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    procs: list[subprocess.Popen[str]] = []
    try:
        bus = _start(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env)
        procs.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address.startswith("unix:")
        xvfb = _start(["Xvfb", "-displayfd", "1", "-nolisten", "tcp"], env)
        procs.append(xvfb)
        assert xvfb.stdout is not None
        display = xvfb.stdout.readline().strip()
        env.update(DBUS_SESSION_BUS_ADDRESS=address, DISPLAY=f":{display}")
        procs.append(_start(["dunst"], env))
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


def _dunstctl(address: str, *args: str) -> str:
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    return subprocess.run(
        ["dunstctl", *args], env=env, capture_output=True, text=True, check=False
    ).stdout.strip()


def test_freedesktop_notification_reaches_dunst_and_its_action_comes_back(
    qtbot: QtBot, dunst_bus: str
) -> None:
    notifier = FreedesktopNotifier(bus_address=dunst_bus)
    qtbot.waitUntil(lambda: notifier.server_information() is not None, timeout=5000)
    info = notifier.server_information()
    assert info is not None and info[0] == "dunst"
    assert "actions" in notifier.capabilities()
    assert "dunst" in notifier.describe()

    picked: list[str] = []
    assert notifier.show("Stand up", "Hip flexor stretch", [("default", "Open")], picked.append)
    qtbot.waitUntil(lambda: _dunstctl(dunst_bus, "count", "displayed") == "1", timeout=5000)
    _dunstctl(dunst_bus, "action", "0")  # what a click on the notification does
    qtbot.waitUntil(lambda: picked == ["default"], timeout=5000)
    notifier.close()


def test_a_second_notification_replaces_the_first(qtbot: QtBot, dunst_bus: str) -> None:
    notifier = FreedesktopNotifier(bus_address=dunst_bus)
    qtbot.waitUntil(lambda: notifier.server_information() is not None, timeout=5000)
    first: list[str] = []
    second: list[str] = []
    assert notifier.show("One", "", [("default", "Open")], first.append)
    qtbot.waitUntil(lambda: _dunstctl(dunst_bus, "count", "displayed") == "1", timeout=5000)
    assert notifier.show("Two", "", [("default", "Open")], second.append)
    qtbot.wait(200)
    assert _dunstctl(dunst_bus, "count", "displayed") == "1"
    _dunstctl(dunst_bus, "action", "0")
    qtbot.waitUntil(lambda: second == ["default"], timeout=5000)
    assert first == []
    notifier.close()


def test_no_server_on_the_bus_reports_failure(qtbot: QtBot, tmp_path: Path) -> None:
    bus = _start(["dbus-daemon", "--session", "--nofork", "--print-address=1"], dict(os.environ))
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        notifier = FreedesktopNotifier(bus_address=address)
        assert notifier.server_information() is None
        assert notifier.show("Stand up", "", (), None) is False
        assert "no notification server" in notifier.describe()
    finally:
        bus.terminate()
        bus.wait(5)
        if bus.stdout is not None:
            bus.stdout.close()
