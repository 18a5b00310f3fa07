"""Where backbreak keeps its files: one frozen value resolved once at start.

Normally the per-user folders from platformdirs; with ``--data-dir DIR`` (or the
``BACKBREAK_DATA_DIR`` environment variable) everything lives under that one folder, so
tests and end-to-end runs never touch the real home.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from backbreak.platform.private_files import FOLDER_MODE, make_private

log = logging.getLogger(__name__)

APP_NAME = "backbreak"
DATA_DIR_ENV = "BACKBREAK_DATA_DIR"

# sockaddr_un.sun_path holds 108 bytes on Linux and 104 on macOS/BSD, including the final
# NUL; QLocalServer fails to listen on a longer path. Stay safely under both.
_MAX_SOCKET_PATH_BYTES = 100


@dataclass(frozen=True)
class Paths:
    """The four base folders; every file path is derived from them."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def welcome_marker(self) -> Path:
        """Exists once the welcome window was shown: it comes only on the first start."""
        return self.config_dir / "welcome-shown"

    @property
    def user_catalog_dir(self) -> Path:
        return self.config_dir / "catalog"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "backbreak.log"

    @property
    def lock_file(self) -> Path:
        return self.runtime_dir / "backbreak.lock"

    @property
    def socket_name(self) -> str:
        """The QLocalServer name for this user and this set of folders."""
        return socket_name_for(self.runtime_dir)


def socket_name_for(runtime_dir: Path, platform: str = sys.platform) -> str:
    """The QLocalServer name for this user and this runtime folder.

    On Unix a full path is used as is by Qt, so the socket sits in our private runtime
    folder. When that path is too long for a Unix socket address (deep temp folders in
    tests), the socket goes into a per-user folder in the temp folder instead, named by a
    hash of the runtime folder; ``ensure_dirs`` creates that folder private, and the
    server and the command line refuse it if someone else owns or can write it (a bare
    name would land in world-writable /tmp, where another user could take it first).
    On Windows the name is a named pipe (Qt gives it a user-only ACL).
    """
    digest = hashlib.sha256(str(runtime_dir).encode("utf-8")).hexdigest()[:16]
    if platform == "win32":
        return f"{APP_NAME}-{digest}"
    full = str(runtime_dir / "backbreak.sock")
    if len(os.fsencode(full)) <= _MAX_SOCKET_PATH_BYTES:
        return full
    return str(_short_socket_folder() / f"{digest}.sock")


def _short_socket_folder() -> Path:
    return Path(tempfile.gettempdir()) / f"{APP_NAME}-{_user_tag()}"


# Kernel-made folders: creating backbreak's files there fails in confusing ways.
_SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))


def data_dir_problem(text: str) -> str | None:
    """Why ``text`` cannot be a data folder (for ``--data-dir`` and $BACKBREAK_DATA_DIR),
    or None. Checked before anything is created, so a bad value never leaves files in
    the current folder."""
    if not text.strip():
        return "the data folder is empty; give a folder name"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "the data folder's name is not valid UTF-8"
    try:
        folder = Path(text).expanduser()
    except RuntimeError:  # "~someone" naming no user: pathlib cannot find the home
        folder = Path(text)
    if str(folder).startswith("~"):
        return f"{text}: no such user's home folder"
    absolute = folder.absolute()
    if any(absolute == system or system in absolute.parents for system in _SYSTEM_FOLDERS):
        return f"{text} is a system folder; choose a folder of your own"
    if absolute.exists() and not absolute.is_dir():
        return f"{text} exists and is not a folder"
    return None


def resolve_paths(data_dir: Path | None = None, environ: Mapping[str, str] = os.environ) -> Paths:
    """The folders to use: ``data_dir`` if given, else ``$BACKBREAK_DATA_DIR``, else the
    platform's per-user folders. Creates nothing (see ``ensure_dirs``)."""
    if data_dir is None:
        from_env = environ.get(DATA_DIR_ENV, "").strip()
        if from_env:
            problem = data_dir_problem(from_env)
            if problem is not None:
                raise ValueError(f"{DATA_DIR_ENV}: {problem}")
            data_dir = Path(from_env)
    if data_dir is not None:
        # Absolute so the socket name and messages don't depend on the working folder.
        root = data_dir.expanduser().absolute()
        return Paths(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "log",
            runtime_dir=root / "run",
        )
    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        runtime_dir=_user_runtime_dir(),
    )


def _user_runtime_dir() -> Path:
    # Without $XDG_RUNTIME_DIR (cron, ssh, some containers) newer platformdirs warns and
    # falls back to a private folder in /tmp, or raises PermissionError when that folder
    # is not safely ours; older releases may return an empty value. A warning must not
    # reach the user as an error, and the app must still start, so note the reason in the
    # log and, if platformdirs gives up, use a private folder under our cache folder (it
    # is per-user and persistent, which is all the lock file and socket need).
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = platformdirs.user_runtime_dir(APP_NAME, appauthor=False)
        for warning in caught:
            log.info("runtime folder: %s", warning.message)
        if found:
            return Path(found)
    except OSError as error:
        log.warning("no usable runtime folder (%s); using one under the cache folder", error)
    try:
        cache = platformdirs.user_cache_dir(APP_NAME, appauthor=False)
    except OSError:  # no home folder at all: the temp folder is the last place left
        cache = os.path.join(tempfile.gettempdir(), f"{APP_NAME}-{_user_tag()}")
    return Path(cache) / "run"


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else os.environ.get("USERNAME", "user")


def ensure_dirs(paths: Paths) -> None:
    """Create the four folders, private to the user (0700), and take back any read access
    for others that existing folders and files there still give (see ``private_files``).
    A command socket outside the runtime folder (see ``socket_name_for``) gets its own
    private folder."""
    folders = [paths.config_dir, paths.data_dir, paths.log_dir, paths.runtime_dir]
    socket_folder = Path(paths.socket_name).parent
    if Path(paths.socket_name).is_absolute() and socket_folder != paths.runtime_dir:
        folders.append(socket_folder)
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    # mkdir's mode is filtered by the umask and ignored for an existing folder.
    make_private(folders)
