"""Logging to a rotating file in the platformdirs log folder (and warnings to stderr)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(log_file: Path, verbose: bool) -> None:
    root = logging.getLogger("backbreak")
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        # A read-only or full log folder must not keep the reminders from running.
        print(f"backbreak: can't write the log file {log_file}: {error}", file=sys.stderr)
        file_handler = logging.NullHandler()
    file_handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(file_handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("backbreak: %(levelname)s: %(message)s"))
    root.addHandler(console)
