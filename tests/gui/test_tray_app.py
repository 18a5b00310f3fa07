"""The wired-up tray app, offscreen: settings dialog → service → tray → settings file."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from backbreak.core.catalog import CatalogProblem
from backbreak.core.settings import Settings
from backbreak.platform.catalog_files import LoadedCatalog
from backbreak.platform.instance import InstanceGuard
from backbreak.platform.paths import ensure_dirs, resolve_paths
from backbreak.platform.settings_store import LoadedSettings
from backbreak.tray_app import TrayApp, startup_messages
from tests.fakes import FakeNotifier, make_entry

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def tray_app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[TrayApp]:
    # Start at login writes to the user's autostart folder: keep it inside the test.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths = resolve_paths(tmp_path)
    ensure_dirs(paths)
    paths.settings_file.write_text("schema_version = 1\nworking_hours_enabled = false\n")
    guard = InstanceGuard(paths.lock_file)
    assert guard.acquire()
    app = TrayApp(qapp, paths, guard)
    app.start()
    try:
        yield app
    finally:
        app.shutdown()
        guard.release()


def test_settings_dialog_moves_the_next_prompt_and_saves(
    tray_app: TrayApp, qtbot: QtBot, tmp_path: Path
) -> None:
    service = tray_app.service
    before = service.status().next_prompt_at
    assert before is not None
    tray_app.open_settings()
    dialog = tray_app.settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.interval.setValue(20)
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    apply.click()
    after = service.status().next_prompt_at
    assert after is not None
    assert round((before - after).total_seconds() / 60) == 40
    assert "20 min" in tray_app.tray.tooltip or "19 min" in tray_app.tray.tooltip
    saved = tomllib.loads(resolve_paths(tmp_path).settings_file.read_text())
    assert saved["interval_minutes"] == 20
    assert saved["working_hours_enabled"] is False


def test_shell_commands_reach_the_service(tray_app: TrayApp) -> None:
    reply = tray_app.handle_command("pause", {"spec": "1h"})
    assert reply["ok"] is True and "Paused until" in str(reply["text"])
    assert tray_app.service.status().mode == "paused"
    assert tray_app.tray.resume_action.isVisible()
    reply = tray_app.handle_command("pause", {"spec": "whenever"})
    assert reply["ok"] is False and "30m" in str(reply["error"])
    assert tray_app.handle_command("resume", {})["ok"] is True
    assert tray_app.service.status().mode == "running"
    reply = tray_app.handle_command("status", {})
    status = reply["status"]
    assert isinstance(status, dict) and status["mode"] == "running"
    assert tray_app.handle_command("nonsense", {})["ok"] is False


def test_tray_menu_pause_and_break_now(tray_app: TrayApp) -> None:
    tray_app.tray.pause_actions["30m"].trigger()
    assert tray_app.service.status().mode == "paused"
    tray_app.tray.resume_action.trigger()
    tray_app.tray.break_now_action.trigger()
    assert tray_app.service.current_entry is not None
    assert tray_app.prompt.isVisible()
    tray_app.prompt.done.emit()
    assert tray_app.service.current_entry is None


def test_meeting_pause_from_the_tray_and_the_shell(tray_app: TrayApp) -> None:
    tray_app.tray.pause_actions["meeting-60m"].trigger()
    state = tray_app.service.state
    assert state.pause is not None and state.pause.meeting
    tray_app.service.resume()
    reply = tray_app.handle_command("pause", {"spec": "45m", "meeting": True})
    assert reply["ok"] is True
    pause = tray_app.service.state.pause
    assert pause is not None and pause.meeting
    reply = tray_app.handle_command("pause", {"spec": "indefinitely", "meeting": True})
    assert reply["ok"] is False


def test_history_window_opens_from_tray_and_shell(tray_app: TrayApp) -> None:
    assert tray_app.tray.history_action.isEnabled()
    tray_app.tray.history_action.trigger()
    window = tray_app._history_window
    assert window is not None and window.isVisible()
    window.hide()
    assert tray_app.handle_command("history", {})["ok"] is True
    assert window.isVisible()


def test_away_from_presence_lands_in_history(tray_app: TrayApp) -> None:
    now = tray_app.service.status().now
    tray_app._presence.away.emit(now - timedelta(minutes=30), now)
    kinds = [
        e.kind
        for e in tray_app._history.events_between(
            now - timedelta(hours=1), now + timedelta(seconds=1)
        )
    ]
    assert kinds == ["away"]
    status = tray_app.service.status()
    assert status.next_prompt_at is not None
    assert abs((status.next_prompt_at - (now + timedelta(minutes=60))).total_seconds()) < 5


def test_end_of_day_summary_notification(
    tray_app: TrayApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeNotifier()
    monkeypatch.setattr(tray_app._notifier, "notify", fake.notify)
    today = tray_app.service.status().now.astimezone(tray_app._clock.zone()).date()
    tray_app._day_end_day = today
    tray_app._day_summary()
    assert fake.sent == []  # an empty day stays quiet
    tray_app.service.break_now()
    tray_app.service.complete()
    tray_app._day_end_day = today
    tray_app._day_summary()
    [notice] = fake.sent
    assert notice.title == "Your breaks today"
    assert "1 of 1" in notice.body
    assert notice.on_action is not None
    notice.on_action("history")
    assert tray_app._history_window is not None and tray_app._history_window.isVisible()


def test_look_settings_reach_the_prompt(tray_app: TrayApp) -> None:
    assert not tray_app.prompt.large_text
    settings = tray_app.service.settings.replace(large_prompt_text=True)
    tray_app.service.update_settings(settings)
    assert tray_app.prompt.large_text


def test_about_has_diagnostics(tray_app: TrayApp, qtbot: QtBot) -> None:
    tray_app.open_about()
    about = tray_app._about
    assert about is not None and about.isVisible()
    about.show_diagnostics()
    page = about.diagnostics_page
    assert page is not None
    folder = str(tray_app._paths.settings_file.parent)
    qtbot.waitUntil(lambda: folder in page.report_text(), timeout=10_000)


def test_start_up_problems_arrive_in_one_notification(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths(tmp_path)
    ensure_dirs(paths)
    paths.settings_file.write_text("interval_minutes = 999\n")
    paths.user_catalog_dir.mkdir(parents=True)
    (paths.user_catalog_dir / "mine.toml").write_text('schema = 1\n[[entry]]\nid = "x"\n')
    sent: list[tuple[str, str]] = []
    guard = InstanceGuard(paths.lock_file)
    assert guard.acquire()
    app = TrayApp(qapp, paths, guard)
    monkeypatch.setattr(
        app._notifier, "notify", lambda title, body, *args, **kwargs: sent.append((title, body))
    )
    try:
        app.start()
    finally:
        app.shutdown()
        guard.release()
    [(title, body)] = sent
    assert title == "backbreak"
    assert "interval_minutes" in body and "mine.toml" in body


def test_start_at_login_is_read_from_and_written_to_the_system(
    tray_app: TrayApp, tmp_path: Path
) -> None:
    entry = tmp_path / "xdg-config" / "autostart" / "io.github.backbreak.Backbreak.desktop"
    tray_app.open_settings()
    dialog = tray_app.settings_dialog
    assert dialog is not None
    assert dialog.start_at_login.isEnabled() and not dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert entry.is_file() and "Exec=" in entry.read_text()
    # The user switches it off behind our back; the dialog shows the truth on opening.
    entry.unlink()
    dialog.hide()
    tray_app.open_settings()
    assert not dialog.start_at_login.isChecked()


def test_the_day_end_asks_how_the_back_feels_once_a_week(tray_app: TrayApp) -> None:
    from backbreak.ui.checkin import CheckinWindow

    today = tray_app.service.status().now.astimezone(tray_app._clock.zone()).date()
    tray_app._day_end_day = today
    tray_app._day_summary()
    assert tray_app.checkin is None  # nothing happened today: not asked either
    tray_app.service.break_now()
    tray_app.service.complete()
    tray_app._day_end_day = today
    tray_app._day_summary()
    window = tray_app.checkin
    assert isinstance(window, CheckinWindow) and window.isVisible()
    window.scores[3].click()  # one tap
    assert not window.isVisible()
    assert tray_app._history.checkin_scores(today, today) == {today: 3}
    tray_app._day_end_day = today
    tray_app._day_summary()
    assert tray_app.checkin is None or not tray_app.checkin.isVisible()  # weekly: done
    reply = tray_app.handle_command("checkin", {})  # asked for: always
    assert reply["ok"] is True
    asked = tray_app.checkin
    assert asked is not None and asked.isVisible()


def test_a_second_launch_is_answered_where_the_user_sees_it(
    tray_app: TrayApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeNotifier()
    monkeypatch.setattr(tray_app._notifier, "notify", fake.notify)
    reply = tray_app.handle_command("launched-again", {})
    assert reply["ok"] is True
    [notice] = fake.sent
    assert notice.body.startswith("backbreak is already running.")
    assert str(reply["text"]) in notice.body

    # With a break open (here minimized), the break itself comes back instead.
    tray_app.service.break_now()
    tray_app.prompt.showMinimized()
    tray_app.handle_command("launched-again", {})
    assert tray_app.prompt.isVisible() and not tray_app.prompt.isMinimized()
    assert len(fake.sent) == 1


def test_notes_on_entries_that_loaded_are_not_called_a_failure(tmp_path: Path) -> None:
    # An entry without a position loads (counted as seated); one with a bad kind does not.
    folder = tmp_path / "catalog"
    mine = str(folder / "mine.toml")
    kept = make_entry("kept")
    loaded = LoadedCatalog(
        entries=[dataclasses.replace(kept, source=mine)],
        problems=[
            CatalogProblem(mine, "kept", "position", "missing; counted as seated"),
            CatalogProblem(mine, "broken", "kind", "'nap' is not one of: …"),
        ],
    )
    messages = startup_messages(LoadedSettings(Settings()), None, loaded, folder)
    assert len(messages) == 2
    failed, noted = messages
    assert failed.startswith("1 entry in your catalog folder could not be loaded")
    assert "'broken'" in failed and "'kept'" not in failed
    assert noted.startswith("Your catalog folder has 1 note on an entry that still loads")
    assert "'kept': position: missing" in noted
