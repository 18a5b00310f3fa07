"""One running backbreak per user, and a small command channel to it.

``InstanceGuard`` (a ``QLockFile``) decides who is the instance; ``CommandServer`` (a
user-only ``QLocalServer``) lets the CLI talk to it with one JSON line each way.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from backbreak.platform.command_reply import parse_reply
from backbreak.platform.peer_credentials import peer_uid
from backbreak.platform.private_files import folder_problem

_log = logging.getLogger("backbreak.instance")

Handler = Callable[[str, dict[str, object]], dict[str, object]]

# A request is one short JSON line; anything larger is a client bug or an attack.
_MAX_REQUEST_BYTES = 64 * 1024
# A client that connects and never finishes its line must not hold a socket forever.
_CLIENT_IDLE_MS = 5000
# Clients served at once. Every one holds a file descriptor; when they run out, Qt's
# accept() fails and QLocalServer closes itself for good. Over the cap the client that
# has waited longest is dropped, so a pile of idle connections cannot lock commands out.
MAX_CLIENTS = 16
# Warnings about dropped or refused clients: at most one line per period, with a count,
# so a local process cannot flood the log.
_WARNING_PERIOD_S = 60.0


class _RateLimitedWarning:
    """Logs the first occurrence, then at most one summary line per period."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._last: float | None = None
        self._suppressed = 0

    def __call__(self) -> None:
        now = time.monotonic()
        if self._last is not None and now - self._last < _WARNING_PERIOD_S:
            self._suppressed += 1
            return
        extra = f" ({self._suppressed} more since the last report)" if self._suppressed else ""
        _log.warning("%s%s", self._text, extra)
        self._last = now
        self._suppressed = 0


class InstanceGuard:
    """The single-instance lock. ``acquire()`` once at start; the lock lives until
    ``release()`` or process exit.

    When ``acquire()`` fails, ``problem`` says why if it is not simply another live
    backbreak holding the lock (a lock that cannot be created, or a stale one that
    cannot be removed): the caller must not then claim that backbreak is running.
    """

    def __init__(self, lock_path: Path) -> None:
        self._path = lock_path
        self.problem: str | None = None
        try:
            lock_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self.problem = f"cannot create the folder for the lock file {lock_path}: {error}"
        self._lock = QLockFile(str(lock_path))
        # The default stale time (30 s) would let a second copy steal the lock from a
        # first one that has been running for weeks. 0 = never stale because of age;
        # only a dead owner makes it stale.
        self._lock.setStaleLockTime(0)

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        if self.problem is not None:
            return False
        if self._path.exists() and not self._path.is_file():
            self.problem = f"the lock file {self._path} is not a file; remove it"
            return False
        if self._lock.tryLock(100):
            return True
        error = self._lock.error()
        if error != QLockFile.LockError.LockFailedError:
            reason = (
                "permission denied"
                if error == QLockFile.LockError.PermissionError
                else "the folder may be full or read-only"
            )
            self.problem = f"cannot create the lock file {self._path} ({reason})"
            return False
        if self._owner_is_alive():
            return False
        # Empty, garbage, left by a dead process, or naming a pid now used by some other
        # program: no backbreak holds it.
        _log.info("Removing stale lock file %s (pid %s)", self._path, self.owner_pid())
        self._lock.removeStaleLockFile()
        if self._lock.tryLock(100):
            return True
        self.problem = f"the stale lock file {self._path} could not be replaced; remove it"
        return False

    def _owner_is_alive(self) -> bool:
        if sys.platform == "win32":
            # Qt's own check (which does work there) already ran inside tryLock.
            pid = self.owner_pid()
            return pid is None or _pid_alive(pid)
        # Qt holds an flock() on the lock file for as long as it holds the lock, so that
        # lock, not the pid written in the file (reused, or unreadable), says whether the
        # owner lives. Qt takes it right after creating the file: ask twice, a moment
        # apart, so an instance starting just now is not mistaken for a stale lock.
        for attempt in range(2):
            if attempt:
                time.sleep(0.2)
            if _flocked(self._path):
                return True
        return False

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()
        # PySide6 returns (ok, pid, hostname, appname) or (pid, hostname, appname)
        # depending on version; the pid is the first int after the optional flag.
        values = list(info) if isinstance(info, tuple) else [info]
        if values and isinstance(values[0], bool):
            if not values[0]:
                return None
            values = values[1:]
        pid = values[0] if values else None
        return pid if isinstance(pid, int) and pid > 0 else None

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


