"""The command line on an empty and a used data dir, with broken files and wrong arguments."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backbreak import __version__
from backbreak.cli import main
from backbreak.core.day_summary import breaks_text
from backbreak.core.history_model import EventKind, HistoryEvent
from backbreak.platform.history import open_history
from backbreak.platform.paths import resolve_paths


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"backbreak {__version__}"


@pytest.mark.parametrize(
    "argv",
    [
        ["--bogus"],
        ["stats", "--days", "many"],
        ["stats", "--days", "0"],
        ["pause", "soon"],
        # The README promises exit 2 for a wrong argument: an open-ended meeting is one.
        ["pause", "--meeting", "indefinitely"],
        ["pause", "--meeting", "until-tomorrow"],
        ["frobnicate"],
        ["completion", "powershell"],
    ],
)
def test_wrong_arguments_get_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("backbreak") and "Traceback" not in err


def test_stats_on_an_empty_data_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "stats", "--data-dir", str(tmp_path))
    assert code == 0
    assert "breaks done 0" in out
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "stats", "--json", "--days", "3")
    data = json.loads(out)
    assert data["completed"] == 0 and len(data["days"]) == 3


def test_stats_with_history(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.history_db.parent.mkdir(parents=True)
    history, _ = open_history(paths.history_db)
    now = datetime.now(UTC).replace(microsecond=0)
    day = now.astimezone().date()
    with history:
        moments: list[tuple[EventKind, int]] = [
            ("prompted", 30),
            ("completed", 29),
            ("prompted", 5),
            ("skipped", 4),
        ]
        for kind, minutes_ago in moments:
            history.record(
                HistoryEvent(
                    kind,
                    now - timedelta(minutes=minutes_ago),
                    day,
                    0,
                    entry_id="chin-tuck",
                    seconds=60,
                    sitting_seconds=3600,
                )
            )
    code, out, _ = run(capsys, "stats", "--json", "--data-dir", str(tmp_path))
    data = json.loads(out)
    assert (data["prompted"], data["completed"], data["skipped"]) == (2, 1, 1)
    assert data["completion_rate"] == 0.5
    code, out, _ = run(capsys, "stats", "--data-dir", str(tmp_path))
    assert code == 0 and "completion rate 50%" in out
    assert f"{day.isoformat()}: 1 of 2 breaks done" in out


def test_stats_counts_breaks_like_the_history_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Issue 10: a prompt snoozed twice and then done is one break, not three prompts. The
    # per-day line says what the History window says ("1 of 1 break done").
    paths = resolve_paths(tmp_path)
    paths.history_db.parent.mkdir(parents=True)
    history, _ = open_history(paths.history_db)
    now = datetime.now(UTC).replace(microsecond=0)
    day = now.astimezone().date()
    with history:
        kinds: list[EventKind] = ["prompted", "snoozed", "prompted", "snoozed", "prompted"]
        for minutes_ago, kind in enumerate([*kinds, "completed"][::-1]):
            history.record(HistoryEvent(kind, now - timedelta(minutes=minutes_ago), day, 0, "a"))
    code, out, _ = run(capsys, "stats", "--data-dir", str(tmp_path))
    assert code == 0
    assert f"{day.isoformat()}: {breaks_text(1, 1)}" in out
    assert "prompts" not in out


def test_corrupt_history_is_moved_aside_with_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path)
    paths.history_db.parent.mkdir(parents=True)
    paths.history_db.write_bytes(b"this is not a database" * 100)
    code, out, err = run(capsys, "stats", "--data-dir", str(tmp_path))
    assert code == 0 and "breaks done 0" in out
    assert "history" in err.lower() and "Traceback" not in err
    backups = list(paths.history_db.parent.glob("history.sqlite3.bak*"))
    assert backups and backups[0].read_bytes().startswith(b"this is not a database")
    with sqlite3.connect(paths.history_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_catalog_lists_entries(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "catalog", "--data-dir", str(tmp_path))
    assert code == 0
    count = int(out.strip().splitlines()[-1].split()[0])
    assert count >= 10
    code, out, _ = run(capsys, "catalog", "--json", "--data-dir", str(tmp_path))
    entries = json.loads(out)
    assert len(entries) == count
    assert {"id", "title", "kind", "areas", "position"} <= set(entries[0])


def test_catalog_says_where_each_move_puts_you_and_that_each_side_time_is_the_total(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "catalog", "--data-dir", str(tmp_path))
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    # 240 s for both legs together: the total, then one leg's share.
    assert "  floor  " in lines["towel-hamstring-stretch"]
    assert "4 min in all, 2 min per side" in lines["towel-hamstring-stretch"]
    assert "each side" not in out
    assert "  standing  " in lines["stand-up-and-walk"]
    assert "  seated  " in lines["blink-and-refocus"]


GOOD_AND_BAD = """
schema = 1

[[entry]]
id = "my-wall-slide"
title = "Wall slide"
kind = "mobility"
areas = ["upper_back"]
duration = 60
sides = "one"
position = "standing"
steps = ["Stand against a wall.", "Slide your arms up and down."]
why = "Wakes up the shoulder blades."
illustration = "slide.svg"

[[entry]]
id = "my-broken"
title = "Broken"
kind = "yoga"
areas = ["upper_back"]
duration = 60
sides = "one"
position = "standing"
steps = ["One.", "Two."]
why = "Nothing."
illustration = "slide.svg"
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    '<circle cx="5" cy="5" r="4"/></svg>'
)


