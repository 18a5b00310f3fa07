"""The command line's client for the command socket: the standard library on Unix."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from backbreak.platform.command_client import send_command, unix_socket_path
from backbreak.platform.instance import CommandServer, InstanceGuard
from backbreak.platform.paths import ensure_dirs, resolve_paths

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="Windows uses Qt's named-pipe client (instance.send_command)"
)


def _echo(cmd: str, args: dict[str, object]) -> dict[str, object]:
    return {"ok": True, "text": f"echo {cmd}", "cmd": cmd, "args": args}


@contextmanager
def _serving(tmp_path: Path, name: str) -> Iterator[CommandServer]:
    guard = InstanceGuard(tmp_path / "backbreak.lock")
    assert guard.acquire()
    server = CommandServer(name, _echo, guard)
    assert server.listen()
    try:
        yield server
    finally:
        server.close()
        guard.release()


def _in_thread(qtbot: QtBot, call: object) -> object:
    """Run a blocking client call beside the server's event loop (the standard-library
    client releases the GIL while it waits, unlike Qt's waitFor* calls)."""
    result: list[object] = []
    assert callable(call)
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=10000)
    return result[0]


def test_round_trip_on_a_full_path(qtbot: QtBot, tmp_path: Path) -> None:
    name = str(tmp_path / "ipc")
    with _serving(tmp_path, name):
        reply = _in_thread(qtbot, lambda: send_command(name, "pause", {"spec": "30m"}))
        assert reply == {"ok": True, "text": "echo pause", "cmd": "pause", "args": {"spec": "30m"}}


def test_a_short_name_is_found_where_qt_puts_it(qtbot: QtBot, tmp_path: Path) -> None:
    # Deep runtime folders get a short name (paths.socket_name_for); Qt then puts the
    # socket into its temporary folder, and the client must look in the same place.
    name = f"backbreak-test-{uuid.uuid4().hex[:12]}"
    with _serving(tmp_path, name):
        assert stat.S_ISSOCK(os.stat(unix_socket_path(name)).st_mode)
        reply = _in_thread(qtbot, lambda: send_command(name, "status"))
        assert reply == {"ok": True, "text": "echo status", "cmd": "status", "args": {}}


def test_nobody_listening_gives_none(tmp_path: Path) -> None:
    assert send_command(str(tmp_path / "nobody"), "status") is None
    (tmp_path / "not-a-socket").write_text("left behind", encoding="utf-8")
    assert send_command(str(tmp_path / "not-a-socket"), "status") is None


def test_a_server_that_never_answers_gives_an_error(tmp_path: Path) -> None:
    path = str(tmp_path / "mute")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as mute:
        mute.bind(path)
        mute.listen(1)
        reply = send_command(path, "status", timeout_ms=300)
    assert reply == {"ok": False, "error": "no reply from the running instance"}


@pytest.mark.parametrize(
    "garbage",
    [
        b"\xff not json",
        b"[" * 100_000 + b"]" * 100_000,  # nested deeper than the parser recurses
        b"1" * 5000,  # more digits than Python turns into an int
    ],
    ids=["not-json", "deeply-nested", "huge-number"],
)
def test_a_garbled_reply_gives_an_error(tmp_path: Path, garbage: bytes) -> None:
    path = str(tmp_path / "garbled")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as garbled:
        garbled.bind(path)
        garbled.listen(1)

        def answer() -> None:
            peer, _ = garbled.accept()
            with peer:
                peer.recv(4096)
                peer.sendall(garbage + b"\n")

        worker = threading.Thread(target=answer, daemon=True)
        worker.start()
        reply = send_command(path, "status")
        worker.join(10)
    assert reply == {"ok": False, "error": "unreadable reply from the running instance"}


_CLI = (
    "import json, sys\n"
    "from backbreak.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "loaded = sorted(m for m in sys.modules if m == 'PySide6' or m.startswith('PySide6.'))\n"
    "print(json.dumps(loaded))\n"
    "sys.exit(code)\n"
)


def test_backbreak_status_answers_without_loading_qt(qtbot: QtBot, tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    ensure_dirs(paths)
    with _serving(tmp_path, paths.socket_name):
        env = {**os.environ, "BACKBREAK_DATA_DIR": str(tmp_path / "data")}
        proc = subprocess.Popen(
            [sys.executable, "-c", _CLI, "status"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        try:
            qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20000)
        finally:
            if proc.poll() is None:
                proc.kill()
            out, err = proc.communicate()
    assert proc.returncode == 0, err
    text, modules = out.splitlines()
    assert text == "echo status"
    assert json.loads(modules) == []
