"""Odd data folders get one line and exit code 2; nothing is created anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

ODD_VALUES: dict[str, bytes] = {
    "empty": b"",
    "blank": b"   ",
    "not-utf8": b"/tmp/backbreak-\xff\xfe",
    "unknown-user": b"~nosuchuser-backbreak/x",
    "proc": b"/proc",
    "inside-proc": b"/proc/self/backbreak",
    "dev": b"/dev/null",
}


def _run(cwd: Path, args: list[bytes], env: dict[str, str] | None = None) -> tuple[int, str]:
    done = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"backbreak", *args],
        capture_output=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        check=False,
    )
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("name", sorted(ODD_VALUES))
@pytest.mark.parametrize("command", [b"status", b"stats", b"run"])
def test_an_odd_data_folder_is_one_line_and_exit_2(
    tmp_path: Path, name: str, command: bytes
) -> None:
    returncode, stderr = _run(tmp_path, [command, b"--data-dir", ODD_VALUES[name]])
    assert returncode == 2, stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_as_data_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    returncode, stderr = _run(tmp_path, [b"stats", b"--data-dir", b"a-file"])
    assert returncode == 2 and "not a folder" in stderr
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_an_odd_environment_value_is_one_line_and_exit_2(tmp_path: Path) -> None:
    returncode, stderr = _run(tmp_path, [b"stats"], env={"BACKBREAK_DATA_DIR": "/proc"})
    assert returncode == 2 and "BACKBREAK_DATA_DIR" in stderr
    assert list(tmp_path.iterdir()) == []
