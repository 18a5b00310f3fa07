"""Personal files are not readable by other local users: folders 0700, files 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from backbreak.platform.paths import ensure_dirs, resolve_paths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX-only")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_start_up_tightens_folders_and_files_left_open(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "root", environ={})
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.user_catalog_dir):
        folder.mkdir(parents=True, mode=0o755)
        folder.chmod(0o755)
    open_files = [
        paths.settings_file,
        paths.history_db,
        Path(f"{paths.history_db}-wal"),
        Path(f"{paths.history_db}-shm"),
        paths.log_file,
        paths.log_dir / "backbreak.log.1",
        paths.user_catalog_dir / "mine.toml",
    ]
    for file in open_files:
        file.write_text("x")
        file.chmod(0o644)
    elsewhere = tmp_path / "dotfiles-settings.toml"
    elsewhere.write_text("x")
    elsewhere.chmod(0o644)
    (paths.config_dir / "linked.toml").symlink_to(elsewhere)

    ensure_dirs(paths)

    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.runtime_dir):
        assert mode(folder) == 0o700, folder
    assert mode(paths.user_catalog_dir) == 0o700
    for file in open_files:
        assert mode(file) == 0o600, file
    assert mode(elsewhere) == 0o644  # a link's target is not ours to change


def test_files_the_app_creates_are_private(tmp_path: Path) -> None:
    env = {**os.environ, "BACKBREAK_DATA_DIR": str(tmp_path / "root")}
    # A umask of 022 (the usual one) would make everything readable by others.
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.umask(0o022); from backbreak.cli import main;"
         " sys.exit(main(['stats', '--json']))"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    history = tmp_path / "root" / "data" / "history.sqlite3"
    assert mode(history) == 0o600
    assert mode(history.parent) == 0o700
    assert mode(tmp_path / "root") == 0o700
