"""The doctor report with an offscreen Qt application and made-up environments."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from backbreak.doctor import (
    DoctorLine,
    check_calls,
    check_history_saved,
    check_paths,
    check_tray,
    format_line,
    run_doctor,
)
from backbreak.platform import history_spill
from backbreak.platform.paths import resolve_paths

TOPICS = [
    "Tray icon host",
    "Notification server",
    "Idle time (natural breaks)",
    "Suspend and lock notices",
    "Full-screen detection",
    "Do Not Disturb detection",
    "Speech engine (spoken cues)",
    "Settings folder",
    "Data folder (history)",
    "Log folder",
    "Runtime folder (lock, socket)",
]


def test_every_topic_is_reported_and_the_exit_code_is_zero(
    qapp: QApplication, tmp_path: Path
) -> None:
    out = io.StringIO()
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert run_doctor(resolve_paths(tmp_path), out, env) == 0
    report = out.getvalue()
    for topic in TOPICS:
        assert f"{topic}:" in report
    assert str(tmp_path / "config") in report


def test_offscreen_has_no_tray_and_says_what_to_do(qapp: QApplication) -> None:
    line = check_tray({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not line.ok
    assert "offscreen" in line.detail
    assert line.advice


def test_gnome_advice_names_the_appindicator_extension(qapp: QApplication) -> None:
    line = check_tray({"QT_QPA_PLATFORM": "offscreen", "XDG_CURRENT_DESKTOP": "GNOME"}, "linux")
    assert "AppIndicator" in line.advice


def test_no_display_at_all_is_said_plainly() -> None:
    line = check_tray({}, "linux")
    assert not line.ok
    assert "DISPLAY" in line.detail


def test_a_display_that_does_not_answer_is_not_a_crash() -> None:
    line = check_tray({"DISPLAY": ":250"}, "linux")
    assert not line.ok
    assert ":250" in line.detail


def test_an_unwritable_folder_is_flagged(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    # Root may write anywhere, so the permission answer itself is faked.
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != paths.config_dir)
    lines = {line.topic: line for line in check_paths(paths)}
    assert not lines["Settings folder"].ok
    assert "--data-dir" in lines["Settings folder"].advice
    assert lines["Data folder (history)"].ok  # not created yet: fine


def test_format_shows_advice_only_for_problems() -> None:
    good = DoctorLine("Thing", True, "works", "ignored")
    bad = DoctorLine("Thing", False, "missing", "install it")
    assert format_line(good) == ["[ok ] Thing: works"]
    assert format_line(bad) == ["[-- ] Thing: missing", "       What you can do: install it"]


def test_doctor_has_a_line_per_call_detector(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    paths.settings_file.write_text('hold_when_camera = false\nhold_programs = ["zoom"]\n')
    lines = check_calls({}, "linux", paths)
    assert [line.topic for line in lines] == [
        "Microphone in use (calls)",
        "Camera in use (calls)",
        "Programs that hold breaks",
    ]
    assert "turned off" in lines[1].detail
    assert "zoom" in lines[2].detail


def test_history_saving_counts_check_ins_kept_in_the_spill_file(tmp_path: Path) -> None:
    paths = resolve_paths(data_dir=tmp_path)
    assert check_history_saved(paths).ok
    spill = history_spill.spill_path_for(paths.history_db)
    spill.parent.mkdir(parents=True)
    assert history_spill.append(spill, [], None, [("2026-11-29", 1_800_000_000, 7)])
    line = check_history_saved(paths)
    assert not line.ok and "1 check-in(s)" in line.detail
