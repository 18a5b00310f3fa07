"""The few Xlib calls we need, through ctypes (no python-xlib dependency).

Used by the X11 idle source (XScreenSaver extension) and the full-screen detector. One
display connection per user object, opened once and kept: opening a connection costs a
round trip and a file descriptor, and we read every 10 s.

Xlib's default error handler prints and EXITS the process on any protocol error, and a
window we ask about can vanish between two calls (BadWindow). We install a handler that
only counts errors, once per process. Qt talks to X through its own xcb connection, so
this handler never sees Qt's traffic.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

log = logging.getLogger(__name__)

# Xlib types on every platform where X11 runs: XID/Window/Atom are C ``unsigned long``.
Window = ctypes.c_ulong
Atom = ctypes.c_ulong
DisplayPtr = ctypes.c_void_p

SUCCESS = 0
ANY_PROPERTY_TYPE = 0


class XScreenSaverInfo(ctypes.Structure):
    """``XScreenSaverInfo`` from <X11/extensions/scrnsaver.h>, field for field:

    window (Window), state (int), kind (int), til_or_since (unsigned long),
    idle (unsigned long, ms since the last input), eventMask (unsigned long).
    """

    _fields_ = (
        ("window", Window),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


class XErrorEvent(ctypes.Structure):
    """``XErrorEvent`` from <X11/Xlib.h> (only read for logging)."""

    _fields_ = (
        ("type", ctypes.c_int),
        ("display", DisplayPtr),
        ("resourceid", ctypes.c_ulong),
        ("serial", ctypes.c_ulong),
        ("error_code", ctypes.c_ubyte),
        ("request_code", ctypes.c_ubyte),
        ("minor_code", ctypes.c_ubyte),
    )


_ERROR_HANDLER_TYPE = ctypes.CFUNCTYPE(ctypes.c_int, DisplayPtr, ctypes.POINTER(XErrorEvent))


@dataclass
class _ErrorCount:
    errors: int = 0


_error_count = _ErrorCount()


def _count_error(display: int | None, event: ctypes._Pointer[XErrorEvent]) -> int:
    _error_count.errors += 1
    return 0


# Kept at module level: ctypes callbacks must outlive every call Xlib makes into them.
_ERROR_HANDLER = _ERROR_HANDLER_TYPE(_count_error)


class XlibUnavailableError(Exception):
    """libX11 (or an extension library) is not installed or lacks a symbol."""


@dataclass
class _Loaded:
    """libX11, once loaded and declared (module state without ``global``)."""

    lib: ctypes.CDLL | None = None


_loaded = _Loaded()


def libx11() -> ctypes.CDLL:
    """libX11 with the signatures we use declared (loaded once)."""
    if _loaded.lib is not None:
        return _loaded.lib
    lib = load_library("X11")
    try:
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XOpenDisplay.restype = DisplayPtr
        lib.XCloseDisplay.argtypes = [DisplayPtr]
        lib.XDefaultRootWindow.argtypes = [DisplayPtr]
        lib.XDefaultRootWindow.restype = Window
        lib.XSetErrorHandler.argtypes = [_ERROR_HANDLER_TYPE]
        lib.XSetErrorHandler.restype = ctypes.c_void_p
        lib.XInternAtom.argtypes = [DisplayPtr, ctypes.c_char_p, ctypes.c_int]
        lib.XInternAtom.restype = Atom
        lib.XGetWindowProperty.argtypes = [
            DisplayPtr,
            Window,
            Atom,
            ctypes.c_long,  # offset, in 32-bit units
            ctypes.c_long,  # length, in 32-bit units
            ctypes.c_int,  # delete
            Atom,  # requested type
            ctypes.POINTER(Atom),  # actual type
            ctypes.POINTER(ctypes.c_int),  # actual format (8, 16, 32)
            ctypes.POINTER(ctypes.c_ulong),  # items
            ctypes.POINTER(ctypes.c_ulong),  # bytes after
            ctypes.POINTER(ctypes.c_void_p),  # data (free with XFree)
        ]
        lib.XGetWindowProperty.restype = ctypes.c_int
        lib.XGetInputFocus.argtypes = [
            DisplayPtr,
            ctypes.POINTER(Window),
            ctypes.POINTER(ctypes.c_int),
        ]
        lib.XQueryTree.argtypes = [
            DisplayPtr,
            Window,
            ctypes.POINTER(Window),  # root
            ctypes.POINTER(Window),  # parent
            ctypes.POINTER(ctypes.c_void_p),  # children (free with XFree)
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XQueryTree.restype = ctypes.c_int
        lib.XGetGeometry.argtypes = [
            DisplayPtr,
            Window,
            ctypes.POINTER(Window),  # root
            ctypes.POINTER(ctypes.c_int),  # x
            ctypes.POINTER(ctypes.c_int),  # y
            ctypes.POINTER(ctypes.c_uint),  # width
            ctypes.POINTER(ctypes.c_uint),  # height
            ctypes.POINTER(ctypes.c_uint),  # border width
            ctypes.POINTER(ctypes.c_uint),  # depth
        ]
        lib.XGetGeometry.restype = ctypes.c_int
        lib.XTranslateCoordinates.argtypes = [
            DisplayPtr,
            Window,
            Window,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(Window),
        ]
        lib.XTranslateCoordinates.restype = ctypes.c_int
        lib.XQueryPointer.argtypes = [
            DisplayPtr,
            Window,
            ctypes.POINTER(Window),  # root
            ctypes.POINTER(Window),  # child of the root under the pointer
            ctypes.POINTER(ctypes.c_int),  # root x
            ctypes.POINTER(ctypes.c_int),  # root y
            ctypes.POINTER(ctypes.c_int),  # window x
            ctypes.POINTER(ctypes.c_int),  # window y
            ctypes.POINTER(ctypes.c_uint),  # modifier mask
        ]
        lib.XQueryPointer.restype = ctypes.c_int
        lib.XFree.argtypes = [ctypes.c_void_p]
    except AttributeError as error:  # a stripped or odd libX11
        raise XlibUnavailableError(f"libX11 lacks {error}") from error
    lib.XSetErrorHandler(_ERROR_HANDLER)
    _loaded.lib = lib
    return lib


# The run-time names (sonames) of the libraries we load, tried first: find_library() runs
# `ldconfig -p` (or gcc) in a subprocess on every call, which cost start-up a few forks.
_SONAMES = {"X11": "libX11.so.6", "Xss": "libXss.so.1"}


def load_library(name: str) -> ctypes.CDLL:
    soname = _SONAMES.get(name)
    if soname is not None and sys.platform.startswith("linux"):
        try:
            return ctypes.CDLL(soname)
        except OSError:
            pass  # not under its usual name: ask the system below
    path = ctypes.util.find_library(name)
    if path is None:
        raise XlibUnavailableError(f"lib{name} is not installed")
    try:
        return ctypes.CDLL(path)
    except OSError as error:
        raise XlibUnavailableError(f"lib{name} could not be loaded: {error}") from error


def display_name(environ: Mapping[str, str]) -> str | None:
    name = environ.get("DISPLAY", "").strip()
    return name or None


class XDisplay:
    """One open connection to an X server; ``close()`` it when done."""

    def __init__(self, name: str) -> None:
        self.lib = libx11()
        pointer = self.lib.XOpenDisplay(name.encode())
        if not pointer:
            raise XlibUnavailableError(f"cannot open X display {name!r}")
        self.pointer: int | None = pointer
        self.name = name
        self.root: int = self.lib.XDefaultRootWindow(pointer)
        self._atoms: dict[str, int] = {}

    @property
    def handle(self) -> int:
        if self.pointer is None:
            raise XlibUnavailableError("the X display is closed")
        return self.pointer

    def close(self) -> None:
        if self.pointer is not None:
            self.lib.XCloseDisplay(self.pointer)
            self.pointer = None

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.lib.XInternAtom(self.handle, name.encode(), 0)
        return self._atoms[name]

    def property_longs(self, window: int, name: str, max_items: int = 64) -> list[int] | None:
        """A format-32 property (ATOM or WINDOW lists) as ints; None when absent/failed.

        Xlib hands format-32 data back as an array of C ``long`` (8 bytes on 64-bit
        Linux), not of 32-bit values: the classic trap when reading it through ctypes.
        """
        with self._property(window, name, max_items, wanted_format=32) as found:
            if found is None:
                return None
            data, items = found
            array = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [int(array[i]) for i in range(items)]

    def property_bytes(self, window: int, name: str, max_bytes: int = 1024) -> bytes | None:
        """A format-8 property (STRING such as WM_CLASS) as bytes; None when absent/failed."""
        # The length is counted in 32-bit units.
        with self._property(window, name, max_bytes // 4, wanted_format=8) as found:
            if found is None:
                return None
            data, items = found
            return ctypes.string_at(data, items)

    @contextmanager
    def _property(
        self, window: int, name: str, length: int, wanted_format: int
    ) -> Iterator[tuple[int, int] | None]:
        """``XGetWindowProperty``: (data pointer, item count) while in the block, or None
        when the property is absent, failed or of another format; Xlib's copy of the
        data is freed on leaving the block."""
        actual_type = Atom()
        actual_format = ctypes.c_int()
        items = ctypes.c_ulong()
        after = ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = self.lib.XGetWindowProperty(
            self.handle,
            window,
            self.atom(name),
            0,
            length,
            0,
            ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        try:
            if status != SUCCESS or not data.value or actual_format.value != wanted_format:
                yield None
            else:
                yield data.value, items.value
        finally:
            if data.value:
                self.lib.XFree(data)

    def input_focus(self) -> int:
        focus = Window()
        revert = ctypes.c_int()
        self.lib.XGetInputFocus(self.handle, ctypes.byref(focus), ctypes.byref(revert))
        return int(focus.value)

    def window_under_pointer(self) -> int | None:
        """The top-level window (child of the root) under the mouse pointer, if any."""
        root = Window()
        child = Window()
        numbers = [ctypes.c_int() for _ in range(4)]
        mask = ctypes.c_uint()
        self.lib.XQueryPointer(
            self.handle,
            self.root,
            ctypes.byref(root),
            ctypes.byref(child),
            *(ctypes.byref(number) for number in numbers),
            ctypes.byref(mask),
        )
        return int(child.value) or None

    def parent(self, window: int) -> int | None:
        root = Window()
        parent = Window()
        children = ctypes.c_void_p()
        count = ctypes.c_uint()
        ok = self.lib.XQueryTree(
            self.handle,
            window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        )
        if children.value:
            self.lib.XFree(children)
        if not ok:
            return None
        return int(parent.value)

    def geometry(self, window: int) -> tuple[int, int, int, int] | None:
        """(x, y, width, height) of ``window`` in root coordinates; None if it is gone."""
        root = Window()
        x = ctypes.c_int()
        y = ctypes.c_int()
        width = ctypes.c_uint()
        height = ctypes.c_uint()
        border = ctypes.c_uint()
        depth = ctypes.c_uint()
        ok = self.lib.XGetGeometry(
            self.handle,
            window,
            ctypes.byref(root),
            ctypes.byref(x),
            ctypes.byref(y),
            ctypes.byref(width),
            ctypes.byref(height),
            ctypes.byref(border),
            ctypes.byref(depth),
        )
        if not ok:
            return None
        # x/y from XGetGeometry are relative to the parent (a window manager's frame);
        # translate the origin to root coordinates.
        root_x = ctypes.c_int()
        root_y = ctypes.c_int()
        child = Window()
        if not self.lib.XTranslateCoordinates(
            self.handle,
            window,
            self.root,
            0,
            0,
            ctypes.byref(root_x),
            ctypes.byref(root_y),
            ctypes.byref(child),
        ):
            return None
        return root_x.value, root_y.value, int(width.value), int(height.value)
