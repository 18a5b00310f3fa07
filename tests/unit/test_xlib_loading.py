"""Loading libX11 and libXss by their sonames: no ldconfig subprocess at start-up."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from backbreak.platform import xlib


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sonames are a Linux matter")
def test_x_libraries_load_without_asking_ldconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_subprocess(name: str) -> str | None:
        raise AssertionError(f"find_library({name!r}) runs ldconfig in a subprocess")

    monkeypatch.setattr(ctypes.util, "find_library", no_subprocess)
    assert xlib.load_library("X11").XOpenDisplay is not None
    assert xlib.load_library("Xss").XScreenSaverQueryInfo is not None


def test_a_library_without_a_known_soname_is_still_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def find(name: str) -> str | None:
        asked.append(name)
        return None

    monkeypatch.setattr(ctypes.util, "find_library", find)
    with pytest.raises(xlib.XlibUnavailableError, match="libNoSuchThing is not installed"):
        xlib.load_library("NoSuchThing")
    assert asked == ["NoSuchThing"]
