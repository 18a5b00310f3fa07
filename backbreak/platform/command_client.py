"""The command line's side of the command socket: one JSON line out, one JSON line back.

On Unix the running app's ``QLocalServer`` is a plain Unix domain socket, so the standard
library talks to it: ``backbreak status`` or ``break-now`` then never loads Qt, which was
most of their run time (0.13-0.15 s of a ~0.2 s round trip). On Windows the server is a
named pipe that the standard library has no client for, so Qt's client is used there.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import time

from backbreak.platform.command_reply import parse_reply

# A reply is one short JSON line; a longer one is a broken or foreign server.
_MAX_REPLY_BYTES = 1024 * 1024


def send_command(
    name: str, cmd: str, args: dict[str, object] | None = None, timeout_ms: int = 3000
) -> dict[str, object] | None:
    """Send one command to the running instance and return its reply.

    Returns None when no instance is listening. A connected instance that does not
    answer in time gives ``{"ok": False, "error": ...}``.
    """
    if sys.platform == "win32":
        # QLocalServer listens on a named pipe on Windows; only Qt's client speaks it here.
        from backbreak.platform.instance import send_command as send_with_qt

        return send_with_qt(name, cmd, args, timeout_ms)
    line = json.dumps({"cmd": cmd, "args": args or {}}).encode("utf-8") + b"\n"
    return _send_unix(unix_socket_path(name), line, time.monotonic() + timeout_ms / 1000)


def unix_socket_path(name: str) -> str:
    """Where QLocalServer puts the socket for ``name`` on Unix: a full path is used as it
    is, any other name goes into Qt's temporary folder (``QDir::tempPath()``: ``$TMPDIR``,
    else ``/tmp``)."""
    if name.startswith("/"):
        return name
    temp = os.path.normpath(os.environ.get("TMPDIR") or "/tmp")
    return os.path.join(temp, name)


def _stranger_socket(path: str) -> str | None:
    """Why the socket at ``path`` must not get our commands, or None. A socket another
    user made (taking the name first) would receive them and could answer anything."""
    try:
        info = os.lstat(path)
    except OSError:
        return None  # nothing there: connect() says nobody is listening
    if stat.S_ISSOCK(info.st_mode) and info.st_uid != os.getuid():
        return f"the command socket {path} belongs to another user (uid {info.st_uid}); not used"
    return None


def _send_unix(path: str, line: bytes, deadline: float) -> dict[str, object] | None:
    refusal = _stranger_socket(path)
    if refusal is not None:
        return {"ok": False, "error": refusal}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        try:
            client.settimeout(_remaining(deadline))
            client.connect(path)
        except OSError:
            return None  # nobody listening: no socket file, refused, or not ours
        try:
            client.settimeout(_remaining(deadline))
            client.sendall(line)
        except OSError:
            return {"ok": False, "error": "could not send the command"}
        received = bytearray()
        try:
            while b"\n" not in received and len(received) <= _MAX_REPLY_BYTES:
                client.settimeout(_remaining(deadline))
                chunk = client.recv(4096)
                if not chunk:
                    break  # the server hung up
                received += chunk
        except OSError:  # socket.timeout included
            pass
    return parse_reply(bytes(received))


def _remaining(deadline: float) -> float:
    # A zero timeout would make the socket non-blocking; a tiny one still times out.
    return max(deadline - time.monotonic(), 0.001)
