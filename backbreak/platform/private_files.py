"""backbreak's files are the user's alone: folders 0700, files 0600 (POSIX).

History says when someone was at their desk; settings and the log say more. New files
are private through the process umask (``restrict_new_files``, set once at start);
``make_private`` tightens folders and files an older version (or a umask of 022) left
readable by others. Symbolic links are left alone: what they point at belongs to
whoever set them up (a dotfile manager), and only the user's own files are touched.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_OTHERS = 0o077


def restrict_new_files() -> None:
    """Every file and folder this process creates from now on is private to the user."""
    if os.name == "posix":
        os.umask(_OTHERS)


def make_private(folders: Iterable[Path]) -> None:
    """Make each folder 0700 and the files directly in it (and in its sub-folders one
    level down, e.g. the user's catalog folder) 0600; logs what it could not change."""
    if os.name != "posix":
        return
    for folder in folders:
        _tighten(folder, FOLDER_MODE)
        try:
            children = list(folder.iterdir())
        except OSError as error:
            log.warning("could not list %s to make it private: %s", folder, error)
            continue
        for child in children:
            if child.is_dir() and not child.is_symlink():
                _tighten(child, FOLDER_MODE)
                try:
                    grandchildren = list(child.iterdir())
                except OSError:
                    continue
                for item in grandchildren:
                    _tighten(item, FILE_MODE)
            else:
                _tighten(child, FILE_MODE)


def _tighten(path: Path, wanted: int) -> None:
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return
        if not (stat.S_ISDIR(info.st_mode) or stat.S_ISREG(info.st_mode)):
            return  # a socket or a FIFO: not ours to change
        mode = stat.S_IMODE(info.st_mode)
        if mode & _OTHERS:
            # Keep the owner's own bits (an executable stays executable for them).
            path.chmod((mode & ~_OTHERS) | (wanted & 0o700))
    except OSError as error:
        log.warning("could not make %s private: %s", path, error)


def folder_problem(folder: Path) -> str | None:
    """Why ``folder`` is not safe for our command socket, or None: it must be a real
    folder (not a link) that belongs to this user and that nobody else can write to."""
    if os.name != "posix":
        return None
    try:
        info = folder.lstat()
    except OSError as error:
        return f"cannot check {folder}: {error}"
    if not stat.S_ISDIR(info.st_mode):
        return f"{folder} is not a folder"
    if info.st_uid != os.getuid():
        return f"{folder} belongs to another user (uid {info.st_uid})"
    if stat.S_IMODE(info.st_mode) & 0o022:
        return f"others can write to {folder}"
    return None
