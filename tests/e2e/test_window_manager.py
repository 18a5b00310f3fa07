"""The prompt under a real window manager (openbox): frames, panels, minimize, Alt+Tab,
monitors coming and going, and focus never taken. The offscreen platform of the widget
tests has none of these."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from backbreak.ui.prompt import SCREEN_MARGIN
from tests.e2e.conftest import Backbreak, Desktop, _start_desktop, wait_for
from tests.e2e.test_tray_app import prompt_window, write_settings
from tests.e2e.windows import qt_window

pytestmark = pytest.mark.e2e


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def inside(self, other: Rect) -> bool:
        return (
            self.x >= other.x
            and self.y >= other.y
            and self.right <= other.right
            and self.bottom <= other.bottom
        )


def _run(desktop: Desktop, *argv: str) -> str:
    result = subprocess.run(
        argv, env=desktop.env, capture_output=True, text=True, timeout=10, check=False
    )
    return result.stdout


def frame(desktop: Desktop, window: str) -> Rect | None:
    """The window's frame as the window manager drew it (client area plus the borders
    and title bar of ``_NET_FRAME_EXTENTS``); None until the window is framed."""
    info = _run(desktop, "xwininfo", "-id", window)
    values = {}
    for line in info.splitlines():
        key, _, value = line.strip().partition(":")
        values[key] = value.strip()
    if values.get("Map State") != "IsViewable":
        return None
    extents = _run(desktop, "xprop", "-id", window, "_NET_FRAME_EXTENTS")
    if "=" not in extents:
        return None
    left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
    return Rect(
        int(values["Absolute upper-left X"]) - left,
        int(values["Absolute upper-left Y"]) - top,
        int(values["Width"]) + left + right,
        int(values["Height"]) + top + bottom,
    )


def work_area(desktop: Desktop) -> Rect:
    """The screen less the panels' struts, as the window manager publishes it (once
    the panel's strut is in it: trayer is a bottom panel in these tests)."""

    def published() -> Rect | None:
        line = _run(desktop, "xprop", "-root", "_NET_WORKAREA")
        if "=" not in line:
            return None
        x, y, width, height = (int(v) for v in line.split("=")[1].split(",")[:4])
        return Rect(x, y, width, height) if height < 800 else None

    # trayer and openbox start together with the app's desktop; on a loaded 2-core machine
    # the panel's strut once took over 20 s to reach the work area, so wait longer here.
    area = wait_for(published, timeout=60, what="the panel's strut in the work area")
    assert isinstance(area, Rect)
    return area


def map_state(desktop: Desktop, window: str) -> str:
    for line in _run(desktop, "xwininfo", "-id", window).splitlines():
        if "Map State" in line:
            return line.split(":")[1].strip()
    return ""


def active_window(desktop: Desktop) -> str:
    return desktop.xdotool("getactivewindow")


def the_prompt(desktop: Desktop) -> str:
    found = wait_for(lambda: prompt_window(desktop), what="the prompt window")
    return str(found).splitlines()[0]


@pytest.fixture
def app(wm_desktop: Desktop, tmp_path: Path) -> Iterator[Backbreak]:
    backbreak = Backbreak(desktop=wm_desktop, data_dir=tmp_path / "data-dir")
    write_settings(backbreak)
    try:
        yield backbreak
    finally:
        backbreak.stop()


def test_first_placement_clears_the_panel_and_new_content_never_creeps(
    app: Backbreak, tmp_path: Path
) -> None:
    desktop = app.desktop
    area = work_area(desktop)
    app.start()
    assert app.cli("break-now").returncode == 0
    window = the_prompt(desktop)

    def corner() -> tuple[int, int] | None:
        placed = frame(desktop, window)
        return (placed.right, placed.bottom) if placed else None

    # The tray is a bottom-right panel: the frame (title bar and borders included) sits
    # in the bottom-right corner of the work area, the margin away from the panel.
    expected = (area.right - SCREEN_MARGIN, area.bottom - SCREEN_MARGIN)
    wait_for(lambda: corner() == expected, what=f"the frame's corner at {expected}")
    desktop.screenshot(tmp_path / "placed.png")

    # Every new exercise (break-now swaps it as "Another one" and a nudge do) refits the
    # window to its text: the corner stays put, and the buttons stay on the screen.
    for _ in range(4):
        assert app.cli("break-now").returncode == 0
        wait_for(lambda: corner() == expected, what=f"the corner to stay at {expected}")
        placed = frame(desktop, window)
        assert placed is not None and placed.inside(area)
    assert app.status()["mode"] == "prompt_open"
    desktop.screenshot(tmp_path / "after-four-swaps.png")


