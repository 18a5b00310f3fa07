"""The command line behaves like a Unix tool: pipes, standard output, no screen, help."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from backbreak.cli import EXIT_BROKEN_PIPE, build_parser, main
from backbreak.core.pause import INDEFINITELY, UNTIL_TOMORROW
from backbreak.platform.export import CSV_COLUMNS
from backbreak.platform.screen import debian_package, not_found_in_ldd_output

REPO = Path(__file__).resolve().parents[2]
NO_SCREEN_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def backbreak_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in NO_SCREEN_VARIABLES}
    env.update(extra)
    return env


def run_backbreak(
    *argv: str, env: dict[str, str], stdout: int | None = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "backbreak", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        timeout=120,
        check=False,
    )


# ---- a closed pipe -------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["catalog"], ["catalog", "--json"], ["stats", "--csv", "-"]])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, argv: list[str]) -> None:
    # `backbreak catalog | head -1`, with head gone before backbreak writes anything: the
    # read end is closed before the process starts, so every write meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = run_backbreak(
            "--data-dir", str(tmp_path), *argv, env=backbreak_env(), stdout=write_end
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == EXIT_BROKEN_PIPE


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_in_process_is_not_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["catalog", "--data-dir", str(tmp_path)]) == EXIT_BROKEN_PIPE
    assert capsys.readouterr().err == ""


# ---- stats --csv - -------------------------------------------------------------------------


def test_csv_dash_writes_standard_output_not_a_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["stats", "--csv", "-", "--data-dir", str(tmp_path / "data")]) == 0
    out = capsys.readouterr().out
    assert list(csv.reader(io.StringIO(out))) == [list(CSV_COLUMNS)]
    assert list(work.iterdir()) == []


# ---- no screen -----------------------------------------------------------------------------


def test_no_display_says_so_and_exits_1(tmp_path: Path) -> None:
    done = run_backbreak("--data-dir", str(tmp_path), env=backbreak_env())
    assert done.returncode == 1, done.stderr
    assert "no graphical session here (DISPLAY and WAYLAND_DISPLAY are not set)" in done.stderr
    assert "Run this from inside your desktop session." in done.stderr
    assert "xcb" not in done.stderr


def test_a_display_that_does_not_answer_says_so_and_exits_1(tmp_path: Path) -> None:
    done = run_backbreak("--data-dir", str(tmp_path), env=backbreak_env(DISPLAY=":250"))
    assert done.returncode == 1, done.stderr
    assert "the X display :250 does not answer" in done.stderr


def test_a_missing_qt_library_is_named_with_its_package(tmp_path: Path) -> None:
    # A stand-in for ldd that reports what a desktop without libxcb-cursor0 reports.
    tools = tmp_path / "bin"
    tools.mkdir()
    ldd = tools / "ldd"
    ldd.write_text(
        "#!/bin/sh\n"
        "echo '\tlibQt6Gui.so.6 => /somewhere/libQt6Gui.so.6 (0x0000)'\n"
        "echo '\tlibxcb-cursor.so.0 => not found'\n",
        encoding="utf-8",
    )
    ldd.chmod(0o755)
    env = backbreak_env(DISPLAY=":250", PATH=f"{tools}{os.pathsep}{os.environ['PATH']}")
    done = run_backbreak("--data-dir", str(tmp_path / "data"), env=env)
    assert done.returncode == 1, done.stderr
    assert "libxcb-cursor.so.0 not found" in done.stderr
    assert "Debian/Ubuntu packages: libxcb-cursor0" in done.stderr
    doctor = run_backbreak("--data-dir", str(tmp_path / "data"), "doctor", env=env)
    assert doctor.returncode == 0
    assert "libxcb-cursor.so.0 not found" in doctor.stdout


def test_ldd_output_and_package_names() -> None:
    output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibxkbcommon-x11.so.0 => not found\n"
        "\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x00007f)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
    )
    assert not_found_in_ldd_output(output) == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    assert debian_package("libxcb-cursor.so.0") == "libxcb-cursor0"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert debian_package("libEGL.so.1") == "libegl1"
    assert debian_package("libdbus-1.so.3") == "libdbus-1-3"


# ---- the pause words are documented ----------------------------------------------------------


def test_every_pause_word_is_in_the_help_and_the_readme() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.dest == "command"]
    assert isinstance(commands.choices, dict)
    pause_help = commands.choices["pause"].format_help()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for word in (*UNTIL_TOMORROW, *INDEFINITELY):
        assert word in pause_help
        assert f"`{word}`" in readme
    assert "number of minutes" in pause_help
