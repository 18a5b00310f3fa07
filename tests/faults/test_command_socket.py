"""The command socket under attack and under strain: hostile requests, a crowd of idle
clients, descriptors running out, another local user, and bad lock states."""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backbreak.platform.command_client import send_command
from backbreak.platform.instance import MAX_CLIENTS, CommandServer, InstanceGuard

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix domain sockets")


def _echo(cmd: str, args: dict[str, object]) -> dict[str, object]:
    return {"ok": True, "cmd": cmd}


@pytest.fixture
def served(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[str, CommandServer, list[str]]]:
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    guard = InstanceGuard(run / "backbreak.lock")
    assert guard.acquire()
    asked: list[str] = []

    def handler(cmd: str, args: dict[str, object]) -> dict[str, object]:
        asked.append(cmd)
        return _echo(cmd, args)

    name = str(run / "backbreak.sock")
    server = CommandServer(name, handler, guard)
    assert server.listen()
    yield name, server, asked
    server.close()
    guard.release()


def _raw(name: str, payload: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(name)
        client.sendall(payload)
        received = b""
        while b"\n" not in received:
            chunk = client.recv(4096)
            if not chunk:
                break
            received += chunk
        return received


def _beside_loop(qtbot: QtBot, call: Callable[[], object]) -> object:
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=20000)
    return result[0]


@pytest.mark.parametrize(
    "payload",
    [
        b"[" * 20000 + b"]" * 20000 + b"\n",
        b'{"cmd": "status", "args": {"a": ' + b"[" * 20000 + b"]" * 20000 + b"}}\n",
        b'{"cmd": "status", "args": {"n": ' + b"9" * 5000 + b"}}\n",
        b"\xff\xfe\n",
        b"x" * 70000,
    ],
    ids=["deep", "deep-args", "huge-number", "not-utf8", "too-long"],
)
def test_a_hostile_request_gets_an_error_reply_and_the_server_carries_on(
    qtbot: QtBot, served: tuple[str, CommandServer, list[str]], payload: bytes
) -> None:
    name, _server, asked = served
    reply = _beside_loop(qtbot, lambda: _raw(name, payload))
    assert isinstance(reply, bytes)
    assert json.loads(reply)["ok"] is False
    assert asked == []
    assert _beside_loop(qtbot, lambda: send_command(name, "status")) == {
        "ok": True,
        "cmd": "status",
    }


def test_a_crowd_of_idle_clients_neither_locks_commands_out_nor_floods_the_log(
    qtbot: QtBot,
    served: tuple[str, CommandServer, list[str]],
    caplog: pytest.LogCaptureFixture,
) -> None:
    name, server, _asked = served
    idle: list[socket.socket] = []

    def crowd() -> None:
        # Beside the event loop: a full listen backlog blocks connect() until the
        # server accepts.
        for _ in range(MAX_CLIENTS * 6):
            client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            idle.append(client)
            client.connect(name)  # blocking: a timeout makes a full backlog fail at once

    try:
        _beside_loop(qtbot, crowd)
        qtbot.waitUntil(lambda: server.open_connections <= MAX_CLIENTS, timeout=10000)
        reply = _beside_loop(qtbot, lambda: send_command(name, "status", timeout_ms=10000))
        assert reply == {"ok": True, "cmd": "status"}
    finally:
        for client in idle:
            client.close()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert 1 <= len(warnings) <= 2, [r.getMessage() for r in warnings]


def test_a_server_that_stopped_is_brought_back(
    qtbot: QtBot, served: tuple[str, CommandServer, list[str]]
) -> None:
    name, server, _asked = served
    # What Qt does itself when accept() fails (out of file descriptors): close for good.
    server._server.close()
    assert _beside_loop(qtbot, lambda: send_command(name, "status", timeout_ms=500)) is None
    assert server.ensure_listening()
    assert _beside_loop(qtbot, lambda: send_command(name, "status")) == {
        "ok": True,
        "cmd": "status",
    }


