"""Desktop notifications: freedesktop (D-Bus) → plyer → the tray's balloon.

``pick_notifier`` builds a ``ChainNotifier`` that tries each backend in turn; a backend
that raises or reports failure is logged and the next one is tried.
"""

from __future__ import annotations

import html
import logging
import shutil
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment

try:
    from PySide6 import QtDBus
except ImportError:  # Qt builds QtDBus on Unix-like systems only
    QtDBus = None  # type: ignore[assignment]

_log = logging.getLogger("backbreak.notify")

APP_NAME = "backbreak"
_NOTIFY_SERVICE = "org.freedesktop.Notifications"
_NOTIFY_PATH = "/org/freedesktop/Notifications"
# How long a notification stays up; the prompt window is the lasting reminder.
_EXPIRE_MS = 60_000
# Cap on how long a D-Bus query (GetCapabilities, ...) may block the GUI thread.
_DBUS_TIMEOUT_MS = 1500

ActionCallback = Callable[[str], None]


class Backend(Protocol):
    name: str

    def show(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        on_action: ActionCallback | None,
    ) -> bool:
        """True when the notification was handed over; may raise."""
        ...

    def describe(self) -> str: ...


class ChainNotifier:
    """Implements ``backbreak.ports.Notifier`` over an ordered list of backends."""

    def __init__(self, backends: Sequence[Backend]) -> None:
        self.backends = list(backends)

    def notify(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]] = (),
        on_action: ActionCallback | None = None,
    ) -> None:
        for backend in self.backends:
            try:
                if backend.show(title, body, actions, on_action):
                    return
                _log.warning("Notification backend %s reported failure", backend.name)
            except Exception:
                _log.exception("Notification backend %s failed", backend.name)
        _log.error("No notification backend could show %r", title)

    def describe(self) -> list[str]:
        lines = []
        for backend in self.backends:
            try:
                lines.append(f"{backend.name}: {backend.describe()}")
            except Exception as exc:  # diagnostics must not crash either
                lines.append(f"{backend.name}: unavailable ({exc})")
        return lines


