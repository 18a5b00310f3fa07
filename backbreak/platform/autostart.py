"""Start at login: one backend per OS behind the ``Autostart`` protocol.

Every backend reads the state back from the system each time it is asked (the settings
dialog shows what will really happen at the next login, not a remembered flag), and
none overrides a choice the user made outside backbreak:

- Linux (XDG): ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``. An entry we wrote and
  nobody touched is deleted on disable. An entry the user edited (detected by a checksum
  we write into our own file) is never deleted or rewritten: disable sets ``Hidden=true``,
  enable only takes ``Hidden`` away again, so their Exec line, arguments and comments
  stay. A system-wide entry in ``$XDG_CONFIG_DIRS/autostart`` is switched off the way the
  spec says, with a user entry holding ``Hidden=true``.
- Windows: a value in ``HKCU\\...\\CurrentVersion\\Run``. When the user switched backbreak
  off in Task Manager (``Explorer\\StartupApproved\\Run``), we report that and leave it.
- macOS: a LaunchAgent plist in ``~/Library/LaunchAgents`` with ``RunAtLoad``.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from backbreak.platform import desktop_file
from backbreak.platform.launch import APP_ID, launch_command


class AutostartError(Exception):
    """Start at login could not be changed; the message is for the user."""


class AutostartBlockedError(AutostartError):
    """The user switched start at login off outside backbreak; we don't override that."""


@runtime_checkable
class Autostart(Protocol):
    def is_enabled(self) -> bool:
        """Whether backbreak will start at the next login, read from the system now."""
        ...

    def enable(self) -> None:
        """Start at login from now on. Raises ``AutostartError`` with a user message."""
        ...

    def disable(self) -> None:
        """Don't start at login any more. Raises ``AutostartError`` with a user message."""
        ...

    def describe(self) -> str:
        """One sentence for the user: how and where start at login is set, and its state."""
        ...


def pick_autostart(
    platform: str = sys.platform,
    command: Sequence[str] | None = None,
    environ: Mapping[str, str] = os.environ,
    home: Path | None = None,
    winreg: Any = None,
) -> Autostart:
    """The backend for ``platform``; ``command`` defaults to how this process was started."""
    argv = list(command) if command is not None else launch_command(platform=platform)
    if "FLATPAK_ID" in environ or Path("/.flatpak-info").exists():
        # Inside the sandbox ~/.config/autostart is not the host's folder; login items go
        # through the Background portal, which backbreak does not speak yet.
        return NoAutostart("inside Flatpak start at login is set by the desktop's settings")
    if platform == "win32":
        if winreg is None:
            import winreg as system_winreg  # only exists on Windows

            winreg = system_winreg
        return WindowsRunKeyAutostart(argv, winreg)
    if platform == "darwin":
        return LaunchAgentAutostart(argv, home=home)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return XdgAutostart(argv, environ=environ, home=home)
    return NoAutostart(f"start at login is not supported on {platform}")


def _write_atomically(path: Path, data: bytes) -> None:
    # A crash or full disk mid-write must not leave a half entry that the session
    # manager would choke on at the next login.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


# ---- nowhere -------------------------------------------------------------------------------


class NoAutostart:
    """The do-nothing fallback: always off, and saying why it can't be switched on."""

    def __init__(self, reason: str) -> None:
        self._reason = reason

    def is_enabled(self) -> bool:
        return False

    def enable(self) -> None:
        raise AutostartError(f"Can't start backbreak at login here: {self._reason}.")

    def disable(self) -> None:
        return None

    def describe(self) -> str:
        return f"Start at login is not available: {self._reason}."


# ---- Linux and other XDG desktops ----------------------------------------------------------

CHECKSUM_KEY = "X-Backbreak-Checksum"
_HEADER_COMMENT = (
    "# Written by backbreak's 'Start at login'. You may edit this file: backbreak then only\n"
    "# switches it with Hidden=true/false and keeps the rest as you left it."
)


