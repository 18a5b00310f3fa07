"""Who is on the other end of a Unix domain socket: the peer's user id from the kernel.

The command socket lives in a folder only this user can enter, but that is one line of
defence; every connection is also checked against the kernel's record of who opened it,
so a socket reachable by mistake (a loosened folder, a bind mount) still obeys only us.
"""

from __future__ import annotations

import os
import socket
import struct
import sys

# struct ucred { pid_t pid; uid_t uid; gid_t gid; } on Linux.
_UCRED = struct.Struct("3i")
# macOS and the BSDs: getsockopt(SOL_LOCAL = 0, LOCAL_PEERCRED = 1) gives a struct xucred
# whose second field (after a u_int version) is the uid.
_SOL_LOCAL = 0
_LOCAL_PEERCRED = 1
_XUCRED_HEAD = struct.Struct("Ii")


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of the connected Unix socket
    ``descriptor``; None where the platform cannot tell (then the folder's mode is the
    only guard)."""
    if descriptor < 0 or os.name != "posix":
        return None
    # fromfd duplicates the descriptor; the caller's stays open and unchanged.
    with socket.fromfd(descriptor, socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        try:
            if hasattr(socket, "SO_PEERCRED"):
                raw = peer.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
                return int(_UCRED.unpack(raw)[1])
            if sys.platform == "darwin" or "bsd" in sys.platform:
                raw = peer.getsockopt(_SOL_LOCAL, _LOCAL_PEERCRED, 256)
                return int(_XUCRED_HEAD.unpack_from(raw)[1])
        except OSError:
            return None
    return None
