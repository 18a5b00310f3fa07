"""Platform adapters' logic with fakes: idle sources (Windows, macOS, D-Bus), the source
picker, Windows full-screen states, Windows session messages and the DND detector.
None of this needs the real OS facility; the real X11 paths run in tests/e2e."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Sequence

import pytest

from backbreak.platform.dnd import CACHE_SECONDS, DndDetector
from backbreak.platform.fullscreen import (
    QUNS_ACCEPTS_NOTIFICATIONS,
    QUNS_APP,
    QUNS_BUSY,
    QUNS_NOT_PRESENT,
    QUNS_PRESENTATION_MODE,
    QUNS_QUIET_TIME,
    QUNS_RUNNING_D3D_FULL_SCREEN,
    FullscreenDetector,
    WindowsFullscreen,
)
from backbreak.platform.idle import (
    CG_ANY_INPUT_EVENT_TYPE,
    CG_COMBINED_SESSION_STATE,
    DBusError,
    IdleSource,
    MacIdleSource,
    MutterIdleSource,
    NullIdleSource,
    ScreenSaverIdleSource,
    WindowsIdleSource,
    idle_candidates,
    idle_from_ticks,
    pick_idle_source,
)
from backbreak.platform.session_events import (
    PBT_APMRESUMEAUTOMATIC,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    WindowsMsg,
    WindowsSessionFilter,
    decode_windows_message,
)

WRAP = 2**32

# ---- Windows idle -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "last", "seconds"),
    [
        (10_000, 4_000, 6.0),
        (5_000, 5_000, 0.0),
        # The tick count wrapped (49.7 days of uptime) after the last input.
        (1_000, WRAP - 2_000, 3.0),
        # Input right at the wrap.
        (0, WRAP - 1, 0.001),
    ],
)
def test_idle_from_ticks_survives_the_49_day_wraparound(
    now: int, last: int, seconds: float
) -> None:
    assert idle_from_ticks(now, last) == pytest.approx(seconds)


def test_windows_source_reads_ticks_and_last_input() -> None:
    source = WindowsIdleSource(lambda: 70_500, lambda: 10_500)
    assert source.idle_seconds() == 60.0


def test_windows_source_failed_call_means_no_reading() -> None:
    assert WindowsIdleSource(lambda: 1, lambda: None).idle_seconds() is None


@pytest.mark.skipif(sys.platform == "win32", reason="checks the guard on other platforms")
def test_windows_source_refuses_to_load_elsewhere() -> None:
    with pytest.raises(OSError):
        WindowsIdleSource.from_system()


# ---- macOS idle ---------------------------------------------------------------------------


def test_mac_source_asks_for_any_input_in_the_combined_session() -> None:
    asked: list[tuple[int, int]] = []

    def since(state: int, event_type: int) -> float:
        asked.append((state, event_type))
        return 42.5

    assert MacIdleSource(since).idle_seconds() == 42.5
    assert asked == [(CG_COMBINED_SESSION_STATE, CG_ANY_INPUT_EVENT_TYPE)]


@pytest.mark.parametrize("bad", [float("nan"), -1.0])
def test_mac_source_nonsense_means_no_reading(bad: float) -> None:
    assert MacIdleSource(lambda state, kind: bad).idle_seconds() is None


# ---- D-Bus idle -------------------------------------------------------------------------


class FakeBus:
    def __init__(self, answers: dict[str, object]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str, str, str]] = []

    def __call__(self, service: str, path: str, interface: str, method: str) -> object:
        self.calls.append((service, path, interface, method))
        answer = self.answers.get(method)
        if isinstance(answer, Exception):
            raise answer
        if answer is None:
            raise DBusError("org.freedesktop.DBus.Error.ServiceUnknown: no such service")
        return answer


def test_mutter_answers_milliseconds() -> None:
    bus = FakeBus({"GetIdletime": 125_000})
    assert MutterIdleSource(bus).idle_seconds() == 125.0
    assert bus.calls == [
        (
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
        )
    ]


def test_screensaver_idle_time_is_read_as_milliseconds() -> None:
    bus = FakeBus({"GetSessionIdleTime": 3_000})
    assert ScreenSaverIdleSource(bus).idle_seconds() == 3.0


@pytest.mark.parametrize(
    "answer",
    [DBusError("org.freedesktop.DBus.Error.NotSupported: not supported"), "soon", True],
)
def test_dbus_sources_turn_errors_and_odd_answers_into_no_reading(answer: object) -> None:
    bus = FakeBus({"GetSessionIdleTime": answer, "GetIdletime": answer})
    assert ScreenSaverIdleSource(bus).idle_seconds() is None
    assert MutterIdleSource(bus).idle_seconds() is None


# ---- picking a source ---------------------------------------------------------------------


class FixedSource:
    def __init__(self, name: str, reading: float | None) -> None:
        self.name = name
        self.reading = reading
        self.closed = False

    def idle_seconds(self) -> float | None:
        return self.reading

    def close(self) -> None:
        self.closed = True


def test_pick_takes_the_first_candidate_that_gives_a_reading() -> None:
    silent = FixedSource("silent", None)
    working = FixedSource("working", 3.0)
    later = FixedSource("later", 1.0)

    def broken() -> IdleSource:
        raise OSError("library missing")

    picked = pick_idle_source(
        candidates=[
            ("broken", broken),
            ("silent", lambda: silent),
            ("working", lambda: working),
            ("later", lambda: later),
        ]
    )
    assert picked is working
    assert silent.closed  # a probed source that failed lets go of its connection


def test_pick_falls_back_to_the_null_source() -> None:
    picked = pick_idle_source(candidates=[("silent", lambda: FixedSource("s", None))])
    assert isinstance(picked, NullIdleSource)
    assert picked.idle_seconds() is None


def _names(environ: dict[str, str], platform: str = "linux") -> list[str]:
    def no_bus() -> FakeBus:
        return FakeBus({})

    return [label for label, _ in idle_candidates(environ, platform, no_bus)]


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, "linux", ["X11", "ScreenSaver", "GNOME"]),
        (
            {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"},
            "linux",
            ["X11", "GNOME", "ScreenSaver"],
        ),
        (
            {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"},
            "linux",
            ["GNOME", "ScreenSaver", "X11"],
        ),
        (
            {"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "KDE"},
            "linux",
            ["ScreenSaver", "GNOME"],
        ),
        ({}, "linux", ["ScreenSaver", "GNOME"]),
        ({"DISPLAY": ":0"}, "win32", ["Windows"]),
        ({}, "darwin", ["macOS"]),
    ],
)
def test_candidates_follow_the_session_type(
    environ: dict[str, str], platform: str, expected: list[str]
) -> None:
    assert _names(environ, platform) == expected


def test_on_wayland_gnome_the_dbus_source_is_picked() -> None:
    bus = FakeBus({"GetIdletime": 9_000})
    picked = pick_idle_source(
        environ={"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "GNOME"},
        platform="linux",
        dbus_call=lambda: bus,
    )
    assert isinstance(picked, MutterIdleSource)
    assert picked.idle_seconds() == 9.0


def test_kde_not_supported_falls_back_to_mutter_then_null() -> None:
    bus = FakeBus({"GetSessionIdleTime": DBusError("NotSupported")})
    picked = pick_idle_source(
        environ={"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "KDE"},
        platform="linux",
        dbus_call=lambda: bus,
    )
    assert isinstance(picked, NullIdleSource)
    assert [call[3] for call in bus.calls] == ["GetSessionIdleTime", "GetIdletime"]


# ---- Windows full screen ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (QUNS_BUSY, True),
        (QUNS_RUNNING_D3D_FULL_SCREEN, True),
        (QUNS_PRESENTATION_MODE, True),
        (QUNS_ACCEPTS_NOTIFICATIONS, False),
        (QUNS_QUIET_TIME, False),
        (QUNS_NOT_PRESENT, False),
        (QUNS_APP, False),
        (None, None),
    ],
)
def test_windows_notification_state_to_full_screen(
    state: int | None, expected: bool | None
) -> None:
    detector = FullscreenDetector(backend=WindowsFullscreen(lambda: state))
    assert detector.is_fullscreen() is expected


def test_macos_full_screen_is_unknown_and_says_why() -> None:
    detector = FullscreenDetector(platform="darwin", environ={})
    assert detector.is_fullscreen() is None
    assert "macOS" in detector.describe()


def test_wayland_without_xwayland_full_screen_is_unknown() -> None:
    detector = FullscreenDetector(platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0"})
    assert detector.is_fullscreen() is None
    assert "Wayland" in detector.describe()


# ---- Windows session messages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "notice"),
    [
        (WM_POWERBROADCAST, PBT_APMSUSPEND, "about_to_sleep"),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, "resumed"),
        (WM_POWERBROADCAST, 0x0007, None),  # PBT_APMRESUMESUSPEND: the same wake again
        (WM_POWERBROADCAST, 0x000A, None),  # PBT_APMPOWERSTATUSCHANGE: battery, not sleep
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, "locked"),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, "unlocked"),
        (WM_WTSSESSION_CHANGE, 0x5, None),  # WTS_SESSION_LOGON
        (0x0010, PBT_APMSUSPEND, None),  # WM_CLOSE
    ],
)
def test_windows_messages_decode(message: int, wparam: int, notice: str | None) -> None:
    assert decode_windows_message(message, wparam) == notice


def test_the_native_filter_reads_a_msg_struct_and_never_swallows_it() -> None:
    heard: list[str] = []
    event_filter = WindowsSessionFilter(heard.append)
    msg = WindowsMsg(None, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, 0)
    result = event_filter.nativeEventFilter(b"windows_generic_MSG", ctypes.addressof(msg))
    assert heard == ["locked"]
    assert result == (False, 0)
    other = WindowsMsg(None, WM_POWERBROADCAST, PBT_APMSUSPEND, 0)
    event_filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(other))
    assert heard == ["locked"]  # only Windows messages are decoded


# ---- Do Not Disturb -----------------------------------------------------------------------


class FakeRun:
    def __init__(self, outputs: dict[str, str | None]) -> None:
        self.outputs = outputs
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> str | None:
        self.calls.append(list(argv))
        return self.outputs.get(argv[0])


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _dnd(
    desktop: str,
    run: FakeRun,
    inhibited: bool | None = None,
    tools: tuple[str, ...] = ("gsettings", "dunstctl"),
    clock: FakeTime | None = None,
) -> DndDetector:
    return DndDetector(
        environ={"XDG_CURRENT_DESKTOP": desktop},
        platform="linux",
        run=run,
        inhibited=lambda: inhibited,
        which=lambda name: f"/usr/bin/{name}" if name in tools else None,
        monotonic=clock or FakeTime(),
    )


@pytest.mark.parametrize(("banners", "on"), [("false\n", True), ("true\n", False)])
def test_gnome_dnd_is_banners_off(banners: str, on: bool) -> None:
    run = FakeRun({"gsettings": banners})
    assert _dnd("ubuntu:GNOME", run).is_on() is on
    assert run.calls == [["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"]]


def test_gsettings_is_not_asked_outside_gnome() -> None:
    run = FakeRun({"gsettings": "false", "dunstctl": "false\n"})
    assert _dnd("XFCE", run).is_on() is False
    assert [call[0] for call in run.calls] == ["dunstctl"]


def test_notification_server_inhibited_property_counts() -> None:
    assert _dnd("KDE", FakeRun({}), inhibited=True).is_on() is True


def test_dunst_paused_counts() -> None:
    assert _dnd("", FakeRun({"dunstctl": "true\n"})).is_on() is True


def test_nothing_answers_means_unknown() -> None:
    detector = _dnd("", FakeRun({"dunstctl": None}), tools=())
    assert detector.is_on() is None
    assert "no Do Not Disturb" in detector.describe()


def test_the_answer_is_cached_for_15_seconds() -> None:
    run = FakeRun({"dunstctl": "true\n"})
    clock = FakeTime()
    detector = _dnd("", run, clock=clock)
    assert detector.is_on() is True
    run.outputs["dunstctl"] = "false\n"
    clock.now += CACHE_SECONDS - 1
    assert detector.is_on() is True
    assert len(run.calls) == 1
    clock.now += 1
    assert detector.is_on() is False
    assert len(run.calls) == 2


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_focus_modes_are_unknown(platform: str) -> None:
    detector = DndDetector(environ={}, platform=platform, run=FakeRun({}), inhibited=lambda: True)
    assert detector.is_on() is None