class XdgAutostart:
    """An XDG autostart entry (Desktop Application Autostart Specification)."""

    def __init__(
        self,
        command: Sequence[str],
        environ: Mapping[str, str] = os.environ,
        home: Path | None = None,
    ) -> None:
        self._command = list(command)
        home = home if home is not None else Path.home()
        config_home = environ.get("XDG_CONFIG_HOME", "").strip()
        # The spec: an unset, empty or relative value means the default.
        self._config_home = Path(config_home) if os.path.isabs(config_home) else home / ".config"
        dirs = [d for d in environ.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
        self._config_dirs = [Path(d) for d in dirs] or [Path("/etc/xdg")]

    @property
    def path(self) -> Path:
        """The user's entry (which may not exist)."""
        return self._config_home / "autostart" / f"{APP_ID}.desktop"

    def _system_entry(self) -> Path | None:
        for folder in self._config_dirs:
            candidate = folder / "autostart" / f"{APP_ID}.desktop"
            if candidate.is_file():
                return candidate
        return None

    def _read_lines(self, path: Path) -> list[str] | None:
        try:
            return path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            raise AutostartError(f"Can't read the login entry {path}: {error}") from error

    def _system_enabled(self) -> bool:
        system = self._system_entry()
        if system is None:
            return False
        lines = self._read_lines(system)
        return lines is not None and _lines_enabled(lines)

    def is_enabled(self) -> bool:
        try:
            lines = self._read_lines(self.path)
            if lines is None:
                # A user entry, when there is one, hides the system-wide one of that name.
                return self._system_enabled()
        except AutostartError:
            return False  # what we can't read, the session manager can't either
        return _lines_enabled(lines)

    def enable(self) -> None:
        lines = self._read_lines(self.path)
        if lines is not None and not _is_ours_unmodified(lines):
            self._enable_user_edited(lines)
            return
        if self._system_enabled():
            # The system-wide entry starts us; our own copy would only shadow it.
            if lines is not None:
                self._remove()
            return
        self._write(_fresh_entry(self._command))

    def _enable_user_edited(self, lines: list[str]) -> None:
        try:
            if desktop_file.get_key(lines, "Exec") is None:
                # A bare "Hidden=true" stub someone made to silence the system entry:
                # without it the system entry (or a fresh one of ours) starts us.
                self._remove()
                if not self._system_enabled():
                    self._write(_fresh_entry(self._command))
                return
            lines = desktop_file.remove_key(lines, "Hidden")
            if desktop_file.get_key(lines, "X-GNOME-Autostart-enabled") is not None:
                lines = desktop_file.set_key(lines, "X-GNOME-Autostart-enabled", "true")
        except desktop_file.DesktopFileError as error:
            raise AutostartError(
                f"The login entry {self.path} is not a desktop entry ({error}); "
                "fix or delete it, then try again."
            ) from error
        self._write(lines)

    def disable(self) -> None:
        lines = self._read_lines(self.path)
        if lines is None or _is_ours_unmodified(lines):
            if self._system_entry() is not None:
                # The spec's way to switch a system-wide entry off for one user.
                self._write(_hidden_override(self._command))
            elif lines is not None:
                self._remove()
            return
        try:
            lines = desktop_file.set_key(lines, "Hidden", "true")
        except desktop_file.DesktopFileError:
            return  # not an entry any session manager would start; leave it as it is
        self._write(lines)

    def describe(self) -> str:
        state = "on" if self.is_enabled() else "off"
        return f"Start at login is {state} (login entry: {self.path})."

    def _write(self, lines: Sequence[str]) -> None:
        try:
            _write_atomically(self.path, ("\n".join(lines) + "\n").encode("utf-8"))
        except OSError as error:
            raise AutostartError(f"Can't write the login entry {self.path}: {error}") from error

    def _remove(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(f"Can't remove the login entry {self.path}: {error}") from error


def _lines_enabled(lines: Sequence[str]) -> bool:
    try:
        hidden = desktop_file.get_key(lines, "Hidden")
        gnome = desktop_file.get_key(lines, "X-GNOME-Autostart-enabled")
    except desktop_file.DesktopFileError:
        return False  # no [Desktop Entry] group: no session manager would start it
    if desktop_file.is_true(hidden):
        return False
    # GNOME and Xfce honour this key too; when it says false the entry does not start.
    return not (gnome is not None and gnome.strip() in ("false", "0"))


def _checksum(lines: Sequence[str]) -> str:
    body = "\n".join(line for line in lines if not line.startswith(f"{CHECKSUM_KEY}="))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def _is_ours_unmodified(lines: Sequence[str]) -> bool:
    try:
        recorded = desktop_file.get_key(lines, CHECKSUM_KEY)
    except desktop_file.DesktopFileError:
        return False
    return recorded is not None and recorded == _checksum(lines)


def _fresh_entry(command: Sequence[str]) -> list[str]:
    lines = [
        _HEADER_COMMENT,
        desktop_file.ENTRY_GROUP,
        "Type=Application",
        "Name=backbreak",
        "Comment=Reminds you to stand up and stretch",
        f"Exec={desktop_file.exec_value(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        # Let the panel come up first: the tray icon has somewhere to go.
        "X-GNOME-Autostart-Delay=5",
    ]
    return [*lines, f"{CHECKSUM_KEY}={_checksum(lines)}"]


def _hidden_override(command: Sequence[str]) -> list[str]:
    lines = [
        _HEADER_COMMENT,
        desktop_file.ENTRY_GROUP,
        "Type=Application",
        "Name=backbreak",
        f"Exec={desktop_file.exec_value(command)}",
        "Hidden=true",
    ]
    return [*lines, f"{CHECKSUM_KEY}={_checksum(lines)}"]


# ---- Windows -------------------------------------------------------------------------------

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
RUN_VALUE = "backbreak"


class WindowsRunKeyAutostart:
    """``HKCU\\...\\Run`` value, respecting Task Manager's per-user "Disabled" switch.

    ``winreg`` is the module (or a fake with the same functions) so tests run anywhere.
    """

    def __init__(self, command: Sequence[str], winreg: Any) -> None:
        self._command = list(command)
        self._winreg = winreg

    def _read(self, key_path: str, name: str) -> object | None:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, key_path, 0, reg.KEY_READ) as key:
                value, _kind = reg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise AutostartError(f"Can't read the registry key {key_path}: {error}") from error
        return value  # type: ignore[no-any-return]

    def blocked_by_user(self) -> bool:
        """True when Task Manager's Startup tab says "Disabled" for backbreak.

        Explorer keeps a 12-byte value there: the first byte is 0x02 (or 0x06) when
        enabled and 0x03 (or 0x07) when the user disabled it, followed by the time of the
        change. An odd first byte means disabled; a missing value means enabled.
        """
        value = self._read(APPROVED_KEY, RUN_VALUE)
        if not isinstance(value, bytes | bytearray) or not value:
            return False
        return value[0] & 0x01 == 0x01

    def is_enabled(self) -> bool:
        try:
            return self._read(RUN_KEY, RUN_VALUE) is not None and not self.blocked_by_user()
        except AutostartError:
            return False

    def enable(self) -> None:
        reg = self._winreg
        command_line = subprocess.list2cmdline(self._command)
        try:
            with reg.CreateKeyEx(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.SetValueEx(key, RUN_VALUE, 0, reg.REG_SZ, command_line)
        except OSError as error:
            raise AutostartError(f"Can't write the registry key {RUN_KEY}: {error}") from error
        if self.blocked_by_user():
            # The Run value is there (so Task Manager lists backbreak), but flipping the
            # StartupApproved byte would silently undo the user's own choice.
            raise AutostartBlockedError(
                "Start at login was turned off in Task Manager's Startup apps. "
                "Turn backbreak on there to start it at login."
            )

    def disable(self) -> None:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key:
                reg.DeleteValue(key, RUN_VALUE)
        except FileNotFoundError:
            return
        except OSError as error:
            raise AutostartError(f"Can't change the registry key {RUN_KEY}: {error}") from error

    def describe(self) -> str:
        if self.blocked_by_user():
            return "Start at login is off: it was turned off in Task Manager's Startup apps."
        state = "on" if self.is_enabled() else "off"
        return f"Start at login is {state} (registry: HKEY_CURRENT_USER\\{RUN_KEY})."


# ---- macOS ---------------------------------------------------------------------------------


class LaunchAgentAutostart:
    """A per-user LaunchAgent with ``RunAtLoad``: launchd starts it at the next login.

    We don't ``launchctl bootstrap`` the agent on enable: backbreak is already running
    when the user switches this on, and loading the agent now would start a second copy
    (which would only hand over to the first). It takes effect at the next login.
    """

    def __init__(self, command: Sequence[str], home: Path | None = None) -> None:
        self._command = list(command)
        self._home = home if home is not None else Path.home()

    @property
    def path(self) -> Path:
        return self._home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"

    def _read(self) -> dict[str, Any] | None:
        try:
            with self.path.open("rb") as stream:
                data = plistlib.load(stream)
        except FileNotFoundError:
            return None
        except (OSError, plistlib.InvalidFileException, ValueError) as error:
            raise AutostartError(f"Can't read the login item {self.path}: {error}") from error
        if not isinstance(data, dict):
            raise AutostartError(f"The login item {self.path} is not a launchd property list.")
        return data

    def is_enabled(self) -> bool:
        try:
            data = self._read()
        except AutostartError:
            return False
        if data is None:
            return False
        return data.get("RunAtLoad") is True and data.get("Disabled") is not True

    def enable(self) -> None:
        try:
            data = self._read()
        except AutostartError:
            # Unreadable: keep the user's bytes beside ours rather than losing them.
            backup = self.path.with_name(self.path.name + ".bak")
            try:
                os.replace(self.path, backup)
            except OSError as error:
                raise AutostartError(
                    f"Can't replace the login item {self.path}: {error}"
                ) from error
            data = None
        if data is None or "ProgramArguments" not in data:
            data = {"Label": APP_ID, "ProgramArguments": self._command}
        # Keep an existing ProgramArguments (the user may have added options).
        data["RunAtLoad"] = True
        data.pop("Disabled", None)
        data.setdefault("ProcessType", "Interactive")
        try:
            _write_atomically(self.path, plistlib.dumps(data))
        except OSError as error:
            raise AutostartError(f"Can't write the login item {self.path}: {error}") from error

    def disable(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise AutostartError(f"Can't remove the login item {self.path}: {error}") from error

    def describe(self) -> str:
        state = "on" if self.is_enabled() else "off"
        return f"Start at login is {state} (login item: {self.path})."


# ---- for the settings dialog and the CLI ---------------------------------------------------


@dataclass(frozen=True)
class AutostartState:
    """What the "Start at login" check box shows: ``enabled`` None means it can't be set
    here; ``note`` (if any) is a sentence for the user saying why or what went wrong."""

    enabled: bool | None
    note: str | None = None


def read_state(autostart: Autostart) -> AutostartState:
    """The real state, read from the system now."""
    if isinstance(autostart, NoAutostart):
        return AutostartState(None, autostart.describe())
    if isinstance(autostart, WindowsRunKeyAutostart) and autostart.blocked_by_user():
        return AutostartState(False, autostart.describe())
    return AutostartState(autostart.is_enabled())


def apply_start_at_login(autostart: Autostart, wanted: bool) -> AutostartState:
    """Switch start at login on or off, then read back what really happened.

    A failure never raises: the returned note tells the user, and ``enabled`` is the
    state the system is really in afterwards.
    """
    try:
        if wanted:
            autostart.enable()
        else:
            autostart.disable()
    except AutostartError as error:
        state = read_state(autostart)
        return AutostartState(state.enabled, str(error))
    return read_state(autostart)
