"""Read a user's file without trusting what sits at its path.

A FIFO or a device where a settings, catalog or picture file should be would block the
GUI thread forever on ``read_bytes()``, and a huge file would cost memory and seconds.
``read_regular_file`` opens without blocking, refuses anything but a regular file, and
reads at most a given number of bytes. Symbolic links are followed (dotfile managers
link settings files), but what they point at must be a regular file too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

SETTINGS_MAX_BYTES = 1024 * 1024
CATALOG_MAX_BYTES = 4 * 1024 * 1024
ILLUSTRATION_MAX_BYTES = 2 * 1024 * 1024


class UnsafeFileError(OSError):
    """The path is not a regular file, or the file is too large to read."""


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; raises ``FileNotFoundError`` and other ``OSError``s as
    ``read_bytes`` would, ``UnsafeFileError`` for a non-regular or too large file."""
    # O_NONBLOCK: opening a FIFO without a writer would otherwise wait for one.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise UnsafeFileError(
                f"{path} is too large ({info.st_size} bytes; at most {max_bytes} are read)"
            )
        chunks: list[bytes] = []
        total = 0
        # A file may grow while it is read; never take more than the limit.
        while chunk := os.read(descriptor, min(1024 * 1024, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise UnsafeFileError(f"{path} is too large (more than {max_bytes} bytes)")
        return b"".join(chunks)
    finally:
        os.close(descriptor)
