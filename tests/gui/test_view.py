"""QtView (the service's View port) and the About dialog."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from backbreak import __version__
from backbreak.core.catalog import Entry
from backbreak.core.status import Status
from backbreak.ports import View
from backbreak.ui.about import AboutDialog
from backbreak.ui.prompt import PromptWindow
from backbreak.ui.tray import TrayController
from backbreak.ui.view import QtView

# Offscreen Qt cannot raise the stay-on-top prompt window; noise, not a fault.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")

ENTRY = Entry(
    id="neck-tilt",
    title="Neck tilt",
    kind="stretch",
    areas=("neck",),
    duration_seconds=20,
    sides="each",
    steps=("Sit tall.", "Tilt one ear towards the shoulder."),
    why="Eases a stiff neck.",
    caution=None,
    needs=(),
    illustration="neck.svg",
)
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def make_view(
    qtbot: QtBot, loader_result: bytes | Exception | None = SVG
) -> tuple[QtView, PromptWindow, TrayController, list[Entry]]:
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    tray = TrayController(tray_available=lambda: False, dark_panel=True)
    loaded: list[Entry] = []

    def loader(entry: Entry) -> bytes | None:
        loaded.append(entry)
        if isinstance(loader_result, Exception):
            raise loader_result
        return loader_result

    view = QtView(
        prompt,
        tray,
        loader,
        zone=lambda: ZoneInfo("Europe/Berlin"),
        is_favourite=lambda entry_id: entry_id == "neck-tilt",
    )
    return view, prompt, tray, loaded


def test_show_and_close_prompt(qtbot: QtBot) -> None:
    qt_view, prompt, tray, loaded = make_view(qtbot)
    view: View = qt_view  # mypy checks that QtView satisfies the port
    view.show_prompt(ENTRY, can_snooze=False, snooze_minutes=5)
    assert loaded == [ENTRY]
    assert prompt.isVisible()
    title = prompt.findChild(QLabel, "title")
    assert title is not None and title.text() == "Neck tilt"
    favourite = prompt.findChild(QAbstractButton, "favourite")
    assert favourite is not None and favourite.isChecked()
    with qtbot.assertNotEmitted(prompt.snooze):
        view.close_prompt()
    assert not prompt.isVisible()
    tray.hide()


def test_a_broken_illustration_still_shows_the_prompt(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    view, prompt, tray, _ = make_view(qtbot, FileNotFoundError("neck.svg"))
    view.show_prompt(ENTRY, can_snooze=True, snooze_minutes=5)
    assert prompt.isVisible()
    assert "neck-tilt" in caplog.text
    prompt.close_prompt()
    tray.hide()


def test_show_status_goes_to_the_tray_in_the_users_zone(qtbot: QtBot) -> None:
    view, _, tray, _ = make_view(qtbot)
    now = datetime(2024, 3, 13, 8, 0, tzinfo=UTC)
    status = Status(
        now=now,
        mode="paused",
        next_prompt_at=None,
        paused_until=now + timedelta(hours=2),
        sitting_since=None,
        interval_minutes=60,
        can_snooze=True,
    )
    view.show_status(status)
    assert tray.tooltip == "Paused until 11:00"  # 10:00 UTC is 11:00 in Berlin
    tray.hide()


def test_about_shows_version_health_note_and_paths(qtbot: QtBot) -> None:
    about = AboutDialog({"Settings": Path("/tmp/cfg/settings.toml"), "Log": "/tmp/log/bb.log"})
    qtbot.addWidget(about)
    about.show()
    texts = " ".join(label.text() for label in about.findChildren(QLabel))
    assert __version__ in texts
    assert "not medical advice" in about.health_note.text()
    assert "doctor or a physiotherapist" in about.health_note.text()
    assert "/tmp/cfg/settings.toml" in texts
    assert not about.isModal()
    about.copy_details()
    clipboard = QApplication.clipboard().text()
    assert clipboard == about.details_text()
    assert "Log: /tmp/log/bb.log" in clipboard
