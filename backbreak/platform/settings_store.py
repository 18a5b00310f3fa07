"""Reading and writing settings.toml without ever losing what the user wrote.

A file that cannot be read as settings is copied to ``settings.toml.bak`` (or the next free
``.bak.N``) before anything else happens, the good values are used, and every problem is
returned for the user to see. Unknown keys are kept and written back. Writes are atomic.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import tempfile
import time
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from backbreak.core.settings import Problem, Settings, changed_mapping, settings_from_mapping
from backbreak.platform.safe_files import SETTINGS_MAX_BYTES, read_regular_file

log = logging.getLogger(__name__)

_HEADER = (
    "# backbreak settings. Only values that differ from the defaults are listed;\n"
    "# `backbreak settings` shows them all. Edit while backbreak is closed, or use its\n"
    "# settings window.\n\n"
)


@dataclass
class LoadedSettings:
    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    backup: Path | None = None
    """Where the original file was copied because some of it could not be used."""
    extra: dict[str, object] = field(default_factory=dict)
    """Keys this version does not know, kept so ``save_settings`` writes them back."""


def load_settings(path: Path) -> LoadedSettings:
    """Settings from ``path``; defaults when it does not exist. Never raises on bad content."""
    _remove_stale_temp_files(path)
    try:
        # Only a regular file, and not a huge one: a FIFO here would block for ever.
        raw = read_regular_file(path, SETTINGS_MAX_BYTES)
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as error:
        # Nothing to back up: we could not read it. Defaults keep the app usable.
        return LoadedSettings(Settings(), [Problem(path.name, f"cannot be read ({error})")])

    try:
        # utf-8-sig: Windows editors like to start a file with a byte-order mark.
        document = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        problem = Problem(path.name, f"is not UTF-8 text (byte {error.start}); defaults used")
        return LoadedSettings(Settings(), [problem], _backup(path, raw))
    except tomllib.TOMLDecodeError as error:
        problem = Problem(path.name, f"is not valid TOML ({error}); defaults used")
        return LoadedSettings(Settings(), [problem], _backup(path, raw))
    except RecursionError:
        # tomllib recurses once per level; a few hundred nested tables exhaust the stack.
        problem = Problem(path.name, "is nested too deeply to read; defaults used")
        return LoadedSettings(Settings(), [problem], _backup(path, raw))

    settings, problems = settings_from_mapping(document)
    known = {f.name for f in dataclasses.fields(Settings)} | {"schema_version"}
    extra = {}
    for key, value in document.items():
        if key in known:
            continue
        if _writable(key, value):
            extra[key] = value
        else:
            # Kept in the backup below; writing it back would make every save fail.
            problems.append(Problem(key, "nested too deeply to keep; left out of the file"))
    # Unknown keys survive the next save untouched; any other problem means a value is
    # about to be replaced by its default, so keep the original bytes first.
    backup = None
    if any(problem.key not in extra for problem in problems):
        backup = _backup(path, raw)
    return LoadedSettings(settings, problems, backup, extra)


def _writable(key: str, value: object) -> bool:
    try:
        tomli_w.dumps({key: value})
    except (RecursionError, ValueError, TypeError):
        return False
    return True


# A save that crashed between writing its temp file and renaming it leaves the temp file
# behind. One younger than this may belong to a save going on right now (the CLI reads
# settings while the app may be writing them).
_STALE_TEMP_SECONDS = 60.0


def _remove_stale_temp_files(path: Path) -> None:
    try:
        leftovers = list(path.parent.glob(f".{path.name}.*.tmp"))
    except OSError:
        return
    now = time.time()
    for leftover in leftovers:
        try:
            if now - leftover.lstat().st_mtime > _STALE_TEMP_SECONDS:
                leftover.unlink()
        except OSError as error:
            log.debug("could not remove %s: %s", leftover, error)


def _backup(path: Path, content: bytes) -> Path | None:
    """Copy ``content`` to the first free ``<name>.bak``, ``.bak.1``, …; never overwrites.

    If an existing backup already holds these exact bytes it is reused, so starting the
    app again and again with the same broken file does not pile up copies.
    """
    for number in range(1000):
        suffix = ".bak" if number == 0 else f".bak.{number}"
        candidate = path.with_name(path.name + suffix)
        try:
            with candidate.open("xb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            return candidate
        except FileExistsError:
            if _same_bytes(candidate, content):
                return candidate
        except OSError as error:
            log.error("could not back up %s to %s: %s", path, candidate, error)
            return None
    log.error("could not back up %s: too many backups already", path)
    return None


def _same_bytes(path: Path, content: bytes) -> bool:
    try:
        return path.read_bytes() == content
    except OSError:
        return False


def save_settings(
    path: Path, settings: Settings, extra: Mapping[str, object] | None = None
) -> None:
    """Write the changed settings (plus ``extra`` unknown keys) atomically to ``path``.

    Raises OSError when the file cannot be written; the previous file is then untouched.
    """
    document = changed_mapping(settings)
    for key, value in (extra or {}).items():
        document.setdefault(key, value)  # a known key always wins over a stale extra
    text = _HEADER + tomli_w.dumps(document)
    write_atomically(path, text.encode("utf-8"))


def write_atomically(path: Path, content: bytes) -> None:
    """Replace ``path`` with ``content`` so a crash leaves either the old or the new file.

    A symbolic link (a dotfile manager's) stays a link: the file it points at is replaced.
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temp file must be in the same folder: os.replace is only atomic within one
    # file system.
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file 0600; keep the mode the user's file already had.
        with contextlib.suppress(FileNotFoundError):
            temp.chmod(path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # The rename itself is only durable once the folder entry is flushed. Windows cannot
    # open a folder for fsync; its rename is journaled by NTFS anyway.
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
