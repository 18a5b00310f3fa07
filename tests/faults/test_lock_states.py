"""Bad lock states: "already running" only when an instance answers; a stale lock is
taken over; anything else is a clear error with exit code 1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from backbreak.platform.instance import InstanceGuard
from tests.lock_holder import REPO, lock_held_elsewhere

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX lock semantics")


@pytest.fixture
def unrelated_python() -> Iterator[int]:
    """The pid of a live Python process that is not backbreak (a reused pid)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield child.pid
    finally:
        child.kill()
        child.wait()


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage\x00\xff\n", b"-5\n\n\n", b"99999999999999999999\nx\ny\n"],
    ids=["empty", "garbage", "negative-pid", "huge-pid"],
)
def test_an_unreadable_lock_file_is_stale(tmp_path: Path, content: bytes) -> None:
    lock = tmp_path / "backbreak.lock"
    lock.write_bytes(content)
    guard = InstanceGuard(lock)
    assert guard.acquire()
    assert guard.owner_pid() == os.getpid()
    guard.release()


def test_a_lock_naming_a_pid_now_used_by_another_program_is_stale(
    tmp_path: Path, unrelated_python: int
) -> None:
    lock = tmp_path / "backbreak.lock"
    # What Qt writes: pid, application name (the interpreter's name), host name.
    lock.write_text(f"{unrelated_python}\npython3.11\n{socket.gethostname()}\n")
    guard = InstanceGuard(lock)
    assert guard.acquire()
    guard.release()


def test_a_folder_where_the_lock_file_should_be_is_a_clear_problem(tmp_path: Path) -> None:
    lock = tmp_path / "backbreak.lock"
    lock.mkdir()
    guard = InstanceGuard(lock)
    assert not guard.acquire()
    assert guard.problem is not None and "not a file" in guard.problem


def test_a_lock_folder_that_cannot_be_made_is_a_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "run").write_text("a file where the folder should be")
    guard = InstanceGuard(tmp_path / "run" / "backbreak.lock")
    assert not guard.acquire()
    assert guard.problem is not None


def _start(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backbreak", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def test_a_held_lock_nobody_answers_for_is_an_error_not_already_running(
    tmp_path: Path,
) -> None:
    lock = tmp_path / "run" / "backbreak.lock"
    with lock_held_elsewhere(lock) as holder:
        done = _start(tmp_path)
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "already running" not in done.stdout
    assert f"process {holder.pid}" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_as_lock_file_stops_start_up_with_exit_1(tmp_path: Path) -> None:
    (tmp_path / "run").mkdir(parents=True)
    (tmp_path / "run" / "backbreak.lock").mkdir()
    done = _start(tmp_path)
    assert done.returncode == 1
    assert "already running" not in done.stdout
    assert "not a file" in done.stderr and "Traceback" not in done.stderr
