"""Call detectors (platform/calls.py) against fake pactl output, fake /proc trees, a real
child process, and fake Windows registry and CoreAudio readers.

The Windows and macOS readers are exercised only through these fakes: they have not run on
those systems. The Linux microphone path also runs against a real PulseAudio server in
tests/e2e/test_call_hold.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from backbreak.platform.calls import (
    CACHE_SECONDS,
    K_AUDIO_OBJECT_SYSTEM_OBJECT,
    K_DEFAULT_INPUT_DEVICE,
    K_DEVICE_IS_RUNNING_SOMEWHERE,
    Cached,
    CoreAudioInput,
    ListedPrograms,
    OpenDevices,
    PulseCaptureStreams,
    RegistryKey,
    WindowsConsentStore,
    consent_in_use,
    is_video_device,
    pick_call_detectors,
)
from backbreak.platform.helper_programs import RunCommand

MIC = {"index": 0, "name": "alsa_input.usb-mic", "monitor_source": "", "properties": {}}
MONITOR = {"index": 1, "name": "speakers.monitor", "monitor_source": "speakers", "properties": {}}


def stream(
    source: int = 0, properties: dict[str, str] | None = None, *, corked: bool = False
) -> dict[str, object]:
    return {"index": 7, "source": source, "corked": corked, "properties": properties or {}}


def pactl(
    outputs: list[dict[str, object]], sources: Sequence[object] = (MIC, MONITOR)
) -> tuple[RunCommand, list[list[str]]]:
    calls: list[list[str]] = []

    def run(argv: Sequence[str]) -> str | None:
        calls.append(list(argv))
        if argv[-1] == "source-outputs":
            return json.dumps(outputs)
        if argv[-1] == "sources":
            return json.dumps(list(sources))
        return None

    return run, calls


def pulse(outputs: list[dict[str, object]], own_pid: int = 4242) -> PulseCaptureStreams:
    run, _calls = pactl(outputs)
    return PulseCaptureStreams(run=run, which=lambda _name: "/usr/bin/pactl", own_pid=own_pid)


def test_a_running_capture_of_a_real_source_is_a_call() -> None:
    detector = pulse([stream(0, {"application.name": "Firefox"})])
    assert detector.in_use() is True
    assert "yes" in detector.describe()


def test_no_capture_stream_is_no_call() -> None:
    assert pulse([]).in_use() is False


@pytest.mark.parametrize(
    "quiet",
    [
        stream(0, corked=True),  # a muted/paused stream records nothing
        stream(1),  # recording the speakers' monitor: a screen recorder, not a microphone
        stream(0, {"application.id": "org.PulseAudio.pavucontrol"}),  # a level meter
        stream(0, {"application.process.id": "4242"}),  # ourselves
    ],
)
def test_streams_that_are_not_a_call(quiet: dict[str, object]) -> None:
    assert pulse([quiet]).in_use() is False


def test_a_monitor_is_known_by_its_name_too() -> None:
    run, _ = pactl([stream(5)], sources=[{"index": 5, "name": "hdmi.monitor"}])
    detector = PulseCaptureStreams(run=run, which=lambda _name: "pactl", own_pid=1)
    assert detector.in_use() is False


def test_no_pactl_or_no_answer_is_unknown_with_a_reason() -> None:
    missing = PulseCaptureStreams(run=lambda _argv: None, which=lambda _name: None)
    assert missing.in_use() is None
    assert "pulseaudio-utils" in missing.describe()
    silent = PulseCaptureStreams(run=lambda _argv: None, which=lambda _name: "pactl")
    assert silent.in_use() is None
    garbled = PulseCaptureStreams(run=lambda _argv: "Connection refused", which=lambda _n: "p")
    assert garbled.in_use() is None


def test_the_answer_is_kept_for_a_while_so_a_hold_never_polls_fast() -> None:
    run, calls = pactl([stream(0)])
    clock = [100.0]
    cached = Cached(PulseCaptureStreams(run=run, which=lambda _n: "pactl"), lambda: clock[0])
    assert cached.in_use() is True
    assert cached.in_use() is True
    assert len(calls) == 2  # one source-outputs + one sources listing
    clock[0] += CACHE_SECONDS
    cached.in_use()
    assert len(calls) == 4


# ---- /proc --------------------------------------------------------------------------------


def fake_proc(tmp_path: Path, processes: dict[int, tuple[str, list[str]]]) -> Path:
    proc = tmp_path / "proc"
    for pid, (name, targets) in processes.items():
        folder = proc / str(pid)
        (folder / "fd").mkdir(parents=True)
        (folder / "comm").write_text(name + "\n")
        (folder / "cmdline").write_bytes(f"/usr/bin/{name}\0--flag\0".encode())
        for number, target in enumerate(targets):
            (folder / "fd" / str(number)).symlink_to(target)
    (proc / "self").mkdir()  # not a process number: ignored
    return proc


def test_a_video_device_held_by_another_process_is_the_camera_in_use(tmp_path: Path) -> None:
    proc = fake_proc(
        tmp_path,
        {10: ("bash", ["/dev/pts/1"]), 11: ("zoom", ["/dev/null", "/dev/video0"])},
    )
    camera = OpenDevices(is_video_device, "video", proc=proc, own_pid=1)
    assert camera.in_use() is True
    assert camera.holder() == "zoom"
    assert "zoom" in camera.describe()


def test_our_own_open_device_and_other_files_are_not_the_camera(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, {10: ("backbreak", ["/dev/video0"]), 11: ("vim", ["/tmp/x"])})
    assert OpenDevices(is_video_device, "video", proc=proc, own_pid=10).in_use() is False


def test_no_proc_is_unknown(tmp_path: Path) -> None:
    camera = OpenDevices(is_video_device, "video", proc=tmp_path / "nowhere")
    assert camera.in_use() is None
    assert "nowhere" in camera.describe()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_a_real_process_holding_a_file_open_is_found_in_the_real_proc(tmp_path: Path) -> None:
    device = tmp_path / "video9"
    device.write_bytes(b"")
    detector = OpenDevices(lambda target: target == str(device), "test device")
    assert detector.in_use() is False
    holder = subprocess.Popen(
        [sys.executable, "-c", f"f = open({str(device)!r}); import sys; sys.stdin.read()"],
        stdin=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 15
        while not detector.in_use():
            assert time.monotonic() < deadline, "the child never showed up holding the file"
            time.sleep(0.05)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    assert detector.in_use() is False


# ---- the user's program list --------------------------------------------------------------


def test_an_empty_list_holds_nothing_and_reads_nothing() -> None:
    def never() -> list[str]:
        raise AssertionError("an empty list must not read the process list")

    programs = ListedPrograms(running=never, front_classes=never)
    assert programs.in_use() is False


def test_a_listed_program_running_or_in_front_holds(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, {20: ("obs", []), 21: ("bash", [])})
    programs = ListedPrograms([" OBS ", ""], proc=proc)
    assert programs.in_use() is True
    assert programs.match() == "obs"
    front = ListedPrograms(["Zoom"], running=list, front_classes=lambda: ["zoom", "Zoom"])
    assert front.match() == "zoom"
    programs.set_names(["teams"])
    assert programs.in_use() is False
    assert "none running" in programs.describe()


def test_long_program_names_match_their_command_line(tmp_path: Path) -> None:
    # comm is cut to 15 characters by the kernel; argv[0] keeps the whole name.
    proc = fake_proc(tmp_path, {30: ("a-very-long-pro", [])})
    (proc / "30" / "cmdline").write_bytes(b"/opt/a-very-long-program-name\0")
    assert ListedPrograms(["a-very-long-program-name"], proc=proc).in_use() is True


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_a_real_running_program_is_found() -> None:
    sleeper = subprocess.Popen(["sleep", "30"])
    try:
        # Popen returns after fork, maybe before exec: until then the child is still
        # called python. Wait for the exec (bounded), then ask the detector.
        comm = Path(f"/proc/{sleeper.pid}/comm")
        deadline = time.monotonic() + 10
        while comm.read_text().strip() != "sleep" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert ListedPrograms(["sleep"]).match() == "sleep"
    finally:
        sleeper.kill()
        sleeper.wait()


def test_where_no_process_list_is_read_a_listed_program_is_unknown() -> None:
    programs = ListedPrograms(["zoom"], unsupported="Linux only")
    assert programs.in_use() is None
    assert programs.describe() == "Linux only"


# ---- Windows and macOS, through fakes only --------------------------------------------------


def app(start: int, stop: int) -> RegistryKey:
    return RegistryKey({"LastUsedTimeStart": start, "LastUsedTimeStop": stop}, {})


def test_consent_store_an_app_started_and_not_stopped_is_in_use() -> None:
    idle = RegistryKey(
        {"Value": "Allow"},
        {
            "Microsoft.WindowsCamera_8wekyb3d8bbwe": app(133_000, 133_100),
            "NonPackaged": RegistryKey(
                {}, {"C:#Program Files#Zoom#zoom.exe": app(133_200, 133_300)}
            ),
        },
    )
    assert consent_in_use(idle) is False
    busy = RegistryKey({}, {"NonPackaged": RegistryKey({}, {"C:#Zoom#zoom.exe": app(133_400, 0)})})
    assert consent_in_use(busy) is True
    never_used = RegistryKey({}, {"SomeApp": app(0, 0)})
    assert consent_in_use(never_used) is False
    assert consent_in_use(None) is None
    store = WindowsConsentStore(
        "webcam", lambda capability: busy if capability == "webcam" else None
    )
    assert store.in_use() is True
    assert "webcam" in store.describe()


def test_core_audio_input_running_somewhere() -> None:
    values = {
        (K_AUDIO_OBJECT_SYSTEM_OBJECT, K_DEFAULT_INPUT_DEVICE): 73,
        (73, K_DEVICE_IS_RUNNING_SOMEWHERE): 1,
    }
    detector = CoreAudioInput(lambda obj, selector: values.get((obj, selector)))
    assert detector.in_use() is True
    values[(73, K_DEVICE_IS_RUNNING_SOMEWHERE)] = 0
    assert detector.in_use() is False
    values[(K_AUDIO_OBJECT_SYSTEM_OBJECT, K_DEFAULT_INPUT_DEVICE)] = 0
    assert detector.in_use() is None  # no input device


def test_picked_per_platform_and_said_plainly_when_untried() -> None:
    linux = pick_call_detectors({"DISPLAY": ""}, "linux")
    assert "pactl" in linux.microphone.describe() or "sound server" in linux.microphone.describe()
    mac = pick_call_detectors({}, "darwin")
    assert mac.camera.in_use() is None
    if sys.platform != "win32":
        windows = pick_call_detectors({}, "win32")
        # No winreg here: unknown, with the reason, never a crash.
        assert windows.microphone.in_use() is None
        assert "registry" in windows.microphone.describe()
