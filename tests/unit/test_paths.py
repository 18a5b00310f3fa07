from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

import platformdirs
import pytest

from backbreak.platform import paths as paths_module
from backbreak.platform.paths import (
    DATA_DIR_ENV,
    Paths,
    ensure_dirs,
    resolve_paths,
    socket_name_for,
)


def test_explicit_data_dir_puts_everything_in_subfolders(tmp_path: Path) -> None:
    found = resolve_paths(tmp_path, environ={})
    assert found == Paths(
        config_dir=tmp_path / "config",
        data_dir=tmp_path / "data",
        log_dir=tmp_path / "log",
        runtime_dir=tmp_path / "run",
    )
    assert found.settings_file == tmp_path / "config" / "settings.toml"
    assert found.user_catalog_dir == tmp_path / "config" / "catalog"
    assert found.history_db == tmp_path / "data" / "history.sqlite3"
    assert found.log_file == tmp_path / "log" / "backbreak.log"
    assert found.lock_file == tmp_path / "run" / "backbreak.lock"


def test_explicit_data_dir_wins_over_environment(tmp_path: Path) -> None:
    found = resolve_paths(tmp_path / "a", environ={DATA_DIR_ENV: str(tmp_path / "b")})
    assert found.config_dir == tmp_path / "a" / "config"


def test_environment_variable_used_without_explicit_dir(tmp_path: Path) -> None:
    found = resolve_paths(environ={DATA_DIR_ENV: str(tmp_path)})
    assert found.data_dir == tmp_path / "data"


def test_relative_data_dir_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    found = resolve_paths(Path("here"), environ={})
    assert found.config_dir == tmp_path / "here" / "config"
    assert found.config_dir.is_absolute()


def test_blank_environment_variable_means_platform_folders() -> None:
    found = resolve_paths(environ={DATA_DIR_ENV: "  "})
    assert found.config_dir == Path(platformdirs.user_config_dir("backbreak", appauthor=False))
    assert found.data_dir == Path(platformdirs.user_data_dir("backbreak", appauthor=False))
    assert found.log_dir == Path(platformdirs.user_log_dir("backbreak", appauthor=False))


def test_runtime_dir_warning_does_not_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    def warns(*args: object, **kwargs: object) -> str:
        warnings.warn("XDG_RUNTIME_DIR is not set", UserWarning, stacklevel=2)
        return "/somewhere/backbreak"

    monkeypatch.setattr(platformdirs, "user_runtime_dir", warns)
    # pytest turns warnings into errors, so reaching the assert proves it was contained.
    assert resolve_paths(environ={}).runtime_dir == Path("/somewhere/backbreak")


@pytest.mark.parametrize("failure", ["raises", "empty"])
def test_runtime_dir_falls_back_under_cache_folder(
    monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    def unavailable(*args: object, **kwargs: object) -> str:
        if failure == "raises":
            raise PermissionError("runtime directory is owned by another user")
        return ""

    monkeypatch.setattr(platformdirs, "user_runtime_dir", unavailable)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda *a, **k: "/cache/backbreak")
    assert resolve_paths(environ={}).runtime_dir == Path("/cache/backbreak/run")


def test_ensure_dirs_creates_all_with_private_runtime_dir(tmp_path: Path) -> None:
    found = resolve_paths(tmp_path / "root", environ={})
    ensure_dirs(found)
    ensure_dirs(found)  # idempotent
    for folder in (found.config_dir, found.data_dir, found.log_dir, found.runtime_dir):
        assert folder.is_dir()
    if os.name == "posix":
        assert stat.S_IMODE(found.runtime_dir.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="folder modes are POSIX-only")
def test_ensure_dirs_tightens_an_existing_runtime_dir(tmp_path: Path) -> None:
    found = resolve_paths(tmp_path, environ={})
    found.runtime_dir.mkdir()
    found.runtime_dir.chmod(0o755)
    ensure_dirs(found)
    assert stat.S_IMODE(found.runtime_dir.stat().st_mode) == 0o700


def test_socket_name_is_the_path_in_the_runtime_dir_on_unix() -> None:
    assert socket_name_for(Path("/run/user/1000/backbreak"), "linux") == (
        "/run/user/1000/backbreak/backbreak.sock"
    )


def test_socket_names_differ_per_data_dir(tmp_path: Path) -> None:
    first = resolve_paths(tmp_path / "one", environ={}).socket_name
    second = resolve_paths(tmp_path / "two", environ={}).socket_name
    assert first != second


def test_long_runtime_dir_gets_a_short_socket_path_in_a_per_user_folder() -> None:
    deep = Path("/tmp") / ("x" * 120)
    name = Path(socket_name_for(deep, "linux"))
    # Never a bare name: Qt would put that into world-writable /tmp, where another user
    # could bind it first.
    assert name.is_absolute()
    assert name.parent.name == f"backbreak-{os.getuid()}"
    assert str(name) != socket_name_for(Path("/tmp") / ("y" * 120), "linux")
    assert len(os.fsencode(str(name))) < paths_module._MAX_SOCKET_PATH_BYTES


def test_windows_socket_name_is_a_pipe_name_per_folder() -> None:
    first = socket_name_for(Path(r"C:\Users\ana\AppData\Local\Temp\backbreak"), "win32")
    second = socket_name_for(Path(r"C:\Users\bob\AppData\Local\Temp\backbreak"), "win32")
    assert first.startswith("backbreak-")
    assert "\\" not in first and "/" not in first
    assert first != second
