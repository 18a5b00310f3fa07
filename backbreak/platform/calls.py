"""Is the user on a call? The microphone, the camera, and programs the user listed.

Each detector answers ``in_use()`` with True, False or None ("can't tell here") and says in
``describe()`` what it looks at (for ``backbreak doctor``). Like the full-screen and Do Not
Disturb checks they are asked only while a prompt is due (every 15 s during a hold) and,
once per away threshold, when idle time is about to count as a break: never polled.
Answers are kept for ``CACHE_SECONDS`` because a check may start a process.

- Microphone, Linux: capture streams on the sound server, read with ``pactl`` (PulseAudio
  and PipeWire both answer the PulseAudio protocol). A stream that is running (not
  corked), from another process, recording from a real source (not a ``.monitor`` of an
  output: that is a screen recorder or a level meter, not a microphone) means "in use".
- Camera, Linux: a ``/dev/video*`` device held open by another process (read from
  ``/proc/<pid>/fd``; processes of other users are not readable and are skipped).
- Windows: the capability consent store in the registry records, per app, when it last
  started and stopped using the microphone or the webcam; a start with no stop is "in
  use now".
- macOS: CoreAudio's "running somewhere" property of the default input device.
  The camera has no public equivalent without CoreMediaIO bindings: None there.

The Windows and macOS readers are written against the documented interfaces but have
NOT been run on those systems here: the tests feed them fake registry trees and fake
property readers. The Linux microphone path is tested against a real PulseAudio server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from backbreak.platform.helper_programs import RunCommand, run_command

log = logging.getLogger(__name__)

CACHE_SECONDS = 15.0
LEVEL_METERS = frozenset({"org.PulseAudio.pavucontrol"})
"""Capture streams that only draw a volume meter (the mixer's own), never a call."""


class Detector(Protocol):
    def in_use(self) -> bool | None: ...

    def describe(self) -> str: ...


class Unavailable:
    """A detector for a platform that cannot tell."""

    def __init__(self, why: str) -> None:
        self._why = why

    def in_use(self) -> bool | None:
        return None

    def describe(self) -> str:
        return self._why


class Cached:
    """Keeps a detector's answer for ``CACHE_SECONDS``: a hold re-asks every 15 s and the
    away check may ask again right after."""

    def __init__(self, detector: Detector, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.detector = detector
        self._monotonic = monotonic
        self._answer: bool | None = None
        self._at: float | None = None

    def in_use(self) -> bool | None:
        now = self._monotonic()
        if self._at is None or now - self._at >= CACHE_SECONDS:
            try:
                self._answer = self.detector.in_use()
            except OSError as error:
                log.info("call check failed: %s", error)
                self._answer = None
            self._at = now
        return self._answer

    def describe(self) -> str:
        return self.detector.describe()


# ---- Linux: the microphone through the PulseAudio protocol -------------------------------


class PulseCaptureStreams:
    """Capture streams on the sound server (``pactl``, PulseAudio 16 or newer)."""

    def __init__(
        self,
        run: RunCommand = run_command,
        which: Callable[[str], str | None] = shutil.which,
        own_pid: int | None = None,
    ) -> None:
        self._run = run
        self._which = which
        self._own_pid = os.getpid() if own_pid is None else own_pid

    def in_use(self) -> bool | None:
        return self._read()[0]

    def describe(self) -> str:
        answer, why = self._read()
        if answer is None:
            return why
        return f"{why} (microphone in use now: {'yes' if answer else 'no'})"

    def _read(self) -> tuple[bool | None, str]:
        if not self._which("pactl"):
            return None, "pactl is not installed (Debian/Ubuntu: pulseaudio-utils)"
        outputs = _json_list(self._run(["pactl", "--format=json", "list", "source-outputs"]))
        if outputs is None:
            return None, "the sound server does not answer pactl (or pactl is older than 16)"
        sources = _json_list(self._run(["pactl", "--format=json", "list", "sources"])) or []
        monitors = {
            source.get("index")
            for source in sources
            if isinstance(source, dict) and _is_monitor(source)
        }
        busy = [
            stream
            for stream in outputs
            if isinstance(stream, dict) and self._is_call_capture(stream, monitors)
        ]
        if busy:
            log.debug("capture streams in use: %s", [_program(stream) for stream in busy])
        return bool(busy), "capture streams on the sound server (pactl)"

    def _is_call_capture(self, stream: Mapping[str, object], monitors: set[object]) -> bool:
        if stream.get("corked") is True:
            return False  # paused: the program holds the stream but records nothing
        if stream.get("source") in monitors:
            return False
        properties = stream.get("properties")
        if isinstance(properties, dict):
            if properties.get("application.id") in LEVEL_METERS:
                return False
            if properties.get("application.process.id") == str(self._own_pid):
                return False
        return True


def _json_list(text: str | None) -> list[object] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, list) else None


def _is_monitor(source: Mapping[str, object]) -> bool:
    # pactl's JSON names the sink a monitor source listens to "monitor_source" (sic).
    if source.get("monitor_source"):
        return True
    properties = source.get("properties")
    if isinstance(properties, dict) and properties.get("device.class") == "monitor":
        return True
    name = source.get("name")
    return isinstance(name, str) and name.endswith(".monitor")


def _program(stream: Mapping[str, object]) -> str:
    properties = stream.get("properties")
    if isinstance(properties, dict):
        name = properties.get("application.name") or properties.get("application.process.binary")
        if isinstance(name, str):
            return name
    return "?"


# ---- Linux: devices held open by other processes (/proc) ----------------------------------


def _process_dirs(proc: Path) -> Iterator[Path]:
    try:
        entries = list(proc.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.isdigit():
            yield entry


class OpenDevices:
    """A device file (``/dev/video0``, …) held open by another process."""

    def __init__(
        self,
        is_device: Callable[[str], bool],
        what: str,
        proc: Path = Path("/proc"),
        own_pid: int | None = None,
    ) -> None:
        self._is_device = is_device
        self._what = what
        self._proc = proc
        self._own_pid = os.getpid() if own_pid is None else own_pid

    def in_use(self) -> bool | None:
        if not self._proc.is_dir():
            return None
        return self.holder() is not None

    def holder(self) -> str | None:
        """The name of a process holding such a device open, or None."""
        for process in _process_dirs(self._proc):
            if process.name == str(self._own_pid):
                continue
            try:
                descriptors = list((process / "fd").iterdir())
            except OSError:
                continue  # another user's process, or it just ended
            for descriptor in descriptors:
                try:
                    target = os.readlink(descriptor)
                except OSError:
                    continue
                if self._is_device(target):
                    return _comm(process)
        return None

    def describe(self) -> str:
        if not self._proc.is_dir():
            return f"no {self._proc} to read which programs hold a {self._what} open"
        holder = self.holder()
        state = f"yes, by {holder}" if holder else "no"
        return f"{self._what} devices held open by other programs (in use now: {state})"


def is_video_device(path: str) -> bool:
    return path.startswith("/dev/video")


def _comm(process: Path) -> str:
    try:
        return (process / "comm").read_text(errors="replace").strip()
    except OSError:
        return process.name


# ---- programs the user listed -------------------------------------------------------------


FrontClasses = Callable[[], Iterable[str]]
"""The window class names (WM_CLASS instance and class) of the window in front."""


def _no_front_window() -> Iterable[str]:
    return ()


class ListedPrograms:
    """One of the user's programs runs (process name) or is in front (window class)."""

    def __init__(
        self,
        names: Iterable[str] = (),
        *,
        proc: Path = Path("/proc"),
        front_classes: FrontClasses = _no_front_window,
        running: Callable[[], Iterable[str]] | None = None,
        unsupported: str | None = None,
    ) -> None:
        self._unsupported = unsupported
        self._names: frozenset[str] = frozenset()
        self.set_names(names)
        self._proc = proc
        self._front = front_classes
        self._running = running if running is not None else self._proc_names

    def set_names(self, names: Iterable[str]) -> None:
        self._names = frozenset(name.strip().lower() for name in names if name.strip())

    def in_use(self) -> bool | None:
        if not self._names:
            return False
        if self._unsupported is not None:
            return None
        return self.match() is not None

    def match(self) -> str | None:
        """The first listed program that runs or is in front now."""
        if not self._names or self._unsupported is not None:
            return None
        for name in self._front():
            if name.lower() in self._names:
                return name
        for name in self._running():
            if name.lower() in self._names:
                return name
        return None

    def _proc_names(self) -> Iterator[str]:
        for process in _process_dirs(self._proc):
            yield _comm(process)
            try:
                argv0 = (process / "cmdline").read_bytes().split(b"\0", 1)[0]
            except OSError:
                continue
            if argv0:
                # comm is cut to 15 characters; the program's own name is not.
                yield os.path.basename(argv0.decode(errors="replace"))

    def describe(self) -> str:
        if self._unsupported is not None:
            return self._unsupported
        if not self._names:
            return "no programs listed (Settings → Schedule)"
        found = self.match()
        listed = ", ".join(sorted(self._names))
        return f"listed: {listed} ({'running now: ' + found if found else 'none running now'})"


def x11_front_classes(display_name: str | None) -> FrontClasses:
    """WM_CLASS of the window in front on this X display (empty without one)."""
    if display_name is None:
        return _no_front_window
    from backbreak.platform.fullscreen import X11Fullscreen
    from backbreak.platform.xlib import XDisplay, XlibUnavailableError

    opened: list[XDisplay] = []

    def classes() -> list[str]:
        try:
            if not opened:
                opened.append(XDisplay(display_name))
            display = opened[0]
        except XlibUnavailableError:
            return []
        window = X11Fullscreen.active_window(display)
        found: list[str] = []
        for candidate in X11Fullscreen.up_to_top(display, window) if window else []:
            raw = display.property_bytes(candidate, "WM_CLASS")
            if raw:
                found += [part.decode(errors="replace") for part in raw.split(b"\0") if part]
        return found

    return classes


# ---- Windows: the capability consent store -----------------------------------------------

CONSENT_STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"


@dataclass(frozen=True)
class RegistryKey:
    """One key of the consent store as read: its values and its subkeys."""

    values: Mapping[str, object]
    subkeys: Mapping[str, RegistryKey]


ReadRegistry = Callable[[str], RegistryKey | None]
"""The consent store's ``microphone`` or ``webcam`` key (two levels deep), or None."""


def consent_in_use(key: RegistryKey | None) -> bool | None:
    """Any app whose LastUsedTimeStart is set and LastUsedTimeStop is 0: in use now.

    Packaged apps are subkeys of the capability key; desktop programs are subkeys of its
    ``NonPackaged`` subkey (named after the program's path).
    """
    if key is None:
        return None
    apps = [app for name, app in key.subkeys.items() if name != "NonPackaged"]
    non_packaged = key.subkeys.get("NonPackaged")
    if non_packaged is not None:
        apps += list(non_packaged.subkeys.values())
    for app in apps:
        start = app.values.get("LastUsedTimeStart")
        stop = app.values.get("LastUsedTimeStop")
        if isinstance(start, int) and start > 0 and stop == 0:
            return True
    return False


class WindowsConsentStore:
    def __init__(self, capability: str, read: ReadRegistry) -> None:
        self._capability = capability
        self._read = read

    def in_use(self) -> bool | None:
        return consent_in_use(self._read(self._capability))

    def describe(self) -> str:
        return f"Windows capability consent store ({self._capability})"


def windows_registry_reader() -> ReadRegistry:  # pragma: no cover - Windows only
    # Through importlib: mypy on Linux sees winreg's stubs as empty (platform guards).
    winreg: Any = importlib.import_module("winreg")

    def read_key(handle: object, depth: int) -> RegistryKey:
        values: dict[str, object] = {}
        subkeys: dict[str, RegistryKey] = {}
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(handle, index)
            except OSError:
                break
            values[name] = value
            index += 1
        index = 0
        while depth > 0:
            try:
                name = winreg.EnumKey(handle, index)
            except OSError:
                break
            with winreg.OpenKey(handle, name) as child:
                subkeys[name] = read_key(child, depth - 1)
            index += 1
        return RegistryKey(values, subkeys)

    def read(capability: str) -> RegistryKey | None:
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, f"{CONSENT_STORE}\\{capability}") as key:
                return read_key(key, 2)
        except OSError:
            return None

    return read


# ---- macOS: CoreAudio ---------------------------------------------------------------------


def _four_cc(code: str) -> int:
    return int.from_bytes(code.encode("ascii"), "big")


K_AUDIO_OBJECT_SYSTEM_OBJECT = 1
K_DEFAULT_INPUT_DEVICE = _four_cc("dIn ")
K_DEVICE_IS_RUNNING_SOMEWHERE = _four_cc("gone")
K_SCOPE_GLOBAL = _four_cc("glob")
K_ELEMENT_MAIN = 0

ReadUInt32Property = Callable[[int, int], int | None]
"""(object id, selector) → the property's UInt32 value in the global scope, or None."""


class CoreAudioInput:
    """kAudioDevicePropertyDeviceIsRunningSomewhere of the default input device."""

    def __init__(self, read: ReadUInt32Property) -> None:
        self._read = read

    def in_use(self) -> bool | None:
        device = self._read(K_AUDIO_OBJECT_SYSTEM_OBJECT, K_DEFAULT_INPUT_DEVICE)
        if not device:
            return None  # no input device at all
        running = self._read(device, K_DEVICE_IS_RUNNING_SOMEWHERE)
        return None if running is None else running != 0

    def describe(self) -> str:
        return "CoreAudio: is the default input device running in any program"


class _PropertyAddress(ctypes.Structure):
    _fields_ = (
        ("selector", ctypes.c_uint32),
        ("scope", ctypes.c_uint32),
        ("element", ctypes.c_uint32),
    )


def core_audio_reader() -> ReadUInt32Property:  # pragma: no cover - macOS only
    path = ctypes.util.find_library("CoreAudio")
    if path is None:
        raise OSError("CoreAudio is not available")
    library = ctypes.CDLL(path)
    get = library.AudioObjectGetPropertyData
    get.argtypes = [
        ctypes.c_uint32,
        ctypes.POINTER(_PropertyAddress),
        ctypes.c_uint32,
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_uint32),
        ctypes.c_void_p,
    ]
    get.restype = ctypes.c_int32  # OSStatus

    def read(object_id: int, selector: int) -> int | None:
        address = _PropertyAddress(selector, K_SCOPE_GLOBAL, K_ELEMENT_MAIN)
        value = ctypes.c_uint32()
        size = ctypes.c_uint32(ctypes.sizeof(value))
        status = get(
            object_id, ctypes.byref(address), 0, None, ctypes.byref(size), ctypes.byref(value)
        )
        return None if status != 0 else int(value.value)

    return read


