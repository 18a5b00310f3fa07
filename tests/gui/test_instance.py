"""Single-instance lock and the JSON-line command channel."""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from backbreak.platform.instance import CommandServer, InstanceGuard, send_command
from tests.lock_holder import lock_held_elsewhere

REPO = Path(__file__).resolve().parents[2]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_second_guard_fails_while_first_holds(tmp_path: Path) -> None:
    lock = tmp_path / "run" / "backbreak.lock"
    first, second = InstanceGuard(lock), InstanceGuard(lock)
    assert first.acquire()
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    first.release()
    assert second.acquire()
    second.release()


def test_stale_lock_of_a_dead_process_on_another_hostname_is_taken_over(
    tmp_path: Path,
) -> None:
    lock = tmp_path / "backbreak.lock"
    # Qt's own staleness check skips files from another hostname; ours must not.
    lock.write_text(f"{_dead_pid()}\nbackbreak\nold-hostname\n", encoding="utf-8")
    guard = InstanceGuard(lock)
    assert guard.acquire()
    assert guard.owner_pid() == os.getpid()
    guard.release()


def test_lock_of_a_sigkilled_instance_is_taken_over(tmp_path: Path) -> None:
    lock = tmp_path / "backbreak.lock"
    with lock_held_elsewhere(lock) as holder:
        assert not InstanceGuard(lock).acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    guard = InstanceGuard(lock)
    assert guard.acquire()
    guard.release()


def _echo(cmd: str, args: dict[str, object]) -> dict[str, object]:
    if cmd == "boom":
        raise RuntimeError("handler failure")
    return {"ok": True, "cmd": cmd, "args": args}


@pytest.fixture
def server(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[str, CommandServer]]:
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    assert guard.acquire()
    name = str(tmp_path / "ipc")
    srv = CommandServer(name, _echo, guard)
    assert srv.listen()
    yield name, srv
    srv.close()
    guard.release()


