"""How to start backbreak again from outside: the command a login item or a menu entry runs.

Autostart entries and menu entries outlive the shell that installed them and run without
the user's PATH (a desktop session often lacks ``~/.local/bin``, where pipx puts scripts),
so the command is an absolute path, resolved once from how this process was started.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

APP_ID = "io.github.backbreak.Backbreak"
"""Reverse-DNS id: the desktop file, metainfo, icon, LaunchAgent label and Flatpak id."""

SCRIPT_NAME = "backbreak"


def launch_command(
    argv0: str | None = None,
    executable: str | None = None,
    frozen: bool | None = None,
    which: Callable[[str], str | None] = shutil.which,
    platform: str = sys.platform,
) -> list[str]:
    """The argument list that starts the tray app the way this process was started.

    In order: a frozen bundle's own executable; the ``backbreak`` console script this
    process runs from (``sys.argv[0]``); a ``backbreak`` found on PATH; else the running
    interpreter with ``-m backbreak``. Every path is absolute.
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        # PyInstaller: sys.executable is the bundle's launcher, not a Python interpreter.
        return [str(Path(executable).absolute())]
    script = _console_script(argv0)
    if script is not None:
        return [script]
    found = which(SCRIPT_NAME)
    if found:
        return [str(Path(found).absolute())]
    return [_gui_interpreter(executable, platform), "-m", "backbreak"]


def _console_script(argv0: str) -> str | None:
    if not argv0:
        return None
    path = Path(argv0)
    # Windows console scripts are backbreak.exe; pip's launcher may also be -script.py.
    if path.stem.lower() not in (SCRIPT_NAME, f"{SCRIPT_NAME}-script"):
        return None
    if not path.is_file():
        return None
    return os.path.abspath(path)


def _gui_interpreter(executable: str, platform: str) -> str:
    # On Windows python.exe opens a console window that stays open as long as the app
    # runs; pythonw.exe next to it is the same interpreter without one.
    path = Path(executable).absolute()
    if platform == "win32" and path.name.lower() == "python.exe":
        windowless = path.with_name("pythonw.exe")
        if windowless.is_file():
            return str(windowless)
    return str(path)
