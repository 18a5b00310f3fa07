"""What a screen reader reads and hears: the real AT-SPI stack (at-spi2-core's bus and
registry) under Xvfb, read from outside with pyatspi the way Orca reads it.

The reader side runs in Debian's /usr/bin/python3 (``atspi_reader.py``), which has
pyatspi; the app runs on the project's Python. The tests assert what is *read* (roles,
names, announcements), and each writes what Orca would say to ``transcript.txt``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ci import unavailable
from tests.e2e.conftest import Backbreak, Desktop, wait_for
from tests.e2e.test_tray_app import prompt_window

pytestmark = pytest.mark.e2e

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
CATALOG = Path(__file__).parents[2] / "resources" / "catalog" / "catalog.toml"

QUICK_ENTRY = """schema = 1

[[entry]]
id = "e2e-quick-stretch"
title = "Quick side stretch"
kind = "stretch"
areas = ["shoulders"]
duration = 10
sides = "each"
position = "standing"
steps = ["Stand tall and lift one arm over your head.", "Lean gently to the other side."]
why = "Opens the side of the body after sitting."
illustration = "generic.svg"
illustration_alt = "A person leaning to one side, one arm over the head."
"""
"""The only exercise the app may pick in these tests: 5 seconds a side."""


def _reader_available() -> str | None:
    if not Path(BUS_LAUNCHER).exists():
        return "at-spi2-core (the accessibility bus) is not installed"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30, check=False
    )
    if probe.returncode != 0:
        return "python3-pyatspi is not installed for /usr/bin/python3"
    return None


@pytest.fixture
def reader_desktop(desktop: Desktop) -> Desktop:
    """The desktop with an accessibility bus, switched on as a screen reader does."""
    missing = _reader_available()
    if missing:
        message = f"screen reader tests need {missing} (run scripts/test.sh as root)"
        unavailable(message)
    desktop.start(BUS_LAUNCHER, "--launch-immediately")

    def switched_on() -> bool:
        # Orca sets org.a11y.Status.IsEnabled; Qt turns its AT-SPI bridge on when it is.
        result = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.freedesktop.DBus.Properties.Set",
                "string:org.a11y.Status",
                "string:IsEnabled",
                "variant:boolean:true",
            ],
            env=desktop.env,
            capture_output=True,
            timeout=10,
            check=False,
        )
        return result.returncode == 0

    wait_for(switched_on, what="the accessibility bus")
    return desktop


class Listener:
    """The reader's event stream from one application, as JSON lines in a file."""

    def __init__(self, desktop: Desktop, app_name: str, log: Path) -> None:
        self.log = log
        self._sink = log.open("wb")
        self.process = subprocess.Popen(
            [SYSTEM_PYTHON, str(READER), "listen", app_name],
            env=desktop.env,
            stdout=self._sink,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.lines, what="the screen reader to listen")

    def lines(self) -> list[dict[str, Any]]:
        found = []
        for line in self.log.read_text(errors="replace").splitlines():
            try:
                found.append(json.loads(line))
            except json.JSONDecodeError:
                continue  # a line still being written
        return found

    def announcements(self) -> list[str]:
        return [
            str(event["any_data"])
            for event in self.lines()
            if event.get("type") == "object:announcement"
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._sink.close()


@pytest.fixture
def listeners() -> Iterator[list[Listener]]:
    started: list[Listener] = []
    try:
        yield started
    finally:
        for listener in started:
            listener.stop()


def read_tree(desktop: Desktop, app_name: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [SYSTEM_PYTHON, str(READER), "tree", app_name],
        env=desktop.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def what_orca_says(events: list[dict[str, Any]]) -> list[str]:
    """Orca's speech for these events, by its rules for them: an announcement is spoken
    as it is; a window that becomes active is spoken as "name, role"; a focused control as
    "name, role". Other events (a label's text changing while the focus is elsewhere, a
    window shown without focus) are not spoken."""
    said = []
    for event in events:
        kind = event.get("type", "")
        if kind == "object:announcement":
            said.append(str(event["any_data"]))
        elif kind == "window:activate" or (
            kind == "object:state-changed:focused" and event.get("detail1") == 1
        ):
            said.append(f"{event['name']}, {event['role']}")
    return said


def quick_catalog_app(desktop: Desktop, data_dir: Path) -> Backbreak:
    """backbreak whose only exercise is QUICK_ENTRY (every built-in one hidden)."""
    built_in = [entry["id"] for entry in tomllib.loads(CATALOG.read_text())["entry"]]
    config = data_dir / "config"
    (config / "catalog").mkdir(parents=True)
    (config / "catalog" / "quick.toml").write_text(QUICK_ENTRY)
    (config / "settings.toml").write_text(
        "schema_version = 1\nworking_hours_enabled = false\nsound = false\n"
        f"hidden_entries = {json.dumps(built_in)}\n"
    )
    return Backbreak(desktop=desktop, data_dir=data_dir)


def test_a_new_prompt_is_announced_and_read(
    reader_desktop: Desktop, tmp_path: Path, listeners: list[Listener]
) -> None:
    desktop = reader_desktop
    app = quick_catalog_app(desktop, tmp_path / "data-dir")
    try:
        app.start()
        listener = Listener(desktop, "backbreak", tmp_path / "events.jsonl")
        listeners.append(listener)
        assert app.cli("break-now").stdout.strip() == "Prompt open: Quick side stretch"

        # Announced, though the window takes no focus: title, exercise and its time.
        wait_for(
            lambda: any(
                text.startswith("Time to stand up: Quick side stretch")
                for text in listener.announcements()
            ),
            what="the new prompt to be announced",
        )

        # What a reader finds when it reads the window: a dialog named by its title;
        # the labels read as their texts (no "Exercise" or "Steps" in their place);
        # the picture read by its description (the entry's illustration_alt).
        tree = read_tree(desktop, "backbreak")
        windows = [node for node in tree if node["depth"] == 0 and "showing" in node["states"]]
        assert [(w["role"], w["name"]) for w in windows] == [("dialog", "Time to stand up")]
        labels = {node["name"] for node in tree if node["role"] == "label"}
        assert "Quick side stretch" in labels
        assert any("Lean gently to the other side." in name for name in labels)
        assert "Opens the side of the body after sitting." in labels
        assert not {"Exercise", "Steps", "Why it helps", "Time left"} & labels
        images = [node["name"] for node in tree if node["role"] == "image"]
        assert images == ["A person leaning to one side, one arm over the head."]
        buttons = {node["name"] for node in tree if node["role"] == "push button"}
        assert "Start the countdown" in buttons

        # The countdown: Start from the keyboard, then the switch and the end are
        # announced, and nothing for the seconds in between.
        before = len(listener.announcements())
        window = str(wait_for(lambda: prompt_window(desktop), what="the prompt")).splitlines()
        desktop.xdotool("windowfocus", "--sync", window[0])
        desktop.xdotool("key", "alt+t")
        wait_for(
            lambda: len(listener.announcements()) >= before + 2,
            timeout=40,
            what="the switch and the end to be announced",
        )
        during = listener.announcements()[before:]
        assert during[0] == "Switch sides"
        assert during[1]  # the end, in the words the status line shows then
        assert not any(":" in text and text.split(":")[0].isdigit() for text in during)

        transcript = what_orca_says(listener.lines())
        (tmp_path / "transcript.txt").write_text("\n".join(transcript) + "\n")
        print("\n".join(["What Orca would say:", *transcript]))
    finally:
        app.stop()


SETTINGS_SCRIPT = r"""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from backbreak.core.settings import Settings
from backbreak.ui.settings_dialog import SettingsDialog

app = QApplication([])
app.setApplicationName("backbreak-settings")
dialog = SettingsDialog(Settings(), entries=[], illustration_loader=lambda entry: None)
dialog.show()


def untick_every_day():
    # As a user unticking the last working day: the form becomes invalid.
    for box in dialog.days.values():
        box.setChecked(False)
    print("unticked", flush=True)


QTimer.singleShot(1500, untick_every_day)
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def test_a_settings_problem_is_announced_and_read(
    reader_desktop: Desktop, tmp_path: Path, listeners: list[Listener]
) -> None:
    desktop = reader_desktop
    dialog = subprocess.Popen(
        [sys.executable, "-c", SETTINGS_SCRIPT],
        env={**desktop.env, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        listener = Listener(desktop, "backbreak-settings", tmp_path / "events.jsonl")
        listeners.append(listener)
        problem = "Pick at least one working day, or turn working hours off."
        wait_for(
            lambda: problem in listener.announcements(),
            timeout=30,
            what="the settings problem to be announced",
        )
        tree = read_tree(desktop, "backbreak-settings")
        labels = {node["name"] for node in tree if node["role"] == "label"}
        assert problem in labels  # the error label reads as the problem itself
        assert "Problem with these settings" not in labels
        transcript = what_orca_says(listener.lines())
        (tmp_path / "transcript.txt").write_text("\n".join(transcript) + "\n")
        print("\n".join(["What Orca would say:", *transcript]))
    finally:
        dialog.terminate()
        dialog.wait(10)
        if dialog.stdout is not None:
            dialog.stdout.close()
