"""The welcome window alone, and the tray app showing it on the first start only."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from backbreak.core.settings import Settings
from backbreak.platform.instance import InstanceGuard
from backbreak.platform.paths import Paths, ensure_dirs, resolve_paths
from backbreak.platform.settings_store import load_settings
from backbreak.tray_app import TrayApp
from backbreak.ui.welcome import WelcomeDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_the_choices_come_back_as_settings_and_the_rest_stays(qtbot: QtBot) -> None:
    before = Settings(snooze_minutes=7)
    dialog = WelcomeDialog(before, start_at_login=False)
    qtbot.addWidget(dialog)
    assert dialog.office_friendly.isChecked()  # proposed for a first day at the office
    assert dialog.interval.value() == 60
    dialog.interval.setValue(45)
    dialog.work_start.setTime(QTime(8, 30))
    dialog.work_end.setTime(QTime(16, 45))
    dialog.days[4].setChecked(False)  # no Fridays
    dialog.start_at_login.setChecked(True)
    chosen: list[tuple[object, bool]] = []
    dialog.chosen.connect(lambda settings, try_now: chosen.append((settings, try_now)))
    dialog.try_now.click()
    [(settings, try_now)] = chosen
    assert try_now is True
    assert settings == before.replace(
        interval_minutes=45,
        work_start=time(8, 30),
        work_end=time(16, 45),
        working_days=frozenset({0, 1, 2, 3}),
        office_friendly_only=True,
        start_at_login=True,
    )
    assert not dialog.isVisible()


def test_impossible_hours_or_no_day_cannot_be_started(qtbot: QtBot) -> None:
    dialog = WelcomeDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.work_end.setTime(QTime(9, 0))
    assert not dialog.start.isEnabled() and not dialog.try_now.isEnabled()
    assert "different times" in dialog.problem.text()
    dialog.work_end.setTime(QTime(17, 0))
    for box in dialog.days.values():
        box.setChecked(False)
    assert not dialog.start.isEnabled()
    dialog.days[0].setChecked(True)
    assert dialog.start.isEnabled()
    assert dialog.problem.text() == ""


def start_app(qapp: QApplication, paths: Paths) -> tuple[TrayApp, InstanceGuard]:
    ensure_dirs(paths)
    guard = InstanceGuard(paths.lock_file)
    assert guard.acquire()
    app = TrayApp(qapp, paths, guard)
    app.start()
    return app, guard


def stop_app(app: TrayApp, guard: InstanceGuard) -> None:
    app.shutdown()
    guard.release()


@pytest.fixture
def fresh_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Paths:
    # Start at login writes to the user's autostart folder: keep it inside the test.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return resolve_paths(tmp_path / "fresh")


def test_a_fresh_data_dir_shows_the_welcome_once(qapp: QApplication, fresh_paths: Paths) -> None:
    app, guard = start_app(qapp, fresh_paths)
    try:
        welcome = app.welcome
        assert welcome is not None and welcome.isVisible()
        welcome.close()  # closed without a choice: nothing changes
        assert not fresh_paths.settings_file.exists()
    finally:
        stop_app(app, guard)
    again, guard = start_app(qapp, fresh_paths)
    try:
        assert again.welcome is None  # never again by itself...
        reply = again.handle_command("welcome", {})  # ...but when asked
        assert reply["ok"] is True
        assert again.welcome is not None and again.welcome.isVisible()
    finally:
        stop_app(again, guard)


def test_try_one_now_saves_the_choices_and_opens_a_prompt(
    qapp: QApplication, fresh_paths: Paths
) -> None:
    app, guard = start_app(qapp, fresh_paths)
    try:
        welcome = app.welcome
        assert welcome is not None
        welcome.interval.setValue(50)
        welcome.try_now.click()
        assert app.service.status().mode == "prompt_open"
        assert app.prompt.isVisible()
        saved = load_settings(fresh_paths.settings_file).settings
        assert saved.interval_minutes == 50 and saved.office_friendly_only is True
    finally:
        stop_app(app, guard)


def test_an_existing_user_upgrading_gets_no_welcome(qapp: QApplication, fresh_paths: Paths) -> None:
    fresh_paths.config_dir.mkdir(parents=True)
    fresh_paths.settings_file.write_text("schema_version = 1\ninterval_minutes = 30\n")
    app, guard = start_app(qapp, fresh_paths)
    try:
        assert app.welcome is None
    finally:
        stop_app(app, guard)


def test_the_welcome_asked_for_again_starts_from_the_current_settings(
    qapp: QApplication, fresh_paths: Paths
) -> None:
    app, guard = start_app(qapp, fresh_paths)
    try:
        first = app.welcome
        assert first is not None
        first.close()
        # Changed after the first welcome (e.g. in Settings), then the welcome once more:
        # starting from it must not bring back the values it was first shown with.
        app.service.update_settings(app.service.settings.replace(snooze_minutes=7))
        app.handle_command("welcome", {})
        welcome = app.welcome
        assert welcome is not None and welcome.isVisible()
        welcome.start.click()
        assert app.service.settings.snooze_minutes == 7
        assert load_settings(fresh_paths.settings_file).settings.snooze_minutes == 7
    finally:
        stop_app(app, guard)


def test_the_heading_follows_a_change_of_the_system_font(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    dialog = WelcomeDialog(Settings())
    qtbot.addWidget(dialog)
    [heading] = [
        label
        for label in dialog.findChildren(QLabel)
        if label.text() == "Stand up once in a while, move for a minute"
    ]
    bigger = QFont(dialog.font())
    bigger.setPointSizeF(20.0)
    dialog.setFont(bigger)  # what a new application font does to the window
    assert heading.font().pointSizeF() == 26.0  # still 1.3 times the window's font
    assert heading.font().bold()