# ---- picking the detectors for this platform ---------------------------------------------

NO_PROCESS_LIST = "the program list works on Linux only for now (no process list read here)"


@dataclass
class CallDetectors:
    microphone: Detector
    camera: Detector
    programs: ListedPrograms


def pick_call_detectors(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> CallDetectors:
    from backbreak.platform.xlib import display_name

    not_run = " (written for this system, not yet tried on it)"
    if platform == "win32":
        try:
            reader = windows_registry_reader()
        except ImportError as error:
            return CallDetectors(
                Unavailable(f"registry unreadable: {error}"),
                Unavailable(f"registry unreadable: {error}"),
                ListedPrograms(unsupported=NO_PROCESS_LIST),
            )
        return CallDetectors(
            Cached(_Described(WindowsConsentStore("microphone", reader), not_run)),
            Cached(_Described(WindowsConsentStore("webcam", reader), not_run)),
            ListedPrograms(unsupported=NO_PROCESS_LIST),
        )
    if platform == "darwin":
        try:
            microphone: Detector = Cached(_Described(CoreAudioInput(core_audio_reader()), not_run))
        except OSError as error:
            microphone = Unavailable(str(error))
        return CallDetectors(
            microphone,
            Unavailable("the camera's state has no public interface we use on macOS"),
            ListedPrograms(unsupported=NO_PROCESS_LIST),
        )
    return CallDetectors(
        Cached(PulseCaptureStreams()),
        Cached(OpenDevices(is_video_device, "video (camera)")),
        ListedPrograms(front_classes=x11_front_classes(display_name(environ))),
    )


class _Described:
    """A detector whose description carries a note (such as "not tried on this system")."""

    def __init__(self, detector: Detector, note: str) -> None:
        self._detector = detector
        self._note = note

    def in_use(self) -> bool | None:
        return self._detector.in_use()

    def describe(self) -> str:
        return self._detector.describe() + self._note
