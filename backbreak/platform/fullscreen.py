"""Is a full-screen window (slides, a video, a game) in front right now?

``FullscreenDetector.is_fullscreen()`` answers True, False, or None ("can't tell here").
It is asked only while a prompt is due (every 15 s during a hold), never polled otherwise.

- X11: the active window (``_NET_ACTIVE_WINDOW`` on the root, else the input focus, else
  with focus-follows-pointer the top-level window under the pointer) or
  one of its ancestors carries ``_NET_WM_STATE_FULLSCREEN``, or its geometry covers the
  whole screen (programs that size themselves to the screen without telling the window
  manager, and any window on a display with no window manager).
  Without a window manager (Xvfb) a Qt ``showFullScreen()`` sets the state property but
  keeps its size (nobody resizes it), and a later ``showNormal()`` on the mapped window
  only sends a request to the absent window manager, so the property stays until the
  window is hidden. The state property is therefore read as "full screen", which is what
  the program asked for.
- Windows: ``SHQueryUserNotificationState`` (the shell's own "don't disturb now" answer:
  a full-screen program, a Direct3D game, presentation mode).
- macOS and Wayland: not detectable without extra libraries or compositor support: None.

Our own windows (the prompt) are never "a full-screen window in front".
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from backbreak.platform.xlib import XDisplay, XlibUnavailableError, display_name

log = logging.getLogger(__name__)

OwnWindows = Callable[[], Iterable[int]]
MAX_ANCESTORS = 8
"""How far up from the focused window we look for the top-level (focus can sit in a
child window; window managers add one or two frame windows)."""

POINTER_ROOT = 1  # XGetInputFocus: focus follows the pointer, no window has it


def _no_windows() -> Iterable[int]:
    return ()


class FullscreenBackend(Protocol):
    def is_fullscreen(self) -> bool | None: ...

    def describe(self) -> str: ...


class X11Fullscreen:
    def __init__(self, display: str, own_windows: OwnWindows = _no_windows) -> None:
        self._name = display
        self._own = own_windows
        self._display: XDisplay | None = None
        self._broken: str | None = None

    def _open(self) -> XDisplay | None:
        if self._display is None and self._broken is None:
            try:
                self._display = XDisplay(self._name)
            except XlibUnavailableError as error:
                self._broken = str(error)
                log.info("full-screen detection off: %s", error)
        return self._display

    def is_fullscreen(self) -> bool | None:
        display = self._open()
        if display is None:
            return None
        window = self.active_window(display)
        if window is None:
            return False
        own = {int(w) for w in self._own()}
        screen = display.geometry(display.root)
        for candidate in self.up_to_top(display, window):
            if candidate in own:
                return False
            types = display.property_longs(candidate, "_NET_WM_WINDOW_TYPE") or []
            if display.atom("_NET_WM_WINDOW_TYPE_DESKTOP") in types:
                # The desktop (icons on the background) covers the screen but is no show.
                return False
            state = display.property_longs(candidate, "_NET_WM_STATE") or []
            if display.atom("_NET_WM_STATE_FULLSCREEN") in state:
                return True
            geometry = display.geometry(candidate)
            if screen is not None and geometry is not None and _covers(geometry, screen):
                return True
        return False

    @staticmethod
    def active_window(display: XDisplay) -> int | None:
        active = display.property_longs(display.root, "_NET_ACTIVE_WINDOW", max_items=1)
        if active:
            return active[0] or None
        focus = display.input_focus()
        if focus == POINTER_ROOT:
            # "Focus follows the pointer" (no window manager set a focus, as under Xvfb):
            # the window under the pointer is the one in front of the user.
            return display.window_under_pointer()
        if focus in (0, display.root):
            return None
        return focus

    @staticmethod
    def up_to_top(display: XDisplay, window: int) -> list[int]:
        """``window`` and its ancestors below the root (the focus may be a child)."""
        chain = [window]
        for _ in range(MAX_ANCESTORS):
            parent = display.parent(chain[-1])
            if parent is None or parent in (0, display.root):
                break
            chain.append(parent)
        return chain

    def describe(self) -> str:
        if self._open() is None:
            return f"X11 full-screen detection is off: {self._broken}"
        return f"X11 window state on display {self._name}"

    def close(self) -> None:
        if self._display is not None:
            self._display.close()
            self._display = None


def _covers(window: tuple[int, int, int, int], screen: tuple[int, int, int, int]) -> bool:
    x, y, width, height = window
    _, _, screen_width, screen_height = screen
    return x <= 0 and y <= 0 and x + width >= screen_width and y + height >= screen_height


# ---- Windows ----------------------------------------------------------------------------------

# QUERY_USER_NOTIFICATION_STATE values (shellapi.h).
QUNS_NOT_PRESENT = 1
QUNS_BUSY = 2
QUNS_RUNNING_D3D_FULL_SCREEN = 3
QUNS_PRESENTATION_MODE = 4
QUNS_ACCEPTS_NOTIFICATIONS = 5
QUNS_QUIET_TIME = 6
QUNS_APP = 7
FULLSCREEN_STATES = frozenset({QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE})


class WindowsFullscreen:
    def __init__(self, query_state: Callable[[], int | None]) -> None:
        self._query = query_state

    def is_fullscreen(self) -> bool | None:
        state = self._query()
        if state is None:
            return None
        # QUNS_NOT_PRESENT (locked, screen saver) and QUIET_TIME are not a full-screen
        # window; the lock already counts as away elsewhere.
        return state in FULLSCREEN_STATES

    def describe(self) -> str:
        return "Windows shell notification state (full-screen programs, presentation mode)"

    @classmethod
    def from_system(cls) -> WindowsFullscreen:
        if sys.platform != "win32":
            raise OSError("SHQueryUserNotificationState exists only on Windows")
        return cls(_windows_query())


def _windows_query() -> Callable[[], int | None]:  # pragma: no cover
    shell32 = getattr(ctypes, "windll").shell32  # noqa: B009 - Windows only
    function = shell32.SHQueryUserNotificationState
    function.argtypes = [ctypes.POINTER(ctypes.c_int)]
    function.restype = ctypes.c_long  # HRESULT

    def query() -> int | None:
        state = ctypes.c_int()
        if function(ctypes.byref(state)) != 0:  # S_OK
            return None
        return int(state.value)

    return query


class UnknownFullscreen:
    def __init__(self, why: str) -> None:
        self._why = why

    def is_fullscreen(self) -> bool | None:
        return None

    def describe(self) -> str:
        return self._why


class FullscreenDetector:
    """The full-screen check for this platform; see the module docstring."""

    def __init__(
        self,
        own_windows: OwnWindows = _no_windows,
        environ: Mapping[str, str] = os.environ,
        platform: str = sys.platform,
        backend: FullscreenBackend | None = None,
    ) -> None:
        self._backend = backend if backend is not None else _pick(own_windows, environ, platform)

    def is_fullscreen(self) -> bool | None:
        try:
            return self._backend.is_fullscreen()
        except (OSError, XlibUnavailableError) as error:
            log.info("full-screen check failed: %s", error)
            return None

    def describe(self) -> str:
        return self._backend.describe()

    def close(self) -> None:
        close = getattr(self._backend, "close", None)
        if callable(close):
            close()


def _pick(own_windows: OwnWindows, environ: Mapping[str, str], platform: str) -> FullscreenBackend:
    if platform == "win32":
        try:
            return WindowsFullscreen.from_system()
        except (OSError, AttributeError) as error:
            return UnknownFullscreen(f"not available: {error}")
    if platform == "darwin":
        return UnknownFullscreen(
            "not detectable on macOS without extra libraries; prompts show over full-screen apps"
        )
    display = display_name(environ)
    if display is None:
        return UnknownFullscreen(
            "not detectable on this Wayland session; use Pause → Meeting while presenting"
        )
    return X11Fullscreen(display, own_windows)