def _flocked(path: Path) -> bool:
    """Whether some process holds an flock() on ``path`` (POSIX)."""
    import fcntl  # POSIX only; imported here so the module loads on Windows

    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False  # gone: nobody holds it
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)  # also lets go of our own probe lock
    return False


def _pid_alive(pid: int) -> bool:
    if sys.platform == "win32":
        # os.kill(pid, 0) TERMINATES the process on Windows; Qt's own check (which does
        # work there) already ran inside tryLock, so report "alive" and keep the lock.
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


class CommandServer(QObject):
    """Answers ``{"cmd": ..., "args": {...}}`` lines with the handler's JSON reply.

    Fully event-driven (``readyRead``); it never blocks the GUI thread.
    """

    def __init__(
        self, name: str, handler: Handler, guard: InstanceGuard, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._handler = handler
        self._guard = guard
        self._server = QLocalServer(self)
        # Only this user may connect (socket file mode 0700 on Unix, ACL on Windows).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)
        # The clients being served, oldest first; each one is dropped (and its socket
        # freed) once it hung up.
        self._connections: dict[_Connection, None] = {}
        self._dropping: set[_Connection] = set()
        self._serving = False  # listening was asked for and worked (see ensure_listening)
        self._warn_stranger = _RateLimitedWarning("Refused an IPC client of another user")
        self._warn_crowd = _RateLimitedWarning(
            f"More than {MAX_CLIENTS} IPC clients at once; dropped the oldest"
        )
        self._warn_idle = _RateLimitedWarning("Dropped an IPC client that sent no complete request")

    def listen(self) -> bool:
        if not self._guard.held:
            # Removing the socket is only safe for the lock holder: otherwise we would
            # delete a live instance's socket and orphan it.
            raise RuntimeError("CommandServer.listen() needs the instance lock")
        if os.path.isabs(self._name) and sys.platform != "win32":
            # Anyone who can write to the socket's folder could put their own socket there
            # for our commands line to talk to; such a folder is not used at all.
            problem = folder_problem(Path(self._name).parent)
            if problem is not None:
                _log.error("Not listening on %s: %s", self._name, problem)
                return False
        # A crash leaves the Unix socket file behind and listen() would fail on it.
        QLocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            _log.error("Cannot listen on %s: %s", self._name, self._server.errorString())
            return False
        self._serving = True
        return True

    def close(self) -> None:
        self._serving = False
        self._server.close()

    def ensure_listening(self) -> bool:
        """Listen again if the server stopped (Qt closes it for good when accept() fails,
        e.g. out of file descriptors); call it now and then. True when listening."""
        if self._server.isListening() or not self._serving:
            return self._server.isListening()
        _log.warning("The command socket had stopped; listening again on %s", self._name)
        return self.listen()

    @property
    def open_connections(self) -> int:
        """Clients connected now (each is dropped once it hung up)."""
        return len(self._connections) + len(self._dropping)

    def _on_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                continue
            uid = peer_uid(int(socket.socketDescriptor()))
            if uid is not None and uid != os.getuid():
                self._warn_stranger()
                socket.setParent(None)
                socket.abort()
                continue
            if len(self._connections) >= MAX_CLIENTS:
                self._warn_crowd()
                oldest = next(iter(self._connections))
                # Kept until it has hung up, but no longer counted as served.
                del self._connections[oldest]
                self._dropping.add(oldest)
                oldest.drop()
            connection = _Connection(socket, self._handler, self._forget, self._warn_idle)
            self._connections[connection] = None
            connection.start()

    def _forget(self, connection: _Connection) -> None:
        # Runs from the event loop, never inside one of the socket's own signals: dropping
        # the last reference deletes the socket (Python owns it, see _Connection).
        self._connections.pop(connection, None)
        self._dropping.discard(connection)


class _Connection:
    """One client: read a line, answer a line, hang up.

    Who owns what, and why: a socket from ``nextPendingConnection()`` is a C++ child of
    the QLocalServer, and PySide keeps its Python wrapper in the server wrapper's list of
    children. ``deleteLater()`` frees the C++ socket but never that list entry, so every
    command used to leave a dead wrapper behind, with its slot connections (about 1 KB a
    command, for good). Here the socket is taken out of the Qt parent tree at once, so
    Python owns it: this object holds the only reference, the server holds this object
    until the client hung up, and the socket is freed with it.
    """

    def __init__(
        self,
        socket: QLocalSocket,
        handler: Handler,
        forget: Callable[[_Connection], None],
        warn_idle: Callable[[], None],
    ) -> None:
        socket.setParent(None)
        self._warn_idle = warn_idle
        self._socket: QLocalSocket | None = socket
        self._handler = handler
        self._forget = forget
        self._buffer = bytearray()
        self._answered = False
        self._idle: QTimer | None = QTimer()
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._on_disconnected)

    def start(self) -> None:
        if self._idle is not None:
            self._idle.start(_CLIENT_IDLE_MS)
        self._on_ready_read()

    def _on_ready_read(self) -> None:
        if self._answered or self._socket is None:
            return
        self._buffer += bytes(self._socket.readAll().data())
        newline = self._buffer.find(b"\n")
        if newline < 0:
            if len(self._buffer) > _MAX_REQUEST_BYTES:
                self._reply({"ok": False, "error": "request too long"})
            return
        self._reply(_answer(bytes(self._buffer[:newline]), self._handler))

    def _reply(self, reply: dict[str, object]) -> None:
        self._answered = True
        self._buffer = bytearray()
        if self._idle is not None:
            self._idle.stop()
        if self._socket is None:
            return
        self._socket.write(json.dumps(reply).encode("utf-8") + b"\n")
        # Waits for the pending bytes to be written before closing.
        self._socket.disconnectFromServer()

    def _on_idle(self) -> None:
        self._warn_idle()
        self.drop()

    def drop(self) -> None:
        """Hang up on the client at once (it took too long, or too many are waiting)."""
        if self._socket is not None:
            self._socket.abort()

    def _on_disconnected(self) -> None:
        if self._socket is None:
            return  # already done (abort() and the peer's hang-up can both report it)
        if self._idle is not None:
            self._idle.stop()
        # Cut the slot connections so nothing here keeps the socket or this object alive,
        # then let go from the event loop: freeing a socket inside its own signal is unsafe.
        self._socket.readyRead.disconnect(self._on_ready_read)
        self._socket.disconnected.disconnect(self._on_disconnected)
        QTimer.singleShot(0, self._release)

    def _release(self) -> None:
        self._socket = None
        self._idle = None
        self._forget(self)


