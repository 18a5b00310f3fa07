"""The wheel carries the catalog and illustrations, and an installed backbreak finds them.

Builds a wheel from a copy of the working tree (so no build/ or *.egg-info lands in the
checkout), installs it into a fresh venv, and loads the catalog there from a neutral
folder with ``python -I``, so the checkout's own package cannot stand in for the wheel.
The venv is plain (no system site-packages): loading the catalog needs the standard
library only, and this proves it.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from backbreak.platform.catalog_files import load_catalog

pytestmark = pytest.mark.slow

CHECKOUT = Path(__file__).resolve().parents[2]
SOURCE_ITEMS = ("pyproject.toml", "README.md", "LICENSE", "backbreak", "resources")
SHIPPED_SUFFIXES = (".toml", ".svg", ".png", ".wav", ".qm")

PROBE = """
import json, sys, xml.etree.ElementTree as ET
import backbreak.bundled as bundled
import backbreak.platform.catalog_files as catalog_files

loaded = catalog_files.load_catalog(None)
svg_roots = {
    entry.id: ET.fromstring(catalog_files.illustration_bytes(entry)).tag
    for entry in loaded.entries
}
json.dump(
    {
        "module": catalog_files.__file__,
        "resource_root": str(bundled.resource_root()),
        "ids": [entry.id for entry in loaded.entries],
        "problems": [str(problem) for problem in loaded.problems],
        "svg_roots": svg_roots,
        "prefix": sys.prefix,
    },
    sys.stdout,
)
"""


def _version(dist: str) -> tuple[int, ...]:
    try:
        text = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ()
    return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())


def _build_requirements_met() -> bool:
    """Can this interpreter build the wheel without a download (pyproject's requires)?"""
    setuptools = _version("setuptools")
    # 77 reads the SPDX licence string and license-files (PEP 639); bdist_wheel is built in.
    return setuptools >= (77,)


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, f"{command[:4]} failed:\n{done.stdout[-3000:]}\n{done.stderr}"
    return done


def _copy_source(target: Path) -> None:
    target.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCE_ITEMS:
        item = CHECKOUT / name
        if item.is_dir():
            shutil.copytree(item, target / name, ignore=ignore)
        elif item.is_file():
            shutil.copy2(item, target / name)


def _build_wheel(tmp_path: Path) -> tuple[Path, str]:
    """The wheel, and what the build printed."""
    source = tmp_path / "source"
    _copy_source(source)
    dist = tmp_path / "dist"
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(source)]
    if _build_requirements_met():
        command.append("--no-isolation")  # offline and faster; else build fetches them
    done = _run(command, cwd=tmp_path)
    (wheel,) = dist.glob("backbreak-*.whl")
    return wheel, done.stdout + done.stderr


def test_wheel_carries_the_licence_and_builds_without_licence_warnings(tmp_path: Path) -> None:
    wheel, output = _build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        dist_info = metadata.removesuffix("METADATA")
        assert f"{dist_info}licenses/LICENSE" in names
        licence = archive.read(f"{dist_info}licenses/LICENSE")
        headers = archive.read(metadata).decode("utf-8").split("\n\n", 1)[0].splitlines()
    assert licence == (CHECKOUT / "LICENSE").read_bytes()
    assert "License-Expression: GPL-3.0-or-later" in headers
    assert "License-File: LICENSE" in headers
    # The deprecated table form printed "`project.license` as a TOML table is deprecated".
    assert "license" not in "\n".join(
        line for line in output.lower().splitlines() if "deprecat" in line
    ), output


def test_installed_wheel_loads_the_catalog_and_every_illustration(tmp_path: Path) -> None:
    wheel, _ = _build_wheel(tmp_path)

    shipped = sorted(
        path.relative_to(CHECKOUT / "resources").as_posix()
        for path in (CHECKOUT / "resources").rglob("*")
        if path.suffix in SHIPPED_SUFFIXES
    )
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    missing = [name for name in shipped if f"backbreak/resources/{name}" not in in_wheel]
    assert shipped
    assert missing == []

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    _run([*pip, "install", "--quiet", "--no-deps", "--no-index", str(wheel)], cwd=tmp_path)

    neutral = tmp_path / "elsewhere"
    neutral.mkdir()
    # -I: no PYTHONPATH, no user site, no current folder on sys.path.
    report = json.loads(_run([str(python), "-I", "-c", PROBE], cwd=neutral).stdout)

    prefix = Path(report["prefix"]).resolve()
    assert prefix == venv.resolve()
    assert Path(report["module"]).resolve().is_relative_to(prefix)
    assert Path(report["resource_root"]).resolve().is_relative_to(prefix)
    assert report["problems"] == []
    assert report["ids"] == [entry.id for entry in load_catalog(None).entries]
    assert len(report["ids"]) >= 10
    assert set(report["svg_roots"]) == set(report["ids"])
    assert set(report["svg_roots"].values()) == {"{http://www.w3.org/2000/svg}svg"}