def test_minimized_prompt_comes_back_and_focus_is_never_taken(app: Backbreak) -> None:
    desktop = app.desktop
    app.start()
    with qt_window(desktop, "small") as (_process, editor_id):
        editor = str(editor_id)
        desktop.xdotool("windowactivate", "--sync", editor)
        wait_for(lambda: active_window(desktop) == editor, what="the editor to be active")

        assert app.cli("break-now").returncode == 0
        window = the_prompt(desktop)
        wait_for(lambda: frame(desktop, window), what="the prompt to be framed")
        assert active_window(desktop) == editor  # shown, not focused

        desktop.xdotool("windowminimize", "--sync", window)
        wait_for(lambda: map_state(desktop, window) != "IsViewable", what="minimized")
        assert app.status()["mode"] == "prompt_open"

        # A new break (the nudge after an interval does the same) brings it back,
        # still without taking the keyboard from the editor.
        assert app.cli("break-now").returncode == 0
        wait_for(lambda: map_state(desktop, window) == "IsViewable", what="the prompt back")
        area = work_area(desktop)
        wait_for(
            lambda: (placed := frame(desktop, window)) is not None and placed.inside(area),
            what="the prompt inside the work area",
        )
        assert active_window(desktop) == editor


def alt_tab_reaches(desktop: Desktop, window: str) -> bool:
    """Alt+Tab, as a user presses it, until ``window`` is active (up to three presses:
    on a loaded machine openbox may still be busy with the last focus change when the
    first press arrives; with two windows, each press moves to the other one)."""
    for _ in range(3):
        desktop.xdotool("key", "--delay", "100", "alt+Tab")
        try:
            wait_for(lambda: active_window(desktop) == window, timeout=5, what="the prompt")
        except AssertionError:
            continue
        return True
    return False


def test_alt_tab_reaches_the_prompt(app: Backbreak) -> None:
    desktop = app.desktop
    app.start()
    with qt_window(desktop, "small") as (_process, editor_id):
        editor = str(editor_id)
        desktop.xdotool("windowactivate", "--sync", editor)
        wait_for(lambda: active_window(desktop) == editor, what="the editor to be active")
        assert app.cli("break-now").returncode == 0
        window = the_prompt(desktop)
        wait_for(lambda: frame(desktop, window), what="the prompt to be framed")
        assert active_window(desktop) == editor

        # A keyboard-only user switches windows with Alt+Tab: the prompt is among them
        # (a utility window is skipped by window managers' switchers and taskbars).
        assert alt_tab_reaches(desktop, window)
        window_type = _run(desktop, "xprop", "-id", window, "_NET_WM_WINDOW_TYPE")
        assert "_NET_WM_WINDOW_TYPE_UTILITY" not in window_type
        state = _run(desktop, "xprop", "-id", window, "_NET_WM_STATE")
        assert "SKIP_TASKBAR" not in state and "SKIP_PAGER" not in state


@pytest.fixture
def two_monitor_desktop() -> Iterator[Desktop]:
    """Openbox on one 2560x800 X screen split into two RandR monitors."""
    session = _start_desktop(window_manager=True, tray_edge="bottom", screen="2560x800x24")
    try:
        for name, geometry, output in (
            ("left", "1280/338x800/211+0+0", "screen"),
            ("right", "1280/338x800/211+1280+0", "none"),
        ):
            _run(session, "xrandr", "--setmonitor", name, geometry, output)
        assert "right" in _run(session, "xrandr", "--listmonitors")
        yield session
    finally:
        session.stop()


def test_prompt_on_a_removed_monitor_is_placed_again(
    two_monitor_desktop: Desktop, tmp_path: Path
) -> None:
    desktop = two_monitor_desktop
    app = Backbreak(desktop=desktop, data_dir=tmp_path / "data-dir")
    write_settings(app)
    try:
        app.start()
        # The pointer is on the right monitor: the prompt opens where the user looks.
        desktop.xdotool("mousemove", "2000", "400")
        assert app.cli("break-now").returncode == 0
        window = the_prompt(desktop)
        wait_for(
            lambda: (placed := frame(desktop, window)) is not None and placed.x >= 1280,
            what="the prompt on the right monitor",
        )

        _run(desktop, "xrandr", "--delmonitor", "right")
        left = Rect(0, 0, 1280, 800)
        wait_for(
            lambda: (placed := frame(desktop, window)) is not None and placed.inside(left),
            what="the prompt moved onto the remaining monitor",
        )
        # A new break-now keeps it there, wholly visible.
        assert app.cli("break-now").returncode == 0
        wait_for(
            lambda: (placed := frame(desktop, window)) is not None and placed.inside(left),
            what="the prompt to stay on the remaining monitor",
        )
    finally:
        app.stop()
