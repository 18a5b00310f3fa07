"""Running a small helper program (dunstctl, pactl, ...) from the GUI thread, bounded.

The Do Not Disturb and call detectors ask such programs only when a prompt is due; a stuck
one must not hang the GUI thread for long, and a missing or failing one is an answer
("can't tell"), never an exception.
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

COMMAND_TIMEOUT = 2.0
"""A stuck helper program must not hang the GUI thread for long."""

RunCommand = Callable[[Sequence[str]], str | None]
"""Runs a program; its stdout, or None when it could not run, failed or timed out."""


def run_command(argv: Sequence[str]) -> str | None:
    """stdout of ``argv``, or None when it could not run, failed or timed out."""
    try:
        result = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.debug("%s failed: %s", argv[0], error)
        return None
    if result.returncode != 0:
        return None
    return result.stdout