class FreedesktopNotifier(QObject):
    """org.freedesktop.Notifications, with actions.

    Queries (server information, capabilities) go over QtDBus. The ``Notify`` call itself
    goes through ``notify-send`` (libnotify) run by a ``QProcess``, because:
    - PySide6 6.12 cannot marshal a D-Bus uint32 (``replaces_id``): a Python int is sent
      as int32 and daemons built on GDBus reject the call; QDBusArgument has no typed add.
    - Daemons send ActionInvoked only to the connection that sent Notify (dunst does), so
      the sender must stay alive to hear the click: ``notify-send --action`` does and
      prints the chosen key; QProcess hands it to us on the GUI thread, no polling.
    ``bus_address`` points both at a private bus (tests); None = the session bus.
    """

    name = "freedesktop"

    def __init__(
        self,
        bus_address: str | None = None,
        notify_send: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        if QtDBus is None:
            raise ImportError("PySide6.QtDBus is not available")
        super().__init__(parent)
        QDBusConnection = QtDBus.QDBusConnection  # noqa: N806
        self._bus_address = bus_address
        self._bus = (
            QDBusConnection.sessionBus()
            if bus_address is None
            else QDBusConnection.connectToBus(bus_address, f"backbreak-notify-{id(self)}")
        )
        self._notify_send = notify_send or shutil.which("notify-send")
        self._process: QProcess | None = None
        self._on_action: ActionCallback | None = None
        """The current notification's click handler; None once it was replaced or ended."""

    def _interface(self) -> QtDBus.QDBusInterface | None:
        if not self._bus.isConnected():
            return None
        iface = QtDBus.QDBusInterface(_NOTIFY_SERVICE, _NOTIFY_PATH, _NOTIFY_SERVICE, self._bus)
        if not iface.isValid():
            return None
        iface.setTimeout(_DBUS_TIMEOUT_MS)
        return iface

    def _call(self, method: str) -> list[object] | None:
        iface = self._interface()
        if iface is None:
            return None
        reply = iface.call(method)
        if reply.type() != QtDBus.QDBusMessage.MessageType.ReplyMessage:
            return None
        return list(reply.arguments())

    def capabilities(self) -> list[str]:
        args = self._call("GetCapabilities")
        if not args or not isinstance(args[0], list):
            return []
        return [str(cap) for cap in args[0]]

    def server_information(self) -> tuple[str, str, str, str] | None:
        args = self._call("GetServerInformation")
        if not args or len(args) < 4:
            return None
        return (str(args[0]), str(args[1]), str(args[2]), str(args[3]))

    def describe(self) -> str:
        info = self.server_information()
        if info is None:
            return "no notification server on the bus"
        name, vendor, version, spec = info
        caps = ", ".join(self.capabilities()) or "none"
        tool = self._notify_send or "notify-send missing"
        return f"{name} {version} by {vendor} (spec {spec}); capabilities: {caps}; via {tool}"

    def show(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        on_action: ActionCallback | None,
    ) -> bool:
        if self._notify_send is None:
            _log.info("notify-send is not installed")
            return False
        caps = self.capabilities()
        if not caps and self.server_information() is None:
            return False  # nobody owns org.freedesktop.Notifications
        argv = [
            f"--app-name={APP_NAME}",
            f"--expire-time={_EXPIRE_MS}",
            # --replace-id would need the id from --print-id, which notify-send only
            # flushes when it exits (stdout is a pipe). Stack tags make dunst and
            # notify-osd replace our previous notification instead; others stack them.
            f"--hint=string:x-dunst-stack-tag:{APP_NAME}",
            f"--hint=string:x-canonical-private-synchronous:{APP_NAME}",
        ]
        if "actions" in caps:
            argv += [f"--action={key}={label}" for key, label in actions]
        if "body-markup" in caps:
            # Such a server reads the body as markup: a title or a settings value with
            # "<" in it must show as typed, not as a tag or a link.
            body = html.escape(body, quote=False)
        argv += ["--", title, body]
        self._stop_previous()
        process = QProcess(self)
        if self._bus_address is not None:
            env = QProcessEnvironment.systemEnvironment()
            env.insert("DBUS_SESSION_BUS_ADDRESS", self._bus_address)
            process.setProcessEnvironment(env)
        # The process's slots are this object's own methods, never closures. A closure
        # (say over self, or over an on_action that reaches the app that owns us) is owned
        # by the connection, and the connection dies inside the process's destructor (its
        # deleteLater, below). If that drops the last reference to a notifier Python owns
        # (one made without a parent), the notifier is freed right there and deletes its
        # children, the half-destroyed process among them: deleted twice, a segfault in
        # whichever event loop runs the deferred delete. A bound method of a QObject holds
        # no reference to it, so the process's end can never end the notifier.
        process.readyReadStandardOutput.connect(self._on_output)
        process.finished.connect(self._on_finished)
        self._process, self._on_action = process, on_action
        process.start(self._notify_send, argv)
        if not process.waitForStarted(_DBUS_TIMEOUT_MS):
            _log.warning("Cannot start %s: %s", self._notify_send, process.errorString())
            self._process, self._on_action = None, None
            process.deleteLater()
            return False
        return True

    def _on_finished(self) -> None:
        process = self.sender()
        if not isinstance(process, QProcess):
            return
        if self._process is process:
            self._process, self._on_action = None, None
        process.deleteLater()

    def close(self) -> None:
        """Stop waiting for a click on the current notification (at shutdown)."""
        self._stop_previous()

    def _stop_previous(self) -> None:
        # A newer notification replaces the old one; its waiting notify-send must not
        # report a click meant for the new one.
        process, self._process = self._process, None
        self._on_action = None
        if process is not None:
            process.readyReadStandardOutput.disconnect()
            process.kill()
            process.waitForFinished(_DBUS_TIMEOUT_MS)

    def _on_output(self) -> None:
        # notify-send prints the chosen action's key, one line, when the user picks one.
        # Only the current notification's process may report a click (see _stop_previous).
        process = self.sender()
        if not isinstance(process, QProcess) or process is not self._process:
            return
        while process is self._process and process.canReadLine():
            key = bytes(process.readLine().data()).decode("utf-8", "replace").strip()
            on_action = self._on_action
            if key and on_action is not None:
                on_action(key)  # may show a new notification, replacing this process


class PlyerNotifier:
    """plyer.notification: works on Windows and macOS too, but no actions."""

    name = "plyer"

    def __init__(self, timeout_s: float = 3.0) -> None:
        self._timeout_s = timeout_s

    def describe(self) -> str:
        return "plyer.notification (no actions)"

    def show(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        on_action: ActionCallback | None,
    ) -> bool:
        errors: list[BaseException] = []

        def run() -> None:
            try:
                # plyer warns (not raises) when dbus-python is missing and then shells
                # out to notify-send; keep that out of the app's warning filters.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    # Imported late: plyer picks its platform backend on import.
                    from plyer import notification

                    notification.notify(title=title, message=body, app_name=APP_NAME)
            except BaseException as exc:
                errors.append(exc)

        # plyer blocks (subprocess / dbus-python / win32 calls): keep it off the GUI
        # thread and give up waiting after a short while; a late success is fine.
        worker = threading.Thread(target=run, name="plyer-notify", daemon=True)
        worker.start()
        worker.join(self._timeout_s)
        if errors:
            raise RuntimeError(f"plyer failed: {errors[0]!r}") from errors[0]
        if worker.is_alive():
            _log.warning("plyer is still busy after %.1f s; assuming it shows", self._timeout_s)
        return True


class TrayNotifier:
    """The tray icon's balloon (QSystemTrayIcon.showMessage); the last resort."""

    name = "tray"

    def __init__(self, tray_message: Callable[[str, str], bool]) -> None:
        self._tray_message = tray_message

    def describe(self) -> str:
        return "tray balloon (no actions)"

    def show(
        self,
        title: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        on_action: ActionCallback | None,
    ) -> bool:
        return self._tray_message(title, body)


def pick_notifier(
    tray_message: Callable[[str, str], bool] | None, bus_address: str | None = None
) -> ChainNotifier:
    backends: list[Backend] = []
    try:
        backends.append(FreedesktopNotifier(bus_address))
    except ImportError:
        _log.info("QtDBus is not available here; skipping freedesktop notifications")
    backends.append(PlyerNotifier())
    if tray_message is not None:
        backends.append(TrayNotifier(tray_message))
    return ChainNotifier(backends)