_SERVER_WITH_FEW_DESCRIPTORS = """
import resource, sys, pathlib
resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
from PySide6.QtCore import QCoreApplication
from backbreak.platform.instance import CommandServer, InstanceGuard
app = QCoreApplication([])
run = pathlib.Path(sys.argv[1])
guard = InstanceGuard(run / "backbreak.lock")
assert guard.acquire()
server = CommandServer(str(run / "backbreak.sock"), lambda c, a: {"ok": True, "cmd": c}, guard)
assert server.listen()
print("listening", flush=True)
app.exec()
"""


def test_running_out_of_descriptors_does_not_kill_the_command_socket(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    child = subprocess.Popen(
        [sys.executable, "-c", _SERVER_WITH_FEW_DESCRIPTORS, str(run)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    idle: list[socket.socket] = []
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "listening"
        name = str(run / "backbreak.sock")
        for _ in range(150):  # far more than the server's 64 descriptors
            idle.append(_connect_soon(name))
        assert send_command(name, "status", timeout_ms=15000) == {"ok": True, "cmd": "status"}
    finally:
        for client in idle:
            client.close()
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


def _connect_soon(name: str) -> socket.socket:
    """A connected client; retries while the listen backlog is full, fails after 20 s
    (a server that stopped accepting leaves it full for good)."""
    deadline = time.monotonic() + 20
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(5)
    while True:
        try:
            client.connect(name)
            return client
        except BlockingIOError:
            if time.monotonic() > deadline:
                client.close()
                raise
            time.sleep(0.01)


# ---- another local user -----------------------------------------------------------------


def _need_root() -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail("CI runs as root so that a second local user can be tried")
        pytest.skip("needs root to act as a second local user")


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder in /tmp that another user can reach (pytest's own are root-only)."""
    folder = Path(tempfile.mkdtemp(prefix="backbreak-faults-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_another_user_connecting_is_refused_even_through_an_open_socket(
    qtbot: QtBot, open_folder: Path
) -> None:
    _need_root()
    system_python = shutil.which("python3", path="/usr/bin:/bin")
    assert system_python is not None, "a python3 the other user may run"
    guard = InstanceGuard(open_folder / "backbreak.lock")
    assert guard.acquire()
    asked: list[str] = []
    name = str(open_folder / "backbreak.sock")

    def handler(cmd: str, args: dict[str, object]) -> dict[str, object]:
        asked.append(cmd)
        return _echo(cmd, args)

    server = CommandServer(name, handler, guard)
    assert server.listen()
    # Loosen everything the folder and file modes would normally stop, so that only the
    # peer check stands between the other user and the commands.
    open_folder.chmod(0o755)
    os.chmod(name, 0o777)
    script = (
        "import socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        "s.settimeout(10)\n"
        "s.connect(sys.argv[1])\n"
        "try:\n"
        '    s.sendall(b\'{"cmd": "quit"}\\n\')\n'
        "    print(repr(s.recv(4096)))\n"
        "except (BrokenPipeError, ConnectionResetError):\n"
        "    print(repr(b''))\n"
    )

    def other_user() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [system_python, "-c", script, name],
            user=NOBODY,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    try:
        done = _beside_loop(qtbot, other_user)
    finally:
        server.close()
        guard.release()
    assert isinstance(done, subprocess.CompletedProcess)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "b''"  # hung up on, no answer
    assert asked == []


def test_a_socket_another_user_put_there_gets_no_commands(tmp_path: Path) -> None:
    _need_root()
    squatted = tmp_path / "backbreak.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as squatter:
        squatter.bind(str(squatted))
        squatter.listen(1)
        os.chown(squatted, NOBODY, NOBODY)
        reply = send_command(str(squatted), "pause", {"spec": "indefinitely"}, timeout_ms=2000)
    assert reply is not None and reply["ok"] is False
    assert "another user" in str(reply["error"])


def test_the_server_refuses_a_socket_folder_another_user_owns(tmp_path: Path) -> None:
    _need_root()
    folder = tmp_path / "taken"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    assert guard.acquire()
    try:
        server = CommandServer(str(folder / "backbreak.sock"), _echo, guard)
        assert not server.listen()
    finally:
        guard.release()


def test_the_server_refuses_a_socket_folder_others_can_write(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    assert guard.acquire()
    try:
        assert not CommandServer(str(folder / "backbreak.sock"), _echo, guard).listen()
    finally:
        guard.release()
