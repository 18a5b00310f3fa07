"""The X11 adapters against a real X server (Xvfb): idle time from the XScreenSaver
extension, and full-screen detection of a real Qt window in another process."""

from __future__ import annotations

import subprocess

import pytest

from backbreak.platform.fullscreen import FullscreenDetector
from backbreak.platform.idle import X11IdleSource, pick_idle_source
from tests.e2e.conftest import Desktop, wait_for
from tests.e2e.windows import qt_window

pytestmark = pytest.mark.e2e


def _command(process: subprocess.Popen[str], line: str, answer: str) -> None:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == answer


def test_idle_time_comes_from_the_x_server_and_pointer_motion_resets_it(
    desktop: Desktop,
) -> None:
    source = X11IdleSource(desktop.display)
    try:
        first = source.idle_seconds()
        assert first is not None and first >= 0
        # Real time passes on a real server; wait until the counter has clearly grown.
        wait_for(lambda: (source.idle_seconds() or 0) >= 1.5, timeout=10, what="idle time to grow")
        desktop.xdotool("mousemove", "200", "300")
        after = source.idle_seconds()
        assert after is not None and after < 1.0
    finally:
        source.close()


def test_the_picker_chooses_x11_on_an_x11_session(desktop: Desktop) -> None:
    source = pick_idle_source(environ={**desktop.env, "XDG_SESSION_TYPE": "x11"}, platform="linux")
    try:
        assert isinstance(source, X11IdleSource)
    finally:
        if isinstance(source, X11IdleSource):
            source.close()


def test_a_qt_window_shown_full_screen_is_seen_until_it_goes_away(desktop: Desktop) -> None:
    detector = FullscreenDetector(environ=desktop.env, platform="linux")
    try:
        assert detector.is_fullscreen() is False
        with qt_window(desktop, "fullscreen") as (process, window_id):
            wait_for(detector.is_fullscreen, timeout=10, what="the full-screen window")
            ours = FullscreenDetector(
                own_windows=lambda: [window_id], environ=desktop.env, platform="linux"
            )
            assert ours.is_fullscreen() is False  # our own windows never hold a prompt
            ours.close()
            _command(process, "hide", "hidden")
            wait_for(lambda: detector.is_fullscreen() is False, timeout=10, what="it to go")
    finally:
        detector.close()


def test_a_window_covering_the_screen_counts_as_full_screen(desktop: Desktop) -> None:
    detector = FullscreenDetector(environ=desktop.env, platform="linux")
    try:
        with qt_window(desktop, "cover") as (process, _):
            wait_for(detector.is_fullscreen, timeout=10, what="the screen-sized window")
            _command(process, "hide", "hidden")
            wait_for(lambda: detector.is_fullscreen() is False, timeout=10, what="it to go")
    finally:
        detector.close()


def test_a_listed_program_in_front_is_found_by_its_window_class(desktop: Desktop) -> None:
    from backbreak.platform.calls import ListedPrograms, x11_front_classes

    # PySide names an app started with QApplication([]) "PySideApp" in its WM_CLASS.
    front = x11_front_classes(desktop.display)
    programs = ListedPrograms(["pysideapp"], running=list, front_classes=front)
    with qt_window(desktop, "small") as (_process, _window_id):
        # No window manager here: the window under the pointer is the one in front.
        desktop.xdotool("mousemove", "100", "100")
        wait_for(lambda: programs.match() is not None, timeout=10, what="the window in front")
        assert "PySideApp" in list(front())
        desktop.xdotool("mousemove", "1000", "700")  # off the window: nothing in front
        wait_for(lambda: programs.match() is None, timeout=10, what="the window to leave")