def test_validate_reports_file_entry_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    file = tmp_path / "mine.toml"
    file.write_text(GOOD_AND_BAD)
    (tmp_path / "slide.svg").write_text(SVG)
    code, out, _ = run(capsys, "catalog", "--validate", str(file))
    assert code == 1
    assert "mine.toml" in out and "my-broken" in out and "kind" in out
    assert "my-wall-slide" not in out


def test_validate_accepts_a_good_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = tmp_path / "mine.toml"
    file.write_text(GOOD_AND_BAD.split('[[entry]]\nid = "my-broken"', maxsplit=1)[0])
    (tmp_path / "slide.svg").write_text(SVG)
    code, out, _ = run(capsys, "catalog", "--validate", str(file))
    assert code == 0 and "OK" in out


def test_validate_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "catalog", "--validate", str(tmp_path / "nope.toml"))
    assert code == 1 and "no such catalog file" in err


def test_user_catalog_adds_good_entries_and_reports_bad(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = resolve_paths(tmp_path).user_catalog_dir
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text(GOOD_AND_BAD)
    (folder / "slide.svg").write_text(SVG)
    code, out, err = run(capsys, "catalog", "--json", "--data-dir", str(tmp_path))
    ids = {entry["id"] for entry in json.loads(out)}
    assert code == 0 and "my-wall-slide" in ids and "my-broken" not in ids
    assert "my-broken" in err


def test_settings_show_values_and_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "settings", "--json", "--data-dir", str(tmp_path))
    data = json.loads(out)
    assert code == 0
    assert data["settings"]["interval_minutes"] == 60
    assert data["paths"]["settings_file"].startswith(str(tmp_path))
    assert data["problems"] == []


def test_corrupt_settings_are_kept_aside_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    settings_file = resolve_paths(tmp_path).settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("interval_minutes = 999\nsnooze_minutes = 5\n")
    code, out, _ = run(capsys, "settings", "--data-dir", str(tmp_path))
    assert code == 0
    assert "interval_minutes = 60" in out and "snooze_minutes = 5" in out
    assert "interval_minutes: 999 is outside the allowed range" in out
    assert settings_file.with_name("settings.toml.bak").read_text().startswith("interval")


def test_remote_commands_say_when_nothing_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in (["status"], ["break-now"], ["pause", "30m"], ["resume"], ["quit"]):
        code, _, err = run(capsys, *argv, "--data-dir", str(tmp_path))
        assert code == 1
        assert "not running" in err


def test_stats_csv_export_and_json_areas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path)
    paths.history_db.parent.mkdir(parents=True)
    history, _ = open_history(paths.history_db)
    now = datetime.now(UTC).replace(microsecond=0)
    with history:
        history.record(HistoryEvent("prompted", now, now.astimezone().date(), 0, "chin-tucks"))
        history.record(HistoryEvent("completed", now, now.astimezone().date(), 0, "chin-tucks"))
    out_file = tmp_path / "export.csv"
    code, out, _ = run(capsys, "stats", "--csv", str(out_file), "--data-dir", str(tmp_path))
    assert code == 0 and "Wrote 2 events" in out
    lines = out_file.read_text().splitlines()
    assert len(lines) == 3 and "kind" in lines[0] and "chin-tucks" in lines[2]
    code, out, _ = run(capsys, "stats", "--json", "--data-dir", str(tmp_path))
    data = json.loads(out)
    assert data["entries"] == {"chin-tucks": 1}
    assert data["areas"].get("neck") == 1


def test_stats_csv_to_an_unwritable_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "x.csv"
    code, _, err = run(capsys, "stats", "--csv", str(target), "--data-dir", str(tmp_path))
    assert code == 1 and "could not write" in err


def test_doctor_reports_and_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "doctor", "--data-dir", str(tmp_path))
    assert code == 0
    assert str(tmp_path) in out


def test_autostart_on_status_off(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = tmp_path / "autostart" / "io.github.backbreak.Backbreak.desktop"
    # One sentence each, said once: not "Start at login: off (Start at login is off (...).)".
    code, out, _ = run(capsys, "autostart", "status")
    assert code == 0 and out == f"Start at login is off (login entry: {entry}).\n"
    code, out, _ = run(capsys, "autostart", "on")
    assert code == 0 and entry.is_file()
    assert out == f"Start at login is on (login entry: {entry}).\n"
    code, out, _ = run(capsys, "autostart", "status")
    assert out == f"Start at login is on (login entry: {entry}).\n"
    code, out, _ = run(capsys, "autostart", "off")
    assert code == 0 and not entry.exists()
    assert out == f"Start at login is off (login entry: {entry}).\n"
    code, _, err = run(capsys, "autostart", "maybe")
    assert code == 2 and "invalid choice" in err


def test_install_and_remove_the_desktop_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    code, out, _ = run(capsys, "install-desktop-entry")
    desktop = tmp_path / "applications" / "io.github.backbreak.Backbreak.desktop"
    assert code == 0 and desktop.is_file() and str(desktop) in out
    assert any((tmp_path / "icons" / "hicolor").rglob("*.png"))
    completions = [
        tmp_path / "bash-completion" / "completions" / "backbreak",
        tmp_path / "zsh" / "site-functions" / "_backbreak",
        tmp_path / "fish" / "vendor_completions.d" / "backbreak.fish",
    ]
    for shell, script in zip(("bash", "zsh", "fish"), completions, strict=True):
        assert str(script) in out
        code, printed, _ = run(capsys, "completion", shell)
        assert code == 0 and script.read_text(encoding="utf-8") == printed
    code, out, _ = run(capsys, "install-desktop-entry", "--remove")
    assert code == 0 and not desktop.exists() and "Removed" in out
    assert not [script for script in completions if script.exists()]
