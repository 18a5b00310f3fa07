"""Another process that holds backbreak's instance lock, for the lock tests."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_HOLD = (
    "import sys, pathlib\n"
    "from backbreak.platform.instance import InstanceGuard\n"
    "g = InstanceGuard(pathlib.Path(sys.argv[1]))\n"
    "print('locked' if g.acquire() else 'busy', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextmanager
def lock_held_elsewhere(lock: Path) -> Iterator[subprocess.Popen[str]]:
    """A child process that has taken ``lock`` and keeps it until it is killed or leaves."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
