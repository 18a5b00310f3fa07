"""A fake logind and private D-Bus daemons, shared by the session-event and away tests."""

from __future__ import annotations

import subprocess

FAKE_LOGIND = r"""
import json, sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, QSocketNotifier, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "fake-logind")


@ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Manager"})
class Manager(QObject):
    @Slot(str, result=QDBusObjectPath)
    def GetSession(self, session_id):
        # "auto" is the caller's own session; ours is "7".
        number = "7" if session_id == "auto" else session_id
        return QDBusObjectPath("/org/freedesktop/login1/session/_3" + number)


manager = Manager()
slots = QDBusConnection.RegisterOption.ExportAllSlots
bus.registerObject("/org/freedesktop/login1", manager, slots)
bus.registerService("org.freedesktop.login1")
print("ready", flush=True)


def command():
    line = sys.stdin.readline()
    if not line.strip():
        app.quit()
        return
    signal = json.loads(line)
    message = QDBusMessage.createSignal(signal["path"], signal["interface"], signal["name"])
    message.setArguments(signal["args"])
    bus.send(message)
    print("sent", flush=True)


notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(command)
app.exec()
"""


def bus_daemon() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    assert address.startswith("unix:")
    return process, address


def stop_process(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()
