"""The running app tells the user once when breaks cannot be saved (notification, tray
tooltip, status) and clears it when they are saved."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from backbreak.platform.instance import InstanceGuard
from backbreak.platform.paths import Paths, ensure_dirs, resolve_paths
from backbreak.tray_app import TrayApp
from tests.fakes import FakeNotifier

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def running(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TrayApp, Paths, FakeNotifier]]:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths = resolve_paths(tmp_path)
    ensure_dirs(paths)
    paths.settings_file.write_text("schema_version = 1\nworking_hours_enabled = false\n")
    guard = InstanceGuard(paths.lock_file)
    assert guard.acquire()
    app = TrayApp(qapp, paths, guard)
    fake = FakeNotifier()
    monkeypatch.setattr(app._notifier, "notify", fake.notify)
    app.start()
    try:
        yield app, paths, fake
    finally:
        app.shutdown()
        guard.release()


def test_unsaved_breaks_are_told_once_and_cleared_when_saved(
    running: tuple[TrayApp, Paths, FakeNotifier],
) -> None:
    app, paths, notifier = running
    before = len(notifier.sent)
    holder = sqlite3.connect(paths.history_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for _ in range(3):
            app.handle_command("pause", {"spec": "30m"})
            app.handle_command("resume", {})
        told = [n for n in notifier.sent[before:] if "cannot be saved" in n.body]
        assert len(told) == 1
        assert "not saved yet" in app.tray.icon_tooltip
        status = app.handle_command("status", {})
        unsaved = status["history_unsaved_events"]
        assert isinstance(unsaved, int) and unsaved >= 6
        assert "History:" in str(status["text"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    app._on_minute()
    assert "not saved" not in app.tray.icon_tooltip
    status = app.handle_command("status", {})
    assert status["history_unsaved_events"] == 0 and status["history_problem"] is None
    assert len([n for n in notifier.sent[before:] if "cannot be saved" in n.body]) == 1