def _client(qtbot: QtBot, code: str, *argv: str) -> str:
    """Run client code in its own process, as the CLI does, while the server's loop spins.

    (A worker thread is not an option: PySide6 keeps the GIL inside waitFor*() and a
    QLocalSocket made in a plain Python thread next to a running loop crashed once.)
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10000)
    finally:
        if proc.poll() is None:
            proc.kill()
        out, err = proc.communicate()
    assert proc.returncode == 0, err
    return out


_SEND = (
    "import json, sys\n"
    "from backbreak.platform.instance import send_command\n"
    "print(json.dumps(send_command(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))))\n"
)


def _send(qtbot: QtBot, name: str, cmd: str, args: dict[str, object] | None = None) -> object:
    return json.loads(_client(qtbot, _SEND, name, cmd, json.dumps(args or {})))


def test_command_round_trip(qtbot: QtBot, server: tuple[str, CommandServer]) -> None:
    name, _ = server
    reply = _send(qtbot, name, "snooze", {"minutes": 10})
    assert reply == {"ok": True, "cmd": "snooze", "args": {"minutes": 10}}


_RAW = (
    "import sys, time\n"
    "from PySide6.QtNetwork import QLocalSocket\n"
    "s = QLocalSocket()\n"
    "s.connectToServer(sys.argv[1])\n"
    "assert s.waitForConnected(2000)\n"
    "s.write(bytes.fromhex(sys.argv[2]))\n"
    "s.waitForBytesWritten(2000)\n"
    "data = b''\n"
    "while b'\\n' not in data and s.waitForReadyRead(3000):\n"
    "    data += bytes(s.readAll().data())\n"
    "data += bytes(s.readAll().data())\n"
    "sys.stdout.write(data.decode('utf-8'))\n"
)


@pytest.mark.parametrize(
    "payload",
    [b"not json\n", b"[1, 2]\n", b'{"cmd": 5}\n', b'{"cmd": "x", "args": []}\n', b"\xff\n"],
)
def test_malformed_request_gets_an_error_and_server_keeps_working(
    qtbot: QtBot, server: tuple[str, CommandServer], payload: bytes
) -> None:
    name, _ = server
    raw = _client(qtbot, _RAW, name, payload.hex())
    reply = json.loads(raw.split("\n")[0])
    assert reply["ok"] is False
    assert reply["error"]
    again = _send(qtbot, name, "status")
    assert again == {"ok": True, "cmd": "status", "args": {}}


def test_failing_handler_gets_an_error_reply(
    qtbot: QtBot, server: tuple[str, CommandServer], caplog: pytest.LogCaptureFixture
) -> None:
    name, _ = server
    reply = _send(qtbot, name, "boom")
    assert reply == {"ok": False, "error": "the command failed; see the log"}
    assert "boom" in caplog.text


def test_no_server_gives_none_quickly(tmp_path: Path) -> None:
    started = time.monotonic()
    assert send_command(str(tmp_path / "nobody"), "status", timeout_ms=3000) is None
    assert time.monotonic() - started < 1.0


def test_listen_without_the_lock_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    with pytest.raises(RuntimeError, match="lock"):
        CommandServer(str(tmp_path / "ipc"), _echo, guard).listen()


def test_stale_socket_file_from_a_crash_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    name = tmp_path / "ipc"
    name.write_text("left behind", encoding="utf-8")
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    assert guard.acquire()
    srv = CommandServer(str(name), _echo, guard)
    try:
        assert srv.listen()
        assert _send(qtbot, str(name), "ping") == {
            "ok": True,
            "cmd": "ping",
            "args": {},
        }
    finally:
        srv.close()
        guard.release()


def test_send_command_works_without_a_qcoreapplication(
    qtbot: QtBot, server: tuple[str, CommandServer]
) -> None:
    name, _ = server
    out = _client(
        qtbot,
        "import json, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from backbreak.platform.instance import send_command\n"
        "reply = send_command(sys.argv[1], 'status')\n"
        "assert QCoreApplication.instance() is None\n"
        "print(json.dumps(reply))\n",
        name,
    )
    assert json.loads(out) == {"ok": True, "cmd": "status", "args": {}}


def _hammer(path: str, count: int, replies: list[dict[str, object]]) -> None:
    """``count`` clients one after another, each with a request no other one sends."""
    for number in range(count):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(10)
            client.connect(path)
            request = {"cmd": "status", "args": {"probe": f"request-{number}"}}
            client.sendall(json.dumps(request).encode("utf-8") + b"\n")
            received = b""
            while chunk := client.recv(4096):
                received += chunk
        replies.append(json.loads(received))


def _live(kind: type) -> int:
    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, kind))


def _probe_requests() -> int:
    gc.collect()
    return sum(
        1
        for item in gc.get_objects()
        if isinstance(item, dict) and str(item.get("probe", "")).startswith("request-")
    )


@pytest.mark.skipif(sys.platform == "win32", reason="the test client speaks AF_UNIX")
def test_served_clients_leave_no_objects_behind(
    qtbot: QtBot, server: tuple[str, CommandServer]
) -> None:
    """Each command used to leave its socket wrapper and slot connections for good."""
    name, srv = server

    def serve(count: int) -> list[dict[str, object]]:
        replies: list[dict[str, object]] = []
        worker = threading.Thread(target=_hammer, args=(name, count, replies), daemon=True)
        worker.start()
        qtbot.waitUntil(lambda: not worker.is_alive(), timeout=60000)
        qtbot.waitUntil(lambda: srv.open_connections == 0, timeout=10000)
        return replies

    serve(3)  # Qt and PySide build their one-time caches on the first clients
    sockets_before = _live(QLocalSocket)
    replies = serve(60)
    assert len(replies) == 60
    assert all(reply["ok"] is True for reply in replies)
    assert _live(QLocalSocket) == sockets_before
    assert _probe_requests() == 0
