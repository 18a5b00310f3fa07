"""A menu entry for installs that have none: ``pipx install backbreak`` on a Linux desktop.

Distribution and Flatpak packages install the desktop file and icons system-wide. A wheel
can't, so ``backbreak install-desktop-entry`` copies the shipped desktop file (with its
Exec lines pointing at this install's command) and the hicolor icons into the user's data
folder, where every freedesktop menu and launcher looks.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources.abc import Traversable
from pathlib import Path

from backbreak import bundled
from backbreak.platform import desktop_file
from backbreak.platform.launch import APP_ID, launch_command

DESKTOP_FILE_NAME = f"{APP_ID}.desktop"


class DesktopEntryError(Exception):
    """The menu entry could not be installed or removed; the message is for the user."""


def desktop_resources() -> Traversable:
    """The shipped ``desktop/`` folder: desktop file, metainfo and hicolor icons."""
    return bundled.resource_root().joinpath("desktop")


def default_data_home(environ: Mapping[str, str] = os.environ, home: Path | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative."""
    value = environ.get("XDG_DATA_HOME", "").strip()
    if os.path.isabs(value):
        return Path(value)
    return (home if home is not None else Path.home()) / ".local" / "share"


def desktop_entry_text(command: Sequence[str]) -> str:
    """The shipped desktop file with every Exec (and TryExec) running ``command``.

    Actions keep their own arguments after the program (``backbreak break-now`` becomes
    ``/home/me/.local/bin/backbreak break-now``).
    """
    template = desktop_resources().joinpath(DESKTOP_FILE_NAME).read_text(encoding="utf-8")
    lines = template.splitlines()
    out: list[str] = []
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and key.strip() == "Exec":
            extra = desktop_file.parse_exec(value.strip())[1:]
            out.append(f"Exec={desktop_file.exec_value([*command, *extra])}")
        elif sep and key.strip() == "TryExec":
            # TryExec names one file, not a command line: the program alone, unquoted.
            out.append(f"TryExec={desktop_file.escape_string(command[0])}")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _icon_files() -> list[tuple[str, Traversable]]:
    """(hicolor size folder, shipped icon file) for every icon we ship."""
    hicolor = desktop_resources().joinpath("hicolor")
    found: list[tuple[str, Traversable]] = []
    for size_dir in sorted(hicolor.iterdir(), key=lambda item: item.name):
        for suffix in (".png", ".svg"):
            # One segment per joinpath: a MultiplexedPath on Python 3.11 takes only one.
            icon = size_dir.joinpath("apps").joinpath(f"{APP_ID}{suffix}")
            if icon.is_file():
                found.append((size_dir.name, icon))
    return found


def _targets(data_home: Path, extra_files: Iterable[str]) -> list[Path]:
    targets = [data_home / "applications" / DESKTOP_FILE_NAME]
    for size, icon in _icon_files():
        targets.append(data_home / "icons" / "hicolor" / size / "apps" / icon.name)
    targets += [data_home / relative for relative in extra_files]
    return targets


def install_desktop_entry(
    data_home: Path | None = None,
    command: Sequence[str] | None = None,
    platform: str = sys.platform,
    extra_files: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Install the menu entry and icons for this user; returns the files written.

    ``extra_files`` (path relative to the data folder: content) go along, such as the shell
    completions. Running it again refreshes them (after an upgrade or a move of the install).
    """
    if platform in ("win32", "darwin"):
        raise DesktopEntryError(
            "Menu entries are for Linux desktops; on Windows and macOS use the app bundle."
        )
    data_home = data_home if data_home is not None else default_data_home()
    argv = list(command) if command is not None else launch_command(platform=platform)
    written: list[Path] = []
    try:
        entry = data_home / "applications" / DESKTOP_FILE_NAME
        entry.parent.mkdir(parents=True, exist_ok=True)
        _write(entry, desktop_entry_text(argv).encode("utf-8"))
        written.append(entry)
        for size, icon in _icon_files():
            target = data_home / "icons" / "hicolor" / size / "apps" / icon.name
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, icon.read_bytes())
            written.append(target)
        for relative, content in (extra_files or {}).items():
            target = data_home / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _write(target, content)
            written.append(target)
    except OSError as error:
        raise DesktopEntryError(f"Can't install the menu entry: {error}") from error
    # No update-desktop-database / gtk-update-icon-cache: the desktop file declares no
    # MIME types, and menus and icon themes watch these folders (a user hicolor folder
    # normally has no icon cache to go stale).
    return written


def uninstall_desktop_entry(
    data_home: Path | None = None, extra_files: Iterable[str] = ()
) -> list[Path]:
    """Remove what ``install_desktop_entry`` wrote (only our own file names)."""
    data_home = data_home if data_home is not None else default_data_home()
    removed: list[Path] = []
    for target in _targets(data_home, extra_files):
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(f"Can't remove {target}: {error}") from error
        removed.append(target)
    return removed


def _write(path: Path, data: bytes) -> None:
    # Write beside and rename, so a menu that re-reads the folder never sees half a file.
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    os.replace(temp, path)
