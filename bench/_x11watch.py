"""Watch an X display for windows appearing, without polling (Xlib through ctypes).

The bench needs two moments to the millisecond: a tray icon landing in the tray host, and
the prompt window being mapped. Polling ``xdotool search`` costs a process per try and
``--sync`` only retries every half second, so instead one thread listens to the root
window's SubstructureNotify events and timestamps them as they arrive:

- MapNotify / UnmapNotify of a top-level window (there is no window manager, so top-level
  windows are the root's children), with its WM_NAME;
- ReparentNotify of a root child moved elsewhere: an XEmbed tray host (trayer) adopting a
  tray icon. We then follow that window's own MapNotify, since the host maps it inside
  its socket, which root listeners never hear about.

Only this thread ever touches the Xlib connection, so no XInitThreads is needed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

Window = ctypes.c_ulong
Atom = ctypes.c_ulong

_UNMAP_NOTIFY = 18
_MAP_NOTIFY = 19
_REPARENT_NOTIFY = 21
_STRUCTURE_NOTIFY_MASK = 1 << 17
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_IS_VIEWABLE = 2
_XA_CARDINAL = 6
_SUCCESS = 0


class _XEvent(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("pad", ctypes.c_long * 24))


class _XMapEvent(ctypes.Structure):
    """XMapEvent; XUnmapEvent has the same layout up to ``window``."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", Window),
        ("window", Window),
        ("override_redirect", ctypes.c_int),
    )


class _XReparentEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", Window),
        ("window", Window),
        ("parent", Window),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("override_redirect", ctypes.c_int),
    )


