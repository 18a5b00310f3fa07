"""SIGINT/SIGTERM end the Qt event loop cleanly, without a polling timer.

Python runs signal handlers only when the interpreter gets control, which never happens
while Qt's C++ event loop sleeps. The usual fix is a timer that wakes Python every few
hundred milliseconds; that would cost us hundreds of wake-ups a minute. Instead the C-level
handler writes the signal number to a socket (``signal.set_wakeup_fd``) that a
QSocketNotifier watches, so the loop wakes only when a signal really arrives.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger("backbreak.signals")


class SignalWatcher(QObject):
    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous_handlers = {
            signum: signal.signal(signum, self._python_handler)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    @staticmethod
    def _python_handler(signum: int, frame: object) -> None:
        """Does nothing itself: the wake-up fd already carries the signal number."""

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for signum in data:
            log.info("received signal %d; quitting", signum)
            self._on_signal(signum)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous_handlers.items():
            signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()
