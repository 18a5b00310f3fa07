"""Memory that goes back: a bounded pixmap cache, emptied a little after a window closes.

A tray app lives for weeks, and what one prompt or one look at the History window leaves
in caches should not stay for all of them. Measured with 60 prompts in a row (each exercise
about once): Qt's process-wide ``QPixmapCache`` (10 MiB by default, filled by the style's
frames, gradients and icons at every new size) grew the heap by 8 MiB, then 3 MiB more
over the next 60; bounded to ``PIXMAP_CACHE_KIB`` it grew 1.7 MiB and then stayed flat.

When a watched window (the prompt, History, Settings, About) has been hidden for
``RELEASE_DELAY_MS``, the cache is emptied and, on glibc, ``malloc_trim`` hands the freed
heap pages back to the system; otherwise glibc keeps them for the next allocation and the
process looks as big as at its peak. Nothing runs while no window opens or closes.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QWidget

PIXMAP_CACHE_KIB = 2048
"""Enough for the style's pieces of the windows on screen at one time."""

RELEASE_DELAY_MS = 2000
"""After a window hides: long enough that a prompt replaced by the next one (Another one,
Snooze then Start now) does not empty the cache in between."""


def glibc_trim() -> Callable[[], None] | None:
    """``malloc_trim(0)`` where the C library is glibc, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        # By its soname: ctypes.util.find_library() would run ldconfig in a subprocess.
        trim = ctypes.CDLL("libc.so.6").malloc_trim  # glibc only; musl has no such function
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int

    def run() -> None:
        trim(0)

    return run


class MemoryReleaser(QObject):
    """Bounds ``QPixmapCache`` and gives memory back after watched windows close."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        trim: Callable[[], None] | None = None,
        delay_ms: int = RELEASE_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        self._trim = trim
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.release)
        #: How often memory was given back (for tests and diagnostics).
        self.releases = 0

    def watch(self, window: QWidget) -> None:
        """Give memory back a little after ``window`` hides (an event filter on the window
        itself, so its children's many events never reach Python)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Hide:
            self._timer.start()  # restarts: a burst of closes gives back once
        elif event.type() == QEvent.Type.Show:
            self._timer.stop()  # a window is back on screen: its pieces are in use again
        return False

    def release(self) -> None:
        self._timer.stop()
        QPixmapCache.clear()
        if self._trim is None:  # looked up on first use, not at start
            self._trim = glibc_trim() or _nothing
        self._trim()
        self.releases += 1


def _nothing() -> None:
    """No C library call to give memory back on this system."""