def _answer(line: bytes, handler: Handler) -> dict[str, object]:
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: not JSON, or a number with more digits than Python converts;
        # RecursionError: arrays or objects nested thousands deep.
        return {"ok": False, "error": "request is not a JSON line"}
    if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
        return {"ok": False, "error": 'request needs a "cmd" string'}
    args = request.get("args", {})
    if not isinstance(args, dict):
        return {"ok": False, "error": '"args" must be an object'}
    try:
        return handler(request["cmd"], args)
    except Exception:
        _log.exception("IPC command %r failed", request["cmd"])
        return {"ok": False, "error": "the command failed; see the log"}


def send_command(
    name: str, cmd: str, args: dict[str, object] | None = None, timeout_ms: int = 3000
) -> dict[str, object] | None:
    """Send one command to the running instance with Qt's client and return its reply.

    The command line uses ``backbreak.platform.command_client`` instead, which needs Qt
    only where the platform does (Windows named pipes).

    Returns None when no instance is listening. A connected instance that does not
    answer in time gives ``{"ok": False, "error": ...}``.

    Uses the blocking ``waitFor*`` calls: fine in the short-lived CLI process and it
    needs no QCoreApplication or event loop (tests/gui/test_instance.py runs it in a
    bare subprocess to prove it). Call it from the CLI process, not from a worker thread
    of a process running a Qt event loop.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not _wait(socket.waitForConnected, deadline, socket):
            return None  # nobody listening (no socket file, or refused)
        line = json.dumps({"cmd": cmd, "args": args or {}}).encode("utf-8") + b"\n"
        socket.write(line)
        if not _wait(socket.waitForBytesWritten, deadline, socket):
            return {"ok": False, "error": "could not send the command"}
        received = bytearray()
        while b"\n" not in received:
            ready = _wait(socket.waitForReadyRead, deadline, socket)
            # The reply may arrive together with the server hanging up.
            received += bytes(socket.readAll().data())
            if not ready:
                break
        return parse_reply(bytes(received))
    finally:
        socket.abort()


# PySide6 keeps the GIL during waitFor*(): one long wait in a worker thread would freeze
# every Python slot of the process, including an in-process server (seen in the tests:
# the reply came only after the client's wait timed out). Short slices let the
# interpreter switch threads between them.
_SLICE_MS = 20


def _wait(wait_for: Callable[[int], bool], deadline: float, socket: QLocalSocket) -> bool:
    while socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        remaining_ms = int((deadline - time.monotonic()) * 1000)
        if remaining_ms <= 0:
            return False
        if wait_for(min(_SLICE_MS, remaining_ms)):
            return True
    return False
