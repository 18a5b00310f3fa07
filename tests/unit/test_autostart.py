"""Start at login: Linux for real in a temp XDG config folder; Windows and macOS with fakes."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

from backbreak.platform import desktop_file
from backbreak.platform.autostart import (
    APPROVED_KEY,
    RUN_KEY,
    RUN_VALUE,
    Autostart,
    AutostartBlockedError,
    AutostartError,
    AutostartState,
    LaunchAgentAutostart,
    NoAutostart,
    WindowsRunKeyAutostart,
    XdgAutostart,
    apply_start_at_login,
    pick_autostart,
    read_state,
)
from backbreak.platform.launch import APP_ID

COMMAND = ["/home/me/.local/bin/backbreak"]


# ---- Linux ---------------------------------------------------------------------------------


@pytest.fixture
def xdg(tmp_path: Path) -> Iterator[XdgAutostart]:
    environ = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CONFIG_DIRS": str(tmp_path / "etc-xdg"),
    }
    yield XdgAutostart(COMMAND, environ=environ, home=tmp_path / "home")


def system_entry(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "etc-xdg" / "autostart" / f"{APP_ID}.desktop"
    path.parent.mkdir(parents=True)
    path.write_text(
        f"[Desktop Entry]\nType=Application\nName=backbreak\nExec=/usr/bin/backbreak\n{extra}",
        encoding="utf-8",
    )
    return path


def test_linux_entry_appears_in_the_user_autostart_folder_and_disappears(
    xdg: XdgAutostart, tmp_path: Path
) -> None:
    assert xdg.path == tmp_path / "config" / "autostart" / f"{APP_ID}.desktop"
    assert not xdg.is_enabled()
    xdg.enable()
    assert xdg.path.is_file()
    assert xdg.is_enabled()
    lines = xdg.path.read_text(encoding="utf-8").splitlines()
    assert desktop_file.parse_exec(desktop_file.get_key(lines, "Exec") or "") == COMMAND
    xdg.disable()
    assert not xdg.path.exists()
    assert not xdg.is_enabled()


def test_linux_state_is_read_from_disk_not_remembered(xdg: XdgAutostart, tmp_path: Path) -> None:
    xdg.enable()
    other = XdgAutostart(COMMAND, environ={"XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert other.is_enabled()
    xdg.path.unlink()  # the user deleted it in their session settings
    assert not xdg.is_enabled()


def test_linux_hidden_true_counts_as_disabled(xdg: XdgAutostart) -> None:
    xdg.path.parent.mkdir(parents=True)
    xdg.path.write_text(
        "[Desktop Entry]\nType=Application\nName=mine\nExec=backbreak\nHidden=true\n",
        encoding="utf-8",
    )
    assert not xdg.is_enabled()


def test_linux_gnome_enabled_false_counts_as_disabled(xdg: XdgAutostart) -> None:
    xdg.path.parent.mkdir(parents=True)
    xdg.path.write_text(
        "[Desktop Entry]\nType=Application\nExec=backbreak\nX-GNOME-Autostart-enabled=false\n",
        encoding="utf-8",
    )
    assert not xdg.is_enabled()
    xdg.enable()
    text = xdg.path.read_text(encoding="utf-8")
    assert "X-GNOME-Autostart-enabled=true" in text
    assert xdg.is_enabled()


def test_linux_user_edits_survive_disable_and_enable(xdg: XdgAutostart) -> None:
    xdg.enable()
    edited = xdg.path.read_text(encoding="utf-8").replace(
        desktop_file.exec_value(COMMAND), "/opt/bb/backbreak --verbose"
    )
    edited += "# my note\n"
    xdg.path.write_text(edited, encoding="utf-8")

    xdg.disable()
    assert xdg.path.is_file(), "a user-edited entry must not be deleted"
    after_disable = xdg.path.read_text(encoding="utf-8")
    assert desktop_file.get_key(after_disable.splitlines(), "Hidden") == "true"
    assert "Exec=/opt/bb/backbreak --verbose" in after_disable
    assert "# my note" in after_disable
    assert not xdg.is_enabled()

    xdg.enable()
    after_enable = xdg.path.read_text(encoding="utf-8")
    assert desktop_file.get_key(after_enable.splitlines(), "Hidden") is None
    assert after_enable == edited, "enable only takes Hidden away again"
    assert xdg.is_enabled()


def test_linux_enable_refreshes_our_own_untouched_entry(xdg: XdgAutostart, tmp_path: Path) -> None:
    XdgAutostart(["/old/place/backbreak"], {"XDG_CONFIG_HOME": str(tmp_path / "config")}).enable()
    xdg.enable()
    lines = xdg.path.read_text(encoding="utf-8").splitlines()
    assert desktop_file.parse_exec(desktop_file.get_key(lines, "Exec") or "") == COMMAND


def test_linux_system_entry_is_switched_off_with_a_hidden_user_entry(
    xdg: XdgAutostart, tmp_path: Path
) -> None:
    system = system_entry(tmp_path)
    assert xdg.is_enabled()
    xdg.disable()
    assert system.is_file(), "the system-wide file is not ours to touch"
    assert "Hidden=true" in xdg.path.read_text(encoding="utf-8")
    assert not xdg.is_enabled()
    xdg.enable()
    assert not xdg.path.exists(), "the system entry starts us again; no shadow copy needed"
    assert xdg.is_enabled()


def test_linux_enable_with_a_disabled_system_entry_writes_our_own(
    xdg: XdgAutostart, tmp_path: Path
) -> None:
    system_entry(tmp_path, "Hidden=true\n")
    assert not xdg.is_enabled()
    xdg.enable()
    assert xdg.path.is_file()
    assert xdg.is_enabled()


def test_linux_user_made_hidden_stub_is_replaced_by_a_working_entry(xdg: XdgAutostart) -> None:
    xdg.path.parent.mkdir(parents=True)
    xdg.path.write_text("[Desktop Entry]\nHidden=true\n", encoding="utf-8")
    xdg.enable()
    lines = xdg.path.read_text(encoding="utf-8").splitlines()
    assert desktop_file.get_key(lines, "Exec") is not None
    assert xdg.is_enabled()


def test_linux_broken_user_file_gives_a_clear_error_and_stays(xdg: XdgAutostart) -> None:
    xdg.path.parent.mkdir(parents=True)
    xdg.path.write_text("this is not a desktop file\n", encoding="utf-8")
    assert not xdg.is_enabled()
    with pytest.raises(AutostartError, match="not a desktop entry"):
        xdg.enable()
    assert xdg.path.read_text(encoding="utf-8") == "this is not a desktop file\n"
    xdg.disable()  # nothing would start it anyway; leave the user's file alone
    assert xdg.path.read_text(encoding="utf-8") == "this is not a desktop file\n"


def test_linux_unwritable_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    autostart = XdgAutostart(COMMAND, environ={"XDG_CONFIG_HOME": str(blocker)})
    with pytest.raises(AutostartError, match=r"Can't (read|write) the login entry"):
        autostart.enable()


def test_linux_relative_xdg_config_home_falls_back_to_home(tmp_path: Path) -> None:
    autostart = XdgAutostart(COMMAND, environ={"XDG_CONFIG_HOME": "rel"}, home=tmp_path)
    assert autostart.path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_linux_describe_names_the_file_and_state(xdg: XdgAutostart) -> None:
    assert "off" in xdg.describe()
    xdg.enable()
    assert "on" in xdg.describe()
    assert str(xdg.path) in xdg.describe()


def test_linux_written_entry_passes_desktop_file_validate(xdg: XdgAutostart) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        # CI installs desktop-file-utils (scripts/test.sh); a developer may not have it.
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing: install desktop-file-utils")
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    xdg.enable()
    result = subprocess.run([validator, str(xdg.path)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_pick_autostart_chooses_per_platform(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert isinstance(pick_autostart("linux", COMMAND, environ), XdgAutostart)
    assert isinstance(
        pick_autostart("darwin", COMMAND, environ, home=tmp_path), LaunchAgentAutostart
    )
    chosen = pick_autostart("win32", COMMAND, environ, winreg=FakeWinreg())
    assert isinstance(chosen, WindowsRunKeyAutostart)
    assert isinstance(chosen, Autostart)
    fallback = pick_autostart("haiku", COMMAND, environ)
    assert isinstance(fallback, NoAutostart)
    assert not fallback.is_enabled()
    with pytest.raises(AutostartError, match="not supported on haiku"):
        fallback.enable()


def test_pick_autostart_inside_flatpak_does_not_write_into_the_sandbox(tmp_path: Path) -> None:
    chosen = pick_autostart("linux", COMMAND, {"FLATPAK_ID": APP_ID})
    assert isinstance(chosen, NoAutostart)
    assert "Flatpak" in chosen.describe()


# ---- Windows -------------------------------------------------------------------------------


class FakeKey:
    def __init__(self, registry: FakeWinreg, path: str) -> None:
        self.registry = registry
        self.path = path

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        return None


class FakeWinreg:
    """The slice of ``winreg`` the backend uses, over a dict of key path -> values."""

    HKEY_CURRENT_USER = "HKCU"
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1
    REG_BINARY = 3

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[object, int]]] = {}

    def OpenKey(self, root: str, path: str, reserved: int, access: int) -> FakeKey:  # noqa: N802
        assert root == self.HKEY_CURRENT_USER
        if path not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self, path)

    def CreateKeyEx(self, root: str, path: str, reserved: int, access: int) -> FakeKey:  # noqa: N802
        assert root == self.HKEY_CURRENT_USER
        self.keys.setdefault(path, {})
        return FakeKey(self, path)

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:  # noqa: N802
        try:
            return self.keys[key.path][name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def SetValueEx(  # noqa: N802
        self, key: FakeKey, name: str, reserved: int, kind: int, value: object
    ) -> None:
        self.keys[key.path][name] = (value, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:  # noqa: N802
        try:
            del self.keys[key.path][name]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None


def approved(first_byte: int) -> bytes:
    return bytes([first_byte]) + bytes(11)


def test_windows_run_value_round_trip() -> None:
    registry = FakeWinreg()
    command = [r"C:\Program Files\backbreak\backbreak.exe"]
    autostart = WindowsRunKeyAutostart(command, registry)
    assert not autostart.is_enabled()
    autostart.enable()
    assert registry.keys[RUN_KEY][RUN_VALUE] == (
        r'"C:\Program Files\backbreak\backbreak.exe"',
        FakeWinreg.REG_SZ,
    )
    assert autostart.is_enabled()
    autostart.disable()
    assert RUN_VALUE not in registry.keys[RUN_KEY]
    assert not autostart.is_enabled()
    autostart.disable()  # already off: no error


def test_windows_task_manager_disabled_is_reported_not_overridden() -> None:
    registry = FakeWinreg()
    autostart = WindowsRunKeyAutostart(["C:\\bb\\backbreak.exe"], registry)
    autostart.enable()
    registry.keys[APPROVED_KEY] = {RUN_VALUE: (approved(0x03), FakeWinreg.REG_BINARY)}
    assert not autostart.is_enabled()
    assert "Task Manager" in autostart.describe()
    with pytest.raises(AutostartBlockedError, match="Task Manager"):
        autostart.enable()
    assert registry.keys[APPROVED_KEY][RUN_VALUE][0] == approved(0x03), "the user's choice stays"
    assert RUN_VALUE in registry.keys[RUN_KEY], "Task Manager still lists backbreak"


def test_windows_task_manager_enabled_byte_means_on() -> None:
    registry = FakeWinreg()
    autostart = WindowsRunKeyAutostart(["C:\\bb\\backbreak.exe"], registry)
    registry.keys[APPROVED_KEY] = {RUN_VALUE: (approved(0x02), FakeWinreg.REG_BINARY)}
    assert not autostart.is_enabled(), "no Run value: nothing starts"
    autostart.enable()
    assert autostart.is_enabled()


def test_windows_registry_failure_gives_a_user_message() -> None:
    class Locked(FakeWinreg):
        def CreateKeyEx(self, root: str, path: str, reserved: int, access: int) -> FakeKey:  # noqa: N802
            raise PermissionError(5, "Access is denied")

    with pytest.raises(AutostartError, match="Can't write the registry key"):
        WindowsRunKeyAutostart(["x"], Locked()).enable()


# ---- macOS ---------------------------------------------------------------------------------


def test_macos_launch_agent_round_trip(tmp_path: Path) -> None:
    command = ["/Applications/backbreak.app/Contents/MacOS/backbreak"]
    agent = LaunchAgentAutostart(command, home=tmp_path)
    assert agent.path == tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    assert not agent.is_enabled()
    agent.enable()
    with agent.path.open("rb") as stream:
        data = plistlib.load(stream)
    assert data["Label"] == APP_ID
    assert data["ProgramArguments"] == command
    assert data["RunAtLoad"] is True
    assert agent.is_enabled()
    agent.disable()
    assert not agent.path.exists()
    assert not agent.is_enabled()


def test_macos_disabled_key_and_user_arguments(tmp_path: Path) -> None:
    agent = LaunchAgentAutostart(["/bin/backbreak"], home=tmp_path)
    agent.path.parent.mkdir(parents=True)
    user = {"Label": APP_ID, "ProgramArguments": ["/opt/bb", "--verbose"], "Disabled": True}
    agent.path.write_bytes(plistlib.dumps({**user, "RunAtLoad": True}))
    assert not agent.is_enabled()
    agent.enable()
    with agent.path.open("rb") as stream:
        data = plistlib.load(stream)
    assert data["ProgramArguments"] == ["/opt/bb", "--verbose"]
    assert "Disabled" not in data
    assert agent.is_enabled()


def test_macos_unreadable_plist_is_kept_as_backup(tmp_path: Path) -> None:
    agent = LaunchAgentAutostart(["/bin/backbreak"], home=tmp_path)
    agent.path.parent.mkdir(parents=True)
    agent.path.write_bytes(b"not a plist")
    assert not agent.is_enabled()
    agent.enable()
    assert agent.is_enabled()
    assert agent.path.with_name(agent.path.name + ".bak").read_bytes() == b"not a plist"


# ---- state for the settings dialog ---------------------------------------------------------


def test_read_state_and_apply_on_linux(xdg: XdgAutostart) -> None:
    assert read_state(xdg) == AutostartState(False)
    assert apply_start_at_login(xdg, True) == AutostartState(True)
    assert xdg.path.is_file()
    assert apply_start_at_login(xdg, False) == AutostartState(False)
    assert not xdg.path.exists()


def test_read_state_when_unavailable_says_why() -> None:
    state = read_state(NoAutostart("not here"))
    assert state.enabled is None
    assert state.note is not None
    assert "not here" in state.note


def test_apply_reports_the_task_manager_block_without_raising() -> None:
    registry = FakeWinreg()
    registry.keys[APPROVED_KEY] = {RUN_VALUE: (approved(0x03), FakeWinreg.REG_BINARY)}
    autostart = WindowsRunKeyAutostart(["C:\\bb\\backbreak.exe"], registry)
    state = apply_start_at_login(autostart, True)
    assert state.enabled is False
    assert state.note is not None
    assert "Task Manager" in state.note
    assert read_state(autostart).enabled is False


def test_apply_reports_a_write_failure_and_the_real_state(tmp_path: Path) -> None:
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    state = apply_start_at_login(XdgAutostart(COMMAND, {"XDG_CONFIG_HOME": str(blocker)}), True)
    assert state.enabled is False
    assert state.note is not None
    assert "login entry" in state.note
