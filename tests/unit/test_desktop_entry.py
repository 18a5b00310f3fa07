"""The menu entry for wheel installs, and Desktop Entry quoting and line edits."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backbreak.platform import desktop_file
from backbreak.platform.desktop_entry import (
    DESKTOP_FILE_NAME,
    DesktopEntryError,
    default_data_home,
    desktop_entry_text,
    install_desktop_entry,
    uninstall_desktop_entry,
)
from backbreak.platform.launch import APP_ID, launch_command

HICOLOR_SIZES = ("16x16", "22x22", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256")


# ---- Exec quoting --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/usr/bin/backbreak"], "/usr/bin/backbreak"),
        (["/home/me x/bin/backbreak", "run"], '"/home/me x/bin/backbreak" run'),
        (["/opt/100%/bb"], "/opt/100%%/bb"),
        # A literal backslash in a quoted argument is four backslashes in the file.
        (["C:\\bb"], '"C:\\\\\\\\bb"'),
        (['say "hi" $HOME'], '"say \\\\"hi\\\\" \\\\$HOME"'),
        ([""], '""'),
    ],
)
def test_exec_value_quotes_per_the_spec(argv: list[str], expected: str) -> None:
    assert desktop_file.exec_value(argv) == expected
    assert desktop_file.parse_exec(expected) == argv


@given(
    st.lists(
        st.text(
            alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t\r")
        ),
        min_size=1,
    )
)
def test_exec_value_round_trips_any_arguments(argv: list[str]) -> None:
    assert desktop_file.parse_exec(desktop_file.exec_value(argv)) == argv


def test_exec_value_needs_a_program() -> None:
    with pytest.raises(ValueError, match="at least the program"):
        desktop_file.exec_value([])


def test_key_edits_touch_only_their_line() -> None:
    lines = ["# c", "[Desktop Entry]", "Name=x", "Name[de]=y", "", "[Desktop Action a]", "Name=z"]
    assert desktop_file.get_key(lines, "Name") == "x"
    assert desktop_file.get_key(lines, "Name[de]") == "y"
    assert desktop_file.get_key(lines, "Hidden") is None
    added = desktop_file.set_key(lines, "Hidden", "true")
    assert added == [
        "# c",
        "[Desktop Entry]",
        "Name=x",
        "Name[de]=y",
        "Hidden=true",
        "",
        *lines[5:],
    ]
    assert desktop_file.set_key(added, "Hidden", "false")[4] == "Hidden=false"
    assert desktop_file.remove_key(added, "Hidden") == lines
    assert desktop_file.remove_key(lines, "Name[de]")[3] == ""


def test_key_edits_refuse_a_file_without_the_entry_group() -> None:
    with pytest.raises(desktop_file.DesktopFileError):
        desktop_file.set_key(["Name=x"], "Hidden", "true")


# ---- the command that starts backbreak -----------------------------------------------------


def test_launch_command_prefers_the_running_console_script(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "backbreak"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    found = launch_command(argv0=str(script), executable="/usr/bin/python3", frozen=False)
    assert found == [str(script)]


def test_launch_command_when_frozen_is_the_bundle_executable() -> None:
    found = launch_command(argv0="x", executable="/opt/bb/backbreak", frozen=True)
    assert found == ["/opt/bb/backbreak"]


def test_launch_command_falls_back_to_path_then_to_python_m(tmp_path: Path) -> None:
    on_path = launch_command(
        argv0="/x/pytest", executable="/usr/bin/python3", frozen=False, which=lambda _: "/b/bb"
    )
    assert on_path == ["/b/bb"]
    module = launch_command(
        argv0="/x/pytest", executable="/usr/bin/python3", frozen=False, which=lambda _: None
    )
    assert module == ["/usr/bin/python3", "-m", "backbreak"]


def test_launch_command_on_windows_uses_the_windowless_interpreter(tmp_path: Path) -> None:
    (tmp_path / "python.exe").write_bytes(b"")
    (tmp_path / "pythonw.exe").write_bytes(b"")
    found = launch_command(
        argv0="",
        executable=str(tmp_path / "python.exe"),
        frozen=False,
        which=lambda _: None,
        platform="win32",
    )
    assert found == [str(tmp_path / "pythonw.exe"), "-m", "backbreak"]


# ---- install / uninstall -------------------------------------------------------------------


def test_install_writes_the_menu_entry_and_every_icon(tmp_path: Path) -> None:
    command = [str(tmp_path / "my bin" / "backbreak")]
    written = install_desktop_entry(tmp_path / "share", command)
    entry = tmp_path / "share" / "applications" / DESKTOP_FILE_NAME
    assert entry in written
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert desktop_file.parse_exec(desktop_file.get_key(lines, "Exec") or "") == command
    assert desktop_file.get_key(lines, "TryExec") == command[0]
    assert desktop_file.get_key(lines, "Icon") == APP_ID
    icons = tmp_path / "share" / "icons" / "hicolor"
    for size in (*HICOLOR_SIZES, "512x512"):
        assert (icons / size / "apps" / f"{APP_ID}.png") in written
        assert (icons / size / "apps" / f"{APP_ID}.png").stat().st_size > 0
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert all(path.is_file() for path in written)


def test_actions_keep_their_arguments_after_the_installed_command() -> None:
    text = desktop_entry_text(["/opt/bb/backbreak"])
    execs = [line.removeprefix("Exec=") for line in text.splitlines() if line.startswith("Exec=")]
    assert [desktop_file.parse_exec(value) for value in execs] == [
        ["/opt/bb/backbreak"],
        ["/opt/bb/backbreak", "break-now"],
        ["/opt/bb/backbreak", "pause", "1h"],
    ]


def test_install_again_refreshes_and_uninstall_removes_only_ours(tmp_path: Path) -> None:
    share = tmp_path / "share"
    install_desktop_entry(share, ["/old/backbreak"])
    written = install_desktop_entry(share, ["/new/backbreak"])
    entry = share / "applications" / DESKTOP_FILE_NAME
    assert "Exec=/new/backbreak" in entry.read_text(encoding="utf-8")
    neighbour = share / "applications" / "other.desktop"
    neighbour.write_text("[Desktop Entry]\n", encoding="utf-8")

    removed = uninstall_desktop_entry(share)
    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)
    assert neighbour.is_file()
    assert uninstall_desktop_entry(share) == []


def test_install_refuses_windows_and_macos(tmp_path: Path) -> None:
    with pytest.raises(DesktopEntryError, match="Linux"):
        install_desktop_entry(tmp_path, ["x"], platform="win32")


def test_install_into_an_unwritable_place_gives_a_user_message(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(DesktopEntryError, match="Can't install the menu entry"):
        install_desktop_entry(blocker, ["/bin/backbreak"])


def test_default_data_home_follows_xdg(tmp_path: Path) -> None:
    assert default_data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert default_data_home({"XDG_DATA_HOME": "relative"}, home=tmp_path) == (
        tmp_path / ".local" / "share"
    )


def test_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing: install desktop-file-utils")
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    install_desktop_entry(tmp_path, ["/home/me x/.local/bin/backbreak"])
    entry = tmp_path / "applications" / DESKTOP_FILE_NAME
    result = subprocess.run([validator, str(entry)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""
