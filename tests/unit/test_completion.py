"""Shell completion scripts, generated from the parser, complete in the real shells.

bash is always there; zsh and fish are Debian packages that scripts/test.sh installs. In CI
(``CI`` set) a missing shell fails the test, so these checks can't quietly stop running.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from backbreak.cli import build_parser
from backbreak.completion import describe_parser, script

BASH_DRIVER = """
source "$1"
compopt() { :; }   # only meaningful inside a real completion
shift
COMP_WORDS=("$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_backbreak
printf '%s\\n' "${COMPREPLY[@]}"
"""


def shell(name: str) -> str:
    found = shutil.which(name)
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing in CI: install the Debian package {name}")
    pytest.skip(f"{name} is not installed")


def write_script(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"completion.{name}"
    path.write_text(script(build_parser(), name), encoding="utf-8")
    return path


def bash_complete(tmp_path: Path, *words: str) -> list[str]:
    path = write_script(tmp_path, "bash")
    done = subprocess.run(
        [shell("bash"), "-c", BASH_DRIVER, "bash", str(path), "backbreak", *words],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    return done.stdout.split()


def fish_complete(tmp_path: Path, line: str) -> list[str]:
    path = write_script(tmp_path, "fish")
    done = subprocess.run(
        [shell("fish"), "--no-config", "-c", f"source {path}; complete -C {line!r}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=True,
    )
    return [row.split("\t")[0] for row in done.stdout.splitlines()]


def command_names() -> list[str]:
    return describe_parser(build_parser()).all_command_names()


def test_the_model_has_every_command_and_its_choices() -> None:
    interface = describe_parser(build_parser())
    names = interface.all_command_names()
    assert {"stats", "pause", "autostart", "completion", "install-desktop-entry"} <= set(names)
    by_name = {command.name: command for command in interface.commands}
    assert by_name["autostart"].words == ("on", "off", "status")
    assert by_name["completion"].words == ("bash", "zsh", "fish")
    assert "until-tomorrow" in by_name["pause"].words
    stats_options = {option.flags: option.value for option in by_name["stats"].options}
    assert stats_options[("--csv",)] == "file"
    assert stats_options[("--data-dir",)] == "dir"
    assert stats_options[("--json",)] is None


def test_bash_completes_commands_choices_options_and_folders(tmp_path: Path) -> None:
    assert bash_complete(tmp_path, "") == command_names()
    assert bash_complete(tmp_path, "au") == ["autostart"]
    assert bash_complete(tmp_path, "autostart", "") == ["on", "off", "status"]
    assert bash_complete(tmp_path, "pause", "until") == ["until-tomorrow"]
    assert {"--days", "--json", "--csv", "--data-dir"} <= set(
        bash_complete(tmp_path, "stats", "--")
    )
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    assert bash_complete(tmp_path, "--data-dir", "a-") == ["a-folder"]
    assert set(bash_complete(tmp_path, "stats", "--csv", "a-")) == {"a-folder", "a-file"}


def test_fish_completes_commands_choices_and_options(tmp_path: Path) -> None:
    assert sorted(fish_complete(tmp_path, "backbreak ")) == sorted(command_names())
    assert fish_complete(tmp_path, "backbreak au") == ["autostart"]
    assert sorted(fish_complete(tmp_path, "backbreak autostart ")) == ["off", "on", "status"]
    stats_options = fish_complete(tmp_path, "backbreak stats --")
    assert {"--days", "--json", "--csv", "--data-dir"} <= set(stats_options)
    assert "--version" not in stats_options  # only valid without a command
    (tmp_path / "a-folder").mkdir()
    assert fish_complete(tmp_path, "backbreak --data-dir a-") == ["a-folder/"]


def test_zsh_script_parses_and_names_every_command(tmp_path: Path) -> None:
    path = write_script(tmp_path, "zsh")
    done = subprocess.run(
        [shell("zsh"), "-n", str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#compdef backbreak\n")
    for name in command_names():
        assert f"'{name}:" in text
        assert f"    ({name}) _arguments" in text
    assert "'1:argument:(on off status)'" in text
