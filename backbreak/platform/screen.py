"""Can Qt open a screen here? Asked before any QApplication exists.

Qt does not report a screen it cannot open: it prints a raw xcb message and aborts the whole
process (exit 134). That happens with no display at all, with an X display that doesn't
answer, and when a library its xcb platform plugin needs is missing (``libxcb-cursor0`` on
many desktops since Qt 6.5). ``backbreak`` and ``backbreak doctor`` ask here first and say
what is wrong and what to install instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


class Closable(Protocol):
    def close(self) -> None: ...


@dataclass(frozen=True)
class ScreenProblem:
    reason: str
    advice: str


IN_SESSION_ADVICE = "Run this from inside your desktop session."
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)
_SONAME = re.compile(r"^(lib[\w.+-]*?)\.so\.(\d+)")


def screen_problem(
    env: Mapping[str, str], platform: str, keep_open: list[Closable] | None = None
) -> ScreenProblem | None:
    """Why Qt could not open a screen here, or None when it should (or we can't tell).

    An X server with no other client resets itself when its last client leaves (a bare
    Xvfb does), and a Qt connection made during the reset fails. Pass ``keep_open`` to
    receive the test connection instead of closing it, and close it once Qt is connected.
    """
    if platform in ("win32", "darwin"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").strip()
    if env.get("WAYLAND_DISPLAY") or (qpa and "xcb" not in qpa):
        # Wayland, offscreen, vnc...: not the xcb plugin's aborts; Qt reports these itself.
        return None
    name = env.get("DISPLAY", "").strip()
    if not name:
        return ScreenProblem(
            "no graphical session here (DISPLAY and WAYLAND_DISPLAY are not set)",
            IN_SESSION_ADVICE,
        )
    missing = missing_libraries(xcb_plugin())
    if missing:
        packages = ", ".join(debian_package(library) for library in missing)
        return ScreenProblem(
            f"Qt's X11 plugin can't load: {', '.join(missing)} not found",
            f"Install the missing libraries (Debian/Ubuntu packages: {packages}).",
        )
    from backbreak.platform.xlib import XDisplay, XlibUnavailableError

    try:
        display = XDisplay(name)
    except XlibUnavailableError as error:
        return ScreenProblem(f"the X display {name} does not answer ({error})", IN_SESSION_ADVICE)
    if keep_open is None:
        display.close()
    else:
        keep_open.append(display)
    return None


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin, where this Qt loads plugins from (None if not there)."""
    from PySide6.QtCore import QLibraryInfo  # QtCore alone never opens a screen

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    plugin = plugins / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(plugin: Path | None) -> list[str]:
    """The shared libraries ``plugin`` needs that the dynamic linker can't find.

    ``ldd`` lists the whole tree at once (a dlopen would stop at the first); without
    ``ldd`` or the plugin there is nothing to say.
    """
    ldd = shutil.which("ldd")
    if plugin is None or ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return not_found_in_ldd_output(done.stdout)


def not_found_in_ldd_output(output: str) -> list[str]:
    return sorted(set(_NOT_FOUND.findall(output)))


def debian_package(library: str) -> str:
    """The Debian/Ubuntu package that usually ships ``library`` (``libxcb-cursor.so.0`` ->
    ``libxcb-cursor0``): Debian names library packages after the soname."""
    match = _SONAME.match(library)
    if match is None:
        return library
    name, version = match.group(1).lower(), match.group(2)
    return f"{name}{'-' if name[-1].isdigit() else ''}{version}"


def describe(problem: ScreenProblem) -> str:
    """The problem as the command line says it: what, then what to do."""
    return f"backbreak: can't open a window: {problem.reason}.\n{problem.advice}"
