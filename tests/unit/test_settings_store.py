from __future__ import annotations

import os
import stat
import tomllib
from datetime import time
from pathlib import Path

import pytest

from backbreak.core.settings import Settings
from backbreak.platform.settings_store import load_settings, save_settings


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


def test_missing_file_gives_defaults_without_problems(settings_file: Path) -> None:
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings()
    assert loaded.problems == []
    assert loaded.backup is None
    assert loaded.extra == {}
    assert not settings_file.parent.exists()  # loading creates nothing


def test_round_trip_keeps_every_changed_value(settings_file: Path) -> None:
    changed = Settings(
        interval_minutes=45,
        work_start=time(8, 30),
        working_days=frozenset({0, 2, 4}),
        enabled_kinds=frozenset({"stretch", "posture"}),
        sound=False,
    )
    save_settings(settings_file, changed)  # also creates the folder
    loaded = load_settings(settings_file)
    assert loaded.settings == changed
    assert loaded.problems == []


def test_only_changed_keys_and_schema_version_are_written(settings_file: Path) -> None:
    save_settings(settings_file, Settings(snooze_minutes=5))
    text = settings_file.read_text(encoding="utf-8")
    assert text.startswith("# ")  # the explanatory header
    assert tomllib.loads(text) == {"schema_version": 1, "snooze_minutes": 5}


def test_unparseable_toml_is_backed_up_and_reported(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    original = b"interval_minutes = 30\nsound = \n"
    settings_file.write_bytes(original)
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings()
    assert loaded.backup == settings_file.with_name("settings.toml.bak")
    assert loaded.backup.read_bytes() == original
    assert settings_file.read_bytes() == original  # copied, not moved
    [problem] = loaded.problems
    assert problem.key == "settings.toml"
    assert "line 2" in problem.message


def test_an_earlier_backup_is_never_overwritten(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    earlier = settings_file.with_name("settings.toml.bak")
    earlier.write_bytes(b"the older broken file")
    settings_file.write_bytes(b"[[[")
    loaded = load_settings(settings_file)
    assert earlier.read_bytes() == b"the older broken file"
    assert loaded.backup == settings_file.with_name("settings.toml.bak.1")
    assert loaded.backup.read_bytes() == b"[[["


def test_loading_the_same_broken_file_twice_makes_one_backup(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(b"[[[")
    first = load_settings(settings_file).backup
    second = load_settings(settings_file).backup
    assert first == second
    assert sorted(p.name for p in settings_file.parent.iterdir()) == [
        "settings.toml",
        "settings.toml.bak",
    ]


def test_not_utf8_is_backed_up_and_reported(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(b"sound = false\n\xff\xfe")
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings()
    assert loaded.backup is not None and loaded.backup.read_bytes() == b"sound = false\n\xff\xfe"
    assert "UTF-8" in loaded.problems[0].message


def test_wrong_value_falls_back_keeps_good_values_and_backs_up(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    original = b"schema_version = 1\ninterval_minutes = 500\nsnooze_minutes = 7\n"
    settings_file.write_bytes(original)
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings(snooze_minutes=7)
    assert [str(p) for p in loaded.problems] == [
        "interval_minutes: 500 is outside the allowed range 5–240"
    ]
    assert loaded.backup is not None and loaded.backup.read_bytes() == original


def test_unknown_keys_are_reported_kept_and_written_back(settings_file: Path) -> None:
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text(
        'snooze_minutes = 7\nmystery = "keep me"\n\n[future]\nlevel = 3\n', encoding="utf-8"
    )
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings(snooze_minutes=7)
    assert {p.key for p in loaded.problems} == {"mystery", "future"}
    assert loaded.extra == {"mystery": "keep me", "future": {"level": 3}}
    assert loaded.backup is None  # nothing is about to be lost

    save_settings(settings_file, loaded.settings.replace(sound=False), extra=loaded.extra)
    written = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    assert written == {
        "schema_version": 1,
        "snooze_minutes": 7,
        "sound": False,
        "mystery": "keep me",
        "future": {"level": 3},
    }


def test_known_key_wins_over_a_stale_extra(settings_file: Path) -> None:
    save_settings(settings_file, Settings(snooze_minutes=7), extra={"snooze_minutes": 99})
    assert load_settings(settings_file).settings.snooze_minutes == 7


def test_failed_write_leaves_the_old_file_intact(
    settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(settings_file, Settings(interval_minutes=30))
    before = settings_file.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_settings(settings_file, Settings(interval_minutes=90))
    assert settings_file.read_bytes() == before
    assert [p.name for p in settings_file.parent.iterdir()] == ["settings.toml"]  # no temp left


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")
def test_save_keeps_the_file_mode(settings_file: Path) -> None:
    save_settings(settings_file, Settings())
    settings_file.chmod(0o640)
    save_settings(settings_file, Settings(sound=False))
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o640


def test_unreadable_path_gives_defaults_and_a_problem(settings_file: Path) -> None:
    settings_file.mkdir(parents=True)  # a folder where the file should be
    loaded = load_settings(settings_file)
    assert loaded.settings == Settings()
    assert loaded.problems[0].key == "settings.toml"
    assert loaded.backup is None
