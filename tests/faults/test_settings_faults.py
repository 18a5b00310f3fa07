"""settings.toml in odd shapes: nothing blocks, nothing crashes, nothing is lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from backbreak.core.settings import Settings
from backbreak.platform.settings_store import load_settings, save_settings
from tests.faults.blocking import returns_promptly


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbfinterval_minutes = 30\nsound = false\n")
    loaded = load_settings(path)
    assert loaded.problems == [] and loaded.backup is None
    assert loaded.settings.interval_minutes == 30 and loaded.settings.sound is False


def test_deeply_nested_toml_is_one_problem_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("interval_minutes = 30\nx = " + "[" * 1000 + "]" * 1000 + "\n")
    loaded = load_settings(path)
    assert [p.key for p in loaded.problems] == ["settings.toml"]
    assert loaded.backup is not None and loaded.backup.read_bytes() == path.read_bytes()


def test_an_unknown_deep_key_does_not_break_later_saves(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    # Deep enough that the writer gives up although the reader copes.
    depth = 300
    path.write_text("interval_minutes = 30\nx = " + "[" * depth + "]" * depth + "\n")
    loaded = load_settings(path)
    assert loaded.settings.interval_minutes == 30
    assert loaded.backup is not None  # the deep key is kept there
    save_settings(path, loaded.settings, loaded.extra)
    assert load_settings(path).settings.interval_minutes == 30


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_settings_file_never_blocks(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    os.mkfifo(path)
    loaded = returns_promptly(lambda: load_settings(path))
    assert loaded.settings == Settings()
    assert "not a regular file" in loaded.problems[0].message


def test_a_device_as_settings_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.symlink_to("/dev/zero")
    loaded = returns_promptly(lambda: load_settings(path))
    assert loaded.settings == Settings() and loaded.problems


def test_saving_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles" / "backbreak.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text("interval_minutes = 30\n")
    path = tmp_path / "config" / "settings.toml"
    path.parent.mkdir()
    path.symlink_to(dotfiles)
    loaded = load_settings(path)
    save_settings(path, Settings(interval_minutes=50), loaded.extra)
    assert path.is_symlink()
    assert load_settings(dotfiles).settings.interval_minutes == 50
    assert list(path.parent.iterdir()) == [path]


def test_temp_files_left_by_a_crashed_save_are_cleaned_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("interval_minutes = 30\n")
    old = [tmp_path / f".settings.toml.{n}abc.tmp" for n in range(84)]
    for leftover in old:
        leftover.write_text("half a file")
        stamp = time.time() - 3600
        os.utime(leftover, (stamp, stamp))
    fresh = tmp_path / ".settings.toml.now.tmp"  # a save going on right now
    fresh.write_text("being written")
    load_settings(path)
    assert sorted(tmp_path.iterdir()) == sorted([path, fresh])