class _XWindowAttributes(ctypes.Structure):
    _fields_ = (
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", Window),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    )


_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def _ignore_error(_display: int | None, _event: int | None) -> int:
    # Xlib's default handler EXITS the process; a window can vanish between the event and
    # our question about it (BadWindow). That's not worth dying for.
    return 0


_KEEP_HANDLER = _ErrorHandler(_ignore_error)


@dataclass(frozen=True)
class XRecord:
    """One observed event. ``kind``: "map", "unmap" or "embedded"."""

    kind: str
    window: int
    name: str
    pid: int | None
    monotonic: float
    wall: float


class XWatcher:
    def __init__(self, display_name: str) -> None:
        path = ctypes.util.find_library("X11")
        if path is None:
            raise RuntimeError("libX11 not found")
        self._x = ctypes.CDLL(path)
        self._declare()
        self._x.XSetErrorHandler(_KEEP_HANDLER)
        self._display = self._x.XOpenDisplay(display_name.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display_name}")
        self._root = self._x.XDefaultRootWindow(self._display)
        self._pid_atom = self._x.XInternAtom(self._display, b"_NET_WM_PID", False)
        self._x.XSelectInput(self._display, self._root, _SUBSTRUCTURE_NOTIFY_MASK)
        self._x.XFlush(self._display)
        self._records: list[XRecord] = []
        self._names: dict[int, str] = {}
        self._adopted: dict[int, int | None] = {}  # reparented window -> its pid
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="x11-watch", daemon=True)
        self._thread.start()

    def _declare(self) -> None:
        x = self._x
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        x.XDefaultRootWindow.restype = Window
        x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x.XInternAtom.restype = Atom
        x.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
        x.XSelectInput.argtypes = (ctypes.c_void_p, Window, ctypes.c_long)
        x.XFlush.argtypes = (ctypes.c_void_p,)
        x.XPending.argtypes = (ctypes.c_void_p,)
        x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
        x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(_XEvent))
        x.XFetchName.argtypes = (ctypes.c_void_p, Window, ctypes.POINTER(ctypes.c_void_p))
        x.XFree.argtypes = (ctypes.c_void_p,)
        x.XGetWindowAttributes.argtypes = (
            ctypes.c_void_p,
            Window,
            ctypes.POINTER(_XWindowAttributes),
        )
        x.XGetWindowProperty.argtypes = (
            ctypes.c_void_p,
            Window,
            Atom,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            Atom,
            ctypes.POINTER(Atom),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        )
        x.XSetErrorHandler.argtypes = (_ErrorHandler,)
        x.XSetErrorHandler.restype = ctypes.c_void_p

    # ---- queries (any thread) -------------------------------------------------------------

    def wait_for(
        self, accept: Callable[[XRecord], bool], after: float, timeout: float, what: str
    ) -> XRecord:
        """The first record since monotonic time ``after`` that ``accept`` takes."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for record in self._records:
                    if record.monotonic >= after and accept(record):
                        return record
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
                self._changed.wait(left)

    def wait_mapped(self, title: str, after: float, timeout: float = 20.0) -> XRecord:
        return self.wait_for(
            lambda r: r.kind == "map" and r.name == title, after, timeout, f"{title!r} mapped"
        )

    def wait_unmapped(self, window: int, after: float, timeout: float = 20.0) -> XRecord:
        return self.wait_for(
            lambda r: r.kind == "unmap" and r.window == window,
            after,
            timeout,
            f"window {window:#x} unmapped",
        )

    def wait_embedded(self, pid: int, after: float, timeout: float = 30.0) -> XRecord:
        return self.wait_for(
            lambda r: r.kind == "embedded" and r.pid == pid,
            after,
            timeout,
            f"a tray icon of process {pid} in the tray",
        )

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        if not self._thread.is_alive():
            self._x.XCloseDisplay(self._display)

    # ---- the watching thread --------------------------------------------------------------

    def _run(self) -> None:
        fd = self._x.XConnectionNumber(self._display)
        event = _XEvent()
        while not self._stop.is_set():
            if not self._x.XPending(self._display):
                select.select([fd], [], [], 0.2)
                continue
            self._x.XNextEvent(self._display, ctypes.byref(event))
            stamp = (time.monotonic(), time.time())
            self._handle(event, stamp)

    def _handle(self, event: _XEvent, stamp: tuple[float, float]) -> None:
        if event.type in (_MAP_NOTIFY, _UNMAP_NOTIFY):
            mapped = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XMapEvent)).contents
            window = int(mapped.window)
            if event.type == _MAP_NOTIFY and int(mapped.event) == window:
                # StructureNotify on an adopted tray icon: the host has just shown it.
                if window in self._adopted:
                    self._add("embedded", window, self._adopted.pop(window), stamp)
                return
            if int(mapped.event) != self._root:
                return
            if event.type == _MAP_NOTIFY:
                self._names[window] = self._name(window)
                self._add("map", window, None, stamp)
            else:
                self._add("unmap", window, None, stamp)
        elif event.type == _REPARENT_NOTIFY:
            moved = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_XReparentEvent)).contents
            window = int(moved.window)
            if int(moved.event) != self._root or int(moved.parent) == self._root:
                return
            pid = self._pid(window)
            # Listen first, then look: a map between the two can't be missed.
            self._x.XSelectInput(self._display, window, _STRUCTURE_NOTIFY_MASK)
            attributes = _XWindowAttributes()
            if (
                self._x.XGetWindowAttributes(self._display, window, ctypes.byref(attributes))
                and attributes.map_state == _IS_VIEWABLE
            ):
                self._add("embedded", window, pid, stamp)
            else:
                self._adopted[window] = pid

    def _add(self, kind: str, window: int, pid: int | None, stamp: tuple[float, float]) -> None:
        record = XRecord(kind, window, self._names.get(window, ""), pid, stamp[0], stamp[1])
        with self._changed:
            self._records.append(record)
            self._changed.notify_all()

    def _name(self, window: int) -> str:
        text = ctypes.c_void_p()
        if not self._x.XFetchName(self._display, window, ctypes.byref(text)) or not text.value:
            return ""
        try:
            raw = ctypes.cast(text, ctypes.c_char_p).value or b""
            return raw.decode("utf-8", "replace")
        finally:
            self._x.XFree(text)

    def _pid(self, window: int) -> int | None:
        actual_type = Atom()
        actual_format = ctypes.c_int()
        items = ctypes.c_ulong()
        after = ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self._x.XGetWindowProperty(
            self._display,
            window,
            self._pid_atom,
            0,
            1,
            False,
            _XA_CARDINAL,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != _SUCCESS or not data.value:
            return None
        try:
            # Format-32 properties come back as C longs, whatever their declared width.
            return int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong)).contents.value)
        finally:
            self._x.XFree(data)
