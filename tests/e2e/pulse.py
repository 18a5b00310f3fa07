"""A private PulseAudio server for the sound tests: null devices only, its own socket and
folders, so nothing reaches (or reads from) the machine's real sound setup."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.ci import unavailable
from tests.e2e.conftest import wait_for


def require_tools(needed: Mapping[str, str], purpose: str) -> None:
    """Skip locally, fail under CI, when a command of ``needed`` (command: Debian package)
    is missing."""
    missing = sorted({package for tool, package in needed.items() if not shutil.which(tool)})
    if missing:
        message = f"{purpose} need the Debian packages {' '.join(missing)}"
        unavailable(message)


@dataclass
class PulseServer:
    env: dict[str, str]
    """The environment that points PulseAudio clients at this server."""
    log: Path

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10, check=False
        )


@contextmanager
def private_pulseaudio(prefix: str, *modules: str) -> Iterator[PulseServer]:
    """A running server that loads ``modules`` (``-L`` arguments) and nothing else."""
    # A short private folder: the socket path must fit a sockaddr_un, and HOME/XDG dirs
    # pointing here keep the server away from any real user configuration.
    base = Path(tempfile.mkdtemp(prefix=prefix))
    socket = base / "native"
    env = dict(os.environ)
    env.update(HOME=str(base), XDG_RUNTIME_DIR=str(base), XDG_CONFIG_HOME=str(base / "config"))
    env["PULSE_SERVER"] = f"unix:{socket}"
    log = base / "pulseaudio.log"
    loads = [argument for module in modules for argument in ("-L", module)]
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--log-target=stderr", *loads,
                "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )  # fmt: skip
    pulse = PulseServer(env=env, log=log)
    try:
        try:
            wait_for(
                lambda: server.poll() is None and pulse.pactl("info").returncode == 0,
                what="the PulseAudio server",
            )
        except AssertionError as error:
            raise AssertionError(f"{error}\n{log.read_text(errors='replace')}") from None
        yield pulse
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(base, ignore_errors=True)
